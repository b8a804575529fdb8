#include "engine/expression_error.h"

#include <string>

#include "core/error.h"

namespace solieu {

int ExpressionColumn(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

void ThrowExpressionError(std::string_view code, std::string_view text, std::size_t offset,
                          std::string_view what_vi, std::string_view what_en) {
  const std::string column = std::to_string(ExpressionColumn(text, offset));
  throw UserError(std::string(code), "vị trí " + column + ": " + std::string(what_vi),
                  "position " + column + ": " + std::string(what_en));
}

}  // namespace solieu
