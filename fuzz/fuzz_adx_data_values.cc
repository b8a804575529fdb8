// fuzz/fuzz_adx_data_values: ADX (IHE QRPH aggregate data exchange) through
// OpenDataValueSource("adx"), read to the end. The ADX reader is being written; until "adx" is one
// of DataValueFormats() the target says so and exits 0 at start-up, and scripts/fuzz.sh reports it
// as skipped.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/data_value_formats.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const std::vector<std::string> formats = solieu::DataValueFormats();
  if (std::find(formats.begin(), formats.end(), "adx") == formats.end()) {
    std::fprintf(stderr, "fuzz_adx_data_values: SKIPPED: format adx is not available yet\n");
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(solieu::fuzz::AsText(data, size))};
  try {
    auto source = solieu::OpenDataValueSource("adx", in, "fuzz.adx");
    solieu::fuzz::Drain(*source);
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
