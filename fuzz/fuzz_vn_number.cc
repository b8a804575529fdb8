// fuzz/fuzz_vn_number: numbers typed the Vietnamese way through report::ParseVi; a parsed number
// is printed back at several decimals in both languages.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "fuzz/fuzz_common.h"
#include "report/vn_number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const double value = solieu::report::ParseVi(solieu::fuzz::AsText(data, size), "fuzz");
    size_t total = 0;
    for (int decimals : {0, 1, 2, 17}) {
      total += solieu::report::FormatVi(value, decimals).size();
      total += solieu::report::FormatViTrailing(value, decimals).size();
      total += solieu::report::FormatEn(value, decimals).size();
      total += static_cast<size_t>(solieu::report::RoundAsPrinted(value, decimals) != 0);
    }
    asm volatile("" : : "r"(total) : "memory");
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
