// ADX (IHE, urn:ihe:qrph:adx:2015): DHIS2's own fixtures (reference/dhis2/adx/) imported and
// exported through the same pipeline as dataValueSets. Their metadata is built in DHIS2's Java test
// AdxDataServiceIntegrationTest, so it is declared here as the fixtures' README describes it; both
// data sets are assigned both org units (the Java test's user holds both).
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "core/error.h"
#include "exchange/adx_data_value_reader.h"
#include "exchange/data_value_export.h"
#include "exchange/data_value_formats.h"
#include "exchange/import_conflicts.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;
using testing::FindConflict;

NamedObject Named(const char* uid, const char* code, const char* name) {
  return NamedObject{uid, code, name, name};
}

MetadataSnapshot AdxMetadata(const char* mechanism_period_type = "Quarterly") {
  MetadataSnapshot m;
  m.category_options = {{Named("xYerKDKCefk", "default", "default")},
                        {Named("under555555", "under5", "Under 5")},
                        {Named("over5555555", "over5", "Over 5")},
                        {Named("FFFFFFFFFFF", "F", "Female")},
                        {Named("MMMMMMMMMMM", "M", "Male")},
                        {Named("PEPFARRRRRR", "PEPFAR", "PEPFAR mechanism")},
                        {Named("McDonaldsss", "McDonalds", "McDonalds mechanism")}};
  m.categories = {
      {Named("GLevLNI9wkl", "default", "default"), {"xYerKDKCefk"}},
      {Named("ageeeeeeeee", "age", "Age_category"), {"under555555", "over5555555"}},
      {Named("sexxxxxxxxx", "sex", "Sex_category"), {"FFFFFFFFFFF", "MMMMMMMMMMM"}},
      {Named("mechanismmm", "mechanism", "Mechanism_category"), {"PEPFARRRRRR", "McDonaldsss"}}};
  m.category_combos = {
      {Named(DefaultCategoryComboUid().c_str(), "default", "default"), {"GLevLNI9wkl"}},
      {Named("ccAgeSexxxx", "ccAgeSex", "Age and Sex Category Combo"),
       {"ageeeeeeeee", "sexxxxxxxxx"}},
      {Named("ccMechanism", "ccMechanism", "Mechanism Category Combo"), {"mechanismmm"}}};
  auto coc = [](const char* uid, const char* code, const char* name, const char* combo,
                std::vector<std::string> options) {
    return CategoryOptionCombo{Named(uid, code, name), combo, std::move(options)};
  };
  m.category_option_combos = {
      coc(DefaultCategoryOptionComboUid().c_str(), "default", "default",
          DefaultCategoryComboUid().c_str(), {"xYerKDKCefk"}),
      coc("FUnder55555", "F_Under5", "Female Under 5", "ccAgeSexxxx",
          {"FFFFFFFFFFF", "under555555"}),
      coc("MUnder55555", "M_Under5", "Male Under 5", "ccAgeSexxxx", {"MMMMMMMMMMM", "under555555"}),
      coc("FOver555555", "F_Over5", "Female Over 5", "ccAgeSexxxx", {"FFFFFFFFFFF", "over5555555"}),
      coc("MOver555555", "M_Over5", "Male Over 5", "ccAgeSexxxx", {"MMMMMMMMMMM", "over5555555"}),
      coc("cocPEPFARRR", "coc_PEPFAR", "PEPFAR CategoryOptionCombo", "ccMechanism",
          {"PEPFARRRRRR"}),
      coc("cocMcDonald", "coc_McDonalds", "McDonalds CategoryOptionCombo", "ccMechanism",
          {"McDonaldsss"})};
  DataElement numeric;
  static_cast<NamedObject&>(numeric) = Named("MalNummmmmm", "Mal_num", "Malaria numeric");
  numeric.value_type = ValueType::kInteger;
  numeric.category_combo_uid = "ccAgeSexxxx";
  DataElement text;
  static_cast<NamedObject&>(text) = Named("MalTexttttt", "Mal_text", "Malaria text");
  text.value_type = ValueType::kText;
  text.category_combo_uid = DefaultCategoryComboUid();
  m.data_elements = {numeric, text};
  OrgUnit province;
  province.uid = "P1233333333";
  province.code = "123";
  province.name_vi = province.name_en = "Provincial Hospital";
  province.level = OrgLevel::kProvince;
  OrgUnit district = province;
  district.uid = "D4566666666";
  district.code = "456";
  district.name_vi = district.name_en = "District Hospital";
  district.level = OrgLevel::kDistrict;
  m.org_units = {province, district};
  m.parent_links = {{district.uid, province.uid, {}}};
  DataSet monthly;
  static_cast<NamedObject&>(monthly) = Named("MalariaDSSS", "MalariaDS", "Malaria DS");
  monthly.period_type = "Monthly";
  monthly.data_element_uids = {"MalNummmmmm", "MalTexttttt"};
  monthly.org_unit_uids = {province.uid, district.uid};
  DataSet mechanism = monthly;
  static_cast<NamedObject&>(mechanism) =
      Named("MalariaMech", "MalariaMechanismDS", "Malaria Mechanism DS");
  mechanism.period_type = mechanism_period_type;
  m.data_sets = {monthly, mechanism};
  return m;
}

