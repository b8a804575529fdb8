// engine/expression: a DHIS2 indicator expression (numerator or denominator), parsed once and
// evaluated many times without allocating, over the values of its items.
// Depends on: engine/expression_item, engine/expression_program, core/error.
//
// Syntax: DHIS2's indicator expressions — #{de}, #{de.coc}, #{de.*.aoc}, #{de.coc.aoc}, C{..},
// OUG{..}, N{indicator}, R{dataSet.REPORTING_RATE} (and the other four metrics), [days], numbers
// (12, 1.5, .5, 1e3), true/false, + - * / % ^, unary - + ! not, < <= > >= == != && and || or,
// parentheses, and the functions if(c, a, b), isNull(x), isNotNull(x), firstNonNull(a, ...),
// greatest(a, ...), least(a, ...), removeZeros(x). Ids inside braces are uids or codes: letters,
// digits, '_' and '-', with '.' only between ids. Whitespace (and no-break space) is allowed
// anywhere between tokens and around ids. Precedence is DHIS2's: see engine/expression_parser.h.
// D{..}, I{..}, A{..}, V{..} and d2: functions (tracker programs) are refused with
// expression.unsupported. A superset of DHIS2 in one respect: isNull, isNotNull and firstNonNull
// accept any expression, where DHIS2 accepts only items and literals.
//
// Values: every result is a finite double or "no value" (std::nullopt), never an error and never
// a made-up 0. Division or modulo by zero, a power that is not a real number (e.g. (-8)^0.5),
// overflow, and any operator or function applied to no value give no value, except:
//   isNull(x) / isNotNull(x)   1 or 0 — they see the gap
//   firstNonNull(a, b, ...)    the first argument with a value; no value if none has one
//   removeZeros(x)             no value where x is 0, else x
//   if(c, a, b)                a if c is non-zero, b if c is 0; no value if c has no value, so a
//                              gap never silently chooses a branch — test it with isNull(...)
// Booleans are 1 and 0; comparisons and logic with no value on either side give no value.
//
// Missing data — MissingValueStrategy, chosen per evaluation. It governs data items only
// (#{..}, N{..}, R{..}); a constant, org unit group count or [days] without a value is simply no
// value. An item written directly as the argument of isNull, isNotNull or firstNonNull is always
// seen as it is, so those functions can tell a gap from a 0 under every strategy.
//   kSkipIfAllValuesMissing (DHIS2's SKIP_IF_ALL_VALUES_MISSING, the default, and what DHIS2
//     does for indicators): no value if every data item is missing; otherwise a missing data
//     item reads as 0. #{a}+#{b} with only a reported is a; with neither reported, no value.
//   kSkipIfAnyValueMissing: a missing data item stays missing, so any arithmetic containing it
//     has no value (NULL propagation, as in SQL); only the functions above see past the gap.
//     DHIS2's SKIP_IF_ANY_VALUE_MISSING skips the whole expression instead; the two differ only
//     where a gap is looked past: by those functions, or in an if() branch not taken.
//   kNeverSkip (DHIS2's NEVER_SKIP): a missing data item always reads as 0; an expression whose
//     data are all missing still has a value (0 for #{a}, no value for #{a}/#{b}).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expression_item.h"
#include "engine/expression_program.h"

namespace solieu {

// For Evaluate when the expression does not use [days]. A plain double rather than an optional:
// GCC passes std::optional<double> through memory with a store-forwarding stall, which cost more
// than evaluating #{a}/#{b}.
inline constexpr double kUnknownDays = std::numeric_limits<double>::quiet_NaN();

enum class MissingValueStrategy {
  kSkipIfAllValuesMissing,
  kSkipIfAnyValueMissing,
  kNeverSkip,
};

// DHIS2's spelling: "SKIP_IF_ALL_VALUES_MISSING", "SKIP_IF_ANY_VALUE_MISSING", "NEVER_SKIP".
std::string_view MissingValueStrategyName(MissingValueStrategy strategy);
bool ParseMissingValueStrategy(std::string_view name, MissingValueStrategy* out);

class Expression {
 public:
  // Throws UserError with code expression.syntax (or expression.unsupported,
  // expression.too_complex) and a message such as "vị trí 7: thiếu ')' / position 7: expected ')'"
  // (1-based character position). Callers add where the text came from as the error's `where`.
  static Expression Parse(std::string_view text);

  // The text as given to Parse.
  const std::string& Text() const { return text_; }

  // The distinct items, in order of first appearance; Evaluate takes their values in this order.
  // #{de}, #{de.*} and #{de.*.*} are the same item.
  const std::vector<ExpressionItem>& Items() const { return program_.items; }

  // Whether the value depends on [days], the number of days in the period.
  bool UsesDays() const { return program_.uses_days; }

  // The value, given one entry per item of Items() (std::nullopt or a non-finite value means
  // missing) and the number of days in the period ([days] has no value if they are unknown or
  // not finite). Does not allocate. Throws std::invalid_argument if `values` does not have
  // exactly one entry per item.
  std::optional<double> Evaluate(
      std::span<const std::optional<double>> values, double days = kUnknownDays,
      MissingValueStrategy strategy = MissingValueStrategy::kSkipIfAllValuesMissing) const {
    const double value = EvaluateOrNaN(values, days, strategy);
    if (std::isnan(value)) return std::nullopt;
    return value;
  }

  // The same, looking every item up through `lookup` (convenient for tests and one-off use).
  using ItemLookup = std::function<std::optional<double>(const ExpressionItem&)>;
  std::optional<double> EvaluateWith(
      const ItemLookup& lookup, double days = kUnknownDays,
      MissingValueStrategy strategy = MissingValueStrategy::kSkipIfAllValuesMissing) const;

 private:
  Expression(std::string text, ExpressionProgram program);

  // Evaluate's work, with NaN for no value. Returning a plain double keeps the result in a
  // register; a returned std::optional<double> went through memory and a store-forwarding stall
  // that cost more than evaluating #{a}/#{b} itself.
  double EvaluateOrNaN(std::span<const std::optional<double>> values, double days,
                       MissingValueStrategy strategy) const;

  std::string text_;
  ExpressionProgram program_;
};

// An indicator's value: numerator / denominator * factor, before rounding to its decimals for
// display. No value if either side has none, the denominator is 0, or the result is not finite.
// Inline, so that the optionals stay in registers at the call site.
inline std::optional<double> IndicatorValue(std::optional<double> numerator,
                                            std::optional<double> denominator, double factor) {
  if (!numerator.has_value() || !denominator.has_value() || *denominator == 0) {
    return std::nullopt;
  }
  const double value = *numerator / *denominator * factor;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace solieu
