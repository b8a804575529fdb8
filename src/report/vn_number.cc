#include "report/vn_number.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <system_error>

#include "core/error.h"

namespace solieu::report {
namespace {

constexpr int kMaxDecimals = 17;
constexpr std::string_view kNoFigure = "\u2014";

struct Separators {
  char group;
  char decimal;
};
constexpr Separators kVi{'.', ','};
constexpr Separators kEn{',', '.'};

// |value| rounded half away from zero at `decimals`, as digit strings.
struct RoundedDigits {
  bool negative = false;  // and not zero once rounded
  std::string integer;    // no leading zeros, "0" for zero
  std::string fraction;   // exactly `decimals` digits
};

RoundedDigits Round(double value, int decimals) {
  assert(std::isfinite(value));
  // The shortest fixed-notation digits that read back as `value`: at most 309 integer digits,
  // or "0." and up to 340 fraction digits for the smallest subnormals.
  char buffer[400];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::fixed);
  assert(result.ec == std::errc());
  const std::string_view shortest(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t dot = shortest.find('.');
  RoundedDigits out;
  out.integer = std::string(shortest.substr(0, dot));
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : shortest.substr(dot + 1);
  bool round_up = false;
  if (fraction.size() > static_cast<std::size_t>(decimals)) {
    // Shortest digits never end in a dropped tail of zeros, so a first dropped digit of 5 or more
    // means at least half a unit: half away from zero.
    round_up = fraction[static_cast<std::size_t>(decimals)] >= '5';
    fraction = fraction.substr(0, static_cast<std::size_t>(decimals));
  }
  out.fraction = std::string(fraction);
  out.fraction.resize(static_cast<std::size_t>(decimals), '0');
  if (round_up) {
    std::string all = out.integer + out.fraction;
    std::size_t i = all.size();
    while (i > 0 && all[i - 1] == '9') all[--i] = '0';  // carry
    if (i > 0) {
      ++all[i - 1];
    } else {
      all.insert(all.begin(), '1');
    }
    out.integer = all.substr(0, all.size() - out.fraction.size());
    out.fraction = all.substr(all.size() - out.fraction.size());
  }
  const bool zero = out.integer.find_first_not_of('0') == std::string::npos &&
                    out.fraction.find_first_not_of('0') == std::string::npos;
  out.negative = value < 0 && !zero;
  return out;
}

std::string Format(double value, int decimals, Separators separators, bool keep_trailing_zeros) {
  if (!std::isfinite(value)) return std::string(kNoFigure);
  assert(decimals >= 0 && decimals <= kMaxDecimals);
  decimals = std::clamp(decimals, 0, kMaxDecimals);
  const RoundedDigits digits = Round(value, decimals);
  std::string out;
  if (digits.negative) out.push_back('-');
  const std::size_t n = digits.integer.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(separators.group);
    out.push_back(digits.integer[i]);
  }
  std::string_view fraction = digits.fraction;
  if (!keep_trailing_zeros) {
    const std::size_t last = fraction.find_last_not_of('0');
    fraction = fraction.substr(0, last == std::string_view::npos ? 0 : last + 1);
  }
  if (!fraction.empty()) {
    out.push_back(separators.decimal);
    out.append(fraction);
  }
  return out;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool AttachesToNumber(std::string_view unit) {
  return unit == "%" || unit == "\u2030" || unit == "%o";
}

// 1-based character (not byte) position of byte `at` in `text`.
int CharacterPosition(std::string_view text, std::size_t at) {
  int position = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++position;
  }
  return position;
}

class ViNumberReader {
 public:
  ViNumberReader(std::string_view text, std::string_view where) : text_(text), where_(where) {}

  double Read() {
    std::size_t begin = 0;
    std::size_t end = text_.size();
    while (begin < end && IsBlankAt(begin)) begin += BlankLength(begin);
    while (end > begin && IsBlankBefore(end)) end -= BlankLengthBefore(end);
    if (begin == end) throw Error(begin, "không có số", "there is no number");
    std::string machine;
    std::size_t i = begin;
    if (text_[i] == '-') {
      machine.push_back('-');
      ++i;
    }
    const std::size_t digits_begin = i;
    std::size_t comma = std::string_view::npos;
    for (std::size_t j = digits_begin; j < end; ++j) {
      const char c = text_[j];
      if (IsDigit(c) || c == '.') continue;
      if (c == ',') {
        if (comma != std::string_view::npos) {
          throw Error(j, "có hai dấu phẩy; dấu phẩy là dấu thập phân",
                      "two commas; the comma is the decimal mark");
        }
        comma = j;
        continue;
      }
      throw Unexpected(j);
    }
    const std::size_t int_end = comma == std::string_view::npos ? end : comma;
    if (int_end == digits_begin || !IsDigit(text_[digits_begin])) {
      throw Error(digits_begin, "số phải bắt đầu bằng chữ số", "a number must start with a digit");
    }
    ReadGroups(digits_begin, int_end, &machine);
    if (comma != std::string_view::npos) {
      if (comma + 1 == end) {
        throw Error(comma, "thiếu chữ số sau dấu phẩy", "digits are missing after the comma");
      }
      for (std::size_t j = comma + 1; j < end; ++j) {
        if (!IsDigit(text_[j])) {
          throw Error(j, "dấu chấm đứng sau dấu phẩy thập phân", "a dot after the decimal comma");
        }
      }
      machine.push_back('.');
      machine.append(text_.substr(comma + 1, end - comma - 1));
    }
    double value = 0;
    const char* last = machine.data() + machine.size();
    const auto [ptr, ec] = std::from_chars(machine.data(), last, value);
    if (ec != std::errc() || ptr != last || !std::isfinite(value)) {
      throw Error(begin, "số quá lớn", "the number is too large");
    }
    return value;
  }

