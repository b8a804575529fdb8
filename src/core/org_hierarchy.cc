#include "core/org_hierarchy.h"

#include <algorithm>
#include <functional>

#include "core/error.h"

namespace solieu {
namespace {

std::string Describe(const OrgUnit& unit) {
  return unit.code + " " + unit.name_vi;
}

std::string DateOrOpen(const std::optional<Date>& day) {
  return day ? day->ToString() : "…";
}

}  // namespace

OrgHierarchy::OrgHierarchy(std::vector<OrgUnit> units, const std::vector<ParentLink>& links,
                           std::vector<OrgEvent> events)
    : units_(std::move(units)), events_(std::move(events)) {
  std::sort(units_.begin(), units_.end(), [](const OrgUnit& a, const OrgUnit& b) {
    return std::tie(a.code, a.validity.from) < std::tie(b.code, b.validity.from);
  });
  for (size_t i = 0; i < units_.size(); ++i) {
    int index = static_cast<int>(i);
    if (!index_by_uid_.emplace(units_[i].uid, index).second) {
      throw UserError("org.duplicate_uid", "uid '" + units_[i].uid + "' bị trùng",
                      "duplicate uid '" + units_[i].uid + "'", Describe(units_[i]));
    }
    indexes_by_code_[units_[i].code].push_back(index);
  }
  parents_.resize(units_.size());
  children_.resize(units_.size());
  for (const ParentLink& link : links) {
    int child = IndexOf(link.child_uid);
    int parent = IndexOf(link.parent_uid);
    if (child < 0 || parent < 0) {
      throw UserError("org.unknown_unit", "liên kết cấp trên tới đơn vị không tồn tại",
                      "parent link names a unit that does not exist",
                      link.child_uid + " -> " + link.parent_uid);
    }
    parents_[static_cast<size_t>(child)].push_back({parent, link.validity});
    auto& siblings = children_[static_cast<size_t>(parent)];
    if (std::find(siblings.begin(), siblings.end(), child) == siblings.end()) {
      siblings.push_back(child);
    }
  }
  for (auto& list : parents_) {
    std::sort(list.begin(), list.end(),
              [](const Link& a, const Link& b) { return a.validity.from < b.validity.from; });
  }
  for (auto& list : children_) std::sort(list.begin(), list.end());  // units_ is in code order
  Validate();
}

int OrgHierarchy::IndexOf(std::string_view uid) const {
  auto it = index_by_uid_.find(std::string(uid));
  return it == index_by_uid_.end() ? -1 : it->second;
}

void OrgHierarchy::Validate() const {
  for (const auto& [code, indexes] : indexes_by_code_) {
    for (size_t a = 0; a < indexes.size(); ++a) {
      for (size_t b = a + 1; b < indexes.size(); ++b) {
        const OrgUnit& x = units_[static_cast<size_t>(indexes[a])];
        const OrgUnit& y = units_[static_cast<size_t>(indexes[b])];
        if (x.validity.Overlaps(y.validity)) {
          throw UserError(
              "org.code_overlap",
              "mã '" + code + "' được dùng cho hai đơn vị cùng thời gian: " + x.name_vi + " và " +
                  y.name_vi,
              "code '" + code + "' is held by two units at the same time: " + x.name_en + " and " +
                  y.name_en,
              code);
        }
      }
    }
  }
  for (size_t i = 0; i < units_.size(); ++i) {
    const OrgUnit& unit = units_[i];
    if (unit.validity.from && unit.validity.to && !(*unit.validity.from < *unit.validity.to)) {
      throw UserError("org.empty_validity", "ngày đóng phải sau ngày mở",
                      "the closing date must come after the opening date", Describe(unit));
    }
    const auto& links = parents_[i];
    for (size_t a = 0; a < links.size(); ++a) {
      const Link& link = links[a];
      const OrgUnit& parent = units_[static_cast<size_t>(link.parent)];
      // The parent must exist for the whole of the link's range.
      bool parent_covers =
          (!parent.validity.from ||
           (link.validity.from && *parent.validity.from <= *link.validity.from)) &&
          (!parent.validity.to || (link.validity.to && *link.validity.to <= *parent.validity.to));
      if (!parent_covers) {
        throw UserError("org.parent_not_open",
                        "đơn vị cấp trên " + Describe(parent) + " không tồn tại trong suốt " +
                            DateOrOpen(link.validity.from) + " – " + DateOrOpen(link.validity.to),
                        "parent " + parent.code + " does not exist throughout " +
                            DateOrOpen(link.validity.from) + " – " + DateOrOpen(link.validity.to),
                        Describe(unit));
      }
      if (a + 1 < links.size() && link.validity.Overlaps(links[a + 1].validity)) {
        throw UserError("org.two_parents", "đơn vị có hai cấp trên trong cùng thời gian",
                        "the unit has two parents at the same time", Describe(unit));
      }
    }
    // A cycle would make a unit its own ancestor on some day; check at each link's start.
    for (const Link& link : links) {
      Date day = link.validity.from.value_or(Date(1900, 1, 1));
      const OrgUnit* cursor = &unit;
      for (size_t steps = 0; cursor != nullptr; ++steps) {
        if (steps > units_.size()) {
          throw UserError("org.cycle", "cây đơn vị có vòng lặp", "the org tree has a cycle",
                          Describe(unit));
        }
        cursor = ParentOf(*cursor, day);
      }
    }
  }
  std::unordered_map<std::string, double> split_shares;
  for (const OrgEvent& event : events_) {
    const OrgUnit* old_unit = FindByUid(event.old_uid);
    const OrgUnit* new_unit = FindByUid(event.new_uid);
    if (old_unit == nullptr || new_unit == nullptr) {
      throw UserError("org.event_unknown_unit",
                      "sự kiện sáp nhập/chia tách nêu đơn vị không tồn tại",
                      "a merge/split event names a unit that does not exist",
                      event.old_uid + " -> " + event.new_uid);
    }
    if (!old_unit->validity.Contains(event.date.AddDays(-1)) ||
        !new_unit->validity.Contains(event.date)) {
      throw UserError("org.event_dates",
                      "đơn vị cũ phải tồn tại ngày trước " + event.date.ToString() +
                          " và đơn vị mới phải tồn tại từ ngày đó",
                      "the old unit must exist the day before " + event.date.ToString() +
                          " and the new unit on that day",
                      Describe(*old_unit) + " -> " + Describe(*new_unit));
    }
    if (!(event.share > 0 && event.share <= 1)) {
      throw UserError("org.event_share", "tỷ lệ chia tách phải trong (0, 1]",
                      "a split share must be in (0, 1]", Describe(*old_unit));
    }
    if (event.kind == OrgEventKind::kSplit) split_shares[event.old_uid] += event.share;
  }
  for (const auto& [uid, total] : split_shares) {
    if (total > 1 + 1e-9) {
      throw UserError("org.split_shares", "tổng tỷ lệ chia tách của một đơn vị vượt quá 1",
                      "the split shares of one unit add up to more than 1",
                      Describe(*FindByUid(uid)));
    }
  }
}

const OrgUnit* OrgHierarchy::FindByUid(std::string_view uid) const {
  int index = IndexOf(uid);
  return index < 0 ? nullptr : &units_[static_cast<size_t>(index)];
}

const OrgUnit* OrgHierarchy::FindByCode(std::string_view code, Date day) const {
  auto it = indexes_by_code_.find(std::string(code));
  if (it == indexes_by_code_.end()) return nullptr;
  for (int index : it->second) {
    if (units_[static_cast<size_t>(index)].validity.Contains(day)) {
      return &units_[static_cast<size_t>(index)];
    }
  }
  return nullptr;
}

const OrgUnit* OrgHierarchy::FindLatestByCode(std::string_view code) const {
  auto it = indexes_by_code_.find(std::string(code));
  if (it == indexes_by_code_.end()) return nullptr;
  return &units_[static_cast<size_t>(it->second.back())];  // sorted by opening date
}

const OrgUnit* OrgHierarchy::ParentOf(const OrgUnit& unit, Date day) const {
  int index = IndexOf(unit.uid);
  if (index < 0) return nullptr;
  for (const Link& link : parents_[static_cast<size_t>(index)]) {
    if (link.validity.Contains(day)) return &units_[static_cast<size_t>(link.parent)];
  }
  return nullptr;
}

std::vector<const OrgUnit*> OrgHierarchy::ChildrenOf(const OrgUnit& unit, Date day) const {
  std::vector<const OrgUnit*> out;
  int index = IndexOf(unit.uid);
  if (index < 0 || !unit.validity.Contains(day)) return out;
  for (int child : children_[static_cast<size_t>(index)]) {
    const OrgUnit& candidate = units_[static_cast<size_t>(child)];
    if (candidate.validity.Contains(day) && ParentOf(candidate, day) == &unit) {
      out.push_back(&candidate);
    }
  }
  return out;
}

std::vector<const OrgUnit*> OrgHierarchy::DescendantsOf(const OrgUnit& unit, Date day) const {
  std::vector<const OrgUnit*> out;
  std::function<void(const OrgUnit&)> visit = [&](const OrgUnit& node) {
    for (const OrgUnit* child : ChildrenOf(node, day)) {
      out.push_back(child);
      visit(*child);
    }
  };
  visit(unit);
  return out;
}

std::vector<const OrgUnit*> OrgHierarchy::TreeAsOf(Date day) const {
  std::vector<const OrgUnit*> out;
  for (const OrgUnit& unit : units_) {
    if (unit.validity.Contains(day) && ParentOf(unit, day) == nullptr) {
      out.push_back(&unit);
      auto below = DescendantsOf(unit, day);
      out.insert(out.end(), below.begin(), below.end());
    }
  }
  return out;
}

std::vector<OrgHierarchy::Transition> OrgHierarchy::SuccessorsOf(const OrgUnit& unit) const {
  std::vector<Transition> out;
  for (const OrgEvent& event : events_) {
    if (event.old_uid == unit.uid) {
      out.push_back({FindByUid(event.new_uid), event.date, event.kind, event.share});
    }
  }
  return out;
}

std::vector<OrgHierarchy::Transition> OrgHierarchy::PredecessorsOf(const OrgUnit& unit) const {
  std::vector<Transition> out;
  for (const OrgEvent& event : events_) {
    if (event.new_uid == unit.uid) {
      out.push_back({FindByUid(event.old_uid), event.date, event.kind, event.share});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Transition& a, const Transition& b) { return a.unit->code < b.unit->code; });
  return out;
}

}  // namespace solieu
