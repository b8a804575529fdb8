// report/report_table: the document model every report writer renders (CSV, HTML, .xlsx, .docx).
// Owns: what is printed, not how a format prints it. Cells carry their display text already
// formatted the Vietnamese way ("1.250", "65,7", "<109"); the text is the truth every format shows.
// A cell may also carry its machine value so spreadsheets get a real number. Depends on: nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace solieu::report {

// Every member below has a default, so tables read as designated initializers, e.g.
//   ReportCell{.text = "THỰC HIỆN TỪNG NĂM", .col_span = 5}
//   ReportCell{.text = "1.250", .value = 1250, .align = Align::kCenter}

enum class Align {
  kAuto,  // header cells centered; body cells with a machine value right, other body cells left
  kLeft,
  kCenter,
  kRight,
};

enum class RowKind {
  kNormal,
  kSection,  // a group heading such as "A | DÂN SỐ": every cell of the row is printed bold
  kSubRow,   // a detail row under the row above (no STT): every cell is printed italic
};

struct ReportCell {
  std::string text{};             // UTF-8, exactly as printed; may contain '\n' for a line break
  std::optional<double> value{};  // locale-free machine value (1250, 65.7) for spreadsheets
  Align align = Align::kAuto;
  bool bold = false;
  bool italic = false;
  int indent = 0;  // indent level, one level is about two characters
  // Merges, in HTML's sense: the cell covers row_span rows and col_span columns from its slot, and
  // later cells of the covered rows skip the covered columns.
  int row_span = 1;
  int col_span = 1;
};

struct ReportRow {
  RowKind kind = RowKind::kNormal;
  // Left to right, omitting the columns covered by a merged cell above or to the left.
  std::vector<ReportCell> cells{};
};

struct ReportTable {
  std::string sheet_name{};  // .xlsx sheet name; shortened to 31 characters and made unique there
  std::string caption{};     // optional bold line printed just above the table
  std::vector<ReportRow> header_rows{};  // bold, repeated on every printed page; merges stay inside
  std::vector<ReportRow> body_rows{};
  // Relative column widths in characters of the table font (Excel's unit). Empty: writers choose.
  // Word and HTML scale them to the page width, so they are proportions rather than sizes.
  std::vector<double> column_widths{};
};

enum class PageOrientation { kPortrait, kLandscape };

struct ReportDocument {
  std::string label{};                   // "Phụ lục 01"; empty for none
  std::string title{};                   // bold, centered; '\n' separates lines
  std::vector<std::string> subtitles{};  // centered italic lines, e.g. "(Kèm theo Báo cáo số ...)"
  std::vector<ReportTable> tables{};
  // Printed below the tables, e.g. "Số liệu tổng hợp (synthetic) — dữ liệu mô phỏng".
  std::vector<std::string> footnotes{};
  PageOrientation orientation = PageOrientation::kPortrait;  // wide annexes use kLandscape
};

// The emphasis a writer prints: the cell's own flags plus its row kind's; header cells are bold.
inline bool PrintsBold(const ReportRow& row, const ReportCell& cell, bool in_header) {
  return in_header || cell.bold || row.kind == RowKind::kSection;
}
inline bool PrintsItalic(const ReportRow& row, const ReportCell& cell) {
  return cell.italic || row.kind == RowKind::kSubRow;
}

// The alignment a writer prints, with kAuto resolved.
inline Align PrintedAlign(const ReportCell& cell, bool in_header) {
  if (cell.align != Align::kAuto) return cell.align;
  if (in_header) return Align::kCenter;
  return cell.value ? Align::kRight : Align::kLeft;
}

}  // namespace solieu::report
