// generate/metadata_json: writing the DHIS2 metadata package.
#include "generate/metadata_json.h"

#include <boost/json.hpp>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "core/error.h"

namespace solieu::generate {
namespace {

namespace json = boost::json;

json::object Ref(const std::string& uid) {
  return {{"id", uid}};
}

json::array Refs(const std::vector<std::string>& uids) {
  json::array out;
  for (const auto& uid : uids) out.push_back(Ref(uid));
  return out;
}

// Named objects and org units alike (OrgUnit is not a NamedObject).
template <typename T>
json::object Named(const T& o) {
  json::object j;
  j["id"] = o.uid;
  j["code"] = o.code;
  j["name"] = o.name_vi;
  j["shortName"] = o.name_vi.size() <= 50 ? o.name_vi : o.code;
  j["translations"] =
      json::array{json::object{{"property", "NAME"}, {"locale", "vi"}, {"value", o.name_vi}},
                  json::object{{"property", "NAME"}, {"locale", "en"}, {"value", o.name_en}}};
  return j;
}

}  // namespace

std::string MetadataJson(const MetadataSnapshot& m) {
  std::unordered_map<std::string, std::string> parent;
  for (const ParentLink& l : m.parent_links) parent[l.child_uid] = l.parent_uid;
  std::unordered_map<std::string, std::string> path;  // "/root/.../uid"
  json::array units;
  int depth_of[5] = {0, 1, 0, 2, 3};  // by OrgLevel: province 1, commune 2, facility 3
  for (const OrgUnit& u : m.org_units) {
    json::object j = Named(u);
    auto p = parent.find(u.uid);
    std::string parent_path = p == parent.end() ? "" : path[p->second];
    path[u.uid] = parent_path + "/" + u.uid;
    j["path"] = path[u.uid];
    j["level"] = depth_of[static_cast<int>(u.level)];
    j["openingDate"] = "1900-01-01T00:00:00.000";
    if (p != parent.end()) j["parent"] = Ref(p->second);
    if (!u.note.empty()) j["comment"] = u.note;
    units.push_back(std::move(j));
  }
  json::array levels = {
      json::object{{"id", "gLvProvince"}, {"level", 1}, {"name", "Tỉnh / Province"}},
      json::object{{"id", "gLvCommune0"}, {"level", 2}, {"name", "Xã / Commune"}},
      json::object{{"id", "gLvFacility"}, {"level", 3}, {"name", "Cơ sở y tế / Facility"}}};
  json::array groups;
  for (const auto& g : m.org_unit_groups) {
    json::object j = Named(g);
    j["organisationUnits"] = Refs(g.member_uids);
    groups.push_back(std::move(j));
  }
  json::array options, categories, combos, cocs;
  for (const auto& o : m.category_options) options.push_back(Named(o));
  for (const auto& c : m.categories) {
    json::object j = Named(c);
    j["dataDimensionType"] = "DISAGGREGATION";
    j["categoryOptions"] = Refs(c.option_uids);
    categories.push_back(std::move(j));
  }
  for (const auto& c : m.category_combos) {
    json::object j = Named(c);
    j["dataDimensionType"] = "DISAGGREGATION";
    j["categories"] = Refs(c.category_uids);
    combos.push_back(std::move(j));
  }
  for (const auto& c : m.category_option_combos) {
    json::object j = Named(c);
    j["categoryCombo"] = Ref(c.combo_uid);
    j["categoryOptions"] = Refs(c.option_uids);
    cocs.push_back(std::move(j));
  }
  json::array elements;
  for (const auto& d : m.data_elements) {
    json::object j = Named(d);
    j["domainType"] = "AGGREGATE";
    j["valueType"] = std::string(ValueTypeName(d.value_type));
    j["aggregationType"] = std::string(AggregationTypeName(d.aggregation_type));
    j["categoryCombo"] = Ref(d.category_combo_uid);
    if (!d.description.empty()) j["description"] = d.description;
    elements.push_back(std::move(j));
  }
  // One indicator type per factor in use, as DHIS2 models the factor.
  json::array types, indicators;
  std::unordered_map<double, std::string> type_of;
  for (const auto& i : m.indicators) {
    auto [it, added] = type_of.emplace(i.factor, "");
    if (added) {
      std::string id = "gIndType" + std::to_string(type_of.size() - 1);
      id.resize(11, '0');
      it->second = id;
      types.push_back(json::object{{"id", id},
                                   {"name", "Hệ số / factor " + std::to_string(i.factor)},
                                   {"factor", i.factor}});
    }
    json::object j = Named(i);
    j["numerator"] = i.numerator;
    j["denominator"] = i.denominator;
    j["decimals"] = i.decimals;
    j["indicatorType"] = Ref(it->second);
    indicators.push_back(std::move(j));
  }
  json::array sets;
  for (const auto& s : m.data_sets) {
    json::object j = Named(s);
    j["periodType"] = s.period_type;
    j["expiryDays"] = s.expiry_days;
    json::array dse;
    for (const auto& uid : s.data_element_uids) {
      dse.push_back(json::object{{"dataElement", Ref(uid)}, {"dataSet", Ref(s.uid)}});
    }
    j["dataSetElements"] = std::move(dse);
    j["organisationUnits"] = Refs(s.org_unit_uids);
    sets.push_back(std::move(j));
  }
  json::object root;
  root["system"] = json::object{{"name", "solieu generate (synthetic / mô phỏng)"}};
  root["organisationUnitLevels"] = std::move(levels);
  root["organisationUnits"] = std::move(units);
  root["organisationUnitGroups"] = std::move(groups);
  root["categoryOptions"] = std::move(options);
  root["categories"] = std::move(categories);
  root["categoryCombos"] = std::move(combos);
  root["categoryOptionCombos"] = std::move(cocs);
  root["dataElements"] = std::move(elements);
  root["indicatorTypes"] = std::move(types);
  root["indicators"] = std::move(indicators);
  root["dataSets"] = std::move(sets);
  return json::serialize(root);
}

void WriteMetadataJson(const MetadataSnapshot& metadata, const std::string& path) {
  std::string text = MetadataJson(metadata);
  std::ofstream out(path, std::ios::binary);
  out << text << '\n';
  out.close();
  if (!out) {
    throw UserError("generate.write_failed",
                    "không ghi được tệp (" + std::string(std::strerror(errno)) + ")",
                    "cannot write the file (" + std::string(std::strerror(errno)) + ")", path);
  }
}

}  // namespace solieu::generate
