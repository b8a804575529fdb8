// report/csv_writer: one table as CSV, cell by cell exactly as printed; golden tests compare it.
// The layout: one record per table row, header rows first, every record as wide as the table.
// A merged cell's text is in its top-left slot and the slots it covers are empty (what LibreOffice
// and Excel export for merged cells), so every column keeps one meaning. UTF-8 without a BOM,
// fields quoted per RFC 4180 (only when they hold a comma, quote, CR or LF), records end in "\n"
// (RFC 4180 says CRLF; core/csv_reader and common tools read both, and golden files diff cleanly).
// Machine values and styling are not written: the CSV is the display text.
// Depends on: report/report_table, report/table_layout, core/error.
#pragma once

#include <filesystem>
#include <string>

#include "report/report_table.h"

namespace solieu::report {

// Throws UserError if the table's merges are inconsistent (see TableLayout).
std::string RenderCsv(const ReportTable& table);

// Throws UserError if the table is inconsistent or the file cannot be written.
void WriteCsvFile(const ReportTable& table, const std::filesystem::path& path);

}  // namespace solieu::report
