// engine/expression_parser: DHIS2 indicator expression text to an ExpressionProgram, by recursive
// descent straight into postfix code. Precedence follows DHIS2's grammar, tightest first:
//   ( )   ^ (right-associative, binds tighter than unary minus: -2^2 = -4)
//   unary + - ! not   * / %   + -   < <= > >=   == !=   && and   || or
// Depends on: engine/expression_lexer, engine/expression_program, engine/expression_error.
#pragma once

#include <string_view>

#include "engine/expression_program.h"

namespace solieu {

// Throws UserError (expression.syntax, expression.unsupported or expression.too_complex) naming
// the 1-based character position and what was expected there.
ExpressionProgram CompileExpression(std::string_view text);

}  // namespace solieu
