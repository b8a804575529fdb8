// quality/validation: DHIS2 validation rules (core/metadata.h ValidationRule) evaluated per org
// unit and period from the engine, the way indicators are evaluated.
//
// DHIS2's semantics, per rule and cell (org unit x period of the rule's period type):
//  - each side is an expression evaluated with its own missing-value strategy:
//    SKIP_IF_ANY_VALUE_MISSING (no value if any data item of the side is missing),
//    SKIP_IF_ALL_VALUES_MISSING (no value if all are; a missing item otherwise reads 0),
//    NEVER_SKIP (missing items read 0);
//  - compulsory_pair: a violation when exactly one side has a value;
//    exclusive_pair: a violation when both sides have a value;
//  - the comparison operators: a side without a value is 0 under NEVER_SKIP, otherwise the rule
//    is skipped for that cell; then a violation when the comparison is false. equal_to and
//    not_equal_to compare with a relative tolerance of 1e-9 (values are aggregated doubles).
// Depends on: core, engine.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/metadata.h"
#include "core/org_unit.h"
#include "core/period.h"
#include "engine/analytics.h"
#include "engine/expression.h"

namespace solieu::quality {

// Whether the two side values (already evaluated under their strategies) violate the rule.
bool IsViolation(ValidationOperator op, std::optional<double> left,
                 MissingValueStrategy left_strategy, std::optional<double> right,
                 MissingValueStrategy right_strategy);

struct Violation {
  const ValidationRule* rule;  // points into the rules given to RunValidation
  const OrgUnit* org_unit;     // points into the analytics' hierarchy
  Period period;
  std::optional<double> left;  // as evaluated; a NEVER_SKIP side reads missing items as 0
  std::optional<double> right;
  ValidationImportance importance;
};

// Called after each period with (periods done, periods in all).
using ValidationProgress = std::function<void(size_t, size_t)>;

// Every violation of `rules` for `root` and every unit below it, for each of `periods` whose
// DHIS2 period type is the rule's (a rule with an empty period type applies to every period).
// As in DHIS2, a rule is checked at the units where its data are entered: the units of the
// subtree (those below `root` on the period's last day, and root itself if open then) that are
// assigned a data set holding one of the rule's data elements; a rule none of whose elements is
// in a data set is checked at every unit of the subtree. A unit's values include anything
// reported below it (as the tree stood when it was reported), so a commune health station's own
// figures are checked there and nowhere else unless a unit above is itself assigned. Ordered
// by rule code, period start, period id, org unit code and uid. Throws UserError naming the rule
// if an expression does not parse or a missing-value strategy is unknown.
std::vector<Violation> RunValidation(const Analytics& analytics,
                                     const std::vector<ValidationRule>& rules, const OrgUnit& root,
                                     const std::vector<Period>& periods,
                                     const ValidationProgress& progress = {});

// One org unit and period to check, such as a form just written.
struct ValidationCell {
  const OrgUnit* org_unit;  // points into the analytics' hierarchy
  Period period;
};

// The same checks at exactly these cells (a unit closed at the period's end is skipped), one
// engine evaluation per distinct period: what import and data entry need, without the subtrees.
std::vector<Violation> RunValidationAt(const Analytics& analytics,
                                       const std::vector<ValidationRule>& rules,
                                       const std::vector<ValidationCell>& cells);

}  // namespace solieu::quality
