#include "surveillance/farrington_flexible.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "surveillance/distributions.h"
#include "surveillance/farrington_reference_weeks.h"
#include "surveillance/farrington_threshold.h"
#include "surveillance/glm_quasi_poisson.h"
#include "surveillance/parameters.h"

namespace solieu::surveillance {
namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

// The reference weeks of one evaluated week, as the model sees them.
struct ModelData {
  std::vector<double> y;
  std::vector<double> wtime;  // the week index itself: R uses seq_along(observed) as time
  std::vector<int> period;
  std::vector<int> levels;  // the periods present, increasing: R's factor levels
  bool factors = false;     // no_periods > 1: a factor for the seasonal period
};

// R's model matrix for response ~ 1 + wtime + seasgroups: intercept, time, then one indicator per
// factor level after the first (treatment contrasts).
int ColumnCount(const ModelData& data, bool trend) {
  return 1 + (trend ? 1 : 0) + (data.factors ? static_cast<int>(data.levels.size()) - 1 : 0);
}

std::vector<double> CovariateRow(const ModelData& data, bool trend, double wtime, int period) {
  std::vector<double> row(static_cast<size_t>(ColumnCount(data, trend)), 0.0);
  row[0] = 1.0;
  int column = 1;
  if (trend) row[column++] = wtime;
  if (data.factors) {
    for (size_t level = 1; level < data.levels.size(); ++level, ++column) {
      row[column] = data.levels[level] == period ? 1.0 : 0.0;
    }
  }
  return row;
}

DesignMatrix Design(const ModelData& data, bool trend) {
  DesignMatrix x;
  x.rows = static_cast<int>(data.y.size());
  x.cols = ColumnCount(data, trend);
  x.values.resize(static_cast<size_t>(x.rows) * x.cols);
  for (int i = 0; i < x.rows; ++i) {
    const std::vector<double> row = CovariateRow(data, trend, data.wtime[i], data.period[i]);
    for (int j = 0; j < x.cols; ++j) x.At(i, j) = row[j];
  }
  return x;
}

// What algo.farrington.fitGLM.flexible returns.
struct FlexibleFit {
  GlmFit glm;
  bool trend = false;
  double phi = 1.0;  // max(1, dispersion of the last fit), the phi of the threshold
  // The weights summary.glm will see. After reweighting R stores the Anscombe weights omega in
  // model$weights, so every later summary and prediction estimates the dispersion as
  // sum(omega * r^2) / df instead of with the working weights, and does not clamp it at 1.
  std::vector<double> summary_weights;
};

// Farrington's down-weighting of past outbreaks: weights proportional to s^-2 for standardized
// Anscombe residuals s above the threshold, 1 below, scaled to sum to the number of observations.
std::vector<double> AnscombeWeights(const GlmFit& fit, std::span<const double> y, double phi,
                                    double threshold) {
  const std::vector<double> hat = Leverages(fit);
  const size_t n = y.size();
  std::vector<double> relative(n);
  double sum = 0.0;
  for (size_t i = 0; i < n; ++i) {
    const double mu = fit.fitted[i];
    const double raw =
        3.0 / 2.0 *
        (std::pow(y[i], 2.0 / 3.0) * std::pow(mu, -1.0 / 6.0) - std::pow(mu, 1.0 / 2.0));
    const double s = raw / std::sqrt(phi * (1 - hat[i]));
    relative[i] = s > threshold ? std::pow(s, -2.0) : 1.0;
    sum += relative[i];
  }
  const double gamma = static_cast<double>(n) / sum;
  for (double& r : relative) r *= gamma;
  return relative;
}

std::optional<FlexibleFit> FitFlexible(const ModelData& data, bool trend,
                                       const FarringtonParams& params) {
  FlexibleFit out;
  out.trend = trend;
  out.glm = FitQuasiPoissonGlm(Design(data, out.trend), data.y, {});
  if (!out.glm.converged && out.trend) {
    out.trend = false;  // R retries without the time trend
    out.glm = FitQuasiPoissonGlm(Design(data, out.trend), data.y, {});
  }
  if (!out.glm.converged) return std::nullopt;
  out.phi = std::max(EstimateDispersion(out.glm), 1.0);
  if (params.reweight) {
    std::vector<double> omega = AnscombeWeights(out.glm, data.y, out.phi, params.weights_threshold);
    // R does not check the convergence of the reweighted fit.
    out.glm = FitQuasiPoissonGlm(Design(data, out.trend), data.y, omega);
    out.phi = std::max(EstimateDispersion(out.glm), 1.0);
    out.summary_weights = std::move(omega);
  } else {
    out.summary_weights = out.glm.working_weights;
  }
  return out;
}

std::optional<double> Known(double v) {
  if (std::isnan(v)) return std::nullopt;
  return v;
}

}  // namespace

