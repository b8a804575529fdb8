// core/value_check: whether a text is a valid value of a data element's value type, and its
// machine form ("1250", "65.7", "true"). Locale-free: display formats ("1.250", "65,7") are the
// UI's and the reports' business, never the store's. Depends on: core/metadata.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/metadata.h"

namespace solieu {

struct ValueProblem {
  std::string vi;
  std::string en;
};

// The value in machine form, or the reason it is not a valid value of `type`.
std::optional<std::string> CheckValue(ValueType type, std::string_view text, ValueProblem* problem);

}  // namespace solieu
