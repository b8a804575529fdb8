// demo/subset_rules: the "part <= whole" pairs among a configuration's validation rules (one data
// item on each side: `#{A} <= #{B}`, `#{A.COC} <= #{B.COC}`, or the same written with >=), and the
// order in which the demo must generate elements so that every whole exists before its parts are
// shared out along it. The demo's synthetic values use them to pass the configuration's own
// checks. Depends on: core.
#pragma once

#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"

namespace solieu {

// One data item of a rule side: an element, and one of its option combos or all of them.
struct RuleItem {
  std::string element_uid;
  std::string coc_uid;  // empty: the sum over every option combo of the element
};

struct SubsetRule {
  std::string code;  // the validation rule's code, for messages
  RuleItem subset;
  RuleItem total;
};

// The rules of `metadata` that state subset <= total between two single data items; other rules
// (ratios, sums, other operators, unknown codes) are left out: they are not shares of a whole.
std::vector<SubsetRule> SubsetRules(const MetadataSnapshot& metadata);

// Whether a data value counts in an item.
bool Covers(const RuleItem& item, const DataValueKey& key);

// A rank per value of `values` such that every value that counts in a rule's total ranks below
// every value that counts in its subset: generating in rank order makes each whole exist before
// its parts are shared out along it. A cycle of rules cannot be ordered; its values keep the rank
// they reached after as many rounds as there are values.
std::vector<int> TotalsFirstRanks(const std::vector<SubsetRule>& rules,
                                  const std::vector<DataValueWrite>& values);

}  // namespace solieu
