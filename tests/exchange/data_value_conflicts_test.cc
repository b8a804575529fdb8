// Every conflict the import detects: each has its own code, names the right row, and in atomic mode
// leaves the store exactly as it was (values, audit trail and the database files' bytes);
// --keep-good stores exactly the good rows.
#include <algorithm>
#include <boost/json/array.hpp>
#include <set>

#include "exchange/import_conflicts.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;
using testing::FindConflict;

// Locks every period ending in 2019: the hook the approval work will implement.
class Locks2019 : public PeriodLock {
 public:
  std::optional<LockReason> Locked(const DataValueKey& key, const std::string&) const override {
    if (key.period.rfind("2019", 0) != 0) return std::nullopt;
    return LockReason{"đã duyệt", "approved"};
  }
};

// A good row: a yearly, default-combo element of Bo.
std::string Good(const std::string& period, const std::string& value) {
  return R"({"dataElement": "tpz77FcntKx", "period": ")" + period +
         R"(", "orgUnit": "O6uvpzGd5pu", "value": ")" + value + "\"}";
}

std::string Set(const std::string& header, const std::vector<std::string>& rows) {
  std::string out = "{" + header + (header.empty() ? "" : ",") + "\n\"dataValues\": [\n";
  for (size_t i = 0; i < rows.size(); ++i) out += rows[i] + (i + 1 < rows.size() ? ",\n" : "\n");
  return out + "]}";
}

struct Case {
  std::string name;
  std::string json;
  std::string code;
  std::vector<long long> rows;  // 1-based
  std::string property;
  DataValueImportOptions options = {};
};

class DataValueConflictsTest : public ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    LoadE2eMetadata();
    // A health post of Badjia that closed at the start of 2019.
    ImportMetadataText(R"({"organisationUnits": [{"id": "ClosedCHP01", "code": "OU_CLOSED",
      "name": "Closed CHP", "level": 4, "parent": {"id": "YuQRtpLP10I"},
      "openingDate": "2000-01-01T00:00:00.000", "closedDate": "2019-01-01T00:00:00.000"}]})");
    ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
  }

  void Check(const Case& c) {
    SCOPED_TRACE(c.name);
    std::string before = Fingerprint();
    ImportSummary s = ImportText(c.json, c.options);
    EXPECT_EQ(s.status, ImportStatus::kError);
    const ImportConflict* conflict = FindConflict(s, c.code);
    ASSERT_NE(conflict, nullptr) << "got "
                                 << (s.conflicts.empty() ? "none" : s.conflicts[0].error_code)
                                 << ": " << (s.conflicts.empty() ? "" : s.conflicts[0].message_en);
    EXPECT_EQ(conflict->rows, c.rows);
    if (!c.property.empty()) {
      EXPECT_EQ(conflict->property, c.property);
    }
    EXPECT_FALSE(conflict->message_vi.empty());
    EXPECT_FALSE(conflict->message_en.empty());
    EXPECT_NE(conflict->message_vi, conflict->message_en);
    // Atomic: nothing stored, every row read counted ignored.
    EXPECT_EQ(s.import_count.imported + s.import_count.updated + s.import_count.deleted, 0);
    EXPECT_EQ(s.import_count.ignored, s.rows_read);
    EXPECT_EQ(Fingerprint(), before);
  }
};

