// engine/expression_error: how a bad expression is reported — a bilingual UserError whose message
// starts with the 1-based character column, e.g. "vị trí 7: thiếu ')' / position 7: expected ')'".
// The caller adds the locator (file, line, field) by rethrowing with `where`.
// Depends on: core/error.
#pragma once

#include <cstddef>
#include <string_view>

namespace solieu {

inline constexpr std::string_view kExpressionSyntax = "expression.syntax";
// Valid DHIS2 that solieu does not evaluate: D{...}, I{...}, A{...}, V{...}, d2: functions.
inline constexpr std::string_view kExpressionUnsupported = "expression.unsupported";
// Nested deeper than any real indicator; refused so parsing and evaluation stay bounded.
inline constexpr std::string_view kExpressionTooComplex = "expression.too_complex";

// The 1-based column of byte `offset`, counting UTF-8 characters, not bytes.
int ExpressionColumn(std::string_view text, std::size_t offset);

[[noreturn]] void ThrowExpressionError(std::string_view code, std::string_view text,
                                       std::size_t offset, std::string_view what_vi,
                                       std::string_view what_en);

}  // namespace solieu
