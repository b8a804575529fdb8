// Excel entry sheets on the Điện Biên configuration: the generated form (locked labels, typed
// input cells, hidden keys, prefilled values), a filled copy imported back exactly, values of the
// wrong type named by their cell, the usual conflicts (unit outside the user's, unit not assigned,
// locked period), a copy re-saved by LibreOffice, and broken files (truncated, zip bomb, no
// _solieu sheet) refused with the store left as it was.
#include "exchange/xlsx_entry_sheet.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "config/config_loader.h"
#include "core/error.h"
#include "exchange/data_value_formats.h"
#include "exchange/xlsx_data_value_reader.h"
#include "exchange/xlsx_package.h"
#include "exchange_test_support.h"
#include "report/zip_writer.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;
using testing::FindConflict;
using testing::ReadFile;

const MetadataSnapshot& DienBien() {
  static const MetadataSnapshot metadata =
      LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien").metadata;
  return metadata;
}

using Parts = std::map<std::string, std::string>;

Parts Unzip(const std::string& bytes) {
  XlsxPackage package(bytes, "test.xlsx");
  Parts parts;
  for (const std::string& name : package.Parts()) parts[name] = package.Read(name);
  return parts;
}

std::string Zip(const Parts& parts, const fs::path& file) {
  {
    report::ZipWriter zip(file);
    for (const auto& [name, contents] : parts) zip.Add(name, contents);
    zip.Close();
  }
  return ReadFile(file);
}

// Replaces the whole <c r="REF" ...> element (empty or not) with `cell`.
void SetCell(std::string& sheet, const std::string& ref, const std::string& cell) {
  size_t start = sheet.find("<c r=\"" + ref + "\"");
  ASSERT_NE(start, std::string::npos) << ref;
  size_t close = sheet.find('>', start);
  size_t end = sheet[close - 1] == '/' ? close + 1 : sheet.find("</c>", start) + 4;
  sheet.replace(start, end - start, cell);
}

std::string NumberCell(const std::string& ref, const std::string& value) {
  return "<c r=\"" + ref + "\"><v>" + value + "</v></c>";
}

std::string TextCell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

class FixedScope final : public WriteScope {
 public:
  bool Allows(const OrgUnit&, const Period&) const override { return false; }
  std::string User() const override { return "m.clerk"; }
};

class LockEverything final : public PeriodLock {
 public:
  std::optional<LockReason> Locked(const DataValueKey&, const std::string&) const override {
    return LockReason{"đã duyệt", "approved"};
  }
};

class XlsxEntrySheetTest : public testing::ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    store_->ApplyMetadata(DienBien());
    metadata_ = store_->LoadMetadata();
    hierarchy_ = std::make_unique<OrgHierarchy>(metadata_.org_units, metadata_.parent_links,
                                                metadata_.org_events);
    form_ = ResolveEntrySheetForm(metadata_, *hierarchy_, "DS_EPI_M", "TYT03325", "202508");
  }

  std::string Generate(const EntrySheetForm& form) {
    ValueQuery query;
    query.org_unit_uids = {form.org_unit->uid};
    return WriteEntrySheet(metadata_, form, store_->QueryValues(query), &cells_);
  }
  std::string Generate() { return Generate(form_); }

  // The generated sheet with its form sheet's XML passed through `edit`.
  std::string Edited(const std::string& bytes, const std::function<void(std::string&)>& edit,
                     const std::string& part = "xl/worksheets/sheet1.xml") {
    Parts parts = Unzip(bytes);
    edit(parts.at(part));
    return Zip(parts, dir_ / ("edited" + std::to_string(++edits_) + ".xlsx"));
  }

  ImportSummary ImportXlsx(const std::string& bytes, DataValueImportOptions options = {}) {
    std::istringstream in(bytes);
    auto source = OpenDataValueSource("xlsx", in, "phieu.xlsx");
    return ImportDataValues(*store_, *source, options);
  }

  std::optional<std::string> Stored(const EntrySheetCell& cell) {
    auto value = store_->GetValue({cell.data_element_uid, "202508", form_.org_unit->uid,
                                   cell.option_combo_uid, DefaultCategoryOptionComboUid()});
    if (!value) return std::nullopt;
    return value->value;
  }

  void Seed(const EntrySheetCell& cell, const std::string& value) {
    Period month = *Period::Parse("202508");
    store_->PutValues({{{cell.data_element_uid, "202508", form_.org_unit->uid,
                         cell.option_combo_uid, DefaultCategoryOptionComboUid()},
                        month.start(),
                        month.end(),
                        value,
                        ""}},
                      "seed");
  }

  MetadataSnapshot metadata_;
  std::unique_ptr<OrgHierarchy> hierarchy_;
  EntrySheetForm form_;
  std::vector<EntrySheetCell> cells_;
  int edits_ = 0;
};

