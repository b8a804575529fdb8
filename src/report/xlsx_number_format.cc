#include "report/xlsx_number_format.h"

#include <cmath>

namespace solieu::report {
namespace {

bool IsDigit(char ch) {
  return ch >= '0' && ch <= '9';
}

// A Vietnamese number: [-]digits, optionally grouped by '.' in threes, then optionally ',' and
// decimals. Fills the parsed value, the decimals and whether the integer part is grouped.
bool ParseVietnameseNumber(std::string_view text, double* number, int* decimals, bool* grouped) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  double whole = 0;
  int digits = 0;
  int group_digits = 0;  // digits since the last '.'
  *grouped = false;
  for (; i < text.size() && text[i] != ','; ++i) {
    if (IsDigit(text[i])) {
      whole = whole * 10 + (text[i] - '0');
      ++digits;
      ++group_digits;
    } else if (text[i] == '.' && digits > 0 &&
               (!*grouped ? group_digits <= 3 : group_digits == 3)) {
      *grouped = true;
      group_digits = 0;
    } else {
      return false;
    }
  }
  if (digits == 0 || (*grouped && group_digits != 3)) return false;
  if (digits > 1 && text[negative ? 1 : 0] == '0') return false;  // "007" is a code, not a number
  double fraction = 0;
  double scale = 1;
  *decimals = 0;
  if (i < text.size()) {  // at ','
    for (++i; i < text.size(); ++i) {
      if (!IsDigit(text[i])) return false;
      scale /= 10;
      fraction += (text[i] - '0') * scale;
      ++*decimals;
    }
    if (*decimals == 0) return false;
  }
  *number = (negative ? -1 : 1) * (whole + fraction);
  return true;
}

}  // namespace

std::optional<std::string> ExcelNumberFormatFor(std::string_view text, double value) {
  double shown = 0;
  int decimals = 0;
  bool grouped = false;
  if (!std::isfinite(value) || !ParseVietnameseNumber(text, &shown, &decimals, &grouped)) {
    return std::nullopt;
  }
  // The text must be the value rounded to its decimals, or Excel would show something else.
  const double half_step = 0.5 * std::pow(10.0, -decimals);
  if (std::fabs(shown - value) > half_step + 1e-9 * std::fmax(1.0, std::fabs(value))) {
    return std::nullopt;
  }
  const bool has_thousands = std::fabs(value) >= 999.5;
  std::string format = (grouped || !has_thousands) ? "#,##0" : "0";
  if (decimals > 0) format += "." + std::string(static_cast<size_t>(decimals), '0');
  return format;
}

}  // namespace solieu::report
