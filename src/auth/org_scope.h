// auth/org_scope: the part of the org tree a user may read and write: the subtrees below the units
// the user is bound to, as the tree stood on a given day. Codes and parents change over time (the
// 2025 reform moved every commune from its district to the province), so every question takes a
// date. Depends on: core/org_hierarchy, core/period.
#pragma once

#include <string>
#include <vector>

#include "core/org_hierarchy.h"
#include "core/period.h"

namespace solieu {

class OrgScope {
 public:
  // Uids that name no unit are ignored: a binding to a unit that no longer exists grants nothing.
  OrgScope(const OrgHierarchy& hierarchy, const std::vector<std::string>& root_uids);

  // Whether `unit` is one of the roots or lies below one of them on `day`.
  bool Contains(const OrgUnit& unit, Date day) const;
  // Whether `unit` is in scope for data of `period`: on the last day of the period on which the
  // unit was open (a value belongs to the tree of its own time).
  bool ContainsForPeriod(const OrgUnit& unit, const Period& period) const;

  const std::vector<const OrgUnit*>& roots() const { return roots_; }

 private:
  const OrgHierarchy& hierarchy_;
  std::vector<const OrgUnit*> roots_;
};

}  // namespace solieu
