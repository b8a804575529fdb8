// core/text: Unicode text helpers the whole system shares (Vietnamese needs NFC so that "ắ" typed
// on two keyboards compares equal). Depends on: ICU (uc).
#pragma once

#include <string>
#include <string_view>

namespace solieu {

// The NFC form of valid UTF-8 text; the input unchanged if it is not valid UTF-8 (callers check
// validity first and report it).
std::string ToNfc(std::string_view utf8);

}  // namespace solieu
