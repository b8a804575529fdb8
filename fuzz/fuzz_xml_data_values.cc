// fuzz/fuzz_xml_data_values: DHIS2 dataValueSets XML through XmlDataValueReader, read to the end
// with a small, varying chunk size.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.h"
#include "exchange/xml_data_value_reader.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(solieu::fuzz::AsText(data, size))};
  try {
    solieu::XmlDataValueReader reader(in, "fuzz.xml", solieu::fuzz::ChunkSize(size));
    solieu::fuzz::Drain(reader);
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
