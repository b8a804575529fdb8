// The dataValueSets import on DHIS2's own e2e fixtures: everything imports, an export gives the
// same values back, importing again ignores them all; strategies, dry run and id schemes.
#include <boost/json.hpp>
#include <sstream>

#include "exchange/data_value_export.h"
#include "exchange/import_conflicts.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;
using testing::FindConflict;

class DataValueImportTest : public ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    LoadE2eMetadata();
  }

  std::optional<DataValue> Get(const std::string& element, const std::string& period,
                               const std::string& coc = "HllvX50cXC0",
                               const std::string& unit = "O6uvpzGd5pu") {
    return store_->GetValue({element, period, unit, coc, "HllvX50cXC0"});
  }
};

TEST_F(DataValueImportTest, BulkFileImportsAll231ValuesThenIgnoresThemAll) {
  ImportSummary first = ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
  EXPECT_EQ(first.status, ImportStatus::kSuccess) << first.description_en;
  EXPECT_EQ(first.import_count.imported, 231);
  EXPECT_EQ(first.import_count.updated, 0);
  EXPECT_EQ(first.import_count.ignored, 0);
  EXPECT_TRUE(first.conflicts.empty());
  EXPECT_EQ(store_->QueryValues({}).size(), 231u);
  // Spot checks against the file: an integer, a boolean with its comment, a disaggregated value.
  EXPECT_EQ(Get("tpz77FcntKx", "2018")->value, "500000");
  auto important = Get("Md3xk3vlABx", "201912");
  ASSERT_TRUE(important);
  EXPECT_EQ(important->value, "true");
  EXPECT_EQ(important->comment, "Important!");

  ImportSummary again = ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
  EXPECT_EQ(again.status, ImportStatus::kSuccess);
  EXPECT_EQ(again.import_count.imported, 0);
  EXPECT_EQ(again.import_count.updated, 0);
  EXPECT_EQ(again.import_count.ignored, 231);
  EXPECT_TRUE(again.rejected_rows.empty());
}

TEST_F(DataValueImportTest, ExportReturnsTheSameValuesAndReimportsAsIgnored) {
  ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
  std::vector<DataValue> stored = store_->QueryValues({});

  DataValueExportRequest request;
  request.data_sets = {"VEM58nY22sO", "qNtxTrp56wV"};
  request.periods = {"201912", "2018"};
  request.org_units = {"O6uvpzGd5pu"};
  std::ostringstream out;
  EXPECT_EQ(ExportDataValueSetJson(*store_, request, out), 231);

  // The export holds exactly the values of the fixture.
  boost::json::value exported = boost::json::parse(out.str());
  boost::json::value fixture =
      boost::json::parse(testing::ReadFile(Dhis2Fixture("e2e/dataValues_bulk.json")));
  auto keyed = [](const boost::json::array& values) {
    std::map<std::string, std::string> by_key;
    for (const auto& v : values) {
      const auto& o = v.as_object();
      std::string key = std::string(o.at("dataElement").as_string()) + "|" +
                        std::string(o.at("period").as_string()) + "|" +
                        std::string(o.at("orgUnit").as_string()) + "|" +
                        std::string(o.at("categoryOptionCombo").as_string()) + "|" +
                        std::string(o.at("attributeOptionCombo").as_string());
      std::string comment = o.contains("comment") ? std::string(o.at("comment").as_string()) : "";
      by_key[key] = std::string(o.at("value").as_string()) + "|" + comment;
    }
    return by_key;
  };
  EXPECT_EQ(keyed(exported.at("dataValues").as_array()),
            keyed(fixture.at("dataValues").as_array()));

  // Round trip: import -> export -> import gives "ignored" for every value.
  ImportSummary round_trip = ImportText(out.str());
  EXPECT_EQ(round_trip.status, ImportStatus::kSuccess);
  EXPECT_EQ(round_trip.import_count.ignored, 231);
  EXPECT_EQ(round_trip.import_count.imported + round_trip.import_count.updated, 0);
}

TEST_F(DataValueImportTest, SingleDataSetFileUsesItsHeader) {
  ImportSummary s = ImportFile(Dhis2Fixture("e2e/dataValues_single_dataset.json"));
  EXPECT_EQ(s.status, ImportStatus::kSuccess)
      << (s.conflicts.empty() ? "" : s.conflicts[0].message_en);
  EXPECT_EQ(s.import_count.imported, 2);
  EXPECT_EQ(Get("BjDrgVrkBI3", "201911", "oPcWGgS2Liz")->value, "1000");
  EXPECT_EQ(Get("BjDrgVrkBI3", "201911", "rtfSaMjPyq6")->value, "2000");
}

