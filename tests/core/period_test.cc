#include "core/period.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

namespace solieu {

// Readable failure messages: "2021Q1 (Quarterly)" instead of bytes.
void PrintTo(const Period& p, std::ostream* os) {
  *os << p.Id() << " (" << PeriodTypeName(p.type()) << ")";
}

namespace {

Period P(std::string_view id) {
  std::optional<Period> p = Period::Parse(id);
  EXPECT_TRUE(p.has_value()) << "does not parse: " << id;
  return p.value_or(Period());
}

std::vector<std::string> Ids(const std::vector<Period>& periods) {
  std::vector<std::string> ids;
  for (const Period& p : periods) ids.push_back(p.Id());
  return ids;
}

// Parsing --------------------------------------------------------------------------------------

struct SpanCase {
  std::string id;
  PeriodType type;
  Date start;
  Date end;
};

TEST(PeriodParseTest, Dhis2Ids) {
  const SpanCase cases[] = {
      {"2021", PeriodType::kYear, Date(2021, 1, 1), Date(2021, 12, 31)},
      {"2021Q1", PeriodType::kQuarter, Date(2021, 1, 1), Date(2021, 3, 31)},
      {"2021Q4", PeriodType::kQuarter, Date(2021, 10, 1), Date(2021, 12, 31)},
      {"202101", PeriodType::kMonth, Date(2021, 1, 1), Date(2021, 1, 31)},
      {"202102", PeriodType::kMonth, Date(2021, 2, 1), Date(2021, 2, 28)},
      {"202402", PeriodType::kMonth, Date(2024, 2, 1), Date(2024, 2, 29)},
      {"2021W5", PeriodType::kWeek, Date(2021, 2, 1), Date(2021, 2, 7)},
      {"2021W05", PeriodType::kWeek, Date(2021, 2, 1), Date(2021, 2, 7)},
      {"2021W1", PeriodType::kWeek, Date(2021, 1, 4), Date(2021, 1, 10)},
      {"2025W1", PeriodType::kWeek, Date(2024, 12, 30), Date(2025, 1, 5)},
      {"2020W53", PeriodType::kWeek, Date(2020, 12, 28), Date(2021, 1, 3)},
      {"2026W53", PeriodType::kWeek, Date(2026, 12, 28), Date(2027, 1, 3)},
      {"20210315", PeriodType::kDay, Date(2021, 3, 15), Date(2021, 3, 15)},
      {"20200229", PeriodType::kDay, Date(2020, 2, 29), Date(2020, 2, 29)},
      {"2021S1", PeriodType::kSixMonth, Date(2021, 1, 1), Date(2021, 6, 30)},
      {"2021S2", PeriodType::kSixMonth, Date(2021, 7, 1), Date(2021, 12, 31)},
      {"0001", PeriodType::kYear, Date(1, 1, 1), Date(1, 12, 31)},
      {"0001W1", PeriodType::kWeek, Date(1, 1, 1), Date(1, 1, 7)},
      {"9999", PeriodType::kYear, Date(9999, 1, 1), Date(9999, 12, 31)},
      {"9999W51", PeriodType::kWeek, Date(9999, 12, 20), Date(9999, 12, 26)},
  };
  for (const SpanCase& c : cases) {
    SCOPED_TRACE(c.id);
    std::optional<Period> p = Period::Parse(c.id);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->type(), c.type);
    EXPECT_EQ(p->start(), c.start);
    EXPECT_EQ(p->end(), c.end);
  }
}

TEST(PeriodParseTest, AdxIdsTakeTheDhis2KindOfTheirSpan) {
  const SpanCase cases[] = {
      {"2021-01-01/P3M", PeriodType::kQuarter, Date(2021, 1, 1), Date(2021, 3, 31)},
      {"2021-10-01/P3M", PeriodType::kQuarter, Date(2021, 10, 1), Date(2021, 12, 31)},
      {"2021-01-01/P1Y", PeriodType::kYear, Date(2021, 1, 1), Date(2021, 12, 31)},
      {"2021-01-01/P12M", PeriodType::kYear, Date(2021, 1, 1), Date(2021, 12, 31)},
      {"2021-03-15/P1D", PeriodType::kDay, Date(2021, 3, 15), Date(2021, 3, 15)},
      {"2021-01-04/P7D", PeriodType::kWeek, Date(2021, 1, 4), Date(2021, 1, 10)},
      {"2021-01-04/P1W", PeriodType::kWeek, Date(2021, 1, 4), Date(2021, 1, 10)},
      {"2020-12-28/P1W", PeriodType::kWeek, Date(2020, 12, 28), Date(2021, 1, 3)},
      {"2021-01-01/P6M", PeriodType::kSixMonth, Date(2021, 1, 1), Date(2021, 6, 30)},
      {"2021-07-01/P6M", PeriodType::kSixMonth, Date(2021, 7, 1), Date(2021, 12, 31)},
      {"2021-01-01/P1M", PeriodType::kMonth, Date(2021, 1, 1), Date(2021, 1, 31)},
      {"2024-02-01/P1M", PeriodType::kMonth, Date(2024, 2, 1), Date(2024, 2, 29)},
      // The span decides, whatever unit spells it.
      {"2021-01-01/P31D", PeriodType::kMonth, Date(2021, 1, 1), Date(2021, 1, 31)},
      {"2021-01-01/P90D", PeriodType::kQuarter, Date(2021, 1, 1), Date(2021, 3, 31)},
      // The department's extra kinds.
      {"2021-01-01/P9M", PeriodType::kPeriodToDate, Date(2021, 1, 1), Date(2021, 9, 30)},
      {"2021-01-01/P2M", PeriodType::kPeriodToDate, Date(2021, 1, 1), Date(2021, 2, 28)},
      {"2021-01-01/P11M", PeriodType::kPeriodToDate, Date(2021, 1, 1), Date(2021, 11, 30)},
      {"2021-01-01/P5Y", PeriodType::kMultiYear, Date(2021, 1, 1), Date(2025, 12, 31)},
      {"2021-01-01/P60M", PeriodType::kMultiYear, Date(2021, 1, 1), Date(2025, 12, 31)},
      {"9998-01-01/P2Y", PeriodType::kMultiYear, Date(9998, 1, 1), Date(9999, 12, 31)},
  };
  for (const SpanCase& c : cases) {
    SCOPED_TRACE(c.id);
    std::optional<Period> p = Period::Parse(c.id);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->type(), c.type);
    EXPECT_EQ(p->start(), c.start);
    EXPECT_EQ(p->end(), c.end);
  }
}

