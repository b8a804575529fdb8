// core/uid: DHIS2-style 11-character identifiers (a letter, then 10 letters or digits).
// Depends on: the standard library only.
#pragma once

#include <string>
#include <string_view>

namespace solieu {

// A stable uid derived from a namespace and a key (e.g. "dataElement", "MMR_DEATHS"): the same
// inputs give the same uid on every machine, so configuration reloads keep ids and exports match.
std::string DeriveUid(std::string_view kind, std::string_view key);

// True if `text` has DHIS2's uid shape.
bool IsValidUid(std::string_view text);

}  // namespace solieu