// A stored value named as the README's tables name it.
using Row = std::tuple<std::string, std::string, std::string, std::string, std::string,
                       std::string>;  // element, period, org unit, coc, aoc, value (names)

IdSchemes Schemes(std::initializer_list<std::pair<const char*, const char*>> parameters) {
  IdSchemes schemes;
  schemes.general = IdScheme::kCode;
  for (const auto& [parameter, value] : parameters)
    EXPECT_TRUE(SetIdScheme(&schemes, parameter, value));
  return schemes;
}

IdSchemes SchemesA() {
  return Schemes({{"dataElementIdScheme", "NAME"},
                  {"categoryIdScheme", "NAME"},
                  {"categoryOptionIdScheme", "UID"},
                  {"categoryOptionComboIdScheme", "UID"}});
}
IdSchemes SchemesB() {
  return Schemes({{"dataSetIdScheme", "NAME"},
                  {"orgUnitIdScheme", "UID"},
                  {"dataElementIdScheme", "UID"},
                  {"categoryOptionComboIdScheme", "NAME"}});
}
IdSchemes SchemesC() {
  return Schemes({{"dataSetIdScheme", "UID"},
                  {"orgUnitIdScheme", "NAME"},
                  {"categoryIdScheme", "UID"},
                  {"categoryOptionIdScheme", "NAME"}});
}

