// The QR factorization on least-squares problems small enough to solve by hand.
#include "surveillance/householder_qr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace solieu::surveillance {
namespace {

// Columns: intercept, x = 1..4. Data y = 6, 5, 7, 10: slope Sxy / Sxx = 7 / 5, intercept 3.5.
std::vector<double> LineDesign() {
  return {1, 1, 1, 1, 1, 2, 3, 4};
}
const std::vector<double> kY = {6, 5, 7, 10};

TEST(HouseholderQr, SolvesAStraightLineFit) {
  HouseholderQr qr(4, 2, LineDesign(), 1e-7);
  EXPECT_EQ(qr.rank(), 2);
  const std::vector<double> beta = qr.Solve(kY);
  EXPECT_NEAR(beta[0], 3.5, 1e-13);
  EXPECT_NEAR(beta[1], 1.4, 1e-13);
}

TEST(HouseholderQr, UnscaledCovarianceIsTheInverseOfXtX) {
  // X'X = [[4, 10], [10, 30]], determinant 20.
  HouseholderQr qr(4, 2, LineDesign(), 1e-7);
  const std::vector<double> c = qr.UnscaledCovariance();
  EXPECT_NEAR(c[0], 1.5, 1e-13);
  EXPECT_NEAR(c[1], -0.5, 1e-13);
  EXPECT_NEAR(c[2], -0.5, 1e-13);
  EXPECT_NEAR(c[3], 0.2, 1e-13);
  // x0 (X'X)^-1 x0' at x0 = (1, 5): 1.5 - 2 * 0.5 * 5 + 0.2 * 25.
  const std::vector<double> x0 = {1, 5};
  EXPECT_NEAR(qr.QuadraticForm(x0), 1.5, 1e-13);
}

TEST(HouseholderQr, LeveragesOfAStraightLine) {
  // h_i = 1/n + (x_i - mean)^2 / Sxx.
  HouseholderQr qr(4, 2, LineDesign(), 1e-7);
  const std::vector<double> h = qr.Leverages();
  EXPECT_NEAR(h[0], 0.7, 1e-13);
  EXPECT_NEAR(h[1], 0.3, 1e-13);
  EXPECT_NEAR(h[2], 0.3, 1e-13);
  EXPECT_NEAR(h[3], 0.7, 1e-13);
}

TEST(HouseholderQr, DependentLastColumnIsDropped) {
  std::vector<double> a = LineDesign();
  for (double x : {2, 4, 6, 8}) a.push_back(x);  // 2 * x
  HouseholderQr qr(4, 3, a, 1e-7);
  EXPECT_EQ(qr.rank(), 2);
  const std::vector<double> beta = qr.Solve(kY);
  EXPECT_NEAR(beta[0], 3.5, 1e-12);
  EXPECT_NEAR(beta[1], 1.4, 1e-12);
  EXPECT_TRUE(std::isnan(beta[2]));
}

TEST(HouseholderQr, DependentMiddleColumnMovesToTheEndAsInR) {
  // Columns: intercept, 2 * intercept, x. dqrdc2 pivots the second column out.
  const std::vector<double> a = {1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4};
  HouseholderQr qr(4, 3, a, 1e-7);
  EXPECT_EQ(qr.rank(), 2);
  EXPECT_EQ(qr.pivot(), (std::vector<int>{0, 2, 1}));
  const std::vector<double> beta = qr.Solve(kY);
  EXPECT_NEAR(beta[0], 3.5, 1e-12);
  EXPECT_TRUE(std::isnan(beta[1]));
  EXPECT_NEAR(beta[2], 1.4, 1e-12);
  const std::vector<double> c = qr.UnscaledCovariance();
  EXPECT_NEAR(c[0], 1.5, 1e-12);
  EXPECT_TRUE(std::isnan(c[1 * 3 + 1]));
  EXPECT_NEAR(c[2 * 3 + 2], 0.2, 1e-12);
}

TEST(HouseholderQr, ZeroColumnIsDependent) {
  const std::vector<double> a = {0, 0, 0, 1, 1, 1};
  HouseholderQr qr(3, 2, a, 1e-7);
  EXPECT_EQ(qr.rank(), 1);
  const std::vector<double> y = {1, 2, 3};
  const std::vector<double> beta = qr.Solve(y);
  EXPECT_TRUE(std::isnan(beta[0]));
  EXPECT_NEAR(beta[1], 2.0, 1e-14);
}

TEST(HouseholderQr, SquareSystemIsSolvedExactly) {
  // [[2, 1], [1, 3]] x = [3, 5]: x = (4/5, 7/5).
  HouseholderQr qr(2, 2, {2, 1, 1, 3}, 1e-7);
  const std::vector<double> rhs = {3, 5};
  const std::vector<double> x = qr.Solve(rhs);
  EXPECT_NEAR(x[0], 0.8, 1e-14);
  EXPECT_NEAR(x[1], 1.4, 1e-14);
  const std::vector<double> h = qr.Leverages();
  EXPECT_EQ(h[0], 1.0);  // a square full-rank design fits every point
  EXPECT_EQ(h[1], 1.0);
}

}  // namespace
}  // namespace solieu::surveillance
