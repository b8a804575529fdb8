// GET and POST /api/dataValueSets: DHIS2's bulk data exchange over HTTP, in every format the
// exchange layer reads and writes (JSON, XML, CSV and, when built in, ADX), chosen by
// Content-Type for an import and by ?format= or Accept for an export. Imports go through the same
// pipeline as `solieu import` (ids under the id schemes, every row checked, atomic unless
// atomicMode=NONE, a DHIS2-shaped summary), limited to the user's org units (conflict E7617) and
// to forms no approval locks (E7642),
// audited under the user's name; committed values reach the live engine before the response.
// Then the validation rules the committed values take part in are checked at the units and
// periods written and listed as warnings (validationViolations, status WARNING), unless
// skipValidation=true.
// Exports are limited to the user's org units and to the data elements they may see (those
// restricted to a user group they are not in are refused when named, left out of data sets), and
// each is logged (who, when, client, what, how many rows) in the admin event log.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <sstream>

#include "auth/role.h"
#include "exchange/data_value_export.h"
#include "exchange/data_value_formats.h"
#include "exchange/data_value_import.h"
#include "exchange/import_summary.h"
#include "quality/import_validation.h"
#include "reporting/approval.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/entry_sheet_route.h"
#include "server/event_log.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

struct FormatMedia {
  const char* format;
  const char* media_type;
};

