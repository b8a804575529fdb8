// surveillance/farrington_flexible: the Farrington (1996) outbreak detector and its improvement by
// Noufaily et al. (2013), as farringtonFlexible() of the R package `surveillance` (1.20.3)
// computes them, R's quirks included where they change a threshold (they are named in the .cc).
// Depends on: core/error, surveillance/glm_quasi_poisson, surveillance/distributions.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "surveillance/count_series.h"

namespace solieu::surveillance {

// The power transformation under which the delta-method threshold assumes normality.
enum class PowerTransform {
  kNone,        // "none": y
  kSquareRoot,  // "1/2": y^(1/2)
  kTwoThirds,   // "2/3": y^(2/3), Farrington's choice (removes most of the Poisson skewness)
};

enum class ThresholdMethod {
  kDelta,     // "delta": Farrington 1996, normal approximation on the transformed scale
  kNbPlugin,  // "nbPlugin": Noufaily 2013, negative binomial quantile at the estimated mean
  kMuan,      // "muan": the same at the (1 - alpha) quantile of the estimated mean
};

struct FarringtonParams {
  int b = 4;                         // years back
  int w = 3;                         // half-width of the window around each reference week
  int no_periods = 10;               // 1: windows only; > 1: the year cut into seasonal periods
  int past_weeks_not_included = 26;  // the latest weeks left out of the fit (emerging outbreaks)
  bool reweight = true;              // down-weight past outbreaks by Anscombe residuals
  double weights_threshold = 2.58;
  bool trend = true;
  double p_threshold_trend = 1.0;  // keep the trend if its p-value is below this
  double alpha = 0.05;
  int limit54_cases = 5;  // no alarm unless >= 5 cases ...
  int limit54_weeks = 4;  // ... in the last 4 weeks (this one included)
  PowerTransform powertrans = PowerTransform::kTwoThirds;
  ThresholdMethod threshold_method = ThresholdMethod::kNbPlugin;
  int frequency = 52;              // weeks per year: one year back is exactly this many weeks
  std::optional<WeekRange> range;  // default: FirstFarringtonWeek(params) .. last week

  // Noufaily et al. 2013's recommendations: the values above, the product's default (the
  // "noufaily" configuration of the reference outputs).
  static FarringtonParams NoufailyConfig();
  // Farrington et al. 1996's choices (reference windows only, weightsThreshold 1, trend kept when
  // p < 0.05, delta-method threshold) with b = 4: the "farrington_orig" reference configuration.
  static FarringtonParams OriginalConfig();
};

// The first week whose b years of reference windows all exist: frequency * b + w + 1.
int FirstFarringtonWeek(const FarringtonParams& params);

struct FarringtonWeek {
  int idx = 0;
  std::int64_t observed = 0;
  // NA when fewer than limit54 cases in the last weeks, or when no model could be fitted.
  std::optional<double> upperbound;
  // false when there are too few cases; NA only when no model could be fitted.
  std::optional<bool> alarm;
  std::optional<double> expected;  // the predicted count (NA where upperbound is)
  std::optional<double> score;     // (y - prediction) / (upperbound - prediction)
  std::optional<double> pvalue;    // P(Y >= y) under the predictive distribution
  std::optional<double> phi;       // the dispersion, at least 1
  bool trend_kept = false;
  std::optional<double> trend_coefficient;  // when the trend is kept
  std::optional<double> mu0;
};

// Throws UserError (where = the parameter's R name) for a parameter out of its domain.
void ValidateFarringtonParams(const FarringtonParams& params);

// One result per week of the range. Throws UserError for a bad parameter or a range the series
// cannot support.
std::vector<FarringtonWeek> RunFarringtonFlexible(CountSeries counts,
                                                  const FarringtonParams& params);

}  // namespace solieu::surveillance
