// One detector, as a rule configures it, over a weekly count series: the last week (the weekly
// run) or a range of weeks (the chart), with the expected count beside the upper bound.
#include "outbreaks/series_scoring.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "surveillance/ears.h"
#include "surveillance/farrington_flexible.h"

namespace solieu::outbreaks {
namespace {

using surveillance::DetectOptions;
using surveillance::ParseDetectParameters;

// A seasonal series with noise from a fixed LCG: enough cases everywhere for a model to fit.
std::vector<std::int64_t> Seasonal(int weeks, int base) {
  std::vector<std::int64_t> out;
  std::uint32_t state = 12345;
  for (int i = 0; i < weeks; ++i) {
    state = state * 1103515245u + 12345u;
    const int noise = static_cast<int>((state >> 16) % 5);
    const int season = (i % 52) < 26 ? 2 : 0;
    out.push_back(base + season + noise);
  }
  return out;
}

TEST(SeriesScoring, FirstScorableWeekPerMethod) {
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("ears-c1", "baseline=7")), 8);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("ears-c2", "baseline=7")), 10);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("ears-c3", "baseline=7")), 12);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("ears-c3-textbook", "baseline=4")), 9);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("threshold", "")), 1);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("farrington-flexible", "b=4;w=3")), 212);
  EXPECT_EQ(FirstScorableWeek(ParseDetectParameters("farrington-flexible", "b=2;w=2")), 107);
}

TEST(SeriesScoring, LastWeekNeedsTheMethodsHistory) {
  const DetectOptions c1 = ParseDetectParameters("ears-c1", "baseline=7");
  std::vector<std::int64_t> counts = {1, 2, 3, 4, 5, 6, 7};
  EXPECT_FALSE(ScoreLastWeek(counts, c1));
  EXPECT_TRUE(ScoreWeeks(counts, c1, 1).empty());
  counts.push_back(20);
  std::optional<WeekScore> score = ScoreLastWeek(counts, c1);
  ASSERT_TRUE(score);
  EXPECT_EQ(score->idx, 8);
  EXPECT_EQ(score->observed, 20);

  const DetectOptions farrington = ParseDetectParameters("farrington-flexible", "b=4;w=3");
  const std::vector<std::int64_t> short_series = Seasonal(211, 3);
  EXPECT_FALSE(ScoreLastWeek(short_series, farrington));
  EXPECT_TRUE(ScoreWeeks(short_series, farrington, 1).empty());

  EXPECT_FALSE(ScoreLastWeek(std::vector<std::int64_t>{}, ParseDetectParameters("threshold", "")));
}

// Checked by hand: C1 compares week 8 with the 7 weeks before it.
TEST(SeriesScoring, EarsC1ByHand) {
  const std::vector<std::int64_t> counts = {1, 2, 3, 4, 5, 6, 7, 20};
  const std::optional<WeekScore> score =
      ScoreLastWeek(counts, ParseDetectParameters("ears-c1", "baseline=7"));
  ASSERT_TRUE(score);
  ASSERT_TRUE(score->expected);
  EXPECT_DOUBLE_EQ(*score->expected, 4.0);  // (1 + ... + 7) / 7
  // mean + qnorm(0.999) * sd(1..7) = 4 + 3.090232 * 2.160247
  ASSERT_TRUE(score->upper_bound);
  EXPECT_NEAR(*score->upper_bound, 4 + 3.090232306 * 2.160246899, 1e-6);
  EXPECT_EQ(score->alarm, true);
}

// C2 and C3 leave a two-week guard band: the baseline ends three weeks before the scored week.
TEST(SeriesScoring, EarsC2AndC3ExpectedSkipsTheGuardBand) {
  const std::vector<std::int64_t> counts = {2, 4, 6, 8,  10, 12, 14, 100, 100, 3,
                                            5, 7, 9, 11, 13, 15, 17, 19,  21,  23};
  const std::optional<WeekScore> c2 =
      ScoreLastWeek(std::span(counts).first(10), ParseDetectParameters("ears-c2", "baseline=7"));
  ASSERT_TRUE(c2);
  EXPECT_EQ(c2->idx, 10);
  EXPECT_DOUBLE_EQ(c2->expected.value_or(-1), 8.0);  // weeks 1..7, not 8 and 9

  const DetectOptions c3 = ParseDetectParameters("ears-c3-textbook", "baseline=7;min-sigma=1");
  const std::vector<WeekScore> scores = ScoreWeeks(counts, c3, 1);
  ASSERT_EQ(scores.size(), 9u);  // weeks 12..20
  EXPECT_EQ(scores.front().idx, 12);
  for (const WeekScore& s : scores) {
    double sum = 0;
    for (int i = s.idx - 9; i <= s.idx - 3; ++i) sum += static_cast<double>(counts[i - 1]);
    EXPECT_DOUBLE_EQ(s.expected.value_or(-1), sum / 7) << "week " << s.idx;
  }
}

