#include "publish/annex_02.h"

#include "core/csv_reader.h"
#include "core/error.h"
#include "publish/annex_01.h"
#include "publish/report_cells.h"

namespace solieu {

using report::Align;
using report::ReportCell;
using report::ReportRow;
using report::RowKind;

report::ReportDocument BuildAnnex02(const ReportContext& context, const Period& period) {
  const std::vector<Period> years =
      AnnexYears(period, "Phụ lục 02", "Phụ lục 02", "2026-01-01/P5Y");
  const int first = years.front().year();
  const int last = years.back().year();
  const int length = static_cast<int>(years.size());
  // The previous plan period and its last year, whose figures are the "ước thực hiện".
  const Period estimate_year = Period::Year(first - 1);
  const std::string previous = std::to_string(first - length) + "-" + std::to_string(first - 1);
  const std::string current = std::to_string(first) + "-" + std::to_string(last);

  report::ReportTable table;
  table.sheet_name = "Phụ lục 02";
  table.header_rows.push_back({RowKind::kNormal,
                               {{.text = "STT", .row_span = 2},
                                {.text = "Chỉ tiêu", .row_span = 2},
                                {.text = "Đơn vị tính", .row_span = 2},
                                {.text = "Ước thực hiện " + previous, .row_span = 2},
                                {.text = "Mục tiêu giai đoạn " + current, .row_span = 2},
                                {.text = "KẾ HOẠCH TỪNG NĂM", .col_span = length}}});
  ReportRow year_headers;
  for (const Period& year : years) {
    year_headers.cells.push_back({.text = "KH " + std::to_string(year.year())});
  }
  table.header_rows.push_back(std::move(year_headers));
  table.column_widths = {6, 46, 12, 11, 11};
  table.column_widths.resize(5 + years.size(), 10);

  report::ReportDocument document;
  CsvTable rows(context.DefinitionPath("annex_02.csv"),
                {"kind", "stt", "indicator", "name_vi", "unit_vi"},
                {"kind", "stt", "indicator", "name_vi", "unit_vi", "decimals", "note_vi", "note"});
  while (rows.Next()) {
    const RowKind kind = AnnexRowKind(rows);
    const std::string code = rows.Get("indicator");
    if (kind == RowKind::kSection || code.empty()) {
      table.body_rows.push_back(AnnexLabelRow(kind, rows, 2 + years.size()));
      continue;
    }
    const int decimals = DecimalsCell(rows, "decimals");
    const std::optional<double> estimate =
        AnnexValuesAsItWas(context, rows, code, {estimate_year}).front();
    ReportRow row = AnnexLabelRow(kind, rows, 0);
    row.cells.push_back(AnnexNumberCell(estimate, decimals));
    row.cells.push_back(TargetCell(context.Target(code, period)));
    std::vector<std::optional<std::string>> plans;
    for (const Period& year : years) plans.push_back(context.Target(code, year));
    size_t planned = plans.size();  // the years up to the last one with a plan
    while (planned > 0 && !plans[planned - 1]) --planned;
    const std::string note = rows.Get("note_vi");
    const bool note_in_table = !note.empty() && planned < plans.size();
    for (size_t i = 0; i < (note_in_table ? planned : plans.size()); ++i) {
      row.cells.push_back(TargetCell(plans[i]));
    }
    if (note_in_table) {
      row.cells.push_back({.text = note,
                           .align = Align::kCenter,
                           .col_span = static_cast<int>(plans.size() - planned)});
    } else if (!note.empty()) {
      document.footnotes.push_back(rows.Get("stt") + ". " + rows.Get("name_vi") + ": " + note);
    }
    table.body_rows.push_back(std::move(row));
  }

  document.label = "Phụ lục 02";
  document.title = "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI " + std::to_string(length) +
                   " NĂM GIAI ĐOẠN " + current + " VÀ NĂM " + std::to_string(first);
  document.subtitles = {context.org_unit().name_vi};
  document.tables.push_back(std::move(table));
  document.orientation = report::PageOrientation::kLandscape;
  AddStandardFootnotes(context, &document, /*estimate=*/true);
  return document;
}

}  // namespace solieu