TEST(PeriodParseTest, RejectsInvalidIds) {
  const char* const invalid[] = {
      "",
      "abc",
      "2021Q5",
      "2021Q0",
      "2021Q",
      "2021Q01",
      "2021q1",
      "202113",
      "202100",
      "20211",
      "2021W0",
      "2021W00",
      "2021W53",  // 2021 has 52 ISO weeks
      "2021W54",
      "2021W005",
      "2021W",
      "2021W-1",
      "9999W52",  // ends in the year 10000
      "20210229",
      "20210431",
      "20211301",
      "2021S3",
      "2021S0",
      "0000",
      "202",
      "-2021",
      "+2021",
      " 2021",
      "2021 ",
      "2021x",
      "2021Q1x",
      "2021W5x",
      "202101x",
      "20210315x",
      "2021-01-01",
      "2021-02-01/P3M",   // not a quarter
      "2021-04-01/P6M",   // not a six-month period
      "2021-02-01/P12M",  // not a year
      "2021-03-01/P2Y",   // multi-year periods start on January 1
      "2021-01-01/P13M",
      "2021-01-01/P18M",
      "2021-01-15/P1M",
      "2021-01-05/P7D",  // a week must start on Monday
      "2021-01-04/P2W",
      "2021-01-04/P14D",
      "2021-01-01/P0M",
      "2021-01-01/P03M",
      "2021-01-01/P-3M",
      "2021-01-01/P3m",
      "2021-01-01/P3Q",
      "2021-01-01/3M",
      "2021-01-01/P",
      "2021-01-01/PM",
      "2021-01-01/P3M ",
      "2021-01-01/P3Mx",
      "2021-01-01/P3M/P3M",
      "2021-02-30/P1D",
      "2021-1-01/P1M",
      "9999-01-01/P2Y",        // ends after 9999
      "2021-01-01/P1000000D",  // more digits than any supported span needs
      "2021-01-01/P999999Y",   // far past 9999
      "2021-01-01/P65537Y",    // would wrap std::chrono::year (16 bits) round to 2021
      "2021-01-01/P999999M",
      "2021-01-01/P999999D",
      "2021-01-01/P9999999999Y",  // would overflow
      "2021Q1/P3M",
  };
  for (const char* id : invalid) {
    EXPECT_FALSE(Period::Parse(id).has_value()) << '"' << id << '"';
  }
}

// Every one-character edit of valid ids either fails to parse or yields a period whose own id
// parses back to it: Parse never accepts something it cannot print.
TEST(PeriodParseTest, EditedIdsParseToPrintablePeriodsOrNothing) {
  const std::string seeds[] = {"2021",           "2021Q1",  "202101",         "2020W53",
                               "20200229",       "2021S2",  "2021-01-01/P9M", "2021-01-01/P5Y",
                               "2021-01-04/P1W", "9999W51", "0001W1"};
  const std::string alphabet = "0123456789QSWPMYD/-x ";
  int accepted = 0;
  for (const std::string& seed : seeds) {
    for (size_t i = 0; i <= seed.size(); ++i) {
      for (char c : alphabet) {
        for (const std::string& edited :
             {seed.substr(0, i) + c + seed.substr(i),
              seed.substr(0, i) + c + seed.substr(std::min(i + 1, seed.size()))}) {
          std::optional<Period> p = Period::Parse(edited);
          if (!p) continue;
          ++accepted;
          EXPECT_EQ(Period::Parse(p->Id()), p) << edited << " -> " << p->Id();
        }
      }
    }
  }
  EXPECT_GT(accepted, 100);  // the edits do reach the accepting paths
}

// Printing and round trips -------------------------------------------------------------------

TEST(PeriodIdTest, PrintsCanonicalIds) {
  EXPECT_EQ(Period::Day(Date(2021, 3, 15)).Id(), "20210315");
  EXPECT_EQ(Period::Week(2021, 5).Id(), "2021W5");
  EXPECT_EQ(P("2021W05").Id(), "2021W5");
  EXPECT_EQ(Period::Week(2020, 53).Id(), "2020W53");
  EXPECT_EQ(Period::Month(2021, 1).Id(), "202101");
  EXPECT_EQ(Period::Quarter(2021, 3).Id(), "2021Q3");
  EXPECT_EQ(Period::SixMonth(2021, 2).Id(), "2021S2");
  EXPECT_EQ(Period::Year(2021).Id(), "2021");
  EXPECT_EQ(Period::Year(1).Id(), "0001");
  EXPECT_EQ(Period::PeriodToDate(2021, 9).Id(), "2021-01-01/P9M");
  EXPECT_EQ(Period::PeriodToDate(2021, 2).Id(), "2021-01-01/P2M");
  EXPECT_EQ(Period::MultiYear(2021, 2025).Id(), "2021-01-01/P5Y");
  EXPECT_EQ(P("2021-01-01/P60M").Id(), "2021-01-01/P5Y");
  EXPECT_EQ(P("2021-01-01/P3M").Id(), "2021Q1");
  EXPECT_EQ(P("2021-01-04/P7D").Id(), "2021W1");
  EXPECT_EQ(P("2021-03-15/P1D").Id(), "20210315");
}

