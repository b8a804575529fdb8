#include "publish/indicators_year.h"

#include "core/csv_reader.h"
#include "core/error.h"
#include "plan/comparison.h"
#include "plan/target.h"
#include "publish/report_cells.h"
#include "report/vn_number.h"

namespace solieu {

using report::Align;

namespace {

// The verdict on a printed figure, so a status never contradicts the number beside it.
std::string StatusText(const ReportContext& context, const std::string& code,
                       const std::optional<double>& value, int decimals,
                       const std::optional<std::string>& target) {
  const Indicator* indicator = context.analytics().FindIndicator(code);
  if (!value || !target || indicator == nullptr) return "";
  auto status = plan::EvaluateStatus(report::RoundAsPrinted(*value, decimals),
                                     plan::Target::ParseMachine(*target), indicator->direction);
  return status ? std::string(plan::StatusVi(*status)) : "";
}

}  // namespace

report::ReportDocument BuildIndicatorsYear(const ReportContext& context, const Period& year,
                                           bool estimate, bool with_status) {
  if (year.type() != PeriodType::kYear) {
    throw UserError("report.period_type", "báo cáo chỉ tiêu năm cần một kỳ năm (ví dụ 2025)",
                    "the yearly indicator table needs a yearly period (e.g. 2025)", "--period");
  }
  const std::string y = std::to_string(year.year());
  report::ReportTable table;
  table.sheet_name = "Chỉ tiêu năm " + y;
  table.header_rows.push_back({report::RowKind::kNormal,
                               {{.text = "STT"},
                                {.text = "Chỉ tiêu"},
                                {.text = "Đơn vị tính"},
                                {.text = "KH năm " + y},
                                {.text = (estimate ? "Ước TH năm " : "TH năm ") + y}}});
  table.column_widths = {6, 60, 16, 14, 14};
  if (with_status) {
    table.header_rows.back().cells.push_back({.text = "Đánh giá"});
    table.column_widths.push_back(12);
  }
  CsvTable rows(context.DefinitionPath("indicators_year.csv"),
                {"stt", "indicator", "name_vi", "unit_vi", "decimals"},
                {"stt", "indicator", "name_vi", "unit_vi", "decimals", "note"});
  while (rows.Next()) {
    int decimals = DecimalsCell(rows, "decimals");
    std::string code = rows.Get("indicator");
    std::optional<double> value = ValueOrThrow(context, rows, code, year);
    std::optional<std::string> target = context.Target(code, year);
    table.body_rows.push_back({report::RowKind::kNormal,
                               {{.text = rows.Get("stt"), .align = Align::kCenter},
                                {.text = rows.Get("name_vi")},
                                {.text = rows.Get("unit_vi"), .align = Align::kCenter},
                                TargetCell(target),
                                NumberCell(value, decimals)}});
    if (with_status) {
      table.body_rows.back().cells.push_back(
          {.text = StatusText(context, code, value, decimals, target), .align = Align::kCenter});
    }
  }
  report::ReportDocument document;
  document.title = "THỰC HIỆN CÁC CHỈ TIÊU ĐƯỢC GIAO NĂM " + y;
  document.subtitles = {context.org_unit().name_vi};
  document.tables.push_back(std::move(table));
  AddStandardFootnotes(context, &document, estimate);
  return document;
}

}  // namespace solieu