class AdxTest : public ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    store_->ApplyMetadata(AdxMetadata());
  }

  ImportSummary ImportAdx(std::istream& in, const std::string& name, IdSchemes schemes,
                          DataValueImportOptions options = {}) {
    options.id_schemes = schemes;
    auto source = OpenDataValueSource("adx", in, name);
    return ImportDataValues(*store_, *source, options);
  }
  ImportSummary ImportFixture(const std::string& fixture, IdSchemes schemes,
                              DataValueImportOptions options = {}) {
    std::string path = Dhis2Fixture("adx/" + fixture).string();
    std::ifstream in(path, std::ios::binary);
    return ImportAdx(in, path, schemes, options);
  }
  ImportSummary ImportAdxText(const std::string& text, IdSchemes schemes = AdxIdSchemes({}),
                              DataValueImportOptions options = {}) {
    std::istringstream in(text);
    return ImportAdx(in, "test.adx", schemes, options);
  }

  std::set<Row> Stored() {
    MetadataSnapshot m = store_->LoadMetadata();
    auto name = [&](const auto& objects, const std::string& uid) -> std::string {
      for (const auto& o : objects) {
        if (o.uid == uid) return o.uid == DefaultCategoryOptionComboUid() ? "default" : o.name_en;
      }
      return "?" + uid;
    };
    std::set<Row> rows;
    for (const DataValue& v : store_->QueryValues({})) {
      rows.emplace(name(m.data_elements, v.key.data_element_uid), v.key.period,
                   name(m.org_units, v.key.org_unit_uid),
                   name(m.category_option_combos, v.key.category_option_combo_uid),
                   name(m.category_option_combos, v.key.attribute_option_combo_uid), v.value);
    }
    return rows;
  }

  // The 4 values DHIS2's export test stores.
  void StoreExportValues() {
    const char* json = R"({"dataValues": [
      {"dataElement": "MalNummmmmm", "period": "202001", "orgUnit": "P1233333333",
       "categoryOptionCombo": "FUnder55555", "value": "1"},
      {"dataElement": "MalTexttttt", "period": "202002", "orgUnit": "P1233333333",
       "value": "Some text"},
      {"dataElement": "MalNummmmmm", "period": "202001", "orgUnit": "D4566666666",
       "categoryOptionCombo": "MOver555555", "attributeOptionCombo": "cocMcDonald", "value": "2"},
      {"dataElement": "MalNummmmmm", "period": "202001", "orgUnit": "D4566666666",
       "categoryOptionCombo": "FOver555555", "attributeOptionCombo": "cocPEPFARRR", "value": "3"}
    ]})";
    ImportSummary s = ImportText(json);
    ASSERT_EQ(s.status, ImportStatus::kSuccess)
        << (s.conflicts.empty() ? "" : s.conflicts[0].message_en);
  }
};

const std::set<Row> kImportExpected = {
    {"Malaria numeric", "202001", "Provincial Hospital", "Female Under 5", "default", "1"},
    {"Malaria numeric", "202001", "Provincial Hospital", "Male Under 5", "default", "2"},
    {"Malaria numeric", "202001", "Provincial Hospital", "Female Over 5", "default", "3"},
    {"Malaria numeric", "202001", "Provincial Hospital", "Male Over 5", "default", "4"},
    {"Malaria text", "202001", "Provincial Hospital", "default", "default", "Text data value"},
    {"Malaria numeric", "202002", "District Hospital", "Female Under 5", "default", "6"},
    {"Malaria numeric", "2021Q1", "District Hospital", "Female Under 5",
     "PEPFAR CategoryOptionCombo", "10"},
    {"Malaria numeric", "2021Q1", "District Hospital", "Female Over 5",
     "McDonalds CategoryOptionCombo", "20"},
    {"Malaria numeric", "2021Q1", "District Hospital", "Male Under 5",
     "McDonalds CategoryOptionCombo", "30"},
};

const std::set<Row> kExportValues = {
    {"Malaria numeric", "202001", "Provincial Hospital", "Female Under 5", "default", "1"},
    {"Malaria text", "202002", "Provincial Hospital", "default", "default", "Some text"},
    {"Malaria numeric", "202001", "District Hospital", "Male Over 5",
     "McDonalds CategoryOptionCombo", "2"},
    {"Malaria numeric", "202001", "District Hospital", "Female Over 5",
     "PEPFAR CategoryOptionCombo", "3"},
};

std::string Describe(const ImportSummary& s) {
  std::string out;
  for (const ImportConflict& c : s.conflicts) {
    out += c.error_code + " " + c.message_en + " rows";
    for (long long r : c.rows) out += " " + std::to_string(r);
    out += "\n";
  }
  return out;
}

TEST_F(AdxTest, ImportAGivesTheNineValues) {
  ImportSummary s = ImportFixture("importA.adx.xml", SchemesA());
  ASSERT_EQ(s.status, ImportStatus::kSuccess) << Describe(s);
  EXPECT_EQ(s.import_count.imported, 9);
  EXPECT_EQ(Stored(), kImportExpected);
}

TEST_F(AdxTest, ImportBGivesTheNineValues) {
  ImportSummary s = ImportFixture("importB.adx.xml", SchemesB());
  ASSERT_EQ(s.status, ImportStatus::kSuccess) << Describe(s);
  EXPECT_EQ(s.import_count.imported, 9);
  EXPECT_EQ(Stored(), kImportExpected);
}

