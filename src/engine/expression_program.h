// engine/expression_program: what a parsed expression compiles to — postfix code for a small
// stack machine, over items resolved to integer slots. Parsed once, evaluated millions of times.
// Depends on: engine/expression_item.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/expression_item.h"

namespace solieu {

// Values on the stack are doubles; NaN stands for "no value", so arithmetic propagates it for free.
// Booleans are 1 and 0, and any non-zero value counts as true, as in DHIS2.
enum class Op : std::uint8_t {
  kValue,   // push the operand
  kNegate,  // unary minus
  kNot,     // ! and not
  kIsNull,
  kIsNotNull,
  kRemoveZeros,  // 0 becomes no value
  kIf,           // pops condition, then-value, else-value
  // Binary: the left side is on the stack, the right side is the operand.
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kPower,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kEqual,
  kNotEqual,
  kAnd,
  kOr,
  kFirstNonNull,  // firstNonNull(a, b, c) compiles to (a ?? b) ?? c, so the stack stays shallow
  kGreatest,      // likewise
  kLeast,         // likewise
};

inline bool IsBinary(Op op) {
  return op >= Op::kAdd;
}

// Where an instruction's (right-hand) value comes from. Fetching a leaf straight into a binary
// op halves the instructions of a typical #{a}+#{b}+#{c} and so the cost of dispatching them.
enum class Operand : std::uint8_t {
  kStack,     // popped off the stack
  kNumber,    // `number`
  kItem,      // item `slot`; a missing value stays missing
  kDataItem,  // item `slot`; the missing-value strategy may read a missing value as 0
  kDays,      // the number of days in the period
};

struct Instruction {
  Op op = Op::kValue;
  Operand operand = Operand::kStack;
  std::uint32_t slot = 0;  // kItem, kDataItem
  double number = 0;       // kNumber
};

// Evaluation keeps its stack in a fixed array of this many values, so it never allocates; the
// compiler refuses expressions that would need more.
inline constexpr int kMaxExpressionStack = 128;

struct ExpressionProgram {
  std::vector<Instruction> code;
  std::vector<ExpressionItem> items;      // distinct, in order of first appearance
  std::vector<std::uint32_t> data_slots;  // the items for which IsData() holds
  int max_stack = 0;
  bool uses_days = false;
};

}  // namespace solieu