// A period-to-date over a DHIS2 period's span is that period: same id, equal, same hash.
TEST(PeriodIdTest, PeriodToDateWithADhis2SpanPrintsTheDhis2Id) {
  EXPECT_EQ(Period::PeriodToDate(2021, 1).Id(), "202101");
  EXPECT_EQ(Period::PeriodToDate(2021, 3).Id(), "2021Q1");
  EXPECT_EQ(Period::PeriodToDate(2021, 6).Id(), "2021S1");
  EXPECT_EQ(Period::PeriodToDate(2021, 12).Id(), "2021");
}

std::vector<Period> SamplePeriods() {
  std::vector<Period> periods;
  for (int year = 2018; year <= 2027; ++year) {
    for (Date d(year, 1, 1); d.year() == year; d = d.AddDays(1)) periods.push_back(Period::Day(d));
    for (int w = 1; w <= IsoWeeksInYear(year); ++w) periods.push_back(Period::Week(year, w));
    for (int m = 1; m <= 12; ++m) periods.push_back(Period::Month(year, m));
    for (int q = 1; q <= 4; ++q) periods.push_back(Period::Quarter(year, q));
    periods.push_back(Period::SixMonth(year, 1));
    periods.push_back(Period::SixMonth(year, 2));
    periods.push_back(Period::Year(year));
    for (int n = 1; n <= 12; ++n) periods.push_back(Period::PeriodToDate(year, n));
    for (int last = year + 1; last <= year + 10; ++last) {
      periods.push_back(Period::MultiYear(year, last));
    }
  }
  return periods;
}

TEST(PeriodIdTest, ParseOfIdRoundTripsEveryKind) {
  int checked = 0;
  for (const Period& p : SamplePeriods()) {
    std::string id = p.Id();
    std::optional<Period> parsed = Period::Parse(id);
    ASSERT_TRUE(parsed.has_value()) << id;
    EXPECT_EQ(*parsed, p) << id;
    EXPECT_EQ(parsed->start(), p.start()) << id;
    EXPECT_EQ(parsed->end(), p.end()) << id;
    EXPECT_EQ(parsed->Id(), id);
    EXPECT_EQ(Period::FromSpan(p.start(), p.end()), parsed);
    // Only a period-to-date over a DHIS2 span comes back under the DHIS2 kind.
    bool renamed = p.type() == PeriodType::kPeriodToDate && parsed->type() != p.type();
    int months = p.end().month();
    EXPECT_EQ(renamed, p.type() == PeriodType::kPeriodToDate &&
                           (months == 1 || months == 3 || months == 6 || months == 12))
        << id;
    ++checked;
  }
  EXPECT_GT(checked, 4000);
}

TEST(PeriodIdTest, FromSpanRejectsSpansOfNoKind) {
  EXPECT_FALSE(Period::FromSpan(Date(2021, 1, 2), Date(2021, 1, 3)).has_value());
  EXPECT_FALSE(Period::FromSpan(Date(2021, 2, 1), Date(2021, 4, 30)).has_value());
  EXPECT_FALSE(Period::FromSpan(Date(2021, 3, 1), Date(2021, 1, 31)).has_value());  // reversed
  EXPECT_FALSE(Period::FromSpan(Date(2021, 1, 5), Date(2021, 1, 11)).has_value());  // Tue-Mon
  EXPECT_EQ(Period::FromSpan(Date(2021, 4, 1), Date(2021, 6, 30)), Period::Quarter(2021, 2));
}

// Identity, ordering, hashing ---------------------------------------------------------------

TEST(PeriodIdentityTest, IsASmallCheapValue) {
  static_assert(std::is_trivially_copyable_v<Period>);
  static_assert(sizeof(Period) <= 12);
  EXPECT_EQ(Period(), Period::Day(Date::FromDays(0)));
  EXPECT_EQ(Period().Id(), "19700101");
}

TEST(PeriodIdentityTest, EqualSpansAreEqualWhateverTheKind) {
  Period cumulative = Period::PeriodToDate(2021, 3);
  Period quarter = Period::Quarter(2021, 1);
  EXPECT_EQ(cumulative, quarter);
  EXPECT_EQ(cumulative.type(), PeriodType::kPeriodToDate);
  EXPECT_EQ(quarter.type(), PeriodType::kQuarter);
  EXPECT_EQ(cumulative.Key(), quarter.Key());
  EXPECT_EQ(std::hash<Period>{}(cumulative), std::hash<Period>{}(quarter));
  EXPECT_TRUE(std::is_eq(cumulative <=> quarter));
  EXPECT_EQ(Period::PeriodToDate(2025, 6), P("2025S1"));
  EXPECT_EQ(Period::PeriodToDate(2025, 12), P("2025"));
  EXPECT_NE(Period::Month(2021, 1), Period::Month(2021, 2));
  EXPECT_NE(Period::Month(2021, 1), Period::Quarter(2021, 1));  // same start, different end
}

TEST(PeriodIdentityTest, OrdersByStartThenShorterFirst) {
  std::vector<Period> sorted = {
      Period::MultiYear(2020, 2021),
      Period::Month(2021, 2),
      Period::Year(2021),
      Period::Quarter(2021, 1),
      Period::Day(Date(2021, 1, 1)),
      Period::Month(2021, 1),
      Period::Week(2020, 53),
      Period::Year(1960),  // starts before 1970: negative day numbers
  };
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(Ids(sorted), (std::vector<std::string>{"1960", "2020-01-01/P2Y", "2020W53", "20210101",
                                                   "202101", "2021Q1", "2021", "202102"}));
  for (size_t i = 0; i + 1 < sorted.size(); ++i) {
    EXPECT_LT(sorted[i], sorted[i + 1]);
    EXPECT_LT(sorted[i].Key(), sorted[i + 1].Key()) << "Key order follows period order";
  }
}

