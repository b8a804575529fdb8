#include "auth/org_scope.h"

#include <algorithm>

namespace solieu {

OrgScope::OrgScope(const OrgHierarchy& hierarchy, const std::vector<std::string>& root_uids)
    : hierarchy_(hierarchy) {
  for (const std::string& uid : root_uids) {
    if (const OrgUnit* unit = hierarchy.FindByUid(uid)) roots_.push_back(unit);
  }
}

bool OrgScope::Contains(const OrgUnit& unit, Date day) const {
  // The depth of the tree is 4; a bound on the walk guards against a malformed store.
  int steps = 0;
  for (const OrgUnit* u = &unit; u != nullptr && steps < 64; u = hierarchy_.ParentOf(*u, day)) {
    if (std::find(roots_.begin(), roots_.end(), u) != roots_.end()) return true;
    ++steps;
  }
  return false;
}

bool OrgScope::ContainsForPeriod(const OrgUnit& unit, const Period& period) const {
  Date day = period.end();
  if (unit.validity.to && *unit.validity.to <= day) day = unit.validity.to->AddDays(-1);
  if (unit.validity.from && day < *unit.validity.from) day = *unit.validity.from;
  return Contains(unit, day);
}

}  // namespace solieu
