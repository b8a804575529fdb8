// core/period: a reporting period — a span of whole days with a kind that names it — as DHIS2 and
// the department's reports know them. Owns: parsing and printing period ids, Vietnamese and English
// labels, and calendar arithmetic (next, same period last year, finer and coarser periods).
// Depends on: core/date.
//
// Identity is the span. Two periods over the same days are equal, hash alike and print the same id,
// because they hold the same data: "3 tháng đầu năm 2021" == 2021Q1, and both print "2021Q1" (so a
// table keyed by Id() or Key() keeps one row per span). The kind only decides how a period is
// named (LabelVi, LabelEn) and how it steps (Shifted, SameLastYear). Hence ordering is
// std::weak_ordering: equivalent periods may carry different names.
//
// Ids. Parse accepts DHIS2 ids ("2021", "2021Q1", "2021S2", "202101", "2021W5" or "2021W05",
// "20210315") and the ADX/ISO form "start/duration" (P<n>Y, P<n>M, P<n>W, P<n>D, no leading zeros).
// An ADX span takes the DHIS2 kind with exactly that span ("2021-01-01/P6M" is 2021S1,
// "2021-01-01/P12M" and "2021-01-01/P1Y" are 2021, "2021-01-04/P1W" is 2021W1); a span with no
// DHIS2 kind is accepted only as one of the department's extra kinds below, else rejected
// ("2021-02-01/P3M", "2021-01-04/P2W"). Id() prints the DHIS2 id when a DHIS2 kind has the span,
// else the ADX form, so Parse(p.Id()) == p and the id is a canonical key for the span. Other DHIS2
// period types (bi-monthly, financial years, weeks starting on other days) are not supported.
//
// Weeks are ISO 8601 weeks (Monday..Sunday). A week belongs to the year, quarter and month that
// hold its Thursday, as ISO 8601 assigns weeks to years: 2020W53 (2020-12-28..2021-01-03) is a week
// of 2020 for Enclosing and Split, although Contains, which looks at days only, says the year 2020
// does not contain it.
//
// Supported periods lie within Date's years, 0001-01-01..9999-12-31 (so 9999W52, which ends in
// 10000, is not one). Factories and arithmetic assert their preconditions; input from users goes
// through Parse, which returns nullopt instead.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace solieu {

enum class PeriodType : std::uint8_t {
  // The DHIS2 fixed period types, finest first.
  kDay,
  kWeek,  // ISO week
  kMonth,
  kQuarter,
  kSixMonth,  // January-June or July-December
  kYear,
  // The department's extra kinds.
  kPeriodToDate,  // January 1 to the end of month N of the same year ("9 tháng năm 2025")
  kMultiYear,  // January 1 of the first year to December 31 of the last ("Giai đoạn 2021-2025")
};

// "Daily", "Weekly", "Monthly", "Quarterly", "SixMonthly", "Yearly" (the DHIS2 names), then
// "PeriodToDate", "MultiYear".
std::string_view PeriodTypeName(PeriodType type);
// The fixed period type (Day through Year) of a DHIS2 name, such as a data set's period type;
// nullopt for any other name.
std::optional<PeriodType> FixedPeriodTypeNamed(std::string_view name);
// Day through Year: the types that tile the calendar, so every date lies in exactly one period.
bool IsFixedPeriodType(PeriodType type);

class Period {
 public:
  // The day 1970-01-01, so that containers can default-construct periods.
  constexpr Period() = default;

  static Period Day(Date day);
  static Period Week(int iso_year, int week);  // week 1..IsoWeeksInYear(iso_year)
  static Period Month(int year, int month);    // month 1..12
  static Period Quarter(int year, int quarter);
  static Period SixMonth(int year, int half);  // half 1 (January-June) or 2
  static Period Year(int year);
  // January 1 to the end of month `months` (1..12). Always of kind kPeriodToDate, so it is named
  // and steps as a cumulative period even where its span is a DHIS2 period's (months 1, 3, 6, 12).
  static Period PeriodToDate(int year, int months);
  static Period MultiYear(int first_year, int last_year);  // first_year < last_year
  // The period of a fixed `type` that holds `day`; for weeks, the ISO week. The result must be
  // supported: no week of 9999-12-27..31.
  static Period Containing(PeriodType type, Date day);

  // The period with exactly this span, with the kind Parse would give it; nullopt when no kind
  // fits.
  static std::optional<Period> FromSpan(Date start, Date end);
  // nullopt for anything that is not a supported id (see the file comment); never throws.
  static std::optional<Period> Parse(std::string_view id);

