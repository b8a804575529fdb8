#include "exchange/metadata_index.h"

#include <algorithm>

namespace solieu {
namespace {

// Whether a unit is open on some day of `period`.
bool OpenDuring(const OrgUnit& unit, const Period& period) {
  const Validity& v = unit.validity;
  return (!v.from || *v.from <= period.end()) && (!v.to || period.start() < *v.to);
}

template <typename T>
Match<T> Pick(const std::vector<T>& objects, const std::vector<uint32_t>* candidates) {
  Match<T> out;
  if (candidates == nullptr || candidates->empty()) return out;
  if (candidates->size() > 1) {
    out.ambiguous = true;
    return out;
  }
  out.object = &objects[candidates->front()];
  return out;
}

}  // namespace

void MetadataIndex::Keys::Add(const NamedObject& object, uint32_t position) {
  by_uid.emplace(object.uid, position);
  if (!object.code.empty()) by_code[object.code].push_back(position);
  if (!object.name_en.empty()) by_name[object.name_en].push_back(position);
  if (!object.name_vi.empty() && object.name_vi != object.name_en) {
    by_name[object.name_vi].push_back(position);
  }
}

const std::vector<uint32_t>* MetadataIndex::Keys::Candidates(std::string_view id, IdScheme scheme,
                                                             std::vector<uint32_t>* scratch) const {
  std::string key(id);
  switch (scheme) {
    case IdScheme::kUid: {
      auto found = by_uid.find(key);
      if (found == by_uid.end()) return nullptr;
      *scratch = {found->second};
      return scratch;
    }
    case IdScheme::kCode: {
      auto found = by_code.find(key);
      return found == by_code.end() ? nullptr : &found->second;
    }
    case IdScheme::kName: {
      auto found = by_name.find(key);
      return found == by_name.end() ? nullptr : &found->second;
    }
  }
  return nullptr;
}

MetadataIndex::MetadataIndex(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy)
    : metadata_(metadata), hierarchy_(hierarchy) {
  for (size_t i = 0; i < metadata.data_elements.size(); ++i) {
    data_elements_.Add(metadata.data_elements[i], static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < metadata.data_sets.size(); ++i) {
    data_sets_.Add(metadata.data_sets[i], static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < metadata.category_option_combos.size(); ++i) {
    option_combos_.Add(metadata.category_option_combos[i], static_cast<uint32_t>(i));
  }
  for (const OrgUnit& unit : hierarchy.units()) {
    units_by_name_[unit.name_en].push_back(&unit);
    if (unit.name_vi != unit.name_en) units_by_name_[unit.name_vi].push_back(&unit);
  }
}

Match<DataElement> MetadataIndex::FindDataElement(std::string_view id, IdScheme scheme) const {
  std::vector<uint32_t> scratch;
  return Pick(metadata_.data_elements, data_elements_.Candidates(id, scheme, &scratch));
}

Match<DataSet> MetadataIndex::FindDataSet(std::string_view id, IdScheme scheme) const {
  std::vector<uint32_t> scratch;
  return Pick(metadata_.data_sets, data_sets_.Candidates(id, scheme, &scratch));
}

Match<CategoryOptionCombo> MetadataIndex::FindOptionCombo(
    std::string_view id, IdScheme scheme, std::string_view preferred_combo_uid) const {
  std::vector<uint32_t> scratch;
  const std::vector<uint32_t>* candidates = option_combos_.Candidates(id, scheme, &scratch);
  if (candidates != nullptr && candidates->size() > 1 && !preferred_combo_uid.empty()) {
    std::vector<uint32_t> preferred;
    for (uint32_t i : *candidates) {
      if (metadata_.category_option_combos[i].combo_uid == preferred_combo_uid) {
        preferred.push_back(i);
      }
    }
    if (!preferred.empty()) return Pick(metadata_.category_option_combos, &preferred);
  }
  return Pick(metadata_.category_option_combos, candidates);
}

Match<OrgUnit> MetadataIndex::FindOrgUnit(std::string_view id, IdScheme scheme,
                                          const Period* period) const {
  Match<OrgUnit> out;
  switch (scheme) {
    case IdScheme::kUid:
      out.object = hierarchy_.FindByUid(id);
      return out;
    case IdScheme::kCode:
      if (period != nullptr) {
        out.object = hierarchy_.FindByCode(id, period->start());
        if (out.object == nullptr) out.object = hierarchy_.FindByCode(id, period->end());
      }
      if (out.object == nullptr) out.object = hierarchy_.FindLatestByCode(id);
      return out;
    case IdScheme::kName: {
      auto found = units_by_name_.find(std::string(id));
      if (found == units_by_name_.end()) return out;
      std::vector<const OrgUnit*> open;
      for (const OrgUnit* unit : found->second) {
        if (period == nullptr || OpenDuring(*unit, *period)) open.push_back(unit);
      }
      if (open.size() > 1) {
        out.ambiguous = true;
        return out;
      }
      if (open.size() == 1) {
        out.object = open.front();
        return out;
      }
      // None open then: the latest opened, to be reported closed.
      out.object = *std::max_element(
          found->second.begin(), found->second.end(),
          [](const OrgUnit* a, const OrgUnit* b) { return a->validity.from < b->validity.from; });
      return out;
    }
  }
  return out;
}

const std::string& MetadataIndex::IdOf(const NamedObject& object, IdScheme scheme) {
  switch (scheme) {
    case IdScheme::kUid:
      return object.uid;
    case IdScheme::kCode:
      return object.code.empty() ? object.uid : object.code;
    case IdScheme::kName:
      return object.name_en.empty() ? object.name_vi : object.name_en;
  }
  return object.uid;
}

const std::string& MetadataIndex::IdOf(const OrgUnit& unit, IdScheme scheme) {
  switch (scheme) {
    case IdScheme::kUid:
      return unit.uid;
    case IdScheme::kCode:
      return unit.code.empty() ? unit.uid : unit.code;
    case IdScheme::kName:
      return unit.name_en.empty() ? unit.name_vi : unit.name_en;
  }
  return unit.uid;
}

uint32_t MetadataIndex::PositionOf(const DataElement& element) const {
  return static_cast<uint32_t>(&element - metadata_.data_elements.data());
}

uint32_t MetadataIndex::PositionOf(const CategoryOptionCombo& combo) const {
  return static_cast<uint32_t>(&combo - metadata_.category_option_combos.data());
}

uint32_t MetadataIndex::PositionOf(const OrgUnit& unit) const {
  return static_cast<uint32_t>(&unit - hierarchy_.units().data());
}

const DataElement* MetadataIndex::DataElementByUid(std::string_view uid) const {
  auto found = data_elements_.by_uid.find(std::string(uid));
  return found == data_elements_.by_uid.end() ? nullptr : &metadata_.data_elements[found->second];
}

const CategoryOptionCombo* MetadataIndex::OptionComboByUid(std::string_view uid) const {
  auto found = option_combos_.by_uid.find(std::string(uid));
  return found == option_combos_.by_uid.end() ? nullptr
                                              : &metadata_.category_option_combos[found->second];
}

}  // namespace solieu