TEST_F(AdxTest, ImportCGivesTheNineValues) {
  ImportSummary s = ImportFixture("importC.adx.xml", SchemesC());
  ASSERT_EQ(s.status, ImportStatus::kSuccess) << Describe(s);
  EXPECT_EQ(s.import_count.imported, 9);
  EXPECT_EQ(Stored(), kImportExpected);
  // The same file again: every value ignored.
  ImportSummary again = ImportFixture("importC.adx.xml", SchemesC());
  EXPECT_EQ(again.status, ImportStatus::kSuccess) << Describe(again);
  EXPECT_EQ(again.import_count.ignored, 9);
  EXPECT_EQ(again.import_count.imported, 0);
}

TEST_F(AdxTest, ImportUnderTheWrongSchemesStoresNothing) {
  std::string before = Fingerprint();
  ImportSummary s = ImportFixture("importA.adx.xml", SchemesC());
  EXPECT_EQ(s.status, ImportStatus::kError);
  EXPECT_EQ(s.import_count.imported, 0);
  EXPECT_EQ(Fingerprint(), before);
}

// DHIS2's export fixtures, read back: each holds the values its README lists. DHIS2 does not check
// a value's period against its group's data set (strictPeriods is off by default) and its export
// test put monthly values under the quarterly mechanism data set; solieu does check (E7632), so
// these files are read here against a monthly mechanism data set.
class AdxExportFixtureTest : public AdxTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    store_->ApplyMetadata(AdxMetadata("Monthly"));
  }
};

TEST_F(AdxExportFixtureTest, ExportFixturesHoldTheStoredValues) {
  struct Case {
    const char* file;
    IdSchemes schemes;
    size_t values;
  };
  for (const Case& c :
       {Case{"exportA.adx.xml", SchemesA(), 2}, Case{"exportB.adx.xml", SchemesB(), 4},
        Case{"exportC.adx.xml", SchemesC(), 4}, Case{"exportD.adx.xml", SchemesC(), 1}}) {
    SCOPED_TRACE(c.file);
    DataValueImportOptions dry_run;
    dry_run.dry_run = true;
    ImportSummary dry = ImportFixture(c.file, c.schemes, dry_run);
    ASSERT_EQ(dry.status, ImportStatus::kSuccess) << Describe(dry);
    EXPECT_EQ(dry.import_count.imported, static_cast<long long>(c.values));
  }
  // Imported into the store that holds DHIS2's 4 values, each file changes nothing.
  StoreExportValues();
  for (const Case& c :
       {Case{"exportA.adx.xml", SchemesA(), 2}, Case{"exportB.adx.xml", SchemesB(), 4},
        Case{"exportC.adx.xml", SchemesC(), 4}, Case{"exportD.adx.xml", SchemesC(), 1}}) {
    SCOPED_TRACE(c.file);
    ImportSummary s = ImportFixture(c.file, c.schemes);
    EXPECT_EQ(s.status, ImportStatus::kSuccess) << Describe(s);
    EXPECT_EQ(s.import_count.ignored, static_cast<long long>(c.values));
    EXPECT_EQ(s.import_count.imported + s.import_count.updated, 0);
  }
  EXPECT_EQ(Stored(), kExportValues);
}

TEST_F(AdxTest, StrictPeriodsRejectMonthlyValuesUnderTheQuarterlyDataSet) {
  ImportSummary s = ImportFixture("exportD.adx.xml", SchemesC());
  EXPECT_EQ(s.status, ImportStatus::kError);
  const ImportConflict* c = FindConflict(s, "E7632");
  ASSERT_NE(c, nullptr) << Describe(s);
  EXPECT_EQ(c->lines, std::vector<long long>{3});
}

