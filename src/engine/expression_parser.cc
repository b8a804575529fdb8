#include "engine/expression_parser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/expression_error.h"
#include "engine/expression_lexer.h"

namespace solieu {
namespace {

// Deeper than any real indicator; the limit keeps the parser's recursion and the evaluator's
// fixed stack bounded whatever the input.
constexpr int kMaxNesting = 40;

struct BinaryOperator {
  TokenKind token;
  Op op;
  int level;  // 0 binds loosest
};
constexpr int kUnaryLevel = 6;
constexpr std::array<BinaryOperator, 13> kBinaryOperators = {{
    {TokenKind::kOr, Op::kOr, 0},
    {TokenKind::kAnd, Op::kAnd, 1},
    {TokenKind::kEqual, Op::kEqual, 2},
    {TokenKind::kNotEqual, Op::kNotEqual, 2},
    {TokenKind::kLess, Op::kLess, 3},
    {TokenKind::kLessEqual, Op::kLessEqual, 3},
    {TokenKind::kGreater, Op::kGreater, 3},
    {TokenKind::kGreaterEqual, Op::kGreaterEqual, 3},
    {TokenKind::kPlus, Op::kAdd, 4},
    {TokenKind::kMinus, Op::kSubtract, 4},
    {TokenKind::kStar, Op::kMultiply, 5},
    {TokenKind::kSlash, Op::kDivide, 5},
    {TokenKind::kPercent, Op::kModulo, 5},
}};

struct Function {
  std::string_view name;
  Op op;
  int min_arguments;
  int max_arguments;
  // Variadic functions compile to a chain of binary ops, so the stack never holds all arguments.
  bool chained;
  // An item given directly as an argument is read as it is: the function sees a missing value
  // even where the missing-value strategy would otherwise read it as 0.
  bool sees_missing;
};
constexpr int kUnlimited = std::numeric_limits<int>::max();
constexpr std::array<Function, 7> kFunctions = {{
    {"if", Op::kIf, 3, 3, false, false},
    {"isNull", Op::kIsNull, 1, 1, false, true},
    {"isNotNull", Op::kIsNotNull, 1, 1, false, true},
    {"firstNonNull", Op::kFirstNonNull, 1, kUnlimited, true, true},
    {"greatest", Op::kGreatest, 1, kUnlimited, true, false},
    {"least", Op::kLeast, 1, kUnlimited, true, false},
    {"removeZeros", Op::kRemoveZeros, 1, 1, false, false},
}};

std::string Quoted(std::string_view text) {
  std::string quoted = "'";
  quoted += text;
  return quoted += "'";
}

class ExpressionParser {
 public:
  explicit ExpressionParser(std::string_view text) : text_(text), lexer_(text) {}

  ExpressionProgram Compile() {
    Advance();
    if (token_.kind == TokenKind::kEnd) {
      Fail(token_.offset, "biểu thức rỗng", "expected an expression, found nothing");
    }
    ParseBinary(0);
    switch (token_.kind) {
      case TokenKind::kEnd:
        break;
      case TokenKind::kRightParen:
        Fail(token_.offset, "thừa ')' (không có '(' tương ứng)",
             "unexpected ')' (no matching '(')");
      case TokenKind::kComma:
        Fail(token_.offset, "',' chỉ dùng giữa các đối số của hàm",
             "unexpected ',' (commas separate function arguments)");
      default:
        Fail(token_.offset, "cần phép toán hoặc kết thúc biểu thức, gặp " + Quoted(token_.text),
             "expected an operator or the end of the expression, found " + Quoted(token_.text));
    }
    for (std::uint32_t slot = 0; slot < program_.items.size(); ++slot) {
      if (program_.items[slot].IsData()) program_.data_slots.push_back(slot);
    }
    return std::move(program_);
  }

 private:
  void Advance() { token_ = lexer_.Next(); }

  [[noreturn]] void Fail(std::size_t offset, std::string_view what_vi,
                         std::string_view what_en) const {
    ThrowExpressionError(kExpressionSyntax, text_, offset, what_vi, what_en);
  }

  void Expect(TokenKind kind, std::string_view what_vi, std::string_view what_en) {
    if (token_.kind != kind) Fail(token_.offset, what_vi, what_en);
    Advance();
  }

  // Pushes a number, an item's value or [days].
  void EmitValue(Operand operand, std::uint32_t slot = 0, double number = 0) {
    program_.code.push_back(Instruction{Op::kValue, operand, slot, number});
    Grow(1);
  }

  void Emit(Op op) {
    if (!IsBinary(op)) {
      program_.code.push_back(Instruction{op, Operand::kStack, 0, 0});
      Grow(op == Op::kIf ? -2 : 0);
      return;
    }
    // A right side that is a single value becomes the operand of the binary op itself.
    Instruction& last = program_.code.back();
    if (last.op == Op::kValue) {
      last.op = op;
    } else {
      program_.code.push_back(Instruction{op, Operand::kStack, 0, 0});
    }
    Grow(-1);
  }

  void Grow(int values) {
    stack_ += values;
    program_.max_stack = std::max(program_.max_stack, stack_);
    if (program_.max_stack > kMaxExpressionStack) {
      ThrowExpressionError(kExpressionTooComplex, text_, token_.offset, "biểu thức quá phức tạp",
                           "the expression is too complex");
    }
  }

  // Whether the code from `start` on is the single value instruction `operand`.
  bool IsSingleValue(std::size_t start, Operand operand) const {
    return program_.code.size() == start + 1 && program_.code.back().op == Op::kValue &&
           program_.code.back().operand == operand;
  }

