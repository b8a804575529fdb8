// core/date: a calendar day (proleptic Gregorian), the unit of all validity ranges and periods.
// Depends on: the standard library only.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace solieu {

class Date {
 public:
  constexpr Date() = default;
  // Requires a valid calendar day; use Parse or FromYmdChecked for untrusted input.
  Date(int year, int month, int day);

  // "YYYY-MM-DD" only; nullopt for anything else, including impossible days (2021-02-29).
  static std::optional<Date> Parse(std::string_view text);
  static std::optional<Date> FromYmdChecked(int year, int month, int day);
  static Date FromDays(int days_since_epoch);

  int year() const;
  int month() const;        // 1..12
  int day() const;          // 1..31
  int day_of_week() const;  // ISO: Monday = 1 .. Sunday = 7
  // ISO 8601 week date: weeks run Monday..Sunday and belong to the year that holds their Thursday,
  // so 2021-01-03 is in week 53 of 2020 and 2024-12-30 in week 1 of 2025.
  int iso_week_year() const;
  int iso_week() const;  // 1..53
  int days_since_epoch() const { return days_; }

  Date AddDays(int n) const { return FromDays(days_ + n); }
  // Keeps the day of month where possible, clamping to the month's end (Mar 31 - 1 month = Feb
  // 28/29).
  Date AddMonths(int n) const;
  Date AddYears(int n) const { return AddMonths(12 * n); }

  std::string ToString() const;  // "YYYY-MM-DD"

  friend constexpr auto operator<=>(const Date&, const Date&) =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>

 private:
  explicit constexpr Date(int days) : days_(days) {}
  int days_ = 0;  // days since 1970-01-01
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// 53 when the ISO week-year starts on a Thursday, or is a leap year starting on a Wednesday;
// else 52.
int IsoWeeksInYear(int iso_year);

}  // namespace solieu