TEST(PeriodIdentityTest, HashSetsHoldOnePeriodPerSpan) {
  std::unordered_set<Period> set;
  for (const Period& p : SamplePeriods()) set.insert(p);
  std::set<std::string> ids;
  for (const Period& p : SamplePeriods()) ids.insert(p.Id());
  EXPECT_EQ(set.size(), ids.size());
  EXPECT_EQ(set.count(P("2021-01-01/P9M")), 1u);
  EXPECT_EQ(set.count(Period::Quarter(2021, 1)), 1u);
}

// Accessors ---------------------------------------------------------------------------------

TEST(PeriodAccessorTest, DaysAndYear) {
  EXPECT_EQ(Period::Year(2020).days(), 366);
  EXPECT_EQ(Period::Year(2021).days(), 365);
  EXPECT_EQ(Period::Month(2024, 2).days(), 29);
  EXPECT_EQ(Period::Quarter(2021, 1).days(), 90);
  EXPECT_EQ(Period::SixMonth(2021, 2).days(), 184);
  EXPECT_EQ(Period::Week(2020, 53).days(), 7);
  EXPECT_EQ(Period::Day(Date(2021, 3, 15)).days(), 1);
  EXPECT_EQ(Period::MultiYear(2021, 2025).days(), 5 * 365 + 1);
  EXPECT_EQ(Period::PeriodToDate(2024, 2).days(), 60);
  EXPECT_EQ(Period::Week(2025, 1).year(), 2025);   // starts 2024-12-30
  EXPECT_EQ(Period::Week(2020, 53).year(), 2020);  // ends 2021-01-03
  EXPECT_EQ(Period::MultiYear(2021, 2025).year(), 2021);
  EXPECT_EQ(Period::Month(2021, 7).year(), 2021);
}

TEST(PeriodAccessorTest, TypeNames) {
  EXPECT_EQ(PeriodTypeName(PeriodType::kMonth), "Monthly");
  EXPECT_EQ(PeriodTypeName(PeriodType::kSixMonth), "SixMonthly");
  EXPECT_EQ(PeriodTypeName(PeriodType::kMultiYear), "MultiYear");
  EXPECT_TRUE(IsFixedPeriodType(PeriodType::kWeek));
  EXPECT_TRUE(IsFixedPeriodType(PeriodType::kYear));
  EXPECT_FALSE(IsFixedPeriodType(PeriodType::kPeriodToDate));
  EXPECT_FALSE(IsFixedPeriodType(PeriodType::kMultiYear));
}

// Labels ------------------------------------------------------------------------------------

TEST(PeriodLabelTest, Vietnamese) {
  EXPECT_EQ(Period::Day(Date(2021, 3, 15)).LabelVi(), "Ngày 15/03/2021");
  EXPECT_EQ(Period::Week(2021, 5).LabelVi(), "Tuần 05/2021");
  EXPECT_EQ(Period::Week(2020, 53).LabelVi(), "Tuần 53/2020");
  EXPECT_EQ(Period::Week(2025, 1).LabelVi(), "Tuần 01/2025");
  EXPECT_EQ(Period::Month(2021, 1).LabelVi(), "Tháng 01/2021");
  EXPECT_EQ(Period::Month(2021, 12).LabelVi(), "Tháng 12/2021");
  EXPECT_EQ(Period::Quarter(2021, 1).LabelVi(), "Quý I/2021");
  EXPECT_EQ(Period::Quarter(2021, 2).LabelVi(), "Quý II/2021");
  EXPECT_EQ(Period::Quarter(2021, 3).LabelVi(), "Quý III/2021");
  EXPECT_EQ(Period::Quarter(2021, 4).LabelVi(), "Quý IV/2021");
  EXPECT_EQ(Period::SixMonth(2025, 1).LabelVi(), "6 tháng đầu năm 2025");
  EXPECT_EQ(Period::SixMonth(2025, 2).LabelVi(), "6 tháng cuối năm 2025");
  EXPECT_EQ(Period::Year(2025).LabelVi(), "Năm 2025");
  EXPECT_EQ(Period::PeriodToDate(2021, 1).LabelVi(), "1 tháng đầu năm 2021");
  EXPECT_EQ(Period::PeriodToDate(2021, 3).LabelVi(), "3 tháng đầu năm 2021");
  EXPECT_EQ(Period::PeriodToDate(2025, 6).LabelVi(), "6 tháng đầu năm 2025");
  EXPECT_EQ(Period::PeriodToDate(2025, 9).LabelVi(), "9 tháng năm 2025");
  EXPECT_EQ(Period::PeriodToDate(2021, 11).LabelVi(), "11 tháng đầu năm 2021");
  EXPECT_EQ(Period::PeriodToDate(2025, 12).LabelVi(), "Năm 2025");
  EXPECT_EQ(Period::MultiYear(2021, 2025).LabelVi(), "Giai đoạn 2021-2025");
  EXPECT_EQ(P("2025-01-01/P9M").LabelVi(), "9 tháng năm 2025");
  EXPECT_EQ(P("2021-01-01/P5Y").LabelVi(), "Giai đoạn 2021-2025");
}

