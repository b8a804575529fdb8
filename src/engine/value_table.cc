#include "engine/value_table.h"

#include <charconv>

namespace solieu {

std::optional<double> NumericValue(ValueType type, const std::string& text) {
  if (type == ValueType::kText) return std::nullopt;
  if (type == ValueType::kBoolean) return text == "true" ? 1.0 : 0.0;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

size_t ValueTable::KeyHash::operator()(const std::array<std::int32_t, 6>& k) const {
  size_t h = 1469598103934665603ULL;
  for (std::int32_t v : k) h = (h ^ static_cast<std::uint32_t>(v)) * 1099511628211ULL;
  return h;
}

ValueTable::ValueTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy)
    : elements_(metadata.data_elements), records_(metadata.data_elements.size()) {
  for (size_t i = 0; i < elements_.size(); ++i) {
    element_index_[elements_[i].uid] = static_cast<int>(i);
    element_index_.emplace(elements_[i].code, static_cast<int>(i));
  }
  for (size_t i = 0; i < metadata.category_option_combos.size(); ++i) {
    const auto& coc = metadata.category_option_combos[i];
    combo_index_[coc.uid] = static_cast<int>(i);
    combo_index_.emplace(coc.code, static_cast<int>(i));
  }
  for (size_t i = 0; i < hierarchy.units().size(); ++i) {
    unit_index_[hierarchy.units()[i].uid] = static_cast<int>(i);
  }
}

int ValueTable::ElementIndex(const std::string& key) const {
  auto it = element_index_.find(key);
  return it == element_index_.end() ? -1 : it->second;
}

int ValueTable::OptionComboIndex(const std::string& key) const {
  auto it = combo_index_.find(key);
  return it == combo_index_.end() ? -1 : it->second;
}

int ValueTable::UnitIndex(const std::string& uid) const {
  auto it = unit_index_.find(uid);
  return it == unit_index_.end() ? -1 : it->second;
}

size_t ValueTable::size() const {
  size_t n = 0;
  for (const auto& r : records_) n += r.size();
  return n;
}

void ValueTable::Put(int element, const ValueRecord& record, bool erase) {
  std::array<std::int32_t, 6> key{element,    record.unit,         record.start,
                                  record.end, record.option_combo, record.attribute_combo};
  auto& list = records_[static_cast<size_t>(element)];
  auto it = position_.find(key);
  if (it == position_.end()) {
    if (erase) return;
    position_.emplace(key, list.size());
    list.push_back(record);
    return;
  }
  if (!erase) {
    list[it->second].value = record.value;
    return;
  }
  // Swap-remove keeps the vector dense; the moved record's position is updated.
  size_t hole = it->second;
  position_.erase(it);
  if (hole != list.size() - 1) {
    list[hole] = list.back();
    const ValueRecord& moved = list[hole];
    position_[{element, moved.unit, moved.start, moved.end, moved.option_combo,
               moved.attribute_combo}] = hole;
  }
  list.pop_back();
}

void ValueTable::Apply(const std::vector<DataValueWrite>& writes) {
  for (const DataValueWrite& w : writes) {
    int element = ElementIndex(w.key.data_element_uid);
    int unit = UnitIndex(w.key.org_unit_uid);
    int coc = OptionComboIndex(w.key.category_option_combo_uid);
    int aoc = OptionComboIndex(w.key.attribute_option_combo_uid);
    if (element < 0 || unit < 0 || coc < 0 || aoc < 0) continue;
    ValueRecord record{
        unit, w.period_start.days_since_epoch(), w.period_end.days_since_epoch(), coc, aoc, 0};
    if (!w.value) {
      Put(element, record, true);
      continue;
    }
    auto number = NumericValue(Element(element).value_type, *w.value);
    if (!number) continue;
    record.value = *number;
    Put(element, record, false);
  }
}

}  // namespace solieu
