#include "plan/target.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <system_error>

#include "core/error.h"

namespace solieu::plan {
namespace {

enum class NumberForm { kVietnamese, kMachine };

struct TargetParts {
  TargetKind kind = TargetKind::kExact;
  double low = 0;
  double high = 0;
  int decimals = 0;
};

struct ParsedNumber {
  double value = 0;
  int decimals = 0;
};

// A single-pass reader over the UTF-8 text; every error names the character position.
class TargetReader {
 public:
  TargetReader(std::string_view text, NumberForm form, std::string_view where)
      : text_(text), form_(form), where_(where) {}

  TargetParts Read() {
    SkipBlanks();
    if (AtEnd()) throw Error(pos_, "chỉ tiêu trống", "the target is empty");
    const std::size_t operator_at = pos_;
    TargetParts parts;
    parts.kind = ReadOperator();
    const std::string op(text_.substr(operator_at, pos_ - operator_at));
    SkipBlanks();
    const ParsedNumber first = ReadNumber();
    parts.low = parts.high = first.value;
    parts.decimals = first.decimals;
    SkipBlanks();
    const std::size_t mark_at = pos_;
    if (ReadRangeMark()) {
      if (parts.kind != TargetKind::kExact) {
        throw Error(mark_at, "chỉ tiêu so sánh ('" + op + "') chỉ có một số, không phải khoảng",
                    "a comparison target ('" + op + "') has one number, not a range");
      }
      SkipBlanks();
      const std::size_t second_at = pos_;
      const ParsedNumber second = ReadNumber();
      if (second.value < first.value) {
        throw Error(second_at, "đầu trên của khoảng nhỏ hơn đầu dưới",
                    "the upper end of the range is below its lower end");
      }
      parts.kind = TargetKind::kRange;
      parts.high = second.value;
      parts.decimals = std::max(first.decimals, second.decimals);
      SkipBlanks();
    }
    if (!AtEnd()) throw Unexpected();
    return parts;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool Starts(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  void SkipBlanks() {
    while (!AtEnd()) {
      if (text_[pos_] == ' ' || text_[pos_] == '\t') {
        ++pos_;
      } else if (Starts("\u00A0")) {
        pos_ += 2;
      } else {
        return;
      }
    }
  }

  TargetKind ReadOperator() {
    struct Op {
      std::string_view text;
      TargetKind kind;
    };
    // Two-character forms before their one-character prefixes.
    static constexpr Op kOperators[] = {
        {"\u2265", TargetKind::kAtLeast}, {">=", TargetKind::kAtLeast},
        {"\u2264", TargetKind::kAtMost},  {"<=", TargetKind::kAtMost},
        {">", TargetKind::kGreater},      {"<", TargetKind::kLess},
    };
    for (const Op& op : kOperators) {
      if (Starts(op.text)) {
        pos_ += op.text.size();
        return op.kind;
      }
    }
    return TargetKind::kExact;
  }

  bool ReadRangeMark() {
    for (std::string_view mark :
         {std::string_view("-"), std::string_view("\u2013"), std::string_view("\u00F7")}) {
      if (Starts(mark)) {
        pos_ += mark.size();
        return true;
      }
    }
    return false;
  }

  ParsedNumber ReadNumber() {
    const std::size_t start = pos_;
    bool negative = false;
    if (!AtEnd() && text_[pos_] == '-' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])) {
      negative = true;
      ++pos_;
    }
    const std::size_t digits_start = pos_;
    while (!AtEnd() && (IsDigit(text_[pos_]) || text_[pos_] == '.' || text_[pos_] == ',')) ++pos_;
    if (pos_ == digits_start) {
      if (AtEnd()) {
        throw Error(pos_, "thiếu số ở cuối chỉ tiêu", "a number is missing at the end");
      }
      throw Error(pos_, "cần một số ở đây, gặp '" + std::string(Slice(pos_, 1)) + "'",
                  "expected a number here, found '" + std::string(Slice(pos_, 1)) + "'");
    }
    std::string machine = negative ? "-" : "";
    int decimals = form_ == NumberForm::kVietnamese ? Vietnamese(digits_start, pos_, &machine)
                                                    : Machine(digits_start, pos_, &machine);
    double value = 0;
    const char* end = machine.data() + machine.size();
    const auto [ptr, ec] = std::from_chars(machine.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
      throw Error(start, "số quá lớn", "the number is too large");
    }
    return {value, decimals};
  }

