// Distribution functions against values computed independently with 40-digit arithmetic (mpmath)
// and against closed forms.
#include "surveillance/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace solieu::surveillance {
namespace {

void ExpectRelative(double actual, double expected, double tolerance) {
  EXPECT_LE(std::fabs(actual - expected), tolerance * std::fabs(expected))
      << "actual " << actual << " expected " << expected;
}

TEST(NormalQuantile, KnownValues) {
  ExpectRelative(NormalQuantile(0.975), 1.9599639845400542355, 1e-15);
  ExpectRelative(NormalQuantile(0.999), 3.0902323061678135415, 1e-15);
  ExpectRelative(NormalQuantile(0.95), 1.6448536269514727149, 1e-15);
  ExpectRelative(NormalQuantile(0.025), -1.9599639845400542355, 1e-15);
  ExpectRelative(NormalQuantile(0.3), -0.52440051270804078404, 1e-15);
  ExpectRelative(NormalQuantile(1e-10), -6.3613409024040562047, 1e-15);
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
}

TEST(NormalQuantile, Limits) {
  EXPECT_EQ(NormalQuantile(0), -INFINITY);
  EXPECT_EQ(NormalQuantile(1), INFINITY);
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.5)));
  EXPECT_TRUE(std::isnan(NormalQuantile(NAN)));
}

TEST(NormalUpperTail, KnownValues) {
  ExpectRelative(NormalUpperTail(1.96), 0.024997895148220434137, 1e-14);
  ExpectRelative(NormalUpperTail(-1), 0.84134474606854294859, 1e-15);
  ExpectRelative(NormalUpperTail(5), 2.8665157187919391167e-7, 1e-14);
  EXPECT_EQ(NormalUpperTail(0), 0.5);
}

TEST(NormalUpperTail, InvertsTheQuantile) {
  // P(Z < q(p)) = P(Z > -q(p)) = p.
  for (double p : {1e-8, 0.001, 0.05, 0.3, 0.7, 0.975}) {
    ExpectRelative(NormalUpperTail(-NormalQuantile(p)), p, 1e-14);
  }
}

TEST(RegularizedIncompleteBeta, ClosedForms) {
  for (double x : {0.01, 0.3, 0.5, 0.77, 0.999}) {
    ExpectRelative(RegularizedIncompleteBeta(1, 1, x, 1 - x), x, 1e-14);
    ExpectRelative(RegularizedIncompleteBeta(3.5, 1, x, 1 - x), std::pow(x, 3.5), 1e-13);
    ExpectRelative(RegularizedIncompleteBeta(1, 4, x, 1 - x), 1 - std::pow(1 - x, 4), 1e-13);
  }
  ExpectRelative(RegularizedIncompleteBeta(2.5, 0.5, 0.9, 0.1), 0.48958974456442750367, 1e-13);
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 0, 1), 0.0);
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 1, 0), 1.0);
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(-1, 3, 0.5, 0.5)));
}

TEST(StudentTCdf, ClosedFormsForOneTwoAndThreeDegreesOfFreedom) {
  // The closed forms cancel badly in the lower tail; evaluate them in long double.
  const long double pi = std::numbers::pi_v<long double>;
  for (long double t : {-30.0L, -2.0L, -0.4L, 0.0L, 0.7L, 3.0L}) {
    const auto td = static_cast<double>(t);
    ExpectRelative(StudentTCdf(td, 1), static_cast<double>(0.5L + std::atan(t) / pi), 1e-13);
    ExpectRelative(StudentTCdf(td, 2), static_cast<double>(0.5L + t / (2 * std::sqrt(2 + t * t))),
                   1e-13);
    const long double s = t / std::sqrt(3.0L);
    ExpectRelative(StudentTCdf(td, 3),
                   static_cast<double>(0.5L + (s / (1 + s * s) + std::atan(s)) / pi), 1e-13);
  }
}

