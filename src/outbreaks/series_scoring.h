// outbreaks/series_scoring: one detector (as a rule configures it) run over a weekly count series:
// the last week alone (the weekly run) or every week of a range (the chart of observed vs upper
// bound). The expected count is the baseline mean for EARS, the model's prediction for
// Farrington, and absent for the plain threshold. Depends on: surveillance.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "surveillance/count_series.h"
#include "surveillance/detect_options.h"

namespace solieu::outbreaks {

struct WeekScore {
  int idx = 0;  // 1-based week index in the series
  std::int64_t observed = 0;
  std::optional<double> expected;
  std::optional<double> upper_bound;
  std::optional<bool> alarm;  // nullopt where the detector gives NA
};

// The first week index the method can score (it needs the weeks before it as baseline).
int FirstScorableWeek(const surveillance::DetectOptions& options);

// Every week from `first` to the last of `counts`, from the method's first scorable week at the
// earliest; empty when the series is too short for any.
std::vector<WeekScore> ScoreWeeks(surveillance::CountSeries counts,
                                  const surveillance::DetectOptions& options, int first);

// The last week of `counts`; nullopt when the series is too short for the method.
std::optional<WeekScore> ScoreLastWeek(surveillance::CountSeries counts,
                                       const surveillance::DetectOptions& options);

}  // namespace solieu::outbreaks
