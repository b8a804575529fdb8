// The quasi-Poisson GLM on cases whose answers are known in closed form.
#include "surveillance/glm_quasi_poisson.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "surveillance/distributions.h"

namespace solieu::surveillance {
namespace {

DesignMatrix Columns(int rows, std::vector<std::vector<double>> columns) {
  DesignMatrix x;
  x.rows = rows;
  x.cols = static_cast<int>(columns.size());
  for (const auto& column : columns) x.values.insert(x.values.end(), column.begin(), column.end());
  return x;
}

DesignMatrix InterceptOnly(int rows) {
  return Columns(rows, {std::vector<double>(rows, 1.0)});
}

// With R's epsilon (1e-8) the fit stops one Newton step after the deviance settles, and the
// weights and dispersion are those of the step before, off the MLE by ~1e-7. The closed forms
// below hold at the MLE, so these checks iterate further. The coefficients then agree to machine
// precision; the working weights still lag one step, by at most ~sqrt(epsilon) = 3e-8 relative
// (the deviance is quadratic near its minimum), which bounds the weight-based checks.
constexpr double kWeightLag = 3.2e-8;

GlmControl Tight() {
  GlmControl control;
  control.epsilon = 1e-15;
  control.max_iterations = 50;
  return control;
}

TEST(QuasiPoissonGlm, InterceptOnlyFitsTheMean) {
  // The MLE of a Poisson mean is the sample mean; the Pearson dispersion is
  // sum((y - mean)^2 / mean) / (n - 1) = 26.8 / 3.2 / 4.
  const std::vector<double> y = {2, 3, 7, 0, 4};
  const GlmFit fit = FitQuasiPoissonGlm(InterceptOnly(5), y, {}, Tight());
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[0], std::log(3.2), 1e-14);
  EXPECT_EQ(fit.df_residual, 4);
  const double phi = EstimateDispersion(fit);
  EXPECT_NEAR(phi, 26.8 / 3.2 / 4, kWeightLag * phi);
  // var(beta0) = phi / sum(mu) = phi / 16; t = beta0 / se with 4 degrees of freedom.
  const CoefficientTest test = TestCoefficient(fit, 0, phi);
  // With the fit's own weights the identities are exact: X'WX = sum(w).
  double sum_w = 0;
  for (double w : fit.working_weights) sum_w += w;
  EXPECT_NEAR(sum_w, 16, kWeightLag * 16);
  EXPECT_NEAR(test.std_error, std::sqrt(phi / sum_w), 1e-15);
  EXPECT_NEAR(test.t_value, fit.coefficients[0] / std::sqrt(phi / sum_w), 1e-13);
  EXPECT_NEAR(test.p_value, 2 * StudentTCdf(-std::fabs(test.t_value), 4), 1e-15);
  const std::vector<double> row = {1.0};
  const LinkPrediction prediction = PredictLink(fit, row, phi);
  EXPECT_NEAR(prediction.eta, std::log(3.2), 1e-14);
  EXPECT_NEAR(prediction.se, std::sqrt(phi / sum_w), 1e-15);
  EXPECT_NEAR(CoefficientCovariance(fit, phi)[0], phi / sum_w, 1e-15);
}

TEST(QuasiPoissonGlm, TwoGroupsFitTheirMeans) {
  // Group A: 1, 2, 3 (mean 2); group B: 10, 12 (mean 11).
  const std::vector<double> y = {1, 2, 3, 10, 12};
  const DesignMatrix x = Columns(5, {{1, 1, 1, 1, 1}, {0, 0, 0, 1, 1}});
  const GlmFit fit = FitQuasiPoissonGlm(x, y, {}, Tight());
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[0], std::log(2.0), 1e-14);
  EXPECT_NEAR(fit.coefficients[1], std::log(11.0 / 2.0), 1e-14);
  EXPECT_NEAR(fit.fitted[3], 11.0, 1e-12);
  // Pearson: sum((y - mu)^2 / mu) / (5 - 2).
  const double phi = EstimateDispersion(fit);
  EXPECT_NEAR(phi, (1.0 / 2 + 0 + 1.0 / 2 + 1.0 / 11 + 1.0 / 11) / 3, kWeightLag * phi);
  // X'WX = [[wA + wB, wB], [wB, wB]]: var(b0) = 1/wA, var(b1) = 1/wA + 1/wB, cov = -1/wA, with
  // wA, wB the summed weights of each group (at the MLE 3 * 2 and 2 * 11).
  const double w_a = fit.working_weights[0] + fit.working_weights[1] + fit.working_weights[2];
  const double w_b = fit.working_weights[3] + fit.working_weights[4];
  EXPECT_NEAR(w_a, 6, kWeightLag * 6);
  EXPECT_NEAR(w_b, 22, kWeightLag * 22);
  const std::vector<double> c = CoefficientCovariance(fit, phi);
  EXPECT_NEAR(c[0], phi / w_a, 1e-15);
  EXPECT_NEAR(c[3], phi / w_a + phi / w_b, 1e-15);
  EXPECT_NEAR(c[1], -phi / w_a, 1e-15);
  EXPECT_EQ(c[1], c[2]);
}

