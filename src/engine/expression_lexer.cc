#include "engine/expression_lexer.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <system_error>

#include "engine/expression_error.h"

namespace solieu {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsWordChar(char c) {
  return IsLetter(c) || IsDigit(c) || c == '_';
}
// Codes in our configuration look like LIVE_BIRTHS or NAM_DTTS; DHIS2 uids are letters and digits.
bool IsIdChar(char c) {
  return IsWordChar(c) || c == '-';
}

// The offending character for an error message: itself if printable, else its bytes in hex.
std::string DescribeCharacter(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead >= 0x21 && lead <= 0x7E) return std::string("'") + text[offset] + "'";
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  bool valid_utf8 = length > 0 && offset + length <= text.size();
  for (std::size_t i = 1; valid_utf8 && i < length; ++i) {
    valid_utf8 = (static_cast<unsigned char>(text[offset + i]) & 0xC0) == 0x80;
  }
  if (valid_utf8) {
    std::string quoted = "'";
    quoted += text.substr(offset, length);
    return quoted += "'";
  }
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "0x%02X", lead);
  return hex.data();
}

struct ItemPrefix {
  std::string_view word;
  ItemKind kind;
};
constexpr std::array<ItemPrefix, 4> kItemPrefixes = {{
    {"C", ItemKind::kConstant},
    {"OUG", ItemKind::kOrgUnitGroupCount},
    {"N", ItemKind::kIndicator},
    {"R", ItemKind::kReportingRate},
}};

// Valid DHIS2 that belongs to tracker programs, which solieu does not have.
struct UnsupportedPrefix {
  std::string_view word;
  std::string_view what_vi;
  std::string_view what_en;
};
constexpr std::array<UnsupportedPrefix, 4> kUnsupportedPrefixes = {{
    {"D", "chưa hỗ trợ D{...} (phần tử dữ liệu của chương trình)",
     "D{...} (program data elements) is not supported"},
    {"I", "chưa hỗ trợ I{...} (chỉ số chương trình)",
     "I{...} (program indicators) is not supported"},
    {"A", "chưa hỗ trợ A{...} (thuộc tính đối tượng theo dõi)",
     "A{...} (tracked entity attributes) is not supported"},
    {"V", "chưa hỗ trợ V{...} (biến chương trình)", "V{...} (program variables) is not supported"},
}};

std::size_t MaxParts(ItemKind kind) {
  switch (kind) {
    case ItemKind::kDataElement:
      return 3;
    case ItemKind::kReportingRate:
      return 2;
    default:
      return 1;
  }
}

}  // namespace

void ExpressionLexer::Fail(std::size_t offset, std::string_view what_vi,
                           std::string_view what_en) const {
  ThrowExpressionError(kExpressionSyntax, text_, offset, what_vi, what_en);
}

void ExpressionLexer::FailUnexpectedCharacter(std::size_t offset) const {
  const std::string character = DescribeCharacter(text_, offset);
  Fail(offset, "ký tự không hợp lệ " + character, "unexpected character " + character);
}

void ExpressionLexer::SkipSpace() {
  while (!AtEnd()) {
    const char c = Peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++pos_;
    } else if (c == '\xC2' && Peek(1) == '\xA0') {
      pos_ += 2;  // a no-break space, as pasted from word processors and spreadsheets
    } else {
      return;
    }
  }
}

