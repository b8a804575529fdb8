#include "exchange/metadata_import.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "core/org_hierarchy.h"

namespace solieu {
namespace {

bool SameNamed(const NamedObject& a, const NamedObject& b) {
  return a.code == b.code && a.name_vi == b.name_vi && a.name_en == b.name_en;
}

std::set<std::string> AsSet(const std::vector<std::string>& uids) {
  return {uids.begin(), uids.end()};
}

bool Same(const OrgUnitGroup& a, const OrgUnitGroup& b) {
  return SameNamed(a, b) && AsSet(a.member_uids) == AsSet(b.member_uids);
}
bool Same(const CategoryOption& a, const CategoryOption& b) {
  return SameNamed(a, b);
}
bool Same(const Category& a, const Category& b) {
  return SameNamed(a, b) && a.option_uids == b.option_uids;
}
bool Same(const CategoryCombo& a, const CategoryCombo& b) {
  return SameNamed(a, b) && a.category_uids == b.category_uids;
}
bool Same(const CategoryOptionCombo& a, const CategoryOptionCombo& b) {
  return SameNamed(a, b) && a.combo_uid == b.combo_uid && a.option_uids == b.option_uids;
}
bool Same(const DataElement& a, const DataElement& b) {
  return SameNamed(a, b) && a.value_type == b.value_type &&
         a.aggregation_type == b.aggregation_type && a.category_combo_uid == b.category_combo_uid &&
         a.unit_vi == b.unit_vi && a.unit_en == b.unit_en && a.description == b.description;
}
bool Same(const Indicator& a, const Indicator& b) {
  return SameNamed(a, b) && a.numerator == b.numerator && a.denominator == b.denominator &&
         a.factor == b.factor && a.unit_vi == b.unit_vi && a.unit_en == b.unit_en &&
         a.decimals == b.decimals && a.direction == b.direction && a.description == b.description;
}
bool Same(const Constant& a, const Constant& b) {
  return SameNamed(a, b) && a.value == b.value;
}
bool Same(const DataSet& a, const DataSet& b) {
  return SameNamed(a, b) && a.period_type == b.period_type && a.expiry_days == b.expiry_days &&
         a.assigned_to == b.assigned_to &&
         AsSet(a.data_element_uids) == AsSet(b.data_element_uids) &&
         AsSet(a.org_unit_uids) == AsSet(b.org_unit_uids);
}

template <typename T>
TypeChanges Compare(const std::vector<T>& incoming, const std::vector<T>& stored) {
  std::unordered_map<std::string, const T*> by_uid;
  for (const T& o : stored) by_uid[o.uid] = &o;
  TypeChanges changes;
  for (const T& o : incoming) {
    auto found = by_uid.find(o.uid);
    if (found == by_uid.end()) {
      ++changes.created;
    } else if (Same(o, *found->second)) {
      ++changes.unchanged;
    } else {
      ++changes.updated;
    }
  }
  return changes;
}

// Org units compare with their parent links, which the package replaces.
TypeChanges CompareOrgUnits(const MetadataSnapshot& incoming, const MetadataSnapshot& stored) {
  auto links_of = [](const MetadataSnapshot& m) {
    std::unordered_map<std::string, std::vector<std::string>> out;
    for (const ParentLink& l : m.parent_links) {
      out[l.child_uid].push_back(l.parent_uid + "|" +
                                 (l.validity.from ? l.validity.from->ToString() : "") + "|" +
                                 (l.validity.to ? l.validity.to->ToString() : ""));
    }
    for (auto& [child, links] : out) std::sort(links.begin(), links.end());
    return out;
  };
  auto incoming_links = links_of(incoming);
  auto stored_links = links_of(stored);
  std::unordered_map<std::string, const OrgUnit*> by_uid;
  for (const OrgUnit& u : stored.org_units) by_uid[u.uid] = &u;
  TypeChanges changes;
  for (const OrgUnit& u : incoming.org_units) {
    auto found = by_uid.find(u.uid);
    if (found == by_uid.end()) {
      ++changes.created;
      continue;
    }
    const OrgUnit& s = *found->second;
    bool same = u.code == s.code && u.name_vi == s.name_vi && u.name_en == s.name_en &&
                u.level == s.level && u.facility_type == s.facility_type &&
                u.commune_type == s.commune_type && u.validity.from == s.validity.from &&
                u.validity.to == s.validity.to && u.note == s.note &&
                incoming_links[u.uid] == stored_links[u.uid];
    ++(same ? changes.unchanged : changes.updated);
  }
  return changes;
}

// The org tree as it will be once the package is applied; throws UserError if inconsistent.
void CheckMergedTree(const MetadataSnapshot& incoming, const MetadataSnapshot& stored) {
  std::unordered_map<std::string, size_t> position;
  std::vector<OrgUnit> units = stored.org_units;
  for (size_t i = 0; i < units.size(); ++i) position[units[i].uid] = i;
  std::set<std::string> replaced;
  for (const OrgUnit& u : incoming.org_units) {
    replaced.insert(u.uid);
    auto found = position.find(u.uid);
    if (found != position.end()) {
      units[found->second] = u;
    } else {
      units.push_back(u);
    }
  }
  std::vector<ParentLink> links;
  for (const ParentLink& l : stored.parent_links) {
    if (!replaced.contains(l.child_uid)) links.push_back(l);
  }
  links.insert(links.end(), incoming.parent_links.begin(), incoming.parent_links.end());
  OrgHierarchy check(std::move(units), std::move(links), stored.org_events);
}

}  // namespace

MetadataImportResult ImportDhis2MetadataText(Store& store, std::string_view json,
                                             const std::string& source_name,
                                             const Dhis2MetadataOptions& options, bool dry_run) {
  MetadataSnapshot stored = store.LoadMetadata();
  MetadataImportResult result;
  result.dry_run = dry_run;
  result.package = ReadDhis2Metadata(json, source_name, stored, options);
  const MetadataSnapshot& incoming = result.package.snapshot;
  try {
    CheckMergedTree(incoming, stored);
  } catch (const UserError& e) {
    throw UserError(e.code(), "cây đơn vị sau khi nhập sẽ mâu thuẫn: " + e.message_vi(),
                    "the org tree would be inconsistent after the import: " + e.message_en(),
                    source_name + (e.where().empty() ? "" : " " + e.where()));
  }

  auto& changes = result.changes;
  auto record = [&](const std::string& collection, TypeChanges c) {
    if (c.created + c.updated + c.unchanged > 0) changes[collection] = c;
  };
  record("organisationUnits", CompareOrgUnits(incoming, stored));
  record("organisationUnitGroups", Compare(incoming.org_unit_groups, stored.org_unit_groups));
  record("categoryOptions", Compare(incoming.category_options, stored.category_options));
  record("categories", Compare(incoming.categories, stored.categories));
  record("categoryCombos", Compare(incoming.category_combos, stored.category_combos));
  record("categoryOptionCombos",
         Compare(incoming.category_option_combos, stored.category_option_combos));
  record("dataElements", Compare(incoming.data_elements, stored.data_elements));
  record("dataSets", Compare(incoming.data_sets, stored.data_sets));
  record("indicators", Compare(incoming.indicators, stored.indicators));
  record("constants", Compare(incoming.constants, stored.constants));

  if (!dry_run) store.ApplyMetadata(incoming);
  return result;
}

MetadataImportResult ImportDhis2Metadata(Store& store, const std::string& path,
                                         const Dhis2MetadataOptions& options, bool dry_run) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UserError("exchange.cannot_open", "không mở được tệp '" + path + "'",
                    "cannot open file '" + path + "'", path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ImportDhis2MetadataText(store, text.str(), path, options, dry_run);
}

}  // namespace solieu
