// GET /api/dashboard/indicators: the year's key indicators against plan for the dashboard (the
// rows of the yearly indicator table as figures, with status, last year and the trend).
// GET /api/targets and PUT /api/targets: the plan's targets, read by every user and set by
// administrators and province data managers in the department's own notation ("≥95", "<15",
// "0,4-0,5", "668.030"); every change is logged with the old and the new target.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.h"
#include "plan/target.h"
#include "publish/key_indicators.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr int kFirstTrendYear = 2021;

json::value Number(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::value Text(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

const char* StatusName(plan::Status status) {
  switch (status) {
    case plan::Status::kNotAchieved:
      return "not_achieved";
    case plan::Status::kAchieved:
      return "achieved";
    case plan::Status::kExceeded:
      return "exceeded";
  }
  return "achieved";
}

Period YearParam(const RequestContext& context) {
  auto text = Param(context, "year", true);
  Period year = ParsePeriodParam(*text, "year");
  if (year.type() != PeriodType::kYear || year.year() < kFirstTrendYear) {
    throw HttpError(
        400, "api.invalid_year",
        "năm '" + *text + "' không hợp lệ (từ " + std::to_string(kFirstTrendYear) + ", ví dụ 2025)",
        "invalid year '" + *text + "' (from " + std::to_string(kFirstTrendYear) + ", e.g. 2025)",
        "year");
  }
  return year;
}

// The unit asked for, or the user's first unit; 403 outside the user's subtrees.
const OrgUnit& UnitParam(const Analytics& analytics, const RequestContext& context,
                         const char* name, const Period& period) {
  const Principal& user = context.user();
  auto id = Param(context, name, false);
  const OrgUnit* unit = nullptr;
  if (id) {
    unit = &FindOrgUnitOr400(analytics.hierarchy(), *id, period.end(), name);
  } else if (!user.account.org_unit_uids.empty()) {
    unit = analytics.hierarchy().FindByUid(user.account.org_unit_uids.front());
  }
  if (unit == nullptr) {
    throw HttpError(400, "api.missing_parameter", "thiếu tham số '" + std::string(name) + "'",
                    "missing parameter '" + std::string(name) + "'", name);
  }
  RequireScope(analytics, user, *unit, period);
  return *unit;
}

Response DashboardIndicators(ApiServices& services, RequestContext& context) {
  Period year = YearParam(context);
  std::vector<TargetRecord> targets =
      services.store.Read([](Store& store) { return store.LoadTargets(); });
  json::object body = services.analytics.Read([&](const Analytics& analytics) {
    const OrgUnit& unit = UnitParam(analytics, context, "orgUnit", year);
    ReportContext report_context(analytics, targets, services.config_dir, unit, year.end());
    HiddenItems hidden(analytics.metadata(), context.user());
    json::array indicators;
    for (KeyIndicator& key : BuildKeyIndicators(report_context, year, kFirstTrendYear)) {
      // An indicator built on figures the user may not see (HIV) keeps its row, not its values.
      bool restricted = hidden.Hides(key.indicator->code);
      if (restricted) {
        key.value = key.last_year = std::nullopt;
        key.status = std::nullopt;
        for (auto& point : key.trend) point.second = std::nullopt;
      }
      json::array trend;
      for (const auto& [period, value] : key.trend) {
        trend.push_back(json::object{{"period", period.Id()}, {"value", Number(value)}});
      }
      indicators.push_back(json::object{
          {"id", key.indicator->uid},
          {"code", key.indicator->code},
          {"name", key.name_vi},
          {"nameEn", key.indicator->name_en},
          {"unit", key.unit_vi},
          {"decimals", key.decimals},
          {"direction", DirectionName(key.indicator->direction)},
          {"value", Number(key.value)},
          {"target", Text(key.target ? std::optional(TargetDisplayVi(*key.target)) : std::nullopt)},
          {"status", key.status ? json::value(StatusName(*key.status)) : json::value(nullptr)},
          {"lastYear", Number(key.last_year)},
          {"restricted", restricted},
          {"trend", std::move(trend)}});
    }
    return json::object{
        {"year", year.Id()},
        {"orgUnit", json::object{{"id", unit.uid}, {"code", unit.code}, {"name", unit.name_vi}}},
        {"synthetic", services.analytics.synthetic()},
        {"indicators", std::move(indicators)}};
  });
  return JsonResponse(200, body);
}

json::object TargetJson(const Analytics& analytics, const TargetRecord& record) {
  const MetadataSnapshot& m = analytics.metadata();
  const Indicator* indicator = FindIndicatorByIdOrCode(m, record.indicator_uid);
  const OrgUnit* unit = analytics.hierarchy().FindByUid(record.org_unit_uid);
  return json::object{{"indicator", record.indicator_uid},
                      {"code", indicator ? json::value(indicator->code) : json::value(nullptr)},
                      {"name", indicator ? json::value(indicator->name_vi) : json::value(nullptr)},
                      {"period", record.period},
                      {"orgUnit", record.org_unit_uid},
                      {"orgUnitCode", unit ? json::value(unit->code) : json::value(nullptr)},
                      {"target", record.target},
                      {"display", TargetDisplayVi(record.target)},
                      {"source", record.source}};
}

Response ListTargets(ApiServices& services, RequestContext& context) {
  std::optional<std::string> year;
  if (Param(context, "year", false)) year = YearParam(context).Id();
  std::vector<TargetRecord> targets =
      services.store.Read([](Store& store) { return store.LoadTargets(); });
  const Analytics& analytics = services.analytics.Structure();
  json::array out;
  for (const TargetRecord& record : targets) {
    if (year && record.period != *year) continue;
    out.push_back(TargetJson(analytics, record));
  }
  return JsonResponse(200, json::object{{"targets", std::move(out)}});
}

Response PutTarget(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireRole(user.role == Role::kAdministrator || user.role == Role::kProvinceDataManager, user,
              "đặt chỉ tiêu kế hoạch", "set plan targets");
  json::object body = ParseJsonObject(context.request);
  std::string indicator_id = *StringField(body, "indicator", true);
  std::string period_text = *StringField(body, "period", true);
  std::string typed = *StringField(body, "target", true);
  std::string source = StringField(body, "source", false).value_or("");
  Period period = ParsePeriodParam(period_text, "period");
  const Analytics& analytics = services.analytics.Structure();
  const Indicator* indicator = FindIndicatorByIdOrCode(analytics.metadata(), indicator_id);
  if (indicator == nullptr) {
    throw HttpError(400, "api.unknown_indicator", "không có chỉ số '" + indicator_id + "'",
                    "no indicator '" + indicator_id + "'", "indicator");
  }
  const OrgUnit* unit = nullptr;
  if (auto org = StringField(body, "orgUnit", false)) {
    unit = &FindOrgUnitOr400(analytics.hierarchy(), *org, period.end(), "orgUnit");
  } else if (!user.account.org_unit_uids.empty()) {
    unit = analytics.hierarchy().FindByUid(user.account.org_unit_uids.front());
  }
  if (unit == nullptr) {
    throw HttpError(400, "api.missing_field", "thiếu trường 'orgUnit'", "missing field 'orgUnit'",
                    "orgUnit");
  }
  RequireScope(analytics, user, *unit, period);
  std::string stored;
  try {
    stored = plan::Target::ParseVietnamese(typed, "target").MachineText();
  } catch (const UserError& e) {
    throw HttpError(400, e.code(), e.message_vi(), e.message_en(), "target");
  }
  TargetRecord record{indicator->uid, period.Id(), unit->uid, stored, source};
  std::optional<std::string> old;
  services.store.Write([&](Store& store) {
    for (const TargetRecord& t : store.LoadTargets()) {
      if (t.indicator_uid == record.indicator_uid && t.period == record.period &&
          t.org_unit_uid == record.org_unit_uid) {
        old = t.target;
      }
    }
    store.PutTargets({record}, user.account.username);
    json::object detail{{"indicator", indicator->code},
                        {"period", record.period},
                        {"orgUnit", unit->code},
                        {"old", Text(old)},
                        {"new", stored}};
    store.RecordAdminEvent({UtcTimestampNow(), user.account.username, context.client, "put_target",
                            indicator->code, json::serialize(detail)});
    return 0;
  });
  json::object out = TargetJson(analytics, record);
  out["previous"] = Text(old);
  return JsonResponse(200, out);
}

}  // namespace

void AddPlanRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/dashboard/indicators", Access::kUser,
             [&services](RequestContext& c) { return DashboardIndicators(services, c); });
  router.Add(http::verb::get, "/api/targets", Access::kUser,
             [&services](RequestContext& c) { return ListTargets(services, c); });
  router.Add(http::verb::put, "/api/targets", Access::kUser,
             [&services](RequestContext& c) { return PutTarget(services, c); });
}

}  // namespace solieu::server
