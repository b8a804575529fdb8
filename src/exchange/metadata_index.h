// exchange/metadata_index: finds stored metadata objects by the id an exchanged file uses for them
// under an id scheme (uid, code or name), and back. Names match either the Vietnamese or the
// English name exactly. Org units are looked up as of a period, since codes and names are reused
// over time. Depends on: core/metadata, core/org_hierarchy, core/period, exchange/id_scheme.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "exchange/id_scheme.h"

namespace solieu {

template <typename T>
struct Match {
  const T* object = nullptr;
  bool ambiguous = false;  // by code or name, more than one object fits
};

class MetadataIndex {
 public:
  // Both must outlive the index.
  MetadataIndex(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy);

  Match<DataElement> FindDataElement(std::string_view id, IdScheme scheme) const;
  Match<DataSet> FindDataSet(std::string_view id, IdScheme scheme) const;
  // By code or name, an option combo of `preferred_combo_uid` wins over others with the same code
  // or name (option combo codes are unique within a category combo only).
  Match<CategoryOptionCombo> FindOptionCombo(std::string_view id, IdScheme scheme,
                                             std::string_view preferred_combo_uid = {}) const;
  // By code or name: the unit holding it during `period`; when no such unit is open then, the
  // latest one that held it, so that the caller can report it closed. Without a period, the latest.
  Match<OrgUnit> FindOrgUnit(std::string_view id, IdScheme scheme, const Period* period) const;

  // The id of an object under `scheme`, for exports: uid, code (the uid when it has none) or
  // English name (DHIS2's name).
  static const std::string& IdOf(const NamedObject& object, IdScheme scheme);
  static const std::string& IdOf(const OrgUnit& unit, IdScheme scheme);

  // Positions in the snapshot's vectors and the hierarchy's units, for compact row keys.
  uint32_t PositionOf(const DataElement& element) const;
  uint32_t PositionOf(const CategoryOptionCombo& combo) const;
  uint32_t PositionOf(const OrgUnit& unit) const;

  const MetadataSnapshot& metadata() const { return metadata_; }
  const OrgHierarchy& hierarchy() const { return hierarchy_; }
  const DataElement* DataElementByUid(std::string_view uid) const;
  const CategoryOptionCombo* OptionComboByUid(std::string_view uid) const;

 private:
  // uid -> position, and code / name -> positions.
  struct Keys {
    std::unordered_map<std::string, uint32_t> by_uid;
    std::unordered_map<std::string, std::vector<uint32_t>> by_code;
    std::unordered_map<std::string, std::vector<uint32_t>> by_name;
    void Add(const NamedObject& object, uint32_t position);
    const std::vector<uint32_t>* Candidates(std::string_view id, IdScheme scheme,
                                            std::vector<uint32_t>* scratch) const;
  };

  const MetadataSnapshot& metadata_;
  const OrgHierarchy& hierarchy_;
  Keys data_elements_;
  Keys data_sets_;
  Keys option_combos_;
  std::unordered_map<std::string, std::vector<const OrgUnit*>> units_by_name_;
};

}  // namespace solieu
