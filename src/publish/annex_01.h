// publish/annex_01: Phụ lục 01: five years of results against the five-year targets (rows of
// config/<province>/reports/annex_01.csv).
//
// The period is the plan's period, "2021-01-01/P5Y" (any multi-year period works; its years become
// the columns). A single year is refused rather than read as "the five years ending in it": the
// targets are stored under the plan's period, and for Phụ lục 02 the same year would have to mean
// the five years starting in it.
//
// Layout, as the 2025 report prints it: STT | Chỉ tiêu | Đơn vị tính | KH đến năm <last year> (the
// target stored under the plan's period) | THỰC HIỆN TỪNG NĂM over TH <year> ... and "Ước TH
// <last year>" (the last year's figures are the estimated outturn).
//
// Each year's figure is the indicator on that year's own structure ("as it was"): a commune share
// of 2022 is over the 129 communes of 2022, not the 45 after the 2025 reform.
//
// The definition file: kind, stt, indicator, name_vi, unit_vi, decimals, target_decimals.
// - kind: section (bold group row "A | DÂN SỐ"), row, or subrow (italic, no STT: the DTTS
//   variant, the % of the row above). A row or subrow without an indicator prints its name only.
// - decimals: the printed decimals of the yearly figures: one number for every year, or one per
//   year separated by spaces ("2 2 1 1 1"), as the department printed each column.
// - target_decimals: empty to print the target as written ("<15", "0,4-0,5", "13,0"); a number to
//   print a single-number target with that many decimals (a count target 275 printed "275,0").
// A year with no figure is left blank, as the printed annex leaves it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildAnnex01(const ReportContext& context, const Period& period);

// Shared with publish/annex_02.

// The row kinds of an annex definition ("section", "row", "subrow"); throws UserError naming the
// cell otherwise.
report::RowKind AnnexRowKind(const CsvTable& rows);
// The years of a multi-year period; throws UserError (naming --period) for any other period.
std::vector<Period> AnnexYears(const Period& period, const char* annex_vi, const char* annex_en,
                               const char* example);
// The figures of `code` for each period, each on the structure of its own last day (as it was),
// at the report's org unit. An unknown code throws a UserError naming the definition's line.
std::vector<std::optional<double>> AnnexValuesAsItWas(const ReportContext& context,
                                                      const CsvTable& rows, const std::string& code,
                                                      const std::vector<Period>& periods);
// A figure at its decimals, or a blank cell where there is none.
report::ReportCell AnnexNumberCell(const std::optional<double>& value, int decimals);
// STT, name (indented in a subrow) and unit, then `blank_cells` empty cells: the whole row of a
// section or of a name-only row.
report::ReportRow AnnexLabelRow(report::RowKind kind, const CsvTable& rows, size_t blank_cells);

}  // namespace solieu
