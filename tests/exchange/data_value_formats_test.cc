// DHIS2's XML and CSV fixtures (reference/dhis2/datavalueset/) imported into a real SQLite store
// through OpenDataValueSource, the way `solieu import` does: the same rows whatever the format,
// conflicts with their rows and lines, and malformed files refused whole with the line named.
// Their metadata is built in DHIS2's Java tests, so it is declared here (the fixtures' README).
#include "exchange/data_value_formats.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;

class DataValueFormatsTest : public ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    store_->ApplyMetadata(Metadata());
  }

  static MetadataSnapshot Metadata() {
    MetadataSnapshot m;
    m.category_options = {{{"xYerKDKCefk", "default", "mặc định", "default"}}};
    m.categories = {{{"GLevLNI9wkl", "default", "mặc định", "default"}, {"xYerKDKCefk"}}};
    m.category_combos = {
        {{DefaultCategoryComboUid(), "default", "mặc định", "default"}, {"GLevLNI9wkl"}}};
    m.category_option_combos = {
        {{DefaultCategoryOptionComboUid(), "default", "mặc định", "default"},
         DefaultCategoryComboUid(),
         {"xYerKDKCefk"}}};
    DataSet data_set;
    data_set.uid = "pBOMPrpg1QX";
    data_set.code = "DS_A";
    data_set.name_vi = data_set.name_en = "Data set A";
    data_set.period_type = "Monthly";
    OrgUnit parent;
    parent.uid = "ImspTQPwCqd";
    parent.code = "OU_P";
    parent.name_vi = parent.name_en = "Parent";
    parent.level = OrgLevel::kProvince;
    m.org_units.push_back(parent);
    const char* units[][2] = {
        {"DiszpKrYNg8", "OU_A"}, {"BdfsJfj87js", "OU_B"}, {"j7Hg26FpoIa", "OU_C"}};
    for (const auto& [uid, code] : units) {
      OrgUnit unit;
      unit.uid = uid;
      unit.code = code;
      unit.name_vi = unit.name_en = std::string("Unit ") + code;
      m.org_units.push_back(unit);
      m.parent_links.push_back({unit.uid, parent.uid, {}});
      data_set.org_unit_uids.push_back(unit.uid);
    }
    const char* elements[][2] = {{"f7n9E0hX8qk", "DE_A"},
                                 {"Ix2HsbDMLea", "DE_B"},
                                 {"eY5ehpbEsB7", "DE_C"},
                                 {"jH26dja2f30", "DE_BOOL"}};
    for (const auto& [uid, code] : elements) {
      DataElement element;
      element.uid = uid;
      element.code = code;
      element.name_vi = element.name_en = std::string("Element ") + code;
      element.value_type =
          code == std::string("DE_BOOL") ? ValueType::kBoolean : ValueType::kInteger;
      element.category_combo_uid = DefaultCategoryComboUid();
      m.data_elements.push_back(element);
      data_set.data_element_uids.push_back(element.uid);
    }
    m.data_sets.push_back(data_set);
    return m;
  }

  ImportSummary Import(const std::string& fixture, DataValueImportOptions options = {},
                       std::string format = "") {
    std::string path = Dhis2Fixture("datavalueset/" + fixture).string();
    std::ifstream in(path, std::ios::binary);
    if (format.empty()) format = DataValueFormatForPath(path);
    auto source = OpenDataValueSource(format, in, path);
    return ImportDataValues(*store_, *source, options);
  }
};

