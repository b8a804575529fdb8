// publish/report_cells: the cells every department report prints the same way: a figure at its
// printed decimals in the Vietnamese form, a target as written, an empty cell for no data, and
// the footnotes that say where the figures come from.
#pragma once

#include <optional>
#include <string>

#include "core/csv_reader.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

// "1.250", "65,7" with the value for spreadsheets; "-" where there is no value.
report::ReportCell NumberCell(const std::optional<double>& value, int decimals);
report::ReportCell TargetCell(const std::optional<std::string>& stored_target);
// The `decimals` column of a report definition (0..6), with the file and line on error.
int DecimalsCell(const CsvTable& rows, std::string_view column);
// The engine's value, turning an unknown code into an error that names the definition's line.
std::optional<double> ValueOrThrow(const ReportContext& context, const CsvTable& rows,
                                   const std::string& code, const Period& period);
// "Số liệu ... ước thực hiện", and the synthetic-data warning when the store holds demo data.
void AddStandardFootnotes(const ReportContext& context, report::ReportDocument* document,
                          bool estimate);

}  // namespace solieu
