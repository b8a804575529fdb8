#include "engine/org_view.h"

#include <algorithm>
#include <utility>

namespace solieu {

OrgView::OrgView(const OrgHierarchy& hierarchy, Structure structure, Date structure_date)
    : hierarchy_(hierarchy),
      structure_(structure),
      structure_date_(structure_date),
      on_date_(structure == Structure::kOnDate ? hierarchy.size() : 0) {}

OrgView::OrgView(const OrgHierarchy& hierarchy, Date structure_date,
                 std::shared_ptr<const ResolvedStructure> resolved)
    : hierarchy_(hierarchy),
      structure_(Structure::kOnDate),
      structure_date_(structure_date),
      resolved_(std::move(resolved)) {}

std::shared_ptr<const ResolvedStructure> OrgView::ResolveAll(const OrgHierarchy& hierarchy,
                                                             Date structure_date) {
  OrgView view(hierarchy, Structure::kOnDate, structure_date);
  auto all = std::make_shared<ResolvedStructure>(hierarchy.size());
  for (size_t unit = 0; unit < hierarchy.size(); ++unit) {
    (*all)[unit] = view.OnStructureDate(static_cast<int>(unit));
  }
  return all;
}

void OrgView::AddWithAncestors(int unit, double share, Date day,
                               std::vector<Contribution>* out) const {
  const OrgUnit* cursor = &hierarchy_.units()[static_cast<size_t>(unit)];
  for (size_t steps = 0; cursor != nullptr && steps <= hierarchy_.size(); ++steps) {
    int index = static_cast<int>(cursor - hierarchy_.units().data());
    auto existing = std::find_if(out->begin(), out->end(),
                                 [&](const Contribution& c) { return c.unit == index; });
    if (existing != out->end()) {
      existing->share += share;  // two merged units meet again at a common ancestor
    } else {
      out->push_back({index, share});
    }
    cursor = hierarchy_.ParentOf(*cursor, day);
  }
}

// The units open on the structure date that `unit` passed into, with shares.
std::vector<Contribution> OrgView::Successors(int unit, int depth) {
  const OrgUnit& u = hierarchy_.units()[static_cast<size_t>(unit)];
  if (u.validity.Contains(structure_date_) || depth > 64) return {{unit, 1.0}};
  std::vector<Contribution> out;
  auto add = [&](int target, double share) {
    for (const Contribution& c : Successors(target, depth + 1)) {
      out.push_back({c.unit, c.share * share});
    }
  };
  bool later = !u.validity.from || *u.validity.from <= structure_date_;
  if (later) {
    for (const auto& t : hierarchy_.SuccessorsOf(u)) {
      if (t.date <= structure_date_)
        add(static_cast<int>(t.unit - hierarchy_.units().data()), t.share);
    }
  }
  if (out.empty()) {
    // No successor: hand the data to the parent of the unit's last day (or its first, for a unit
    // that opens after the structure date).
    Date day = (later && u.validity.to) ? u.validity.to->AddDays(-1)
                                        : u.validity.from.value_or(structure_date_);
    const OrgUnit* parent = hierarchy_.ParentOf(u, day);
    if (parent == nullptr) return {};
    add(static_cast<int>(parent - hierarchy_.units().data()), 1.0);
  }
  return out;
}

std::vector<Contribution> OrgView::OnStructureDate(int unit) {
  std::vector<Contribution> out;
  for (const Contribution& s : Successors(unit, 0)) {
    AddWithAncestors(s.unit, s.share, structure_date_, &out);
  }
  return out;
}

const std::vector<Contribution>& OrgView::ContributionsOf(int unit, Date period_end) {
  if (resolved_) return (*resolved_)[static_cast<size_t>(unit)];
  if (structure_ == Structure::kOnDate) {
    auto& cached = on_date_[static_cast<size_t>(unit)];
    if (!cached) cached = OnStructureDate(unit);
    return *cached;
  }
  // As it was: the tree on the last day of the period that the unit existed.
  const OrgUnit& u = hierarchy_.units()[static_cast<size_t>(unit)];
  Date day = period_end;
  if (u.validity.to && !(day < *u.validity.to)) day = u.validity.to->AddDays(-1);
  auto key = std::make_pair(unit, day.days_since_epoch());
  auto it = as_it_was_.find(key);
  if (it == as_it_was_.end()) {
    std::vector<Contribution> out;
    AddWithAncestors(unit, 1.0, day, &out);
    it = as_it_was_.emplace(key, std::move(out)).first;
  }
  return it->second;
}

}  // namespace solieu