TEST_F(DataValueFormatsTest, FormatNamesAndExtensions) {
  EXPECT_EQ(DataValueFormats(), (std::vector<std::string>{"json", "xml", "csv", "adx", "xlsx"}));
  EXPECT_EQ(DataValueFormatForPath("phieu-nhap.XLSX"), "xlsx");
  EXPECT_EQ(DataValueFormatForPath("a/b/values.XML"), "xml");
  EXPECT_EQ(DataValueFormatForPath("values.csv"), "csv");
  EXPECT_EQ(DataValueFormatForPath("values.json"), "json");
  EXPECT_EQ(DataValueFormatForPath("dir.csv/values"), "json");
  EXPECT_EQ(DataValueFormatForPath("values"), "json");
  std::istringstream in("");
  try {
    OpenDataValueSource("ods", in, "x");
    ADD_FAILURE() << "ods accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "exchange.unknown_format");
    EXPECT_NE(e.message_en().find("json, xml, csv, adx, xlsx"), std::string::npos);
  }
}

TEST_F(DataValueFormatsTest, XmlAndCsvFixturesImportTheSameValues) {
  ImportSummary xml = Import("dataValueSetB.xml");
  ASSERT_EQ(xml.status, ImportStatus::kSuccess)
      << (xml.conflicts.empty() ? "" : xml.conflicts[0].message_en);
  EXPECT_EQ(xml.import_count.imported, 12);
  std::vector<DataValue> stored = store_->QueryValues({});
  ASSERT_EQ(stored.size(), 12u);

  // The same 12 values in CSV, with and without a header row, and in XML by code: all unchanged.
  for (const char* name : {"dataValueSetB.csv", "dataValueSetBNoHeader.csv"}) {
    ImportSummary csv = Import(name);
    EXPECT_EQ(csv.status, ImportStatus::kSuccess) << name;
    EXPECT_EQ(csv.import_count.ignored, 12) << name;
    EXPECT_EQ(csv.import_count.imported + csv.import_count.updated, 0) << name;
  }
  DataValueImportOptions by_code;
  by_code.id_schemes.general = IdScheme::kCode;
  ImportSummary code = Import("dataValueSetBCode.xml", by_code);
  EXPECT_EQ(code.import_count.ignored, 12);

  // A's header names the data set; AUpdate changes its three values and comments.
  EXPECT_EQ(Import("dataValueSetA.xml").import_count.ignored, 3);
  ImportSummary update = Import("dataValueSetAUpdate.xml");
  EXPECT_EQ(update.import_count.updated, 3);
  bool found = false;
  for (const DataValue& v : store_->QueryValues({})) {
    if (v.key.data_element_uid == "f7n9E0hX8qk" && v.key.period == "201202" &&
        v.key.org_unit_uid == "DiszpKrYNg8") {
      EXPECT_EQ(v.value, "10033");
      EXPECT_EQ(v.comment, "updated comment");
      found = true;
    }
  }
  EXPECT_TRUE(found);

  // The CSV whose header has a "deleted" column over rows without one: 3 rows, already stored.
  ImportSummary header = Import("dataValueSetWithDataSetHeader.csv");
  EXPECT_EQ(header.status, ImportStatus::kSuccess);
  EXPECT_EQ(
      header.import_count.imported + header.import_count.updated + header.import_count.ignored, 3);
}

TEST_F(DataValueFormatsTest, HeaderDefaultsAndCsvBooleans) {
  // Period and org unit from the XML header.
  ImportSummary d = Import("dataValueSetACatCombo.xml");
  // Its option combos kjuiHgy67hg / Gad33qy67g5 do not exist here: two conflicts, nothing stored.
  EXPECT_EQ(d.status, ImportStatus::kError);
  ImportSummary c = Import("dataValueSetC.xml");
  EXPECT_EQ(c.import_count.imported, 3);

  DataValueImportOptions keep_good;
  keep_good.keep_good = true;
  ImportSummary booleans = Import("dataValueSetBooleanTest.csv", keep_good);
  EXPECT_EQ(booleans.status, ImportStatus::kWarning);
  // jH26dja2f31 is not declared (6 rows); "test" and "not true" are not booleans (2 rows).
  EXPECT_EQ(booleans.import_count.imported, 10);
  std::vector<long long> rejected_lines;
  for (const ImportConflict& conflict : booleans.conflicts) {
    rejected_lines.insert(rejected_lines.end(), conflict.lines.begin(), conflict.lines.end());
  }
  std::sort(rejected_lines.begin(), rejected_lines.end());
  EXPECT_EQ(rejected_lines, (std::vector<long long>{12, 13, 14, 15, 16, 17, 18, 19}));
}