  std::uint32_t SlotOf(const ExpressionItem& item) {
    const auto found = std::find(program_.items.begin(), program_.items.end(), item);
    if (found != program_.items.end()) {
      return static_cast<std::uint32_t>(found - program_.items.begin());
    }
    program_.items.push_back(item);
    return static_cast<std::uint32_t>(program_.items.size() - 1);
  }

  // Binary operators from `level` down, each level left-associative.
  void ParseBinary(int level) {
    if (level == kUnaryLevel) {
      ParseUnary();
      return;
    }
    ParseBinary(level + 1);
    while (true) {
      const auto found = std::find_if(
          kBinaryOperators.begin(), kBinaryOperators.end(),
          [&](const BinaryOperator& b) { return b.level == level && b.token == token_.kind; });
      if (found == kBinaryOperators.end()) return;
      Advance();
      ParseBinary(level + 1);
      Emit(found->op);
    }
  }

  void ParseUnary() {
    if (++depth_ > kMaxNesting) {
      ThrowExpressionError(kExpressionTooComplex, text_, token_.offset,
                           "biểu thức lồng nhau quá sâu", "the expression is nested too deeply");
    }
    switch (token_.kind) {
      case TokenKind::kMinus: {
        Advance();
        const std::size_t start = program_.code.size();
        ParseUnary();
        // "-1" is a literal, not a computation (DHIS2 metadata writes counts as "-1" / "1").
        if (IsSingleValue(start, Operand::kNumber)) {
          program_.code.back().number = -program_.code.back().number;
        } else {
          Emit(Op::kNegate);
        }
        break;
      }
      case TokenKind::kPlus:
        Advance();
        ParseUnary();
        break;
      case TokenKind::kNot:
        Advance();
        ParseUnary();
        Emit(Op::kNot);
        break;
      default:
        ParsePower();
    }
    --depth_;
  }

  // DHIS2 puts ^ above unary minus, and lets its right side be a unary expression: 2^-1 = 0.5.
  void ParsePower() {
    ParsePrimary();
    if (token_.kind != TokenKind::kCaret) return;
    Advance();
    ParseUnary();
    Emit(Op::kPower);
  }

  void ParsePrimary() {
    switch (token_.kind) {
      case TokenKind::kNumber:
        EmitValue(Operand::kNumber, 0, token_.number);
        Advance();
        return;
      case TokenKind::kItem:
        EmitValue(token_.item.IsData() ? Operand::kDataItem : Operand::kItem, SlotOf(token_.item));
        Advance();
        return;
      case TokenKind::kDays:
        EmitValue(Operand::kDays);
        program_.uses_days = true;
        Advance();
        return;
      case TokenKind::kLeftParen:
        Advance();
        ParseBinary(0);
        Expect(TokenKind::kRightParen, "thiếu ')'", "expected ')'");
        return;
      case TokenKind::kName:
        ParseCall();
        return;
      case TokenKind::kEnd:
        Fail(token_.offset, "thiếu giá trị (số, #{...}, hàm hoặc '(') ở cuối biểu thức",
             "expected a value (a number, #{...}, a function or '('), found the end");
      default:
        Fail(
            token_.offset, "thiếu giá trị (số, #{...}, hàm hoặc '('), gặp " + Quoted(token_.text),
            "expected a value (a number, #{...}, a function or '('), found " + Quoted(token_.text));
    }
  }

  void ParseCall() {
    const Token name = token_;
    Advance();
    const auto function = std::find_if(kFunctions.begin(), kFunctions.end(),
                                       [&](const Function& f) { return f.name == name.text; });
    if (function == kFunctions.end()) {
      if (token_.kind == TokenKind::kLeftParen) {
        Fail(name.offset, "không có hàm " + Quoted(name.text),
             "unknown function " + Quoted(name.text));
      }
      Fail(name.offset, "không hiểu " + Quoted(name.text) + " (phần tử dữ liệu viết là #{...})",
           "unknown name " + Quoted(name.text) + " (data elements are written #{...})");
    }
    const std::string spelling(name.text);
    Expect(TokenKind::kLeftParen, "thiếu '(' sau " + spelling, "expected '(' after " + spelling);

    // For the errors of functions with a fixed number of arguments: "(if takes 3 arguments)".
    const std::string arguments = std::to_string(function->max_arguments);
    const std::string arity_vi = " (hàm " + spelling + " cần " + arguments + " đối số)";
    const std::string arity_en = " (" + spelling + " takes " + arguments +
                                 (function->max_arguments == 1 ? " argument)" : " arguments)");
    for (int count = 1;; ++count) {
      const std::size_t start = program_.code.size();
      ParseBinary(0);
      if (function->sees_missing && IsSingleValue(start, Operand::kDataItem)) {
        program_.code.back().operand = Operand::kItem;
      }
      if (function->chained && count > 1) Emit(function->op);
      if (token_.kind == TokenKind::kComma && count < function->max_arguments) {
        Advance();
        continue;
      }
      if (count < function->min_arguments) {
        Fail(token_.offset, "thiếu ','" + arity_vi, "expected ','" + arity_en);
      }
      if (count < function->max_arguments) {
        Expect(TokenKind::kRightParen, "thiếu ',' hoặc ')'", "expected ',' or ')'");
      } else {
        Expect(TokenKind::kRightParen, "thiếu ')'" + arity_vi, "expected ')'" + arity_en);
      }
      break;
    }
    if (!function->chained) Emit(function->op);
  }

  std::string_view text_;
  ExpressionLexer lexer_;
  Token token_;
  ExpressionProgram program_;
  int stack_ = 0;
  int depth_ = 0;
};

}  // namespace

ExpressionProgram CompileExpression(std::string_view text) {
  return ExpressionParser(text).Compile();
}

}  // namespace solieu
