// EARS edge cases: hand-computed bounds, sparse series, the minSigma guard, the difference
// between R's and the textbook C3, and parameter errors.
#include "surveillance/ears.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/error.h"
#include "reference_data.h"
#include "surveillance/distributions.h"

namespace solieu::surveillance {
namespace {

std::vector<EarsWeek> RunMethod(const std::vector<std::int64_t>& counts, EarsMethod method,
                                double min_sigma = 0.0) {
  EarsParams params;
  params.method = method;
  params.min_sigma = min_sigma;
  return RunEars(counts, params);
}

TEST(Ears, C1ByHand) {
  // Week 8 against weeks 1..7 = 1..7: mean 4, variance 28 / 6.
  const std::vector<std::int64_t> counts = {1, 2, 3, 4, 5, 6, 7, 12};
  const std::vector<EarsWeek> weeks = RunMethod(counts, EarsMethod::kC1);
  ASSERT_EQ(weeks.size(), 1u);
  EXPECT_EQ(weeks[0].idx, 8);
  const double expected = 4 + NormalQuantile(0.999) * std::sqrt(28.0 / 6.0);
  EXPECT_NEAR(*weeks[0].upperbound, expected, 1e-14);
  EXPECT_EQ(weeks[0].alarm, true);  // 12 > 10.68
}

TEST(Ears, C2SkipsTwoGuardWeeks) {
  // Week 10 against weeks 1..7; weeks 8 and 9 (huge) must not matter.
  const std::vector<std::int64_t> counts = {1, 2, 3, 4, 5, 6, 7, 500, 900, 3};
  const std::vector<EarsWeek> weeks = RunMethod(counts, EarsMethod::kC2);
  ASSERT_EQ(weeks.size(), 1u);
  EXPECT_NEAR(*weeks[0].upperbound, 4 + NormalQuantile(0.999) * std::sqrt(28.0 / 6.0), 1e-14);
  EXPECT_EQ(weeks[0].alarm, false);
}

TEST(Ears, AllZerosWithoutMinSigma) {
  const std::vector<std::int64_t> zeros(30, 0);
  for (const EarsWeek& w : RunMethod(zeros, EarsMethod::kC1)) {
    EXPECT_EQ(w.upperbound, 0.0);  // U = mean when sd = 0
    EXPECT_EQ(w.alarm, false);
  }
  // R's C3 divides 0 by 0: upper bound and alarm are NA, as in R.
  for (const EarsWeek& w : RunMethod(zeros, EarsMethod::kC3R)) {
    EXPECT_FALSE(w.upperbound.has_value());
    EXPECT_FALSE(w.alarm.has_value());
    EXPECT_FALSE(w.c2.has_value());
  }
}

TEST(Ears, MinSigmaGuardsSparseSeries) {
  std::vector<std::int64_t> sparse(30, 0);
  sparse[20] = 1;  // a single case after weeks of zeros
  // Without the guard one case alarms (U = mean = 0) ...
  EXPECT_EQ(RunMethod(sparse, EarsMethod::kC1)[20 - 7].alarm, true);
  // ... with minSigma 1 it does not, and every week has a value.
  for (EarsMethod method :
       {EarsMethod::kC1, EarsMethod::kC2, EarsMethod::kC3R, EarsMethod::kC3Textbook}) {
    for (const EarsWeek& w : RunMethod(sparse, method, 1.0)) {
      ASSERT_TRUE(w.upperbound.has_value()) << w.idx;
      EXPECT_TRUE(std::isfinite(*w.upperbound)) << w.idx;
      EXPECT_EQ(w.alarm, false) << w.idx;
    }
  }
}

TEST(Ears, NoMissingValuesOnTheReferenceSeriesWithMinSigma) {
  for (const char* dataset : {"salmonella.agona", "shadar"}) {
    const std::vector<std::int64_t> counts = testing::ReferenceSeries(dataset);
    for (EarsMethod method : {EarsMethod::kC1, EarsMethod::kC2, EarsMethod::kC3R}) {
      for (const EarsWeek& w : RunMethod(counts, method, 1.0)) {
        ASSERT_TRUE(w.upperbound.has_value());
        EXPECT_TRUE(std::isfinite(*w.upperbound));
        EXPECT_TRUE(w.alarm.has_value());
      }
    }
  }
}

TEST(Ears, TextbookC3AlarmsTheWeekTheStepStartsAndRsC3ALaterWeek) {
  // Noisy baseline, then a jump at week 20 that stays.
  std::vector<std::int64_t> counts;
  for (int i = 0; i < 19; ++i) counts.push_back(i % 3 == 0 ? 4 : (i % 3 == 1 ? 6 : 5));
  for (int i = 0; i < 6; ++i) counts.push_back(30);
  const std::vector<EarsWeek> r = RunMethod(counts, EarsMethod::kC3R);
  const std::vector<EarsWeek> textbook = RunMethod(counts, EarsMethod::kC3Textbook);
  auto at = [](const std::vector<EarsWeek>& weeks, int idx) { return weeks[idx - 12]; };
  EXPECT_EQ(at(textbook, 20).alarm, true);
  EXPECT_EQ(at(r, 20).alarm, false);  // R's C3 leaves C2(t) out: U = y + sd * z > y
  EXPECT_EQ(at(r, 21).alarm, true);
  for (int idx = 12; idx < 20; ++idx) {
    EXPECT_EQ(at(textbook, idx).alarm, false) << idx;
    EXPECT_EQ(at(r, idx).alarm, false) << idx;
  }
}

TEST(Ears, TextbookUpperBoundIsTheCountThatReachesZ) {
  const std::vector<std::int64_t> counts = testing::ReferenceSeries("shadar");
  for (const EarsWeek& w : RunMethod(counts, EarsMethod::kC3Textbook, 0.5)) {
    if (!w.upperbound) {
      EXPECT_EQ(w.alarm, true) << w.idx;  // the two previous weeks alone exceed z
      continue;
    }
    EXPECT_EQ(*w.alarm, static_cast<double>(w.observed) > *w.upperbound) << w.idx;
  }
}

TEST(Ears, SeriesShorterThanTheBaselineIsAnError) {
  const std::vector<std::int64_t> counts = {1, 2, 3, 4, 5};
  try {
    RunMethod(counts, EarsMethod::kC1);
    FAIL() << "expected a UserError";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.bad_parameter");
    EXPECT_EQ(e.where(), "range");
  }
}

TEST(Ears, RangeNeedsTheHistory) {
  const std::vector<std::int64_t> counts(40, 2);
  EarsParams params;
  params.method = EarsMethod::kC3R;
  params.range = WeekRange{11, 40};  // C3 needs baseline + 5 = 12
  EXPECT_THROW(RunEars(counts, params), UserError);
  params.range = WeekRange{12, 41};
  EXPECT_THROW(RunEars(counts, params), UserError);
  params.range = WeekRange{20, 19};
  EXPECT_THROW(RunEars(counts, params), UserError);
  params.range = WeekRange{12, 40};
  EXPECT_EQ(RunEars(counts, params).size(), 29u);
}

TEST(Ears, BadParameters) {
  const std::vector<std::int64_t> counts(40, 2);
  EarsParams params;
  params.baseline = 2;
  EXPECT_THROW(RunEars(counts, params), UserError);
  params = EarsParams{};
  params.min_sigma = -1;
  EXPECT_THROW(RunEars(counts, params), UserError);
  params = EarsParams{};
  params.alpha = 0;
  EXPECT_THROW(RunEars(counts, params), UserError);
  params.alpha = 1;
  EXPECT_THROW(RunEars(counts, params), UserError);
  params.alpha = NAN;
  EXPECT_THROW(RunEars(counts, params), UserError);
}

TEST(Ears, DefaultsAreTheCdcChoices) {
  EXPECT_EQ(DefaultEarsAlpha(EarsMethod::kC1), 0.001);
  EXPECT_EQ(DefaultEarsAlpha(EarsMethod::kC2), 0.001);
  EXPECT_EQ(DefaultEarsAlpha(EarsMethod::kC3R), 0.025);
  EXPECT_EQ(DefaultEarsAlpha(EarsMethod::kC3Textbook), 0.025);
  EXPECT_EQ(EarsParams{}.method, EarsMethod::kC3Textbook);
  EXPECT_EQ(EarsParams{}.baseline, 7);
  EarsParams p;
  p.method = EarsMethod::kC1;
  EXPECT_EQ(FirstEarsWeek(p), 8);
  p.method = EarsMethod::kC2;
  EXPECT_EQ(FirstEarsWeek(p), 10);
  p.method = EarsMethod::kC3R;
  EXPECT_EQ(FirstEarsWeek(p), 12);
}

}  // namespace
}  // namespace solieu::surveillance
