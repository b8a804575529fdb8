// surveillance/distributions: the few probability functions the detectors need, written to agree
// with R's qnorm/pnorm/pt/qpois/qnbinom/ppois/pnbinom to near machine precision, so that alarms and
// integer thresholds are the same as R's. Depends on: the standard library only.
#pragma once

#include <cstdint>
#include <optional>

namespace solieu::surveillance {

// The p-quantile of the standard normal distribution (R's qnorm(p)), by Wichura's AS 241, which is
// the algorithm R uses. 0 < p < 1; returns -inf/+inf at 0/1 and NaN outside [0, 1].
double NormalQuantile(double p);

// P(Z > x) for a standard normal Z (R's pnorm(x, lower.tail = FALSE)).
double NormalUpperTail(double x);

// The regularized incomplete beta function I_x(a, b) for a, b > 0, 0 <= x <= 1. Takes y = 1 - x
// as well, computed by the caller without cancellation, because x is often close to 1.
double RegularizedIncompleteBeta(double a, double b, double x, double y);

// P(T <= t) for Student's t distribution with `df` > 0 degrees of freedom (R's pt(t, df)).
double StudentTCdf(double t, double df);

// The smallest integer q with P(X <= q) >= p (R's qpois(p, lambda)); lambda >= 0, 0 <= p < 1.
// nullopt for parameters outside those domains.
std::optional<std::int64_t> PoissonQuantile(double p, double lambda);

// The same for a negative binomial counting failures before the size-th success, success
// probability prob (R's qnbinom(p, size, prob)); size >= 0 (0: all mass at 0), 0 < prob <= 1.
std::optional<std::int64_t> NegativeBinomialQuantile(double p, double size, double prob);

// P(X >= y) for Poisson X (R's ppois(y - 1, lambda, lower.tail = FALSE)). Computed from the upper
// tail directly when it is small, so that small p-values keep their relative precision.
double PoissonUpperTail(std::int64_t y, double lambda);

// P(X >= y) for the negative binomial above (R's pnbinom(y - 1, size, prob, lower.tail = FALSE)).
double NegativeBinomialUpperTail(std::int64_t y, double size, double prob);

}  // namespace solieu::surveillance