Token ExpressionLexer::Next() {
  SkipSpace();
  Token token;
  token.offset = pos_;
  if (AtEnd()) return token;

  const char c = Peek();
  if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return LexNumber();
  if (IsLetter(c) || c == '_') return LexWord();
  if (c == '#') {
    if (Peek(1) != '{') Fail(pos_ + 1, "thiếu '{' sau '#'", "expected '{' after '#'");
    pos_ += 2;
    return LexItem(ItemKind::kDataElement, token.offset);
  }
  if (c == '[') {
    constexpr std::string_view kDays = "[days]";
    if (text_.substr(pos_, kDays.size()) != kDays) {
      Fail(pos_, "thiếu '[days]'", "expected '[days]'");
    }
    pos_ += kDays.size();
    token.kind = TokenKind::kDays;
    token.text = kDays;
    return token;
  }

  // Operators and punctuation: the longest spelling wins ("<=" before "<").
  struct Symbol {
    std::string_view spelling;
    TokenKind kind;
  };
  static constexpr std::array<Symbol, 19> kSymbols = {{
      {"<=", TokenKind::kLessEqual}, {">=", TokenKind::kGreaterEqual}, {"==", TokenKind::kEqual},
      {"!=", TokenKind::kNotEqual},  {"&&", TokenKind::kAnd},          {"||", TokenKind::kOr},
      {"(", TokenKind::kLeftParen},  {")", TokenKind::kRightParen},    {",", TokenKind::kComma},
      {"+", TokenKind::kPlus},       {"-", TokenKind::kMinus},         {"*", TokenKind::kStar},
      {"/", TokenKind::kSlash},      {"%", TokenKind::kPercent},       {"^", TokenKind::kCaret},
      {"!", TokenKind::kNot},        {"<", TokenKind::kLess},          {">", TokenKind::kGreater},
      {"=", TokenKind::kEnd},  // never a token: a lone '=' is a typo for '=='
  }};
  for (const Symbol& symbol : kSymbols) {
    if (text_.substr(pos_, symbol.spelling.size()) != symbol.spelling) continue;
    if (symbol.spelling == "=") Fail(pos_, "thiếu '==' (so sánh bằng)", "expected '==' (equals)");
    token.kind = symbol.kind;
    token.text = symbol.spelling;
    pos_ += symbol.spelling.size();
    return token;
  }
  if (c == '&') Fail(pos_, "thiếu '&&'", "expected '&&'");
  if (c == '|') Fail(pos_, "thiếu '||'", "expected '||'");
  FailUnexpectedCharacter(pos_);
}

Token ExpressionLexer::LexNumber() {
  Token token;
  token.kind = TokenKind::kNumber;
  token.offset = pos_;
  while (IsDigit(Peek())) ++pos_;
  if (Peek() == '.') {
    ++pos_;
    while (IsDigit(Peek())) ++pos_;
  }
  // An exponent only when digits follow, so "2e" stays a number and a word (and fails later).
  if (Peek() == 'e' || Peek() == 'E') {
    const std::size_t sign = (Peek(1) == '+' || Peek(1) == '-') ? 1 : 0;
    if (IsDigit(Peek(1 + sign))) {
      pos_ += 1 + sign;
      while (IsDigit(Peek())) ++pos_;
    }
  }
  token.text = text_.substr(token.offset, pos_ - token.offset);
  const char* first = token.text.data();
  const char* last = first + token.text.size();
  const auto [end, error] = std::from_chars(first, last, token.number);
  if (error == std::errc::result_out_of_range) {
    Fail(token.offset, "số quá lớn hoặc quá nhỏ", "number out of range");
  }
  if (error != std::errc() || end != last) Fail(token.offset, "số không hợp lệ", "invalid number");
  return token;
}

Token ExpressionLexer::LexWord() {
  Token token;
  token.offset = pos_;
  while (IsWordChar(Peek())) ++pos_;
  token.text = text_.substr(token.offset, pos_ - token.offset);

  if (Peek() == '{') {
    for (const ItemPrefix& prefix : kItemPrefixes) {
      if (prefix.word == token.text) {
        ++pos_;
        return LexItem(prefix.kind, token.offset);
      }
    }
    for (const UnsupportedPrefix& prefix : kUnsupportedPrefixes) {
      if (prefix.word == token.text) {
        ThrowExpressionError(kExpressionUnsupported, text_, token.offset, prefix.what_vi,
                             prefix.what_en);
      }
    }
    const std::string spelling = std::string(token.text) + "{...}";
    Fail(token.offset, "không có loại mục " + spelling, "unknown item type " + spelling);
  }
  if (token.text == "d2" && Peek() == ':') {
    ThrowExpressionError(kExpressionUnsupported, text_, token.offset,
                         "chưa hỗ trợ hàm d2: (chỉ số chương trình)",
                         "d2: functions (program indicators) are not supported");
  }

  if (token.text == "true" || token.text == "false") {
    token.kind = TokenKind::kNumber;
    token.number = token.text == "true" ? 1 : 0;
  } else if (token.text == "and") {
    token.kind = TokenKind::kAnd;
  } else if (token.text == "or") {
    token.kind = TokenKind::kOr;
  } else if (token.text == "not") {
    token.kind = TokenKind::kNot;
  } else {
    token.kind = TokenKind::kName;
  }
  return token;
}