TEST_F(DataValueImportTest, UpdatesCountAndAreAudited) {
  ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
  ImportSummary s = ImportText(R"({"dataValues": [
    {"dataElement": "tpz77FcntKx", "period": "2018", "orgUnit": "O6uvpzGd5pu", "value": "500001"},
    {"dataElement": "FRbgzTZ74Hh", "period": "2018", "orgUnit": "O6uvpzGd5pu", "value": "30000"},
    {"dataElement": "FRbgzTZ74Hh", "period": "2019", "orgUnit": "O6uvpzGd5pu", "value": "7"}
  ]})");
  EXPECT_EQ(s.status, ImportStatus::kSuccess);
  EXPECT_EQ(s.import_count.imported, 1);
  EXPECT_EQ(s.import_count.updated, 1);
  EXPECT_EQ(s.import_count.ignored, 1);
  auto trail =
      store_->AuditTrail({"tpz77FcntKx", "2018", "O6uvpzGd5pu", "HllvX50cXC0", "HllvX50cXC0"});
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[1].old_value, "500000");
  EXPECT_EQ(trail[1].new_value, "500001");
}

TEST_F(DataValueImportTest, Strategies) {
  const std::string existing = R"({"dataValues": [
    {"dataElement": "tpz77FcntKx", "period": "2018", "orgUnit": "O6uvpzGd5pu", "value": "1"}]})";
  const std::string fresh = R"({"dataValues": [
    {"dataElement": "tpz77FcntKx", "period": "2017", "orgUnit": "O6uvpzGd5pu", "value": "2"}]})";
  ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));

  DataValueImportOptions create;
  create.strategy = ImportStrategy::kCreate;
  ImportSummary s = ImportText(existing, create);
  EXPECT_EQ(s.import_count.ignored, 1);
  EXPECT_EQ(s.rejected_rows, std::vector<long long>{1});
  EXPECT_EQ(Get("tpz77FcntKx", "2018")->value, "500000");
  EXPECT_EQ(ImportText(fresh, create).import_count.imported, 1);

  DataValueImportOptions update;
  update.strategy = ImportStrategy::kUpdate;
  s = ImportText(R"({"dataValues": [
    {"dataElement": "tpz77FcntKx", "period": "2016", "orgUnit": "O6uvpzGd5pu", "value": "3"}]})",
                 update);
  EXPECT_EQ(s.import_count.ignored, 1);
  EXPECT_FALSE(Get("tpz77FcntKx", "2016"));
  EXPECT_EQ(ImportText(existing, update).import_count.updated, 1);
  EXPECT_EQ(Get("tpz77FcntKx", "2018")->value, "1");

  DataValueImportOptions remove;
  remove.strategy = ImportStrategy::kDelete;
  s = ImportText(existing, remove);
  EXPECT_EQ(s.import_count.deleted, 1);
  EXPECT_FALSE(Get("tpz77FcntKx", "2018"));
  s = ImportText(existing, remove);  // nothing left to delete
  EXPECT_EQ(s.import_count.ignored, 1);
  EXPECT_EQ(s.rejected_rows, std::vector<long long>{1});

  // "deleted": true removes under the default strategy, and needs no value.
  s = ImportText(R"({"dataValues": [{"dataElement": "tpz77FcntKx", "period": "2017",
                     "orgUnit": "O6uvpzGd5pu", "deleted": true}]})");
  EXPECT_EQ(s.import_count.deleted, 1);
  EXPECT_FALSE(Get("tpz77FcntKx", "2017"));
}

