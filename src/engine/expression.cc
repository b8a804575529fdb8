#include "engine/expression.h"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/expression_parser.h"

namespace solieu {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

double Finite(double x) {
  return std::isfinite(x) ? x : kNoValue;
}
double Truth(bool b) {
  return b ? 1 : 0;
}
bool EitherMissing(double a, double b) {
  return std::isnan(a) || std::isnan(b);
}

}  // namespace

Expression::Expression(std::string text, ExpressionProgram program)
    : text_(std::move(text)), program_(std::move(program)) {}

Expression Expression::Parse(std::string_view text) {
  return Expression(std::string(text), CompileExpression(text));
}

std::optional<double> Expression::Evaluate(std::span<const std::optional<double>> values,
                                           std::optional<double> days,
                                           MissingValueStrategy strategy) const {
  if (values.size() != program_.items.size()) {
    throw std::invalid_argument("Expression::Evaluate: expected one value per item of Items()");
  }
  const auto missing = [&](std::uint32_t slot) {
    return !values[slot].has_value() || !std::isfinite(*values[slot]);
  };
  bool missing_reads_as_zero = false;
  switch (strategy) {
    case MissingValueStrategy::kSkipIfAllValuesMissing: {
      bool all_missing = !program_.data_slots.empty();
      for (std::uint32_t slot : program_.data_slots) {
        if (!missing(slot)) {
          all_missing = false;
          break;
        }
      }
      if (all_missing) return std::nullopt;
      missing_reads_as_zero = true;
      break;
    }
    case MissingValueStrategy::kSkipIfAnyValueMissing:
      break;
    case MissingValueStrategy::kNeverSkip:
      missing_reads_as_zero = true;
      break;
  }
  const double days_value = days.has_value() ? Finite(*days) : kNoValue;

  // `top` points one past the last value; the parser guarantees the depth never exceeds the
  // array and that every op finds its operands.
  std::array<double, kMaxExpressionStack> stack;
  double* top = stack.data();
  for (const Instruction& instruction : program_.code) {
    switch (instruction.op) {
      case Op::kPush:
        *top++ = instruction.number;
        break;
      case Op::kLoad:
        *top++ = missing(instruction.slot) ? kNoValue : *values[instruction.slot];
        break;
      case Op::kLoadData:
        *top++ = !missing(instruction.slot) ? *values[instruction.slot]
                 : missing_reads_as_zero    ? 0
                                            : kNoValue;
        break;
      case Op::kLoadDays:
        *top++ = days_value;
        break;
      case Op::kNegate:
        top[-1] = -top[-1];
        break;
      case Op::kNot:
        top[-1] = std::isnan(top[-1]) ? kNoValue : Truth(top[-1] == 0);
        break;
      case Op::kIsNull:
        top[-1] = Truth(std::isnan(top[-1]));
        break;
      case Op::kIsNotNull:
        top[-1] = Truth(!std::isnan(top[-1]));
        break;
      case Op::kRemoveZeros:
        if (top[-1] == 0) top[-1] = kNoValue;
        break;
      case Op::kIf: {
        top -= 2;
        const double condition = top[-1];
        top[-1] = std::isnan(condition) ? kNoValue : condition != 0 ? top[0] : top[1];
        break;
      }
      default: {
        // Binary operators: a op b, with b on top.
        const double b = *--top;
        const double a = top[-1];
        double result = kNoValue;
        switch (instruction.op) {
          case Op::kAdd:
            result = Finite(a + b);
            break;
          case Op::kSubtract:
            result = Finite(a - b);
            break;
          case Op::kMultiply:
            result = Finite(a * b);
            break;
          case Op::kDivide:
            if (b != 0) result = Finite(a / b);
            break;
          case Op::kModulo:
            if (b != 0) result = Finite(std::fmod(a, b));
            break;
          case Op::kPower:
            // pow(x, 0) is 1 and pow(1, y) is 1 even for NaN; a gap must stay a gap.
            if (!EitherMissing(a, b)) result = Finite(std::pow(a, b));
            break;
          case Op::kLess:
            if (!EitherMissing(a, b)) result = Truth(a < b);
            break;
          case Op::kLessEqual:
            if (!EitherMissing(a, b)) result = Truth(a <= b);
            break;
          case Op::kGreater:
            if (!EitherMissing(a, b)) result = Truth(a > b);
            break;
          case Op::kGreaterEqual:
            if (!EitherMissing(a, b)) result = Truth(a >= b);
            break;
          case Op::kEqual:
            if (!EitherMissing(a, b)) result = Truth(a == b);
            break;
          case Op::kNotEqual:
            if (!EitherMissing(a, b)) result = Truth(a != b);
            break;
          case Op::kAnd:
            if (!EitherMissing(a, b)) result = Truth(a != 0 && b != 0);
            break;
          case Op::kOr:
            if (!EitherMissing(a, b)) result = Truth(a != 0 || b != 0);
            break;
          case Op::kFirstNonNull:
            result = std::isnan(a) ? b : a;
            break;
          case Op::kGreatest:
            if (!EitherMissing(a, b)) result = a < b ? b : a;
            break;
          case Op::kLeast:
            if (!EitherMissing(a, b)) result = b < a ? b : a;
            break;
          default:
            break;
        }
        top[-1] = result;
      }
    }
  }
  const double result = stack[0];
  if (std::isnan(result)) return std::nullopt;
  return result == 0 ? 0.0 : result;  // no "-0" for 0 * -1
}

std::optional<double> Expression::EvaluateWith(const ItemLookup& lookup, std::optional<double> days,
                                               MissingValueStrategy strategy) const {
  std::vector<std::optional<double>> values;
  values.reserve(program_.items.size());
  for (const ExpressionItem& item : program_.items) values.push_back(lookup(item));
  return Evaluate(values, days, strategy);
}

std::optional<double> IndicatorValue(std::optional<double> numerator,
                                     std::optional<double> denominator, double factor) {
  if (!numerator.has_value() || !denominator.has_value() || *denominator == 0) {
    return std::nullopt;
  }
  const double value = *numerator / *denominator * factor;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace solieu
