#include "engine/expression.h"

#include <algorithm>
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

std::string_view MissingValueStrategyName(MissingValueStrategy strategy) {
  switch (strategy) {
    case MissingValueStrategy::kSkipIfAllValuesMissing:
      return "SKIP_IF_ALL_VALUES_MISSING";
    case MissingValueStrategy::kSkipIfAnyValueMissing:
      return "SKIP_IF_ANY_VALUE_MISSING";
    case MissingValueStrategy::kNeverSkip:
      return "NEVER_SKIP";
  }
  return "SKIP_IF_ALL_VALUES_MISSING";
}

bool ParseMissingValueStrategy(std::string_view name, MissingValueStrategy* out) {
  for (MissingValueStrategy s :
       {MissingValueStrategy::kSkipIfAllValuesMissing, MissingValueStrategy::kSkipIfAnyValueMissing,
        MissingValueStrategy::kNeverSkip}) {
    if (MissingValueStrategyName(s) == name) {
      *out = s;
      return true;
    }
  }
  return false;
}

Expression::Expression(std::string text, ExpressionProgram program)
    : text_(std::move(text)), program_(std::move(program)) {}

Expression Expression::Parse(std::string_view text) {
  return Expression(std::string(text), CompileExpression(text));
}

double Expression::EvaluateOrNaN(std::span<const std::optional<double>> values, double days,
                                 MissingValueStrategy strategy) const {
  if (values.size() != program_.items.size()) {
    throw std::invalid_argument("Expression::Evaluate: expected one value per item of Items()");
  }
  const auto has_value = [&](std::uint32_t slot) {
    return values[slot].has_value() && std::isfinite(*values[slot]);
  };
  // What a missing data item reads as outside isNull, isNotNull and firstNonNull.
  double missing_data = kNoValue;
  switch (strategy) {
    case MissingValueStrategy::kSkipIfAllValuesMissing: {
      const bool any_value =
          std::any_of(program_.data_slots.begin(), program_.data_slots.end(), has_value);
      if (!any_value && !program_.data_slots.empty()) return kNoValue;
      missing_data = 0;
      break;
    }
    case MissingValueStrategy::kSkipIfAnyValueMissing:
      break;
    case MissingValueStrategy::kNeverSkip:
      missing_data = 0;
      break;
  }
  const double days_value = Finite(days);

  // The top of the stack lives in `top`, the rest below `rest`. The parser guarantees that the
  // depth stays within the array and that every op finds its operands.
  std::array<double, kMaxExpressionStack> stack;
  double* rest = stack.data();
  double top = 0;
  for (const Instruction& instruction : program_.code) {
    // The instruction's operand: a value from the program or the input, or the top of the stack
    // (then the left side moves up into `top`).
    double operand = kNoValue;
    switch (instruction.operand) {
      case Operand::kStack:
        operand = top;
        if (IsBinary(instruction.op)) top = *--rest;
        break;
      case Operand::kNumber:
        operand = instruction.number;
        break;
      case Operand::kItem:
        operand = has_value(instruction.slot) ? *values[instruction.slot] : kNoValue;
        break;
      case Operand::kDataItem:
        operand = has_value(instruction.slot) ? *values[instruction.slot] : missing_data;
        break;
      case Operand::kDays:
        operand = days_value;
        break;
    }
    const double a = top;
    const double b = operand;
    switch (instruction.op) {
      case Op::kValue:
        *rest++ = top;
        top = b;
        break;
      case Op::kNegate:
        top = -b;
        break;
      case Op::kNot:
        top = std::isnan(b) ? kNoValue : Truth(b == 0);
        break;
      case Op::kIsNull:
        top = Truth(std::isnan(b));
        break;
      case Op::kIsNotNull:
        top = Truth(!std::isnan(b));
        break;
      case Op::kRemoveZeros:
        top = b == 0 ? kNoValue : b;
        break;
      case Op::kIf: {
        const double else_value = b;
        const double then_value = *--rest;
        const double condition = *--rest;
        top = std::isnan(condition) ? kNoValue : condition != 0 ? then_value : else_value;
        break;
      }
      case Op::kAdd:
        top = Finite(a + b);
        break;
      case Op::kSubtract:
        top = Finite(a - b);
        break;
      case Op::kMultiply:
        top = Finite(a * b);
        break;
      case Op::kDivide:
        top = b != 0 ? Finite(a / b) : kNoValue;
        break;
      case Op::kModulo:
        top = b != 0 ? Finite(std::fmod(a, b)) : kNoValue;
        break;
      case Op::kPower:
        // pow(x, 0) and pow(1, y) are 1 even for NaN; a gap must stay a gap.
        top = EitherMissing(a, b) ? kNoValue : Finite(std::pow(a, b));
        break;
      case Op::kLess:
        top = EitherMissing(a, b) ? kNoValue : Truth(a < b);
        break;
      case Op::kLessEqual:
        top = EitherMissing(a, b) ? kNoValue : Truth(a <= b);
        break;
      case Op::kGreater:
        top = EitherMissing(a, b) ? kNoValue : Truth(a > b);
        break;
      case Op::kGreaterEqual:
        top = EitherMissing(a, b) ? kNoValue : Truth(a >= b);
        break;
      case Op::kEqual:
        top = EitherMissing(a, b) ? kNoValue : Truth(a == b);
        break;
      case Op::kNotEqual:
        top = EitherMissing(a, b) ? kNoValue : Truth(a != b);
        break;
      case Op::kAnd:
        top = EitherMissing(a, b) ? kNoValue : Truth(a != 0 && b != 0);
        break;
      case Op::kOr:
        top = EitherMissing(a, b) ? kNoValue : Truth(a != 0 || b != 0);
        break;
      case Op::kFirstNonNull:
        top = std::isnan(a) ? b : a;
        break;
      case Op::kGreatest:
        top = EitherMissing(a, b) ? kNoValue : a < b ? b : a;
        break;
      case Op::kLeast:
        top = EitherMissing(a, b) ? kNoValue : b < a ? b : a;
        break;
    }
  }
  return top == 0 ? 0.0 : top;  // no "-0" for 0 * -1
}

std::optional<double> Expression::EvaluateWith(const ItemLookup& lookup, double days,
                                               MissingValueStrategy strategy) const {
  std::vector<std::optional<double>> values;
  values.reserve(program_.items.size());
  for (const ExpressionItem& item : program_.items) values.push_back(lookup(item));
  return Evaluate(values, days, strategy);
}

}  // namespace solieu
