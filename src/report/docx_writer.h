// report/docx_writer: a report as a Word document (.docx, OOXML WordprocessingML) written by hand:
// the package is five small XML parts zipped with minizip, so no office suite or heavy library is
// needed to produce it. Laid out as Vietnamese official annexes are (Nghị định 30/2020/NĐ-CP):
// A4 (landscape for wide annexes), Times New Roman 13 pt text and 12 pt tables, the label and
// title centered bold, subtitles centered italic. Tables are real Word tables (w:tbl with a
// w:tblGrid, w:gridSpan for merged columns, w:vMerge for merged rows, single borders, header rows
// repeated on every page). Opens in Word and LibreOffice.
// Depends on: report/report_table, report/table_layout, report/xml_escape, report/zip_writer.
#pragma once

#include <filesystem>

#include "report/report_table.h"

namespace solieu::report {

// Throws UserError if a table's merges are inconsistent (see TableLayout) or the file cannot be
// written; a failed write leaves no file behind.
void WriteDocxFile(const ReportDocument& document, const std::filesystem::path& path);

}  // namespace solieu::report
