// Farrington flexible against every row of the reference outputs of R's farringtonFlexible
// (surveillance 1.20.3), both configurations, both datasets, range = the last 52 weeks. Upper
// bounds within 1e-6 relative, identical alarms, NA exactly where R has NA; the other reported
// quantities are held to the same tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>

#include "reference_data.h"
#include "surveillance/farrington_flexible.h"

namespace solieu::surveillance {
namespace {

using testing::ParseNumber;
using testing::ReadReferenceCsv;
using testing::ReferenceSeries;
using testing::RelativeError;

constexpr double kTolerance = 1e-6;

struct Errors {
  std::map<std::string, double> max_by_column;
  int rows = 0;
};

void ExpectClose(const std::string& column, const std::string& where, std::optional<double> ours,
                 const std::string& theirs, Errors* errors) {
  const std::optional<double> expected = ParseNumber(theirs);
  ASSERT_EQ(ours.has_value(), expected.has_value())
      << where << " " << column << ": ours " << (ours ? std::to_string(*ours) : "NA") << ", R "
      << theirs;
  if (!expected) return;
  const double error = RelativeError(*ours, *expected);
  double& max = errors->max_by_column[column];
  max = std::max(max, error);
  EXPECT_LE(error, kTolerance) << where << " " << column << ": ours " << *ours << ", R " << theirs;
}

Errors CompareFile(const std::string& file, const FarringtonParams& config) {
  Errors errors;
  std::map<std::string, std::vector<FarringtonWeek>> runs;
  std::map<std::string, int> first_idx;
  for (const auto& row : ReadReferenceCsv(file)) {
    const std::string dataset = row.at("dataset");
    if (!runs.count(dataset)) {
      const std::vector<std::int64_t> counts = ReferenceSeries(dataset);
      const int n = static_cast<int>(counts.size());
      FarringtonParams params = config;
      params.range = WeekRange{n - 51, n};
      runs[dataset] = RunFarringtonFlexible(counts, params);
      first_idx[dataset] = n - 51;
      EXPECT_EQ(runs[dataset].size(), 52u);
    }
    const int idx = std::stoi(row.at("idx"));
    const FarringtonWeek& week = runs[dataset].at(static_cast<size_t>(idx - first_idx[dataset]));
    const std::string where = file + " " + dataset + " idx " + std::to_string(idx);
    EXPECT_EQ(week.idx, idx) << where;
    EXPECT_EQ(week.observed, std::stoll(row.at("observed"))) << where;
    ExpectClose("upperbound", where, week.upperbound, row.at("upperbound"), &errors);
    const std::string alarm = row.at("alarm");
    EXPECT_EQ(week.alarm, std::optional<bool>(alarm == "1")) << where;
    ExpectClose("expected", where, week.expected, row.at("expected"), &errors);
    ExpectClose("score", where, week.score, row.at("score"), &errors);
    ExpectClose("pvalue", where, week.pvalue, row.at("pvalue"), &errors);
    ExpectClose("phi", where, week.phi, row.at("phi"), &errors);
    EXPECT_EQ(week.trend_kept, row.at("trend_kept") == "1") << where;
    ExpectClose("trend_coef", where, week.trend_coefficient, row.at("trend_coef"), &errors);
    ExpectClose("mu0", where, week.mu0, row.at("mu0"), &errors);
    ++errors.rows;
  }
  return errors;
}

void Print(const std::string& file, const Errors& errors) {
  std::cout << "[ " << file << " ] rows " << errors.rows << ", max relative error:";
  for (const auto& [column, error] : errors.max_by_column)
    std::cout << " " << column << " " << error;
  std::cout << "\n";
}

TEST(FarringtonReference, OriginalConfigurationMatchesEveryRow) {
  const Errors errors =
      CompareFile("farringtonFlexible_farrington_orig.csv", FarringtonParams::OriginalConfig());
  EXPECT_EQ(errors.rows, 104);
  Print("farringtonFlexible_farrington_orig.csv", errors);
}

TEST(FarringtonReference, NoufailyConfigurationMatchesEveryRow) {
  const Errors errors =
      CompareFile("farringtonFlexible_noufaily.csv", FarringtonParams::NoufailyConfig());
  EXPECT_EQ(errors.rows, 104);
  Print("farringtonFlexible_noufaily.csv", errors);
}

TEST(FarringtonReference, ConfigurationsAreTheReferenceOnes) {
  const FarringtonParams orig = FarringtonParams::OriginalConfig();
  EXPECT_EQ(orig.no_periods, 1);
  EXPECT_EQ(orig.b, 4);
  EXPECT_EQ(orig.w, 3);
  EXPECT_TRUE(orig.reweight);
  EXPECT_EQ(orig.weights_threshold, 1.0);
  EXPECT_EQ(orig.past_weeks_not_included, 3);
  EXPECT_TRUE(orig.trend);
  EXPECT_EQ(orig.p_threshold_trend, 0.05);
  EXPECT_EQ(orig.alpha, 0.05);
  EXPECT_EQ(orig.limit54_cases, 5);
  EXPECT_EQ(orig.limit54_weeks, 4);
  EXPECT_EQ(orig.powertrans, PowerTransform::kTwoThirds);
  EXPECT_EQ(orig.threshold_method, ThresholdMethod::kDelta);
  const FarringtonParams nouf = FarringtonParams::NoufailyConfig();
  EXPECT_EQ(nouf.no_periods, 10);
  EXPECT_EQ(nouf.b, 4);
  EXPECT_EQ(nouf.w, 3);
  EXPECT_TRUE(nouf.reweight);
  EXPECT_EQ(nouf.weights_threshold, 2.58);
  EXPECT_EQ(nouf.past_weeks_not_included, 26);
  EXPECT_TRUE(nouf.trend);
  EXPECT_EQ(nouf.p_threshold_trend, 1.0);
  EXPECT_EQ(nouf.alpha, 0.05);
  EXPECT_EQ(nouf.powertrans, PowerTransform::kTwoThirds);
  EXPECT_EQ(nouf.threshold_method, ThresholdMethod::kNbPlugin);
  EXPECT_EQ(nouf.frequency, 52);
}

}  // namespace
}  // namespace solieu::surveillance