TEST_F(DataValueConflictsTest, EachConflictIsDistinctNamesItsRowAndStoresNothing) {
  DataValueImportOptions by_code;
  by_code.id_schemes.general = IdScheme::kCode;
  DataValueImportOptions by_name;
  by_name.id_schemes.general = IdScheme::kName;
  DataValueImportOptions locked;
  Locks2019 lock;
  locked.lock = &lock;
  const std::string bo = R"("orgUnit": "O6uvpzGd5pu")";
  const std::string yearly = R"("dataSet": "qNtxTrp56wV")";

  std::vector<Case> cases = {
      {"unknown data element",
       Set("", {Good("2019", "1"),
                R"({"dataElement": "NoSuchDe001", "period": "2019", )" + bo + R"(, "value": "1"})",
                Good("2017", "1")}),
       "E7610",
       {2},
       "dataElement"},
      {"unknown data element by code",
       Set("",
           {R"({"dataElement": "TA_GEN_EXT_FUND", "period": "2019", "orgUnit": "OU_264", "value": "1"})",
            R"({"dataElement": "tpz77FcntKx", "period": "2019", "orgUnit": "OU_264", "value": "1"})"}),
       "E7610",
       {2},
       "dataElement",
       by_code},
      {"unknown data element by name",
       Set("",
           {R"({"dataElement": "TA External funding", "period": "2019", "orgUnit": "Bo", "value": "1"})",
            R"({"dataElement": "TA_GEN_EXT_FUND", "period": "2019", "orgUnit": "Bo", "value": "1"})"}),
       "E7610",
       {2},
       "dataElement",
       by_name},
      {"unknown org unit",
       Set("", {Good("2019", "1"), R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "orgUnit": "NoSuchOu001", "value": "1"})"}),
       "E7612",
       {2},
       "orgUnit"},
      {"unknown org unit by code",
       Set("",
           {R"({"dataElement": "TA_GEN_EXT_FUND", "period": "2019", "orgUnit": "O6uvpzGd5pu", "value": "1"})"}),
       "E7612",
       {1},
       "orgUnit",
       by_code},
      {"unknown option combo",
       Set("", {Good("2019", "1"), R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "orgUnit": "O6uvpzGd5pu", "categoryOptionCombo": "NoSuchCoc01",
          "value": "1"})"}),
       "E7613",
       {2},
       "categoryOptionCombo"},
      {"unknown attribute option combo",
       Set("", {R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "orgUnit": "O6uvpzGd5pu", "attributeOptionCombo": "NoSuchAoc01",
          "value": "1"})"}),
       "E7615",
       {1},
       "attributeOptionCombo"},
      {"invalid period",
       Set("", {Good("2019", "1"), Good("2019-13", "1"), Good("", "1")}),
       "E7611",
       {2},
       "period"},
      {"missing period", Set("", {Good("2019", "1"), Good("", "1")}), "E7611", {2}, "period"},
      {"period type not the data set's",
       Set(yearly + ", " + bo, {R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "value": "1"})",
                                R"({"dataElement": "tpz77FcntKx", "period": "201912",
          "value": "1"})"}),
       "E7632",
       {2},
       "period"},
      {"element not in the data set",
       Set(yearly + ", " + bo, {R"({"dataElement": "Md3xk3vlABx",
          "period": "2019", "value": "true"})"}),
       "E7633",
       {1},
       "dataElement"},
      {"value not an integer",
       Set("", {Good("2019", "1"), Good("2017", "abc")}),
       "E7619",
       {2},
       "value"},
      {"value negative", Set("", {Good("2017", "-5")}), "E7619", {1}, "value"},
      {"value not a boolean",
       Set("", {R"({"dataElement": "Md3xk3vlABx", "period": "201901",
          "orgUnit": "O6uvpzGd5pu", "value": "maybe"})"}),
       "E7619",
       {1},
       "value"},
      {"value missing", Set("", {Good("2019", "1"), Good("2017", "")}), "E7618", {2}, "value"},
      {"comment too long",
       Set("", {R"({"dataElement": "tpz77FcntKx", "period": "2019",
          "orgUnit": "O6uvpzGd5pu", "value": "1", "comment": ")" +
                std::string(50001, 'x') + "\"}"}),
       "E7620",
       {1},
       "comment"},
      {"option combo not in the element's combo",
       Set("", {R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "orgUnit": "O6uvpzGd5pu", "categoryOptionCombo": "t5FrQ0GTvGf",
          "value": "1"})"}),
       "E7634",
       {1},
       "categoryOptionCombo"},
      {"duplicate rows",
       Set("", {Good("2019", "1"), Good("2017", "1"), Good("2019", "2")}),
       "SL7601",
       {1, 3},
       "dataValue"},
      {"duplicate rows, same period written two ways",
       Set("", {Good("2019", "1"), Good("2019-01-01/P1Y", "1")}),
       "SL7601",
       {1, 2},
       "dataValue"},
      {"org unit not assigned to the data set",
       Set(yearly, {R"({"dataElement": "tpz77FcntKx",
          "period": "2019", "orgUnit": "O6uvpzGd5pu", "value": "1"})",
                    R"({"dataElement":
          "tpz77FcntKx", "period": "2019", "orgUnit": "DiszpKrYNg8", "value": "1"})"}),
       "E7636",
       {2},
       "orgUnit"},
      {"org unit closed in the period",
       Set("", {Good("2018", "1"), R"({"dataElement":
          "tpz77FcntKx", "period": "2019", "orgUnit": "ClosedCHP01", "value": "1"})"}),
       "E2019",
       {2},
       "orgUnit"},
      {"org unit closed, found by code",
       Set("", {R"({"dataElement": "TA_GEN_EXT_FUND",
          "period": "2020", "orgUnit": "OU_CLOSED", "value": "1"})"}),
       "E2019",
       {1},
       "orgUnit",
       by_code},
      {"locked period",
       Set("", {Good("2018", "1"), Good("2019", "1")}),
       "E7642",
       {2},
       "period",
       locked},
  };
  for (const Case& c : cases) Check(c);
}

