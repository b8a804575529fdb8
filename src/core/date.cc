#include "core/date.h"

#include <cassert>
#include <cstdio>

namespace solieu {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day Ymd(int days_since_epoch) {
  return year_month_day{sys_days{days{days_since_epoch}}};
}

bool ParseDigits(std::string_view text, int* out) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return !text.empty();
}

}  // namespace

bool IsLeapYear(int year) {
  return std::chrono::year{year}.is_leap();
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

Date::Date(int year, int month, int day) {
  auto checked = FromYmdChecked(year, month, day);
  assert(checked.has_value());
  days_ = checked ? checked->days_ : 0;
}

std::optional<Date> Date::FromYmdChecked(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > DaysInMonth(year, month)) return std::nullopt;
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                     std::chrono::day{static_cast<unsigned>(day)}};
  return Date(static_cast<int>(sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!ParseDigits(text.substr(0, 4), &y) || !ParseDigits(text.substr(5, 2), &m) ||
      !ParseDigits(text.substr(8, 2), &d)) {
    return std::nullopt;
  }
  return FromYmdChecked(y, m, d);
}

Date Date::FromDays(int days_since_epoch) {
  return Date(days_since_epoch);
}

int Date::year() const {
  return static_cast<int>(Ymd(days_).year());
}
int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(Ymd(days_).month()));
}
int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(Ymd(days_).day()));
}

int Date::day_of_week() const {
  std::chrono::weekday wd{sys_days{days{days_}}};
  return static_cast<int>(wd.iso_encoding());
}

int Date::iso_week_year() const {
  return AddDays(4 - day_of_week()).year();
}

int Date::iso_week() const {
  Date thursday = AddDays(4 - day_of_week());
  sys_days jan1{std::chrono::year{thursday.year()} / std::chrono::January / 1};
  return (thursday.days_ - static_cast<int>(jan1.time_since_epoch().count())) / 7 + 1;
}

int IsoWeeksInYear(int iso_year) {
  std::chrono::weekday jan1{sys_days{std::chrono::year{iso_year} / std::chrono::January / 1}};
  if (jan1 == std::chrono::Thursday) return 53;
  return jan1 == std::chrono::Wednesday && IsLeapYear(iso_year) ? 53 : 52;
}

Date Date::AddMonths(int n) const {
  int total = year() * 12 + (month() - 1) + n;
  int y = total / 12;
  int m = total % 12 + 1;
  int d = day();
  int last = DaysInMonth(y, m);
  return Date(y, m, d > last ? last : d);
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

}  // namespace solieu
