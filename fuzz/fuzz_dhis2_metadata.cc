// fuzz/fuzz_dhis2_metadata: a DHIS2 metadata package (JSON) through ReadDhis2Metadata into a
// snapshot, against an empty store; the DHIS2 province level varies with the input's size.
#include <cstddef>
#include <cstdint>

#include "core/error.h"
#include "core/metadata.h"
#include "exchange/dhis2_metadata_reader.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const solieu::MetadataSnapshot stored;
  solieu::Dhis2MetadataOptions options;
  options.province_level = 1 + static_cast<int>(size % 3);
  try {
    solieu::Dhis2Package package =
        solieu::ReadDhis2Metadata(solieu::fuzz::AsText(data, size), "fuzz.json", stored, options);
    asm volatile("" : : "r"(package.notes.size()) : "memory");
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
