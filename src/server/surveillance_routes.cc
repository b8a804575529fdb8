// /api/surveillance: the alerts the weekly run raised (list, one with its signals and history),
// their verification (discard / monitor / outbreak), outbreak records (list, read, declare,
// update), the observed-vs-upper-bound series of any disease and unit, and the weekly run on
// demand. Everyone reads within their org scope; administrators and province data managers (the
// CDC's epidemiologists) verify, declare and run. Every change is logged with user, time and
// client address.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/role.h"
#include "core/clock.h"
#include "outbreaks/alert_linking.h"
#include "outbreaks/verification.h"
#include "outbreaks/weekly_run.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

void RequireEpidemiologist(const Principal& user, const std::string& what_vi,
                           const std::string& what_en) {
  RequireRole(CanVerifyAlerts(user.role), user, what_vi, what_en);
}

Period WeekParam(const std::string& text, const char* where) {
  auto week = Period::Parse(text);
  if (!week || week->type() != PeriodType::kWeek) {
    throw HttpError(400, "api.not_a_week", "'" + text + "' không phải một tuần ISO (ví dụ 2025W14)",
                    "'" + text + "' is not an ISO week (e.g. 2025W14)", where);
  }
  return *week;
}

std::optional<Date> OptionalDateField(const json::object& body, const char* name) {
  auto text = StringField(body, name, false);
  if (!text) return std::nullopt;
  return ParseDateParam(*text, name);
}

std::optional<std::int64_t> OptionalCountField(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  throw HttpError(400, "api.wrong_type", std::string("trường '") + name + "' phải là số nguyên",
                  std::string("field '") + name + "' must be an integer", name);
}

outbreaks::OutbreakInput OutbreakInputOf(const json::object& body) {
  outbreaks::OutbreakInput input;
  input.start_date = OptionalDateField(body, "startDate");
  input.end_date = OptionalDateField(body, "endDate");
  input.cases = OptionalCountField(body, "cases");
  input.deaths = OptionalCountField(body, "deaths");
  input.actions = StringField(body, "actions", false);
  return input;
}

json::object UnitJson(const OrgUnit& unit) {
  return {{"id", unit.uid},
          {"code", unit.code},
          {"name", unit.name_vi},
          {"nameEn", unit.name_en},
          {"level", OrgLevelName(unit.level)}};
}

json::object DiseaseJson(const Disease& disease) {
  return {{"id", disease.uid},         {"code", disease.code},   {"name", disease.name_vi},
          {"nameEn", disease.name_en}, {"icd10", disease.icd10}, {"priority", disease.priority}};
}