// Content-Types DHIS2 clients send, and the format each names.
constexpr FormatMedia kMedia[] = {
    {"json", "application/json"},
    {"xml", "application/xml"},
    {"xml", "text/xml"},
    {"csv", "application/csv"},
    {"csv", "text/csv"},
    {"adx", "application/adx+xml"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
};

std::vector<std::string> ImportMediaTypes() {
  std::vector<std::string> out;
  for (const FormatMedia& m : kMedia) out.emplace_back(m.media_type);
  return out;
}

std::string FormatOfMediaType(std::string_view type) {
  type = type.substr(0, type.find(';'));
  for (const FormatMedia& m : kMedia) {
    if (type == m.media_type) return m.format;
  }
  return "json";
}

// The user's org units, for an import: a unit is writable when it lies in the user's subtrees
// for data of the period (as a single value write is checked).
class ScopeOfUser final : public WriteScope {
 public:
  ScopeOfUser(const Analytics& analytics, const Principal& user)
      : hierarchy_(analytics.hierarchy()),
        scope_(ScopeOf(analytics, user)),
        user_(user.account.username),
        principal_(user) {}
  // The import's unit comes from its own copy of the metadata: look it up in the engine's tree.
  bool Allows(const OrgUnit& unit, const Period& period) const override {
    const OrgUnit* known = hierarchy_.FindByUid(unit.uid);
    return known != nullptr && scope_.ContainsForPeriod(*known, period);
  }
  bool AllowsElement(const DataElement& element) const override {
    return MaySee(principal_, element);
  }
  std::string User() const override { return user_; }

 private:
  const OrgHierarchy& hierarchy_;
  OrgScope scope_;
  std::string user_;
  const Principal& principal_;
};

IdSchemes IdSchemesOf(const RequestContext& context) {
  IdSchemes schemes;
  for (const char* name : {"idScheme", "dataElementIdScheme", "orgUnitIdScheme",
                           "categoryOptionComboIdScheme", "attributeOptionComboIdScheme",
                           "dataSetIdScheme", "categoryIdScheme", "categoryOptionIdScheme"}) {
    auto value = Param(context, name, false);
    if (value && !SetIdScheme(&schemes, name, *value)) {
      throw HttpError(400, "api.invalid_id_scheme",
                      std::string("'") + *value + "' không phải cách định danh hợp lệ cho " + name +
                          " (UID, CODE, NAME)",
                      std::string("'") + *value + "' is not a valid " + name + " (UID, CODE, NAME)",
                      name);
    }
  }
  return schemes;
}

bool BoolParam(const RequestContext& context, const char* name) {
  auto value = Param(context, name, false);
  if (!value) return false;
  if (*value == "true") return true;
  if (*value == "false") return false;
  throw HttpError(400, "api.invalid_boolean",
                  std::string("tham số '") + name + "' phải là true hoặc false",
                  std::string("parameter '") + name + "' must be true or false", name);
}

Response Import(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireRole(CanWriteValues(user.role), user, "nhập số liệu", "enter data values");
  DataValueImportOptions options;
  options.id_schemes = IdSchemesOf(context);
  if (auto strategy = Param(context, "importStrategy", false)) {
    auto parsed = ParseImportStrategy(*strategy);
    if (!parsed) {
      throw HttpError(
          400, "api.invalid_strategy",
          "chiến lược nhập '" + *strategy +
              "' không có (CREATE_AND_UPDATE, CREATE, UPDATE, DELETE)",
          "no import strategy '" + *strategy + "' (CREATE_AND_UPDATE, CREATE, UPDATE, DELETE)",
          "importStrategy");
    }
    options.strategy = *parsed;
  }
  options.dry_run = BoolParam(context, "dryRun");
  const bool validate = !BoolParam(context, "skipValidation");
  if (auto atomic = Param(context, "atomicMode", false)) {
    if (*atomic != "ALL" && *atomic != "NONE") {
      throw HttpError(400, "api.invalid_atomic_mode", "atomicMode phải là ALL hoặc NONE",
                      "atomicMode must be ALL or NONE", "atomicMode");
    }
    options.keep_good = *atomic == "NONE";
  }
  options.user = user.account.username;
  options.client = context.client;
  const std::string format =
      FormatOfMediaType(context.request[boost::beast::http::field::content_type]);
  std::istringstream body(context.request.body());
  std::unique_ptr<DataValueSource> source = OpenDataValueSource(format, body, "body");
  // The engine learns the writes under the store's write lock, in commit order, as single writes
  // do (LiveAnalytics::Structure says why the scope may use its tree without the lock).
  const Analytics* analytics = &services.analytics.Structure();
  ScopeOfUser scope(*analytics, user);
  options.scope = &scope;
  quality::WrittenCells written;
  options.on_written = [&services, &written, validate](const std::vector<DataValueWrite>& writes) {
    services.analytics.Apply(writes);
    if (validate) written.Add(writes);
  };
  ImportSummary summary = services.store.Write([&](Store& store) {
    reporting::ApprovalLock lock(analytics->metadata(), analytics->hierarchy(),
                                 store.Reporting().Approvals());
    options.lock = &lock;
    return ImportDataValues(store, *source, options);
  });
  // The rules the committed values take part in, at the units and periods written: warnings, as
  // in DHIS2's data entry. After the store's lock is released (lock order: store, then engine).
  if (std::vector<ValidationRule> rules = quality::RulesTouchedBy(analytics->metadata(), written);
      !rules.empty()) {
    quality::AddToSummary(services.analytics.Read([&](const Analytics& a) {
      return quality::ValidateWrites(a, rules, written);
    }),
                          &summary);
  }
  // As DHIS2: 200 for SUCCESS and WARNING, 409 Conflict when nothing could be imported.
  return JsonResponse(summary.status == ImportStatus::kError ? 409 : 200, ToJson(summary));
}

std::vector<std::string> ListParam(const RequestContext& context, const char* name) {
  std::vector<std::string> out;
  for (const std::string& value : context.target.query.All(name)) {
    size_t start = 0;
    while (start <= value.size()) {  // DHIS2 also accepts comma-separated lists
      size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      if (end > start) out.push_back(value.substr(start, end - start));
      start = end + 1;
    }
  }
  return out;
}

// The export format: ?format=, else the Accept header, else JSON.
std::string ExportFormatOf(const RequestContext& context) {
  if (auto format = Param(context, "format", false)) return *format;
  std::string_view accept = context.request[boost::beast::http::field::accept];
  for (const FormatMedia& m : kMedia) {
    if (accept.find(m.media_type) != std::string_view::npos) return m.format;
  }
  return "json";
}

const char* MediaTypeOf(const std::string& format) {
  if (format == "xml") return "application/xml; charset=utf-8";
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "adx") return "application/adx+xml; charset=utf-8";
  return "application/json; charset=utf-8";
}

