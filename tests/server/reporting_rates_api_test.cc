// Data quality over real HTTP: reporting-rate items in /api/analytics agree with
// /api/completeness on the same store (forms loaded from the store and forms registered through
// the API), and the validation rules run after a committed POST /api/dataValueSets.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <map>

#include "core/org_hierarchy.h"
#include "core/period.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

// Forms of DS_MCH_M (monthly, assigned to the health stations) in the store before the server
// opens it: July for three stations, August for two, one of them after the deadline.
void SeedForms(Store& store) {
  MetadataSnapshot m = store.LoadMetadata();
  std::string data_set;
  for (const DataSet& d : m.data_sets) {
    if (d.code == "DS_MCH_M") data_set = d.uid;
  }
  OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
  auto put = [&](const char* station, const char* period, Date completed_on) {
    auto p = Period::Parse(period);
    ReportKey key{data_set, period, hierarchy.FindByCode(station, p->end())->uid};
    store.Reporting().PutCompletion(
        {key, p->start(), p->end(), completed_on.ToString() + "T08:00:00Z", completed_on, "seed"},
        {completed_on.ToString() + "T08:00:00Z", "seed", "test", "complete", key});
  };
  put("TYT03325", "202507", Date(2025, 8, 2));
  put("TYT03158", "202507", Date(2025, 8, 3));
  put("TYT03127", "202507", Date(2025, 8, 20));
  put("TYT03158", "202508", Date(2025, 9, 1));
  put("TYT03127", "202508", Date(2025, 9, 10));  // late: the deadline is 5 September
}

class ReportingRatesApiTest : public ::testing::Test {
 protected:
  ReportingRatesApiTest() : server_({}, SeedForms), manager_(server_.port()) {
    EXPECT_EQ(manager_.Login("thongke").status, 200);
  }

  json::object Completeness(const std::string& unit, const std::string& period) {
    HttpResult r =
        manager_.Get("/api/completeness?dataSet=DS_MCH_M&period=" + period + "&orgUnit=" + unit);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }

  // metric -> value for one unit and period, from /api/analytics.
  std::map<std::string, double> Analytics(const std::string& unit, const std::string& period,
                                          const std::string& structure) {
    std::string dx;
    for (const char* metric : {"REPORTING_RATE", "REPORTING_RATE_ON_TIME", "ACTUAL_REPORTS",
                               "ACTUAL_REPORTS_ON_TIME", "EXPECTED_REPORTS"}) {
      dx += std::string(dx.empty() ? "" : ";") + "DS_MCH_M." + metric;
    }
    HttpResult r = manager_.Get("/api/analytics?dimension=dx:" + dx + "&dimension=pe:" + period +
                                "&dimension=ou:" + unit + "&structure=" + structure);
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, double> out;
    const json::value body = json::parse(r.body);
    for (const json::value& row : body.at("rows").as_array()) {
      std::string id(row.at(0).as_string());
      out[id.substr(id.rfind('.') + 1)] = std::stod(std::string(row.at(3).as_string()));
    }
    return out;
  }

  void ExpectAgree(const std::string& unit, const std::string& period,
                   const std::string& structure) {
    SCOPED_TRACE(unit + " " + period + " " + structure);
    json::object c = Completeness(unit, period);
    std::map<std::string, double> a = Analytics(unit, period, structure);
    ASSERT_EQ(a.size(), 5u);
    EXPECT_EQ(a["EXPECTED_REPORTS"], static_cast<double>(c.at("expected").as_int64()));
    EXPECT_EQ(a["ACTUAL_REPORTS"], static_cast<double>(c.at("received").as_int64()));
    EXPECT_EQ(a["ACTUAL_REPORTS_ON_TIME"], static_cast<double>(c.at("onTime").as_int64()));
    EXPECT_NEAR(a["REPORTING_RATE"], c.at("reportingRate").as_double(), 1e-6);
    EXPECT_NEAR(a["REPORTING_RATE_ON_TIME"], c.at("reportingRateOnTime").as_double(), 1e-6);
  }

  TestServer server_;
  ApiClient manager_;
};

TEST_F(ReportingRatesApiTest, AnalyticsAgreesWithCompletenessOnTheSameStore) {
  for (const char* unit : {"11", kOwnCommune, kOwnFacility, kOtherCommune}) {
    for (const char* period : {"202507", "202508", "2025Q3"}) {
      ExpectAgree(unit, period, "as-it-was");
      ExpectAgree(unit, period, "today");  // every unit here opened with the reform
    }
  }
  json::object province = Completeness("11", "2025Q3");
  EXPECT_EQ(province.at("received").as_int64(), 5);
}

