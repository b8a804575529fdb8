// fuzz/fuzz_expression: DHIS2 indicator expressions through Expression::Parse (lexer, parser,
// compiler) and, when they compile, Evaluate under each missing-value strategy, so the stack
// bound the compiler promises (kMaxExpressionStack) is checked by ASan.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "engine/expression.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const solieu::Expression expression =
        solieu::Expression::Parse(solieu::fuzz::AsText(data, size));
    std::vector<std::optional<double>> values(expression.Items().size());
    for (size_t i = 0; i < values.size(); ++i) {
      // Some missing, some zero, some not: exercises NaN propagation and division by zero.
      if (i % 3 == 1) values[i] = static_cast<double>(i) - 1.5;
      if (i % 3 == 2) values[i] = 0.0;
    }
    for (auto strategy : {solieu::MissingValueStrategy::kSkipIfAllValuesMissing,
                          solieu::MissingValueStrategy::kSkipIfAnyValueMissing,
                          solieu::MissingValueStrategy::kNeverSkip}) {
      std::optional<double> value = expression.Evaluate(values, 31.0, strategy);
      asm volatile("" : : "r"(value.has_value()) : "memory");
    }
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