void ValidateFarringtonParams(const FarringtonParams& p) {
  auto fail = [](const char* name, const std::string& vi, const std::string& en) {
    throw BadParameter(name, vi, en);
  };
  // The upper limits only keep week arithmetic far from integer overflow.
  if (p.frequency < 1 || p.frequency > 366) {
    fail("frequency", "frequency phải từ 1 đến 366", "frequency must be between 1 and 366");
  }
  if (p.b < 1 || p.b > 100) {
    fail("b", "b (số năm nhìn lại) phải từ 1 đến 100", "b (years back) must be between 1 and 100");
  }
  if (p.w < 0 || p.w >= p.frequency) {
    fail("w", "w phải >= 0 và nhỏ hơn frequency", "w must be >= 0 and less than frequency");
  }
  if (p.no_periods < 1) fail("noPeriods", "noPeriods phải >= 1", "noPeriods must be >= 1");
  if (p.no_periods > 1 && p.no_periods > p.frequency - 2 * p.w) {
    fail("noPeriods",
         "noPeriods quá lớn: mỗi giai đoạn giữa các cửa sổ cần ít nhất một tuần (noPeriods <= " +
             std::to_string(p.frequency - 2 * p.w) + ")",
         "noPeriods too large: each period between windows needs a week (noPeriods <= " +
             std::to_string(p.frequency - 2 * p.w) + ")");
  }
  if (p.past_weeks_not_included < 0 || p.past_weeks_not_included > p.frequency * p.b) {
    fail("pastWeeksNotIncluded", "pastWeeksNotIncluded phải từ 0 đến frequency * b",
         "pastWeeksNotIncluded must be between 0 and frequency * b");
  }
  if (!std::isfinite(p.weights_threshold)) {
    fail("weightsThreshold", "weightsThreshold phải là số hữu hạn",
         "weightsThreshold must be a finite number");
  }
  if (std::isnan(p.p_threshold_trend)) {
    fail("pThresholdTrend", "pThresholdTrend phải là một số", "pThresholdTrend must be a number");
  }
  CheckProbability("alpha", p.alpha);
  if (p.limit54_cases < 0 || p.limit54_weeks < 1 || p.limit54_weeks > p.frequency * p.b) {
    fail("limit54", "limit54: số ca phải >= 0 và số tuần từ 1 đến frequency * b",
         "limit54: cases must be >= 0 and weeks between 1 and frequency * b");
  }
}

FarringtonParams FarringtonParams::NoufailyConfig() {
  return FarringtonParams{};
}

FarringtonParams FarringtonParams::OriginalConfig() {
  FarringtonParams p;
  p.no_periods = 1;
  p.weights_threshold = 1.0;
  p.past_weeks_not_included = 3;
  p.p_threshold_trend = 0.05;
  p.threshold_method = ThresholdMethod::kDelta;
  return p;
}

int FirstFarringtonWeek(const FarringtonParams& params) {
  return params.frequency * params.b + params.w + 1;
}