TEST_F(ReportingRatesApiTest, FormsRegisteredThroughTheApiReachAnalytics) {
  auto actual = [&] { return Analytics(kOwnCommune, "202508", "today")["ACTUAL_REPORTS"]; };
  EXPECT_EQ(actual(), 0);
  const std::string form =
      std::string(R"({"dataSet":"DS_MCH_M","period":"202508","orgUnit":")") + kOwnFacility + "\"}";
  ASSERT_EQ(manager_.Post("/api/completeDataSetRegistrations", form).status, 200);
  EXPECT_EQ(actual(), 1);
  ExpectAgree("11", "202508", "today");
  ASSERT_EQ(manager_
                .Delete(std::string("/api/completeDataSetRegistrations?dataSet=DS_MCH_M&period="
                                    "202508&orgUnit=") +
                        kOwnFacility)
                .status,
            200);
  EXPECT_EQ(actual(), 0);
  ExpectAgree("11", "202508", "today");
}

TEST_F(ReportingRatesApiTest, ReportingRateRowsNameTheDataSetByUid) {
  HttpResult r = manager_.Get(
      "/api/analytics?dimension=dx:DS_MCH_M.REPORTING_RATE&dimension=pe:202507&dimension=ou:11");
  ASSERT_EQ(r.status, 200) << r.body;
  json::value body = json::parse(r.body);
  const json::array& rows = body.at("rows").as_array();
  ASSERT_EQ(rows.size(), 1u);
  std::string id(rows[0].at(0).as_string());
  EXPECT_EQ(id.substr(id.find('.')), ".REPORTING_RATE");
  EXPECT_NE(id.substr(0, id.find('.')), "DS_MCH_M");  // the uid, not the code
  EXPECT_TRUE(body.at("metaData").at("items").as_object().contains(id));
  // An unknown metric is an unknown item, named.
  HttpResult bad = manager_.Get(
      "/api/analytics?dimension=dx:DS_MCH_M.REPORTING_RATES&dimension=pe:202507&dimension=ou:11");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("DS_MCH_M.REPORTING_RATES"), std::string::npos) << bad.body;
}

// Cholera deaths above cases at one station and week: DEATHS_LE_CASES_CHOLERA.
std::string CholeraSet(const char* cases, const char* deaths) {
  auto row = [](const char* coc, const char* value) {
    return std::string(R"({"dataElement":"D_CHOLERA","period":"2025W36","orgUnit":")") +
           kOwnFacility + R"(","categoryOptionCombo":")" + coc + R"(","value":")" + value + "\"}";
  };
  return R"({"dataValues":[)" + row("MAC", cases) + "," + row("TU_VONG", deaths) + "]}";
}

TEST_F(ReportingRatesApiTest, ImportReportsTheRulesItBreaksAsWarnings) {
  HttpResult r = manager_.Post("/api/dataValueSets?idScheme=CODE", CholeraSet("1", "3"));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value s = json::parse(r.body);
  EXPECT_EQ(s.at("status").as_string(), "WARNING");
  EXPECT_EQ(s.at("importCount").at("imported").as_int64(), 2);  // stored all the same
  const json::array& v = s.at("validationViolations").as_array();
  ASSERT_EQ(v.size(), 1u) << r.body;
  EXPECT_EQ(v[0].at("rule").as_string(), "DEATHS_LE_CASES_CHOLERA");
  EXPECT_EQ(v[0].at("orgUnit").as_string(), server_.OrgUid(kOwnFacility));
  EXPECT_EQ(v[0].at("orgUnitCode").as_string(), kOwnFacility);
  EXPECT_EQ(v[0].at("period").as_string(), "2025W36");
  EXPECT_EQ(v[0].at("leftSide").as_double(), 3);
  EXPECT_EQ(v[0].at("operator").as_string(), "<=");
  EXPECT_EQ(v[0].at("rightSide").as_double(), 1);
  EXPECT_EQ(v[0].at("importance").as_string(), "HIGH");
  EXPECT_FALSE(v[0].at("name").as_string().empty());
  EXPECT_FALSE(v[0].at("nameEn").as_string().empty());

  // Corrected: no violation, SUCCESS.
  HttpResult fixed = manager_.Post("/api/dataValueSets?idScheme=CODE", CholeraSet("4", "3"));
  json::value f = json::parse(fixed.body);
  EXPECT_EQ(f.at("status").as_string(), "SUCCESS") << fixed.body;
  EXPECT_TRUE(f.at("validationViolations").as_array().empty());
}

TEST_F(ReportingRatesApiTest, SkipValidationAndDryRunReportNoViolations) {
  HttpResult skipped =
      manager_.Post("/api/dataValueSets?idScheme=CODE&skipValidation=true", CholeraSet("1", "3"));
  json::value s = json::parse(skipped.body);
  EXPECT_EQ(s.at("status").as_string(), "SUCCESS") << skipped.body;
  EXPECT_TRUE(s.at("validationViolations").as_array().empty());
  HttpResult dry =
      manager_.Post("/api/dataValueSets?idScheme=CODE&dryRun=true", CholeraSet("1", "5"));
  json::value d = json::parse(dry.body);
  EXPECT_EQ(d.at("status").as_string(), "SUCCESS") << dry.body;
  EXPECT_TRUE(d.at("validationViolations").as_array().empty());
  EXPECT_EQ(manager_.Post("/api/dataValueSets?skipValidation=maybe", CholeraSet("1", "3")).status,
            400);
}

}  // namespace
}  // namespace solieu::testing
