#include "surveillance/threshold.h"

#include "surveillance/parameters.h"

namespace solieu::surveillance {

void ValidateThresholdParams(const ThresholdParams& params) {
  if (params.min_count < 1) {
    throw BadParameter("minCount", "ngưỡng số ca phải >= 1", "the case threshold must be >= 1");
  }
}

std::vector<ThresholdWeek> RunThreshold(CountSeries counts, const ThresholdParams& params) {
  ValidateThresholdParams(params);
  const WeekRange range = ResolveRange(params.range, 1, static_cast<int>(counts.size()));
  std::vector<ThresholdWeek> weeks;
  weeks.reserve(static_cast<size_t>(range.last - range.first + 1));
  for (int t = range.first; t <= range.last; ++t) {
    ThresholdWeek week;
    week.idx = t;
    week.observed = counts[t - 1];
    week.upperbound = static_cast<double>(params.min_count - 1);
    week.alarm = week.observed >= params.min_count;
    weeks.push_back(week);
  }
  return weeks;
}

}  // namespace solieu::surveillance
