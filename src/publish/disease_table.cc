#include "publish/disease_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.h"
#include "publish/report_cells.h"
#include "report/vn_number.h"

namespace solieu {

using report::Align;
using report::ReportCell;

namespace {

// The option combos of the cases/deaths disaggregation, as config/<province>/categories.csv names
// them.
constexpr std::string_view kCasesCombo = "MAC";
constexpr std::string_view kDeathsCombo = "TU_VONG";

// "02 tháng năm 2021" as the table's header prints a two-month period; other periods by their
// usual label ("Tháng 01/2021", "Quý I/2021", "Năm 2021").
std::string ColumnLabel(const Period& period) {
  if (period.type() == PeriodType::kPeriodToDate) {
    int months = period.end().month();
    if (months < 12) return fmt::format("{:02d} tháng năm {}", months, period.year());
  }
  return period.LabelVi();
}

// A count as the table prints it: blank where there is no case (no value or 0).
ReportCell CountCell(double count) {
  if (count == 0) return {.text = "", .align = Align::kCenter};
  return {.text = report::FormatVi(count, 0), .value = count, .align = Align::kCenter};
}

// The difference, blank when neither period has a case.
ReportCell DifferenceCell(double current, double previous) {
  if (current == 0 && previous == 0) return {.text = "", .align = Align::kCenter};
  double change = current - previous;
  return {.text = report::FormatVi(change, 0), .value = change, .align = Align::kCenter};
}

struct DiseaseRow {
  const Disease* disease;
  std::string element_code;
};

// The diseases in report order, each with its data element, which must carry the cases/deaths
// option combos.
std::vector<DiseaseRow> DiseaseRows(const MetadataSnapshot& metadata) {
  std::vector<DiseaseRow> rows;
  for (const Disease& disease : metadata.diseases) {
    auto element =
        std::find_if(metadata.data_elements.begin(), metadata.data_elements.end(),
                     [&](const DataElement& e) { return e.uid == disease.data_element_uid; });
    if (element == metadata.data_elements.end()) {
      throw UserError("report.disease_element",
                      "bệnh '" + disease.code + "' không có phần tử dữ liệu",
                      "disease '" + disease.code + "' has no data element");
    }
    int found = 0;
    for (const CategoryOptionCombo& combo : metadata.category_option_combos) {
      if (combo.combo_uid == element->category_combo_uid &&
          (combo.code == kCasesCombo || combo.code == kDeathsCombo)) {
        ++found;
      }
    }
    if (found != 2) {
      throw UserError("report.disease_element",
                      "phần tử dữ liệu '" + element->code + "' của bệnh '" + disease.code +
                          "' phải phân tổ Mắc/Tử vong (MAC, TU_VONG)",
                      "data element '" + element->code + "' of disease '" + disease.code +
                          "' must be disaggregated by cases/deaths (MAC, TU_VONG)");
    }
    rows.push_back({&disease, element->code});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const DiseaseRow& a, const DiseaseRow& b) {
    return a.disease->report_order < b.disease->report_order;
  });
  if (rows.empty()) {
    throw UserError("report.no_diseases", "cấu hình không có danh mục bệnh (diseases.csv)",
                    "the configuration has no diseases (diseases.csv)");
  }
  return rows;
}

}  // namespace

report::ReportDocument BuildDiseaseTable(const ReportContext& context, const Period& period) {
  const Period previous = period.SameLastYear();
  const std::vector<Period> periods = {period, previous};

  report::ReportTable table;
  table.sheet_name = "Bệnh truyền nhiễm";
  table.header_rows.push_back({report::RowKind::kNormal,
                               {{.text = "TT", .row_span = 2},
                                {.text = "Tên bệnh", .row_span = 2},
                                {.text = ColumnLabel(period), .col_span = 2},
                                {.text = ColumnLabel(previous), .col_span = 2},
                                {.text = "So sánh cùng kỳ", .col_span = 2}}});
  std::vector<ReportCell> sub;
  for (int i = 0; i < 3; ++i) {
    sub.push_back({.text = "Mắc"});
    sub.push_back({.text = "Chết"});
  }
  table.header_rows.push_back({report::RowKind::kNormal, std::move(sub)});
  table.column_widths = {5, 34, 10, 8, 10, 8, 10, 8};

  for (const DiseaseRow& row : DiseaseRows(context.analytics().metadata())) {
    std::vector<std::optional<double>> cases =
        context.Values(row.element_code + "." + std::string(kCasesCombo), periods);
    std::vector<std::optional<double>> deaths =
        context.Values(row.element_code + "." + std::string(kDeathsCombo), periods);
    double c0 = cases[0].value_or(0), c1 = cases[1].value_or(0);
    double d0 = deaths[0].value_or(0), d1 = deaths[1].value_or(0);
    table.body_rows.push_back(
        {report::RowKind::kNormal,
         {{.text = std::to_string(row.disease->report_order), .align = Align::kCenter},
          {.text = row.disease->name_vi},
          CountCell(c0),
          CountCell(d0),
          CountCell(c1),
          CountCell(d1),
          DifferenceCell(c0, c1),
          DifferenceCell(d0, d1)}});
  }

  report::ReportDocument document;
  document.title = "Tình hình các bệnh truyền nhiễm gây dịch";
  document.subtitles = {context.org_unit().name_vi + ", " + period.LabelVi() + " so với " +
                        previous.LabelVi()};
  document.tables.push_back(std::move(table));
  document.footnotes.push_back("Ô trống: không có ca mắc, tử vong.");
  AddStandardFootnotes(context, &document, false);
  return document;
}

}  // namespace solieu
