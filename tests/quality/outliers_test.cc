// Outlier methods on small series whose statistics are computed by hand in the comments.
#include "quality/outliers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace solieu::quality {
namespace {

TEST(OutliersTest, ZScoreUsesThePopulationStandardDeviation) {
  // Ten 10s and one 120: mean 220/11 = 20; squares 10*100 + 100^2 = 11000, /11 = 1000,
  // sd = sqrt(1000); z(120) = 100/sqrt(1000) = sqrt(10) = 3.162; z(10) = -0.316.
  std::vector<double> series(10, 10.0);
  series.push_back(120);
  auto found = FindOutliers(series, OutlierMethod::kZScore, 3);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].index, 10u);
  EXPECT_EQ(found[0].value, 120);
  EXPECT_DOUBLE_EQ(found[0].centre, 20);
  EXPECT_NEAR(found[0].score, std::sqrt(10.0), 1e-12);
  EXPECT_NEAR(found[0].lower, 20 - 3 * std::sqrt(1000.0), 1e-9);
  EXPECT_NEAR(found[0].upper, 20 + 3 * std::sqrt(1000.0), 1e-9);
  // sqrt(10) is below 3.2: nothing at that threshold.
  EXPECT_TRUE(FindOutliers(series, OutlierMethod::kZScore, 3.2).empty());
}

TEST(OutliersTest, ZScoreOfExactlyTheThresholdIsNotAnOutlier) {
  // Nine 10s and one 40: mean 13, squares 9*9 + 27^2 = 810, /10 = 81, sd 9, z(40) = 3.
  std::vector<double> series(9, 10.0);
  series.push_back(40);
  EXPECT_TRUE(FindOutliers(series, OutlierMethod::kZScore, 3).empty());
  auto found = FindOutliers(series, OutlierMethod::kZScore, 2.5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 3);
}

TEST(OutliersTest, ModifiedZScoreUsesMedianAndMad) {
  // 1 2 3 4 100: median 3; |x - 3| = 2 1 0 1 97, their median (MAD) 1;
  // M(100) = 0.6745 * 97 = 65.4265, M(1) = -1.349.
  std::vector<double> series = {1, 2, 3, 4, 100};
  auto found = FindOutliers(series, OutlierMethod::kModifiedZScore, 3.5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].index, 4u);
  EXPECT_DOUBLE_EQ(found[0].centre, 3);
  EXPECT_NEAR(found[0].score, 65.4265, 1e-9);
  EXPECT_NEAR(found[0].lower, 3 - 3.5 / 0.6745, 1e-9);
  EXPECT_NEAR(found[0].upper, 3 + 3.5 / 0.6745, 1e-9);
  // The plain z-score misses it in so short a series: mean 22, sd 39.01, z(100) = 2.0.
  EXPECT_TRUE(FindOutliers(series, OutlierMethod::kZScore, 3).empty());
}

TEST(OutliersTest, ModifiedZScoreOfAnEvenSeriesTakesTheMiddlePair) {
  // 2 4 6 1000: median (4 + 6) / 2 = 5; |x - 5| = 3 1 1 995, MAD (1 + 3) / 2 = 2;
  // M(1000) = 0.6745 * 995 / 2 = 335.56375.
  std::vector<double> series = {2, 4, 6, 1000};
  auto found = FindOutliers(series, OutlierMethod::kModifiedZScore, 3.5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].centre, 5);
  EXPECT_NEAR(found[0].score, 335.56375, 1e-9);
}

TEST(OutliersTest, MinMaxBoundsAreMeanPlusMinusFactorSdFloorAtZero) {
  // Nine 10s and one 40: mean 13, sd 9; factor 2: bounds 13 -/+ 18 = [-5, 31], [0, 31] for
  // elements that cannot be negative; 40 lies outside, score z = 3.
  std::vector<double> series(9, 10.0);
  series.push_back(40);
  auto found = FindOutliers(series, OutlierMethod::kMinMax, 2, /*non_negative=*/true);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].index, 9u);
  EXPECT_DOUBLE_EQ(found[0].lower, 0);
  EXPECT_DOUBLE_EQ(found[0].upper, 31);
  EXPECT_DOUBLE_EQ(found[0].centre, 13);
  EXPECT_DOUBLE_EQ(found[0].score, 3);
  auto signed_bounds = FindOutliers(series, OutlierMethod::kMinMax, 2, /*non_negative=*/false);
  ASSERT_EQ(signed_bounds.size(), 1u);
  EXPECT_DOUBLE_EQ(signed_bounds[0].lower, -5);
  // Factor 3: [-14, 40]; 40 is on the bound, inside.
  EXPECT_TRUE(FindOutliers(series, OutlierMethod::kMinMax, 3).empty());
}

TEST(OutliersTest, SeriesWithoutSpreadHaveNoOutliers) {
  std::vector<double> flat = {5, 5, 5};
  EXPECT_TRUE(FindOutliers(flat, OutlierMethod::kZScore, 3).empty());
  EXPECT_TRUE(FindOutliers(flat, OutlierMethod::kMinMax, 2).empty());
  // MAD 0 (most values equal): the modified z-score is undefined, so nothing is flagged.
  std::vector<double> mostly = {5, 5, 5, 5, 50};
  EXPECT_TRUE(FindOutliers(mostly, OutlierMethod::kModifiedZScore, 3.5).empty());
  EXPECT_TRUE(FindOutliers(std::vector<double>{}, OutlierMethod::kZScore, 3).empty());
}

TEST(OutliersTest, MethodNamesAndDefaults) {
  OutlierMethod m;
  ASSERT_TRUE(ParseOutlierMethod("modified-z", &m));
  EXPECT_EQ(m, OutlierMethod::kModifiedZScore);
  EXPECT_EQ(OutlierMethodName(OutlierMethod::kMinMax), "min-max");
  EXPECT_FALSE(ParseOutlierMethod("iqr", &m));
  EXPECT_EQ(DefaultThreshold(OutlierMethod::kZScore), 3);
  EXPECT_EQ(DefaultThreshold(OutlierMethod::kModifiedZScore), 3.5);
  EXPECT_EQ(DefaultThreshold(OutlierMethod::kMinMax), 2);
}

}  // namespace
}  // namespace solieu::quality
