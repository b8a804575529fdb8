// demo/weekly_reports: SYNTHETIC weekly notifiable-disease reports, for the demo and the
// surveillance tests: every commune health station (TYT) open in a week reports Poisson counts
// of cases per disease at a seasonal rate of its own, plus clusters injected where asked. Only
// non-zero counts are produced (a week with nothing is what the weekly run reads as zero).
// Deterministic: the same options give the same values. Depends on: core.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/synthetic.h"

namespace solieu {

// Extra cases of one disease at one commune's health station, week after week from `first_week`.
struct InjectedCluster {
  std::string disease_code;  // "MEASLES"
  std::string commune_code;  // "03325": the station of the commune open in those weeks
  Period first_week;
  std::vector<std::int64_t> cases;
};

struct WeeklyReportOptions {
  Period first_week;
  Period last_week;
  std::uint64_t seed = 2025;
  std::vector<InjectedCluster> clusters;
};

// Throws UserError for a non-week period, an unknown disease or commune, or a commune without a
// health station in an injected week.
std::vector<DataValueWrite> SyntheticWeeklyReports(const MetadataSnapshot& metadata,
                                                   const OrgHierarchy& hierarchy,
                                                   const WeeklyReportOptions& options);

}  // namespace solieu
