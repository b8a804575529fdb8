// solieu report: the department's reports regenerated from stored data, in CSV, HTML, .xlsx, .docx.
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "engine/analytics.h"
#include "publish/annex_01.h"
#include "publish/annex_02.h"
#include "publish/disease_table.h"
#include "publish/indicators_year.h"
#include "publish/programme_results.h"
#include "report/csv_writer.h"
#include "report/docx_writer.h"
#include "report/html_writer.h"
#include "report/xlsx_writer.h"

namespace solieu::cli {
namespace {

struct ReportOptions {
  std::string name;
  std::string period;
  std::string org = "11";
  std::string format = "csv";
  std::string output;
  std::string config = "config/dien-bien";
  bool final_figures = false;
  bool status = false;
};

report::ReportDocument Build(const ReportOptions& o, const ReportContext& context,
                             const Period& period) {
  if (o.name == "indicators-year") {
    return BuildIndicatorsYear(context, period, !o.final_figures, o.status);
  }
  if (o.name == "annex-01") return BuildAnnex01(context, period);
  if (o.name == "annex-02") return BuildAnnex02(context, period);
  if (o.name == "diseases") return BuildDiseaseTable(context, period);
  if (o.name == "programme-results") return BuildProgrammeResults(context, period);
  throw UserError(
      "cli.unknown_report", "không có báo cáo '" + o.name + "'",
      "no report '" + o.name +
          "' (available: indicators-year, annex-01, annex-02, diseases, programme-results)",
      "NAME");
}

// "202101-202102": two month ids joined by '-', the span from the first month's start to the
// second's end (here Jan-Feb 2021, the disease table's "02 tháng"). The span must be a period the
// reports know: a month, quarter, half-year, year, or January to a later month of the same year.
std::optional<Period> ParseMonthRange(const std::string& text) {
  size_t dash = text.find('-');
  if (dash == std::string::npos || text.find('/') != std::string::npos) return std::nullopt;
  std::string first_id = text.substr(0, dash);
  std::string last_id = text.substr(dash + 1);
  auto is_month_id = [](const std::string& id) {
    return id.size() == 6 && id.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!is_month_id(first_id) && !is_month_id(last_id)) return std::nullopt;
  auto bad = [&](const std::string& why_vi, const std::string& why_en) {
    return UserError("cli.invalid_period_range",
                     "khoảng kỳ '" + text + "' không hợp lệ: " + why_vi +
                         " (ví dụ 202101-202102 là tháng 1 đến tháng 2 năm 2021)",
                     "invalid period range '" + text + "': " + why_en +
                         " (e.g. 202101-202102 is January to February 2021)",
                     "--period");
  };
  std::optional<Period> first = Period::Parse(first_id);
  std::optional<Period> last = Period::Parse(last_id);
  if (!is_month_id(first_id) || !is_month_id(last_id) || !first || !last ||
      first->type() != PeriodType::kMonth || last->type() != PeriodType::kMonth) {
    throw bad("cần hai mã tháng YYYYMM nối bằng '-'",
              "expected two month ids YYYYMM joined by '-'");
  }
  if (last->end() < first->start()) {
    throw bad("tháng cuối đứng trước tháng đầu", "the last month is before the first");
  }
  std::optional<Period> span = Period::FromSpan(first->start(), last->end());
  if (!span) {
    throw bad(
        "khoảng này không phải một kỳ báo cáo (tháng, quý, 6 tháng, năm, hoặc từ tháng 01 đến "
        "một tháng trong cùng năm)",
        "the span is not a reporting period (a month, quarter, half-year, year, or January to a "
        "month of the same year)");
  }
  return span;
}

void Run(const ReportOptions& o) {
  std::optional<Period> period = ParseMonthRange(o.period);
  if (!period) period = Period::Parse(o.period);
  if (!period) {
    throw UserError("cli.invalid_period", "kỳ '" + o.period + "' không hợp lệ",
                    "invalid period '" + o.period + "'", "--period");
  }
  if (o.format != "csv" && o.format != "html" && o.format != "xlsx" && o.format != "docx") {
    throw UserError("cli.bad_format", "định dạng phải là csv, html, xlsx hoặc docx",
                    "the format must be csv, html, xlsx or docx", "--format");
  }
  if ((o.format == "xlsx" || o.format == "docx") && o.output.empty()) {
    throw UserError("cli.output_required", "tệp .xlsx/.docx cần -o TỆP",
                    ".xlsx and .docx need -o FILE", "-o");
  }
  auto store = OpenStore();
  bool synthetic = false;
  std::unique_ptr<Analytics> analytics = LoadAnalytics(*store, &synthetic);
  // The report's unit on the structure of the period's last day (after the reform: the 45
  // communes).
  const OrgUnit* unit = analytics->hierarchy().FindByCode(o.org, period->end());
  if (unit == nullptr) unit = analytics->hierarchy().FindLatestByCode(o.org);
  if (unit == nullptr) {
    throw UserError("cli.unknown_org_unit", "không có đơn vị mã '" + o.org + "'",
                    "no org unit with code '" + o.org + "'", "--org");
  }
  ReportContext context(*analytics, store->LoadTargets(), o.config, *unit, period->end());
  context.MarkSynthetic(synthetic);
  report::ReportDocument document = Build(o, context, *period);
  if (o.format == "csv") {
    std::string text;
    for (const auto& table : document.tables) text += report::RenderCsv(table);
    if (o.output.empty()) {
      std::cout << text;
    } else {
      std::ofstream(o.output, std::ios::binary) << text;
    }
  } else if (o.format == "html") {
    if (o.output.empty()) {
      std::cout << report::RenderHtml(document);
    } else {
      report::WriteHtmlFile(document, o.output);
    }
  } else if (o.format == "xlsx") {
    report::WriteXlsxFile(document, o.output);
  } else {
    report::WriteDocxFile(document, o.output);
  }
  if (!o.output.empty()) std::cerr << "Đã ghi / written: " << o.output << "\n";
}

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand(
      "report", "Báo cáo của Sở từ số liệu đã lưu / the department's reports from stored data");
  command
      ->add_option("name", options->name,
                   "indicators-year, annex-01, annex-02, diseases, programme-results")
      ->required();
  command
      ->add_option("--period", options->period,
                   "2025, 2021Q1, 2021-2025, 202101-202102 (Jan-Feb 2021) ...")
      ->required();
  command->add_option("--org", options->org, "Org unit code (default 11, the province)");
  command->add_option("--format", options->format, "csv (default), html, xlsx, docx");
  command->add_option("-o,--output", options->output, "Output file (stdout for csv/html)");
  command->add_option("--config", options->config, "Configuration folder with reports/*.csv");
  command->add_flag("--final", options->final_figures,
                    "Print TH (final) instead of Ước TH (estimate)");
  command->add_flag("--status", options->status,
                    "Add the verdict column Đánh giá (đạt / không đạt / vượt)");
  command->callback([options] { Run(*options); });
}

}  // namespace solieu::cli
