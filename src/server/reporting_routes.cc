// The reporting workflow over HTTP, with DHIS2's resource names:
//   POST/DELETE /api/completeDataSetRegistrations: a clerk or manager marks a form (data set,
//     period, org unit) complete, or takes it back; refused once the form is approved;
//   GET /api/completeness: reporting rate and rate on time over a subtree, with the missing forms;
//   GET/POST/DELETE /api/dataApprovals: a higher level approves a form, which locks its values
//     (and those of the units below) until the approval is withdrawn.
// Every change is logged with user, time and client address.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "auth/role.h"
#include "core/clock.h"
#include "reporting/approval.h"
#include "reporting/completeness.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

struct Form {
  const DataSet* data_set;
  Period period;
  const OrgUnit* unit;
  ReportKey key;
};

const DataSet& FindDataSetOr400(const MetadataSnapshot& m, const std::string& id) {
  for (const DataSet& d : m.data_sets) {
    if (d.uid == id || d.code == id) return d;
  }
  throw HttpError(400, "api.unknown_data_set", "không có bộ dữ liệu '" + id + "'",
                  "no data set '" + id + "'", "dataSet");
}

// The form a request names; the period must be one of the data set's own periods.
Form ResolveForm(const Analytics& analytics, const std::string& ds, const std::string& pe,
                 const std::string& ou) {
  const DataSet& data_set = FindDataSetOr400(analytics.metadata(), ds);
  Period period = ParsePeriodParam(pe, "period");
  if (FixedPeriodTypeNamed(data_set.period_type) != period.type()) {
    throw HttpError(400, "api.wrong_period_type",
                    "kỳ " + period.Id() + " không phải kỳ báo cáo của bộ dữ liệu " + data_set.code +
                        " (" + data_set.period_type + ")",
                    "period " + period.Id() + " is not a reporting period of data set " +
                        data_set.code + " (" + data_set.period_type + ")",
                    "period");
  }
  const OrgUnit& unit = FindOrgUnitOr400(analytics.hierarchy(), ou, period.end(), "orgUnit");
  return {&data_set, period, &unit, {data_set.uid, period.Id(), unit.uid}};
}

Form FormFromBody(const Analytics& analytics, const json::object& body) {
  return ResolveForm(analytics, *StringField(body, "dataSet", true),
                     *StringField(body, "period", true), *StringField(body, "orgUnit", true));
}

Form FormFromQuery(const Analytics& analytics, const RequestContext& context) {
  return ResolveForm(analytics, *Param(context, "dataSet", true), *Param(context, "period", true),
                     *Param(context, "orgUnit", true));
}

ReportingEvent EventOf(const RequestContext& context, const char* action, const ReportKey& key) {
  return {UtcTimestampNow(), context.user().account.username, context.client, action, key};
}

// 409 when an approval covers the form (its own or one above it).
void RequireNotApproved(ApiServices& services, const Analytics& analytics, const Form& form) {
  auto approvals = services.store.Read([](Store& s) { return s.Reporting().Approvals(); });
  reporting::ApprovalLock lock(analytics.metadata(), analytics.hierarchy(), std::move(approvals));
  if (const ApprovalRecord* a = lock.Covering(form.key)) {
    throw HttpError(409, "api.approved",
                    "biểu đã được " + a->approved_by + " phê duyệt lúc " + a->approved_at +
                        "; cần hủy phê duyệt trước",
                    "the form was approved by " + a->approved_by + " at " + a->approved_at +
                        "; withdraw the approval first",
                    "period");
  }
}

json::object FormJson(const Form& form) {
  return {{"dataSet", form.data_set->uid},
          {"dataSetCode", form.data_set->code},
          {"period", form.period.Id()},
          {"orgUnit", form.unit->uid},
          {"orgUnitCode", form.unit->code}};
}