// ScoreWeeks for EARS C1 is surveillance::RunEars over the same weeks, plus the baseline mean.
TEST(SeriesScoring, EarsC1MatchesRunEars) {
  const std::vector<std::int64_t> counts = Seasonal(60, 1);
  const DetectOptions options = ParseDetectParameters("ears-c1", "baseline=7;min-sigma=0.5");
  surveillance::EarsParams params = options.ears;
  params.range = surveillance::WeekRange{20, 60};
  const std::vector<surveillance::EarsWeek> reference = surveillance::RunEars(counts, params);
  const std::vector<WeekScore> scores = ScoreWeeks(counts, options, 20);
  ASSERT_EQ(scores.size(), reference.size());
  ASSERT_EQ(scores.size(), 41u);
  for (size_t i = 0; i < scores.size(); ++i) {
    EXPECT_EQ(scores[i].idx, reference[i].idx);
    EXPECT_EQ(scores[i].observed, reference[i].observed);
    EXPECT_EQ(scores[i].upper_bound, reference[i].upperbound) << "week " << scores[i].idx;
    EXPECT_EQ(scores[i].alarm, reference[i].alarm) << "week " << scores[i].idx;
    double sum = 0;
    for (int w = scores[i].idx - 7; w < scores[i].idx; ++w) {
      sum += static_cast<double>(counts[w - 1]);
    }
    EXPECT_DOUBLE_EQ(scores[i].expected.value_or(-1), sum / 7);
  }
  // The last week alone is the last of the range.
  const std::optional<WeekScore> last = ScoreLastWeek(counts, options);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->idx, 60);
  EXPECT_EQ(last->upper_bound, scores.back().upper_bound);
  EXPECT_EQ(last->expected, scores.back().expected);
  EXPECT_EQ(last->alarm, scores.back().alarm);
}

TEST(SeriesScoring, FirstIsRaisedToTheFirstScorableWeek) {
  const std::vector<std::int64_t> counts = Seasonal(30, 1);
  const DetectOptions c1 = ParseDetectParameters("ears-c1", "baseline=7");
  std::vector<WeekScore> scores = ScoreWeeks(counts, c1, 1);
  ASSERT_EQ(scores.size(), 23u);
  EXPECT_EQ(scores.front().idx, 8);
  EXPECT_EQ(scores.back().idx, 30);
  scores = ScoreWeeks(counts, c1, 25);
  ASSERT_EQ(scores.size(), 6u);
  EXPECT_EQ(scores.front().idx, 25);
  EXPECT_TRUE(ScoreWeeks(counts, c1, 31).empty());
}

TEST(SeriesScoring, ThresholdHasNoExpectedCount) {
  const std::vector<std::int64_t> counts = {0, 1, 2, 3};
  const std::vector<WeekScore> scores =
      ScoreWeeks(counts, ParseDetectParameters("threshold", "min-count=2"), 1);
  ASSERT_EQ(scores.size(), 4u);
  const bool alarms[] = {false, false, true, true};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(scores[i].idx, static_cast<int>(i + 1));
    EXPECT_FALSE(scores[i].expected);
    EXPECT_EQ(scores[i].upper_bound, 1.0);
    EXPECT_EQ(scores[i].alarm, alarms[i]);
  }
}

// Fewer than limit54 cases in the last limit54_weeks: no alarm and no upper bound, as R reports
// it (the model is not fitted for the many quiet series); the same answer as the full run.
TEST(SeriesScoring, FarringtonBelowLimit54) {
  const DetectOptions options = ParseDetectParameters("farrington-flexible", "b=4;w=3");
  std::vector<std::int64_t> counts = Seasonal(240, 2);
  counts.resize(236);
  for (std::int64_t c : {1, 0, 2, 1}) counts.push_back(c);  // 4 cases in the last 4 weeks
  const std::optional<WeekScore> quiet = ScoreLastWeek(counts, options);
  ASSERT_TRUE(quiet);
  EXPECT_EQ(quiet->idx, 240);
  EXPECT_EQ(quiet->observed, 1);
  EXPECT_EQ(quiet->alarm, false);
  EXPECT_FALSE(quiet->upper_bound);
  EXPECT_FALSE(quiet->expected);
  const std::vector<WeekScore> full = ScoreWeeks(counts, options, 240);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].alarm, false);
  EXPECT_FALSE(full[0].upper_bound);

  // limit54 = 3 cases in 2 weeks: 2 + 1 reaches it, so the model is fitted.
  const DetectOptions low = ParseDetectParameters("farrington-flexible", "b=4;w=3;limit54=3,2");
  counts.back() = 2;
  const std::optional<WeekScore> fitted = ScoreLastWeek(counts, low);
  ASSERT_TRUE(fitted);
  EXPECT_TRUE(fitted->upper_bound);
  EXPECT_TRUE(fitted->expected);
}

TEST(SeriesScoring, FarringtonAtLimit54FitsAndAlarms) {
  const DetectOptions options = ParseDetectParameters("farrington-flexible", "b=4;w=3");
  std::vector<std::int64_t> counts = Seasonal(236, 2);
  for (std::int64_t c : {1, 1, 1, 2}) counts.push_back(c);  // exactly 5: fitted, no alarm
  std::optional<WeekScore> score = ScoreLastWeek(counts, options);
  ASSERT_TRUE(score);
  ASSERT_TRUE(score->upper_bound);
  ASSERT_TRUE(score->expected);
  EXPECT_GT(*score->expected, 1.0);
  EXPECT_EQ(score->alarm, false);

  counts.back() = 40;  // an outbreak
  score = ScoreLastWeek(counts, options);
  ASSERT_TRUE(score);
  EXPECT_EQ(score->alarm, true);
  ASSERT_TRUE(score->upper_bound);
  EXPECT_LT(*score->upper_bound, 40.0);
  const std::vector<WeekScore> full = ScoreWeeks(counts, options, 240);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].upper_bound, score->upper_bound);
  EXPECT_EQ(full[0].expected, score->expected);
  EXPECT_EQ(full[0].alarm, score->alarm);
}

}  // namespace
}  // namespace solieu::outbreaks
