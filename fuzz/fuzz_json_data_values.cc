// fuzz/fuzz_json_data_values: DHIS2 dataValueSets JSON through JsonDataValueReader, read to the end
// with a small, varying chunk size.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.h"
#include "exchange/json_data_value_reader.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(solieu::fuzz::AsText(data, size))};
  try {
    solieu::JsonDataValueReader reader(in, "fuzz.json", solieu::fuzz::ChunkSize(size));
    solieu::fuzz::Drain(reader);
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
