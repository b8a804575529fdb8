// surveillance/ears: the CDC's Early Aberration Reporting System methods C1, C2 and C3, as
// earsC() of the R package `surveillance` computes them, plus the textbook C3 (Hutwagner et al.
// 2003), which R's C3 differs from. Depends on: core/error, surveillance/distributions.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "surveillance/count_series.h"

namespace solieu::surveillance {

enum class EarsMethod {
  // U(t) = mean + z * max(sd, minSigma) over the `baseline` weeks just before t.
  kC1,
  // The same over the `baseline` weeks ending 3 weeks before t (a 2-week guard band).
  kC2,
  // R's C3: U(t) = max(0, y(t) + max(sd2(t), minSigma) * (z - S(t))), where
  // S(t) = max(0, C2(t-2) - 1) + max(0, C2(t-1) - 1) and C2(i) = (y(i) - mean2(i)) / sd2(i);
  // alarm iff y(t) > U(t). It leaves C2(t) out, so it alarms a week later than the textbook C3.
  kC3R,
  // Textbook C3: alarm iff C3(t) = S(t) + max(0, C2(t) - 1) > z. The product's default.
  kC3Textbook,
};

struct EarsParams {
  EarsMethod method = EarsMethod::kC3Textbook;
  int baseline = 7;  // weeks in the reference window; at least 3
  // A floor under the baseline standard deviation. Sparse commune series often have seven equal
  // weeks (sd 0): with minSigma 0 any case then alarms, and C3 can become 0/0.
  double min_sigma = 0.0;
  std::optional<double> alpha;     // default: DefaultEarsAlpha(method)
  std::optional<WeekRange> range;  // default: FirstEarsWeek(params) .. last week
};

// 0.001 for C1 and C2, 0.025 for C3: the CDC's choices and earsC's defaults.
double DefaultEarsAlpha(EarsMethod method);

// The first week with enough history: baseline + 1 (C1), + 3 (C2), + 5 (C3).
int FirstEarsWeek(const EarsParams& params);

struct EarsWeek {
  int idx = 0;
  std::int64_t observed = 0;
  // Alarm iff observed > upperbound. nullopt where R gives NA (0/0 with minSigma 0) and, for the
  // textbook C3, where the two previous weeks alone exceed z (then it alarms whatever the count).
  std::optional<double> upperbound;
  std::optional<bool> alarm;  // nullopt where R gives NA
  // C3 methods only: C2(t) and the textbook statistic C3(t); nullopt where 0/0, may be infinite.
  std::optional<double> c2;
  std::optional<double> c3;
};

// Throws UserError (where = the parameter's R name) for a bad baseline, minSigma or alpha.
void ValidateEarsParams(const EarsParams& params);

// One result per week of the range. Throws UserError for a bad parameter or a range the series
// cannot support.
std::vector<EarsWeek> RunEars(CountSeries counts, const EarsParams& params);

}  // namespace solieu::surveillance
