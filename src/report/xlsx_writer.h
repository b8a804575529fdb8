// report/xlsx_writer: a report as an Excel workbook through libxlsxwriter, one sheet per table:
// the label, title and subtitles merged across the table above it, bold bordered header rows with
// their merges (frozen on screen, repeated on printed pages), bordered body rows, the footnotes
// below, Times New Roman, A4 in the document's orientation, one page wide.
// Cells whose text is a Vietnamese number of their machine value ("1.250" for 1250) are written
// as numbers with a format that shows the same digits ("#,##0"); the separators then follow the
// reader's locale (a Vietnamese Excel shows "1.250", an English one "1,250"), so the display text
// in CSV, HTML and .docx is the reference. Any other cell is written as its text.
// Depends on: report/report_table, report/table_layout, report/xlsx_number_format,
// report/xlsx_sheet_name, libxlsxwriter, core/error.
#pragma once

#include <filesystem>

#include "report/report_table.h"

namespace solieu::report {

// Throws UserError if a table's merges are inconsistent (see TableLayout) or the workbook cannot
// be written; a failed write leaves no file behind.
void WriteXlsxFile(const ReportDocument& document, const std::filesystem::path& path);

}  // namespace solieu::report
