#include "surveillance/distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace solieu::surveillance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

// Evaluates c[0] + c[1] r + ... + c[7] r^7 by Horner's rule.
double Polynomial8(const double (&c)[8], double r) {
  double value = c[7];
  for (int i = 6; i >= 0; --i) value = value * r + c[i];
  return value;
}

// A count distribution seen through pmf(0) and the ratios pmf(k + 1) / pmf(k): enough to walk the
// mass function from 0 upwards without any gamma function.
struct CountDistribution {
  double log_pmf0;
  double (*ratio)(std::int64_t k, double p1, double p2);
  double p1;
  double p2;
  // An upper bound of ratio(k) for all k beyond the current one once the ratio is below 1, so the
  // remaining upper tail is bounded by a geometric series.
  double ratio_limit;
};

double PoissonRatio(std::int64_t k, double lambda, double /*unused*/) {
  return lambda / static_cast<double>(k + 1);
}

double NegativeBinomialRatio(std::int64_t k, double size, double failure) {
  const double kk = static_cast<double>(k);
  return (size + kk) / (kk + 1.0) * failure;
}

CountDistribution Poisson(double lambda) {
  return {-lambda, &PoissonRatio, lambda, 0.0, 0.0};
}

CountDistribution NegativeBinomial(double size, double prob) {
  return {size * std::log(prob), &NegativeBinomialRatio, size, 1.0 - prob, 1.0 - prob};
}

// Sums the mass function from 0 upwards. pmf(0) may underflow (a mean of several hundred) and the
// partial sums may be huge in the scaled representation, so terms are kept relative to
// exp(log_scale) and rescaled by exact powers of two.
class MassWalk {
 public:
  explicit MassWalk(const CountDistribution& dist) : dist_(dist), log_scale_(dist.log_pmf0) {}

  std::int64_t k() const { return k_; }
  double Cdf() const { return std::exp(log_scale_ + std::log(sum_)); }
  double ScaledTerm() const { return term_; }
  double log_scale() const { return log_scale_; }
  double NextRatio() const { return dist_.ratio(k_, dist_.p1, dist_.p2); }

  void Step() {
    term_ *= NextRatio();
    ++k_;
    sum_ += term_;
    if (sum_ > 0x1p800) {
      constexpr int kShift = 800;
      sum_ = std::ldexp(sum_, -kShift);
      term_ = std::ldexp(term_, -kShift);
      log_scale_ += kShift * std::log(2.0);
    }
  }

 private:
  CountDistribution dist_;
  double log_scale_;
  std::int64_t k_ = 0;
  double term_ = 1.0;
  double sum_ = 1.0;
};

// Walks far enough to settle any realistic count; beyond it the parameters are not a count model.
constexpr std::int64_t kMaxWalk = 100'000'000;

std::optional<std::int64_t> DiscreteQuantile(double p, const CountDistribution& dist) {
  if (std::isnan(p) || p < 0 || p >= 1 || std::isnan(dist.log_pmf0)) return std::nullopt;
  // Like R, accept a cumulative probability that falls short of p only by rounding, so that a
  // quantile sitting exactly on a jump of the distribution function is not pushed one count up.
  const double target = p * (1 - 64 * kEpsilon);
  MassWalk walk(dist);
  while (walk.Cdf() < target) {
    if (walk.k() >= kMaxWalk) return std::nullopt;
    walk.Step();
  }
  return walk.k();
}

// P(X >= y). Below the median, 1 - P(X <= y - 1) is exact enough; above it the tail is summed
// term by term so a p-value of 1e-12 keeps its relative precision.
double DiscreteUpperTail(std::int64_t y, const CountDistribution& dist) {
  if (y <= 0) return 1.0;
  if (std::isnan(dist.log_pmf0)) return kNaN;
  MassWalk walk(dist);
  while (walk.k() < y - 1) {
    if (walk.k() >= kMaxWalk) return kNaN;
    walk.Step();
  }
  const double below = walk.Cdf();
  if (below <= 0.5) return 1.0 - below;
  double term = walk.ScaledTerm();
  double tail = 0.0;
  for (std::int64_t k = y - 1; k < y - 1 + kMaxWalk; ++k) {
    const double ratio = dist.ratio(k, dist.p1, dist.p2);
    term *= ratio;
    tail += term;
    const double bound = std::max(dist.ratio(k + 1, dist.p1, dist.p2), dist.ratio_limit);
    if (bound < 1 && term * bound / (1 - bound) <= tail * 1e-17) break;
    if (term == 0) break;
  }
  return tail * std::exp(walk.log_scale());
}

double BetaContinuedFraction(double a, double b, double x) {
  // Modified Lentz evaluation of the continued fraction for I_x(a, b) (converges for
  // x < (a + 1) / (a + b + 2)).
  constexpr double kTiny = 1e-300;
  constexpr int kMaxIterations = 100000;
  const double qab = a + b;
  const double qap = a + 1.0;
  const double qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double dm = m;
    const double m2 = 2.0 * dm;
    double aa = dm * (b - dm) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-16) break;
  }
  return h;
}

}  // namespace

