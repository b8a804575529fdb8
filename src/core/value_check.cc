#include "core/value_check.h"

#include <charconv>
#include <cmath>

namespace solieu {
namespace {

std::optional<std::string> Fail(ValueProblem* problem, std::string vi, std::string en) {
  if (problem) *problem = {std::move(vi), std::move(en)};
  return std::nullopt;
}

// Strict machine numbers only: an optional '-', digits, an optional '.' and digits.
bool IsMachineNumber(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  size_t digits = 0, dots = 0;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++digits;
    } else if (text[i] == '.' && dots == 0 && digits > 0) {
      ++dots;
    } else {
      return false;
    }
  }
  return digits > 0 && text.back() != '.';
}

}  // namespace

std::optional<std::string> CheckValue(ValueType type, std::string_view text,
                                      ValueProblem* problem) {
  // Built with append: GCC 12 at -O3 warns falsely (-Wrestrict) on "'" + std::string + "'".
  std::string shown(1, '\'');
  shown.append(text.substr(0, 40));
  shown.push_back('\'');
  switch (type) {
    case ValueType::kText:
      if (text.size() > 50000) return Fail(problem, "văn bản quá dài", "text too long");
      return std::string(text);
    case ValueType::kBoolean:
      if (text == "true" || text == "1") return std::string("true");
      if (text == "false" || text == "0") return std::string("false");
      return Fail(problem, shown + " không phải giá trị đúng/sai (true/false)",
                  shown + " is not a boolean (true/false)");
    case ValueType::kInteger:
    case ValueType::kIntegerZeroOrPositive: {
      long long number = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return Fail(problem, shown + " không phải số nguyên", shown + " is not an integer");
      }
      if (type == ValueType::kIntegerZeroOrPositive && number < 0) {
        return Fail(problem, shown + " là số âm; phải là số nguyên không âm",
                    shown + " is negative; a zero or positive integer is required");
      }
      return std::to_string(number);
    }
    case ValueType::kNumber:
    case ValueType::kPercentage: {
      if (!IsMachineNumber(text)) {
        return Fail(problem, shown + " không phải số (dạng máy: 1250 hoặc 65.7)",
                    shown + " is not a number (machine form: 1250 or 65.7)");
      }
      double number = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec != std::errc() || !std::isfinite(number)) {
        return Fail(problem, shown + " nằm ngoài phạm vi số", shown + " is out of range");
      }
      if (type == ValueType::kPercentage && (number < 0 || number > 100)) {
        return Fail(problem, shown + " phải nằm trong 0..100", shown + " must be within 0..100");
      }
      return std::string(text);
    }
  }
  return Fail(problem, "kiểu giá trị không xác định", "unknown value type");
}

}  // namespace solieu
