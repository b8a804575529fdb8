// engine/aggregator: data-element totals for a grid of (item x period x org unit) cells in one scan
// of each element's records, honouring the element's aggregation type:
//   SUM                   sum over units and over time
//   AVERAGE               mean of all values in the cell
//   AVERAGE_SUM_ORG_UNIT  sum over units within each reported period, then the mean over periods
//   LAST                  each unit's (and option combo's) value for its latest reported period
//                         in the cell, summed over units and combos (stock figures such as
//                         patients under management); latest = ending last, then the longest
//   NONE                  the value when exactly one value falls in the cell, else none
// A value counts in a requested period when its own period lies inside it (months add up to a
// quarter; a yearly figure is not split into months). Split shares scale SUM, LAST and
// AVERAGE_SUM_ORG_UNIT contributions; averages are not scaled.
// Depends on: core, engine/value_table, engine/org_view.
#pragma once

#include <optional>
#include <vector>

#include "core/period.h"
#include "engine/org_view.h"
#include "engine/value_grid.h"
#include "engine/value_table.h"

namespace solieu {

struct DataItem {
  int element;
  int option_combo = -1;     // -1: every option combo (the total)
  int attribute_combo = -1;  // -1: every attribute option combo
};

struct AggregateRequest {
  std::vector<DataItem> items;
  std::vector<Period> periods;
  std::vector<int> units;  // indexes into OrgHierarchy::units()
};

using AggregateResult = ValueGrid;

AggregateResult Aggregate(const ValueTable& table, OrgView& view, const AggregateRequest& request);

}  // namespace solieu