TEST(StudentTCdf, KnownValues) {
  ExpectRelative(StudentTCdf(-2.5, 24), 0.0098270875582893734379, 1e-12);
  ExpectRelative(StudentTCdf(1.3, 7), 0.88261608230381141647, 1e-13);
  ExpectRelative(StudentTCdf(-0.01, 150), 0.49601728746820139629, 1e-13);
  ExpectRelative(StudentTCdf(-4, 30), 0.00019092281804187842162, 1e-12);
  EXPECT_EQ(StudentTCdf(-INFINITY, 5), 0.0);
  EXPECT_EQ(StudentTCdf(INFINITY, 5), 1.0);
  EXPECT_TRUE(std::isnan(StudentTCdf(1, 0)));
}

TEST(PoissonQuantile, KnownValues) {
  EXPECT_EQ(PoissonQuantile(0.95, 1), 3);
  EXPECT_EQ(PoissonQuantile(0.95, 10), 15);
  EXPECT_EQ(PoissonQuantile(0.95, 0.001), 0);
  EXPECT_EQ(PoissonQuantile(0.95, 0), 0);
  EXPECT_EQ(PoissonQuantile(0.95, 1000), 1052);
  // exp(-5000) underflows: the walk must keep its scale in logarithms.
  EXPECT_EQ(PoissonQuantile(0.95, 5000), 5117);
  EXPECT_FALSE(PoissonQuantile(0.95, -1).has_value());
  EXPECT_FALSE(PoissonQuantile(1.0, 3).has_value());
}

TEST(NegativeBinomialQuantile, KnownValues) {
  EXPECT_EQ(NegativeBinomialQuantile(0.95, 0.918, 0.594), 3);
  EXPECT_EQ(NegativeBinomialQuantile(0.95, 2.5, 0.3), 14);
  EXPECT_EQ(NegativeBinomialQuantile(0.95, 40, 0.9), 8);
  EXPECT_EQ(NegativeBinomialQuantile(0.95, 0.05, 0.2), 1);
  EXPECT_EQ(NegativeBinomialQuantile(0.95, 0, 0.5), 0);  // size 0: all mass at 0
  EXPECT_FALSE(NegativeBinomialQuantile(0.95, 1, 0).has_value());
}

TEST(NegativeBinomialQuantile, GeometricClosedForm) {
  // size 1: P(X <= k) = 1 - (1 - p)^(k + 1), so the 0.95 quantile is ceil(log 0.05 / log(1-p)) - 1.
  for (double p : {0.5, 0.2, 0.05, 0.9}) {
    const auto expected =
        static_cast<std::int64_t>(std::ceil(std::log(0.05) / std::log(1 - p))) - 1;
    EXPECT_EQ(NegativeBinomialQuantile(0.95, 1, p), expected) << p;
  }
}

TEST(UpperTails, KnownValues) {
  ExpectRelative(NegativeBinomialUpperTail(4, 0.918, 0.594), 0.023544846984607830791, 1e-12);
  ExpectRelative(NegativeBinomialUpperTail(30, 2.5, 0.3), 0.0005435460782246996694, 1e-12);
  ExpectRelative(NegativeBinomialUpperTail(12, 0.05, 0.2), 0.0012316204705430938883, 1e-12);
  ExpectRelative(PoissonUpperTail(3, 1), 0.080301397071394196011, 1e-13);
  ExpectRelative(PoissonUpperTail(15, 10), 0.083458472934662824911, 1e-13);
  ExpectRelative(PoissonUpperTail(1100, 1000), 0.00096263040586655716094, 1e-10);
  EXPECT_EQ(PoissonUpperTail(0, 4), 1.0);
  EXPECT_EQ(NegativeBinomialUpperTail(0, 2, 0.5), 1.0);
}

TEST(UpperTails, SmallPValuesKeepTheirRelativePrecision) {
  // 1 - P(X <= y - 1) would lose every digit here; the tail is summed directly.
  ExpectRelative(PoissonUpperTail(40, 10), 7.3416363145604714222e-13, 1e-11);
  ExpectRelative(NegativeBinomialUpperTail(60, 1, 0.5), std::ldexp(1.0, -60), 1e-12);
}

}  // namespace
}  // namespace solieu::surveillance
