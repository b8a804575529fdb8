#include "report/docx_writer.h"

#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "report/table_layout.h"
#include "report/xml_escape.h"
#include "report/zip_writer.h"

namespace solieu::report {
namespace {

// Sizes in twentieths of a point (twips) and half-points, Word's units.
constexpr int kA4ShortSide = 11906;
constexpr int kA4LongSide = 16838;
constexpr int kMarginTop = 1134;            // 20 mm
constexpr int kMarginBottom = 1134;         // 20 mm
constexpr int kMarginRight = 1134;          // 20 mm
constexpr int kMarginLeftPortrait = 1701;   // 30 mm, the binding edge of an official document
constexpr int kMarginLeftLandscape = 1134;  // 20 mm: a landscape annex binds at its top edge
constexpr int kTextHalfPoints = 26;         // 13 pt
constexpr int kTableHalfPoints = 24;        // 12 pt
constexpr int kIndentTwips = 240;           // one indent level, about two characters
constexpr double kDefaultColumnWidth = 10;  // when the table gives no widths

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kWordNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

constexpr std::string_view kContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

constexpr std::string_view kPackageRelationships =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

constexpr std::string_view kDocumentRelationships =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

// Times New Roman 13 pt, Vietnamese, single spacing without space after paragraphs.
constexpr std::string_view kStyles =
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
    "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
    "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/>"
    "</w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
    "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>";

struct RunStyle {
  bool bold = false;
  bool italic = false;
  int half_points = kTextHalfPoints;
};

std::string_view Justification(Align align) {
  switch (align) {
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    case Align::kLeft:
    case Align::kAuto:
      break;
  }
  return "left";
}

// One paragraph; '\n' in the text becomes a line break within it.
std::string Paragraph(std::string_view text, Align align, const RunStyle& style,
                      int space_after = 0, int indent_twips = 0) {
  std::string out = "<w:p><w:pPr>";
  if (space_after > 0) out += "<w:spacing w:after=\"" + std::to_string(space_after) + "\"/>";
  if (indent_twips > 0) out += "<w:ind w:left=\"" + std::to_string(indent_twips) + "\"/>";
  out += "<w:jc w:val=\"";
  out += Justification(align);
  out += "\"/></w:pPr>";
  if (!text.empty()) {
    out += "<w:r><w:rPr>";
    if (style.bold) out += "<w:b/><w:bCs/>";
    if (style.italic) out += "<w:i/><w:iCs/>";
    const std::string size = std::to_string(style.half_points);
    out += "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size + "\"/></w:rPr>";
    size_t start = 0;
    while (true) {
      const size_t end = text.find('\n', start);
      out += "<w:t xml:space=\"preserve\">" + EscapeXmlText(text.substr(start, end - start)) +
             "</w:t>";
      if (end == std::string_view::npos) break;
      out += "<w:br/>";
      start = end + 1;
    }
    out += "</w:r>";
  }
  return out + "</w:p>";
}

// Column widths in twips, the table's hints scaled to the width between the margins.
std::vector<int> GridWidths(const ReportTable& table, int column_count, int text_width) {
  std::vector<double> hints = table.column_widths;
  if (hints.empty()) hints.assign(static_cast<size_t>(column_count), kDefaultColumnWidth);
  const double total = std::accumulate(hints.begin(), hints.end(), 0.0);
  std::vector<int> widths;
  for (double hint : hints) {
    const double share = total > 0 ? hint / total : 1.0 / column_count;
    widths.push_back(static_cast<int>(share * text_width));
  }
  return widths;
}

std::string CellXml(const TableLayout& layout, const std::vector<int>& widths, int row, int column,
                    bool continues_merge) {
  const TableLayout::Slot& slot = layout.at(row, column);
  const ReportCell& cell = *slot.cell;
  int width = 0;
  for (int c = column; c < column + cell.col_span; ++c) width += widths[c];
  std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (cell.col_span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(cell.col_span) + "\"/>";
  if (continues_merge) {
    out += "<w:vMerge/>";
  } else if (cell.row_span > 1) {
    out += "<w:vMerge w:val=\"restart\"/>";
  }
  out += "<w:vAlign w:val=\"center\"/></w:tcPr>";
  const bool in_header = layout.is_header(row);
  const ReportRow& owner = layout.row(slot.first_row);
  const RunStyle style{PrintsBold(owner, cell, in_header), PrintsItalic(owner, cell),
                       kTableHalfPoints};
  // A continued cell still needs its own (empty) paragraph: Word requires one in every cell.
  out += Paragraph(continues_merge ? std::string_view() : std::string_view(cell.text),
                   PrintedAlign(cell, in_header), style, 0, cell.indent * kIndentTwips);
  return out + "</w:tc>";
}

std::string TableXml(const ReportTable& table, int text_width) {
  const TableLayout layout(table);
  const std::vector<int> widths = GridWidths(table, layout.column_count(), text_width);
  const int table_width = std::accumulate(widths.begin(), widths.end(), 0);

  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(table_width) +
                    "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += "<w:";
    out += side;
    out += " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  out +=
      "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
      "<w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
      "<w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
      "</w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int width : widths) out += "<w:gridCol w:w=\"" + std::to_string(width) + "\"/>";
  out += "</w:tblGrid>";

  for (int r = 0; r < layout.row_count(); ++r) {
    out += "<w:tr><w:trPr><w:cantSplit/>";
    if (layout.is_header(r)) out += "<w:tblHeader/>";
    out += "</w:trPr>";
    for (int c = 0; c < layout.column_count();) {
      const TableLayout::Slot& slot = layout.at(r, c);
      // Word wants a cell in every row of a vertical merge; columns covered by a gridSpan get none.
      if (layout.is_anchor(r, c) || slot.first_column == c) {
        out += CellXml(layout, widths, r, c, !layout.is_anchor(r, c));
      }
      c = slot.first_column + slot.cell->col_span;
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

std::string DocumentXml(const ReportDocument& document) {
  const bool landscape = document.orientation == PageOrientation::kLandscape;
  const int page_width = landscape ? kA4LongSide : kA4ShortSide;
  const int page_height = landscape ? kA4ShortSide : kA4LongSide;
  const int margin_left = landscape ? kMarginLeftLandscape : kMarginLeftPortrait;
  const int text_width = page_width - margin_left - kMarginRight;

  std::string out(kXmlDeclaration);
  out += "<w:document ";
  out += kWordNamespaces;
  out += "><w:body>";
  const RunStyle bold{true, false, kTextHalfPoints};
  const RunStyle italic{false, true, kTextHalfPoints};
  if (!document.label.empty()) out += Paragraph(document.label, Align::kCenter, bold, 120);
  if (!document.title.empty()) out += Paragraph(document.title, Align::kCenter, bold);
  for (const std::string& line : document.subtitles) {
    out += Paragraph(line, Align::kCenter, italic);
  }
  for (const ReportTable& table : document.tables) {
    out += Paragraph("", Align::kCenter, bold);  // a blank line between the heading and the table
    if (!table.caption.empty()) out += Paragraph(table.caption, Align::kCenter, bold, 60);
    out += TableXml(table, text_width);
  }
  // Also the paragraph Word needs between a final table and the section properties.
  out += Paragraph("", Align::kLeft, italic);
  const RunStyle note{false, true, kTableHalfPoints};
  for (const std::string& line : document.footnotes) out += Paragraph(line, Align::kLeft, note);

  out += "<w:sectPr><w:pgSz w:w=\"" + std::to_string(page_width) + "\" w:h=\"" +
         std::to_string(page_height) + "\"";
  if (landscape) out += " w:orient=\"landscape\"";
  out += "/><w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" +
         std::to_string(kMarginRight) + "\" w:bottom=\"" + std::to_string(kMarginBottom) +
         "\" w:left=\"" + std::to_string(margin_left) +
         "\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>";
  return out + "</w:body></w:document>";
}

std::string CoreProperties(const ReportDocument& document) {
  std::string title = document.title;
  for (char& ch : title) {
    if (ch == '\n') ch = ' ';
  }
  std::string out(kXmlDeclaration);
  out +=
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">";
  out += "<dc:title>" + EscapeXmlText(title) + "</dc:title><dc:language>vi-VN</dc:language>";
  return out + "</cp:coreProperties>";
}

std::string Part(std::string_view body) {
  return std::string(kXmlDeclaration) + std::string(body);
}

}  // namespace

void WriteDocxFile(const ReportDocument& document, const std::filesystem::path& path) {
  // Render everything first: an inconsistent table throws before the file is touched.
  const std::string document_xml = DocumentXml(document);
  std::string styles(kXmlDeclaration);
  styles += "<w:styles ";
  styles += kWordNamespaces;
  styles += ">";
  styles += kStyles;
  styles += "</w:styles>";

  ZipWriter zip(path);
  zip.Add("[Content_Types].xml", Part(kContentTypes));  // first, as readers expect
  zip.Add("_rels/.rels", Part(kPackageRelationships));
  zip.Add("docProps/core.xml", CoreProperties(document));
  zip.Add("word/document.xml", document_xml);
  zip.Add("word/_rels/document.xml.rels", Part(kDocumentRelationships));
  zip.Add("word/styles.xml", styles);
  zip.Close();
}

}  // namespace solieu::report