// Every org unit the request names must lie in the user's subtrees (on its last day, for a unit
// that has closed). Units that cannot be found are left to the export, which names them.
void RequireExportScope(const Analytics& analytics, const Principal& user,
                        const std::vector<std::string>& ids, Date today) {
  OrgScope scope = ScopeOf(analytics, user);
  for (const std::string& id : ids) {
    const OrgUnit* unit = analytics.hierarchy().FindByUid(id);
    if (unit == nullptr) unit = analytics.hierarchy().FindByCode(id, today);
    if (unit == nullptr) unit = analytics.hierarchy().FindLatestByCode(id);
    if (unit == nullptr) {
      for (const OrgUnit& u : analytics.hierarchy().units()) {
        if (u.name_vi == id || u.name_en == id) unit = &u;
      }
    }
    if (unit == nullptr) continue;
    Date day = today;
    if (!unit->validity.Contains(day) && unit->validity.to) day = unit->validity.to->AddDays(-1);
    if (!scope.Contains(*unit, day)) {
      throw HttpError(403, "auth.out_of_scope",
                      "đơn vị " + unit->code + " (" + unit->name_vi +
                          ") nằm ngoài phạm vi được giao cho " + user.account.username,
                      "org unit " + unit->code + " (" + unit->name_en +
                          ") is outside the units of " + user.account.username,
                      "orgUnit");
    }
  }
}

Response Export(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  std::string format_name = ExportFormatOf(context);
  auto format = ParseDataValueExportFormat(format_name);
  if (!format) {
    throw HttpError(400, "api.unknown_format",
                    "định dạng '" + format_name + "' không được hỗ trợ (json, xml, csv)",
                    "format '" + format_name + "' is not supported (json, xml, csv)", "format");
  }
  DataValueExportRequest request;
  request.data_sets = ListParam(context, "dataSet");
  request.data_elements = ListParam(context, "dataElement");
  request.periods = ListParam(context, "period");
  if (auto start = Param(context, "startDate", false)) {
    request.start_date = ParseDateParam(*start, "startDate");
  }
  if (auto end = Param(context, "endDate", false)) {
    request.end_date = ParseDateParam(*end, "endDate");
  }
  request.org_units = ListParam(context, "orgUnit");
  request.children = BoolParam(context, "children");
  request.id_schemes = IdSchemesOf(context);
  if (request.org_units.empty()) {
    throw HttpError(400, "api.missing_parameter", "thiếu tham số 'orgUnit'",
                    "missing parameter 'orgUnit'", "orgUnit");
  }
  services.analytics.Read([&](const Analytics& analytics) {
    RequireExportScope(analytics, user, request.org_units, services.today());
    // A restricted element named outright is refused; inside a data set it is left out.
    HiddenItems(analytics.metadata(), user).RequireNone(request.data_elements, "dataElement");
    for (const DataElement& element : analytics.metadata().data_elements) {
      if (!MaySee(user, element)) request.hidden_data_element_uids.insert(element.uid);
    }
    return 0;
  });
  std::ostringstream out;
  long long rows = services.store.Read(
      [&](Store& store) { return ExportDataValueSet(store, request, *format, out); });
  auto list = [](const std::vector<std::string>& items) {
    json::array out_items;
    for (const std::string& item : items) out_items.push_back(json::value(item));
    return out_items;
  };
  json::object detail{{"format", format_name},
                      {"dataSets", list(request.data_sets)},
                      {"dataElements", list(request.data_elements)},
                      {"periods", list(request.periods)},
                      {"orgUnits", list(request.org_units)},
                      {"children", request.children},
                      {"rows", rows}};
  if (request.start_date) detail["startDate"] = request.start_date->ToString();
  if (request.end_date) detail["endDate"] = request.end_date->ToString();
  if (!request.hidden_data_element_uids.empty()) {
    detail["restrictedLeftOut"] = request.hidden_data_element_uids.size();
  }
  std::string target;
  for (const std::string& unit : request.org_units) target += (target.empty() ? "" : ",") + unit;
  LogEvent(services, context, "export_data_value_set", target, detail);
  Response response{http::status::ok, 11};
  response.set(http::field::content_type, MediaTypeOf(format_name));
  response.set(http::field::cache_control, "no-store");
  response.body() = std::move(out).str();
  return response;
}

}  // namespace

void AddDataValueSetRoutes(Router& router, ApiServices& services) {
  router.Add(
      http::verb::post, "/api/dataValueSets", Access::kUser,
      [&services](RequestContext& context) { return Import(services, context); }, kImportBodyLimit,
      ImportMediaTypes());
  router.Add(http::verb::get, "/api/dataValueSets", Access::kUser,
             [&services](RequestContext& context) { return Export(services, context); });
  router.Add(http::verb::get, "/api/dataSets/{id}/entrySheet", Access::kUser,
             [&services](RequestContext& context) { return EntrySheet(services, context); });
}

}  // namespace solieu::server