double NormalQuantile(double p) {
  if (std::isnan(p) || p < 0 || p > 1) return kNaN;
  if (p == 0) return -kInf;
  if (p == 1) return kInf;
  // Wichura (1988), Algorithm AS 241 (PPND16), accurate to about 1 part in 1e16.
  static constexpr double kA[8] = {3.3871328727963666080e+00, 1.3314166789178437745e+02,
                                   1.9715909503065514427e+03, 1.3731693765509461125e+04,
                                   4.5921953931549871457e+04, 6.7265770927008700853e+04,
                                   3.3430575583588128105e+04, 2.5090809287301226727e+03};
  static constexpr double kB[8] = {1.0,
                                   4.2313330701600911252e+01,
                                   6.8718700749205790830e+02,
                                   5.3941960214247511077e+03,
                                   2.1213794301586595867e+04,
                                   3.9307895800092710610e+04,
                                   2.8729085735721942674e+04,
                                   5.2264952788528545610e+03};
  static constexpr double kC[8] = {1.42343711074968357734e+00, 4.63033784615654529590e+00,
                                   5.76949722146069140550e+00, 3.64784832476320460504e+00,
                                   1.27045825245236838258e+00, 2.41780725177450611770e-01,
                                   2.27238449892691845833e-02, 7.74545014278341407640e-04};
  static constexpr double kD[8] = {1.0,
                                   2.05319162663775882187e+00,
                                   1.67638483018380384940e+00,
                                   6.89767334985100004550e-01,
                                   1.48103976427480074590e-01,
                                   1.51986665636164571966e-02,
                                   5.47593808499534494600e-04,
                                   1.05075007164441684324e-09};
  static constexpr double kE[8] = {6.65790464350110377720e+00, 5.46378491116411436990e+00,
                                   1.78482653991729133580e+00, 2.96560571828504891230e-01,
                                   2.65321895265761230930e-02, 1.24266094738807843860e-03,
                                   2.71155556874348757815e-05, 2.01033439929228813265e-07};
  static constexpr double kF[8] = {1.0,
                                   5.99832206555887937690e-01,
                                   1.36929880922735805310e-01,
                                   1.48753612908506148525e-02,
                                   7.86869131145613259100e-04,
                                   1.84631831751005468180e-05,
                                   1.42151175831644588870e-07,
                                   2.04426310338993978564e-15};
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * Polynomial8(kA, r) / Polynomial8(kB, r);
  }
  double r = q < 0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double value;
  if (r <= 5.0) {
    r -= 1.6;
    value = Polynomial8(kC, r) / Polynomial8(kD, r);
  } else {
    r -= 5.0;
    value = Polynomial8(kE, r) / Polynomial8(kF, r);
  }
  return q < 0 ? -value : value;
}

double NormalUpperTail(double x) {
  return 0.5 * std::erfc(x / std::sqrt(2.0));
}

double RegularizedIncompleteBeta(double a, double b, double x, double y) {
  if (std::isnan(a) || std::isnan(b) || std::isnan(x) || std::isnan(y)) return kNaN;
  if (a <= 0 || b <= 0 || x < 0 || y < 0) return kNaN;
  if (x == 0) return 0.0;
  if (y == 0) return 1.0;
  // log x and log(1 - x) from whichever of x, y is small, to avoid cancellation.
  const double log_x = x < 0.5 ? std::log(x) : std::log1p(-y);
  const double log_y = y < 0.5 ? std::log(y) : std::log1p(-x);
  const double log_beta = std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
  const double front = std::exp(a * log_x + b * log_y - log_beta);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * BetaContinuedFraction(a, b, x) / a;
  return 1.0 - front * BetaContinuedFraction(b, a, y) / b;
}

double StudentTCdf(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0) return kNaN;
  if (std::isinf(t)) return t < 0 ? 0.0 : 1.0;
  if (std::isinf(df)) return NormalUpperTail(-t);
  const double t2 = t * t;
  if (std::isinf(t2)) return t < 0 ? 0.0 : 1.0;
  // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
  const double x = df / (df + t2);
  const double y = t2 / (df + t2);
  const double two_sided = RegularizedIncompleteBeta(df / 2.0, 0.5, x, y);
  return t < 0 ? 0.5 * two_sided : 1.0 - 0.5 * two_sided;
}

std::optional<std::int64_t> PoissonQuantile(double p, double lambda) {
  if (std::isnan(lambda) || lambda < 0) return std::nullopt;
  return DiscreteQuantile(p, Poisson(lambda));
}

std::optional<std::int64_t> NegativeBinomialQuantile(double p, double size, double prob) {
  if (std::isnan(size) || std::isnan(prob) || size < 0 || prob <= 0 || prob > 1) {
    return std::nullopt;
  }
  return DiscreteQuantile(p, NegativeBinomial(size, prob));
}

double PoissonUpperTail(std::int64_t y, double lambda) {
  if (std::isnan(lambda) || lambda < 0) return kNaN;
  return DiscreteUpperTail(y, Poisson(lambda));
}

double NegativeBinomialUpperTail(std::int64_t y, double size, double prob) {
  if (std::isnan(size) || std::isnan(prob) || size < 0 || prob <= 0 || prob > 1) return kNaN;
  return DiscreteUpperTail(y, NegativeBinomial(size, prob));
}

}  // namespace solieu::surveillance
