#include "publish/annex_01.h"

#include <charconv>
#include <sstream>

#include "core/error.h"
#include "plan/target.h"
#include "publish/report_cells.h"
#include "report/vn_number.h"

namespace solieu {

using report::Align;
using report::ReportCell;
using report::ReportRow;
using report::RowKind;

namespace {

int ParseDecimals(const std::string& text, const CsvTable& rows, std::string_view column) {
  int decimals = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), decimals);
  if (ec != std::errc() || end != text.data() + text.size() || decimals < 0 || decimals > 6) {
    throw UserError("report.bad_definition", "số chữ số thập phân phải từ 0 đến 6",
                    "decimals must be 0 to 6", rows.Where(column));
  }
  return decimals;
}

// "2" for every year, or "2 2 1 1 1": one per year.
std::vector<int> DecimalsPerYear(const CsvTable& rows, size_t years) {
  std::istringstream in(rows.Get("decimals"));
  std::vector<int> out;
  for (std::string word; in >> word;) out.push_back(ParseDecimals(word, rows, "decimals"));
  if (out.size() == 1) out.resize(years, out.front());
  if (out.size() != years) {
    throw UserError(
        "report.bad_definition",
        "decimals cần một số, hoặc một số cho mỗi năm (" + std::to_string(years) + " năm)",
        "decimals needs one number, or one per year (" + std::to_string(years) + " years)",
        rows.Where("decimals"));
  }
  return out;
}

ReportCell Annex01TargetCell(const std::optional<std::string>& target, const CsvTable& rows) {
  const std::string decimals_text = rows.Get("target_decimals");
  if (!target || decimals_text.empty()) return TargetCell(target);
  plan::Target parsed = plan::Target::ParseMachine(*target);
  if (!parsed.is_single_number()) return TargetCell(target);
  int decimals = ParseDecimals(decimals_text, rows, "target_decimals");
  return {.text = report::FormatViTrailing(parsed.low(), decimals),
          .value = report::RoundAsPrinted(parsed.low(), decimals),
          .align = Align::kCenter};
}

}  // namespace

RowKind AnnexRowKind(const CsvTable& rows) {
  const std::string kind = rows.Get("kind");
  if (kind == "section") return RowKind::kSection;
  if (kind == "row") return RowKind::kNormal;
  if (kind == "subrow") return RowKind::kSubRow;
  throw UserError("report.bad_definition", "kind phải là section, row hoặc subrow",
                  "kind must be section, row or subrow", rows.Where("kind"));
}

std::vector<Period> AnnexYears(const Period& period, const char* annex_vi, const char* annex_en,
                               const char* example) {
  if (period.type() != PeriodType::kMultiYear) {
    throw UserError(
        "report.period_type",
        std::string(annex_vi) + " cần kỳ nhiều năm của kế hoạch (ví dụ " + example + ")",
        std::string(annex_en) + " needs the plan's multi-year period (e.g. " + example + ")",
        "--period");
  }
  std::vector<Period> years;
  for (int y = period.start().year(); y <= period.end().year(); ++y) {
    years.push_back(Period::Year(y));
  }
  return years;
}

std::vector<std::optional<double>> AnnexValuesAsItWas(const ReportContext& context,
                                                      const CsvTable& rows, const std::string& code,
                                                      const std::vector<Period>& periods) {
  try {
    return context.Values(code, periods, Structure::kAsItWas);
  } catch (const UserError& e) {
    throw UserError(e.code(), e.message_vi(), e.message_en(), rows.Where("indicator"));
  }
}

ReportCell AnnexNumberCell(const std::optional<double>& value, int decimals) {
  if (!value) return {.text = "", .align = Align::kCenter};
  return NumberCell(value, decimals);
}

ReportRow AnnexLabelRow(RowKind kind, const CsvTable& rows, size_t blank_cells) {
  ReportRow row{.kind = kind,
                .cells = {{.text = rows.Get("stt"), .align = Align::kCenter},
                          {.text = rows.Get("name_vi"), .indent = kind == RowKind::kSubRow ? 1 : 0},
                          {.text = rows.Get("unit_vi"), .align = Align::kCenter}}};
  row.cells.resize(row.cells.size() + blank_cells, ReportCell{});
  return row;
}

report::ReportDocument BuildAnnex01(const ReportContext& context, const Period& period) {
  const std::vector<Period> years =
      AnnexYears(period, "Phụ lục 01", "Phụ lục 01", "2021-01-01/P5Y");
  const std::string first = std::to_string(years.front().year());
  const std::string last = std::to_string(years.back().year());

  report::ReportTable table;
  table.sheet_name = "Phụ lục 01";
  table.header_rows.push_back(
      {RowKind::kNormal,
       {{.text = "STT", .row_span = 2},
        {.text = "Chỉ tiêu", .row_span = 2},
        {.text = "Đơn vị tính", .row_span = 2},
        {.text = "KH đến năm " + last, .row_span = 2},
        {.text = "THỰC HIỆN TỪNG NĂM", .col_span = static_cast<int>(years.size())}}});
  ReportRow year_headers;
  for (size_t i = 0; i < years.size(); ++i) {
    const std::string y = std::to_string(years[i].year());
    year_headers.cells.push_back({.text = (i + 1 == years.size() ? "Ước TH " : "TH ") + y});
  }
  table.header_rows.push_back(std::move(year_headers));
  table.column_widths = {6, 46, 12, 11};
  table.column_widths.resize(4 + years.size(), 10);

  CsvTable rows(
      context.DefinitionPath("annex_01.csv"), {"kind", "stt", "indicator", "name_vi", "unit_vi"},
      {"kind", "stt", "indicator", "name_vi", "unit_vi", "decimals", "target_decimals", "note"});
  while (rows.Next()) {
    const RowKind kind = AnnexRowKind(rows);
    const std::string code = rows.Get("indicator");
    if (kind == RowKind::kSection || code.empty()) {
      table.body_rows.push_back(AnnexLabelRow(kind, rows, 1 + years.size()));
      continue;
    }
    const std::vector<int> decimals = DecimalsPerYear(rows, years.size());
    const std::vector<std::optional<double>> values =
        AnnexValuesAsItWas(context, rows, code, years);
    ReportRow row = AnnexLabelRow(kind, rows, 0);
    row.cells.push_back(Annex01TargetCell(context.Target(code, period), rows));
    for (size_t i = 0; i < years.size(); ++i) {
      row.cells.push_back(AnnexNumberCell(values[i], decimals[i]));
    }
    table.body_rows.push_back(std::move(row));
  }

  report::ReportDocument document;
  document.label = "Phụ lục 01";
  document.title =
      "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU\nKẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI " +
      std::to_string(years.size()) + " NĂM GIAI ĐOẠN " + first + "-" + last + ", LĨNH VỰC Y TẾ";
  document.subtitles = {context.org_unit().name_vi};
  document.tables.push_back(std::move(table));
  document.orientation = report::PageOrientation::kLandscape;
  AddStandardFootnotes(context, &document, /*estimate=*/true);
  return document;
}

}  // namespace solieu
