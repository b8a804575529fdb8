#include "surveillance/farrington_threshold.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "surveillance/distributions.h"

namespace solieu::surveillance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Exponent(PowerTransform transform) {
  switch (transform) {
    case PowerTransform::kNone:
      return 1.0;
    case PowerTransform::kSquareRoot:
      return 1.0 / 2.0;
    case PowerTransform::kTwoThirds:
      break;
  }
  return 2.0 / 3.0;
}

}  // namespace

FarringtonThreshold DeltaThreshold(double mu0, double se_mu0, double phi, PowerTransform transform,
                                   double alpha, double y) {
  const double tau = phi + (se_mu0 * se_mu0) / mu0;
  // The standard deviation of h(Y0) - h(mu0), written as R writes it.
  double se = 0.0;
  switch (transform) {
    case PowerTransform::kNone:
      se = std::sqrt(mu0 * tau);
      break;
    case PowerTransform::kSquareRoot:
      se = std::sqrt(1.0 / 4.0 * tau);
      break;
    case PowerTransform::kTwoThirds:
      se = std::sqrt(4.0 / 9.0 * std::pow(mu0, 1.0 / 3.0) * tau);
      break;
  }
  const double e = Exponent(transform);
  const double z = NormalQuantile(1 - alpha);
  const double centre = std::pow(mu0, e);
  // R: lu <- sort((mu0^e + c(-1, 1) * z * se)^(1/e), na.last = FALSE); upper <- lu[2]. A negative
  // base under a fractional power is NaN and sorts first, so lu[2] is the larger of the values
  // that exist.
  const double lower = std::pow(centre - z * se, 1.0 / e);
  const double upper = std::pow(centre + z * se, 1.0 / e);
  FarringtonThreshold out;
  if (std::isnan(lower)) {
    out.upper = upper;
  } else if (std::isnan(upper)) {
    out.upper = lower;
  } else {
    out.upper = std::max(lower, upper);
  }
  const double distance = std::pow(y, e) - centre;
  if (se == 0) {
    out.pvalue = distance < 0 ? 1.0 : 0.0;  // pnorm with sd 0 is a step at the mean
  } else {
    out.pvalue = NormalUpperTail(distance / se);
  }
  out.score = std::isnan(out.upper) ? kNaN : (y - mu0) / (out.upper - mu0);
  return out;
}

FarringtonThreshold NegativeBinomialThreshold(double eta0, double se_eta0, double phi,
                                              ThresholdMethod method, double alpha, double y) {
  const double mean = method == ThresholdMethod::kMuan
                          ? std::exp(eta0 + se_eta0 * NormalQuantile(1 - alpha))
                          : std::exp(eta0);
  FarringtonThreshold out{kNaN, kNaN, kNaN};
  if (std::isinf(mean) || std::isnan(mean)) return out;
  const auto count = static_cast<std::int64_t>(y);
  std::optional<std::int64_t> upper;
  if (phi > 1) {
    const double size = mean / (phi - 1);
    upper = NegativeBinomialQuantile(1 - alpha, size, 1 / phi);
    out.pvalue = NegativeBinomialUpperTail(count, size, 1 / phi);
  } else {
    upper = PoissonQuantile(1 - alpha, mean);
    out.pvalue = PoissonUpperTail(count, mean);
  }
  if (upper) {
    out.upper = static_cast<double>(*upper);
    out.score = (y - eta0) / (out.upper - eta0);
  }
  return out;
}

}  // namespace solieu::surveillance
