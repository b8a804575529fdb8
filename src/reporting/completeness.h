// reporting/completeness: DHIS2's reporting rate and reporting rate on time for a data set over an
// org unit's subtree and a period: the forms expected (each org unit assigned to the data set, open
// on the last day of each of the data set's periods inside the asked period, in the subtree on
// that day), those registered complete, and those completed by the deadline (the period's last day
// plus the data set's expiry days; with no expiry days every registration is on time).
// Depends on: core, store/reporting_records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "store/reporting_records.h"

namespace solieu::reporting {

struct MissingForm {
  std::string org_unit_uid;
  Period period;
};

struct Completeness {
  long long expected = 0;
  long long received = 0;
  long long on_time = 0;
  std::vector<MissingForm> missing;  // expected and not received, by period then unit
  // Percentages, nullopt when nothing is expected.
  std::optional<double> Rate() const;
  std::optional<double> RateOnTime() const;
};

// The data set's periods inside `period` (the period itself when it is one of them). Throws
// UserError when `period` is finer than the data set's period type.
std::vector<Period> DataSetPeriodsWithin(const DataSet& data_set, const Period& period);

// Throws UserError as DataSetPeriodsWithin does.
Completeness ComputeCompleteness(const OrgHierarchy& hierarchy, const DataSet& data_set,
                                 const std::vector<CompletionRecord>& completions,
                                 const OrgUnit& unit, const Period& period);

}  // namespace solieu::reporting
