// plan/target: a plan target as the department writes it ("<15", "≥95", "0,4-0,5", "95"),
// parsed into a kind and its numbers while the text is kept verbatim for display.
// Depends on: core/error.
//
// Grammar (surrounding blanks are ignored; a blank is a space, a tab or U+00A0):
//   target     = [operator blanks] number | number blanks range-mark blanks number
//   operator   = "≥" | ">=" | "≤" | "<=" | ">" | "<"
//   range-mark = "-" | "–" (en dash) | "÷"           (both ends inclusive, low <= high)
//   number     = ["-"] digits, written in one of two forms chosen by the caller:
//
// ParseVietnamese (text typed by a person, or copied from a report): a comma is the decimal mark
//   and a dot separates thousands, so "668.030" is 668030 and "0,4" is 0.4. A dot must be followed
//   by exactly three digits and the digits before the first dot must be 1-3 without a leading
//   zero; anything else ("65.7", "1.25", "1234.567") is rejected rather than guessed, because a
//   person who wrote "65.7" may have meant 65,7 or 657. This is the rule of the reports themselves.
// ParseMachine (the configuration folder and the seed-data CSVs, i.e. every CSV loader): numbers
//   carry no thousands separators (seed-data README: "668.030" -> "668030"), so a dot or a comma
//   is the decimal mark: "1.65" is 1.65, and "0,4-0,5", which the CSVs keep verbatim as the report
//   printed it, is 0.4..0.5. A number with both marks ("1.234,5") or two marks is rejected.
//   "668.030" given to ParseMachine is 668.03: machine files must not group thousands.
//
// Units are not part of a target ("95%" is rejected): the unit belongs to the indicator.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace solieu::plan {

enum class TargetKind {
  kExact,    // "95", "85,0", "668030": a single planned figure
  kAtLeast,  // "≥95", ">=90"
  kGreater,  // ">98", "> 90"
  kAtMost,   // "≤16", "<=16"
  kLess,     // "<15", "<109"
  kRange,    // "0,4-0,5"
};

// "exact", "at-least", "greater", "at-most", "less", "range".
std::string_view TargetKindName(TargetKind kind);

class Target {
 public:
  // Both throw UserError (code "plan.bad_target") naming the character position (1-based, in
  // characters, not bytes) and the reason, in Vietnamese and English. `where` is the caller's
  // locator ("targets.csv:4 kh_2025") and becomes UserError::where().
  static Target ParseVietnamese(std::string_view text, std::string_view where = {});
  static Target ParseMachine(std::string_view text, std::string_view where = {});

  TargetKind kind() const { return kind_; }
  // The target's number; for a range, its lower end.
  double low() const { return low_; }
  // The upper end of a range; equal to low() for every other kind.
  double high() const { return high_; }
  // The most decimals written in the target's numbers: "85,0" -> 1, "0,4-0,5" -> 1, "95" -> 0.
  int decimals() const { return decimals_; }
  // Exactly as given to Parse*, blanks included, for display.
  const std::string& text() const { return text_; }
  // The form a store keeps and ParseMachine reads back to the same target: no blanks, no
  // thousands separators, a dot as the decimal mark, the written decimals kept ("≥95", "0.4-0.5",
  // "668030", "85.0"). A target typed in Vietnamese ("668.030") is stored this way.
  std::string MachineText() const;

  // A single planned figure, the only kind a "% KH" can be computed against.
  bool is_single_number() const { return kind_ == TargetKind::kExact; }

 private:
  Target(TargetKind kind, double low, double high, int decimals, std::string text)
      : kind_(kind), low_(low), high_(high), decimals_(decimals), text_(std::move(text)) {}

  TargetKind kind_ = TargetKind::kExact;
  double low_ = 0;
  double high_ = 0;
  int decimals_ = 0;
  std::string text_;
};

}  // namespace solieu::plan
