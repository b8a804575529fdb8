// fuzz/fuzz_csv_reader: core/csv_reader's CsvReader (the configuration folder's CSV), every
// record to the end of the input.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "core/error.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(solieu::fuzz::AsText(data, size))};
  try {
    solieu::CsvReader reader(in, "fuzz.csv");
    std::vector<std::string> fields;
    size_t total = 0;
    while (reader.Next(&fields)) {
      total += static_cast<size_t>(reader.line());
      for (const std::string& field : fields) total += field.size();
    }
    asm volatile("" : : "r"(total) : "memory");
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
