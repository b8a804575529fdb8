// engine/reporting_rates: DHIS2's reporting-rate items (R{ds.REPORTING_RATE} and the dx item
// ds.REPORTING_RATE, with _ON_TIME, ACTUAL_REPORTS, ACTUAL_REPORTS_ON_TIME, EXPECTED_REPORTS) for
// a grid of periods x org units, from the forms registered complete (engine/form_table).
//
// As DHIS2 and reporting/completeness count them: a requested period expects one form per data
// set period inside it (the data set's period type, e.g. 12 for a monthly set over a year) from
// each unit assigned the data set and open on that period's last day; a form counts towards the
// units its unit rolls up to on that day (engine/org_view, so with today's structure a merged
// commune's forms count for its successor, split by the same shares as its values). Actual
// reports are the expected forms registered complete; on time when completed by the period's
// last day plus the data set's expiry days (any day when it has none). Rates are 100 x actual /
// expected. A cell with nothing expected, or a period shorter than the data set's, has no value.
// Depends on: core, engine/form_table, engine/org_view, engine/expression_item.
#pragma once

#include <optional>
#include <vector>

#include "core/period.h"
#include "engine/expression_item.h"
#include "engine/form_table.h"
#include "engine/org_view.h"

namespace solieu {

struct FormCounts {
  double expected = 0;  // fractional only where a split shares a form between successors
  double actual = 0;
  double actual_on_time = 0;
};

// One cell per (period, unit), period-major: cell p * units.size() + u. `units` index
// OrgHierarchy::units().
std::vector<FormCounts> CountForms(const FormTable& forms, int data_set,
                                   const OrgHierarchy& hierarchy, OrgView& view,
                                   const std::vector<Period>& periods,
                                   const std::vector<int>& units);

std::optional<double> ReportingMetricValue(const FormCounts& counts, ReportingRateMetric metric);

}  // namespace solieu
