// Export requests: what they select (data sets, elements, periods, ranges, org units with the
// units below them), how an incomplete request is refused, and the JSON, XML and CSV writers, whose
// output imports back with every value unchanged.
#include "exchange/data_value_export.h"

#include <sstream>

#include "core/error.h"
#include "exchange/data_value_formats.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;

class DataValueExportTest : public ExchangeTest {
 protected:
  void SetUp() override {
    ExchangeTest::SetUp();
    LoadE2eMetadata();
    ImportFile(Dhis2Fixture("e2e/dataValues_bulk.json"));
    // One value of a facility below Bo, for --children.
    ImportText(R"({"dataValues": [{"dataElement": "tpz77FcntKx", "period": "2018",
                   "orgUnit": "DiszpKrYNg8", "value": "77", "comment": "xã"}]})");
  }

  long long Count(const DataValueExportRequest& request, std::string* text = nullptr,
                  DataValueExportFormat format = DataValueExportFormat::kJson) {
    std::ostringstream out;
    long long n = ExportDataValueSet(*store_, request, format, out);
    if (text) *text = out.str();
    return n;
  }
};

TEST_F(DataValueExportTest, SelectsByDataSetPeriodAndOrgUnit) {
  DataValueExportRequest yearly;
  yearly.data_sets = {"qNtxTrp56wV"};
  yearly.periods = {"2018"};
  yearly.org_units = {"O6uvpzGd5pu"};
  EXPECT_EQ(Count(yearly), 9);  // 6 default + 3 disaggregated values of 2018

  DataValueExportRequest monthly = yearly;
  monthly.data_sets = {"VEM58nY22sO"};
  monthly.periods = {"201912"};
  EXPECT_EQ(Count(monthly), 222);

  DataValueExportRequest wrong_period = monthly;
  wrong_period.periods = {"2019Q4"};  // a quarter holds the month but is not it
  EXPECT_EQ(Count(wrong_period), 0);

  DataValueExportRequest range = monthly;
  range.periods.clear();
  range.start_date = Date(2019, 10, 1);
  range.end_date = Date(2019, 12, 31);
  EXPECT_EQ(Count(range), 222);

  DataValueExportRequest element;
  element.data_elements = {"tpz77FcntKx"};
  element.periods = {"2018"};
  element.org_units = {"ImspTQPwCqd"};
  EXPECT_EQ(Count(element), 0);
  element.children = true;
  std::string text;
  EXPECT_EQ(Count(element, &text), 2);
  EXPECT_NE(text.find("\"orgUnit\":\"DiszpKrYNg8\""), std::string::npos);
  EXPECT_NE(text.find("\"comment\":\"xã\""), std::string::npos);
}

TEST_F(DataValueExportTest, IncompleteRequestsAreRefused) {
  auto refused = [&](const DataValueExportRequest& request, const std::string& code) {
    try {
      Count(request);
      ADD_FAILURE() << "not refused: " << code;
    } catch (const UserError& e) {
      EXPECT_EQ(e.code(), code);
    }
  };
  DataValueExportRequest good;
  good.data_sets = {"qNtxTrp56wV"};
  good.periods = {"2018"};
  good.org_units = {"O6uvpzGd5pu"};
  DataValueExportRequest r = good;
  r.data_sets.clear();
  refused(r, "exchange.export_no_data");
  r = good;
  r.periods.clear();
  refused(r, "exchange.export_no_period");
  r = good;
  r.start_date = Date(2018, 1, 1);
  r.end_date = Date(2018, 12, 31);
  refused(r, "exchange.export_period_and_range");
  r = good;
  r.periods.clear();
  r.start_date = Date(2019, 1, 1);
  r.end_date = Date(2018, 1, 1);
  refused(r, "exchange.export_range_order");
  r = good;
  r.org_units.clear();
  refused(r, "exchange.export_no_org_unit");
  r = good;
  r.data_sets = {"NoSuchDs001"};
  refused(r, "exchange.export_unknown_data_set");
  r = good;
  r.periods = {"2018-13"};
  refused(r, "exchange.export_invalid_period");
  r = good;
  r.org_units = {"OU_264"};  // a code, under the UID scheme
  refused(r, "exchange.export_unknown_org_unit");

  // Refused before anything is written, in every format.
  for (auto format : {DataValueExportFormat::kXml, DataValueExportFormat::kCsv}) {
    std::ostringstream out;
    EXPECT_THROW(ExportDataValueSet(*store_, r, format, out), UserError);
    EXPECT_TRUE(out.str().empty());
  }
}

