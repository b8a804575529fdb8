// core/org_hierarchy: the versioned org tree, queried as of any date. Built once from the stored
// units, parent links and events; immutable afterwards, so readers need no locks.
// Depends on: core/org_unit, core/error.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/org_unit.h"

namespace solieu {

class OrgHierarchy {
 public:
  // Throws UserError when the records contradict each other: two units with one code on the same
  // day, a parent that does not exist while its child does, two parents on one day, a cycle, an
  // event between units that do not exist on either side of its date, split shares over 1.
  OrgHierarchy(std::vector<OrgUnit> units, const std::vector<ParentLink>& links,
               std::vector<OrgEvent> events);

  size_t size() const { return units_.size(); }
  const std::vector<OrgUnit>& units() const { return units_; }

  const OrgUnit* FindByUid(std::string_view uid) const;
  // The unit that holds `code` on `day` (codes are reused, so the date matters).
  const OrgUnit* FindByCode(std::string_view code, Date day) const;
  // The most recently opened unit that ever held `code`.
  const OrgUnit* FindLatestByCode(std::string_view code) const;

  const OrgUnit* ParentOf(const OrgUnit& unit, Date day) const;
  std::vector<const OrgUnit*> ChildrenOf(const OrgUnit& unit, Date day) const;
  // All units below `unit` on `day`, depth first, children in code order.
  std::vector<const OrgUnit*> DescendantsOf(const OrgUnit& unit, Date day) const;
  // The whole tree on `day`, depth first from the roots, children in code order.
  std::vector<const OrgUnit*> TreeAsOf(Date day) const;

  struct Transition {
    const OrgUnit* unit;  // the successor or predecessor
    Date date;
    OrgEventKind kind;
    double share;  // the part of the old unit that went to the new one
  };
  std::vector<Transition> SuccessorsOf(const OrgUnit& unit) const;
  std::vector<Transition> PredecessorsOf(const OrgUnit& unit) const;

 private:
  int IndexOf(std::string_view uid) const;
  void Validate() const;

  std::vector<OrgUnit> units_;
  std::unordered_map<std::string, int> index_by_uid_;
  std::unordered_map<std::string, std::vector<int>> indexes_by_code_;
  struct Link {
    int parent;
    Validity validity;
  };
  std::vector<std::vector<Link>> parents_;  // per unit, by date
  std::vector<std::vector<int>> children_;  // per unit, every child it ever had, code order
  std::vector<OrgEvent> events_;
};

}  // namespace solieu
