// The dashboard's key indicators and the plan's targets over real HTTP: a target typed in the
// department's notation is stored in machine form, logged, and judges the year's value the way the
// printed table does; bad targets and users without the right are refused with nothing changed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

class PlanRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(manager_.Login("thongke").status, 200);
    for (auto [year, value] : {std::pair{"2024", "73.2"}, std::pair{"2025", "74.6"}}) {
      HttpResult put =
          manager_.Put("/api/dataValues", std::string(R"({"de":"LIFE_EXPECTANCY","pe":")") + year +
                                              R"(","ou":"11","value":")" + value + "\"}");
      ASSERT_EQ(put.status, 200) << put.body;
    }
  }

  json::object LifeExpectancy() {
    HttpResult got = manager_.Get("/api/dashboard/indicators?year=2025&orgUnit=11");
    EXPECT_EQ(got.status, 200) << got.body;
    json::value body = json::parse(got.body);
    for (const json::value& row : body.at("indicators").as_array()) {
      if (row.at("code") == "I_LIFE_EXPECTANCY") return row.as_object();
    }
    ADD_FAILURE() << "no I_LIFE_EXPECTANCY in " << got.body;
    return {};
  }

  HttpResult PutTarget(ApiClient& client, const std::string& typed) {
    return client.Put("/api/targets", R"({"indicator":"I_LIFE_EXPECTANCY","period":"2025",)"
                                      R"("orgUnit":"11","target":")" +
                                          typed + "\"}");
  }

  std::vector<TargetRecord> StoredTargets() { return server_.OpenStore()->LoadTargets(); }

  TestServer server_;
  ApiClient manager_{server_.port()};
};

TEST_F(PlanRoutesTest, DashboardGivesEveryKeyIndicatorWithTrendAndLastYear) {
  HttpResult got = manager_.Get("/api/dashboard/indicators?year=2025&orgUnit=11");
  ASSERT_EQ(got.status, 200) << got.body;
  json::value body = json::parse(got.body);
  // One row per line of config/dien-bien/reports/indicators_year.csv.
  EXPECT_EQ(body.at("indicators").as_array().size(), 22u);
  json::object row = LifeExpectancy();
  EXPECT_DOUBLE_EQ(row.at("value").to_number<double>(), 74.6);
  EXPECT_DOUBLE_EQ(row.at("lastYear").to_number<double>(), 73.2);
  const json::array& trend = row.at("trend").as_array();
  ASSERT_EQ(trend.size(), 5u);  // 2021..2025
  EXPECT_EQ(trend[0].at("period"), "2021");
  EXPECT_TRUE(trend[0].at("value").is_null());
  EXPECT_DOUBLE_EQ(trend[4].at("value").to_number<double>(), 74.6);
  EXPECT_TRUE(row.at("target").is_null());
  EXPECT_TRUE(row.at("status").is_null());
}

TEST_F(PlanRoutesTest, ATypedTargetIsStoredInMachineFormAndJudgesTheValueAsPrinted) {
  HttpResult put = PutTarget(manager_, "≥ 74,5");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_NE(put.body.find(R"("target":"≥74.5")"), std::string::npos) << put.body;
  EXPECT_NE(put.body.find(R"("display":"≥74,5")"), std::string::npos) << put.body;
  // The table prints life expectancy with 0 decimals: 74.6 prints 75, which meets ≥74,5.
  json::object row = LifeExpectancy();
  EXPECT_EQ(row.at("target"), "≥74,5");
  EXPECT_EQ(row.at("status"), "achieved");

  ASSERT_EQ(PutTarget(manager_, "≥76").status, 200);
  EXPECT_EQ(LifeExpectancy().at("status"), "not_achieved");
  HttpResult listed = manager_.Get("/api/targets?year=2025");
  ASSERT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find(R"("target":"≥76")"), std::string::npos) << listed.body;
  EXPECT_EQ(manager_.Get("/api/targets?year=2024").body.find("I_LIFE_EXPECTANCY"),
            std::string::npos);

  // Each change is logged with the old and the new target.
  std::vector<AdminEvent> events = server_.OpenStore()->AdminEvents(10);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].action, "put_target");
  EXPECT_EQ(events[0].username, "thongke");
  EXPECT_EQ(events[0].client, "127.0.0.1");
  EXPECT_NE(events[0].detail.find(R"("old":"≥74.5")"), std::string::npos) << events[0].detail;
  EXPECT_NE(events[0].detail.find(R"("new":"≥76")"), std::string::npos) << events[0].detail;
}

TEST_F(PlanRoutesTest, BadTargetsAndUsersWithoutTheRightChangeNothing) {
  ASSERT_EQ(PutTarget(manager_, "≥95").status, 200);
  std::vector<TargetRecord> before = StoredTargets();
  // "65.7" is ambiguous in the department's notation (65,7 or 657?): refused, not guessed.
  HttpResult ambiguous = PutTarget(manager_, "65.7");
  EXPECT_EQ(ambiguous.status, 400);
  EXPECT_NE(ambiguous.body.find("plan.bad_target"), std::string::npos) << ambiguous.body;
  EXPECT_NE(ambiguous.body.find("\"where\":\"target\""), std::string::npos) << ambiguous.body;
  EXPECT_EQ(PutTarget(manager_, "95%").status, 400);
  EXPECT_EQ(manager_.Put("/api/targets", R"({"indicator":"NO_SUCH","period":"2025","target":"1"})")
                .status,
            400);
  EXPECT_EQ(
      manager_.Put("/api/targets", R"({"indicator":"I_MMR","period":"2025","target":95})").status,
      400);
  ApiClient clerk(server_.port()), viewer(server_.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);
  ASSERT_EQ(viewer.Login("xem").status, 200);
  EXPECT_EQ(PutTarget(clerk, "≥1").status, 403);
  EXPECT_EQ(PutTarget(viewer, "≥1").status, 403);
  std::vector<TargetRecord> after = StoredTargets();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].target, before[i].target);
  // Everyone reads the targets and the dashboard of their own units.
  EXPECT_EQ(viewer.Get("/api/targets").status, 200);
  EXPECT_EQ(clerk.Get("/api/dashboard/indicators?year=2025").status, 200);
  EXPECT_EQ(clerk.Get("/api/dashboard/indicators?year=2025&orgUnit=11").status, 403);
  EXPECT_EQ(manager_.Get("/api/dashboard/indicators?year=2019").status, 400);
  EXPECT_EQ(manager_.Get("/api/dashboard/indicators?year=202501").status, 400);
}

}  // namespace
}  // namespace solieu::testing
