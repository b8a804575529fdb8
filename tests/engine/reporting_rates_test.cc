// Reporting-rate items in the analytics engine (DHIS2's ds.REPORTING_RATE and its four siblings,
// and R{ds.METRIC} inside expressions) over the real Điện Biên configuration: forms expected per
// data set period and assigned unit, counted complete and on time, rolled up the tree in both
// views of the 2025 reform, and kept current as registrations come and go.
#include "engine/reporting_rates.h"

#include <gtest/gtest.h>

#include "config/config_loader.h"
#include "core/error.h"
#include "engine/analytics.h"

namespace solieu {
namespace {

class ReportingRatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ =
        new ConfigFolder(LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien"));
  }
  static void TearDownTestSuite() { delete folder_; }

  ReportingRatesTest() : analytics_(folder_->metadata) {}

  const OrgUnit& Unit(const std::string& code, Date day) const {
    const OrgUnit* u = analytics_.hierarchy().FindByCode(code, day);
    if (u == nullptr) throw std::runtime_error("no unit " + code);
    return *u;
  }

  // DS_EPI_M: monthly, 5 expiry days, assigned to every commune health station.
  void Complete(const std::string& unit_code, const Period& month, Date on,
                const std::string& data_set = "DS_EPI_M") {
    analytics_.ApplyForms(
        {{data_set, Unit(unit_code, month.start()).uid, month.start(), month.end(), on}});
  }
  void Withdraw(const std::string& unit_code, const Period& month) {
    analytics_.ApplyForms(
        {{"DS_EPI_M", Unit(unit_code, month.start()).uid, month.start(), month.end(), {}}});
  }

  std::optional<double> Value(const std::string& dx, const Period& period, const OrgUnit& unit,
                              Structure structure = Structure::kAsItWas) const {
    AnalyticsQuery query;
    query.dx = {dx};
    query.periods = {period};
    query.org_units = {unit.uid};
    query.structure = structure;
    query.structure_date = Date(2026, 1, 1);
    return analytics_.Query(query).At(0, 0, 0);
  }

