// Tests for the report model and its writers, on a sample shaped like Phụ lục 01 of the
// department's 2021-2025 report. CSV is compared exactly, HTML and the OOXML parts are parsed as
// XML, and the .xlsx and .docx files are opened by a real reader: LibreOffice converts them to PDF
// and pdftotext must find the printed cell texts.
#include <gtest/gtest.h>
#include <minizip/unzip.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "report/csv_writer.h"
#include "report/docx_writer.h"
#include "report/html_writer.h"
#include "report/report_table.h"
#include "report/table_layout.h"
#include "report/xlsx_number_format.h"
#include "report/xlsx_sheet_name.h"
#include "report/xlsx_writer.h"
#include "report/xml_escape.h"

namespace solieu::report {
namespace {

namespace fs = std::filesystem;

const char* const kSyntheticNote = "Số liệu tổng hợp (synthetic) — dữ liệu mô phỏng";
const char* const kEscapeNote =
    "Ký hiệu: <15 là nhỏ hơn 15; \"TH\" = thực hiện & \"KH\" = kế hoạch";

ReportCell Text(std::string text, Align align = Align::kLeft) {
  return ReportCell{.text = std::move(text), .align = align};
}
ReportCell Center(std::string text) {
  return Text(std::move(text), Align::kCenter);
}
ReportCell Number(std::string text, double value) {
  return ReportCell{.text = std::move(text), .value = value, .align = Align::kCenter};
}

ReportRow Indicator(std::string stt, std::string name, std::string unit,
                    std::vector<ReportCell> values, RowKind kind = RowKind::kNormal) {
  ReportRow row{.kind = kind,
                .cells = {Center(std::move(stt)), Text(std::move(name)), Center(std::move(unit))}};
  for (ReportCell& value : values) row.cells.push_back(std::move(value));
  return row;
}

ReportRow Section(std::string letter, std::string name) {
  ReportRow row{.kind = RowKind::kSection, .cells = {Center(std::move(letter)), Text(name)}};
  for (int i = 0; i < 7; ++i) row.cells.push_back(Text(""));
  return row;
}

// Phụ lục 01, shortened: three sections, a sub-row, text targets, blanks and "1.250"/"65,7".
ReportDocument AnnexSample() {
  ReportTable table;
  table.sheet_name = "Phụ lục 01 - Kết quả thực hiện chỉ tiêu 2021-2025";
  table.column_widths = {6, 46, 12, 11, 10, 10, 10, 10, 10};
  table.header_rows = {
      ReportRow{.cells = {{.text = "STT", .row_span = 2},
                          {.text = "Chỉ tiêu", .row_span = 2},
                          {.text = "Đơn vị tính", .row_span = 2},
                          {.text = "KH đến năm 2025", .row_span = 2},
                          {.text = "THỰC HIỆN TỪNG NĂM", .col_span = 5}}},
      ReportRow{.cells = {{.text = "TH 2021"},
                          {.text = "TH 2022"},
                          {.text = "TH 2023"},
                          {.text = "TH 2024"},
                          {.text = "Ước TH 2025"}}},
  };
  table.body_rows = {
      Section("A", "DÂN SỐ"),
      Indicator("1", "Dân số trung bình (năm cuối kỳ)", "Người",
                {Number("668.030", 668030), Number("624.482", 624482), Number("635.921", 635921),
                 Number("646.209", 646209), Number("656.706", 656706), Number("667.229", 667229)}),
      Indicator("4", "Mức giảm tỷ lệ sinh (năm cuối kỳ)", "‰",
                {Center("0,4-0,5"), Number("0,08", 0.08), Number("0,03", 0.03), Number("2,4", 2.4),
                 Number("0,4", 0.4), Number("0,7", 0.7)}),
      Section("B", "CHĂM SÓC VÀ BẢO VỆ TRẺ EM"),
      Indicator("3", "Số trẻ em được hưởng các dịch vụ về tư pháp, y tế, giáo dục và BVTE",
                "Trẻ em",
                {Number("2.024", 2024), Number("46.534", 46534), Number("48.022", 48022),
                 Number("51.878", 51878), Number("60.431", 60431), Number("60.739", 60739)}),
      Indicator("", "Tỷ lệ trẻ em có HCĐB được hưởng trợ cấp tại cộng đồng", "%",
                {Number("85,0", 85.0), Number("97,5", 97.5), Number("105,1", 105.1),
                 Number("111,6", 111.6), Number("112,4", 112.4), Number("113,1", 113.1)},
                RowKind::kSubRow),
      Section("C", "Y TẾ (Năm cuối kỳ)"),
      Indicator("4", "Tỷ suất chết trẻ em dưới 1 tuổi", "‰",
                {Center("<15"), Number("32,50", 32.5), Number("28,10", 28.1), Number("19,40", 19.4),
                 Number("18,90", 18.9), Number("14,1", 14.1)}),
      Indicator("12", "Tỷ lệ dân số được quản lý sức khỏe (có Hồ sơ sức khỏe điện tử)", "%",
                {Center(">90"), Center(""), Center(""), Center(""), Number("3,2", 3.2),
                 Number("65,7", 65.7)}),
      Indicator("13", "Số lượt khám sàng lọc tăng huyết áp (mô phỏng)", "Lượt",
                {Number("1.250", 1250), Number("1.012", 1012), Number("1.108", 1108),
                 Number("1.175", 1175), Number("1.203", 1203), Number("1.236", 1236)}),
  };
  table.body_rows.back().cells[1].indent = 1;

  ReportDocument document;
  document.label = "Phụ lục 01";
  document.title =
      "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU\n"
      "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM GIAI ĐOẠN 2021-2025, LĨNH VỰC Y TẾ";
  document.subtitles = {"(Kèm theo Báo cáo số:      /BC-SYT ngày      /01/2026 của Sở Y tế)"};
  document.tables = {table};
  document.footnotes = {kSyntheticNote, kEscapeNote};
  document.orientation = PageOrientation::kLandscape;
  return document;
}

const char* const kAnnexCsv =
    "STT,Chỉ tiêu,Đơn vị tính,KH đến năm 2025,THỰC HIỆN TỪNG NĂM,,,,\n"
    ",,,,TH 2021,TH 2022,TH 2023,TH 2024,Ước TH 2025\n"
    "A,DÂN SỐ,,,,,,,\n"
    "1,Dân số trung bình (năm cuối kỳ),Người,668.030,624.482,635.921,646.209,656.706,667.229\n"
    "4,Mức giảm tỷ lệ sinh (năm cuối kỳ),‰,\"0,4-0,5\",\"0,08\",\"0,03\",\"2,4\",\"0,4\",\"0,7\"\n"
    "B,CHĂM SÓC VÀ BẢO VỆ TRẺ EM,,,,,,,\n"
    "3,\"Số trẻ em được hưởng các dịch vụ về tư pháp, y tế, giáo dục và BVTE\",Trẻ em,"
    "2.024,46.534,48.022,51.878,60.431,60.739\n"
    ",Tỷ lệ trẻ em có HCĐB được hưởng trợ cấp tại cộng đồng,%,"
    "\"85,0\",\"97,5\",\"105,1\",\"111,6\",\"112,4\",\"113,1\"\n"
    "C,Y TẾ (Năm cuối kỳ),,,,,,,\n"
    "4,Tỷ suất chết trẻ em dưới 1 tuổi,‰,<15,\"32,50\",\"28,10\",\"19,40\",\"18,90\",\"14,1\"\n"
    "12,Tỷ lệ dân số được quản lý sức khỏe (có Hồ sơ sức khỏe điện tử),%,>90,,,,\"3,2\","
    "\"65,7\"\n"
    "13,Số lượt khám sàng lọc tăng huyết áp (mô phỏng),Lượt,1.250,1.012,1.108,1.175,1.203,"
    "1.236\n";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A fresh folder per test, removed afterwards unless SOLIEU_KEEP_TEST_OUTPUT is set.
class TempFolder {
 public:
  TempFolder() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("solieu-report-" + std::to_string(::getpid()) + "-" +
                                         info->test_suite_name() + "-" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() {
    if (std::getenv("SOLIEU_KEEP_TEST_OUTPUT") != nullptr) {
      std::cout << "output kept in " << path_ << "\n";
    } else {
      std::error_code ignored;
      fs::remove_all(path_, ignored);
    }
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The parts of a zip archive, by name, read with minizip's unzip.
std::map<std::string, std::string> Unzip(const fs::path& path) {
  std::map<std::string, std::string> parts;
  unzFile zip = unzOpen(path.c_str());
  if (zip == nullptr) return parts;
  for (int status = unzGoToFirstFile(zip); status == UNZ_OK; status = unzGoToNextFile(zip)) {
    unz_file_info info;
    char name[512];
    if (unzGetCurrentFileInfo(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(zip) != UNZ_OK) {
      break;
    }
    std::string contents(info.uncompressed_size, '\0');
    const int read =
        unzReadCurrentFile(zip, contents.data(), static_cast<unsigned>(contents.size()));
    unzCloseCurrentFile(zip);
    if (read >= 0) parts[name] = contents.substr(0, static_cast<size_t>(read));
  }
  unzClose(zip);
  return parts;
}

::testing::AssertionResult ParsesAsXml(const std::string& text, pugi::xml_document* document) {
  const pugi::xml_parse_result result =
      document->load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_doctype);
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << result.description() << " at byte " << result.offset
                                       << ": " << text.substr(result.offset, 80);
}

// ---- model and layout ----

TEST(TableLayoutTest, ResolvesHeaderMergesIntoAGrid) {
  const ReportTable table = AnnexSample().tables[0];
  const TableLayout layout(table);
  EXPECT_EQ(layout.column_count(), 9);
  EXPECT_EQ(layout.header_row_count(), 2);
  EXPECT_EQ(layout.row_count(), 2 + 10);
  // "STT" covers (0,0) and (1,0); "THỰC HIỆN TỪNG NĂM" covers (0,4)..(0,8); "TH 2021" is (1,4).
  EXPECT_TRUE(layout.is_anchor(0, 0));
  EXPECT_FALSE(layout.is_anchor(1, 0));
  EXPECT_EQ(layout.at(1, 0).cell->text, "STT");
  EXPECT_EQ(layout.at(0, 8).cell->text, "THỰC HIỆN TỪNG NĂM");
  EXPECT_EQ(layout.at(0, 8).first_column, 4);
  EXPECT_EQ(layout.at(1, 4).cell->text, "TH 2021");
  EXPECT_EQ(layout.at(1, 8).cell->text, "Ước TH 2025");
}

TEST(TableLayoutTest, RejectsInconsistentMerges) {
  auto bad = [](std::vector<ReportRow> rows, std::vector<ReportRow> body = {}) {
    ReportTable table{
        .sheet_name = "t", .header_rows = std::move(rows), .body_rows = std::move(body)};
    try {
      TableLayout layout(table);
    } catch (const UserError& error) {
      EXPECT_EQ(error.code(), "report.bad_table");
      return true;
    }
    return false;
  };
  // Too short, too long, overlapping, past the bottom, and a header merge into the body.
  EXPECT_TRUE(bad({{.cells = {{.text = "a"}, {.text = "b"}}}, {.cells = {{.text = "c"}}}}));
  EXPECT_TRUE(bad({{.cells = {{.text = "a"}}}, {.cells = {{.text = "b"}, {.text = "c"}}}}));
  EXPECT_TRUE(bad({{.cells = {{.text = "a", .row_span = 2}, {.text = "b"}}},
                   {.cells = {{.text = "c", .col_span = 2}}}}));
  EXPECT_TRUE(bad({{.cells = {{.text = "a", .row_span = 3}}}, {.cells = {}}}));
  EXPECT_TRUE(bad({{.cells = {{.text = "a", .row_span = 2}}}}, {{.cells = {}}}));
  EXPECT_TRUE(bad({}));  // no columns
  EXPECT_FALSE(
      bad({{.cells = {{.text = "a", .row_span = 2}, {.text = "b"}}}, {.cells = {{.text = "c"}}}}));
}

// ---- CSV ----

TEST(CsvWriterTest, WritesTheAnnexCellByCellAsPrinted) {
  const ReportDocument document = AnnexSample();
  EXPECT_EQ(RenderCsv(document.tables[0]), kAnnexCsv);

  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.csv";
  WriteCsvFile(document.tables[0], file);
  const std::string bytes = ReadFile(file);
  EXPECT_EQ(bytes, kAnnexCsv);
  EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");  // no BOM
}

TEST(CsvWriterTest, QuotesOnlyFieldsThatNeedItAndDoublesQuotes) {
  ReportTable table{.body_rows = {{.cells = {{.text = "say \"hi\""},
                                             {.text = "two\nlines"},
                                             {.text = "plain ‰"},
                                             {.text = " spaced "}}}}};
  EXPECT_EQ(RenderCsv(table), "\"say \"\"hi\"\"\",\"two\nlines\",plain ‰, spaced \n");
}

// ---- HTML ----

TEST(XmlEscapeTest, EscapesMarkupAndDropsCharactersXmlForbids) {
  EXPECT_EQ(EscapeXmlText("a < b && c > d \"q\" 'x'"), "a &lt; b &amp;&amp; c &gt; d \"q\" 'x'");
  EXPECT_EQ(EscapeXmlAttribute("\"q\" 'x' <"), "&quot;q&quot; &apos;x&apos; &lt;");
  EXPECT_EQ(EscapeXmlText("tab\there\x01\x1F nl\n"), "tab\there nl\n");
}

TEST(HtmlWriterTest, WritesAStandaloneWellFormedPageWithRealTableMerges) {
  const std::string html = RenderHtml(AnnexSample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("http"), std::string::npos) << "no external resources";
  EXPECT_EQ(html.find(" src="), std::string::npos);

  pugi::xml_document document;
  ASSERT_TRUE(ParsesAsXml(html, &document));
  const pugi::xml_node root = document.child("html");
  EXPECT_STREQ(root.attribute("lang").value(), "vi");
  EXPECT_STREQ(root.child("head").child("meta").attribute("charset").value(), "utf-8");
  EXPECT_FALSE(root.child("head").child("style").empty());

  const pugi::xml_node table = root.child("body").child("table");
  ASSERT_FALSE(table.empty());
  const pugi::xpath_node merged = table.select_node("thead/tr/th[@colspan='5']");
  ASSERT_TRUE(merged);
  EXPECT_STREQ(merged.node().child_value(), "THỰC HIỆN TỪNG NĂM");
  EXPECT_EQ(table.select_nodes("thead/tr/th[@rowspan='2']").size(), 4u);
  EXPECT_EQ(table.select_nodes("tbody/tr").size(), 10u);
  EXPECT_EQ(table.select_nodes("tbody/tr[@class='section']").size(), 3u);

  const pugi::xpath_node population = table.select_node("tbody/tr[2]/td[4]");
  ASSERT_TRUE(population);
  EXPECT_STREQ(population.node().child_value(), "668.030");
  EXPECT_STREQ(population.node().attribute("data-value").value(), "668030");
  const pugi::xpath_node managed = table.select_node("tbody/tr[9]/td[9]");
  ASSERT_TRUE(managed);
  EXPECT_STREQ(managed.node().child_value(), "65,7");

  // Text survives escaping exactly; the two-line title keeps its break.
  const pugi::xpath_node_set notes = root.select_nodes("body/p[@class='footnote']");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_STREQ(notes[0].node().child_value(), kSyntheticNote);
  EXPECT_STREQ(notes[1].node().child_value(), kEscapeNote);
  EXPECT_FALSE(root.child("body").child("h1").child("br").empty());
  EXPECT_STREQ(root.child("head").child("title").child_value(),
               "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 "
               "NĂM GIAI ĐOẠN 2021-2025, LĨNH VỰC Y TẾ");
}

// ---- .xlsx ----

TEST(XlsxNumberFormatTest, ShowsTheSameDigitsAsTheVietnameseText) {
  EXPECT_EQ(ExcelNumberFormatFor("1.250", 1250), "#,##0");
  EXPECT_EQ(ExcelNumberFormatFor("668.030", 668030), "#,##0");
  EXPECT_EQ(ExcelNumberFormatFor("1.234.567,5", 1234567.5), "#,##0.0");
  EXPECT_EQ(ExcelNumberFormatFor("65,7", 65.7), "#,##0.0");
  EXPECT_EQ(ExcelNumberFormatFor("65,7", 65.68), "#,##0.0");  // the text is the rounded value
  EXPECT_EQ(ExcelNumberFormatFor("0,08", 0.08), "#,##0.00");
  EXPECT_EQ(ExcelNumberFormatFor("32,50", 32.5), "#,##0.00");
  EXPECT_EQ(ExcelNumberFormatFor("-1,5", -1.5), "#,##0.0");
  EXPECT_EQ(ExcelNumberFormatFor("2021", 2021), "0");
  EXPECT_EQ(ExcelNumberFormatFor("100", 100), "#,##0");
  // Not a number, or a number Excel would show differently: written as text.
  for (const char* text : {"<15", "0,4-0,5", "", "65,7%", "1,250.5", "12.5", "1.25", "007", ","}) {
    EXPECT_EQ(ExcelNumberFormatFor(text, 1250), std::nullopt) << text;
  }
  EXPECT_EQ(ExcelNumberFormatFor("65,7", 65.8), std::nullopt);
  EXPECT_EQ(ExcelNumberFormatFor("1.250", 1.25), std::nullopt);
}

TEST(XlsxSheetNameTest, ShortensReplacesForbiddenCharactersAndDeduplicates) {
  EXPECT_EQ(ExcelSheetName("Phụ lục 01 - Kết quả thực hiện chỉ tiêu 2021-2025", {}),
            "Phụ lục 01 - Kết quả thực hiện");  // 31 characters, not 31 bytes
  EXPECT_EQ(ExcelSheetName("KH 2026/2030: [tỉnh]*?", {}), "KH 2026-2030- -tỉnh---");
  EXPECT_EQ(ExcelSheetName("'Bảng'", {}), "Bảng");
  EXPECT_EQ(ExcelSheetName("", {}), "Sheet");
  EXPECT_EQ(ExcelSheetName("PHỤ LỤC 01", {"phụ lục 01"}), "PHỤ LỤC 01 (2)");
  EXPECT_EQ(ExcelSheetName("Phụ lục 01", {"Phụ lục 01", "PHỤ LỤC 01 (2)"}), "Phụ lục 01 (3)");
  EXPECT_EQ(ExcelSheetName("Phụ lục 01 - Kết quả thực hiện", {"Phụ lục 01 - Kết quả thực hiện"}),
            "Phụ lục 01 - Kết quả thực h (2)");
}

TEST(XlsxWriterTest, WritesNumbersAsNumbersWithMergesBordersAndFrozenHeader) {
  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.xlsx";
  WriteXlsxFile(AnnexSample(), file);
  const std::map<std::string, std::string> parts = Unzip(file);
  ASSERT_TRUE(parts.contains("xl/workbook.xml")) << "not a zip package";
  ASSERT_TRUE(parts.contains("xl/worksheets/sheet1.xml"));

  pugi::xml_document workbook;
  ASSERT_TRUE(ParsesAsXml(parts.at("xl/workbook.xml"), &workbook));
  EXPECT_STREQ(workbook.select_node("//sheet").node().attribute("name").value(),
               "Phụ lục 01 - Kết quả thực hiện");

  pugi::xml_document sheet;
  ASSERT_TRUE(ParsesAsXml(parts.at("xl/worksheets/sheet1.xml"), &sheet));
  // Label, two title lines, subtitle, a blank row: the header starts on row 6, the body on row 8.
  EXPECT_STREQ(sheet.select_node("//pane").node().attribute("topLeftCell").value(), "A8");
  std::vector<std::string> merges;
  for (const pugi::xpath_node& merge : sheet.select_nodes("//mergeCell")) {
    merges.push_back(merge.node().attribute("ref").value());
  }
  for (const char* ref : {"A1:I1", "A2:I2", "A6:A7", "D6:D7", "E6:I6"}) {
    EXPECT_NE(std::find(merges.begin(), merges.end(), ref), merges.end()) << ref;
  }
  // D9 holds 668.030 as the number 668030, D17 "1.250" as 1250, I16 "65,7" as 65.7; D10
  // "0,4-0,5" stays text.
  const pugi::xml_node d9 = sheet.select_node("//c[@r='D9']").node();
  EXPECT_STREQ(d9.attribute("t").value(), "");
  EXPECT_STREQ(d9.child_value("v"), "668030");
  EXPECT_STREQ(sheet.select_node("//c[@r='D17']").node().child_value("v"), "1250");
  EXPECT_STREQ(sheet.select_node("//c[@r='I16']").node().child_value("v"), "65.7");
  EXPECT_STREQ(sheet.select_node("//c[@r='D10']").node().attribute("t").value(), "s");

  const std::string& styles = parts.at("xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.0\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"#,##0.00\""), std::string::npos);
  EXPECT_NE(styles.find("Times New Roman"), std::string::npos);
  EXPECT_NE(styles.find("<left style=\"thin\">"), std::string::npos);
  EXPECT_NE(parts.at("xl/sharedStrings.xml").find("Tỷ suất chết trẻ em dưới 1 tuổi"),
            std::string::npos);
  EXPECT_NE(parts.at("xl/sharedStrings.xml").find(kSyntheticNote), std::string::npos);
}

// ---- .docx ----

TEST(DocxWriterTest, WritesAMinimalPackageWithARealWordTable) {
  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.docx";
  WriteDocxFile(AnnexSample(), file);
  const std::map<std::string, std::string> parts = Unzip(file);
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml"}) {
    ASSERT_TRUE(parts.contains(name)) << name;
    pugi::xml_document part;
    EXPECT_TRUE(ParsesAsXml(parts.at(name), &part)) << name;
  }

  pugi::xml_document document;
  ASSERT_TRUE(ParsesAsXml(parts.at("word/document.xml"), &document));
  const pugi::xml_node body = document.child("w:document").child("w:body");
  EXPECT_STREQ(body.child("w:sectPr").child("w:pgSz").attribute("w:orient").value(), "landscape");
  const pugi::xml_node table = body.child("w:tbl");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table.child("w:tblGrid").select_nodes("w:gridCol").size(), 9u);
  EXPECT_EQ(table.select_nodes("w:tr").size(), 12u);
  // Header row 1: four cells that restart a vertical merge and one spanning the five years;
  // header row 2: four continuing cells and the five years.
  const pugi::xpath_node_set header = table.select_nodes("w:tr[1]/w:tc");
  ASSERT_EQ(header.size(), 5u);
  EXPECT_STREQ(header[0].node().select_node(".//w:vMerge").node().attribute("w:val").value(),
               "restart");
  EXPECT_STREQ(header[4].node().select_node(".//w:gridSpan").node().attribute("w:val").value(),
               "5");
  EXPECT_EQ(table.select_nodes("w:tr[2]/w:tc").size(), 9u);
  EXPECT_EQ(table.select_nodes("w:tr[2]/w:tc/w:tcPr/w:vMerge[not(@w:val)]").size(), 4u);
  EXPECT_EQ(table.select_nodes("w:tr/w:trPr/w:tblHeader").size(), 2u);
  // Every row covers the nine grid columns.
  for (const pugi::xpath_node& row : table.select_nodes("w:tr")) {
    int columns = 0;
    for (const pugi::xpath_node& cell : row.node().select_nodes("w:tc")) {
      const pugi::xml_node span = cell.node().child("w:tcPr").child("w:gridSpan");
      columns += span.empty() ? 1 : span.attribute("w:val").as_int();
      EXPECT_FALSE(cell.node().child("w:p").empty()) << "every cell needs a paragraph";
    }
    EXPECT_EQ(columns, 9);
  }
  std::string text;
  for (const pugi::xpath_node& t : document.select_nodes("//w:t")) text += t.node().child_value();
  for (const char* expected : {"Phụ lục 01", "THỰC HIỆN TỪNG NĂM", "668.030", "1.250", "65,7", "‰",
                               kSyntheticNote, kEscapeNote}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  EXPECT_NE(parts.at("word/styles.xml").find("Times New Roman"), std::string::npos);
}

TEST(WritersTest, AnInconsistentTableThrowsAndLeavesNoFile) {
  TempFolder folder;
  ReportDocument document = AnnexSample();
  document.tables[0].body_rows[1].cells.pop_back();  // a row one cell short
  EXPECT_THROW(WriteDocxFile(document, folder.path() / "bad.docx"), UserError);
  EXPECT_THROW(WriteXlsxFile(document, folder.path() / "bad.xlsx"), UserError);
  EXPECT_THROW(WriteCsvFile(document.tables[0], folder.path() / "bad.csv"), UserError);
  EXPECT_THROW(RenderHtml(document), UserError);
  EXPECT_TRUE(fs::is_empty(folder.path()));
  EXPECT_THROW(WriteDocxFile(AnnexSample(), folder.path() / "missing" / "x.docx"), UserError);
  EXPECT_THROW(WriteXlsxFile(AnnexSample(), folder.path() / "missing" / "x.xlsx"), UserError);
}

// ---- a real reader: LibreOffice renders .docx and .xlsx to PDF, pdftotext reads it back ----

bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "");
  for (std::string folder; std::getline(folders, folder, ':');) {
    if (!folder.empty() && ::access((fs::path(folder) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::string Quote(const fs::path& path) {
  return "'" + path.string() + "'";
}

// Converts `input` to PDF in a fresh LibreOffice profile whose locale is `locale` (Calc shows
// numbers in that locale's separators), and returns `pdftotext -layout` of it.
std::string RenderWithLibreOffice(const fs::path& input, const std::string& locale) {
  const fs::path folder = input.parent_path();
  const fs::path profile = folder / ("lo-profile-" + input.stem().string());
  fs::create_directories(profile / "user");
  std::ofstream(profile / "user" / "registrymodifications.xcu")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
         "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
         "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooSetupSystemLocale\" "
         "oor:op=\"fuse\"><value>"
      << locale << "</value></prop></item>\n</oor:items>\n";

  const auto start = std::chrono::steady_clock::now();
  const std::string convert = "timeout 240 soffice -env:UserInstallation=file://" +
                              profile.string() + " --headless --norestore --convert-to pdf" +
                              " --outdir " + Quote(folder) + " " + Quote(input) + " > " +
                              Quote(folder / (input.stem().string() + ".log")) + " 2>&1";
  const int converted = std::system(convert.c_str());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "LibreOffice converted " << input.filename() << " in " << seconds << " s\n";
  ::testing::Test::RecordProperty(input.extension().string().substr(1) + "_seconds",
                                  std::to_string(seconds));
  fs::path pdf = input;
  pdf.replace_extension(".pdf");
  EXPECT_EQ(converted, 0) << ReadFile(folder / (input.stem().string() + ".log"));
  if (!fs::exists(pdf)) {
    ADD_FAILURE() << "LibreOffice wrote no PDF for " << input;
    return "";
  }
  fs::path text = pdf;
  text.replace_extension(".txt");
  EXPECT_EQ(std::system(("pdftotext -layout " + Quote(pdf) + " " + Quote(text)).c_str()), 0)
      << "pdftotext (Debian poppler-utils) must be installed";
  return ReadFile(text);
}

void ExpectPrintedAnnex(const std::string& text) {
  for (const char* expected : {"Phụ lục 01",
                               "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU",
                               "THỰC HIỆN TỪNG NĂM",
                               "Ước TH",
                               "DÂN SỐ",
                               "CHĂM SÓC VÀ BẢO VỆ TRẺ EM",
                               "Người",
                               "Trẻ em",
                               "Lượt",
                               "‰",
                               "668.030",
                               "667.229",
                               "1.250",
                               "65,7",
                               "0,4-0,5",
                               "32,50",
                               "<15",
                               ">90",
                               "Tỷ suất chết trẻ em dưới 1 tuổi",
                               kSyntheticNote}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in\n"
                                                      << text;
  }
}

class LibreOfficeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!OnPath("soffice")) {
      GTEST_SKIP() << "LibreOffice (soffice) is not installed; install the Debian packages "
                      "libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils to run it";
    }
  }
};

TEST_F(LibreOfficeTest, OpensTheDocxAndPrintsEveryCell) {
  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.docx";
  WriteDocxFile(AnnexSample(), file);
  ExpectPrintedAnnex(RenderWithLibreOffice(file, "vi-VN"));
}

TEST_F(LibreOfficeTest, OpensTheXlsxAndShowsNumbersInTheReadersLocale) {
  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.xlsx";
  WriteXlsxFile(AnnexSample(), file);
  ExpectPrintedAnnex(RenderWithLibreOffice(file, "vi-VN"));
}

// The same workbook in an English reader: real numbers take the reader's separators, text stays.
TEST_F(LibreOfficeTest, OpensTheXlsxInAnEnglishLocaleWithEnglishSeparators) {
  TempFolder folder;
  const fs::path file = folder.path() / "phu_luc_01.xlsx";
  WriteXlsxFile(AnnexSample(), file);
  const std::string text = RenderWithLibreOffice(file, "en-US");
  for (const char* expected : {"668,030", "1,250", "65.7", "32.50", "0,4-0,5", "Người"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in\n"
                                                      << text;
  }
}

}  // namespace
}  // namespace solieu::report