// DHIS2's own bad fixtures: an option combo of another combo, an unknown org unit, and the
// non-strict file (an unknown option combo, a quarterly and a yearly period for a monthly data
// set): each a conflict, never a crash, nothing stored.
TEST_F(DataValueFormatsTest, IllegalAndNonStrictFixturesAreConflictsAndStoreNothing) {
  ASSERT_EQ(Import("dataValueSetB.xml").import_count.imported, 12);
  const std::string before = Fingerprint();
  for (const char* fixture : {"dataValueSetIllegalCoc.xml", "dataValueSetIllegalOrgUnit.xml",
                              "dataValueSetNonStrict.xml"}) {
    SCOPED_TRACE(fixture);
    ImportSummary summary = Import(fixture);
    EXPECT_EQ(summary.status, ImportStatus::kError);
    EXPECT_FALSE(summary.conflicts.empty());
    EXPECT_EQ(summary.import_count.imported + summary.import_count.updated, 0);
    EXPECT_EQ(Fingerprint(), before);
  }
  ImportSummary org_unit = Import("dataValueSetIllegalOrgUnit.xml");
  ASSERT_EQ(org_unit.conflicts.size(), 1u);
  EXPECT_EQ(org_unit.conflicts[0].object, "missingOrgu");
  EXPECT_EQ(org_unit.conflicts[0].error_code, "E7612");
}

TEST_F(DataValueFormatsTest, ConflictsNameRowsAndLinesAndBadFilesStoreNothing) {
  ASSERT_EQ(Import("dataValueSetB.xml").import_count.imported, 12);
  std::string before = Fingerprint();

  ImportSummary g = Import("dataValueSetG.xml");
  EXPECT_EQ(g.status, ImportStatus::kError);
  const ImportConflict* element = nullptr;
  const ImportConflict* unit = nullptr;
  for (const ImportConflict& conflict : g.conflicts) {
    if (conflict.object == "nonEx1sting" && conflict.property == "dataElement") element = &conflict;
    if (conflict.object == "nonEx1sting" && conflict.property == "orgUnit") unit = &conflict;
  }
  ASSERT_NE(element, nullptr);
  EXPECT_EQ(element->rows, (std::vector<long long>{1, 2}));
  EXPECT_EQ(element->lines, (std::vector<long long>{2, 3}));
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ(unit->lines, (std::vector<long long>{4}));

  ImportSummary invalid = Import("dataValueSetInvalid.xml");
  EXPECT_EQ(invalid.status, ImportStatus::kError);
  EXPECT_EQ(invalid.import_count.imported, 0);
  EXPECT_EQ(Fingerprint(), before);

  // A JSON file read as XML, an ADX file read as DXF2, a DOCTYPE: the whole file is refused.
  ImportSummary json_as_xml = Import("../e2e/dataValues_bulk.json", {}, "xml");
  EXPECT_EQ(json_as_xml.status, ImportStatus::kError);
  const ImportConflict* unreadable = testing::FindConflict(json_as_xml, "SL7600");
  ASSERT_NE(unreadable, nullptr);
  EXPECT_NE(unreadable->object.find("dataValues_bulk.json:1"), std::string::npos);
  EXPECT_NE(unreadable->message_en.find("XML syntax error"), std::string::npos);
  EXPECT_EQ(Import("../adx/importA.adx.xml").status, ImportStatus::kError);
  ImportSummary xml_as_csv = Import("dataValueSetB.xml", {}, "csv");
  EXPECT_EQ(xml_as_csv.status, ImportStatus::kError);
  EXPECT_NE(testing::FindConflict(xml_as_csv, "SL7600"), nullptr);
  EXPECT_EQ(Fingerprint(), before);
}

}  // namespace
}  // namespace solieu
