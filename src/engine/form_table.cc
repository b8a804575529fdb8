#include "engine/form_table.h"

namespace solieu {

size_t FormTable::KeyHash::operator()(const std::array<std::int32_t, 4>& k) const {
  size_t h = 1469598103934665603ULL;
  for (std::int32_t v : k) h = (h ^ static_cast<std::uint32_t>(v)) * 1099511628211ULL;
  return h;
}

FormTable::FormTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy)
    : data_sets_(metadata.data_sets) {
  for (size_t i = 0; i < hierarchy.units().size(); ++i) {
    unit_index_[hierarchy.units()[i].uid] = static_cast<int>(i);
  }
  for (size_t i = 0; i < data_sets_.size(); ++i) {
    data_set_index_[data_sets_[i].uid] = static_cast<int>(i);
    data_set_index_.emplace(data_sets_[i].code, static_cast<int>(i));
    std::vector<int> units;
    for (const std::string& uid : data_sets_[i].org_unit_uids) {
      auto it = unit_index_.find(uid);
      if (it != unit_index_.end()) units.push_back(it->second);
    }
    assigned_.push_back(std::move(units));
  }
}

int FormTable::DataSetIndex(const std::string& key) const {
  auto it = data_set_index_.find(key);
  return it == data_set_index_.end() ? -1 : it->second;
}

void FormTable::Apply(const std::vector<FormCompletionWrite>& writes) {
  for (const FormCompletionWrite& w : writes) {
    int data_set = DataSetIndex(w.data_set);
    auto unit = unit_index_.find(w.org_unit_uid);
    if (data_set < 0 || unit == unit_index_.end()) continue;
    std::array<std::int32_t, 4> key{data_set, unit->second, w.period_start.days_since_epoch(),
                                    w.period_end.days_since_epoch()};
    if (w.completed_on) {
      completed_[key] = w.completed_on->days_since_epoch();
    } else {
      completed_.erase(key);
    }
  }
}

std::optional<Date> FormTable::CompletedOn(int data_set, int unit, Date period_start,
                                           Date period_end) const {
  auto it = completed_.find(
      {data_set, unit, period_start.days_since_epoch(), period_end.days_since_epoch()});
  if (it == completed_.end()) return std::nullopt;
  return Date::FromDays(it->second);
}

}  // namespace solieu
