#include "report/html_writer.h"

#include <charconv>
#include <numeric>
#include <string_view>

#include "report/table_layout.h"
#include "report/text_file.h"
#include "report/xml_escape.h"

namespace solieu::report {
namespace {

// Close to the printed annexes: Times New Roman, thin black grid, bold centered headers.
constexpr std::string_view kStyle = R"(
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; margin: 1.5em; }
.label, h1, .subtitle { text-align: center; margin: 0; }
.label { font-weight: bold; }
h1 { font-size: 13pt; font-weight: bold; }
.subtitle { font-style: italic; }
table { border-collapse: collapse; margin: 1em auto; font-size: 12pt; }
caption { font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: bold; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
.bold { font-weight: bold; } .italic { font-style: italic; }
tr.section td { font-weight: bold; }
tr.sub-row td { font-style: italic; }
.footnote { font-style: italic; font-size: 11pt; margin: 0.2em 0; }
)";

std::string_view PageSize(PageOrientation orientation) {
  return orientation == PageOrientation::kLandscape ? "A4 landscape" : "A4 portrait";
}

// Escaped text with each '\n' as <br/>.
std::string TextWithBreaks(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    out += EscapeXmlText(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    out += "<br/>";
    start = end + 1;
  }
  return out;
}

std::string_view AlignClass(Align align) {
  switch (align) {
    case Align::kLeft:
      return "left";
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    case Align::kAuto:
      break;
  }
  return "left";
}

std::string_view RowClass(RowKind kind) {
  switch (kind) {
    case RowKind::kSection:
      return " class=\"section\"";
    case RowKind::kSubRow:
      return " class=\"sub-row\"";
    case RowKind::kNormal:
      break;
  }
  return "";
}

std::string MachineNumber(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void AppendCell(const ReportCell& cell, bool in_header, std::string* out) {
  const char* tag = in_header ? "th" : "td";
  std::string classes(AlignClass(PrintedAlign(cell, in_header)));
  if (!in_header && cell.bold) classes += " bold";  // header cells and section rows are bold anyway
  if (cell.italic) classes += " italic";
  *out += "<";
  *out += tag;
  *out += " class=\"" + classes + "\"";
  if (cell.row_span > 1) *out += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
  if (cell.col_span > 1) *out += " colspan=\"" + std::to_string(cell.col_span) + "\"";
  if (cell.indent > 0) {
    *out += " style=\"padding-left: " + std::to_string(4 + 12 * cell.indent) + "pt\"";
  }
  if (cell.value && !in_header) *out += " data-value=\"" + MachineNumber(*cell.value) + "\"";
  *out += ">" + TextWithBreaks(cell.text) + "</" + tag + ">";
}

void AppendRows(const std::vector<ReportRow>& rows, bool in_header, std::string* out) {
  for (const ReportRow& row : rows) {
    *out += "<tr";
    *out += RowClass(row.kind);
    *out += ">";
    for (const ReportCell& cell : row.cells) AppendCell(cell, in_header, out);
    *out += "</tr>\n";
  }
}

void AppendTable(const ReportTable& table, std::string* out) {
  const TableLayout layout(table);  // validates the merges the browser would otherwise guess at
  *out += "<table>\n";
  if (!table.caption.empty()) *out += "<caption>" + TextWithBreaks(table.caption) + "</caption>\n";
  if (!table.column_widths.empty()) {
    const double total =
        std::accumulate(table.column_widths.begin(), table.column_widths.end(), 0.0);
    *out += "<colgroup>";
    for (double width : table.column_widths) {
      const int percent = total > 0 ? static_cast<int>(100.0 * width / total + 0.5) : 0;
      *out += "<col style=\"width: " + std::to_string(percent) + "%\"/>";
    }
    *out += "</colgroup>\n";
  }
  if (layout.header_row_count() > 0) {
    *out += "<thead>\n";
    AppendRows(table.header_rows, true, out);
    *out += "</thead>\n";
  }
  *out += "<tbody>\n";
  AppendRows(table.body_rows, false, out);
  *out += "</tbody>\n</table>\n";
}

std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch == '\n') ch = ' ';
  }
  return out;
}

}  // namespace

std::string RenderHtml(const ReportDocument& document) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  out += "<title>" + EscapeXmlText(OneLine(document.title)) + "</title>\n<style>";
  out += kStyle;
  out += "@page { size: ";
  out += PageSize(document.orientation);
  out += "; margin: 15mm; }\n</style>\n</head>\n<body>\n";
  if (!document.label.empty()) {
    out += "<p class=\"label\">" + TextWithBreaks(document.label) + "</p>\n";
  }
  if (!document.title.empty()) out += "<h1>" + TextWithBreaks(document.title) + "</h1>\n";
  for (const std::string& line : document.subtitles) {
    out += "<p class=\"subtitle\">" + TextWithBreaks(line) + "</p>\n";
  }
  for (const ReportTable& table : document.tables) AppendTable(table, &out);
  for (const std::string& note : document.footnotes) {
    out += "<p class=\"footnote\">" + TextWithBreaks(note) + "</p>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

void WriteHtmlFile(const ReportDocument& document, const std::filesystem::path& path) {
  WriteTextFile(path, RenderHtml(document));
}

}  // namespace solieu::report
