// Outbreak surveillance end to end over real HTTP: SYNTHETIC weekly reports of every commune
// health station since 2021 with a measles cluster injected at Xã Mường Phăng (03325), the weekly
// run started through the API week by week, one open alert for that commune (not one per week,
// and not one more when the same weeks run again), its verification as an outbreak creating the
// outbreak record, the chart series, and the refusals (clerk, second verification, bad figures).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <set>

#include "core/org_hierarchy.h"
#include "demo/weekly_reports.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

// Weekly cases added at the station of 03325 from 2025W33 (the test server's today is
// 2025-09-15, in 2025W38).
const std::vector<std::int64_t> kCluster = {4, 9, 15, 7};

void SeedWeeklyReports(Store& store) {
  MetadataSnapshot metadata = store.LoadMetadata();
  OrgHierarchy hierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
  WeeklyReportOptions options{*Period::Parse("2021W01"), *Period::Parse("2025W37"), 11, {}};
  options.clusters.push_back({"MEASLES", kOwnCommune, *Period::Parse("2025W33"), kCluster});
  store.PutValues(SyntheticWeeklyReports(metadata, hierarchy, options), "seed");
}

class SurveillanceApiTest : public ::testing::Test {
 protected:
  SurveillanceApiTest()
      : server_({}, SeedWeeklyReports), manager_(server_.port()), clerk_(server_.port()) {
    EXPECT_EQ(manager_.Login("thongke").status, 200);
    EXPECT_EQ(clerk_.Login("tyt.muongphang").status, 200);
  }