// The groups of an ADX document, each as its sorted attributes and its values' sorted attributes,
// so that two documents compare whatever the order of groups and attributes.
std::multiset<std::string> Groups(const std::string& adx) {
  std::multiset<std::string> groups;
  std::istringstream in(adx);
  AdxDataValueReader reader(in, "adx");
  RawDataValue row;
  while (reader.Next(&row)) {
    auto sorted = [](std::vector<std::pair<std::string, std::string>> v) {
      std::sort(v.begin(), v.end());
      std::string text;
      for (const auto& [k, value] : v) text += k + "=" + value + ";";
      return text;
    };
    groups.insert(row.data_set + "|" + row.period + "|" + row.org_unit + "|" +
                  sorted(row.attribute_options) + "|" + row.data_element + "|" +
                  sorted(row.category_options) + "|" + row.value + "|" +
                  row.annotation.value_or(""));
  }
  return groups;
}

TEST_F(AdxTest, ExportReproducesDhis2sExports) {
  StoreExportValues();
  auto export_adx = [&](IdSchemes schemes, std::vector<std::string> data_sets,
                        std::vector<std::string> org_units, bool children,
                        std::vector<std::string> aocs = {}) {
    DataValueExportRequest request;
    request.id_schemes = schemes;
    request.data_sets = std::move(data_sets);
    request.org_units = std::move(org_units);
    request.children = children;
    request.periods = {"202001", "202002"};
    request.attribute_option_combos = std::move(aocs);
    std::ostringstream out;
    ExportDataValueSet(*store_, request, DataValueExportFormat::kAdx, out);
    return out.str();
  };
  auto fixture = [](const char* name) {
    return testing::ReadFile(Dhis2Fixture(std::string("adx/") + name));
  };
  EXPECT_EQ(Groups(export_adx(SchemesA(), {"MalariaDS", "MalariaMechanismDS"}, {"123"}, false)),
            Groups(fixture("exportA.adx.xml")));
  // Data sets' attribute category combos are not modelled: a value goes under the first requested
  // data set holding its element, so the mechanism values are asked for under the mechanism data
  // set, and the default ones under the monthly one.
  std::multiset<std::string> b_groups =
      Groups(export_adx(SchemesB(), {"Malaria DS"}, {"P1233333333"}, false));
  for (const std::string& g :
       Groups(export_adx(SchemesB(), {"Malaria Mechanism DS"}, {"D4566666666"}, false))) {
    b_groups.insert(g);
  }
  EXPECT_EQ(b_groups, Groups(fixture("exportB.adx.xml")));
  std::multiset<std::string> c_groups =
      Groups(export_adx(SchemesC(), {"MalariaDSSS"}, {"Provincial Hospital"}, false));
  for (const std::string& g :
       Groups(export_adx(SchemesC(), {"MalariaMech"}, {"District Hospital"}, false))) {
    c_groups.insert(g);
  }
  EXPECT_EQ(c_groups, Groups(fixture("exportC.adx.xml")));
  EXPECT_EQ(Groups(export_adx(SchemesC(), {"MalariaMech"}, {"Provincial Hospital"}, true,
                              {"coc_McDonalds"})),
            Groups(fixture("exportD.adx.xml")));
}

