#include "surveillance/ears.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "surveillance/distributions.h"
#include "surveillance/parameters.h"

namespace solieu::surveillance {
namespace {

struct Moments {
  double mean;
  double sd;
};

// Mean and standard deviation (n - 1 denominator) of counts[from-1 .. to-1] (1-based, inclusive),
// with R's arithmetic: long double sums, the mean refined by a second pass, and the variance
// summed around that refined mean. This keeps ties such as "observed == mean" exactly as in R.
Moments BaselineMoments(CountSeries counts, int from, int to) {
  const int n = to - from + 1;
  long double sum = 0;
  for (int i = from; i <= to; ++i) sum += static_cast<long double>(counts[i - 1]);
  long double mean = sum / n;
  long double correction = 0;
  for (int i = from; i <= to; ++i) correction += static_cast<long double>(counts[i - 1]) - mean;
  mean += correction / n;
  const double mean_double = static_cast<double>(mean);
  long double squares = 0;
  for (int i = from; i <= to; ++i) {
    const long double d = static_cast<long double>(counts[i - 1]) - mean_double;
    squares += d * d;
  }
  const double variance = static_cast<double>(squares / (n - 1));
  return {mean_double, std::sqrt(variance)};
}

// std::max returns its first argument when either is NaN; R's pmax gives NA. Keep the NaN.
double PMax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  return std::max(a, b);
}

std::optional<double> Known(double v) {
  if (std::isnan(v)) return std::nullopt;
  return v;
}

std::optional<bool> Exceeds(double observed, double upperbound) {
  if (std::isnan(upperbound)) return std::nullopt;
  return observed > upperbound;
}

}  // namespace

double DefaultEarsAlpha(EarsMethod method) {
  return method == EarsMethod::kC1 || method == EarsMethod::kC2 ? 0.001 : 0.025;
}

int FirstEarsWeek(const EarsParams& params) {
  switch (params.method) {
    case EarsMethod::kC1:
      return params.baseline + 1;
    case EarsMethod::kC2:
      return params.baseline + 3;
    case EarsMethod::kC3R:
    case EarsMethod::kC3Textbook:
      break;
  }
  return params.baseline + 5;
}

void ValidateEarsParams(const EarsParams& params) {
  // The upper limit only keeps week arithmetic far from integer overflow.
  if (params.baseline < 3 || params.baseline > 10000) {
    throw BadParameter("baseline", "baseline phải từ 3 đến 10000 tuần",
                       "baseline must be between 3 and 10000 weeks");
  }
  if (!(params.min_sigma >= 0) || std::isinf(params.min_sigma)) {
    throw BadParameter("minSigma", "minSigma phải là số không âm", "minSigma must be >= 0");
  }
  CheckProbability("alpha", params.alpha.value_or(DefaultEarsAlpha(params.method)));
}

std::vector<EarsWeek> RunEars(CountSeries counts, const EarsParams& params) {
  ValidateEarsParams(params);
  const double alpha = params.alpha.value_or(DefaultEarsAlpha(params.method));
  const int length = static_cast<int>(counts.size());
  const WeekRange range = ResolveRange(params.range, FirstEarsWeek(params), length);
  const double z = NormalQuantile(1 - alpha);
  const int b = params.baseline;

  // C2(i) = (y(i) - mean of y(i-b-2 .. i-3)) / max(sd, minSigma); IEEE division gives R's
  // Inf and NaN for a zero denominator.
  auto c2_at = [&](int i, Moments* moments) {
    *moments = BaselineMoments(counts, i - b - 2, i - 3);
    return (static_cast<double>(counts[i - 1]) - moments->mean) /
           std::max(moments->sd, params.min_sigma);
  };

  std::vector<EarsWeek> weeks;
  weeks.reserve(static_cast<size_t>(range.last - range.first + 1));
  for (int t = range.first; t <= range.last; ++t) {
    EarsWeek week;
    week.idx = t;
    week.observed = counts[t - 1];
    const double y = static_cast<double>(week.observed);
    double upper = 0.0;
    switch (params.method) {
      case EarsMethod::kC1:
      case EarsMethod::kC2: {
        const int lag = params.method == EarsMethod::kC1 ? 1 : 3;
        const Moments m = BaselineMoments(counts, t - b - lag + 1, t - lag);
        upper = m.mean + z * std::max(m.sd, params.min_sigma);
        week.alarm = Exceeds(y, upper);
        break;
      }
      case EarsMethod::kC3R:
      case EarsMethod::kC3Textbook: {
        Moments unused;
        Moments now;
        const double lag2 = PMax(0.0, c2_at(t - 2, &unused) - 1);
        const double lag1 = PMax(0.0, c2_at(t - 1, &unused) - 1);
        const double c2 = c2_at(t, &now);
        const double lags = lag2 + lag1;
        const double c3 = lags + PMax(0.0, c2 - 1);
        week.c2 = Known(c2);
        week.c3 = Known(c3);
        const double sigma = std::max(now.sd, params.min_sigma);
        if (params.method == EarsMethod::kC3R) {
          upper = PMax(0.0, y + sigma * (z - lags));
          week.alarm = Exceeds(y, upper);
        } else {
          // The count above which C3(t) > z: C2(t) - 1 > z - S(t). None exists once S(t) > z.
          upper = lags <= z ? now.mean + sigma * (1 + z - lags)
                            : std::numeric_limits<double>::quiet_NaN();
          week.alarm = Known(c3).has_value() ? std::optional<bool>(c3 > z) : std::nullopt;
        }
        break;
      }
    }
    week.upperbound = Known(upper);
    weeks.push_back(week);
  }
  return weeks;
}

}  // namespace solieu::surveillance