Response Complete(ApiServices& services, RequestContext& context, bool complete) {
  const Principal& user = context.user();
  RequireRole(CanWriteValues(user.role), user, "đánh dấu hoàn thành biểu báo cáo",
              "mark forms complete");
  const Analytics& analytics = services.analytics.Structure();
  Form form = complete ? FormFromBody(analytics, ParseJsonObject(context.request))
                       : FormFromQuery(analytics, context);
  RequireScope(analytics, user, *form.unit, form.period);
  const auto& assigned = form.data_set->org_unit_uids;
  if (std::find(assigned.begin(), assigned.end(), form.unit->uid) == assigned.end()) {
    throw HttpError(
        400, "api.not_assigned",
        "đơn vị " + form.unit->code + " không báo cáo bộ dữ liệu " + form.data_set->code,
        "org unit " + form.unit->code + " does not report data set " + form.data_set->code,
        "orgUnit");
  }
  RequireNotApproved(services, analytics, form);
  json::object body = FormJson(form);
  if (complete) {
    CompletionRecord record{form.key,          form.period.start(), form.period.end(),
                            UtcTimestampNow(), services.today(),    user.account.username};
    services.store.Write([&](Store& s) {
      s.Reporting().PutCompletion(record, EventOf(context, "complete", form.key));
      // Still under the store's write lock, so the engine sees registrations in commit order.
      services.analytics.ApplyForms({{form.data_set->uid, form.unit->uid, form.period.start(),
                                      form.period.end(), record.completed_on}});
      return 0;
    });
    body["completed"] = true;
    body["completedBy"] = record.completed_by;
    body["completedAt"] = record.completed_at;
    body["onTime"] = form.data_set->expiry_days == 0 ||
                     record.completed_on <= form.period.end().AddDays(form.data_set->expiry_days);
    return JsonResponse(200, body);
  }
  bool removed = services.store.Write([&](Store& s) {
    bool deleted =
        s.Reporting().DeleteCompletion(form.key, EventOf(context, "uncomplete", form.key));
    if (deleted) {
      services.analytics.ApplyForms({{form.data_set->uid, form.unit->uid, form.period.start(),
                                      form.period.end(), std::nullopt}});
    }
    return deleted;
  });
  if (!removed) {
    throw HttpError(404, "api.not_completed", "biểu này chưa được đánh dấu hoàn thành",
                    "this form is not registered complete", "period");
  }
  body["completed"] = false;
  return JsonResponse(200, body);
}

Response GetCompleteness(ApiServices& services, RequestContext& context) {
  const Analytics& analytics = services.analytics.Structure();
  const DataSet& data_set =
      FindDataSetOr400(analytics.metadata(), *Param(context, "dataSet", true));
  Period period = ParsePeriodParam(*Param(context, "period", true), "period");
  const OrgUnit& unit = FindOrgUnitOr400(analytics.hierarchy(), *Param(context, "orgUnit", true),
                                         period.end(), "orgUnit");
  RequireScope(analytics, context.user(), unit, period);
  auto completions = services.store.Read([&](Store& s) {
    return s.Reporting().Completions(data_set.uid, period.start(), period.end());
  });
  reporting::Completeness c =
      reporting::ComputeCompleteness(analytics.hierarchy(), data_set, completions, unit, period);
  json::array missing;
  for (const reporting::MissingForm& m : c.missing) {
    const OrgUnit* u = analytics.hierarchy().FindByUid(m.org_unit_uid);
    missing.push_back(json::object{{"orgUnit", m.org_unit_uid},
                                   {"orgUnitCode", u ? u->code : ""},
                                   {"orgUnitName", u ? u->name_vi : ""},
                                   {"period", m.period.Id()}});
  }
  auto rate = [](const std::optional<double>& r) { return r ? json::value(*r) : nullptr; };
  return JsonResponse(200, json::object{{"dataSet", data_set.uid},
                                        {"period", period.Id()},
                                        {"orgUnit", unit.uid},
                                        {"expected", c.expected},
                                        {"received", c.received},
                                        {"onTime", c.on_time},
                                        {"reportingRate", rate(c.Rate())},
                                        {"reportingRateOnTime", rate(c.RateOnTime())},
                                        {"missing", std::move(missing)}});
}