json::value Optional(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

// Names of the alert's disease and unit, from the engine's metadata.
struct Names {
  const Analytics& analytics;

  json::value Disease(const std::string& uid) const {
    for (const solieu::Disease& d : analytics.metadata().diseases) {
      if (d.uid == uid) return DiseaseJson(d);
    }
    return json::value(uid);
  }
  json::value Unit(const std::string& uid) const {
    const OrgUnit* unit = analytics.hierarchy().FindByUid(uid);
    return unit ? json::value(UnitJson(*unit)) : json::value(uid);
  }
};

json::object AlertJson(const AlertRecord& a, const Names& names) {
  return {{"id", a.id},
          {"disease", names.Disease(a.disease_uid)},
          {"orgUnit", names.Unit(a.org_unit_uid)},
          {"status", AlertStatusName(a.status)},
          {"active", outbreaks::IsActive(a)},
          {"firstWeek", a.first_period},
          {"lastWeek", a.last_period},
          {"weeks", a.signal_count},
          {"maxObserved", a.max_observed},
          {"createdAt", a.created_at},
          {"updatedAt", a.updated_at},
          {"verifiedBy", a.verified_by},
          {"verifiedAt", a.verified_at},
          {"note", a.note},
          {"outbreakId", a.outbreak_id ? json::value(*a.outbreak_id) : json::value(nullptr)}};
}

json::object SignalJson(const SignalRecord& s) {
  return {{"week", s.period},
          {"weekStart", s.period_start.ToString()},
          {"observed", s.observed},
          {"expected", Optional(s.expected)},
          {"upperBound", Optional(s.upper_bound)},
          {"algorithm", s.algorithm},
          {"parameters", s.parameters},
          {"runId", s.run_id}};
}

json::object OutbreakJson(const OutbreakRecord& o, const Names& names) {
  return {{"id", o.id},
          {"disease", names.Disease(o.disease_uid)},
          {"orgUnit", names.Unit(o.org_unit_uid)},
          {"startDate", o.start_date.ToString()},
          {"endDate", o.end_date ? json::value(o.end_date->ToString()) : json::value(nullptr)},
          {"ongoing", !o.end_date.has_value()},
          {"cases", o.cases},
          {"deaths", o.deaths},
          {"actions", o.actions},
          {"alertId", o.alert_id ? json::value(*o.alert_id) : json::value(nullptr)},
          {"declaredBy", o.declared_by},
          {"declaredAt", o.declared_at},
          {"updatedBy", o.updated_by},
          {"updatedAt", o.updated_at}};
}

json::array EventsJson(const std::vector<SurveillanceEvent>& events) {
  json::array out;
  for (const SurveillanceEvent& e : events) {
    out.push_back(json::object{{"at", e.at},
                               {"username", e.username},
                               {"client", e.client},
                               {"action", e.action},
                               {"detail", e.detail}});
  }
  return out;
}

// Whether the user's scope holds the unit in the week (or on the day) the record is about.
bool InScope(const Analytics& analytics, const Principal& user, const std::string& unit_uid,
             Date day) {
  const OrgUnit* unit = analytics.hierarchy().FindByUid(unit_uid);
  if (unit == nullptr) return false;
  if (!unit->validity.Contains(day) && unit->validity.to) day = unit->validity.to->AddDays(-1);
  return ScopeOf(analytics, user).Contains(*unit, day);
}

void RequireInScope(const Analytics& analytics, const Principal& user, const std::string& unit_uid,
                    Date day) {
  if (InScope(analytics, user, unit_uid, day)) return;
  throw HttpError(403, "auth.out_of_scope",
                  "đơn vị của bản ghi này nằm ngoài phạm vi được giao cho " + user.account.username,
                  "the record's org unit is outside the units of " + user.account.username, "ou");
}

AlertRecord FindAlertOr404(ApiServices& services, std::int64_t id) {
  auto alert =
      services.store.Read([&](Store& store) { return store.Surveillance().FindAlert(id); });
  if (!alert) {
    throw HttpError(404, "surveillance.unknown_alert", "không có cảnh báo số " + std::to_string(id),
                    "no alert with id " + std::to_string(id), "id");
  }
  return *alert;
}

OutbreakRecord FindOutbreakOr404(ApiServices& services, std::int64_t id) {
  auto outbreak =
      services.store.Read([&](Store& store) { return store.Surveillance().FindOutbreak(id); });
  if (!outbreak) {
    throw HttpError(404, "surveillance.unknown_outbreak",
                    "không có ổ dịch số " + std::to_string(id),
                    "no outbreak with id " + std::to_string(id), "id");
  }
  return *outbreak;
}

std::string Detail(const json::object& detail) {
  return json::serialize(detail);
}

Response ListAlerts(ApiServices& services, RequestContext& context) {
  AlertFilter filter;
  if (auto status = Param(context, "status", false)) {
    auto parsed = ParseAlertStatus(*status);
    if (!parsed) {
      throw HttpError(
          400, "api.invalid_status",
          "trạng thái '" + *status + "' không có (open, monitoring, discarded, outbreak)",
          "no status '" + *status + "' (open, monitoring, discarded, outbreak)", "status");
    }
    filter.statuses.push_back(*parsed);
  }
  auto disease_param = Param(context, "disease", false);
  auto ou_param = Param(context, "ou", false);
  return services.analytics.Read([&](const Analytics& analytics) {
    if (disease_param) {
      const Disease* disease = outbreaks::FindDisease(analytics.metadata(), *disease_param);
      if (disease == nullptr) {
        throw HttpError(400, "api.unknown_disease", "không có bệnh '" + *disease_param + "'",
                        "no disease '" + *disease_param + "'", "disease");
      }
      filter.disease_uid = disease->uid;
    }
    if (ou_param) {
      filter.org_unit_uids.push_back(
          FindOrgUnitOr400(analytics.hierarchy(), *ou_param, services.today(), "ou").uid);
    }
    auto alerts =
        services.store.Read([&](Store& store) { return store.Surveillance().ListAlerts(filter); });
    Names names{analytics};
    json::array out;
    for (const AlertRecord& a : alerts) {
      if (!InScope(analytics, context.user(), a.org_unit_uid, a.last_period_start)) continue;
      out.push_back(AlertJson(a, names));
    }
    return JsonResponse(200, json::object{{"alerts", std::move(out)}});
  });
}

Response GetAlert(ApiServices& services, RequestContext& context) {
  AlertRecord alert = FindAlertOr404(services, IdPathParam(context, "id"));
  return services.analytics.Read([&](const Analytics& analytics) {
    RequireInScope(analytics, context.user(), alert.org_unit_uid, alert.last_period_start);
    auto [signals, events] = services.store.Read([&](Store& store) {
      return std::make_pair(store.Surveillance().SignalsOfAlert(alert.id),
                            store.Surveillance().Events(alert.id, std::nullopt));
    });
    Names names{analytics};
    json::object body = AlertJson(alert, names);
    json::array signal_array;
    for (const SignalRecord& s : signals) signal_array.push_back(SignalJson(s));
    body["signals"] = std::move(signal_array);
    body["history"] = EventsJson(events);
    return JsonResponse(200, body);
  });
}

Response VerifyAlert(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireEpidemiologist(user, "xác minh cảnh báo dịch", "verify outbreak alerts");
  json::object body = ParseJsonObject(context.request);
  std::string decision_text = *StringField(body, "decision", true);
  auto decision = outbreaks::ParseDecision(decision_text);
  if (!decision) {
    throw HttpError(400, "api.invalid_decision",
                    "quyết định '" + decision_text + "' không có (discard, monitor, outbreak)",
                    "no decision '" + decision_text + "' (discard, monitor, outbreak)", "decision");
  }
  std::string note = StringField(body, "note", false).value_or("");
  if (note.size() > 4000) {
    throw HttpError(400, "api.note_too_long", "ghi chú dài quá 4000 byte",
                    "the note is longer than 4000 bytes", "note");
  }
  outbreaks::OutbreakInput input;
  if (const json::value* outbreak = body.if_contains("outbreak")) {
    if (!outbreak->is_object()) {
      throw HttpError(400, "api.wrong_type", "trường 'outbreak' phải là đối tượng",
                      "field 'outbreak' must be an object", "outbreak");
    }
    if (*decision != outbreaks::Decision::kOutbreak) {
      throw HttpError(400, "api.outbreak_not_declared",
                      "chỉ ghi thông tin ổ dịch khi quyết định là 'outbreak'",
                      "outbreak details go with the decision 'outbreak' only", "outbreak");
    }
    input = OutbreakInputOf(outbreak->as_object());
  }
  const std::int64_t id = IdPathParam(context, "id");
  AlertRecord alert = FindAlertOr404(services, id);

  // The outbreak's default figures: the cases and deaths reported in the alert's weeks.
  std::optional<OutbreakRecord> outbreak;
  services.analytics.Read([&](const Analytics& analytics) {
    RequireInScope(analytics, user, alert.org_unit_uid, alert.last_period_start);
    if (*decision != outbreaks::Decision::kOutbreak) return 0;
    const Disease* disease = outbreaks::FindDisease(analytics.metadata(), alert.disease_uid);
    auto first = Period::Parse(alert.first_period), last = Period::Parse(alert.last_period);
    if (disease == nullptr || !first || !last) return 0;
    int weeks = 0;
    for (Period w = *first; w.start() <= last->start(); w = w.Next()) ++weeks;
    std::int64_t cases = 0, deaths = 0;
    for (auto c : outbreaks::WeeklyCounts(analytics, *disease, alert.org_unit_uid, *last, weeks,
                                          outbreaks::kCasesOption)) {
      cases += c;
    }
    for (auto d : outbreaks::WeeklyCounts(analytics, *disease, alert.org_unit_uid, *last, weeks,
                                          outbreaks::kDeathsOption)) {
      deaths += d;
    }
    outbreak = outbreaks::OutbreakForAlert(alert, first->start(), cases, deaths, input);
    return 0;
  });
  std::string now = UtcTimestampNow();
  if (outbreak) {
    outbreak->declared_by = outbreak->updated_by = user.account.username;
    outbreak->declared_at = outbreak->updated_at = now;
    outbreaks::ValidateOutbreak(*outbreak, services.today());
  }
  SurveillanceEvent event;
  event.at = now;
  event.username = user.account.username;
  event.client = context.client;
  event.action = "verify_alert";
  event.detail = Detail({{"from", AlertStatusName(alert.status)},
                         {"to", AlertStatusName(outbreaks::StatusAfter(*decision))},
                         {"note", note}});
  std::optional<std::int64_t> outbreak_id = services.store.Write([&](Store& store) {
    // Checked again under the write lock: two epidemiologists may verify at once.
    auto current = store.Surveillance().FindAlert(id);
    if (!current) {
      throw HttpError(404, "surveillance.unknown_alert",
                      "không có cảnh báo số " + std::to_string(id),
                      "no alert with id " + std::to_string(id), "id");
    }
    try {
      outbreaks::CheckDecisionAllowed(*current, *decision);
    } catch (const UserError& e) {
      throw HttpError(409, e.code(), e.message_vi(), e.message_en(), e.where());
    }
    return store.Surveillance().VerifyAlert(id, outbreaks::StatusAfter(*decision), note, outbreak,
                                            event);
  });
  AlertRecord after = FindAlertOr404(services, id);
  return services.analytics.Read([&](const Analytics& analytics) {
    Names names{analytics};
    json::object response{{"alert", AlertJson(after, names)}};
    if (outbreak_id) {
      response["outbreak"] = OutbreakJson(FindOutbreakOr404(services, *outbreak_id), names);
    }
    return JsonResponse(200, response);
  });
}

Response ListOutbreaks(ApiServices& services, RequestContext& context) {
  auto disease_param = Param(context, "disease", false);
  return services.analytics.Read([&](const Analytics& analytics) {
    std::string disease_uid;
    if (disease_param) {
      const Disease* disease = outbreaks::FindDisease(analytics.metadata(), *disease_param);
      if (disease == nullptr) {
        throw HttpError(400, "api.unknown_disease", "không có bệnh '" + *disease_param + "'",
                        "no disease '" + *disease_param + "'", "disease");
      }
      disease_uid = disease->uid;
    }
    auto records = services.store.Read(
        [&](Store& store) { return store.Surveillance().ListOutbreaks(disease_uid, {}); });
    Names names{analytics};
    json::array out;
    for (const OutbreakRecord& o : records) {
      if (!InScope(analytics, context.user(), o.org_unit_uid, o.start_date)) continue;
      out.push_back(OutbreakJson(o, names));
    }
    return JsonResponse(200, json::object{{"outbreaks", std::move(out)}});
  });
}

Response GetOutbreak(ApiServices& services, RequestContext& context) {
  OutbreakRecord outbreak = FindOutbreakOr404(services, IdPathParam(context, "id"));
  return services.analytics.Read([&](const Analytics& analytics) {
    RequireInScope(analytics, context.user(), outbreak.org_unit_uid, outbreak.start_date);
    auto events = services.store.Read(
        [&](Store& store) { return store.Surveillance().Events(std::nullopt, outbreak.id); });
    json::object body = OutbreakJson(outbreak, Names{analytics});
    body["history"] = EventsJson(events);
    return JsonResponse(200, body);
  });
}

Response DeclareOutbreak(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireEpidemiologist(user, "ghi nhận ổ dịch", "declare outbreaks");
  json::object body = ParseJsonObject(context.request);
  std::string disease_id = *StringField(body, "disease", true);
  std::string ou = *StringField(body, "orgUnit", true);
  outbreaks::OutbreakInput input = OutbreakInputOf(body);
  if (!input.start_date) {
    throw HttpError(400, "api.missing_field", "thiếu trường 'startDate'",
                    "field 'startDate' is missing", "startDate");
  }
  OutbreakRecord outbreak;
  services.analytics.Read([&](const Analytics& analytics) {
    const Disease* disease = outbreaks::FindDisease(analytics.metadata(), disease_id);
    if (disease == nullptr) {
      throw HttpError(400, "api.unknown_disease", "không có bệnh '" + disease_id + "'",
                      "no disease '" + disease_id + "'", "disease");
    }
    const OrgUnit& unit = FindOrgUnitOr400(analytics.hierarchy(), ou, *input.start_date, "orgUnit");
    RequireInScope(analytics, user, unit.uid, *input.start_date);
    outbreak.disease_uid = disease->uid;
    outbreak.org_unit_uid = unit.uid;
    return 0;
  });
  outbreak = outbreaks::ApplyInput(std::move(outbreak), input);
  std::string now = UtcTimestampNow();
  outbreak.declared_by = outbreak.updated_by = user.account.username;
  outbreak.declared_at = outbreak.updated_at = now;
  outbreaks::ValidateOutbreak(outbreak, services.today());
  SurveillanceEvent event{
      0, now, user.account.username, context.client, "declare_outbreak", std::nullopt, std::nullopt,
      ""};
  std::int64_t id = services.store.Write(
      [&](Store& store) { return store.Surveillance().PutOutbreak(outbreak, event); });
  return services.analytics.Read([&](const Analytics& analytics) {
    return JsonResponse(201, OutbreakJson(FindOutbreakOr404(services, id), Names{analytics}));
  });
}

Response UpdateOutbreak(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireEpidemiologist(user, "sửa ổ dịch", "update outbreaks");
  json::object body = ParseJsonObject(context.request);
  outbreaks::OutbreakInput input = OutbreakInputOf(body);
  const std::int64_t id = IdPathParam(context, "id");
  OutbreakRecord before = FindOutbreakOr404(services, id);
  services.analytics.Read([&](const Analytics& analytics) {
    RequireInScope(analytics, user, before.org_unit_uid, before.start_date);
    return 0;
  });
  OutbreakRecord after = outbreaks::ApplyInput(before, input);
  if (const json::value* end = body.if_contains("endDate"); end && end->is_null()) {
    after.end_date.reset();  // reopened
  }
  std::string now = UtcTimestampNow();
  after.updated_by = user.account.username;
  after.updated_at = now;
  outbreaks::ValidateOutbreak(after, services.today());
  json::object changed;
  auto note_change = [&](const char* name, json::value from, json::value to) {
    if (from != to) changed[name] = json::object{{"from", from}, {"to", to}};
  };
  auto date_value = [](const std::optional<Date>& d) {
    return d ? json::value(d->ToString()) : json::value(nullptr);
  };
  note_change("startDate", json::value(before.start_date.ToString()),
              json::value(after.start_date.ToString()));
  note_change("endDate", date_value(before.end_date), date_value(after.end_date));
  note_change("cases", json::value(before.cases), json::value(after.cases));
  note_change("deaths", json::value(before.deaths), json::value(after.deaths));
  note_change("actions", json::value(before.actions), json::value(after.actions));
  SurveillanceEvent event{0,
                          now,
                          user.account.username,
                          context.client,
                          "update_outbreak",
                          before.alert_id,
                          id,
                          Detail(changed)};
  services.store.Write(
      [&](Store& store) { return store.Surveillance().PutOutbreak(after, event); });
  return services.analytics.Read([&](const Analytics& analytics) {
    return JsonResponse(200, OutbreakJson(FindOutbreakOr404(services, id), Names{analytics}));
  });
}

Response Series(ApiServices& services, RequestContext& context) {
  std::string disease_id = *Param(context, "disease", true);
  std::string ou = *Param(context, "ou", true);
  Period to = WeekParam(*Param(context, "to", true), "to");
  Period from = WeekParam(*Param(context, "from", true), "from");
  return services.analytics.Read([&](const Analytics& analytics) {
    const Disease* disease = outbreaks::FindDisease(analytics.metadata(), disease_id);
    if (disease == nullptr) {
      throw HttpError(400, "api.unknown_disease", "không có bệnh '" + disease_id + "'",
                      "no disease '" + disease_id + "'", "disease");
    }
    const OrgUnit& unit = FindOrgUnitOr400(analytics.hierarchy(), ou, to.end(), "ou");
    RequireScope(analytics, context.user(), unit, to);
    outbreaks::SeriesChart chart =
        outbreaks::ChartSeries(analytics, *services.detection_rules, *disease, unit, from, to);
    json::array weeks;
    for (const outbreaks::WeekScore& score : chart.scores) {
      const Period& week = chart.weeks[static_cast<size_t>(score.idx - 1)];
      weeks.push_back(
          json::object{{"week", week.Id()},
                       {"weekStart", week.start().ToString()},
                       {"observed", score.observed},
                       {"expected", Optional(score.expected)},
                       {"upperBound", Optional(score.upper_bound)},
                       {"alarm", score.alarm ? json::value(*score.alarm) : json::value(nullptr)}});
    }
    json::object body{{"disease", DiseaseJson(*disease)},
                      {"orgUnit", UnitJson(unit)},
                      {"algorithm", chart.rule ? json::value(chart.rule->method) : nullptr},
                      {"parameters", chart.rule ? json::value(chart.rule->parameters) : nullptr},
                      {"weeks", std::move(weeks)}};
    return JsonResponse(200, body);
  });
}

json::object RunJson(const SurveillanceRun& run) {
  return {{"id", run.id},
          {"week", run.period},
          {"startedAt", run.started_at},
          {"finishedAt", run.finished_at},
          {"runBy", run.run_by},
          {"seriesScored", run.series_scored},
          {"seriesSkipped", run.series_skipped},
          {"signals", run.signals}};
}

Response StartRun(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireEpidemiologist(user, "chạy giám sát tuần", "run the weekly surveillance");
  json::object body = ParseJsonObject(context.request);
  Period first = WeekParam(*StringField(body, "week", true), "week");
  Period last = first;
  if (auto to = StringField(body, "to", false)) last = WeekParam(*to, "to");
  int weeks = 0;
  for (Period w = first; w.start() <= last.start(); w = w.Next()) {
    if (++weeks > 104) {
      throw HttpError(400, "api.range_too_long", "chạy tối đa 104 tuần một lần",
                      "at most 104 weeks per run", "to");
    }
  }
  if (weeks == 0) {
    throw HttpError(400, "api.empty_range", "tuần cuối trước tuần đầu",
                    "the last week is before the first", "to");
  }
  json::array runs;
  for (Period week = first; week.start() <= last.start(); week = week.Next()) {
    SurveillanceRun run = RunWeeklySurveillance(services, week, user.account.username);
    runs.push_back(RunJson(run));
  }
  return JsonResponse(200, json::object{{"runs", std::move(runs)}});
}

Response ListRuns(ApiServices& services, RequestContext& /*context*/) {
  auto runs = services.store.Read([](Store& store) { return store.Surveillance().ListRuns(100); });
  json::array out;
  for (const SurveillanceRun& run : runs) out.push_back(RunJson(run));
  return JsonResponse(200, json::object{{"runs", std::move(out)}});
}

}  // namespace

