#include "server/analytics_request.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <cmath>
#include <sstream>

#include "server/http_error.h"
#include "server/relative_periods.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr size_t kMaxItems = 1000;
constexpr size_t kMaxCells = 2'000'000;

[[noreturn]] void Bad(const std::string& code, const std::string& vi, const std::string& en,
                      const std::string& where) {
  throw HttpError(400, code, vi, en, where);
}

std::vector<std::string> SplitItems(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

const OrgUnit* FindUnit(const OrgHierarchy& hierarchy, const std::string& id, Date day) {
  const OrgUnit* unit = hierarchy.FindByUid(id);
  return unit ? unit : hierarchy.FindByCode(id, day);
}

}  // namespace

std::string AnalyticsNumber(double value, const Indicator* indicator) {
  int decimals = indicator ? indicator->decimals : 6;
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;  // half away from zero
  std::ostringstream out;
  out.precision(decimals);
  out << std::fixed << rounded;
  std::string text = out.str();
  if (text.rfind("-0", 0) == 0 && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);  // no "-0.0"
  }
  if (!indicator && text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);  // trailing zeros of a data element mean nothing
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

AnalyticsPlan PlanAnalytics(const Analytics& analytics, const QueryParams& params,
                            const OrgScope& scope, Date today) {
  AnalyticsPlan plan;
  std::vector<std::string> pe, ou;
  auto take = [&](const std::string& spec, const char* where, bool filter) {
    size_t colon = spec.find(':');
    std::string name = spec.substr(0, colon == std::string::npos ? spec.size() : colon);
    if (colon == std::string::npos || (name != "dx" && name != "pe" && name != "ou")) {
      Bad("api.bad_dimension", "chiều '" + spec + "' phải có dạng dx:..., pe:... hoặc ou:...",
          "dimension '" + spec + "' must be dx:..., pe:... or ou:...", where);
    }
    std::vector<std::string> items = SplitItems(spec.substr(colon + 1));
    if (filter && items.size() != 1) {
      Bad("api.filter_items", "bộ lọc '" + spec + "' chỉ được có một mục",
          "filter '" + spec + "' must have exactly one item", where);
    }
    auto& target = name == "dx" ? plan.dx : name == "pe" ? pe : ou;
    target.insert(target.end(), items.begin(), items.end());
    if (target.size() > kMaxItems) {
      Bad("api.query_too_large", "quá nhiều mục trong chiều " + name,
          "too many items in dimension " + name, where);
    }
  };
  for (const std::string& d : params.All("dimension")) take(d, "dimension", false);
  for (const std::string& f : params.All("filter")) take(f, "filter", true);
  if (plan.dx.empty() || pe.empty()) {
    Bad("api.missing_dimension", "cần các chiều dx và pe (ou mặc định là đơn vị của người dùng)",
        "the dx and pe dimensions are required (ou defaults to the user's units)", "dimension");
  }
  AnalyticsQuery& query = plan.query;
  query.dx = plan.dx;
  std::string structure = params.Get("structure").value_or("today");
  if (structure == "today") {
    query.structure = Structure::kOnDate;
  } else if (structure == "as-it-was") {
    query.structure = Structure::kAsItWas;
  } else {
    Bad("api.bad_structure", "structure phải là today hoặc as-it-was",
        "structure must be today or as-it-was", "structure");
  }
  query.structure_date = today;
  if (auto as_of = params.Get("asOf")) {
    auto day = Date::Parse(*as_of);
    if (!day) {
      Bad("api.invalid_date", "ngày '" + *as_of + "' không hợp lệ", "invalid date '" + *as_of + "'",
          "asOf");
    }
    query.structure_date = *day;
  }
  for (const std::string& id : pe) {
    if (auto relative = RelativePeriods(id, today)) {
      query.periods.insert(query.periods.end(), relative->begin(), relative->end());
      continue;
    }
    auto period = Period::Parse(id);
    if (!period) {
      Bad("api.invalid_period", "kỳ '" + id + "' không hợp lệ", "invalid period '" + id + "'",
          "pe");
    }
    query.periods.push_back(*period);
  }
  // Repeated items (202508 and LAST_12_MONTHS in September) are answered once, as DHIS2 does.
  std::vector<Period> periods;
  for (const Period& p : query.periods) {
    if (std::find(periods.begin(), periods.end(), p) == periods.end()) periods.push_back(p);
  }
  query.periods = std::move(periods);
  std::vector<std::string> dx;
  for (const std::string& d : plan.dx) {
    if (std::find(dx.begin(), dx.end(), d) == dx.end()) dx.push_back(d);
  }
  plan.dx = dx;
  query.dx = std::move(dx);
  if (query.periods.size() > kMaxItems) {
    Bad("api.query_too_large", "quá nhiều kỳ", "too many periods", "pe");
  }

  const OrgHierarchy& hierarchy = analytics.hierarchy();
  Date first = query.periods.front().start(), last = query.periods.front().end();
  for (const Period& p : query.periods) {
    first = std::min(first, p.start());
    last = std::max(last, p.end());
  }
  bool on_date = query.structure == Structure::kOnDate;
  // The day a code is resolved on, and the tree the scope is checked in.
  Date resolve_day = on_date ? query.structure_date : last;
  std::vector<const OrgUnit*> roots;
  std::vector<int> levels;
  bool user_units = false;
  for (const std::string& id : ou) {
    if (id.rfind("LEVEL-", 0) == 0) {
      std::string digits = id.substr(6);
      int level = digits.size() == 1 ? digits[0] - '0' : 0;
      if (level < 1 || level > 4) {
        Bad("api.bad_level", "cấp '" + id + "' phải từ LEVEL-1 đến LEVEL-4",
            "level '" + id + "' must be LEVEL-1 to LEVEL-4", "ou");
      }
      levels.push_back(level);
      continue;
    }
    if (id == "USER_ORGUNIT") {
      user_units = true;
      continue;
    }
    const OrgUnit* unit = FindUnit(hierarchy, id, resolve_day);
    if (unit == nullptr && !on_date) unit = FindUnit(hierarchy, id, first);
    if (unit == nullptr) {
      Bad("api.unknown_org_unit", "không có đơn vị '" + id + "' trong cách nhìn này",
          "no org unit '" + id + "' in this view", "ou");
    }
    Date day = resolve_day;
    if (unit->validity.to && *unit->validity.to <= day) day = unit->validity.to->AddDays(-1);
    if (!scope.Contains(*unit, day)) {
      throw HttpError(403, "auth.out_of_scope",
                      "đơn vị " + unit->code + " nằm ngoài phạm vi được giao",
                      "org unit " + unit->code + " is outside your units", "ou");
    }
    roots.push_back(unit);
  }
  if (roots.empty() || user_units) {
    for (const OrgUnit* root : scope.roots()) roots.push_back(root);
  }
  if (levels.empty()) {
    plan.units = roots;
  } else {
    Validity span{first, last.AddDays(1)};
    for (int level : levels) {
      for (const OrgUnit& u : hierarchy.units()) {
        bool open = on_date ? u.validity.Contains(query.structure_date) : u.validity.Overlaps(span);
        if (!open || static_cast<int>(u.level) != level) continue;
        Date day = on_date ? query.structure_date
                           : std::min(last, u.validity.to ? u.validity.to->AddDays(-1) : last);
        bool under_root = false;
        int steps = 0;
        for (const OrgUnit* c = &u; c != nullptr && !under_root && steps < 64;
             c = hierarchy.ParentOf(*c, day), ++steps) {
          under_root = std::find(roots.begin(), roots.end(), c) != roots.end();
        }
        if (under_root) plan.units.push_back(&u);
      }
    }
  }
  if (plan.units.empty()) {
    Bad("api.no_org_units", "không có đơn vị nào khớp chiều ou trong phạm vi của bạn",
        "no org unit matches the ou dimension within your units", "ou");
  }
  if (plan.units.size() * query.periods.size() * plan.dx.size() > kMaxCells) {
    Bad("api.query_too_large", "truy vấn quá lớn; hãy chia nhỏ", "the query is too large; split it",
        "dimension");
  }
  std::vector<const OrgUnit*> units;
  for (const OrgUnit* u : plan.units) {
    if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
  }
  plan.units = std::move(units);
  for (const OrgUnit* u : plan.units) query.org_units.push_back(u->uid);
  return plan;
}