TEST_F(AdxTest, ExportThenImportIgnoresEveryValue) {
  ImportSummary first = ImportFixture("importA.adx.xml", SchemesA());
  ASSERT_EQ(first.status, ImportStatus::kSuccess) << Describe(first);
  struct Ids {
    IdSchemes schemes;
    const char* unit;
    const char* monthly;
    const char* mechanism;
  };
  for (const Ids& ids : {Ids{SchemesA(), "123", "MalariaDS", "MalariaMechanismDS"},
                         Ids{SchemesB(), "P1233333333", "Malaria DS", "Malaria Mechanism DS"},
                         Ids{SchemesC(), "Provincial Hospital", "MalariaDSSS", "MalariaMech"}}) {
    DataValueExportRequest request;
    request.id_schemes = ids.schemes;
    request.org_units = {ids.unit};
    request.children = true;
    // Monthly values under the monthly data set, quarterly ones under the mechanism data set.
    std::ostringstream monthly, quarterly;
    request.data_sets = {ids.monthly};
    request.periods = {"202001", "202002"};
    EXPECT_EQ(ExportDataValueSet(*store_, request, DataValueExportFormat::kAdx, monthly), 6);
    request.data_sets = {ids.mechanism};
    request.periods = {"2021Q1"};
    EXPECT_EQ(ExportDataValueSet(*store_, request, DataValueExportFormat::kAdx, quarterly), 3);
    EXPECT_NE(quarterly.str().find("period=\"2021-01-01/P3M\""), std::string::npos);
    for (const std::string& doc : {monthly.str(), quarterly.str()}) {
      ImportSummary again = ImportAdxText(doc, ids.schemes);
      EXPECT_EQ(again.status, ImportStatus::kSuccess) << Describe(again) << doc;
      EXPECT_EQ(again.import_count.imported + again.import_count.updated, 0) << doc;
      EXPECT_GT(again.import_count.ignored, 0);
    }
  }
  EXPECT_EQ(Stored(), kImportExpected);
}

TEST_F(AdxTest, MalformedAdxGivesConflictsNamingTheLineAndStoresNothing) {
  std::string before = Fingerprint();
  auto group = [](const std::string& attributes, const std::string& values) {
    return "<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n<group dataSet=\"MalariaDS\" orgUnit=\"123\" " +
           attributes + ">\n" + values + "\n</group>\n</adx>\n";
  };
  struct Case {
    std::string text;
    std::string code;
  };
  const std::string ok =
      "<dataValue dataElement=\"Mal_num\" sex=\"F\" age=\"under5\" value=\"1\"/>";
  for (const Case& c : {
           Case{group("period=\"2020-01-01/P1M\"", ok + "\n<dataValue dataElement=\"Mal_num\" "
                                                        "sex=\"X\" age=\"under5\" value=\"1\"/>"),
                "SL7606"},
           Case{
               group("period=\"2020-01-01/P1M\"", ok + "\n<dataValue dataElement=\"Mal_num\" "
                                                       "colour=\"F\" age=\"under5\" value=\"1\"/>"),
               "SL7605"},
           Case{group("period=\"2020-01-01/P1M\"",
                      ok + "\n<dataValue dataElement=\"Mal_num\" age=\"under5\" value=\"1\"/>"),
                "SL7607"},
           Case{group("period=\"2020-01-01/P1M\"",
                      ok + "\n<dataValue dataElement=\"Mal_num\" sex=\"F\" age=\"under5\" "
                           "categoryOptionCombo=\"F_Under5\" value=\"1\"/>"),
                "SL7607"},
           Case{group("period=\"2020-01-01/P1M\"",
                      ok + "\n<dataValue dataElement=\"Mal_text\" value=\"0\"/>"),
                "SL7608"},
           Case{group("", ok + "\n" + ok), "E7611"},
           Case{group("period=\"2020-01-01/P5W\"", ok + "\n" + ok), "E7611"},
           Case{group("period=\"2020-01-01/P1M\" mechanism=\"Nobody\"", ok + "\n" + ok), "SL7606"},
       }) {
    SCOPED_TRACE(c.text);
    ImportSummary s = ImportAdxText(c.text);
    EXPECT_EQ(s.status, ImportStatus::kError);
    const ImportConflict* conflict = FindConflict(s, c.code);
    ASSERT_NE(conflict, nullptr) << Describe(s);
    ASSERT_FALSE(conflict->lines.empty());
    EXPECT_EQ(conflict->lines.back(), 4);  // the second data value's line
    EXPECT_FALSE(conflict->message_vi.empty());
    EXPECT_FALSE(conflict->message_en.empty());
  }
  // Refused whole, naming the line: two options of one category (a repeated attribute), a DOCTYPE,
  // a group without data set, a DXF2 file.
  for (const auto& [text, line, words] : std::vector<std::tuple<std::string, int, std::string>>{
           {group("period=\"2020-01-01/P1M\"",
                  ok + "\n<dataValue dataElement=\"Mal_num\" sex=\"F\" sex=\"M\" age=\"under5\" "
                       "value=\"1\"/>"),
            4, "duplicate attribute"},
           {"<?xml version=\"1.0\"?>\n<!DOCTYPE adx [<!ENTITY a \"aaaa\">]>\n" +
                group("period=\"2020-01-01/P1M\"", ok),
            2, "DOCTYPE"},
           {"<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n<group period=\"2020-01-01/P1M\" "
            "orgUnit=\"123\">"
            "</group></adx>",
            2, "no dataSet"},
           {"<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\"/>", 1, "use --format xml"},
       }) {
    SCOPED_TRACE(text);
    ImportSummary s = ImportAdxText(text);
    EXPECT_EQ(s.status, ImportStatus::kError);
    const ImportConflict* conflict = FindConflict(s, "SL7600");
    ASSERT_NE(conflict, nullptr) << Describe(s);
    EXPECT_EQ(conflict->object, "test.adx:" + std::to_string(line));
    EXPECT_NE(conflict->message_en.find(words), std::string::npos) << conflict->message_en;
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(AdxTest, KeepGoodStoresTheGoodRowsOnly) {
  DataValueImportOptions options;
  options.keep_good = true;
  ImportSummary s = ImportAdxText(
      "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group dataSet=\"MalariaDS\" orgUnit=\"123\" "
      "period=\"2020-01-01/P1M\"><dataValue dataElement=\"Mal_num\" sex=\"F\" age=\"under5\" "
      "value=\"1\"><annotation>checked</annotation></dataValue><dataValue dataElement=\"Mal_num\" "
      "sex=\"F\" age=\"nobody\" value=\"2\"/></group></adx>",
      AdxIdSchemes({}), options);
  EXPECT_EQ(s.status, ImportStatus::kWarning);
  EXPECT_EQ(s.import_count.imported, 1);
  std::vector<DataValue> stored = store_->QueryValues({});
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].key.category_option_combo_uid, "FUnder55555");
  EXPECT_EQ(stored[0].comment, "checked");  // a numeric value's annotation is its comment
}