TEST_F(DataValueConflictsTest, ConflictsInTheHeaderAbortTheImport) {
  std::string before = Fingerprint();
  ImportSummary s = ImportText(Set(R"("dataSet": "NoSuchDs001")", {Good("2019", "1")}));
  EXPECT_EQ(s.status, ImportStatus::kError);
  ASSERT_NE(FindConflict(s, "E7600"), nullptr);
  EXPECT_NE(s.description_en.find("aborted"), std::string::npos);
  s = ImportText(Set(R"("orgUnit": "NoSuchOu001")", {Good("2019", "1")}));
  ASSERT_NE(FindConflict(s, "E7603"), nullptr);
  s = ImportText(Set(R"("attributeOptionCombo": "NoSuchAoc01")", {Good("2019", "1")}));
  ASSERT_NE(FindConflict(s, "E7604"), nullptr);
  s = ImportText(Set(R"("dataElementIdScheme": "ATTRIBUTE:abc")", {Good("2019", "1")}));
  ASSERT_NE(FindConflict(s, "SL7602"), nullptr);
  EXPECT_EQ(FindConflict(s, "SL7602")->property, "dataElementIdScheme");
  // Even when keeping the good rows.
  DataValueImportOptions keep;
  keep.keep_good = true;
  s = ImportText(Set(R"("dataSet": "NoSuchDs001")", {Good("2019", "1")}), keep);
  EXPECT_EQ(s.status, ImportStatus::kError);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(DataValueConflictsTest, MalformedFilesGiveAnErrorSummaryAndStoreNothing) {
  std::string before = Fingerprint();
  DataValueImportOptions keep;
  keep.keep_good = true;
  std::string good = Set("", {Good("2019", "1"), Good("2017", "1"), Good("2016", "1")});
  for (const std::string& text :
       {good.substr(0, good.size() - 10), std::string("{\"dataValues\": [{\"value\": {}}]}"),
        std::string("{\"dataValues\": [") + std::string(50, '{'),
        std::string("{\"dataValues\": [{\"comment\": \"\xFF\"}]}"), std::string("")}) {
    for (const DataValueImportOptions& options : {DataValueImportOptions{}, keep}) {
      ImportSummary s = ImportText(text, options);
      EXPECT_EQ(s.status, ImportStatus::kError) << text.substr(0, 60);
      const ImportConflict* c = FindConflict(s, "SL7600");
      ASSERT_NE(c, nullptr) << text.substr(0, 60);
      EXPECT_NE(c->message_en.find("cannot be read"), std::string::npos);
      EXPECT_EQ(s.import_count.imported, 0);
    }
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(DataValueConflictsTest, KeepGoodStoresExactlyTheGoodRows) {
  std::vector<DataValue> before = store_->QueryValues({});
  DataValueImportOptions keep;
  keep.keep_good = true;
  ImportSummary s = ImportText(
      Set("",
          {Good("2015", "11"),
           R"({"dataElement": "NoSuchDe001", "period": "2015", "orgUnit": "O6uvpzGd5pu", "value": "1"})",
           Good("2014", "12"), Good("2013", "x"), Good("2012", "1"), Good("2012", "2"),
           Good("2018", "500000")}),
      keep);
  EXPECT_EQ(s.status, ImportStatus::kWarning);
  EXPECT_EQ(s.import_count.imported, 2);
  EXPECT_EQ(s.import_count.ignored, 5);  // 4 rejected + 1 equal to the stored value
  EXPECT_EQ(s.rejected_rows, (std::vector<long long>{2, 4, 5, 6}));
  EXPECT_EQ(ToJson(s).at("rejectedIndexes").as_array(), (boost::json::array{1, 3, 4, 5}));
  EXPECT_EQ(s.conflicts.size(), 3u);

  std::vector<DataValue> after = store_->QueryValues({});
  ASSERT_EQ(after.size(), before.size() + 2);
  std::set<std::string> added;
  for (const DataValue& v : after) {
    bool existed = std::any_of(before.begin(), before.end(),
                               [&](const DataValue& b) { return b.key == v.key; });
    if (!existed) added.insert(v.key.period + "=" + v.value);
  }
  EXPECT_EQ(added, (std::set<std::string>{"2014=12", "2015=11"}));
}

TEST_F(DataValueConflictsTest, EqualConflictsAreGroupedWithAllTheirRows) {
  ImportSummary s = ImportText(Set(
      "",
      {R"({"dataElement": "NoSuchDe001", "period": "2015", "orgUnit": "O6uvpzGd5pu", "value": "1"})",
       Good("2015", "1"),
       R"({"dataElement": "NoSuchDe001", "period": "2016", "orgUnit": "O6uvpzGd5pu", "value": "1"})"}));
  ASSERT_EQ(s.conflicts.size(), 1u);
  EXPECT_EQ(s.conflicts[0].rows, (std::vector<long long>{1, 3}));
  EXPECT_EQ(s.conflicts[0].lines, (std::vector<long long>{3, 5}));
}

TEST(ConflictCollectorTest, KeepsABoundedNumberOfConflicts) {
  ConflictCollector collector;
  for (size_t i = 0; i < ConflictCollector::kMaxConflicts + 5; ++i) {
    collector.Add(conflicts::InvalidPeriod("p" + std::to_string(i)), static_cast<long long>(i + 1));
  }
  std::vector<ImportConflict> all = collector.Take();
  ASSERT_EQ(all.size(), ConflictCollector::kMaxConflicts + 1);
  EXPECT_EQ(all.back().error_code, "SL7604");
  EXPECT_EQ(all.back().rows.size(), 5u);
}

}  // namespace
}  // namespace solieu
