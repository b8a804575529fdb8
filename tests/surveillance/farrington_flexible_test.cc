// Farrington flexible: the reference-week layout, sparse and short series, a planted outbreak,
// the other threshold methods and transforms, and parameter errors.
#include "surveillance/farrington_flexible.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.h"
#include "reference_data.h"
#include "surveillance/farrington_reference_weeks.h"

namespace solieu::surveillance {
namespace {

int PeriodOf(const ReferenceWeeks& weeks, int idx) {
  const auto it = std::find(weeks.idx.begin(), weeks.idx.end(), idx);
  return it == weeks.idx.end() ? 0 : weeks.period[static_cast<size_t>(it - weeks.idx.begin())];
}

TEST(FarringtonReferenceWeeks, OriginalLayoutIsFourWindowsOfSevenWeeks) {
  const ReferenceWeeks weeks = SelectReferenceWeeks(261, {4, 3, 1, 3, 52});
  std::vector<int> expected;
  for (int centre : {53, 105, 157, 209}) {
    for (int d = -3; d <= 3; ++d) expected.push_back(centre + d);
  }
  EXPECT_EQ(weeks.idx, expected);
  EXPECT_TRUE(std::all_of(weeks.period.begin(), weeks.period.end(), [](int p) { return p == 1; }));
}

TEST(FarringtonReferenceWeeks, PastWeeksNotIncludedShorterThanTheWindowKeepsCurrentWeeks) {
  // With w = 3 and only week k left out, k - 3 .. k - 1 belong to the current window.
  const ReferenceWeeks weeks = SelectReferenceWeeks(261, {4, 3, 1, 0, 52});
  EXPECT_EQ(weeks.idx.size(), 31u);
  EXPECT_EQ(weeks.idx.back(), 260);
  EXPECT_EQ(PeriodOf(weeks, 258), 1);
}

TEST(FarringtonReferenceWeeks, NoufailyLayoutCutsEachYearIntoTenPeriods) {
  const int k = 261;
  const ReferenceWeeks weeks = SelectReferenceWeeks(k, {4, 3, 10, 26, 52});
  // Every week from k - 4 * 52 - 3 to k - 27 is used.
  EXPECT_EQ(weeks.idx.front(), k - 211);
  EXPECT_EQ(weeks.idx.back(), k - 27);
  EXPECT_EQ(weeks.idx.size(), static_cast<size_t>(211 - 27 + 1));
  // Windows are period 10; the 45 weeks after each window are nine periods of five weeks.
  EXPECT_EQ(PeriodOf(weeks, k - 52 - 3), 10);
  EXPECT_EQ(PeriodOf(weeks, k - 52 + 3), 10);
  EXPECT_EQ(PeriodOf(weeks, k - 52 + 4), 1);
  EXPECT_EQ(PeriodOf(weeks, k - 52 + 8), 1);
  EXPECT_EQ(PeriodOf(weeks, k - 52 + 9), 2);
  EXPECT_EQ(PeriodOf(weeks, k - 104 + 48), 9);
  EXPECT_EQ(PeriodOf(weeks, k - 52 - 4), 9);
  EXPECT_EQ(PeriodOf(weeks, k - 26), 0);  // left out
}

TEST(FarringtonReferenceWeeks, UnevenPeriodsAreLongerFirst) {
  // 45 weeks into 7 periods: 45 = 7 * 6 + 3, so periods 1..3 have 7 weeks and 4..7 have 6.
  const ReferenceWeeks weeks = SelectReferenceWeeks(300, {1, 3, 8, 0, 52});
  std::vector<int> length(9, 0);
  for (size_t i = 0; i < weeks.idx.size(); ++i) {
    if (weeks.idx[i] > 248 + 3 && weeks.idx[i] < 300 - 3) ++length[weeks.period[i]];
  }
  EXPECT_EQ(length, (std::vector<int>{0, 7, 7, 7, 6, 6, 6, 6, 0}));
}

FarringtonParams LastWeeks(FarringtonParams params, size_t n, int weeks) {
  params.range = WeekRange{static_cast<int>(n) - weeks + 1, static_cast<int>(n)};
  return params;
}

void ExpectNoNaN(const FarringtonWeek& w) {
  for (const std::optional<double>& v :
       {w.upperbound, w.expected, w.score, w.pvalue, w.phi, w.trend_coefficient, w.mu0}) {
    if (v) {
      EXPECT_FALSE(std::isnan(*v)) << w.idx;
    }
  }
}

TEST(FarringtonFlexible, AllZerosGiveNoAlarmAndNoBound) {
  const std::vector<std::int64_t> zeros(312, 0);
  for (const FarringtonParams& config :
       {FarringtonParams::NoufailyConfig(), FarringtonParams::OriginalConfig()}) {
    const std::vector<FarringtonWeek> weeks = RunFarringtonFlexible(zeros, config);
    EXPECT_EQ(weeks.size(), 312u - 211u);
    for (const FarringtonWeek& w : weeks) {
      EXPECT_EQ(w.alarm, false) << w.idx;
      EXPECT_FALSE(w.upperbound.has_value()) << w.idx;  // fewer than 5 cases in 4 weeks
      ExpectNoNaN(w);
    }
  }
}

TEST(FarringtonFlexible, SeriesShorterThanTheHistoryIsAnError) {
  const std::vector<std::int64_t> counts(150, 3);
  try {
    RunFarringtonFlexible(counts, FarringtonParams::NoufailyConfig());
    FAIL() << "expected a UserError";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.bad_parameter");
    EXPECT_EQ(e.where(), "range");
  }
  EXPECT_EQ(FirstFarringtonWeek(FarringtonParams::NoufailyConfig()), 4 * 52 + 3 + 1);
}

TEST(FarringtonFlexible, PlantedOutbreakAlarms) {
  std::vector<std::int64_t> counts = testing::ReferenceSeries("salmonella.agona");
  counts.back() += 25;
  for (const FarringtonParams& config :
       {FarringtonParams::NoufailyConfig(), FarringtonParams::OriginalConfig()}) {
    const std::vector<FarringtonWeek> weeks =
        RunFarringtonFlexible(counts, LastWeeks(config, counts.size(), 1));
    ASSERT_EQ(weeks.size(), 1u);
    EXPECT_EQ(weeks[0].alarm, true);
    ASSERT_TRUE(weeks[0].upperbound.has_value());
    EXPECT_LT(*weeks[0].upperbound, static_cast<double>(weeks[0].observed));
    EXPECT_GT(*weeks[0].score, 1.0);
    EXPECT_LT(*weeks[0].pvalue, 0.05);
  }
}

TEST(FarringtonFlexible, OtherThresholdMethodsAndTransformsAreConsistent) {
  const std::vector<std::int64_t> counts = testing::ReferenceSeries("shadar");
  for (ThresholdMethod method :
       {ThresholdMethod::kDelta, ThresholdMethod::kNbPlugin, ThresholdMethod::kMuan}) {
    for (PowerTransform transform :
         {PowerTransform::kNone, PowerTransform::kSquareRoot, PowerTransform::kTwoThirds}) {
      FarringtonParams params = LastWeeks(FarringtonParams::NoufailyConfig(), counts.size(), 52);
      params.threshold_method = method;
      params.powertrans = transform;
      params.limit54_cases = 0;  // report every bound
      for (const FarringtonWeek& w : RunFarringtonFlexible(counts, params)) {
        ASSERT_TRUE(w.upperbound.has_value()) << w.idx;
        ASSERT_TRUE(w.expected.has_value()) << w.idx;
        EXPECT_GE(*w.upperbound, *w.expected) << w.idx;
        EXPECT_GE(*w.pvalue, 0.0);
        EXPECT_LE(*w.pvalue, 1.0);
        if (method != ThresholdMethod::kDelta) {
          EXPECT_EQ(*w.upperbound, std::floor(*w.upperbound)) << "a count quantile";
        }
        ExpectNoNaN(w);
      }
    }
  }
}

TEST(FarringtonFlexible, MuanIsNeverBelowNbPlugin) {
  // muan plugs in the (1 - alpha) quantile of the mean instead of its estimate.
  const std::vector<std::int64_t> counts = testing::ReferenceSeries("salmonella.agona");
  FarringtonParams plugin = LastWeeks(FarringtonParams::NoufailyConfig(), counts.size(), 52);
  plugin.limit54_cases = 0;
  FarringtonParams muan = plugin;
  muan.threshold_method = ThresholdMethod::kMuan;
  const std::vector<FarringtonWeek> a = RunFarringtonFlexible(counts, plugin);
  const std::vector<FarringtonWeek> b = RunFarringtonFlexible(counts, muan);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_GE(*b[i].upperbound, *a[i].upperbound);
}

TEST(FarringtonFlexible, WithoutTrendNoTrendIsKept) {
  const std::vector<std::int64_t> counts = testing::ReferenceSeries("shadar");
  FarringtonParams params = LastWeeks(FarringtonParams::NoufailyConfig(), counts.size(), 20);
  params.trend = false;
  params.reweight = false;
  for (const FarringtonWeek& w : RunFarringtonFlexible(counts, params)) {
    EXPECT_FALSE(w.trend_kept);
    EXPECT_FALSE(w.trend_coefficient.has_value());
    ExpectNoNaN(w);
  }
}

TEST(FarringtonFlexible, BadParameters) {
  const std::vector<std::int64_t> counts(400, 3);
  auto expect_bad = [&](FarringtonParams p, const char* where) {
    try {
      RunFarringtonFlexible(counts, p);
      ADD_FAILURE() << "expected a UserError for " << where;
    } catch (const UserError& e) {
      EXPECT_EQ(e.where(), where);
    }
  };
  FarringtonParams p = FarringtonParams::NoufailyConfig();
  p.no_periods = 47;  // 52 - 2 * 3 = 46 at most
  expect_bad(p, "noPeriods");
  p = FarringtonParams::NoufailyConfig();
  p.b = 0;
  expect_bad(p, "b");
  p = FarringtonParams::NoufailyConfig();
  p.w = -1;
  expect_bad(p, "w");
  p = FarringtonParams::NoufailyConfig();
  p.alpha = 1.5;
  expect_bad(p, "alpha");
  p = FarringtonParams::NoufailyConfig();
  p.limit54_weeks = 0;
  expect_bad(p, "limit54");
  p = FarringtonParams::NoufailyConfig();
  p.past_weeks_not_included = -2;
  expect_bad(p, "pastWeeksNotIncluded");
  p = FarringtonParams::NoufailyConfig();
  p.frequency = 0;
  expect_bad(p, "frequency");
  p = FarringtonParams::NoufailyConfig();
  p.no_periods = 46;
  EXPECT_NO_THROW(RunFarringtonFlexible(counts, LastWeeks(p, counts.size(), 1)));
}

}  // namespace
}  // namespace solieu::surveillance