TEST_F(XlsxEntrySheetTest, SheetIsAPaperFormWithLockedLabelsTypedCellsAndHiddenKeys) {
  Generate();
  ASSERT_GE(cells_.size(), 4u);
  Seed(cells_[0], "10");
  std::string bytes = Generate();
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  Parts parts = Unzip(bytes);

  const std::string& workbook = parts.at("xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"_solieu\""), std::string::npos);
  EXPECT_NE(workbook.find("state=\"hidden\""), std::string::npos);
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  for (const std::string& expected :
       {std::string("BIỂU NHẬP SỐ LIỆU: ") + form_.data_set->name_vi, std::string("Tháng 08/2025"),
        form_.org_unit->name_vi, std::string("STT"), std::string("Chỉ tiêu"),
        std::string("Đơn vị tính")}) {
    EXPECT_NE(strings.find(expected), std::string::npos) << expected;
  }
  const std::string& form = parts.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(form.find("<sheetProtection"), std::string::npos);
  // Whole numbers >= 0 with the Vietnamese prompt, on every input cell.
  EXPECT_NE(form.find("type=\"whole\" operator=\"greaterThanOrEqual\""), std::string::npos);
  EXPECT_NE(form.find("promptTitle=\"Nhập số liệu\""), std::string::npos);
  EXPECT_NE(form.find("sqref=\"" + cells_[1].cell + "\""), std::string::npos);
  // The stored value is a number in its cell, not text.
  EXPECT_NE(form.find("<c r=\"" + cells_[0].cell + "\" s="), std::string::npos);
  size_t prefilled = form.find("<c r=\"" + cells_[0].cell + "\"");
  EXPECT_EQ(form.substr(form.find('>', prefilled) + 1, 10), "<v>10</v><");
  // Input cells are unlocked; everything else keeps Excel's default lock.
  EXPECT_NE(parts.at("xl/styles.xml").find("<protection locked=\"0\"/>"), std::string::npos);
  EXPECT_NE(parts.at("xl/worksheets/sheet2.xml").find("<sheetProtection"), std::string::npos);

  // Imported untouched, the prefilled value is unchanged and nothing else is written.
  std::string before = Fingerprint();
  ImportSummary again = ImportXlsx(bytes);
  EXPECT_EQ(again.status, ImportStatus::kSuccess) << again.description_en;
  EXPECT_EQ(again.import_count.imported, 0);
  EXPECT_EQ(again.import_count.ignored, 1);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(XlsxEntrySheetTest, FilledSheetImportsEveryValueExactly) {
  std::string bytes = Generate();
  ASSERT_GE(cells_.size(), 5u);
  std::string filled = Edited(bytes, [&](std::string& sheet) {
    SetCell(sheet, cells_[0].cell, NumberCell(cells_[0].cell, "1250"));
    SetCell(sheet, cells_[1].cell, NumberCell(cells_[1].cell, "1.25E3"));  // Excel's own form
    SetCell(sheet, cells_[2].cell, TextCell(cells_[2].cell, " 7 "));       // digits typed as text
    SetCell(sheet, cells_[3].cell,  // a formula: its cached value
            "<c r=\"" + cells_[3].cell + "\"><f>2+3</f><v>5</v></c>");
    SetCell(sheet, cells_[4].cell, "<c r=\"" + cells_[4].cell + "\" s=\"3\"/>");  // left empty
    SetCell(sheet, cells_[0].comment_cell,
            TextCell(cells_[0].comment_cell, "Đã đối chiếu sổ tiêm chủng"));
  });
  ImportSummary summary = ImportXlsx(filled);
  ASSERT_EQ(summary.status, ImportStatus::kSuccess)
      << (summary.conflicts.empty() ? summary.description_en : summary.conflicts[0].message_en);
  EXPECT_EQ(summary.import_count.imported, 4);
  EXPECT_EQ(Stored(cells_[0]), "1250");
  EXPECT_EQ(Stored(cells_[1]), "1250");
  EXPECT_EQ(Stored(cells_[2]), "7");
  EXPECT_EQ(Stored(cells_[3]), "5");
  EXPECT_EQ(Stored(cells_[4]), std::nullopt);  // an empty cell is no value, not a delete
  auto commented = store_->GetValue({cells_[0].data_element_uid, "202508", form_.org_unit->uid,
                                     cells_[0].option_combo_uid, DefaultCategoryOptionComboUid()});
  ASSERT_TRUE(commented);
  EXPECT_EQ(commented->comment, "Đã đối chiếu sổ tiêm chủng");
  EXPECT_EQ(cells_[0].comment_cell.substr(0, 1), "E");  // D: the value, E: its comment

  // The values come back prefilled in a new sheet.
  Parts again = Unzip(Generate());
  const std::string& form = again.at("xl/worksheets/sheet1.xml");
  size_t cell = form.find("<c r=\"" + cells_[0].cell + "\"");
  EXPECT_EQ(form.substr(form.find('>', cell) + 1, 12), "<v>1250</v><");
}