TEST_F(AdxTest, ExportRefusesObjectsWithoutCodes) {
  StoreExportValues();
  MetadataSnapshot m = store_->LoadMetadata();
  for (DataElement& e : m.data_elements) {
    if (e.uid == "MalNummmmmm") e.code.clear();
  }
  store_->ApplyMetadata(m);
  DataValueExportRequest request;
  request.id_schemes = AdxIdSchemes({});
  request.data_sets = {"MalariaDS"};
  request.org_units = {"123"};
  request.periods = {"202001"};
  std::ostringstream out;
  try {
    ExportDataValueSet(*store_, request, DataValueExportFormat::kAdx, out);
    ADD_FAILURE() << "exported without a code";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "exchange.export_adx_no_code");
    EXPECT_NE(e.message_vi().find("không có mã"), std::string::npos);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(AdxFormats, NamesAndPaths) {
  EXPECT_EQ(DataValueFormatForPath("a/values.adx"), "adx");
  EXPECT_EQ(DataValueFormatForPath("a/importA.ADX.xml"), "adx");
  EXPECT_EQ(DataValueFormatForPath("a/values.xml"), "xml");
  EXPECT_EQ(ParseDataValueExportFormat("adx"), DataValueExportFormat::kAdx);
  // An ADX file read as DXF2 says what to do.
  std::istringstream in("<adx xmlns=\"urn:ihe:qrph:adx:2015\"/>");
  auto source = OpenDataValueSource("xml", in, "values.xml");
  try {
    source->Header();
    ADD_FAILURE() << "ADX read as DXF2";
  } catch (const UserError& e) {
    EXPECT_NE(e.message_en().find("use --format adx"), std::string::npos);
  }
}

}  // namespace
}  // namespace solieu
