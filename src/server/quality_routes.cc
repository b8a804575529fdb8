// GET /api/validation and GET /api/outliers: the data-quality checks of src/quality on demand,
// for an org unit's subtree (within the user's units) and a range of periods: the validation
// rules' violations (each rule over its own period type) and the outlying stored values of a
// data set or of named data elements. A range is at most a year long, so that one request
// cannot hold a worker for minutes; the CLI (`solieu validate`, `solieu outliers`) has no limit.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <set>

#include "quality/outliers.h"
#include "quality/validation.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr int kMaxRangeDays = 366;

json::value Number(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::object UnitJson(const OrgUnit& unit) {
  return {{"id", unit.uid}, {"code", unit.code}, {"name", unit.name_vi}};
}

struct PeriodRange {
  Period from;
  Period to;
};

PeriodRange RangeParams(const RequestContext& context) {
  Period from = ParsePeriodParam(*Param(context, "from", true), "from");
  Period to = ParsePeriodParam(*Param(context, "to", true), "to");
  if (to.end() < from.start()) {
    throw HttpError(400, "api.empty_range", "kỳ cuối (to) trước kỳ đầu (from)",
                    "the last period (to) is before the first (from)", "to");
  }
  if (to.end().days_since_epoch() - from.start().days_since_epoch() >= kMaxRangeDays) {
    throw HttpError(400, "api.range_too_long",
                    "khoảng kỳ dài quá một năm; hãy chia nhỏ hoặc dùng lệnh solieu validate",
                    "the range is longer than a year; split it or use solieu validate", "to");
  }
  return {from, to};
}

// Codes or uids separated by ';' (DHIS2's list separator), each resolved by `find`.
template <typename T, typename Find>
std::vector<const T*> ListParam(const RequestContext& context, const char* name, Find find) {
  std::vector<const T*> out;
  auto text = Param(context, name, false);
  if (!text) return out;
  size_t start = 0;
  while (start <= text->size()) {
    size_t end = text->find(';', start);
    if (end == std::string::npos) end = text->size();
    std::string id = text->substr(start, end - start);
    const T* found = id.empty() ? nullptr : find(id);
    if (found == nullptr) {
      throw HttpError(400, "api.unknown_id", "không có '" + id + "' (tham số " + name + ")",
                      "no '" + id + "' (parameter " + name + ")", name);
    }
    out.push_back(found);
    start = end + 1;
  }
  return out;
}

Response Validation(ApiServices& services, RequestContext& context) {
  PeriodRange range = RangeParams(context);
  std::string org = *Param(context, "orgUnit", true);
  json::object body = services.analytics.Read([&](const Analytics& analytics) {
    const MetadataSnapshot& m = analytics.metadata();
    const OrgUnit& root = FindOrgUnitOr400(analytics.hierarchy(), org, range.to.end(), "orgUnit");
    RequireScope(analytics, context.user(), root, range.to);
    std::vector<ValidationRule> rules;
    for (const ValidationRule* rule :
         ListParam<ValidationRule>(context, "rule", [&](const std::string& id) {
           for (const ValidationRule& r : m.validation_rules) {
             if (r.code == id || r.uid == id) return &r;
           }
           return static_cast<const ValidationRule*>(nullptr);
         })) {
      rules.push_back(*rule);
    }
    if (rules.empty()) rules = m.validation_rules;
    // A rule's sides would show the values of elements the user may not see (HIV figures).
    HiddenItems hidden(m, context.user());
    std::erase_if(rules, [&](const ValidationRule& r) { return hidden.HidesRule(r); });
    std::set<std::string> types;
    for (const ValidationRule& r : rules) types.insert(r.period_type);
    std::vector<Period> periods;
    for (PeriodType type : {PeriodType::kDay, PeriodType::kWeek, PeriodType::kMonth,
                            PeriodType::kQuarter, PeriodType::kSixMonth, PeriodType::kYear}) {
      if (!types.count(std::string(PeriodTypeName(type)))) continue;
      for (const Period& p : Period::Covering(type, range.from.start(), range.to.end())) {
        if (range.from.start() <= p.start() && p.end() <= range.to.end()) periods.push_back(p);
      }
    }
    json::array out;
    for (const quality::Violation& v : quality::RunValidation(analytics, rules, root, periods)) {
      out.push_back(json::object{{"rule", v.rule->code},
                                 {"name", v.rule->name_vi},
                                 {"nameEn", v.rule->name_en},
                                 {"importance", ValidationImportanceName(v.importance)},
                                 {"period", v.period.Id()},
                                 {"orgUnit", UnitJson(*v.org_unit)},
                                 {"left", Number(v.left)},
                                 {"operator", ValidationOperatorName(v.rule->op)},
                                 {"right", Number(v.right)},
                                 {"instruction", v.rule->instruction_vi},
                                 {"instructionEn", v.rule->instruction_en}});
    }
    return json::object{{"orgUnit", UnitJson(root)},
                        {"rules", rules.size()},
                        {"periods", periods.size()},
                        {"violations", std::move(out)}};
  });
  return JsonResponse(200, body);
}

Response Outliers(ApiServices& services, RequestContext& context) {
  PeriodRange range = RangeParams(context);
  std::string org = *Param(context, "orgUnit", true);
  quality::OutlierMethod method = quality::OutlierMethod::kModifiedZScore;
  if (auto name = Param(context, "method", false)) {
    if (!quality::ParseOutlierMethod(*name, &method)) {
      throw HttpError(400, "api.bad_method",
                      "phương pháp '" + *name + "' không có (z, modified-z, min-max)",
                      "no method '" + *name + "' (z, modified-z, min-max)", "method");
    }
  }
  double threshold = quality::DefaultThreshold(method);
  if (auto text = Param(context, "threshold", false)) {
    char* end = nullptr;
    threshold = std::strtod(text->c_str(), &end);
    if (end != text->c_str() + text->size() || !(threshold > 0) || threshold > 100) {
      throw HttpError(400, "api.bad_threshold", "ngưỡng phải là một số dương (ví dụ 3.5)",
                      "the threshold must be a positive number (e.g. 3.5)", "threshold");
    }
  }
  json::object body = services.analytics.Read([&](const Analytics& analytics) {
    const MetadataSnapshot& m = analytics.metadata();
    const OrgUnit& root = FindOrgUnitOr400(analytics.hierarchy(), org, range.to.end(), "orgUnit");
    RequireScope(analytics, context.user(), root, range.to);
    std::vector<std::string> uids;
    for (const DataElement* e : ListParam<DataElement>(context, "dataElement", [&](auto& id) {
           for (const DataElement& d : m.data_elements) {
             if (d.code == id || d.uid == id) return &d;
           }
           return static_cast<const DataElement*>(nullptr);
         })) {
      RequireMaySee(context.user(), *e, "dataElement");
      uids.push_back(e->uid);
    }
    for (const DataSet* s : ListParam<DataSet>(context, "dataSet", [&](auto& id) {
           for (const DataSet& d : m.data_sets) {
             if (d.code == id || d.uid == id) return &d;
           }
           return static_cast<const DataSet*>(nullptr);
         })) {
      for (const std::string& uid : s->data_element_uids) {
        auto element = std::find_if(m.data_elements.begin(), m.data_elements.end(),
                                    [&](const DataElement& d) { return d.uid == uid; });
        if (element != m.data_elements.end() && MaySee(context.user(), *element)) {
          uids.push_back(uid);
        }
      }
    }
    if (uids.empty()) {
      throw HttpError(400, "api.missing_parameter", "cần tham số dataSet hoặc dataElement",
                      "give dataSet or dataElement", "dataSet");
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    json::array out;
    for (const quality::Outlier& x : quality::DetectOutliers(
             analytics, uids, root, range.from.start(), range.to.end(), method, threshold)) {
      out.push_back(json::object{
          {"dataElement",
           json::object{
               {"id", x.element->uid}, {"code", x.element->code}, {"name", x.element->name_vi}}},
          {"categoryOptionCombo",
           x.option_combo ? json::value(x.option_combo->uid) : json::value(nullptr)},
          {"period", x.period.Id()},
          {"orgUnit", UnitJson(*x.org_unit)},
          {"value", x.stats.value},
          {"centre", x.stats.centre},
          {"score", x.stats.score},
          {"lower", x.stats.lower},
          {"upper", x.stats.upper}});
    }
    return json::object{{"orgUnit", UnitJson(root)},
                        {"method", quality::OutlierMethodName(method)},
                        {"threshold", threshold},
                        {"outliers", std::move(out)}};
  });
  return JsonResponse(200, body);
}

}  // namespace

void AddQualityRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/validation", Access::kUser,
             [&services](RequestContext& c) { return Validation(services, c); });
  router.Add(http::verb::get, "/api/outliers", Access::kUser,
             [&services](RequestContext& c) { return Outliers(services, c); });
}

}  // namespace solieu::server