TEST_F(XlsxEntrySheetTest, AValueOfTheWrongTypeIsAConflictNamingItsCell) {
  std::string bytes = Generate();
  std::string filled = Edited(bytes, [&](std::string& sheet) {
    SetCell(sheet, cells_[0].cell, TextCell(cells_[0].cell, "1.250"));   // Vietnamese thousands
    SetCell(sheet, cells_[1].cell, NumberCell(cells_[1].cell, "12.5"));  // not whole
    SetCell(sheet, cells_[2].cell, NumberCell(cells_[2].cell, "3"));
  });
  const std::string before = Fingerprint();
  ImportSummary summary = ImportXlsx(filled);
  EXPECT_EQ(summary.status, ImportStatus::kError);
  EXPECT_EQ(summary.import_count.imported, 0);
  ASSERT_EQ(summary.conflicts.size(), 2u);
  const ImportConflict& text = summary.conflicts[0];
  EXPECT_EQ(text.error_code, "E7619");
  EXPECT_EQ(text.object, "1.250");
  EXPECT_NE(text.message_en.find("not a number"), std::string::npos) << text.message_en;
  EXPECT_NE(text.message_en.find("(cell " + cells_[0].cell + ")"), std::string::npos);
  EXPECT_NE(text.message_vi.find("(ô " + cells_[0].cell + ")"), std::string::npos);
  EXPECT_NE(std::find(text.objects.begin(), text.objects.end(),
                      std::pair<std::string, std::string>("cell", cells_[0].cell)),
            text.objects.end());
  ASSERT_EQ(text.lines.size(), 1u);
  EXPECT_EQ(text.lines[0], std::stoll(cells_[0].cell.substr(1)));  // the sheet row
  const ImportConflict& fraction = summary.conflicts[1];
  EXPECT_EQ(fraction.error_code, "E7619");
  EXPECT_NE(fraction.message_en.find("(cell " + cells_[1].cell + ")"), std::string::npos);
  EXPECT_EQ(Fingerprint(), before);

  DataValueImportOptions keep_good;
  keep_good.keep_good = true;
  ImportSummary partial = ImportXlsx(filled, keep_good);
  EXPECT_EQ(partial.status, ImportStatus::kWarning);
  EXPECT_EQ(partial.import_count.imported, 1);
  EXPECT_EQ(Stored(cells_[2]), "3");
  EXPECT_EQ(Stored(cells_[0]), std::nullopt);
}