json::object AnalyticsJson(const Analytics& analytics, const AnalyticsPlan& plan,
                           const AnalyticsResult& result) {
  const MetadataSnapshot& m = analytics.metadata();
  auto header = [](const char* name, const char* column, bool meta) {
    return json::object{{"name", name},
                        {"column", column},
                        {"valueType", meta ? "TEXT" : "NUMBER"},
                        {"type", meta ? "java.lang.String" : "java.lang.Double"},
                        {"hidden", false},
                        {"meta", meta}};
  };
  json::array headers{header("dx", "Data", true), header("pe", "Period", true),
                      header("ou", "Organisation unit", true), header("value", "Value", false)};
  json::object items{{"dx", {{"name", "Data"}}},
                     {"pe", {{"name", "Period"}}},
                     {"ou", {{"name", "Organisation unit"}}}};
  // Rows name items by uid, as DHIS2 does; a data element with an option combo as "de.coc".
  std::vector<std::string> dx_ids;
  std::vector<const Indicator*> indicators;
  for (const std::string& id : plan.dx) {
    const Indicator* indicator = analytics.FindIndicator(id);
    indicators.push_back(indicator);
    if (indicator) {
      dx_ids.push_back(indicator->uid);
      items[indicator->uid] = {{"name", indicator->name_vi}, {"code", indicator->code}};
      continue;
    }
    // A data set's reporting rate, "ds.REPORTING_RATE", named by uid as DHIS2 does.
    if (size_t dot = id.rfind('.'); dot != std::string::npos) {
      ReportingRateMetric metric;
      int data_set = analytics.forms().DataSetIndex(id.substr(0, dot));
      if (data_set >= 0 &&
          ParseReportingRateMetric(std::string_view(id).substr(dot + 1), &metric)) {
        const DataSet& d = analytics.forms().DataSetAt(data_set);
        std::string metric_name(ReportingRateMetricName(metric));
        dx_ids.push_back(d.uid + "." + metric_name);
        items[dx_ids.back()] = {{"name", d.name_vi + " - " + metric_name},
                                {"code", d.code + "." + metric_name}};
        continue;
      }
    }
    std::string element_id = id.substr(0, id.find('.'));
    std::string uid = id;
    for (const DataElement& d : m.data_elements) {
      if (d.uid != element_id && d.code != element_id) continue;
      uid = d.uid;
      std::string name = d.name_vi;
      if (id.find('.') != std::string::npos) {
        std::string combo_id = id.substr(id.find('.') + 1);
        for (const CategoryOptionCombo& c : m.category_option_combos) {
          if (c.uid == combo_id || c.code == combo_id) {
            uid += "." + c.uid;
            name += " (" + c.name_vi + ")";
          }
        }
      }
      items[uid] = {{"name", name}, {"code", id}};
    }
    dx_ids.push_back(uid);
  }
  json::array dx_dimension, pe_dimension, ou_dimension;
  for (const std::string& uid : dx_ids) dx_dimension.push_back(json::value(uid));
  for (const Period& p : plan.query.periods) {
    pe_dimension.push_back(json::value(p.Id()));
    items[p.Id()] = {{"name", p.LabelVi()}, {"nameEn", p.LabelEn()}};
  }
  for (const OrgUnit* u : plan.units) {
    ou_dimension.push_back(json::value(u->uid));
    items[u->uid] = {{"name", u->name_vi}, {"code", u->code}};
  }
  json::array rows;
  for (size_t d = 0; d < dx_ids.size(); ++d) {
    for (size_t p = 0; p < plan.query.periods.size(); ++p) {
      for (size_t u = 0; u < plan.units.size(); ++u) {
        const std::optional<double>& value = result.At(d, p, u);
        if (!value) continue;
        rows.push_back(json::array{json::value(dx_ids[d]), json::value(plan.query.periods[p].Id()),
                                   json::value(plan.units[u]->uid),
                                   json::value(AnalyticsNumber(*value, indicators[d]))});
      }
    }
  }
  size_t height = rows.size();
  return {{"headers", std::move(headers)},
          {"metaData",
           {{"items", std::move(items)},
            {"dimensions",
             {{"dx", std::move(dx_dimension)},
              {"pe", std::move(pe_dimension)},
              {"ou", std::move(ou_dimension)},
              {"co", json::array()}}}}},
          {"rows", std::move(rows)},
          {"height", height},
          {"width", 4},
          {"headerWidth", 4}};
}

}  // namespace solieu::server