void RequireApprover(const Analytics& analytics, const Principal& user, const Form& form) {
  RequireRole(CanVerifyAlerts(user.role), user, "phê duyệt số liệu", "approve data");
  if (!reporting::BoundAbove(analytics.hierarchy(), user.account.org_unit_uids, *form.unit,
                             form.period.end())) {
    throw HttpError(403, "auth.not_higher_level",
                    "chỉ cấp trên của " + form.unit->code + " (" + form.unit->name_vi +
                        ") được phê duyệt biểu của đơn vị này",
                    "only a level above " + form.unit->code + " (" + form.unit->name_en +
                        ") may approve its forms",
                    "orgUnit");
  }
}

Response Approve(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  const Analytics& analytics = services.analytics.Structure();
  Form form = FormFromBody(analytics, ParseJsonObject(context.request));
  RequireApprover(analytics, user, form);
  ApprovalRecord record{form.key, form.period.start(), form.period.end(), UtcTimestampNow(),
                        user.account.username};
  services.store.Write([&](Store& s) {
    s.Reporting().PutApproval(record, EventOf(context, "approve", form.key));
    return 0;
  });
  json::object body = FormJson(form);
  body["approved"] = true;
  body["approvedBy"] = record.approved_by;
  body["approvedAt"] = record.approved_at;
  return JsonResponse(200, body);
}

Response Unapprove(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  const Analytics& analytics = services.analytics.Structure();
  Form form = FormFromQuery(analytics, context);
  RequireApprover(analytics, user, form);
  bool removed = services.store.Write([&](Store& s) {
    return s.Reporting().DeleteApproval(form.key, EventOf(context, "unapprove", form.key));
  });
  if (!removed) {
    throw HttpError(404, "api.not_approved", "biểu này chưa được phê duyệt",
                    "this form is not approved", "period");
  }
  json::object body = FormJson(form);
  body["approved"] = false;
  return JsonResponse(200, body);
}

Response GetApproval(ApiServices& services, RequestContext& context) {
  const Analytics& analytics = services.analytics.Structure();
  Form form = FormFromQuery(analytics, context);
  RequireScope(analytics, context.user(), *form.unit, form.period);
  auto [approval, completion, events] = services.store.Read([&](Store& s) {
    return std::make_tuple(s.Reporting().FindApproval(form.key),
                           s.Reporting().FindCompletion(form.key), s.Reporting().Events(form.key));
  });
  json::object body = FormJson(form);
  body["approved"] = approval.has_value();
  body["approvedBy"] = approval ? json::value(approval->approved_by) : nullptr;
  body["approvedAt"] = approval ? json::value(approval->approved_at) : nullptr;
  body["completed"] = completion.has_value();
  json::array history;
  for (const ReportingEvent& e : events) {
    history.push_back(json::object{
        {"at", e.at}, {"username", e.username}, {"client", e.client}, {"action", e.action}});
  }
  body["history"] = std::move(history);
  return JsonResponse(200, body);
}

}  // namespace

void AddReportingRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::post, "/api/completeDataSetRegistrations", Access::kUser,
             [&services](RequestContext& c) { return Complete(services, c, true); });
  router.Add(http::verb::delete_, "/api/completeDataSetRegistrations", Access::kUser,
             [&services](RequestContext& c) { return Complete(services, c, false); });
  router.Add(http::verb::get, "/api/completeness", Access::kUser,
             [&services](RequestContext& c) { return GetCompleteness(services, c); });
  router.Add(http::verb::get, "/api/dataApprovals", Access::kUser,
             [&services](RequestContext& c) { return GetApproval(services, c); });
  router.Add(http::verb::post, "/api/dataApprovals", Access::kUser,
             [&services](RequestContext& c) { return Approve(services, c); });
  router.Add(http::verb::delete_, "/api/dataApprovals", Access::kUser,
             [&services](RequestContext& c) { return Unapprove(services, c); });
}

}  // namespace solieu::server