// The reports use precomposed (NFC) letters; these bytes pin that down whatever the editor does.
TEST(PeriodLabelTest, VietnameseIsPrecomposedUtf8) {
  EXPECT_EQ(Period::Quarter(2021, 1).LabelVi(), "Qu\xC3\xBD I/2021");
  EXPECT_EQ(Period::Month(2021, 1).LabelVi(), "Th\xC3\xA1ng 01/2021");
  EXPECT_EQ(Period::SixMonth(2025, 1).LabelVi(),
            "6 th\xC3\xA1ng \xC4\x91\xE1\xBA\xA7u n\xC4\x83m 2025");
  EXPECT_EQ(Period::SixMonth(2025, 2).LabelVi(), "6 th\xC3\xA1ng cu\xE1\xBB\x91i n\xC4\x83m 2025");
  EXPECT_EQ(Period::Week(2021, 5).LabelVi(), "Tu\xE1\xBA\xA7n 05/2021");
  EXPECT_EQ(Period::Day(Date(2021, 3, 15)).LabelVi(), "Ng\xC3\xA0y 15/03/2021");
  EXPECT_EQ(Period::MultiYear(2021, 2025).LabelVi(), "Giai \xC4\x91o\xE1\xBA\xA1n 2021-2025");
}

TEST(PeriodLabelTest, English) {
  EXPECT_EQ(Period::Day(Date(2021, 3, 15)).LabelEn(), "15 March 2021");
  EXPECT_EQ(Period::Day(Date(2021, 3, 5)).LabelEn(), "5 March 2021");
  EXPECT_EQ(Period::Week(2021, 5).LabelEn(), "Week 5 2021");
  EXPECT_EQ(Period::Week(2025, 1).LabelEn(), "Week 1 2025");
  EXPECT_EQ(Period::Month(2021, 1).LabelEn(), "January 2021");
  EXPECT_EQ(Period::Month(2021, 12).LabelEn(), "December 2021");
  EXPECT_EQ(Period::Quarter(2021, 1).LabelEn(), "Q1 2021");
  EXPECT_EQ(Period::Quarter(2021, 4).LabelEn(), "Q4 2021");
  EXPECT_EQ(Period::SixMonth(2025, 1).LabelEn(), "January-June 2025");
  EXPECT_EQ(Period::SixMonth(2025, 2).LabelEn(), "July-December 2025");
  EXPECT_EQ(Period::Year(2025).LabelEn(), "2025");
  EXPECT_EQ(Period::PeriodToDate(2025, 9).LabelEn(), "January-September 2025");
  EXPECT_EQ(Period::PeriodToDate(2021, 3).LabelEn(), "January-March 2021");
  EXPECT_EQ(Period::PeriodToDate(2021, 1).LabelEn(), "January 2021");
  EXPECT_EQ(Period::PeriodToDate(2025, 12).LabelEn(), "2025");
  EXPECT_EQ(Period::MultiYear(2021, 2025).LabelEn(), "2021-2025");
}

// Arithmetic --------------------------------------------------------------------------------

TEST(PeriodArithmeticTest, NextAndPrevious) {
  EXPECT_EQ(Period::Day(Date(2020, 2, 28)).Next(), Period::Day(Date(2020, 2, 29)));
  EXPECT_EQ(Period::Day(Date(2020, 2, 29)).Next(), Period::Day(Date(2020, 3, 1)));
  EXPECT_EQ(Period::Day(Date(2021, 2, 28)).Next(), Period::Day(Date(2021, 3, 1)));
  EXPECT_EQ(Period::Day(Date(2022, 1, 1)).Previous(), Period::Day(Date(2021, 12, 31)));
  EXPECT_EQ(Period::Week(2020, 52).Next().Id(), "2020W53");
  EXPECT_EQ(Period::Week(2020, 53).Next().Id(), "2021W1");
  EXPECT_EQ(Period::Week(2021, 1).Previous().Id(), "2020W53");
  EXPECT_EQ(Period::Week(2019, 52).Next().Id(), "2020W1");
  EXPECT_EQ(Period::Week(2021, 52).Next().Id(), "2022W1");
  EXPECT_EQ(Period::Month(2021, 12).Next().Id(), "202201");
  EXPECT_EQ(Period::Month(2021, 1).Previous().Id(), "202012");
  EXPECT_EQ(Period::Month(2021, 1).Shifted(-12).Id(), "202001");
  EXPECT_EQ(Period::Month(2021, 1).Shifted(25).Id(), "202302");
  EXPECT_EQ(Period::Quarter(2021, 4).Next().Id(), "2022Q1");
  EXPECT_EQ(Period::Quarter(2021, 1).Previous().Id(), "2020Q4");
  EXPECT_EQ(Period::SixMonth(2021, 2).Next().Id(), "2022S1");
  EXPECT_EQ(Period::SixMonth(2021, 1).Previous().Id(), "2020S2");
  EXPECT_EQ(Period::Year(2021).Next().Id(), "2022");
  EXPECT_EQ(Period::MultiYear(2021, 2025).Next(), Period::MultiYear(2026, 2030));
  EXPECT_EQ(Period::MultiYear(2021, 2025).Previous(), Period::MultiYear(2016, 2020));
  EXPECT_EQ(Period::Month(2021, 5).Shifted(0), Period::Month(2021, 5));
}

TEST(PeriodArithmeticTest, PeriodToDateStepsByYearAndKeepsItsKind) {
  Period next = Period::PeriodToDate(2021, 3).Next();
  EXPECT_EQ(next, Period::Quarter(2022, 1));
  EXPECT_EQ(next.type(), PeriodType::kPeriodToDate);
  EXPECT_EQ(next.LabelVi(), "3 tháng đầu năm 2022");
  EXPECT_EQ(Period::PeriodToDate(2021, 9).Previous().Id(), "2020-01-01/P9M");
  // The DHIS2 six-month period steps to the next half instead.
  EXPECT_EQ(Period::SixMonth(2021, 1).Next().Id(), "2021S2");
  EXPECT_EQ(Period::PeriodToDate(2021, 6).Next().Id(), "2022S1");
}

