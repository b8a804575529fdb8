// The plain count threshold for diseases where one case is an event.
#include "surveillance/threshold.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/error.h"

namespace solieu::surveillance {
namespace {

TEST(Threshold, AnyCaseAlarmsByDefault) {
  const std::vector<std::int64_t> counts = {0, 0, 1, 0, 3};
  const std::vector<ThresholdWeek> weeks = RunThreshold(counts, {});
  ASSERT_EQ(weeks.size(), 5u);
  EXPECT_EQ(weeks[0].idx, 1);
  EXPECT_FALSE(weeks[1].alarm);
  EXPECT_TRUE(weeks[2].alarm);
  EXPECT_TRUE(weeks[4].alarm);
  EXPECT_EQ(weeks[2].upperbound, 0.0);  // alarm iff observed > upperbound, as elsewhere
}

TEST(Threshold, MinCountAndRange) {
  const std::vector<std::int64_t> counts = {5, 2, 3, 4};
  ThresholdParams params;
  params.min_count = 3;
  params.range = WeekRange{2, 4};
  const std::vector<ThresholdWeek> weeks = RunThreshold(counts, params);
  ASSERT_EQ(weeks.size(), 3u);
  EXPECT_EQ(weeks[0].idx, 2);
  EXPECT_FALSE(weeks[0].alarm);
  EXPECT_TRUE(weeks[1].alarm);  // 3 >= 3
  EXPECT_EQ(weeks[1].upperbound, 2.0);
}

TEST(Threshold, BadParameters) {
  const std::vector<std::int64_t> counts = {1, 2};
  ThresholdParams params;
  params.min_count = 0;
  EXPECT_THROW(RunThreshold(counts, params), UserError);
  params.min_count = 1;
  params.range = WeekRange{1, 3};
  EXPECT_THROW(RunThreshold(counts, params), UserError);
}

}  // namespace
}  // namespace solieu::surveillance