TEST_F(DataValueImportTest, DryRunCountsButStoresNothing) {
  std::string before = Fingerprint();
  DataValueImportOptions dry;
  dry.dry_run = true;
  ImportSummary s = ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"), dry);
  EXPECT_EQ(s.status, ImportStatus::kSuccess);
  EXPECT_EQ(s.import_count.imported, 231);
  EXPECT_TRUE(s.dry_run);
  EXPECT_NE(s.description_en.find("dry run"), std::string::npos);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(DataValueImportTest, IdSchemesCodeAndName) {
  // Data elements and org units by code (from the options), option combos by name (from the
  // file, which takes precedence).
  DataValueImportOptions options;
  options.id_schemes.general = IdScheme::kCode;
  ImportSummary s = ImportText(R"({
    "categoryOptionComboIdScheme": "name",
    "attributeOptionComboIdScheme": "NAME",
    "dataValues": [
      {"dataElement": "TA_GEN_EXT_FUND", "period": "2018", "orgUnit": "OU_264",
       "categoryOptionCombo": "default", "attributeOptionCombo": "default", "value": "42"},
      {"dataElement": "TA_MAL_CASES_CLASS", "period": "201912", "orgUnit": "OU_264",
       "categoryOptionCombo": "TA 0-4 years, Female", "value": "5"}
    ]})",
                               options);
  ASSERT_EQ(s.status, ImportStatus::kSuccess)
      << (s.conflicts.empty() ? "" : s.conflicts[0].message_en);
  EXPECT_EQ(s.import_count.imported, 2);
  EXPECT_EQ(s.id_schemes.ForDataElements(), IdScheme::kCode);
  EXPECT_EQ(s.id_schemes.ForOptionCombos(), IdScheme::kName);
  EXPECT_EQ(Get("tpz77FcntKx", "2018")->value, "42");

  // By name, org units and data elements.
  DataValueImportOptions by_name;
  by_name.id_schemes.data_element = IdScheme::kName;
  by_name.id_schemes.org_unit = IdScheme::kName;
  s = ImportText(R"({"dataValues": [{"dataElement": "TA External funding", "period": "2017",
                   "orgUnit": "Bo", "value": "9"}]})",
                 by_name);
  EXPECT_EQ(s.import_count.imported, 1) << (s.conflicts.empty() ? "" : s.conflicts[0].message_en);
  EXPECT_EQ(Get("tpz77FcntKx", "2017")->value, "9");

  // Export by code, import that by code: all ignored.
  DataValueExportRequest request;
  request.data_elements = {"TA_GEN_EXT_FUND"};
  request.start_date = Date(2017, 1, 1);
  request.end_date = Date(2018, 12, 31);
  request.org_units = {"OU_525"};
  request.children = true;
  request.id_schemes.general = IdScheme::kCode;
  std::ostringstream out;
  EXPECT_EQ(ExportDataValueSetJson(*store_, request, out), 2);
  EXPECT_NE(out.str().find("\"orgUnit\":\"OU_264\""), std::string::npos);
  EXPECT_NE(out.str().find("\"dataElement\":\"TA_GEN_EXT_FUND\""), std::string::npos);
  s = ImportText(out.str(), options);
  EXPECT_EQ(s.import_count.ignored, 2);
}

TEST_F(DataValueImportTest, BooleansInDhis2Spellings) {
  ImportSummary s = ImportText(R"({"dataValues": [
    {"dataElement": "Md3xk3vlABx", "period": "201911", "orgUnit": "O6uvpzGd5pu", "value": "True"},
    {"dataElement": "Md3xk3vlABx", "period": "201910", "orgUnit": "O6uvpzGd5pu", "value": "f"},
    {"dataElement": "Md3xk3vlABx", "period": "201909", "orgUnit": "O6uvpzGd5pu", "value": 1}
  ]})");
  EXPECT_EQ(s.import_count.imported, 3);
  EXPECT_EQ(Get("Md3xk3vlABx", "201911")->value, "true");
  EXPECT_EQ(Get("Md3xk3vlABx", "201910")->value, "false");
  EXPECT_EQ(Get("Md3xk3vlABx", "201909")->value, "true");
}

TEST_F(DataValueImportTest, SummaryJsonHasDhis2sShape) {
  ImportSummary s = ImportText(R"({"dataValues": [
    {"dataElement": "tpz77FcntKx", "period": "2018", "orgUnit": "O6uvpzGd5pu", "value": "1"},
    {"dataElement": "NoSuchDe001", "period": "2018", "orgUnit": "O6uvpzGd5pu", "value": "1"}]})");
  boost::json::object json = ToJson(s);
  EXPECT_EQ(json.at("responseType"), "ImportSummary");
  EXPECT_EQ(json.at("status"), "ERROR");
  EXPECT_EQ(json.at("importCount").at("imported"), 0);
  EXPECT_EQ(json.at("importCount").at("ignored"), 2);
  EXPECT_EQ(json.at("importOptions").at("atomicMode"), "ALL");
  const auto& conflict = json.at("conflicts").as_array().at(0).as_object();
  EXPECT_EQ(conflict.at("errorCode"), "E7610");
  EXPECT_EQ(conflict.at("object"), "NoSuchDe001");
  EXPECT_EQ(conflict.at("objects").at("dataElement"), "NoSuchDe001");
  EXPECT_EQ(conflict.at("property"), "dataElement");
  EXPECT_EQ(conflict.at("indexes").as_array(), boost::json::array{1});  // 0-based, as DHIS2
  EXPECT_EQ(conflict.at("rows").as_array(), boost::json::array{2});
  EXPECT_EQ(conflict.at("lines").as_array(), boost::json::array{3});
  EXPECT_EQ(conflict.at("value"), conflict.at("message_en"));
  EXPECT_NE(conflict.at("message_vi").as_string().find("không tìm thấy phần tử dữ liệu"),
            boost::json::string::npos);
  EXPECT_EQ(json.at("rejectedIndexes").as_array(), boost::json::array{1});
}

}  // namespace
}  // namespace solieu