  // The periods of a fixed `type` that overlap first..last (both inclusive), in order: all months
  // between two dates, for example. Empty when last < first.
  static std::vector<Period> Covering(PeriodType type, Date first, Date last);

  PeriodType type() const { return type_; }
  Date start() const { return Date::FromDays(start_); }
  Date end() const { return Date::FromDays(end_); }  // inclusive
  int days() const { return end_ - start_ + 1; }
  // The year the period is named by: the ISO week-year for weeks, the first year for multi-year.
  int year() const;

  // The canonical id: the DHIS2 id when a DHIS2 kind has this span, else "start/duration".
  std::string Id() const;
  // As the reports write them: "Ngày 15/03/2021", "Tuần 05/2021", "Tháng 01/2021", "Quý I/2021",
  // "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "Năm 2025", "3 tháng đầu năm 2021",
  // "9 tháng năm 2025", "Giai đoạn 2021-2025". Weeks carry no date range; format start()/end() for
  // it. A 12-month period-to-date is "Năm 2021": the reports name the whole year so.
  std::string LabelVi() const;
  // "15 March 2021", "Week 5 2021", "January 2021", "Q1 2021", "January-June 2025",
  // "July-December 2025", "2025", "January-September 2025", "2021-2025".
  std::string LabelEn() const;

  // The period `n` steps later (earlier for n < 0) of the same kind. A period-to-date steps by
  // whole years keeping its months ("3 tháng đầu năm 2021" -> 2022); a multi-year period steps by
  // its own length (2021-2025 -> 2026-2030).
  Period Shifted(int n) const;
  Period Next() const { return Shifted(1); }
  Period Previous() const { return Shifted(-1); }
  // The same period one year earlier, for "so với cùng kỳ": the same week number of the previous
  // ISO year, where week 53 becomes week 52 when that year has only 52 weeks; February 29 becomes
  // February 28; a multi-year period moves by one year (2021-2025 -> 2020-2024).
  Period SameLastYear() const;

  // The periods of a fixed `type` within this one, in order: the months of a quarter, the days of a
  // month, the quarters of a year. Weeks of a month or longer period are those whose Thursday lies
  // in it, so the weeks of 2020 are 2020W1..2020W53. Empty when `type` is not fixed or none fits.
  std::vector<Period> Split(PeriodType type) const;
  // The period of a fixed `type` that contains this one: month -> quarter, day -> week. A week maps
  // to the month, quarter, six-month or year that holds its Thursday. nullopt when none does
  // (a month is in no single week; "9 tháng năm 2025" is in no quarter) or `type` is not fixed.
  std::optional<Period> Enclosing(PeriodType type) const;
  // By days only.
  bool Contains(const Period& other) const { return start_ <= other.start_ && other.end_ <= end_; }
  bool Contains(Date day) const {
    return start_ <= day.days_since_epoch() && day.days_since_epoch() <= end_;
  }
  // January 1 of this period's year to its end, for cumulative figures: 2021Q1 -> "3 tháng đầu năm
  // 2021", 202105 -> "5 tháng đầu năm 2021". nullopt for days, weeks and multi-year periods.
  std::optional<Period> SinceStartOfYear() const;

  // A 64-bit key of the span, unique per span and ordered as periods are.
  std::uint64_t Key() const {
    return (std::uint64_t{Biased(start_)} << 32) | std::uint64_t{Biased(end_)};
  }

  friend bool operator==(const Period& a, const Period& b) {
    return a.start_ == b.start_ && a.end_ == b.end_;
  }
  // Earlier start first; of two periods starting together, the shorter first.
  friend std::weak_ordering operator<=>(const Period& a, const Period& b) {
    if (a.start_ != b.start_) return a.start_ <=> b.start_;
    return a.end_ <=> b.end_;
  }

 private:
  Period(PeriodType type, int start, int end) : start_(start), end_(end), type_(type) {}
  static std::uint32_t Biased(std::int32_t days) {
    return static_cast<std::uint32_t>(days) ^ 0x80000000u;
  }

  std::int32_t start_ = 0;  // days since 1970-01-01, as Date counts them
  std::int32_t end_ = 0;    // inclusive
  PeriodType type_ = PeriodType::kDay;
};

}  // namespace solieu

template <>
struct std::hash<solieu::Period> {
  std::size_t operator()(const solieu::Period& p) const noexcept {
    return std::hash<std::uint64_t>{}(p.Key());
  }
};
