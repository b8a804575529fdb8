#include "outbreaks/series_scoring.h"

#include <algorithm>

#include "surveillance/ears.h"
#include "surveillance/farrington_flexible.h"
#include "surveillance/threshold.h"

namespace solieu::outbreaks {
namespace {

using surveillance::DetectMethod;
using surveillance::DetectOptions;
using surveillance::EarsMethod;
using surveillance::WeekRange;

// The mean of the weeks EARS compares week `idx` with: the `baseline` weeks just before it (C1)
// or before a two-week guard band (C2, C3).
double EarsBaselineMean(surveillance::CountSeries counts, const surveillance::EarsParams& params,
                        int idx) {
  int lag = params.method == EarsMethod::kC1 ? 1 : 3;
  int last = idx - lag;  // 1-based, inclusive
  int first = last - params.baseline + 1;
  double sum = 0;
  for (int i = first; i <= last; ++i) sum += static_cast<double>(counts[i - 1]);
  return sum / params.baseline;
}

}  // namespace

int FirstScorableWeek(const DetectOptions& options) {
  switch (options.method) {
    case DetectMethod::kThreshold:
      return 1;
    case DetectMethod::kFarringtonFlexible:
      return surveillance::FirstFarringtonWeek(options.farrington);
    default:
      return surveillance::FirstEarsWeek(options.ears);
  }
}

std::vector<WeekScore> ScoreWeeks(surveillance::CountSeries counts, const DetectOptions& options,
                                  int first) {
  const int length = static_cast<int>(counts.size());
  first = std::max(first, FirstScorableWeek(options));
  std::vector<WeekScore> out;
  if (first > length) return out;
  const WeekRange range{first, length};
  switch (options.method) {
    case DetectMethod::kThreshold: {
      surveillance::ThresholdParams params = options.threshold;
      params.range = range;
      for (const auto& week : surveillance::RunThreshold(counts, params)) {
        out.push_back({week.idx, week.observed, std::nullopt, week.upperbound, week.alarm});
      }
      break;
    }
    case DetectMethod::kFarringtonFlexible: {
      surveillance::FarringtonParams params = options.farrington;
      params.range = range;
      for (const auto& week : surveillance::RunFarringtonFlexible(counts, params)) {
        out.push_back({week.idx, week.observed, week.expected, week.upperbound, week.alarm});
      }
      break;
    }
    default: {
      surveillance::EarsParams params = options.ears;
      params.range = range;
      for (const auto& week : surveillance::RunEars(counts, params)) {
        out.push_back({week.idx, week.observed, EarsBaselineMean(counts, params, week.idx),
                       week.upperbound, week.alarm});
      }
      break;
    }
  }
  return out;
}

std::optional<WeekScore> ScoreLastWeek(surveillance::CountSeries counts,
                                       const DetectOptions& options) {
  const int length = static_cast<int>(counts.size());
  if (length < FirstScorableWeek(options)) return std::nullopt;
  // Farrington raises no alarm, whatever its model says, with fewer than limit54 cases in the
  // last weeks, and R then reports the upper bound as NA: the same answer without fitting the
  // model, for the many quiet commune series a weekly run scores.
  if (options.method == DetectMethod::kFarringtonFlexible) {
    const auto& p = options.farrington;
    std::int64_t recent = 0;
    for (int i = std::max(0, length - p.limit54_weeks); i < length; ++i) recent += counts[i];
    if (recent < p.limit54_cases) {
      return WeekScore{length, counts[length - 1], std::nullopt, std::nullopt, false};
    }
  }
  std::vector<WeekScore> scores = ScoreWeeks(counts, options, static_cast<int>(counts.size()));
  if (scores.empty()) return std::nullopt;
  return scores.back();
}

}  // namespace solieu::outbreaks