TEST_F(XlsxEntrySheetTest, OtherUnitsAndLockedPeriodsGiveTheUsualConflicts) {
  std::string bytes = Generate();
  std::string filled = Edited(bytes, [&](std::string& sheet) {
    SetCell(sheet, cells_[0].cell, NumberCell(cells_[0].cell, "4"));
  });
  const std::string before = Fingerprint();

  FixedScope scope;
  DataValueImportOptions outside;
  outside.scope = &scope;
  ImportSummary refused = ImportXlsx(filled, outside);
  EXPECT_EQ(refused.status, ImportStatus::kError);
  EXPECT_NE(FindConflict(refused, "E7617"), nullptr);

  LockEverything lock;
  DataValueImportOptions locked;
  locked.lock = &lock;
  ImportSummary approved = ImportXlsx(filled, locked);
  EXPECT_EQ(approved.status, ImportStatus::kError);
  ASSERT_NE(FindConflict(approved, "E7642"), nullptr);
  EXPECT_NE(FindConflict(approved, "E7642")->message_en.find("cell " + cells_[0].cell),
            std::string::npos);

  // A sheet made for a unit the data set is not assigned to (the province itself).
  EntrySheetForm province = form_;
  province.org_unit = hierarchy_->FindByCode("11", Date(2025, 8, 31));
  ASSERT_NE(province.org_unit, nullptr);
  std::string other = Edited(Generate(province), [&](std::string& sheet) {
    SetCell(sheet, cells_[0].cell, NumberCell(cells_[0].cell, "4"));
  });
  ImportSummary unassigned = ImportXlsx(other);
  EXPECT_EQ(unassigned.status, ImportStatus::kError);
  EXPECT_NE(FindConflict(unassigned, "E7636"), nullptr);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(XlsxEntrySheetTest, BrokenFilesAreRefusedWithAClearErrorAndTheStoreUnchanged) {
  Generate();
  ASSERT_FALSE(cells_.empty());
  Seed(cells_[0], "10");
  std::string bytes = Generate();
  const std::string before = Fingerprint();

  // A part of a few bytes inflating to 20 MB: a zip bomb.
  Parts bomb = Unzip(bytes);
  bomb["xl/worksheets/sheet1.xml"] = std::string(20u << 20, ' ');
  Parts no_keys = Unzip(bytes);
  std::string& workbook = no_keys.at("xl/workbook.xml");
  workbook.replace(workbook.find("name=\"_solieu\""), 14, "name=\"Sheet2\"");

  struct Case {
    const char* name;
    std::string file;
    const char* expected_en;
  };
  for (const Case& c : {
           Case{"not a zip", "xin chào", "not an .xlsx"},
           Case{"truncated", bytes.substr(0, bytes.size() / 2), "not an .xlsx"},
           Case{"zip bomb", Zip(bomb, dir_ / "bomb.xlsx"), "zip bomb"},
           Case{"no _solieu sheet", Zip(no_keys, dir_ / "plain.xlsx"),
                "this is not a solieu entry sheet"},
       }) {
    SCOPED_TRACE(c.name);
    ImportSummary summary = ImportXlsx(c.file);
    EXPECT_EQ(summary.status, ImportStatus::kError);
    const ImportConflict* conflict = FindConflict(summary, "SL7600");
    ASSERT_NE(conflict, nullptr);
    EXPECT_NE(conflict->message_en.find(c.expected_en), std::string::npos) << conflict->message_en;
    EXPECT_FALSE(conflict->message_vi.empty());
    EXPECT_EQ(Fingerprint(), before);
  }
}

TEST_F(XlsxEntrySheetTest, OnlyAssignedUnitsAndPeriodsOfTheDataSetsTypeGetASheet) {
  auto code_of = [&](const char* ds, const char* ou, const char* pe) -> std::string {
    try {
      ResolveEntrySheetForm(metadata_, *hierarchy_, ds, ou, pe);
      return "accepted";
    } catch (const UserError& e) {
      EXPECT_FALSE(e.message_vi().empty());
      return e.code() + " " + e.where();
    }
  };
  EXPECT_EQ(code_of("DS_EPI_M", "TYT03325", "2025Q3"), "exchange.period_type_mismatch --period");
  EXPECT_EQ(code_of("DS_EPI_M", "TYT03325", "2025-13"), "exchange.invalid_period --period");
  EXPECT_EQ(code_of("DS_EPI_M", "11", "202508"), "exchange.org_unit_not_assigned --org-unit");
  EXPECT_EQ(code_of("DS_EPI_M", "NOPE", "202508"), "exchange.unknown_org_unit --org-unit");
  EXPECT_EQ(code_of("DS_NOPE", "TYT03325", "202508"), "exchange.unknown_data_set --data-set");
  EXPECT_EQ(code_of(form_.data_set->uid.c_str(), form_.org_unit->uid.c_str(), "202508"),
            "accepted");
}

bool OnPath(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST_F(XlsxEntrySheetTest, ASheetResavedByLibreOfficeStillImports) {
  if (!OnPath("soffice")) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  std::string bytes = Generate();
  std::string filled = Edited(bytes, [&](std::string& sheet) {
    SetCell(sheet, cells_[0].cell, NumberCell(cells_[0].cell, "1250"));
    SetCell(sheet, cells_[1].cell, NumberCell(cells_[1].cell, "0"));
    SetCell(sheet, cells_[2].cell, TextCell(cells_[2].cell, "1.250"));
  });
  const fs::path in = dir_ / "phieu.xlsx";
  std::ofstream(in, std::ios::binary) << filled;
  const fs::path out = dir_ / "resaved";
  fs::create_directories(out);
  const std::string command =
      "timeout 240 soffice -env:UserInstallation=file://" + (dir_ / "lo-profile").string() +
      " --headless --norestore --convert-to xlsx --outdir '" + out.string() + "' '" + in.string() +
      "' > '" + (dir_ / "lo.log").string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << ReadFile(dir_ / "lo.log");
  std::string resaved = ReadFile(out / "phieu.xlsx");
  ASSERT_FALSE(resaved.empty()) << ReadFile(dir_ / "lo.log");
  EXPECT_NE(resaved, filled);

  ImportSummary summary = ImportXlsx(resaved);
  EXPECT_EQ(summary.status, ImportStatus::kError);  // the text cell, still text
  ASSERT_EQ(summary.conflicts.size(), 1u);
  EXPECT_NE(summary.conflicts[0].message_en.find("cell " + cells_[2].cell), std::string::npos);

  DataValueImportOptions keep_good;
  keep_good.keep_good = true;
  ImportSummary partial = ImportXlsx(resaved, keep_good);
  EXPECT_EQ(partial.import_count.imported, 2);
  EXPECT_EQ(Stored(cells_[0]), "1250");
  EXPECT_EQ(Stored(cells_[1]), "0");
}

struct Ran {
  int exit_code;
  std::string out;
};

Ran Solieu(const std::string& args) {
  std::string command = std::string(SOLIEU_BINARY_DIR) + "/solieu " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  Ran run{-1, ""};
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST_F(XlsxEntrySheetTest, CommandLineWritesTheSheetAndImportsItBack) {
  store_.reset();  // the command opens the store itself
  const std::string store = "--store '" + path_ + "' ";
  const std::string file = (dir_ / "phieu.xlsx").string();
  Ran written = Solieu(store +
                       "entry-sheet --data-set DS_EPI_M --org-unit TYT03325 "
                       "--period 202508 -o '" +
                       file + "'");
  ASSERT_EQ(written.exit_code, 0) << written.out;
  EXPECT_EQ(ReadFile(file).substr(0, 2), "PK");

  Ran wrong = Solieu(store +
                     "entry-sheet --data-set DS_EPI_M --org-unit TYT03325 "
                     "--period 2025Q3 -o '" +
                     file + ".2'");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.out.find("không đúng loại kỳ"), std::string::npos) << wrong.out;
  EXPECT_NE(wrong.out.find("is not of the period type"), std::string::npos) << wrong.out;
  Ran unassigned = Solieu(store +
                          "entry-sheet --data-set DS_EPI_M --org-unit 11 "
                          "--period 202508 -o '" +
                          file + ".3'");
  EXPECT_EQ(unassigned.exit_code, 1);
  EXPECT_NE(unassigned.out.find("is not assigned data set DS_EPI_M"), std::string::npos)
      << unassigned.out;

  // Untouched: every cell empty, nothing to import, success.
  Ran imported = Solieu(store + "import '" + file + "'");
  EXPECT_EQ(imported.exit_code, 0) << imported.out;
  EXPECT_NE(imported.out.find("\"status\":\"SUCCESS\""), std::string::npos) << imported.out;
}

}  // namespace
}  // namespace solieu
