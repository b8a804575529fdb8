// fuzz/fuzz_period: period ids (DHIS2 and ADX "start/duration") through Period::Parse, which
// never throws. A parsed period must print an id that parses back to the same span (the promise in
// core/period.h), and its labels must print; a broken promise traps.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/period.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<solieu::Period> period =
      solieu::Period::Parse(solieu::fuzz::AsText(data, size));
  if (!period) return 0;
  const std::string id = period->Id();
  const std::optional<solieu::Period> again = solieu::Period::Parse(id);
  if (!again || again->start() != period->start() || again->end() != period->end() ||
      again->Id() != id) {
    __builtin_trap();
  }
  const std::string labels = period->LabelVi() + period->LabelEn();
  asm volatile("" : : "r"(labels.size()) : "memory");
  return 0;
}