SurveillanceRun RunWeeklySurveillance(ApiServices& services, const Period& week,
                                      const std::string& user) {
  std::string started = UtcTimestampNow();
  outbreaks::WeekScan scan = services.analytics.Read([&](const Analytics& analytics) {
    return outbreaks::ScanWeek(analytics, *services.detection_rules, week);
  });
  // Linking reads the alerts and writes the signals under the store's write lock, so a
  // verification cannot come between them.
  return services.store.Write(
      [&](Store& store) { return outbreaks::SaveScan(store, scan, user, started); });
}

void AddSurveillanceRoutes(Router& router, ApiServices& services) {
  auto add = [&](http::verb verb, const char* path,
                 Response (*handler)(ApiServices&, RequestContext&)) {
    router.Add(verb, path, Access::kUser, [&services, handler](RequestContext& context) {
      return handler(services, context);
    });
  };
  add(http::verb::get, "/api/surveillance/alerts", ListAlerts);
  add(http::verb::get, "/api/surveillance/alerts/{id}", GetAlert);
  add(http::verb::post, "/api/surveillance/alerts/{id}/verification", VerifyAlert);
  add(http::verb::get, "/api/surveillance/outbreaks", ListOutbreaks);
  add(http::verb::post, "/api/surveillance/outbreaks", DeclareOutbreak);
  add(http::verb::get, "/api/surveillance/outbreaks/{id}", GetOutbreak);
  add(http::verb::put, "/api/surveillance/outbreaks/{id}", UpdateOutbreak);
  add(http::verb::get, "/api/surveillance/series", Series);
  add(http::verb::get, "/api/surveillance/runs", ListRuns);
  add(http::verb::post, "/api/surveillance/runs", StartRun);
}

}  // namespace solieu::server
