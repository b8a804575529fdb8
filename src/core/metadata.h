// core/metadata: the metadata model (what is collected, how it is disaggregated and aggregated,
// how indicators are computed) and the snapshot that a configuration folder loads into a store.
// Plain value types: validation lives with the loaders, storage with the store.
// Depends on: core/org_unit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/org_unit.h"

namespace solieu {

// Every named object carries these.
struct NamedObject {
  std::string uid;
  std::string code;
  std::string name_vi;
  std::string name_en;
};

struct OrgUnitGroup : NamedObject {
  std::vector<std::string> member_uids;
};

struct CategoryOption : NamedObject {};

struct Category : NamedObject {
  std::vector<std::string> option_uids;  // display order
};

struct CategoryCombo : NamedObject {
  std::vector<std::string> category_uids;
};

// One cell of a combo's cartesian product (e.g. "Nam, DTTS").
struct CategoryOptionCombo : NamedObject {
  std::string combo_uid;
  std::vector<std::string> option_uids;
};

// DHIS2's value types and aggregation types, spelled as DHIS2 spells them in files.
enum class ValueType { kNumber, kInteger, kIntegerZeroOrPositive, kPercentage, kText, kBoolean };
enum class AggregationType { kSum, kAverage, kAverageSumOrgUnit, kLast, kNone };

std::string_view ValueTypeName(ValueType type);
bool ParseValueType(std::string_view name, ValueType* out);
std::string_view AggregationTypeName(AggregationType type);
bool ParseAggregationType(std::string_view name, AggregationType* out);

struct DataElement : NamedObject {
  ValueType value_type = ValueType::kNumber;
  AggregationType aggregation_type = AggregationType::kSum;
  std::string category_combo_uid;
  std::string unit_vi;
  std::string unit_en;
  std::string description;
  // The user group allowed to see and enter its values (HIV figures: "hiv"); empty for everyone.
  std::string user_group;
};

enum class Direction { kHigherIsBetter, kLowerIsBetter, kNone };
std::string_view DirectionName(Direction direction);  // "higher", "lower", "none"
bool ParseDirection(std::string_view name, Direction* out);

struct Indicator : NamedObject {
  std::string numerator;    // DHIS2 expression text, stored verbatim
  std::string denominator;  // "1" for a plain value
  double factor = 1;        // 1, 100, 1000, 10000, 100000
  std::string unit_vi;
  std::string unit_en;
  int decimals = 1;
  Direction direction = Direction::kNone;
  std::string description;
};

struct Constant : NamedObject {
  double value = 0;
};

struct DataSet : NamedObject {
  std::string period_type;  // DHIS2 period type name: "Monthly", "Weekly", ...
  int expiry_days = 0;      // entry deadline after the period's end; 0 = none
  std::string assigned_to;  // the selectors as written, e.g. "type:tyt;level:province"
  std::vector<std::string> data_element_uids;
  std::vector<std::string> org_unit_uids;  // the selectors resolved
};

struct Disease : NamedObject {
  std::string icd10;
  std::string data_element_uid;
  bool priority = false;  // one case is an alarm
  int report_order = 0;
};

// How the weekly outbreak run scores a disease at one org level: the method and parameters of
// `solieu detect`, kept as text here and checked by surveillance/detect_options.
struct DetectionRule {
  std::string uid;
  std::string disease_uid;     // empty: every disease (or every priority one) without its own rule
  bool priority_only = false;  // with no disease_uid: the priority diseases only
  std::string level;           // "commune", "district" or "province"
  std::string method;          // "ears-c3-textbook", "farrington-flexible", "threshold", ...
  std::string parameters;      // "baseline=7;min-sigma=1": option names of `solieu detect`
};

// A DHIS2 validation rule: left side, operator, right side, evaluated per org unit and period of
// its period type. Operators and importance are spelled as DHIS2 spells them in files.
enum class ValidationOperator {
  kEqualTo,
  kNotEqualTo,
  kGreaterThan,
  kGreaterThanOrEqualTo,
  kLessThan,
  kLessThanOrEqualTo,
  kCompulsoryPair,  // both sides have a value or neither has
  kExclusivePair,   // at most one side has a value
};
std::string_view ValidationOperatorName(ValidationOperator op);  // "less_than_or_equal_to", ...
bool ParseValidationOperator(std::string_view name, ValidationOperator* out);
std::string_view ValidationOperatorSymbol(ValidationOperator op);  // "<=", "==", ...

enum class ValidationImportance { kHigh, kMedium, kLow };
std::string_view ValidationImportanceName(ValidationImportance importance);  // "HIGH", ...
bool ParseValidationImportance(std::string_view name, ValidationImportance* out);

struct ValidationRuleSide {
  std::string expression;  // DHIS2 expression text (engine/expression.h), stored verbatim
  // DHIS2's name: SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING or NEVER_SKIP; checked
  // by the loaders, read by quality/validation.
  std::string missing_value_strategy = "SKIP_IF_ALL_VALUES_MISSING";
};

struct ValidationRule : NamedObject {
  std::string instruction_vi;
  std::string instruction_en;
  ValidationImportance importance = ValidationImportance::kMedium;
  std::string period_type;  // DHIS2 period type name ("Monthly", "Weekly", ...)
  ValidationRuleSide left;
  ValidationOperator op = ValidationOperator::kLessThanOrEqualTo;
  ValidationRuleSide right;
};

// Everything a configuration folder describes, with references already resolved to uids.
struct MetadataSnapshot {
  std::vector<OrgUnit> org_units;
  std::vector<ParentLink> parent_links;
  std::vector<OrgEvent> org_events;
  std::vector<OrgUnitGroup> org_unit_groups;
  std::vector<CategoryOption> category_options;
  std::vector<Category> categories;
  std::vector<CategoryCombo> category_combos;
  std::vector<CategoryOptionCombo> category_option_combos;
  std::vector<DataElement> data_elements;
  std::vector<Indicator> indicators;
  std::vector<Constant> constants;
  std::vector<DataSet> data_sets;
  std::vector<Disease> diseases;
  std::vector<DetectionRule> detection_rules;
  std::vector<ValidationRule> validation_rules;
};

// The combo every data element without disaggregation uses, and its single option combo.
inline constexpr std::string_view kDefaultCode = "default";
std::string DefaultCategoryComboUid();
std::string DefaultCategoryOptionComboUid();

}  // namespace solieu
