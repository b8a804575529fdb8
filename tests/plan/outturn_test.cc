// Estimated outturn ("ước thực hiện") from the months in hand, by the two named methods.
#include "plan/outturn.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace solieu::plan {
namespace {

TEST(OutturnTest, LinearProjectsTheMonthlyMean) {
  // Nine months of 2025 with 900 visits: 1.200 for the year, an estimate on 9 of 12 months.
  const std::vector<double> months = {100, 90, 110, 100, 100, 95, 105, 100, 100};
  const std::optional<Outturn> year = EstimateLinear(Period::Year(2025), months);
  ASSERT_TRUE(year.has_value());
  EXPECT_DOUBLE_EQ(year->value, 1200);
  EXPECT_EQ(year->method, OutturnMethod::kLinear);
  EXPECT_EQ(year->months_used, 9);
  EXPECT_EQ(year->months_in_period, 12);
  EXPECT_TRUE(year->is_estimate);

  // One month of a quarter: three times the month.
  const std::vector<double> january = {700};
  const std::optional<Outturn> quarter = EstimateLinear(Period::Quarter(2021, 1), january);
  ASSERT_TRUE(quarter.has_value());
  EXPECT_DOUBLE_EQ(quarter->value, 2100);
  EXPECT_EQ(quarter->months_in_period, 3);
}

TEST(OutturnTest, WholePeriodInHandIsTheActualNotAnEstimate) {
  const std::vector<double> months = {1, 2, 4};
  const std::optional<Outturn> q = EstimateLinear(Period::Quarter(2025, 2), months);
  ASSERT_TRUE(q.has_value());
  EXPECT_DOUBLE_EQ(q->value, 7);
  EXPECT_FALSE(q->is_estimate);
  const std::vector<double> last_year = {5, 5, 5};
  const std::optional<Outturn> s =
      EstimateBySamePeriodShare(Period::Quarter(2025, 2), months, last_year);
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->value, 7);
  EXPECT_FALSE(s->is_estimate);
}

TEST(OutturnTest, NothingInHandIsNoEstimate) {
  EXPECT_EQ(EstimateLinear(Period::Year(2025), {}), std::nullopt);
  const std::vector<double> last_year(12, 10.0);
  EXPECT_EQ(EstimateBySamePeriodShare(Period::Year(2025), {}, last_year), std::nullopt);
}

TEST(OutturnTest, SamePeriodShareKeepsTheSeason) {
  // Last year: a dengue-like season, 600 of 1.200 cases in July-September.
  const std::vector<double> last_year = {20, 20, 20, 40, 60, 100, 200, 200, 200, 160, 100, 80};
  // This year's first half: 300 cases against last year's 260 in the same months (share 260/1200).
  const std::vector<double> first_half = {25, 25, 30, 50, 70, 100};
  const std::optional<Outturn> year =
      EstimateBySamePeriodShare(Period::Year(2025), first_half, last_year);
  ASSERT_TRUE(year.has_value());
  EXPECT_NEAR(year->value, 300.0 * 1200 / 260, 1e-9);
  EXPECT_EQ(year->method, OutturnMethod::kSamePeriodShare);
  EXPECT_EQ(year->months_used, 6);
  EXPECT_EQ(year->months_in_period, 12);
  EXPECT_TRUE(year->is_estimate);
  // The linear method ignores the season and says 600.
  EXPECT_DOUBLE_EQ(EstimateLinear(Period::Year(2025), first_half)->value, 600);
}

TEST(OutturnTest, SamePeriodShareNeedsALastYearToScaleBy) {
  const std::vector<double> so_far = {5, 5};
  const std::vector<double> empty_start = {0, 0, 10};
  EXPECT_EQ(EstimateBySamePeriodShare(Period::Quarter(2025, 1), so_far, empty_start), std::nullopt);
  const std::vector<double> no_cases = {0, 0, 0};
  EXPECT_EQ(EstimateBySamePeriodShare(Period::Quarter(2025, 1), so_far, no_cases), std::nullopt);
}

TEST(OutturnTest, CallerMistakesThrow) {
  const std::vector<double> four = {1, 2, 3, 4};
  const std::vector<double> three = {1, 2, 3};
  const std::vector<double> one = {1};
  EXPECT_THROW(EstimateLinear(Period::Quarter(2025, 1), four), std::invalid_argument);
  EXPECT_THROW(EstimateLinear(Period::Week(2025, 10), one), std::invalid_argument);
  EXPECT_THROW(EstimateBySamePeriodShare(Period::Year(2025), one, three), std::invalid_argument);
}

TEST(OutturnTest, PeriodToDateAndSixMonths) {
  // "9 tháng năm 2025" has 9 months; a half-year 6.
  const std::vector<double> three = {3, 3, 3};
  EXPECT_DOUBLE_EQ(EstimateLinear(Period::PeriodToDate(2025, 9), three)->value, 27);
  EXPECT_EQ(EstimateLinear(Period::SixMonth(2025, 2), three)->months_in_period, 6);
}

TEST(OutturnTest, MethodNames) {
  EXPECT_EQ(OutturnMethodName(OutturnMethod::kLinear), "linear");
  EXPECT_EQ(OutturnMethodName(OutturnMethod::kSamePeriodShare), "same-period-share");
  OutturnMethod method = OutturnMethod::kLinear;
  EXPECT_TRUE(ParseOutturnMethod("same-period-share", &method));
  EXPECT_EQ(method, OutturnMethod::kSamePeriodShare);
  EXPECT_TRUE(ParseOutturnMethod("linear", &method));
  EXPECT_EQ(method, OutturnMethod::kLinear);
  EXPECT_FALSE(ParseOutturnMethod("Linear", &method));
  EXPECT_EQ(OutturnMethodLabelVi(OutturnMethod::kLinear), "ngoại suy tuyến tính");
}

}  // namespace
}  // namespace solieu::plan
