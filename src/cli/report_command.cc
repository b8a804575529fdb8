// solieu report: the department's reports regenerated from stored data, in CSV, HTML, .xlsx, .docx.
#include <fstream>
#include <iostream>

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
};

report::ReportDocument Build(const ReportOptions& o, const ReportContext& context,
                             const Period& period) {
  if (o.name == "indicators-year") return BuildIndicatorsYear(context, period, !o.final_figures);
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

void Run(const ReportOptions& o) {
  auto period = Period::Parse(o.period);
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
  command->add_option("--period", options->period, "2025, 2021Q1, 2021-2025 ...")->required();
  command->add_option("--org", options->org, "Org unit code (default 11, the province)");
  command->add_option("--format", options->format, "csv (default), html, xlsx, docx");
  command->add_option("-o,--output", options->output, "Output file (stdout for csv/html)");
  command->add_option("--config", options->config, "Configuration folder with reports/*.csv");
  command->add_flag("--final", options->final_figures,
                    "Print TH (final) instead of Ước TH (estimate)");
  command->callback([options] { Run(*options); });
}

}  // namespace solieu::cli
