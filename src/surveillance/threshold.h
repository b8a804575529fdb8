// surveillance/threshold: the plain count rule for diseases where a single case is an event
// (cholera, plague, anthrax, diphtheria): alarm when the week's count reaches k. Statistical
// detectors are meaningless for them (the baseline is all zeros), and for sparse commune series
// this rule is the guard that does not depend on a fitted baseline. Depends on: core/error.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "surveillance/count_series.h"

namespace solieu::surveillance {

struct ThresholdParams {
  std::int64_t min_count = 1;      // alarm iff observed >= min_count; at least 1
  std::optional<WeekRange> range;  // default: every week
};

struct ThresholdWeek {
  int idx = 0;
  std::int64_t observed = 0;
  // The largest count without an alarm (min_count - 1), so that, as for the other detectors,
  // alarm iff observed > upperbound.
  double upperbound = 0.0;
  bool alarm = false;
};

// Throws UserError (where "minCount") unless min_count >= 1.
void ValidateThresholdParams(const ThresholdParams& params);

// Throws UserError for a bad parameter or a range outside the series.
std::vector<ThresholdWeek> RunThreshold(CountSeries counts, const ThresholdParams& params);

}  // namespace solieu::surveillance
