// engine/org_view: which reporting units a value entered for a unit counts towards, in one of the
// two views of history the department needs:
//  - as it was: the value rolls up through the tree as it stood when the data was reported
//    (2024 data of the old commune Nà Nhạn counts for its old district, Điện Biên);
//  - on the structure of a date (today's): the value is first carried through merges and splits
//    to the units open on that date (Nà Nhạn -> the new Xã Mường Phăng, with the split share),
//    then rolls up through that date's tree. A closed unit with no successor hands its data to
//    its parent as it stood on its last day (a district's own figures go to the province).
// Depends on: core.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/org_hierarchy.h"

namespace solieu {

enum class Structure { kAsItWas, kOnDate };

// One unit a value counts towards, with the share of the value it receives.
struct Contribution {
  int unit;  // index into OrgHierarchy::units()
  double share;
};

// Every unit's contributions on the structure of one date (indexed by unit). Immutable once
// made, so the queries of several threads on that date can share it.
using ResolvedStructure = std::vector<std::vector<Contribution>>;

class OrgView {
 public:
  // `structure_date` is used for kOnDate (e.g. today); ignored for kAsItWas.
  OrgView(const OrgHierarchy& hierarchy, Structure structure, Date structure_date);
  // A view on the structure of `structure_date` that only reads `resolved` (from ResolveAll for
  // that hierarchy and date): no unit is resolved again.
  OrgView(const OrgHierarchy& hierarchy, Date structure_date,
          std::shared_ptr<const ResolvedStructure> resolved);

  // Every unit of `hierarchy` resolved on the structure of `structure_date`.
  static std::shared_ptr<const ResolvedStructure> ResolveAll(const OrgHierarchy& hierarchy,
                                                             Date structure_date);

  // The units (each with its ancestors) that a value of `unit` for a period ending on
  // `period_end` counts towards. The reference stays valid for the view's lifetime.
  const std::vector<Contribution>& ContributionsOf(int unit, Date period_end);

  Structure structure() const { return structure_; }
  Date structure_date() const { return structure_date_; }

 private:
  std::vector<Contribution> Successors(int unit, int depth);
  // Where a value of `unit` goes on the structure date, not cached.
  std::vector<Contribution> OnStructureDate(int unit);
  void AddWithAncestors(int unit, double share, Date day, std::vector<Contribution>* out) const;

  const OrgHierarchy& hierarchy_;
  Structure structure_;
  Date structure_date_;
  std::shared_ptr<const ResolvedStructure> resolved_;                   // kOnDate, shared
  std::vector<std::optional<std::vector<Contribution>>> on_date_;       // per unit, for kOnDate
  std::map<std::pair<int, int>, std::vector<Contribution>> as_it_was_;  // (unit, day) -> ...
};

}  // namespace solieu
