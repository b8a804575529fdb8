#include "core/date.h"

#include <gtest/gtest.h>

namespace solieu {
namespace {

struct IsoCase {
  Date day;
  int week_year;
  int week;
};

TEST(DateIsoWeekTest, WeekYearDiffersFromCalendarYearAtBoundaries) {
  const IsoCase cases[] =
      {
          {Date(2021, 1, 3), 2020, 53},  // Sunday ending 2020's 53rd week
          {Date(2021, 1, 4), 2021, 1},   // the Monday after
          {Date(2020, 12, 31), 2020, 53},
          {Date(2024, 12, 30), 2025, 1},  // a Monday in December already in next year's week 1
          {Date(2008, 12, 29), 2009, 1},
          {Date(2010, 1, 3), 2009, 53},
          {Date(2021, 2, 1), 2021, 5},
          {Date(2021, 12, 31), 2021, 52},
          {Date(1, 1, 1), 1, 1},  // 0001-01-01 is a Monday in the proleptic Gregorian calendar
      };
  for (const IsoCase& c : cases) {
    SCOPED_TRACE(c.day.ToString());
    EXPECT_EQ(c.day.iso_week_year(), c.week_year);
    EXPECT_EQ(c.day.iso_week(), c.week);
  }
}

TEST(DateIsoWeekTest, WeeksInYear) {
  EXPECT_EQ(IsoWeeksInYear(2020), 53);  // leap year starting on a Wednesday
  EXPECT_EQ(IsoWeeksInYear(2026), 53);  // starts on a Thursday
  EXPECT_EQ(IsoWeeksInYear(2015), 53);
  EXPECT_EQ(IsoWeeksInYear(2004), 53);  // leap year starting on a Thursday
  EXPECT_EQ(IsoWeeksInYear(2021), 52);
  EXPECT_EQ(IsoWeeksInYear(2024), 52);  // leap year starting on a Monday
  EXPECT_EQ(IsoWeeksInYear(2019), 52);  // starts on a Tuesday
}

// December 28 always lies in the last ISO week of its year: an independent check of the rule.
TEST(DateIsoWeekTest, WeeksInYearAgreesWithTheWeekOfDecember28) {
  for (int year = 1900; year <= 2100; ++year) {
    Date dec28(year, 12, 28);
    ASSERT_EQ(dec28.iso_week_year(), year);
    EXPECT_EQ(IsoWeeksInYear(year), dec28.iso_week()) << year;
  }
}

TEST(DateIsoWeekTest, WeeksAreConsecutiveAndStartOnMonday) {
  Date day(1999, 12, 27);  // a Monday, week 52 of 1999
  int week_year = day.iso_week_year();
  int week = day.iso_week();
  for (day = day.AddDays(1); day <= Date(2031, 1, 5); day = day.AddDays(1)) {
    if (day.day_of_week() != 1) {
      ASSERT_EQ(day.iso_week_year(), week_year) << day.ToString();
      ASSERT_EQ(day.iso_week(), week) << day.ToString();
      continue;
    }
    if (week == IsoWeeksInYear(week_year)) {
      ++week_year;
      week = 1;
    } else {
      ++week;
    }
    ASSERT_EQ(day.iso_week_year(), week_year) << day.ToString();
    ASSERT_EQ(day.iso_week(), week) << day.ToString();
  }
}

}  // namespace
}  // namespace solieu