  static ConfigFolder* folder_;
  Analytics analytics_;
};

ConfigFolder* ReportingRatesTest::folder_ = nullptr;

const Date kIn2024(2024, 6, 1);

TEST_F(ReportingRatesTest, OneStationOverAYearCountsTwelveMonthlyForms) {
  const OrgUnit& station = Unit("TYT03317", kIn2024);
  Complete("TYT03317", Period::Month(2024, 1), Date(2024, 2, 3));   // on time: deadline 5 Feb
  Complete("TYT03317", Period::Month(2024, 2), Date(2024, 3, 5));   // on time, the last day
  Complete("TYT03317", Period::Month(2024, 3), Date(2024, 4, 20));  // late
  const Period year = Period::Year(2024);
  EXPECT_EQ(Value("DS_EPI_M.EXPECTED_REPORTS", year, station), 12);
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS", year, station), 3);
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS_ON_TIME", year, station), 2);
  EXPECT_DOUBLE_EQ(*Value("DS_EPI_M.REPORTING_RATE", year, station), 25.0);
  EXPECT_DOUBLE_EQ(*Value("DS_EPI_M.REPORTING_RATE_ON_TIME", year, station), 100.0 * 2 / 12);
  // A quarter expects three forms; a single month one.
  EXPECT_DOUBLE_EQ(*Value("DS_EPI_M.REPORTING_RATE", Period::Quarter(2024, 1), station), 100.0);
  EXPECT_EQ(Value("DS_EPI_M.REPORTING_RATE", Period::Month(2024, 4), station), 0.0);
  // By uid as well as by code.
  const DataSet& ds = analytics_.forms().DataSetAt(analytics_.forms().DataSetIndex("DS_EPI_M"));
  EXPECT_EQ(Value(ds.uid + ".ACTUAL_REPORTS", year, station), 3);
}

TEST_F(ReportingRatesTest, APeriodShorterThanTheDataSetsHasNoValue) {
  const OrgUnit& station = Unit("TYT03317", kIn2024);
  Complete("TYT03317", Period::Month(2024, 1), Date(2024, 2, 1));
  EXPECT_FALSE(Value("DS_EPI_M.REPORTING_RATE", Period::Week(2024, 3), station).has_value());
  EXPECT_FALSE(Value("DS_EPI_M.EXPECTED_REPORTS", Period::Week(2024, 3), station).has_value());
}

TEST_F(ReportingRatesTest, AUnitThatReportsNothingForTheDataSetHasNoValue) {
  // The province itself is not a commune health station, but its subtree is.
  const OrgUnit& province = Unit("11", kIn2024);
  EXPECT_GT(*Value("DS_EPI_M.EXPECTED_REPORTS", Period::Month(2024, 1), province), 100);
  // DS_OUTBREAK_M is assigned only to the CDC, which is not below a commune station.
  EXPECT_FALSE(
      Value("DS_OUTBREAK_M.EXPECTED_REPORTS", Period::Month(2024, 1), Unit("TYT03317", kIn2024))
          .has_value());
}

TEST_F(ReportingRatesTest, FormsRollUpTheTreeAsItWasAndOntoTodaysStructure) {
  const Period month = Period::Month(2024, 5);
  Complete("TYT03317", month, Date(2024, 6, 2));  // Nà Nhạn, merged into Mường Phăng in 2025
  Complete("TYT03325", month, Date(2024, 6, 2));  // the old Mường Phăng
  const OrgUnit& old_district = Unit("094", kIn2024);
  const OrgUnit& old_commune = Unit("03317", kIn2024);
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS", month, old_district), 2);
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS", month, old_commune), 1);
  EXPECT_EQ(Value("DS_EPI_M.EXPECTED_REPORTS", month, old_commune), 1);
  // On today's structure both stations' forms belong to the new Mường Phăng and its station.
  const OrgUnit& new_commune = Unit("03325", Date(2025, 8, 1));
  const OrgUnit& new_station = Unit("TYT03325", Date(2025, 8, 1));
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS", month, new_commune, Structure::kOnDate), 2);
  EXPECT_EQ(Value("DS_EPI_M.ACTUAL_REPORTS", month, new_station, Structure::kOnDate), 2);
  EXPECT_DOUBLE_EQ(
      *Value("DS_EPI_M.REPORTING_RATE", month, new_commune, Structure::kOnDate),
      100.0 * 2 / *Value("DS_EPI_M.EXPECTED_REPORTS", month, new_commune, Structure::kOnDate));
  // As it was, the new commune did not exist in 2024 and expects nothing.
  EXPECT_FALSE(Value("DS_EPI_M.EXPECTED_REPORTS", month, new_commune).has_value());
}

TEST_F(ReportingRatesTest, AWithdrawnRegistrationNoLongerCounts) {
  const OrgUnit& station = Unit("TYT03317", kIn2024);
  const Period month = Period::Month(2024, 7);
  Complete("TYT03317", month, Date(2024, 8, 1));
  EXPECT_EQ(Value("DS_EPI_M.REPORTING_RATE", month, station), 100.0);
  Withdraw("TYT03317", month);
  EXPECT_EQ(Value("DS_EPI_M.REPORTING_RATE", month, station), 0.0);
  // Registering again replaces the day: now late.
  Complete("TYT03317", month, Date(2024, 9, 30));
  EXPECT_EQ(Value("DS_EPI_M.REPORTING_RATE_ON_TIME", month, station), 0.0);
  EXPECT_EQ(Value("DS_EPI_M.REPORTING_RATE", month, station), 100.0);
}

TEST_F(ReportingRatesTest, ReportingRatesInsideExpressions) {
  const OrgUnit& station = Unit("TYT03317", kIn2024);
  Complete("TYT03317", Period::Month(2024, 1), Date(2024, 2, 1));
  Complete("TYT03317", Period::Month(2024, 2), Date(2024, 4, 1));
  Expression rate = Expression::Parse("R{DS_EPI_M.REPORTING_RATE} / 100");
  Expression late =
      Expression::Parse("R{DS_EPI_M.ACTUAL_REPORTS} - R{DS_EPI_M.ACTUAL_REPORTS_ON_TIME}");
  Expression unknown = Expression::Parse("R{NO_SUCH_SET.REPORTING_RATE}");
  AnalyticsQuery query;
  query.periods = {Period::Quarter(2024, 1)};
  query.org_units = {station.uid};
  query.structure = Structure::kAsItWas;
  ValueGrid grid = analytics_.Evaluate(
      query, {{&rate}, {&late}, {&unknown, MissingValueStrategy::kSkipIfAnyValueMissing}});
  EXPECT_DOUBLE_EQ(*grid.At(0, 0, 0), 2.0 / 3);
  EXPECT_EQ(grid.At(1, 0, 0), 1);
  EXPECT_FALSE(grid.At(2, 0, 0).has_value());
}

TEST_F(ReportingRatesTest, UnknownDataSetOrMetricIsAnUnknownItem) {
  const OrgUnit& station = Unit("TYT03317", kIn2024);
  EXPECT_THROW(Value("DS_EPI_M.REPORTING_RATES", Period::Year(2024), station), UserError);
  EXPECT_THROW(Value("NO_SUCH_SET.REPORTING_RATE", Period::Year(2024), station), UserError);
}

}  // namespace
}  // namespace solieu
