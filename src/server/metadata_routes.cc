// GET /api/metadata/{orgUnits, dataElements, indicators, dataSets, categoryCombos}: what a client
// needs to build forms and pick analytics items. Org units are those of the user's subtrees as
// of a date (?asOf=YYYY-MM-DD, default today); the rest is the same for every user, except that
// data elements and indicators restricted to a user group say so ("userGroup") and whether this
// user may see their values ("restricted": true when not).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

json::object Named(const NamedObject& o) {
  return {{"id", o.uid}, {"code", o.code}, {"name", o.name_vi}, {"nameEn", o.name_en}};
}

json::value OptionalDate(const std::optional<Date>& day) {
  if (!day) return nullptr;
  return json::value(day->ToString());
}

json::array Strings(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& item : items) out.push_back(json::value(item));
  return out;
}

Response OrgUnits(ApiServices& services, RequestContext& context) {
  auto as_of = Param(context, "asOf", false);
  Date day = as_of ? ParseDateParam(*as_of, "asOf") : services.today();
  json::array units;
  services.analytics.Read([&](const Analytics& analytics) {
    const OrgHierarchy& hierarchy = analytics.hierarchy();
    OrgScope scope = ScopeOf(analytics, context.user());
    std::vector<const OrgUnit*> seen;
    for (const OrgUnit* root : scope.roots()) {
      if (!root->validity.Contains(day)) continue;
      std::vector<const OrgUnit*> subtree = {root};
      for (const OrgUnit* u : hierarchy.DescendantsOf(*root, day)) subtree.push_back(u);
      for (const OrgUnit* u : subtree) {
        if (std::find(seen.begin(), seen.end(), u) != seen.end()) continue;
        seen.push_back(u);
        json::object unit{
            {"id", u->uid}, {"code", u->code}, {"name", u->name_vi}, {"nameEn", u->name_en}};
        const OrgUnit* parent = hierarchy.ParentOf(*u, day);
        unit["level"] = OrgLevelName(u->level);
        unit["parent"] = parent ? json::value(parent->uid) : json::value(nullptr);
        unit["facilityType"] = u->facility_type;
        unit["openingDate"] = OptionalDate(u->validity.from);
        unit["closedDate"] = OptionalDate(u->validity.to);
        units.push_back(std::move(unit));
      }
    }
    return 0;
  });
  return JsonResponse(200, json::object{{"asOf", day.ToString()}, {"orgUnits", std::move(units)}});
}

template <typename Build>
Response Listing(ApiServices& services, const char* name, Build build) {
  json::array items = services.analytics.Read(
      [&](const Analytics& analytics) { return build(analytics.metadata()); });
  return JsonResponse(200, json::object{{name, std::move(items)}});
}

}  // namespace

void AddMetadataRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/metadata/orgUnits", Access::kUser,
             [&services](RequestContext& context) { return OrgUnits(services, context); });

  router.Add(http::verb::get, "/api/metadata/dataElements", Access::kUser,
             [&services](RequestContext& context) {
               const Principal& user = context.user();
               return Listing(services, "dataElements", [&user](const MetadataSnapshot& m) {
                 json::array out;
                 for (const DataElement& d : m.data_elements) {
                   json::object o = Named(d);
                   o["valueType"] = ValueTypeName(d.value_type);
                   o["aggregationType"] = AggregationTypeName(d.aggregation_type);
                   o["categoryCombo"] = d.category_combo_uid;
                   o["unit"] = d.unit_vi;
                   o["unitEn"] = d.unit_en;
                   o["description"] = d.description;
                   o["userGroup"] =
                       d.user_group.empty() ? json::value(nullptr) : json::value(d.user_group);
                   o["restricted"] = !MaySee(user, d);
                   out.push_back(std::move(o));
                 }
                 return out;
               });
             });

  router.Add(http::verb::get, "/api/metadata/indicators", Access::kUser,
             [&services](RequestContext& context) {
               const Principal& user = context.user();
               return Listing(services, "indicators", [&user](const MetadataSnapshot& m) {
                 HiddenItems hidden(m, user);
                 json::array out;
                 for (const Indicator& i : m.indicators) {
                   json::object o = Named(i);
                   o["numerator"] = i.numerator;
                   o["denominator"] = i.denominator;
                   o["factor"] = i.factor;
                   o["decimals"] = i.decimals;
                   o["direction"] = DirectionName(i.direction);
                   o["unit"] = i.unit_vi;
                   o["unitEn"] = i.unit_en;
                   o["restricted"] = hidden.Hides(i.uid);
                   out.push_back(std::move(o));
                 }
                 return out;
               });
             });

  router.Add(http::verb::get, "/api/metadata/dataSets", Access::kUser,
             [&services](RequestContext&) {
               return Listing(services, "dataSets", [](const MetadataSnapshot& m) {
                 json::array out;
                 for (const DataSet& d : m.data_sets) {
                   json::object o = Named(d);
                   o["periodType"] = d.period_type;
                   o["expiryDays"] = d.expiry_days;
                   o["dataElements"] = Strings(d.data_element_uids);
                   o["orgUnits"] = Strings(d.org_unit_uids);
                   out.push_back(std::move(o));
                 }
                 return out;
               });
             });

  router.Add(http::verb::get, "/api/metadata/categoryCombos", Access::kUser,
             [&services](RequestContext&) {
               return Listing(services, "categoryCombos", [](const MetadataSnapshot& m) {
                 json::array out;
                 for (const CategoryCombo& c : m.category_combos) {
                   json::object o = Named(c);
                   o["categories"] = Strings(c.category_uids);
                   json::array combos;
                   for (const CategoryOptionCombo& coc : m.category_option_combos) {
                     if (coc.combo_uid == c.uid) combos.push_back(Named(coc));
                   }
                   o["categoryOptionCombos"] = std::move(combos);
                   out.push_back(std::move(o));
                 }
                 return out;
               });
             });
}

}  // namespace solieu::server