TEST(PeriodArithmeticTest, NextThenPreviousIsIdentity) {
  for (const Period& p : SamplePeriods()) {
    EXPECT_EQ(p.Next().Previous(), p) << p.Id();
    EXPECT_EQ(p.Next().type(), p.type()) << p.Id();
    if (IsFixedPeriodType(p.type())) {
      EXPECT_EQ(p.Next().start(), p.end().AddDays(1)) << "fixed periods tile: " << p.Id();
    }
  }
}

TEST(PeriodArithmeticTest, SameLastYear) {
  EXPECT_EQ(Period::Month(2021, 3).SameLastYear().Id(), "202003");
  EXPECT_EQ(Period::Quarter(2021, 2).SameLastYear().Id(), "2020Q2");
  EXPECT_EQ(Period::SixMonth(2021, 2).SameLastYear().Id(), "2020S2");
  EXPECT_EQ(Period::Year(2021).SameLastYear().Id(), "2020");
  EXPECT_EQ(Period::Day(Date(2021, 3, 1)).SameLastYear().Id(), "20200301");
  EXPECT_EQ(Period::Day(Date(2020, 2, 29)).SameLastYear().Id(), "20190228");
  EXPECT_EQ(Period::Day(Date(2021, 2, 28)).SameLastYear().Id(), "20200228");
  EXPECT_EQ(Period::Week(2021, 10).SameLastYear().Id(), "2020W10");
  EXPECT_EQ(Period::Week(2021, 1).SameLastYear().Id(), "2020W1");
  EXPECT_EQ(Period::Week(2021, 52).SameLastYear().Id(), "2020W52");
  EXPECT_EQ(Period::Week(2020, 53).SameLastYear().Id(), "2019W52");
  EXPECT_EQ(Period::Week(2027, 1).SameLastYear().Id(), "2026W1");
  EXPECT_EQ(P("2027W52").SameLastYear().Id(), "2026W52");
  Period cumulative = Period::PeriodToDate(2021, 9).SameLastYear();
  EXPECT_EQ(cumulative.Id(), "2020-01-01/P9M");
  EXPECT_EQ(cumulative.type(), PeriodType::kPeriodToDate);
  EXPECT_EQ(Period::PeriodToDate(2021, 3).SameLastYear().LabelVi(), "3 tháng đầu năm 2020");
  EXPECT_EQ(Period::MultiYear(2021, 2025).SameLastYear(), Period::MultiYear(2020, 2024));
}

TEST(PeriodArithmeticTest, SplitIntoFinerPeriods) {
  EXPECT_EQ(Ids(Period::Quarter(2021, 1).Split(PeriodType::kMonth)),
            (std::vector<std::string>{"202101", "202102", "202103"}));
  EXPECT_EQ(Ids(Period::Year(2021).Split(PeriodType::kQuarter)),
            (std::vector<std::string>{"2021Q1", "2021Q2", "2021Q3", "2021Q4"}));
  EXPECT_EQ(Ids(Period::Year(2021).Split(PeriodType::kSixMonth)),
            (std::vector<std::string>{"2021S1", "2021S2"}));
  EXPECT_EQ(Period::Year(2021).Split(PeriodType::kMonth).size(), 12u);
  EXPECT_EQ(Ids(Period::Year(2021).Split(PeriodType::kYear)), (std::vector<std::string>{"2021"}));
  EXPECT_EQ(Period::Month(2024, 2).Split(PeriodType::kDay).size(), 29u);
  EXPECT_EQ(Period::Month(2021, 2).Split(PeriodType::kDay).size(), 28u);
  EXPECT_EQ(Period::Year(2020).Split(PeriodType::kDay).size(), 366u);
  EXPECT_EQ(Ids(Period::Week(2020, 53).Split(PeriodType::kDay)),
            (std::vector<std::string>{"20201228", "20201229", "20201230", "20201231", "20210101",
                                      "20210102", "20210103"}));

  std::vector<Period> months = Period::MultiYear(2021, 2025).Split(PeriodType::kMonth);
  ASSERT_EQ(months.size(), 60u);
  EXPECT_EQ(months.front().Id(), "202101");
  EXPECT_EQ(months.back().Id(), "202512");
  EXPECT_EQ(Ids(Period::MultiYear(2021, 2025).Split(PeriodType::kYear)),
            (std::vector<std::string>{"2021", "2022", "2023", "2024", "2025"}));
  EXPECT_EQ(Ids(Period::PeriodToDate(2021, 9).Split(PeriodType::kQuarter)),
            (std::vector<std::string>{"2021Q1", "2021Q2", "2021Q3"}));

  // Nothing finer fits, or the type is not fixed.
  EXPECT_TRUE(Period::PeriodToDate(2021, 2).Split(PeriodType::kQuarter).empty());
  EXPECT_TRUE(Period::Month(2021, 1).Split(PeriodType::kQuarter).empty());
  EXPECT_TRUE(Period::Day(Date(2021, 1, 7)).Split(PeriodType::kWeek).empty());
  EXPECT_TRUE(Period::Year(2021).Split(PeriodType::kPeriodToDate).empty());
  EXPECT_EQ(Period::Year(2021).Split(PeriodType::kDay).front().type(), PeriodType::kDay);
}