TEST_F(DataValueExportTest, XmlAndCsvExportsImportBackUnchanged) {
  // A comment with every character the formats must escape, and a line break of each kind.
  ImportSummary special = ImportText(R"({"dataValues": [{"dataElement": "tpz77FcntKx",
      "period": "2017", "orgUnit": "O6uvpzGd5pu", "value": "5",
      "comment": "a <b> & \"c\", 'd'\nxuống dòng\r\n\ttab "}]})");
  ASSERT_EQ(special.import_count.imported, 1);

  DataValueExportRequest request;
  request.data_sets = {"VEM58nY22sO", "qNtxTrp56wV"};
  request.periods = {"201912", "2018", "2017"};
  request.org_units = {"O6uvpzGd5pu"};
  request.children = true;
  std::string json;
  long long total = Count(request, &json);
  EXPECT_EQ(total, 231 + 2);
  EXPECT_EQ(ParseDataValueExportFormat("xml"), DataValueExportFormat::kXml);
  EXPECT_EQ(ParseDataValueExportFormat("csv"), DataValueExportFormat::kCsv);
  EXPECT_EQ(ParseDataValueExportFormat("xlsx"), std::nullopt);

  std::string before = Fingerprint();
  for (const char* name : {"json", "xml", "csv"}) {
    SCOPED_TRACE(name);
    std::string text;
    EXPECT_EQ(Count(request, &text, *ParseDataValueExportFormat(name)), total);
    if (std::string(name) == "xml") {
      EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataValueSet "
                           "xmlns=\"http://dhis2.org/schema/dxf/2.0\">\n",
                           0),
                0u);
      EXPECT_NE(text.find(" comment=\"a &lt;b&gt; &amp; &quot;c&quot;, &apos;d&apos;&#10;xuống "
                          "dòng&#13;&#10;&#9;tab \""),
                std::string::npos);
    }
    if (std::string(name) == "csv") {
      EXPECT_EQ(text.rfind("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,"
                           "value,storedby,lastupdated,comment,followup,deleted\n",
                           0),
                0u);
      EXPECT_NE(text.find(",\"a <b> & \"\"c\"\", 'd'\nxuống dòng\r\n\ttab \",false,false\n"),
                std::string::npos);
    }
    std::istringstream in(text);
    auto source = OpenDataValueSource(name, in, std::string("export.") + name);
    ImportSummary again = ImportDataValues(*store_, *source, {});
    EXPECT_EQ(again.status, ImportStatus::kSuccess)
        << (again.conflicts.empty() ? "" : again.conflicts[0].message_en);
    EXPECT_EQ(again.import_count.ignored, total);
    EXPECT_EQ(again.import_count.imported + again.import_count.updated + again.import_count.deleted,
              0);
  }
  EXPECT_EQ(Fingerprint(), before);

  // By code, the same holds (the data sets still named by uid).
  request.id_schemes.general = IdScheme::kCode;
  request.id_schemes.data_set = IdScheme::kUid;
  request.org_units = {"OU_264"};
  std::string by_code;
  EXPECT_EQ(Count(request, &by_code, DataValueExportFormat::kCsv), total);
  EXPECT_NE(by_code.find(",OU_264,"), std::string::npos);
  std::istringstream in(by_code);
  auto source = OpenDataValueSource("csv", in, "export.csv");
  DataValueImportOptions options;
  options.id_schemes.general = IdScheme::kCode;
  EXPECT_EQ(ImportDataValues(*store_, *source, options).import_count.ignored, total);
}

}  // namespace
}  // namespace solieu
