#include "core/period.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <chrono>

namespace solieu {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

// Days since 1970-01-01 of any proleptic Gregorian day. Unlike Date's constructor it does not
// assert, so arithmetic can look past the supported range before deciding.
constexpr int DaysFromCivil(int year, int month, int day) {
  std::chrono::year_month_day ymd{std::chrono::year{year},
                                  std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  return static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

constexpr int kFirstDay = DaysFromCivil(kMinYear, 1, 1);
constexpr int kLastDay = DaysFromCivil(kMaxYear, 12, 31);

bool InSupportedRange(int start, int end) {
  return kFirstDay <= start && start <= end && end <= kLastDay;
}

// Months are counted as year * 12 + (month - 1), so that month arithmetic is integer arithmetic.
int MonthIndex(int year, int month) {
  return year * 12 + month - 1;
}
int FirstDayOfMonthIndex(int index) {
  return DaysFromCivil(index / 12, index % 12 + 1, 1);
}

// `count` months from the first of (year, month).
struct MonthSpan {
  int start;
  int end;
};
MonthSpan Months(int year, int month, int count) {
  int first = MonthIndex(year, month);
  return {FirstDayOfMonthIndex(first), FirstDayOfMonthIndex(first + count) - 1};
}

// A month-aligned span start..end moved by `by` months, keeping its number of months.
MonthSpan ShiftMonths(int start, int end, int by) {
  Date first = Date::FromDays(start);
  Date last = Date::FromDays(end);
  int first_month = MonthIndex(first.year(), first.month());
  int count = MonthIndex(last.year(), last.month()) - first_month + 1;
  return {FirstDayOfMonthIndex(first_month + by),
          FirstDayOfMonthIndex(first_month + by + count) - 1};
}

// The ISO week-year is 1..9999 whenever a week is asked for, so January 4 is always representable.
int MondayOfIsoWeek(int iso_year, int week) {
  Date jan4 = Date::FromDays(DaysFromCivil(iso_year, 1, 4));
  return jan4.days_since_epoch() - (jan4.day_of_week() - 1) + 7 * (week - 1);
}

// The kind Parse gives the span start..end, if any. The DHIS2 kinds come first, so a span that is
// both a DHIS2 period and a period-to-date (January, Q1, S1, the year) is the DHIS2 period.
std::optional<PeriodType> KindOfSpan(int start, int end) {
  if (!InSupportedRange(start, end)) return std::nullopt;
  if (start == end) return PeriodType::kDay;
  Date first = Date::FromDays(start);
  if (end - start == 6 && first.day_of_week() == 1) return PeriodType::kWeek;
  Date last = Date::FromDays(end);
  if (first.day() != 1 || last.AddDays(1).day() != 1) return std::nullopt;
  int months = MonthIndex(last.year(), last.month()) - MonthIndex(first.year(), first.month()) + 1;
  int m = first.month();
  if (months == 1) return PeriodType::kMonth;
  if (months == 3 && m % 3 == 1) return PeriodType::kQuarter;
  if (months == 6 && m % 6 == 1) return PeriodType::kSixMonth;
  if (m != 1) return std::nullopt;
  if (months == 12) return PeriodType::kYear;
  if (months < 12) return PeriodType::kPeriodToDate;
  if (months % 12 == 0) return PeriodType::kMultiYear;
  return std::nullopt;
}

bool IsMonthAligned(PeriodType type) {
  return type != PeriodType::kDay && type != PeriodType::kWeek;
}

// Reads 1..max_digits decimal digits; no sign, no leading zero unless `allow_leading_zero`.
std::optional<int> ParseNumber(std::string_view text, size_t max_digits, bool allow_leading_zero) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  if (!allow_leading_zero && text.size() > 1 && text[0] == '0') return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "start/P<n><unit>" with start a "YYYY-MM-DD" day.
std::optional<Period> ParseAdx(std::string_view id) {
  constexpr size_t kDateLength = 10;  // "YYYY-MM-DD"
  if (id.size() < kDateLength + 4 || id[kDateLength] != '/' || id[kDateLength + 1] != 'P') {
    return std::nullopt;
  }
  std::optional<Date> start = Date::Parse(id.substr(0, kDateLength));
  std::string_view duration = id.substr(kDateLength + 2);
  char unit = duration.back();
  // Six digits bound every end date to a few thousand years past 9999, well inside int arithmetic.
  std::optional<int> count = ParseNumber(duration.substr(0, duration.size() - 1), 6, false);
  if (!start || !count || *count == 0) return std::nullopt;
  int first = start->days_since_epoch();
  switch (unit) {
    case 'D':
      return Period::FromSpan(*start, Date::FromDays(first + *count - 1));
    case 'W':
      return Period::FromSpan(*start, Date::FromDays(first + 7 * *count - 1));
    case 'M':
    case 'Y': {
      // Every kind measured in months starts on the first of a month.
      if (start->day() != 1) return std::nullopt;
      int months = unit == 'Y' ? 12 * *count : *count;
      int after = MonthIndex(start->year(), start->month()) + months;
      if (after > MonthIndex(kMaxYear + 1, 1)) return std::nullopt;
      return Period::FromSpan(*start, Date::FromDays(FirstDayOfMonthIndex(after) - 1));
    }
    default:
      return std::nullopt;
  }
}

// "2021", "202101", "20210315", "2021Q1", "2021S1", "2021W5", "2021W05".
std::optional<Period> ParseDhis2(std::string_view id) {
  if (id.size() < 4) return std::nullopt;
  std::optional<int> year = ParseNumber(id.substr(0, 4), 4, true);
  if (!year || *year < kMinYear) return std::nullopt;
  std::string_view rest = id.substr(4);
  if (rest.empty()) return Period::Year(*year);
  std::optional<int> number = ParseNumber(rest.substr(1), 2, true);
  switch (rest[0]) {
    case 'Q':
      if (rest.size() != 2 || !number || *number < 1 || *number > 4) return std::nullopt;
      return Period::Quarter(*year, *number);
    case 'S':
      if (rest.size() != 2 || !number || *number < 1 || *number > 2) return std::nullopt;
      return Period::SixMonth(*year, *number);
    case 'W': {
      if (!number || *number < 1 || *number > IsoWeeksInYear(*year)) return std::nullopt;
      int monday = MondayOfIsoWeek(*year, *number);
      return Period::FromSpan(Date::FromDays(monday), Date::FromDays(monday + 6));
    }
    default:
      break;
  }
  if (rest.size() == 2) {
    std::optional<int> month = ParseNumber(rest, 2, true);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return Period::Month(*year, *month);
  }
  if (rest.size() == 4) {
    std::optional<int> month = ParseNumber(rest.substr(0, 2), 2, true);
    std::optional<int> day = ParseNumber(rest.substr(2), 2, true);
    if (!month || !day) return std::nullopt;
    std::optional<Date> date = Date::FromYmdChecked(*year, *month, *day);
    if (!date) return std::nullopt;
    return Period::Day(*date);
  }
  return std::nullopt;
}

constexpr std::string_view kMonthNamesEn[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
constexpr std::string_view kRoman[] = {"I", "II", "III", "IV"};

}  // namespace

std::optional<PeriodType> FixedPeriodTypeNamed(std::string_view name) {
  for (PeriodType type : {PeriodType::kDay, PeriodType::kWeek, PeriodType::kMonth,
                          PeriodType::kQuarter, PeriodType::kSixMonth, PeriodType::kYear}) {
    if (PeriodTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string_view PeriodTypeName(PeriodType type) {
  switch (type) {
    case PeriodType::kDay:
      return "Daily";
    case PeriodType::kWeek:
      return "Weekly";
    case PeriodType::kMonth:
      return "Monthly";
    case PeriodType::kQuarter:
      return "Quarterly";
    case PeriodType::kSixMonth:
      return "SixMonthly";
    case PeriodType::kYear:
      return "Yearly";
    case PeriodType::kPeriodToDate:
      return "PeriodToDate";
    case PeriodType::kMultiYear:
      return "MultiYear";
  }
  return "";
}

bool IsFixedPeriodType(PeriodType type) {
  return type != PeriodType::kPeriodToDate && type != PeriodType::kMultiYear;
}

Period Period::Day(Date day) {
  int d = day.days_since_epoch();
  assert(InSupportedRange(d, d));
  return Period(PeriodType::kDay, d, d);
}

Period Period::Week(int iso_year, int week) {
  assert(kMinYear <= iso_year && iso_year <= kMaxYear);
  assert(1 <= week && week <= IsoWeeksInYear(iso_year));
  int monday = MondayOfIsoWeek(iso_year, week);
  assert(InSupportedRange(monday, monday + 6));
  return Period(PeriodType::kWeek, monday, monday + 6);
}

Period Period::Month(int year, int month) {
  assert(kMinYear <= year && year <= kMaxYear && 1 <= month && month <= 12);
  MonthSpan span = Months(year, month, 1);
  return Period(PeriodType::kMonth, span.start, span.end);
}

Period Period::Quarter(int year, int quarter) {
  assert(kMinYear <= year && year <= kMaxYear && 1 <= quarter && quarter <= 4);
  MonthSpan span = Months(year, 3 * quarter - 2, 3);
  return Period(PeriodType::kQuarter, span.start, span.end);
}

Period Period::SixMonth(int year, int half) {
  assert(kMinYear <= year && year <= kMaxYear && (half == 1 || half == 2));
  MonthSpan span = Months(year, 6 * half - 5, 6);
  return Period(PeriodType::kSixMonth, span.start, span.end);
}

Period Period::Year(int year) {
  assert(kMinYear <= year && year <= kMaxYear);
  MonthSpan span = Months(year, 1, 12);
  return Period(PeriodType::kYear, span.start, span.end);
}

Period Period::PeriodToDate(int year, int months) {
  assert(kMinYear <= year && year <= kMaxYear && 1 <= months && months <= 12);
  MonthSpan span = Months(year, 1, months);
  return Period(PeriodType::kPeriodToDate, span.start, span.end);
}

Period Period::MultiYear(int first_year, int last_year) {
  assert(kMinYear <= first_year && first_year < last_year && last_year <= kMaxYear);
  MonthSpan span = Months(first_year, 1, 12 * (last_year - first_year + 1));
  return Period(PeriodType::kMultiYear, span.start, span.end);
}

Period Period::Containing(PeriodType type, Date day) {
  int d = day.days_since_epoch();
  int y = day.year();
  int m = day.month();
  switch (type) {
    case PeriodType::kDay:
      return Day(day);
    case PeriodType::kWeek: {
      int monday = d - (day.day_of_week() - 1);
      assert(InSupportedRange(monday, monday + 6));
      return Period(PeriodType::kWeek, monday, monday + 6);
    }
    case PeriodType::kMonth:
      return Month(y, m);
    case PeriodType::kQuarter:
      return Quarter(y, (m + 2) / 3);
    case PeriodType::kSixMonth:
      return SixMonth(y, (m + 5) / 6);
    case PeriodType::kYear:
      return Year(y);
    case PeriodType::kPeriodToDate:
    case PeriodType::kMultiYear:
      break;
  }
  assert(false && "Containing needs a fixed period type");
  return Day(day);
}

std::optional<Period> Period::FromSpan(Date start, Date end) {
  int s = start.days_since_epoch();
  int e = end.days_since_epoch();
  std::optional<PeriodType> type = KindOfSpan(s, e);
  if (!type) return std::nullopt;
  return Period(*type, s, e);
}

std::optional<Period> Period::Parse(std::string_view id) {
  if (id.find('/') != std::string_view::npos) return ParseAdx(id);
  return ParseDhis2(id);
}

std::vector<Period> Period::Covering(PeriodType type, Date first, Date last) {
  std::vector<Period> periods;
  if (last < first || !IsFixedPeriodType(type)) return periods;
  // Stops before stepping past `last`, so the last supported period never steps out of range.
  for (Period p = Containing(type, first);; p = p.Next()) {
    periods.push_back(p);
    if (p.end_ >= last.days_since_epoch()) break;
  }
  return periods;
}

int Period::year() const {
  if (type_ == PeriodType::kWeek) return start().AddDays(3).year();
  return start().year();
}

std::string Period::Id() const {
  std::optional<PeriodType> canonical = KindOfSpan(start_, end_);
  assert(canonical.has_value());
  Date first = start();
  Date last = end();
  switch (canonical.value_or(PeriodType::kDay)) {
    case PeriodType::kDay:
      return fmt::format("{:04}{:02}{:02}", first.year(), first.month(), first.day());
    case PeriodType::kWeek:
      return fmt::format("{:04}W{}", first.iso_week_year(), first.iso_week());
    case PeriodType::kMonth:
      return fmt::format("{:04}{:02}", first.year(), first.month());
    case PeriodType::kQuarter:
      return fmt::format("{:04}Q{}", first.year(), (first.month() + 2) / 3);
    case PeriodType::kSixMonth:
      return fmt::format("{:04}S{}", first.year(), (first.month() + 5) / 6);
    case PeriodType::kYear:
      return fmt::format("{:04}", first.year());
    case PeriodType::kPeriodToDate:
      return fmt::format("{}/P{}M", first.ToString(), last.month());
    case PeriodType::kMultiYear:
      return fmt::format("{}/P{}Y", first.ToString(), last.year() - first.year() + 1);
  }
  return {};
}

std::string Period::LabelVi() const {
  Date first = start();
  Date last = end();
  int y = first.year();
  switch (type_) {
    case PeriodType::kDay:
      return fmt::format("Ngày {:02}/{:02}/{:04}", first.day(), first.month(), y);
    case PeriodType::kWeek:
      return fmt::format("Tuần {:02}/{}", first.iso_week(), year());
    case PeriodType::kMonth:
      return fmt::format("Tháng {:02}/{}", first.month(), y);
    case PeriodType::kQuarter:
      return fmt::format("Quý {}/{}", kRoman[(first.month() - 1) / 3], y);
    case PeriodType::kSixMonth:
      return fmt::format("6 tháng {} năm {}", first.month() == 1 ? "đầu" : "cuối", y);
    case PeriodType::kYear:
      return fmt::format("Năm {}", y);
    case PeriodType::kPeriodToDate:
      // The reports write "9 tháng năm" but "N tháng đầu năm" otherwise, and the whole year "Năm".
      if (last.month() == 12) return fmt::format("Năm {}", y);
      if (last.month() == 9) return fmt::format("9 tháng năm {}", y);
      return fmt::format("{} tháng đầu năm {}", last.month(), y);
    case PeriodType::kMultiYear:
      return fmt::format("Giai đoạn {}-{}", y, last.year());
  }
  return {};
}

std::string Period::LabelEn() const {
  Date first = start();
  Date last = end();
  int y = first.year();
  switch (type_) {
    case PeriodType::kDay:
      return fmt::format("{} {} {}", first.day(), kMonthNamesEn[first.month() - 1], y);
    case PeriodType::kWeek:
      return fmt::format("Week {} {}", first.iso_week(), year());
    case PeriodType::kMonth:
      return fmt::format("{} {}", kMonthNamesEn[first.month() - 1], y);
    case PeriodType::kQuarter:
      return fmt::format("Q{} {}", (first.month() + 2) / 3, y);
    case PeriodType::kSixMonth:
    case PeriodType::kPeriodToDate:
      if (first.month() == 1 && last.month() == 12) return fmt::format("{}", y);
      if (first.month() == last.month()) return fmt::format("{} {}", kMonthNamesEn[0], y);
      return fmt::format("{}-{} {}", kMonthNamesEn[first.month() - 1],
                         kMonthNamesEn[last.month() - 1], y);
    case PeriodType::kYear:
      return fmt::format("{}", y);
    case PeriodType::kMultiYear:
      return fmt::format("{}-{}", y, last.year());
  }
  return {};
}

Period Period::Shifted(int n) const {
  int s = start_;
  int e = end_;
  switch (type_) {
    case PeriodType::kDay:
      s += n;
      e += n;
      break;
    case PeriodType::kWeek:
      s += 7 * n;
      e += 7 * n;
      break;
    default: {
      int months =
          MonthIndex(end().year(), end().month()) - MonthIndex(start().year(), start().month()) + 1;
      int step = type_ == PeriodType::kPeriodToDate ? 12 : months;
      MonthSpan span = ShiftMonths(start_, end_, step * n);
      s = span.start;
      e = span.end;
      break;
    }
  }
  assert(InSupportedRange(s, e));
  return Period(type_, s, e);
}

Period Period::SameLastYear() const {
  switch (type_) {
    case PeriodType::kDay:
      return Day(start().AddYears(-1));  // Date::AddYears clamps February 29 to February 28
    case PeriodType::kWeek: {
      int previous = year() - 1;
      return Week(previous, std::min(start().iso_week(), IsoWeeksInYear(previous)));
    }
    default: {
      MonthSpan span = ShiftMonths(start_, end_, -12);
      assert(InSupportedRange(span.start, span.end));
      return Period(type_, span.start, span.end);
    }
  }
}

std::vector<Period> Period::Split(PeriodType type) const {
  std::vector<Period> parts;
  if (!IsFixedPeriodType(type)) return parts;
  if (type == PeriodType::kWeek && IsMonthAligned(type_)) {
    // ISO 8601: a week is part of the period that holds its Thursday.
    Period week = Containing(PeriodType::kWeek, start());
    if (week.start_ + 3 < start_) week = week.Next();
    while (week.start_ + 3 <= end_) {
      parts.push_back(week);
      if (week.start_ + 3 + 7 > end_ || week.end_ + 7 > kLastDay) break;
      week = week.Next();
    }
    return parts;
  }
  for (const Period& p : Covering(type, start(), end())) {
    if (Contains(p)) parts.push_back(p);
  }
  return parts;
}

std::optional<Period> Period::Enclosing(PeriodType type) const {
  if (!IsFixedPeriodType(type)) return std::nullopt;
  if (type_ == PeriodType::kWeek && IsMonthAligned(type)) {
    return Containing(type, start().AddDays(3));  // the week's Thursday
  }
  Period candidate = Containing(type, start());
  if (!candidate.Contains(*this)) return std::nullopt;
  return candidate;
}

std::optional<Period> Period::SinceStartOfYear() const {
  if (!IsMonthAligned(type_) || type_ == PeriodType::kMultiYear) return std::nullopt;
  return PeriodToDate(start().year(), end().month());
}

}  // namespace solieu