 private:
  // Digits with optional thousands dots in [begin, end), appended without the dots.
  void ReadGroups(std::size_t begin, std::size_t end, std::string* out) const {
    std::size_t group_start = begin;
    bool grouped = false;
    for (std::size_t i = begin; i <= end; ++i) {
      if (i < end && text_[i] != '.') continue;
      const std::size_t length = i - group_start;
      const bool first_group = group_start == begin;
      grouped = grouped || i < end;
      const bool ok = first_group ? length >= 1 && (!grouped || length <= 3) : length == 3;
      if (!ok) {
        throw Error(first_group ? i : group_start - 1,
                    "dấu chấm phân cách hàng nghìn phải đứng sau 1-3 chữ số và trước đúng 3 chữ "
                    "số; số thập phân viết bằng dấu phẩy, ví dụ 65,7",
                    "a dot separates thousands and must stand after 1-3 digits and before "
                    "exactly 3 digits; write decimals with a comma, e.g. 65,7");
      }
      out->append(text_.substr(group_start, length));
      group_start = i + 1;
    }
    if (grouped && text_[begin] == '0') {
      throw Error(begin, "số có phân cách hàng nghìn không bắt đầu bằng 0",
                  "a number with thousands separators cannot start with 0");
    }
  }

  bool IsBlankAt(std::size_t i) const { return BlankLength(i) > 0; }
  std::size_t BlankLength(std::size_t i) const {
    if (text_[i] == ' ' || text_[i] == '\t') return 1;
    return text_.substr(i).starts_with("\u00A0") ? 2 : 0;
  }
  bool IsBlankBefore(std::size_t end) const { return BlankLengthBefore(end) > 0; }
  std::size_t BlankLengthBefore(std::size_t end) const {
    if (text_[end - 1] == ' ' || text_[end - 1] == '\t') return 1;
    return end >= 2 && text_.substr(end - 2, 2) == "\u00A0" ? 2 : 0;
  }

  UserError Unexpected(std::size_t at) const {
    std::size_t length = 1;
    while (at + length < text_.size() &&
           (static_cast<unsigned char>(text_[at + length]) & 0xC0) == 0x80) {
      ++length;
    }
    const std::string found(text_.substr(at, length));
    if (found == " " || found == "\t" || found == "\u00A0") {
      return Error(at, "khoảng trắng không dùng để phân cách hàng nghìn; dùng dấu chấm: 1.250",
                   "blanks do not separate thousands; use a dot: 1.250");
    }
    return Error(at, "ký tự '" + found + "' không hợp lệ trong số",
                 "unexpected '" + found + "' in a number");
  }

  UserError Error(std::size_t at, const std::string& vi, const std::string& en) const {
    const std::string quoted(text_);
    const std::string position = std::to_string(CharacterPosition(text_, at));
    return UserError("number.bad_vi", "số '" + quoted + "', ký tự thứ " + position + ": " + vi,
                     "number '" + quoted + "', character " + position + ": " + en,
                     std::string(where_));
  }

  std::string_view text_;
  std::string_view where_;
};

}  // namespace

std::string FormatVi(double value, int decimals) {
  return Format(value, decimals, kVi, false);
}

std::string FormatViTrailing(double value, int decimals) {
  return Format(value, decimals, kVi, true);
}

std::string FormatEn(double value, int decimals) {
  return Format(value, decimals, kEn, false);
}

std::string FormatEnTrailing(double value, int decimals) {
  return Format(value, decimals, kEn, true);
}

double RoundAsPrinted(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  decimals = std::clamp(decimals, 0, kMaxDecimals);
  const RoundedDigits digits = Round(value, decimals);
  std::string machine = digits.negative ? "-" : "";
  machine += digits.integer;
  if (!digits.fraction.empty()) machine += "." + digits.fraction;
  double rounded = 0;
  std::from_chars(machine.data(), machine.data() + machine.size(), rounded);
  return rounded;
}

std::string FormatPercentOfPlan(double percent, int decimals) {
  return "đạt " + FormatVi(percent, decimals) + "% KH";
}

std::string FormatChange(double change, int decimals, std::string_view unit,
                         std::string_view compared_with) {
  const std::string tail = " so với " + std::string(compared_with);
  const std::string magnitude = FormatViTrailing(std::fabs(change), decimals);
  if (!std::isfinite(change)) return magnitude + tail;
  if (magnitude.find_first_not_of("0.,") == std::string::npos) return "tương đương" + tail;
  std::string out = change < 0 ? "giảm " : "tăng ";
  out += magnitude;
  if (!unit.empty()) {
    if (!AttachesToNumber(unit)) out.push_back(' ');
    out.append(unit);
  }
  return out + tail;
}

double ParseVi(std::string_view text, std::string_view where) {
  return ViNumberReader(text, where).Read();
}

}  // namespace solieu::report