  json::array Alerts(const std::string& query) {
    HttpResult result = manager_.Get("/api/surveillance/alerts" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    return json::parse(result.body).at("alerts").as_array();
  }

  void RunWeeks(const std::string& from, const std::string& to) {
    HttpResult run = manager_.Post("/api/surveillance/runs",
                                   R"({"week":")" + from + R"(","to":")" + to + R"("})");
    ASSERT_EQ(run.status, 200) << run.body;
  }

  TestServer server_;
  ApiClient manager_;
  ApiClient clerk_;
};

TEST_F(SurveillanceApiTest, ClusterMakesOneAlertWhichBecomesAnOutbreak) {
  RunWeeks("2025W30", "2025W37");
  json::array runs = json::parse(manager_.Get("/api/surveillance/runs").body).at("runs").as_array();
  ASSERT_EQ(runs.size(), 8u);
  EXPECT_EQ(runs[0].at("week").as_string(), "2025W37");
  EXPECT_EQ(runs[0].at("runBy").as_string(), "thongke");
  EXPECT_GT(runs[0].at("seriesScored").as_int64(), 45 * 31 - 1);

  // Measles alerts: the cluster's commune once, perhaps the province above it; no other commune.
  json::array measles = Alerts("?disease=MEASLES");
  json::value commune_alert;
  for (const json::value& alert : measles) {
    std::string code(alert.at("orgUnit").at("code").as_string());
    EXPECT_TRUE(code == kOwnCommune || code == "11") << code;
    if (code == kOwnCommune) {
      EXPECT_TRUE(commune_alert.is_null()) << "a second alert for the same commune";
      commune_alert = alert;
    }
  }
  ASSERT_FALSE(commune_alert.is_null());
  EXPECT_EQ(commune_alert.at("status").as_string(), "open");
  EXPECT_EQ(commune_alert.at("orgUnit").at("name").as_string(), "Xã Mường Phăng");
  EXPECT_EQ(commune_alert.at("disease").at("name").as_string(), "Sởi");
  const std::int64_t weeks = commune_alert.at("weeks").as_int64();
  EXPECT_GE(weeks, 2);  // repeated signals, one alert
  const std::string first_week(commune_alert.at("firstWeek").as_string());
  EXPECT_GE(first_week, "2025W33");
  EXPECT_LE(first_week, "2025W35");
  EXPECT_GE(commune_alert.at("maxObserved").as_int64(), 15);
  const std::int64_t id = commune_alert.at("id").as_int64();

  // Running the same weeks again adds no alert and no signal.
  RunWeeks("2025W30", "2025W37");
  json::array again = Alerts("?disease=MEASLES&ou=" + std::string(kOwnCommune));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].at("id").as_int64(), id);
  EXPECT_EQ(again[0].at("weeks").as_int64(), weeks);

  // The alert with its signals: each week observed above the upper bound.
  HttpResult detail = manager_.Get("/api/surveillance/alerts/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200) << detail.body;
  json::value alert = json::parse(detail.body);
  ASSERT_EQ(alert.at("signals").as_array().size(), static_cast<size_t>(weeks));
  for (const json::value& signal : alert.at("signals").as_array()) {
    EXPECT_EQ(signal.at("algorithm").as_string(), "farrington-flexible");
    ASSERT_TRUE(signal.at("upperBound").is_double());
    EXPECT_GT(static_cast<double>(signal.at("observed").as_int64()),
              signal.at("upperBound").as_double());
    EXPECT_NE(signal.at("parameters").as_string().find("b=4"), std::string::npos);
  }

  // A clerk may read in scope but not verify.
  HttpResult refused =
      clerk_.Post("/api/surveillance/alerts/" + std::to_string(id) + "/verification",
                  R"({"decision":"outbreak"})");
  EXPECT_EQ(refused.status, 403) << refused.body;

  // Verified as an outbreak: the record opens with the cases reported in the alert's weeks.
  HttpResult verified = manager_.Post(
      "/api/surveillance/alerts/" + std::to_string(id) + "/verification",
      R"({"decision":"outbreak","note":"Xác minh tại thực địa","outbreak":{"actions":"Tiêm vắc xin sởi bổ sung"}})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  json::value answer = json::parse(verified.body);
  EXPECT_EQ(answer.at("alert").at("status").as_string(), "outbreak");
  EXPECT_EQ(answer.at("alert").at("verifiedBy").as_string(), "thongke");
  const json::value& outbreak = answer.at("outbreak");
  EXPECT_EQ(outbreak.at("alertId").as_int64(), id);
  EXPECT_EQ(outbreak.at("orgUnit").at("code").as_string(), kOwnCommune);
  EXPECT_EQ(outbreak.at("disease").at("code").as_string(), "MEASLES");
  EXPECT_EQ(outbreak.at("startDate").as_string(), Period::Parse(first_week)->start().ToString());
  EXPECT_TRUE(outbreak.at("endDate").is_null());
  EXPECT_EQ(outbreak.at("actions").as_string(), "Tiêm vắc xin sởi bổ sung");
  EXPECT_EQ(outbreak.at("deaths").as_int64(), 0);
  // The synthetic background adds a case now and then; the cluster's own weeks are the floor.
  std::int64_t cluster_cases = 0;
  for (size_t i = 0; i < kCluster.size(); ++i) {
    std::string week = Period::Parse("2025W33")->Shifted(static_cast<int>(i)).Id();
    if (week >= first_week && week <= std::string(alert.at("lastWeek").as_string())) {
      cluster_cases += kCluster[i];
    }
  }
  EXPECT_GE(outbreak.at("cases").as_int64(), cluster_cases);
  const std::int64_t outbreak_id = outbreak.at("id").as_int64();

  json::array outbreaks =
      json::parse(manager_.Get("/api/surveillance/outbreaks").body).at("outbreaks").as_array();
  ASSERT_EQ(outbreaks.size(), 1u);
  EXPECT_EQ(outbreaks[0].at("id").as_int64(), outbreak_id);

  // The alert's history names who verified it and from where.
  alert = json::parse(manager_.Get("/api/surveillance/alerts/" + std::to_string(id)).body);
  ASSERT_EQ(alert.at("history").as_array().size(), 1u);
  EXPECT_EQ(alert.at("history").at(0).at("username").as_string(), "thongke");
  EXPECT_EQ(alert.at("history").at(0).at("client").as_string(), "127.0.0.1");
  EXPECT_EQ(alert.at("outbreakId").as_int64(), outbreak_id);

  // A second verification is refused with the alert's state.
  HttpResult twice =
      manager_.Post("/api/surveillance/alerts/" + std::to_string(id) + "/verification",
                    R"({"decision":"discard"})");
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_NE(twice.body.find("surveillance.alert_closed"), std::string::npos);

  // The outbreak is closed later; figures that cannot be are refused and change nothing.
  const std::string target = "/api/surveillance/outbreaks/" + std::to_string(outbreak_id);
  HttpResult bad = manager_.Put(target, R"({"cases":3,"deaths":5})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("\"where\":\"deaths\""), std::string::npos);
  HttpResult closed = manager_.Put(target, R"({"endDate":"2025-09-12"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  json::value record = json::parse(manager_.Get(target).body);
  EXPECT_EQ(record.at("endDate").as_string(), "2025-09-12");
  EXPECT_EQ(record.at("cases").as_int64(), outbreak.at("cases").as_int64());
  EXPECT_FALSE(record.at("ongoing").as_bool());
  ASSERT_EQ(record.at("history").as_array().size(), 2u);  // declared with the alert, then closed
}

TEST_F(SurveillanceApiTest, SeriesShowsObservedAgainstTheUpperBound) {
  HttpResult result = manager_.Get(std::string("/api/surveillance/series?disease=MEASLES&ou=") +
                                   kOwnCommune + "&from=2025W30&to=2025W37");
  ASSERT_EQ(result.status, 200) << result.body;
  json::value series = json::parse(result.body);
  EXPECT_EQ(series.at("algorithm").as_string(), "farrington-flexible");
  json::array weeks = series.at("weeks").as_array();
  ASSERT_EQ(weeks.size(), 8u);
  EXPECT_EQ(weeks[0].at("week").as_string(), "2025W30");
  bool alarmed = false;
  for (size_t i = 3; i < 7; ++i) {  // 2025W33 .. 2025W36
    EXPECT_GE(weeks[i].at("observed").as_int64(), kCluster[i - 3]);
    if (weeks[i].at("alarm").is_bool() && weeks[i].at("alarm").as_bool()) {
      alarmed = true;
      EXPECT_GT(static_cast<double>(weeks[i].at("observed").as_int64()),
                weeks[i].at("upperBound").as_double());
    }
  }
  EXPECT_TRUE(alarmed);

  HttpResult not_a_week =
      manager_.Get("/api/surveillance/series?disease=MEASLES&ou=03325&from=202501&to=2025W37");
  EXPECT_EQ(not_a_week.status, 400);
  EXPECT_NE(not_a_week.body.find("\"where\":\"from\""), std::string::npos);
  HttpResult unknown =
      manager_.Get("/api/surveillance/series?disease=NOPE&ou=03325&from=2025W30&to=2025W37");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("api.unknown_disease"), std::string::npos);
}

}  // namespace
}  // namespace solieu::testing