TEST(PeriodArithmeticTest, WeeksOfAYearAreTheWeeksOfItsIsoWeekYear) {
  std::vector<Period> weeks2020 = Period::Year(2020).Split(PeriodType::kWeek);
  ASSERT_EQ(weeks2020.size(), 53u);
  EXPECT_EQ(weeks2020.front().Id(), "2020W1");
  EXPECT_EQ(weeks2020.front().start(), Date(2019, 12, 30));
  EXPECT_EQ(weeks2020.back().Id(), "2020W53");
  std::vector<Period> weeks2021 = Period::Year(2021).Split(PeriodType::kWeek);
  ASSERT_EQ(weeks2021.size(), 52u);
  EXPECT_EQ(weeks2021.front().start(), Date(2021, 1, 4));
  EXPECT_EQ(weeks2021.back().Id(), "2021W52");
  EXPECT_EQ(Period::Year(2026).Split(PeriodType::kWeek).size(), 53u);
  EXPECT_EQ(Period::Year(1).Split(PeriodType::kWeek).front(), Period::Week(1, 1));
  EXPECT_EQ(Period::Year(9999).Split(PeriodType::kWeek).back().Id(), "9999W51");
}

TEST(PeriodArithmeticTest, WeeksOfAMonthAreThoseWhoseThursdayIsInIt) {
  // January 2021's Thursdays are the 7th, 14th, 21st and 28th; 2020W53's is December 31.
  EXPECT_EQ(Ids(Period::Month(2021, 1).Split(PeriodType::kWeek)),
            (std::vector<std::string>{"2021W1", "2021W2", "2021W3", "2021W4"}));
  // April 2021 holds five Thursdays; 2021W13 starts on March 29.
  EXPECT_EQ(Ids(Period::Month(2021, 4).Split(PeriodType::kWeek)),
            (std::vector<std::string>{"2021W13", "2021W14", "2021W15", "2021W16", "2021W17"}));
}

// Split and Enclosing agree on weeks for every year, month and quarter, including 53-week years.
TEST(PeriodArithmeticTest, WeekSplitAndEnclosingAgree) {
  for (int year = 2015; year <= 2032; ++year) {
    Period y = Period::Year(year);
    std::vector<Period> weeks = y.Split(PeriodType::kWeek);
    ASSERT_EQ(static_cast<int>(weeks.size()), IsoWeeksInYear(year)) << year;
    std::vector<Period> from_months;
    for (const Period& month : y.Split(PeriodType::kMonth)) {
      for (const Period& week : month.Split(PeriodType::kWeek)) {
        EXPECT_EQ(week.Enclosing(PeriodType::kMonth), month) << week.Id();
        from_months.push_back(week);
      }
    }
    EXPECT_EQ(from_months, weeks) << year;
    for (const Period& week : weeks) {
      EXPECT_EQ(week.Enclosing(PeriodType::kYear), y) << week.Id();
      EXPECT_EQ(week.year(), year) << week.Id();
    }
  }
}

TEST(PeriodArithmeticTest, Enclosing) {
  Period may = Period::Month(2021, 5);
  EXPECT_EQ(may.Enclosing(PeriodType::kQuarter), Period::Quarter(2021, 2));
  EXPECT_EQ(may.Enclosing(PeriodType::kQuarter)->type(), PeriodType::kQuarter);
  EXPECT_EQ(may.Enclosing(PeriodType::kSixMonth), Period::SixMonth(2021, 1));
  EXPECT_EQ(may.Enclosing(PeriodType::kYear), Period::Year(2021));
  EXPECT_EQ(may.Enclosing(PeriodType::kMonth), may);

  Period sunday = Period::Day(Date(2021, 1, 3));
  EXPECT_EQ(sunday.Enclosing(PeriodType::kWeek), Period::Week(2020, 53));
  EXPECT_EQ(sunday.Enclosing(PeriodType::kMonth), Period::Month(2021, 1));
  EXPECT_EQ(sunday.Enclosing(PeriodType::kYear), Period::Year(2021));

  // Weeks go where their Thursday is.
  EXPECT_EQ(Period::Week(2020, 53).Enclosing(PeriodType::kYear), Period::Year(2020));
  EXPECT_EQ(Period::Week(2020, 53).Enclosing(PeriodType::kQuarter), Period::Quarter(2020, 4));
  EXPECT_EQ(Period::Week(2020, 53).Enclosing(PeriodType::kMonth), Period::Month(2020, 12));
  EXPECT_EQ(Period::Week(2025, 1).Enclosing(PeriodType::kYear), Period::Year(2025));
  EXPECT_EQ(Period::Week(2025, 1).Enclosing(PeriodType::kMonth), Period::Month(2025, 1));
  EXPECT_EQ(Period::Week(2021, 13).Enclosing(PeriodType::kMonth), Period::Month(2021, 4));
  EXPECT_EQ(Period::Week(2021, 13).Enclosing(PeriodType::kQuarter), Period::Quarter(2021, 2));
  EXPECT_EQ(Period::Week(2021, 5).Enclosing(PeriodType::kWeek), Period::Week(2021, 5));

  EXPECT_EQ(Period::PeriodToDate(2021, 3).Enclosing(PeriodType::kQuarter)->type(),
            PeriodType::kQuarter);
  EXPECT_EQ(Period::PeriodToDate(2021, 9).Enclosing(PeriodType::kYear), Period::Year(2021));

  EXPECT_FALSE(Period::Month(2021, 2).Enclosing(PeriodType::kWeek).has_value());
  EXPECT_FALSE(Period::Quarter(2021, 1).Enclosing(PeriodType::kMonth).has_value());
  EXPECT_FALSE(Period::Week(2021, 5).Enclosing(PeriodType::kDay).has_value());
  EXPECT_FALSE(Period::PeriodToDate(2021, 9).Enclosing(PeriodType::kQuarter).has_value());
  EXPECT_FALSE(Period::MultiYear(2021, 2025).Enclosing(PeriodType::kYear).has_value());
  EXPECT_FALSE(may.Enclosing(PeriodType::kMultiYear).has_value());
  EXPECT_FALSE(may.Enclosing(PeriodType::kPeriodToDate).has_value());
}