TEST(QuasiPoissonGlm, ExactLogLinearDataAreRecovered) {
  std::vector<double> t;
  std::vector<double> y;
  for (int i = 0; i < 6; ++i) {
    t.push_back(i);
    y.push_back(2 * std::exp(0.3 * i));
  }
  const GlmFit fit = FitQuasiPoissonGlm(Columns(6, {std::vector<double>(6, 1.0), t}), y, {});
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[0], std::log(2.0), 1e-9);
  EXPECT_NEAR(fit.coefficients[1], 0.3, 1e-9);
  EXPECT_NEAR(fit.deviance, 0.0, 1e-12);
}

TEST(QuasiPoissonGlm, PriorWeightsActLikeRepeatedOrDroppedObservations) {
  const std::vector<double> y = {2, 3, 7, 40};
  const std::vector<double> weights = {1, 2, 1, 0};
  const GlmFit fit = FitQuasiPoissonGlm(InterceptOnly(4), y, weights, Tight());
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[0], std::log((2 + 3 + 3 + 7) / 4.0), 1e-14);
  EXPECT_EQ(fit.df_residual, 2);  // three observations with positive weight, one parameter
  EXPECT_EQ(fit.working_weights[3], 0.0);
}

TEST(QuasiPoissonGlm, WorkingWeightsAreThoseOfTheStepBeforeTheLastAsInR) {
  // Intercept only, y = 0, 1, 0, 5, 2, 9, 3 (mean 20/7). IRLS from mu = y + 0.1 visits
  // mu_1 = 20.7/7 / exp(...) ... ; what matters: with R's epsilon the returned weights equal the
  // mean of the previous iterate, mu_old, not the final mu. For an intercept-only Poisson model
  // one IRLS step maps mu to mu * exp(mean(y) / mu - 1), so mu_old is recovered from that map.
  const std::vector<double> y = {0, 1, 0, 5, 2, 9, 3};
  const GlmFit fit = FitQuasiPoissonGlm(InterceptOnly(7), y, {});
  ASSERT_TRUE(fit.converged);
  const double mean = 20.0 / 7.0;
  const double w = fit.working_weights[0];
  EXPECT_NEAR(w * std::exp(mean / w - 1), fit.fitted[0], 1e-14);
  EXPECT_GT(std::fabs(w - fit.fitted[0]), 1e-9);  // genuinely the earlier iterate
  EXPECT_NEAR(fit.fitted[0], mean, 1e-9);         // quadratic convergence: mu is already exact
  // The dispersion R reports is therefore sum(w r^2) / df with that w.
  double sum = 0;
  for (int i = 0; i < 7; ++i) sum += w * std::pow((y[i] - fit.fitted[i]) / fit.fitted[i], 2);
  EXPECT_NEAR(EstimateDispersion(fit), sum / 6, 1e-14);
}

TEST(QuasiPoissonGlm, AllZerosConvergeTowardsZero) {
  const std::vector<double> y(10, 0.0);
  const GlmFit fit = FitQuasiPoissonGlm(InterceptOnly(10), y, {});
  EXPECT_TRUE(fit.converged);
  EXPECT_LT(fit.coefficients[0], -15);
  EXPECT_LT(fit.fitted[0], 1e-6);
  EXPECT_GT(fit.iterations, 10);
  EXPECT_LE(fit.iterations, 25);
}

TEST(QuasiPoissonGlm, StopsAtTheIterationLimitWithoutConverging) {
  const std::vector<double> y(10, 0.0);
  GlmControl control;
  control.max_iterations = 3;
  const GlmFit fit = FitQuasiPoissonGlm(InterceptOnly(10), y, {}, control);
  EXPECT_FALSE(fit.converged);
  EXPECT_EQ(fit.iterations, 3);
}

TEST(QuasiPoissonGlm, DependentColumnGivesNaNCoefficientAndSmallerRank) {
  const std::vector<double> y = {1, 2, 3, 10, 12};
  const DesignMatrix x = Columns(5, {{1, 1, 1, 1, 1}, {0, 0, 0, 1, 1}, {0, 0, 0, 2, 2}});
  const GlmFit fit = FitQuasiPoissonGlm(x, y, {});
  ASSERT_TRUE(fit.converged);
  EXPECT_TRUE(std::isnan(fit.coefficients[2]));
  EXPECT_NEAR(fit.coefficients[1], std::log(11.0 / 2.0), 1e-10);
  EXPECT_EQ(fit.df_residual, 3);
}

}  // namespace
}  // namespace solieu::surveillance
