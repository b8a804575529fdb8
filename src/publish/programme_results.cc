#include "publish/programme_results.h"

#include "core/csv_reader.h"
#include "core/error.h"
#include "plan/comparison.h"
#include "plan/target.h"
#include "publish/report_cells.h"
#include "report/vn_number.h"

namespace solieu {

using report::Align;
using report::ReportCell;

namespace {

// One line of config/<province>/reports/programme_results.csv.
struct ResultLine {
  std::string section;
  std::string measure;
  std::string unit;
  int decimals = 0;
  int pct_decimals = 1;
  std::optional<double> value;
  std::optional<std::string> target;  // stored text
  std::optional<double> percent_of_plan;
  std::string comparison;  // "tăng 0,3% so với năm 2024"; empty when not printed or not stored
};

bool AttachesUnit(std::string_view unit) {
  return unit == "%" || unit == "‰" || unit == "%o";
}

// "700 lượt", "72,8%", "108,0 trẻ trai/100 trẻ gái".
std::string ValueWithUnit(double value, int decimals, const std::string& unit) {
  std::string text = report::FormatViTrailing(value, decimals);
  if (unit.empty()) return text;
  return AttachesUnit(unit) ? text + unit : text + " " + unit;
}

// "Tổng số lần khám bệnh 700 lượt, đạt 23,3% KH", "Tỷ số giới tính khi sinh 108,0 trẻ trai/100
// trẻ gái (giảm 6,2 điểm so với cùng kỳ)".
std::string Sentence(const ResultLine& line) {
  if (!line.value) return line.measure + ": chưa có số liệu";
  std::string text = line.measure + " " + ValueWithUnit(*line.value, line.decimals, line.unit);
  if (line.percent_of_plan) {
    text += ", " + report::FormatPercentOfPlan(*line.percent_of_plan, line.pct_decimals);
  }
  if (!line.comparison.empty()) text += " (" + line.comparison + ")";
  return text;
}

int OptionalDecimals(const CsvTable& rows, std::string_view column, int fallback) {
  if (rows.Get(column).empty()) return fallback;
  return DecimalsCell(rows, column);
}

// The value at the definition's org unit (empty: the report's), on the structure of the
// period's last day as the report's own values.
std::optional<double> LineValue(const ReportContext& context, const CsvTable& rows,
                                const std::string& code, const std::string& org_code,
                                const Period& period) {
  if (org_code.empty()) {
    try {
      return context.Value(code, period);
    } catch (const UserError& e) {
      throw UserError(e.code(), e.message_vi(), e.message_en(), rows.Where("code"));
    }
  }
  if (context.Hides(code)) return std::nullopt;
  const Analytics& analytics = context.analytics();
  const OrgUnit* unit = analytics.hierarchy().FindByCode(org_code, period.end());
  if (unit == nullptr) {
    throw UserError("report.bad_definition", "không có đơn vị mã '" + org_code + "'",
                    "no org unit with code '" + org_code + "'", rows.Where("org_unit"));
  }
  AnalyticsQuery query;
  query.dx = {code};
  query.periods = {period};
  query.org_units = {unit->uid};
  query.structure = Structure::kOnDate;
  query.structure_date = period.end();
  try {
    return analytics.Query(query).At(0, 0, 0);
  } catch (const UserError& e) {
    throw UserError(e.code(), e.message_vi(), e.message_en(), rows.Where("code"));
  }
}

// The plan named by the `plan` column: "year" is the target of the period's year (a quarter's
// "đạt X% KH" is of the year's plan), any other text a period id; empty: no plan.
std::optional<Period> PlanPeriod(const CsvTable& rows, const Period& period) {
  std::string plan = rows.Get("plan");
  if (plan.empty()) return std::nullopt;
  if (plan == "year") return Period::Year(period.year());
  std::optional<Period> explicit_period = Period::Parse(plan);
  if (!explicit_period) {
    throw UserError("report.bad_definition",
                    "cột plan phải để trống, là 'year' hoặc một mã kỳ (ví dụ 2021)",
                    "plan must be empty, 'year' or a period id (e.g. 2021)", rows.Where("plan"));
  }
  return explicit_period;
}

// "cùng kỳ" or "năm 2024" for the `compare` column ("cùng kỳ", "năm trước"); empty: none.
std::string ComparedWith(const CsvTable& rows, const Period& period) {
  std::string compare = rows.Get("compare");
  if (compare.empty() || compare == "cùng kỳ") return compare;
  if (compare == "năm trước") return "năm " + std::to_string(period.SameLastYear().year());
  throw UserError("report.bad_definition",
                  "cột compare phải để trống, là 'cùng kỳ' hoặc 'năm trước'",
                  "compare must be empty, 'cùng kỳ' or 'năm trước'", rows.Where("compare"));
}

// "KH năm 2021" (the column of the plans; a quarter's results are against the year's plan).
std::string PlanHeader(const std::optional<Period>& plan) {
  if (!plan) return "KH";
  if (plan->type() == PeriodType::kYear) return "KH năm " + std::to_string(plan->year());
  return "KH " + plan->LabelVi();
}

}  // namespace

report::ReportDocument BuildProgrammeResults(const ReportContext& context, const Period& period) {
  const std::string period_id = period.Id();
  CsvTable rows(context.DefinitionPath("programme_results.csv"),
                {"period", "section", "measure_vi", "code", "unit_vi", "decimals"},
                {"period", "section", "measure_vi", "code", "org_unit", "unit_vi", "decimals",
                 "plan", "pct_decimals", "compare", "change_unit", "source", "note"});
  std::vector<ResultLine> lines;
  std::optional<Period> plan_header;
  while (rows.Next()) {
    std::optional<Period> row_period = Period::Parse(rows.Get("period"));
    if (!row_period) {
      throw UserError("report.bad_definition", "kỳ '" + rows.Get("period") + "' không hợp lệ",
                      "invalid period '" + rows.Get("period") + "'", rows.Where("period"));
    }
    if (*row_period != period) continue;
    ResultLine line;
    line.section = rows.Get("section");
    line.measure = rows.Get("measure_vi");
    line.unit = rows.Get("unit_vi");
    line.decimals = DecimalsCell(rows, "decimals");
    line.pct_decimals = OptionalDecimals(rows, "pct_decimals", 1);
    const std::string code = rows.Get("code");
    const std::string org_code = rows.Get("org_unit");
    line.value = LineValue(context, rows, code, org_code, period);
    // % KH and the comparison are of the figure as printed, so a reader who divides the printed
    // figures gets the printed percentage.
    std::optional<double> printed;
    if (line.value) printed = report::RoundAsPrinted(*line.value, line.decimals);
    if (std::optional<Period> plan_period = PlanPeriod(rows, period)) {
      if (!plan_header) plan_header = plan_period;
      line.target = context.Target(code, *plan_period);
      if (line.target && printed) {
        plan::Target target = plan::Target::ParseMachine(*line.target, rows.Where("plan"));
        line.percent_of_plan = plan::PercentOfPlan(*printed, target);
      }
    }
    std::string compared_with = ComparedWith(rows, period);
    if (!compared_with.empty() && printed) {
      std::optional<double> previous =
          LineValue(context, rows, code, org_code, period.SameLastYear());
      if (previous) {
        double previous_printed = report::RoundAsPrinted(*previous, line.decimals);
        plan::Change change = plan::CompareWithPrevious(*printed, previous_printed);
        std::string unit = rows.Get("change_unit");
        if (unit.empty()) unit = line.unit;
        line.comparison = report::FormatChange(change.absolute, line.decimals, unit, compared_with);
      }
    }
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    throw UserError("report.no_rows", "programme_results.csv không có dòng nào cho kỳ " + period_id,
                    "programme_results.csv has no rows for period " + period_id, "--period");
  }

  report::ReportTable table;
  table.sheet_name = "Kết quả chương trình " + period_id;
  table.header_rows.push_back({report::RowKind::kNormal,
                               {{.text = "Mục"},
                                {.text = "Chỉ tiêu"},
                                {.text = "Kết quả"},
                                {.text = "Đơn vị"},
                                {.text = PlanHeader(plan_header)},
                                {.text = "% KH"},
                                {.text = "So sánh"},
                                {.text = "Câu báo cáo"}}});
  table.column_widths = {24, 40, 12, 12, 12, 9, 24, 60};
  for (size_t i = 0; i < lines.size(); ++i) {
    const ResultLine& line = lines[i];
    std::vector<ReportCell> cells;
    // The section once, merged down over its consecutive lines.
    if (i == 0 || lines[i - 1].section != line.section) {
      int span = 1;
      while (i + span < lines.size() && lines[i + span].section == line.section) ++span;
      cells.push_back({.text = line.section, .row_span = span});
    }
    cells.push_back({.text = line.measure});
    cells.push_back(NumberCell(line.value, line.decimals));
    cells.push_back({.text = line.unit, .align = Align::kCenter});
    cells.push_back(TargetCell(line.target));
    if (line.percent_of_plan) {
      double pct = report::RoundAsPrinted(*line.percent_of_plan, line.pct_decimals);
      cells.push_back({.text = report::FormatVi(pct, line.pct_decimals),
                       .value = pct,
                       .align = Align::kCenter});
    } else {
      cells.push_back({.text = "", .align = Align::kCenter});
    }
    cells.push_back({.text = line.comparison});
    cells.push_back({.text = Sentence(line)});
    table.body_rows.push_back({report::RowKind::kNormal, std::move(cells)});
  }

  report::ReportDocument document;
  document.title = "KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH Y TẾ";
  document.subtitles = {context.org_unit().name_vi + ", " + period.LabelVi()};
  document.tables.push_back(std::move(table));
  document.footnotes.push_back(
      "% KH: kết quả so với kế hoạch (chỉ tiêu đã lưu); kế hoạch của một quý là kế hoạch năm.");
  AddStandardFootnotes(context, &document, true);
  document.orientation = report::PageOrientation::kLandscape;
  return document;
}

}  // namespace solieu
