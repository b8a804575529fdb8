// outbreaks/weekly_run: the weekly run. For one ISO week, every disease x commune x district x
// province open at the week's end is scored by the detector its rule names, over the weekly case
// counts summed below the unit on that week's structure (old communes' history carried into the
// new ones); each alarm becomes a signal, signals join alerts (alert_linking) and are stored
// with the run. Also the series behind the chart of observed vs upper bound.
// Depends on: core, engine/analytics, store, outbreaks/detection_rules, outbreaks/series_scoring.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/period.h"
#include "engine/analytics.h"
#include "outbreaks/detection_rules.h"
#include "outbreaks/series_scoring.h"
#include "store/store.h"

namespace solieu::outbreaks {

// The category options of the diseases' cases_deaths combo (config/README.md).
inline constexpr const char* kCasesOption = "MAC";
inline constexpr const char* kDeathsOption = "TU_VONG";

// What scoring one week found, before anything is stored.
struct WeekScan {
  Period week;
  std::vector<SignalRecord> signals;  // the alarms, unlinked
  std::int64_t series_scored = 0;
  std::int64_t series_skipped = 0;  // too little history for the rule's method
};

// Throws UserError unless `week` is an ISO week. Reads the engine only.
WeekScan ScanWeek(const Analytics& analytics, const DetectionRules& rules, const Period& week);

// Links the scan's signals to alerts and stores them with the run, in one transaction.
SurveillanceRun SaveScan(Store& store, const WeekScan& scan, const std::string& run_by,
                         const std::string& started_at);

// The weekly counts of a disease (cases or deaths) for a unit, `weeks` weeks up to `last`, on the
// structure of `last`'s end; missing weeks count 0 (weekly reporting sends zeros).
std::vector<std::int64_t> WeeklyCounts(const Analytics& analytics, const Disease& disease,
                                       const std::string& org_unit_uid, const Period& last,
                                       int weeks, const char* option = kCasesOption);

// Observed vs upper bound for the weeks from..to of a disease at a unit, scored by the rule for
// the unit's level (or nullopt when the disease is not scored there).
struct SeriesChart {
  const ScoringRule* rule = nullptr;
  std::vector<Period> weeks;
  std::vector<WeekScore> scores;  // one per week; idx counts from the first week of `weeks`
};
SeriesChart ChartSeries(const Analytics& analytics, const DetectionRules& rules,
                        const Disease& disease, const OrgUnit& unit, const Period& from,
                        const Period& to);

// The disease by uid or code; nullptr when there is none.
const Disease* FindDisease(const MetadataSnapshot& metadata, const std::string& uid_or_code);

}  // namespace solieu::outbreaks
