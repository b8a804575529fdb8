#include "core/metadata.h"

#include <array>
#include <utility>

namespace solieu {
namespace {

template <typename Enum, size_t N>
bool ParseByName(const std::array<std::pair<Enum, std::string_view>, N>& table,
                 std::string_view name, Enum* out) {
  for (const auto& [value, text] : table) {
    if (text == name) {
      *out = value;
      return true;
    }
  }
  return false;
}

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "?";
}

constexpr std::array<std::pair<ValueType, std::string_view>, 6> kValueTypes{{
    {ValueType::kNumber, "NUMBER"},
    {ValueType::kInteger, "INTEGER"},
    {ValueType::kIntegerZeroOrPositive, "INTEGER_ZERO_OR_POSITIVE"},
    {ValueType::kPercentage, "PERCENTAGE"},
    {ValueType::kText, "TEXT"},
    {ValueType::kBoolean, "BOOLEAN"},
}};

constexpr std::array<std::pair<AggregationType, std::string_view>, 5> kAggregationTypes{{
    {AggregationType::kSum, "SUM"},
    {AggregationType::kAverage, "AVERAGE"},
    {AggregationType::kAverageSumOrgUnit, "AVERAGE_SUM_ORG_UNIT"},
    {AggregationType::kLast, "LAST"},
    {AggregationType::kNone, "NONE"},
}};

constexpr std::array<std::pair<Direction, std::string_view>, 3> kDirections{{
    {Direction::kHigherIsBetter, "higher"},
    {Direction::kLowerIsBetter, "lower"},
    {Direction::kNone, "none"},
}};

constexpr std::array<std::pair<ValidationOperator, std::string_view>, 8> kOperators{{
    {ValidationOperator::kEqualTo, "equal_to"},
    {ValidationOperator::kNotEqualTo, "not_equal_to"},
    {ValidationOperator::kGreaterThan, "greater_than"},
    {ValidationOperator::kGreaterThanOrEqualTo, "greater_than_or_equal_to"},
    {ValidationOperator::kLessThan, "less_than"},
    {ValidationOperator::kLessThanOrEqualTo, "less_than_or_equal_to"},
    {ValidationOperator::kCompulsoryPair, "compulsory_pair"},
    {ValidationOperator::kExclusivePair, "exclusive_pair"},
}};

constexpr std::array<std::pair<ValidationOperator, std::string_view>, 8> kOperatorSymbols{{
    {ValidationOperator::kEqualTo, "=="},
    {ValidationOperator::kNotEqualTo, "!="},
    {ValidationOperator::kGreaterThan, ">"},
    {ValidationOperator::kGreaterThanOrEqualTo, ">="},
    {ValidationOperator::kLessThan, "<"},
    {ValidationOperator::kLessThanOrEqualTo, "<="},
    {ValidationOperator::kCompulsoryPair, "[compulsory pair]"},
    {ValidationOperator::kExclusivePair, "[exclusive pair]"},
}};

constexpr std::array<std::pair<ValidationImportance, std::string_view>, 3> kImportances{{
    {ValidationImportance::kHigh, "HIGH"},
    {ValidationImportance::kMedium, "MEDIUM"},
    {ValidationImportance::kLow, "LOW"},
}};

}  // namespace

std::string_view ValidationOperatorName(ValidationOperator op) {
  return NameOf(kOperators, op);
}
bool ParseValidationOperator(std::string_view name, ValidationOperator* out) {
  return ParseByName(kOperators, name, out);
}
std::string_view ValidationOperatorSymbol(ValidationOperator op) {
  return NameOf(kOperatorSymbols, op);
}
std::string_view ValidationImportanceName(ValidationImportance importance) {
  return NameOf(kImportances, importance);
}
bool ParseValidationImportance(std::string_view name, ValidationImportance* out) {
  return ParseByName(kImportances, name, out);
}

std::string_view ValueTypeName(ValueType type) {
  return NameOf(kValueTypes, type);
}
bool ParseValueType(std::string_view name, ValueType* out) {
  return ParseByName(kValueTypes, name, out);
}
std::string_view AggregationTypeName(AggregationType type) {
  return NameOf(kAggregationTypes, type);
}
bool ParseAggregationType(std::string_view name, AggregationType* out) {
  return ParseByName(kAggregationTypes, name, out);
}
std::string_view DirectionName(Direction direction) {
  return NameOf(kDirections, direction);
}
bool ParseDirection(std::string_view name, Direction* out) {
  return ParseByName(kDirections, name, out);
}

// DHIS2's own ids for the default combo and option combo, so files exchanged with DHIS2 match.
std::string DefaultCategoryComboUid() {
  return "bjDvmb4bfuf";
}
std::string DefaultCategoryOptionComboUid() {
  return "HllvX50cXC0";
}

}  // namespace solieu
