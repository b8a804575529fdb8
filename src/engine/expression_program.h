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
  kPush,      // push `number`
  kLoad,      // push the value of item `slot`; a missing value stays missing
  kLoadData,  // the same, but the missing-value strategy may read a missing value as 0
  kLoadDays,  // push the number of days in the period
  kNegate,    // unary minus
  kNot,       // ! and not
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
  kIf,  // pops condition, then-value, else-value
  kIsNull,
  kIsNotNull,
  kFirstNonNull,  // binary: firstNonNull(a, b, c) compiles to (a ?? b) ?? c
  kGreatest,      // binary, likewise
  kLeast,         // binary, likewise
  kRemoveZeros,   // 0 becomes no value
};

struct Instruction {
  Op op = Op::kPush;
  std::uint32_t slot = 0;  // kLoad, kLoadData
  double number = 0;       // kPush
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
