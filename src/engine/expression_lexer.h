// engine/expression_lexer: splits DHIS2 indicator expression text into tokens. Items in braces
// (#{de.coc.aoc}, C{..}, OUG{..}, N{..}, R{ds.METRIC}) are single tokens, already taken apart.
// Depends on: engine/expression_item, engine/expression_error.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/expression_item.h"

namespace solieu {

enum class TokenKind {
  kEnd,
  kNumber,  // also true (1) and false (0)
  kItem,
  kDays,  // [days]
  kName,  // a function name, or any other word
  kLeftParen,
  kRightParen,
  kComma,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kCaret,
  kNot,  // ! or not
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kEqual,
  kNotEqual,
  kAnd,  // && or and
  kOr,   // || or or
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;  // byte offset of the token's first character
  std::string_view text;   // the token as written
  double number = 0;       // kNumber
  ExpressionItem item;     // kItem
};

class ExpressionLexer {
 public:
  explicit ExpressionLexer(std::string_view text) : text_(text) {}

  // The next token, or kEnd (again and again) once the text is used up. Throws UserError
  // (expression.syntax or expression.unsupported) where no token can start or an item is malformed.
  Token Next();

 private:
  void SkipSpace();
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  Token LexNumber();
  Token LexWord();
  Token LexItem(ItemKind kind, std::size_t start);
  std::string_view LexItemPart();
  [[noreturn]] void Fail(std::size_t offset, std::string_view what_vi,
                         std::string_view what_en) const;
  [[noreturn]] void FailUnexpectedCharacter(std::size_t offset) const;

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace solieu
