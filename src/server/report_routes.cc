// GET /api/reports/{name}?period=..&format=csv|html|xlsx|docx[&org=CODE][&final=true]
// [&status=true]: the department's reports (src/publish) from the live engine, for an org unit in
// the user's scope (default: the user's first unit), as the CLI's `solieu report` makes them.
// Rows built on figures restricted to a user group the user is not in (HIV) are blank, with a
// footnote saying so; every download is logged (who, when, client, which report, how many rows).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/secret.h"
#include "publish/annex_01.h"
#include "publish/annex_02.h"
#include "publish/disease_table.h"
#include "publish/indicators_year.h"
#include "publish/programme_results.h"
#include "publish/report_context.h"
#include "report/csv_writer.h"
#include "report/docx_writer.h"
#include "report/html_writer.h"
#include "report/xlsx_writer.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/event_log.h"
#include "server/http_error.h"

namespace solieu::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReports[] = {"indicators-year", "annex-01", "annex-02", "diseases",
                                         "programme-results"};

// "202101-202102": January to February 2021, as `solieu report` reads it; else a period id.
Period ParseReportPeriod(const std::string& text) {
  size_t dash = text.find('-');
  bool months =
      text.size() == 13 && dash == 6 && text.find_first_not_of("0123456789-") == std::string::npos;
  if (!months) return ParsePeriodParam(text, "period");
  auto first = Period::Parse(text.substr(0, 6));
  auto last = Period::Parse(text.substr(7));
  std::optional<Period> span;
  if (first && last && first->type() == PeriodType::kMonth && last->type() == PeriodType::kMonth &&
      first->start() <= last->end()) {
    span = Period::FromSpan(first->start(), last->end());
  }
  if (!span) {
    throw HttpError(400, "api.invalid_period_range", "khoảng kỳ '" + text + "' không hợp lệ",
                    "invalid period range '" + text + "'", "period");
  }
  return *span;
}

report::ReportDocument Build(const std::string& name, const ReportContext& context,
                             const Period& period, bool final_figures, bool status) {
  if (name == "indicators-year") {
    return BuildIndicatorsYear(context, period, !final_figures, status);
  }
  if (name == "annex-01") return BuildAnnex01(context, period);
  if (name == "annex-02") return BuildAnnex02(context, period);
  if (name == "diseases") return BuildDiseaseTable(context, period);
  return BuildProgrammeResults(context, period);
}

// The xlsx and docx writers write files: render into a private temporary file and read it back.
std::string RenderToFile(const report::ReportDocument& document, const std::string& format) {
  fs::path path = fs::temp_directory_path() / ("solieu-report-" + RandomSecret(12) + "." + format);
  struct Remove {
    fs::path path;
    ~Remove() {
      std::error_code ignored;
      fs::remove(path, ignored);
    }
  } remove{path};
  if (format == "xlsx") {
    report::WriteXlsxFile(document, path);
  } else {
    report::WriteDocxFile(document, path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

bool Flag(const RequestContext& context, const char* name) {
  auto value = context.target.query.Get(name);
  if (!value || *value == "false" || *value == "0") return false;
  if (value->empty() || *value == "true" || *value == "1") return true;
  throw HttpError(400, "api.bad_flag", std::string("tham số '") + name + "' phải là true/false",
                  std::string("parameter '") + name + "' must be true or false", name);
}

Response Report(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  const std::string& name = context.path_params.at("name");
  if (std::find(std::begin(kReports), std::end(kReports), name) == std::end(kReports)) {
    throw HttpError(404, "api.unknown_report", "không có báo cáo '" + name + "'",
                    "no report '" + name +
                        "' (indicators-year, annex-01, annex-02, diseases, programme-results)",
                    "name");
  }
  Period period = ParseReportPeriod(*Param(context, "period", true));
  std::string format = Param(context, "format", false).value_or("csv");
  if (format != "csv" && format != "html" && format != "xlsx" && format != "docx") {
    throw HttpError(400, "api.bad_format", "định dạng phải là csv, html, xlsx hoặc docx",
                    "the format must be csv, html, xlsx or docx", "format");
  }
  bool final_figures = Flag(context, "final");
  bool status = Flag(context, "status");
  auto org = Param(context, "org", false);
  std::vector<TargetRecord> targets =
      services.store.Read([](Store& store) { return store.LoadTargets(); });
  Response response{http::status::ok, 11};
  long long rows = 0;
  std::string unit_uid;
  response.body() = services.analytics.Read([&](const Analytics& analytics) {
    const OrgHierarchy& hierarchy = analytics.hierarchy();
    const OrgUnit* unit = nullptr;
    if (org) {
      unit = hierarchy.FindByUid(*org);
      if (unit == nullptr) unit = hierarchy.FindByCode(*org, period.end());
      if (unit == nullptr) unit = hierarchy.FindLatestByCode(*org);
    } else if (!user.account.org_unit_uids.empty()) {
      unit = hierarchy.FindByUid(user.account.org_unit_uids.front());
    }
    if (unit == nullptr) {
      throw HttpError(400, "api.unknown_org_unit", "không có đơn vị '" + org.value_or("") + "'",
                      "no org unit '" + org.value_or("") + "'", "org");
    }
    RequireScope(analytics, user, *unit, period);
    ReportContext report_context(analytics, targets, services.config_dir, *unit, period.end());
    report_context.MarkSynthetic(services.analytics.synthetic());
    // Rows built on figures restricted to a user group the reader is not in are left blank.
    HiddenItems restricted(analytics.metadata(), user);
    std::set<std::string, std::less<>> hidden;
    for (const auto& [id, group] : restricted.items()) hidden.insert(id);
    report_context.Hide(std::move(hidden));
    report::ReportDocument document = Build(name, report_context, period, final_figures, status);
    if (report_context.HidAny()) {
      document.footnotes.push_back(
          "Các dòng số liệu dành riêng cho nhóm người dùng (HIV) được để trống vì " +
          user.account.username +
          " không thuộc nhóm đó. / Rows of figures restricted to a user group (HIV) are blank: " +
          user.account.username + " is not in it.");
    }
    for (const auto& table : document.tables) {
      rows += static_cast<long long>(table.body_rows.size());
    }
    unit_uid = unit->uid;
    if (format == "csv") {
      std::string text;
      for (const auto& table : document.tables) text += report::RenderCsv(table);
      return text;
    }
    if (format == "html") return report::RenderHtml(document);
    return RenderToFile(document, format);
  });
  static const std::map<std::string, std::string> kTypes = {
      {"csv", "text/csv; charset=utf-8"},
      {"html", "text/html; charset=utf-8"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}};
  response.set(http::field::content_type, kTypes.at(format));
  response.set(http::field::cache_control, "no-store");
  std::string file_period = period.Id();
  std::replace(file_period.begin(), file_period.end(), '/', '_');
  response.set(http::field::content_disposition,
               "attachment; filename=\"" + name + "-" + file_period + "." + format + "\"");
  LogEvent(services, context, "export_report", name,
           boost::json::object{{"report", name},
                               {"format", format},
                               {"period", period.Id()},
                               {"orgUnit", unit_uid},
                               {"final", final_figures},
                               {"status", status},
                               {"rows", rows}});
  if (format == "html") {
    // A standalone page with its CSS inline and no scripts: forbid everything else.
    response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  }
  return response;
}

}  // namespace

void AddReportRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/reports/{name}", Access::kUser,
             [&services](RequestContext& context) { return Report(services, context); });
}

}  // namespace solieu::server