// One id between the braces, "*" included; empty if none starts here.
std::string_view ExpressionLexer::LexItemPart() {
  SkipSpace();
  const std::size_t start = pos_;
  if (Peek() == '*') {
    ++pos_;
  } else {
    while (IsIdChar(Peek())) ++pos_;
  }
  const std::string_view part = text_.substr(start, pos_ - start);
  if (part.empty()) {
    if (AtEnd()) Fail(pos_, "thiếu mã và '}'", "expected an id and '}'");
    if (Peek() == '}') Fail(pos_, "thiếu mã trong {...}", "expected an id inside the braces");
    if (Peek() == '.') Fail(pos_, "thiếu mã trước '.'", "expected an id before '.'");
    const std::string character = DescribeCharacter(text_, pos_);
    Fail(pos_, "ký tự không hợp lệ trong mã: " + character + " (mã gồm chữ, số, '_' và '-')",
         "unexpected character in an id: " + character + " (ids use letters, digits, '_', '-')");
  }
  SkipSpace();
  return part;
}

Token ExpressionLexer::LexItem(ItemKind kind, std::size_t start) {
  std::array<std::string_view, 3> parts;
  std::array<std::size_t, 3> part_offsets{};
  std::size_t count = 0;
  while (true) {
    SkipSpace();
    part_offsets[count] = pos_;
    parts[count++] = LexItemPart();
    if (AtEnd()) Fail(pos_, "thiếu '}'", "expected '}'");
    if (Peek() == '}') {
      ++pos_;
      break;
    }
    if (Peek() != '.') {
      const std::string character = DescribeCharacter(text_, pos_);
      Fail(pos_, "thiếu '.' hoặc '}' (gặp " + character + ")",
           "expected '.' or '}' (found " + character + ")");
    }
    if (count == MaxParts(kind)) {
      switch (kind) {
        case ItemKind::kDataElement:
          Fail(pos_, "thiếu '}': #{...} có nhiều nhất ba mã (phần tử, tổ hợp phân tổ, thuộc tính)",
               "expected '}': #{...} has at most three ids (element, option combo, attribute)");
        case ItemKind::kReportingRate:
          Fail(pos_, "thiếu '}' sau loại tỷ lệ báo cáo", "expected '}' after the reporting metric");
        default:
          Fail(pos_, "thiếu '}': mục này chỉ có một mã", "expected '}': this item takes one id");
      }
    }
    ++pos_;  // the '.'
  }

  Token token;
  token.kind = TokenKind::kItem;
  token.offset = start;
  token.text = text_.substr(start, pos_ - start);
  token.item.kind = kind;
  for (std::size_t i = 0; i < count; ++i) {
    const bool wildcard = parts[i] == "*";
    if (wildcard && (i == 0 || kind != ItemKind::kDataElement)) {
      Fail(part_offsets[i], "không dùng '*' ở đây, cần một mã", "expected an id, not '*'");
    }
  }
  token.item.id = parts[0];
  if (kind == ItemKind::kDataElement) {
    if (count > 1 && parts[1] != "*") token.item.category_option_combo = parts[1];
    if (count > 2 && parts[2] != "*") token.item.attribute_option_combo = parts[2];
  }
  if (kind == ItemKind::kReportingRate) {
    if (count < 2) {
      Fail(pos_ - 1, "thiếu '.' và loại tỷ lệ, ví dụ R{ds.REPORTING_RATE}",
           "expected '.' and a metric, e.g. R{ds.REPORTING_RATE}");
    }
    if (!ParseReportingRateMetric(parts[1], &token.item.metric)) {
      constexpr std::string_view kMetrics =
          "REPORTING_RATE, REPORTING_RATE_ON_TIME, ACTUAL_REPORTS, ACTUAL_REPORTS_ON_TIME, "
          "EXPECTED_REPORTS";
      Fail(part_offsets[1], "loại tỷ lệ báo cáo phải là một trong " + std::string(kMetrics),
           "expected one of " + std::string(kMetrics));
    }
  }
  return token;
}

}  // namespace solieu
