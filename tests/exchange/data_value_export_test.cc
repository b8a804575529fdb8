// Export requests: what they select (data sets, elements, periods, ranges, org units with the
// units below them) and how an incomplete request is refused.
#include "exchange/data_value_export.h"

#include <sstream>

#include "core/error.h"
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

  long long Count(const DataValueExportRequest& request, std::string* text = nullptr) {
    std::ostringstream out;
    long long n = ExportDataValueSetJson(*store_, request, out);
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
}

}  // namespace
}  // namespace solieu