  // Appends the digits of text_[begin, end) in machine form to `out`; returns the decimals.
  int Vietnamese(std::size_t begin, std::size_t end, std::string* out) {
    std::size_t comma = std::string_view::npos;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] != ',') continue;
      if (comma != std::string_view::npos) {
        throw Error(i, "số có hai dấu phẩy; dấu phẩy là dấu thập phân",
                    "the number has two commas; the comma is the decimal mark");
      }
      comma = i;
    }
    const std::size_t int_end = comma == std::string_view::npos ? end : comma;
    if (int_end == begin) {
      throw Error(begin, "số phải bắt đầu bằng chữ số", "a number must start with a digit");
    }
    // Integer part: digit groups separated by dots, three digits after every dot.
    std::size_t group_start = begin;
    bool grouped = false;
    for (std::size_t i = begin; i <= int_end; ++i) {
      if (i < int_end && text_[i] != '.') continue;
      const std::size_t length = i - group_start;
      const bool first_group = group_start == begin;
      const bool is_dot = i < int_end;
      grouped = grouped || is_dot;
      const bool ok = first_group ? (length >= 1 && (!grouped || length <= 3)) : length == 3;
      if (!ok) {
        const std::size_t dot = first_group ? i : group_start - 1;
        throw Error(dot,
                    "dấu chấm phân cách hàng nghìn phải đứng trước đúng 3 chữ số và sau 1-3 chữ "
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
    if (comma == std::string_view::npos) return 0;
    return Fraction(comma, end, out);
  }

  int Machine(std::size_t begin, std::size_t end, std::string* out) {
    std::size_t mark = std::string_view::npos;
    for (std::size_t i = begin; i < end; ++i) {
      if (IsDigit(text_[i])) continue;
      if (mark != std::string_view::npos) {
        throw Error(i,
                    "số dạng máy chỉ có một dấu thập phân ('.' hoặc ','), không phân cách hàng "
                    "nghìn",
                    "a machine-form number has one decimal mark ('.' or ',') and no thousands "
                    "separators");
      }
      mark = i;
    }
    const std::size_t int_end = mark == std::string_view::npos ? end : mark;
    if (int_end == begin) {
      throw Error(begin, "số phải bắt đầu bằng chữ số", "a number must start with a digit");
    }
    out->append(text_.substr(begin, int_end - begin));
    if (mark == std::string_view::npos) return 0;
    return Fraction(mark, end, out);
  }

  // The digits after the decimal mark at `mark`, up to `end`.
  int Fraction(std::size_t mark, std::size_t end, std::string* out) {
    if (mark + 1 == end) {
      throw Error(mark, "thiếu chữ số sau dấu thập phân",
                  "digits are missing after the decimal mark");
    }
    for (std::size_t i = mark + 1; i < end; ++i) {
      if (!IsDigit(text_[i])) {
        throw Error(i, "dấu '" + std::string(1, text_[i]) + "' đứng sau dấu thập phân",
                    "'" + std::string(1, text_[i]) + "' after the decimal mark");
      }
    }
    out->push_back('.');
    out->append(text_.substr(mark + 1, end - mark - 1));
    return static_cast<int>(end - mark - 1);
  }

  UserError Unexpected() const {
    const std::string found(Slice(pos_, 1));
    std::string vi = "ký tự '" + found + "' không hợp lệ";
    std::string en = "unexpected '" + found + "'";
    if (found == "%" || found == "\u2030") {
      vi = "bỏ đơn vị '" + found + "': đơn vị thuộc về chỉ số, không thuộc chỉ tiêu";
      en = "drop the unit '" + found + "': the unit belongs to the indicator, not the target";
    } else if (IsDigit(found[0])) {
      vi += " (khoảng trắng không dùng để phân cách hàng nghìn)";
      en += " (blanks do not separate thousands)";
    }
    return Error(pos_, vi, en);
  }

  // `count` UTF-8 characters of the text starting at byte `at`.
  std::string_view Slice(std::size_t at, int count) const {
    std::size_t end = at;
    for (int i = 0; i < count && end < text_.size(); ++i) {
      ++end;
      while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    }
    return text_.substr(at, end - at);
  }

  // 1-based character (not byte) position of byte `at`.
  int CharacterPosition(std::size_t at) const {
    int position = 1;
    for (std::size_t i = 0; i < at && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++position;
    }
    return position;
  }

  UserError Error(std::size_t at, const std::string& vi, const std::string& en) const {
    const std::string quoted(text_);
    const std::string position = std::to_string(CharacterPosition(at));
    return UserError(
        "plan.bad_target", "chỉ tiêu '" + quoted + "', ký tự thứ " + position + ": " + vi,
        "target '" + quoted + "', character " + position + ": " + en, std::string(where_));
  }

  std::string_view text_;
  NumberForm form_;
  std::string_view where_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string_view TargetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kExact:
      return "exact";
    case TargetKind::kAtLeast:
      return "at-least";
    case TargetKind::kGreater:
      return "greater";
    case TargetKind::kAtMost:
      return "at-most";
    case TargetKind::kLess:
      return "less";
    case TargetKind::kRange:
      return "range";
  }
  return "exact";
}

Target Target::ParseVietnamese(std::string_view text, std::string_view where) {
  const TargetParts p = TargetReader(text, NumberForm::kVietnamese, where).Read();
  return Target(p.kind, p.low, p.high, p.decimals, std::string(text));
}

Target Target::ParseMachine(std::string_view text, std::string_view where) {
  const TargetParts p = TargetReader(text, NumberForm::kMachine, where).Read();
  return Target(p.kind, p.low, p.high, p.decimals, std::string(text));
}

std::string Target::MachineText() const {
  auto number = [&](double v) {
    char buffer[64];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, decimals_);
    return std::string(buffer, result.ptr);
  };
  switch (kind_) {
    case TargetKind::kExact:
      return number(low_);
    case TargetKind::kAtLeast:
      return "≥" + number(low_);
    case TargetKind::kGreater:
      return ">" + number(low_);
    case TargetKind::kAtMost:
      return "≤" + number(low_);
    case TargetKind::kLess:
      return "<" + number(low_);
    case TargetKind::kRange:
      return number(low_) + "-" + number(high_);
  }
  return number(low_);
}

}  // namespace solieu::plan