std::vector<FarringtonWeek> RunFarringtonFlexible(CountSeries counts,
                                                  const FarringtonParams& params) {
  ValidateFarringtonParams(params);
  const WeekRange range =
      ResolveRange(params.range, FirstFarringtonWeek(params), static_cast<int>(counts.size()));
  const ReferenceWeekLayout layout{params.b, params.w, params.no_periods,
                                   params.past_weeks_not_included, params.frequency};
  const double z = NormalQuantile(1 - params.alpha);

  std::vector<FarringtonWeek> weeks;
  weeks.reserve(static_cast<size_t>(range.last - range.first + 1));
  for (int k = range.first; k <= range.last; ++k) {
    FarringtonWeek& week = weeks.emplace_back();
    week.idx = k;
    week.observed = counts[k - 1];
    const double y = static_cast<double>(week.observed);

    ModelData data;
    data.factors = params.no_periods != 1;
    const ReferenceWeeks reference = SelectReferenceWeeks(k, layout);
    for (size_t i = 0; i < reference.idx.size(); ++i) {
      data.y.push_back(static_cast<double>(counts[reference.idx[i] - 1]));
      data.wtime.push_back(reference.idx[i]);
      data.period.push_back(reference.period[i]);
    }
    data.levels = data.period;
    std::sort(data.levels.begin(), data.levels.end());
    data.levels.erase(std::unique(data.levels.begin(), data.levels.end()), data.levels.end());
    // Without data, or without the current period among the levels, R stops; here the week has
    // no result (every field NA), like a week whose model does not converge.
    if (data.y.empty() ||
        (data.factors &&
         !std::binary_search(data.levels.begin(), data.levels.end(), params.no_periods))) {
      continue;
    }

    std::optional<FlexibleFit> model = FitFlexible(data, params.trend, params);
    if (!model) continue;
    if (model->trend) {
      // Keep the trend only if significant, b >= 3, and the prediction does not exceed every
      // count of the reference weeks. The test uses the dispersion with the omega weights.
      const double dispersion = EstimateDispersion(model->glm, model->summary_weights);
      const LinkPrediction at_k =
          PredictLink(model->glm, CovariateRow(data, true, k, params.no_periods), dispersion);
      const double fitted = std::max(std::exp(at_k.eta), kEpsilon);
      const CoefficientTest test = TestCoefficient(model->glm, 1, dispersion);
      const bool significant = test.p_value < params.p_threshold_trend;
      const double max_y = *std::max_element(data.y.begin(), data.y.end());
      week.trend_kept = params.b >= 3 && significant && fitted <= max_y;
      if (!week.trend_kept) {
        model = FitFlexible(data, false, params);
        if (!model) continue;
      }
    }

    const double dispersion = EstimateDispersion(model->glm, model->summary_weights);
    const LinkPrediction prediction =
        PredictLink(model->glm, CovariateRow(data, model->trend, k, params.no_periods), dispersion);
    FarringtonThreshold threshold;
    double predicted_count;  // predict.glm's fit on the scale the threshold method asks for
    double mu0;
    if (params.threshold_method == ThresholdMethod::kDelta) {
      predicted_count = std::max(std::exp(prediction.eta), kEpsilon);
      const double se_count = prediction.se * predicted_count;
      threshold =
          DeltaThreshold(predicted_count, se_count, model->phi, params.powertrans, params.alpha, y);
      // R computes exp(qnorm(1 - alpha, fit, se.fit)) here with fit and se.fit on the count
      // scale (it was written for the log scale); reproduced as is, it is only reported.
      mu0 = std::exp(predicted_count + se_count * z);
    } else {
      predicted_count = std::exp(prediction.eta);
      threshold = NegativeBinomialThreshold(prediction.eta, prediction.se, model->phi,
                                            params.threshold_method, params.alpha, y);
      mu0 = params.threshold_method == ThresholdMethod::kNbPlugin
                ? predicted_count
                : std::exp(prediction.eta + prediction.se * z);
    }

    std::int64_t recent = 0;
    for (int i = k - params.limit54_weeks + 1; i <= k; ++i) recent += counts[i - 1];
    const bool enough_cases = recent >= params.limit54_cases;
    const bool has_upper = !std::isnan(threshold.upper);
    week.alarm =
        enough_cases && !std::isnan(threshold.score) && threshold.score > 1 && week.observed != 0;
    if (enough_cases && has_upper) {
      week.upperbound = threshold.upper;
      week.expected = predicted_count;
    }
    week.score = Known(threshold.score);
    week.pvalue = Known(threshold.pvalue);
    week.phi = Known(model->phi);
    week.mu0 = Known(mu0);
    if (week.trend_kept) week.trend_coefficient = model->glm.coefficients[1];
  }
  return weeks;
}

}  // namespace solieu::surveillance