TEST(PeriodArithmeticTest, ContainsLooksAtDaysOnly) {
  Period week53 = Period::Week(2020, 53);
  EXPECT_FALSE(Period::Year(2020).Contains(week53));
  EXPECT_FALSE(Period::Year(2021).Contains(week53));
  EXPECT_TRUE(Period::MultiYear(2020, 2021).Contains(week53));
  EXPECT_TRUE(Period::Year(2020).Contains(Period::Day(Date(2020, 12, 31))));
  EXPECT_FALSE(Period::Year(2020).Contains(Period::Day(Date(2021, 1, 1))));
  EXPECT_TRUE(Period::Year(2020).Contains(Date(2020, 1, 1)));
  EXPECT_FALSE(Period::Year(2020).Contains(Date(2019, 12, 31)));
  EXPECT_TRUE(week53.Contains(Date(2021, 1, 3)));
  EXPECT_FALSE(week53.Contains(Date(2021, 1, 4)));
  EXPECT_TRUE(Period::Quarter(2021, 1).Contains(Period::Month(2021, 3)));
  EXPECT_FALSE(Period::Quarter(2021, 1).Contains(Period::Month(2021, 4)));
  EXPECT_FALSE(Period::Month(2021, 1).Contains(Period::Quarter(2021, 1)));
  EXPECT_TRUE(Period::Quarter(2021, 1).Contains(Period::Quarter(2021, 1)));
  EXPECT_TRUE(Period::PeriodToDate(2024, 2).Contains(Period::Day(Date(2024, 2, 29))));
}

TEST(PeriodArithmeticTest, SinceStartOfYear) {
  std::optional<Period> q1 = Period::Quarter(2021, 1).SinceStartOfYear();
  ASSERT_TRUE(q1.has_value());
  EXPECT_EQ(q1->type(), PeriodType::kPeriodToDate);
  EXPECT_EQ(q1->LabelVi(), "3 tháng đầu năm 2021");
  EXPECT_EQ(*q1, Period::Quarter(2021, 1));
  EXPECT_EQ(Period::Quarter(2025, 3).SinceStartOfYear()->LabelVi(), "9 tháng năm 2025");
  EXPECT_EQ(Period::Quarter(2025, 3).SinceStartOfYear()->Id(), "2025-01-01/P9M");
  EXPECT_EQ(Period::Month(2021, 5).SinceStartOfYear()->LabelVi(), "5 tháng đầu năm 2021");
  EXPECT_EQ(Period::SixMonth(2025, 1).SinceStartOfYear()->LabelVi(), "6 tháng đầu năm 2025");
  EXPECT_EQ(Period::Year(2021).SinceStartOfYear()->days(), 365);
  EXPECT_EQ(Period::PeriodToDate(2021, 4).SinceStartOfYear(), Period::PeriodToDate(2021, 4));
  EXPECT_FALSE(Period::Day(Date(2021, 3, 15)).SinceStartOfYear().has_value());
  EXPECT_FALSE(Period::Week(2021, 5).SinceStartOfYear().has_value());
  EXPECT_FALSE(Period::MultiYear(2021, 2025).SinceStartOfYear().has_value());
}

// Enumeration -------------------------------------------------------------------------------

TEST(PeriodEnumerationTest, Containing) {
  EXPECT_EQ(Period::Containing(PeriodType::kQuarter, Date(2021, 5, 15)), Period::Quarter(2021, 2));
  EXPECT_EQ(Period::Containing(PeriodType::kSixMonth, Date(2021, 7, 1)), Period::SixMonth(2021, 2));
  EXPECT_EQ(Period::Containing(PeriodType::kSixMonth, Date(2021, 6, 30)),
            Period::SixMonth(2021, 1));
  EXPECT_EQ(Period::Containing(PeriodType::kWeek, Date(2021, 1, 3)), Period::Week(2020, 53));
  EXPECT_EQ(Period::Containing(PeriodType::kWeek, Date(2021, 1, 4)), Period::Week(2021, 1));
  EXPECT_EQ(Period::Containing(PeriodType::kMonth, Date(2024, 2, 29)).end(), Date(2024, 2, 29));
  EXPECT_EQ(Period::Containing(PeriodType::kYear, Date(2021, 12, 31)), Period::Year(2021));
  EXPECT_EQ(Period::Containing(PeriodType::kDay, Date(2021, 12, 31)).Id(), "20211231");
}

TEST(PeriodEnumerationTest, CoveringListsEveryOverlappingPeriod) {
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kMonth, Date(2021, 1, 15), Date(2021, 4, 1))),
            (std::vector<std::string>{"202101", "202102", "202103", "202104"}));
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kWeek, Date(2021, 1, 1), Date(2021, 1, 10))),
            (std::vector<std::string>{"2020W53", "2021W1"}));
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kDay, Date(2020, 2, 28), Date(2020, 3, 1))),
            (std::vector<std::string>{"20200228", "20200229", "20200301"}));
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kYear, Date(2019, 6, 1), Date(2021, 1, 1))),
            (std::vector<std::string>{"2019", "2020", "2021"}));
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kQuarter, Date(2021, 3, 31), Date(2021, 3, 31))),
            (std::vector<std::string>{"2021Q1"}));
  EXPECT_EQ(Period::Covering(PeriodType::kMonth, Date(2016, 1, 1), Date(2025, 12, 31)).size(),
            120u);
  EXPECT_EQ(Ids(Period::Covering(PeriodType::kMonth, Date(9999, 11, 5), Date(9999, 12, 31))),
            (std::vector<std::string>{"999911", "999912"}));
  EXPECT_TRUE(Period::Covering(PeriodType::kMonth, Date(2021, 2, 1), Date(2021, 1, 31)).empty());
  EXPECT_TRUE(
      Period::Covering(PeriodType::kPeriodToDate, Date(2021, 1, 1), Date(2021, 12, 31)).empty());
}

}  // namespace
}  // namespace solieu
