// The reporting workflow over real HTTP: a clerk registers a form complete, completeness and
// timeliness over a commune and the province (with the forms still missing), approval by a higher
// level only, the lock it puts on single writes and bulk imports below it, and withdrawing it.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

std::string Form(const char* data_set, const char* org_unit) {
  return std::string(R"({"dataSet":")") + data_set + R"(","period":")" + kPeriod +
         R"(","orgUnit":")" + org_unit + R"("})";
}

std::string FormQuery(const char* data_set, const char* org_unit) {
  return std::string("dataSet=") + data_set + "&period=" + kPeriod + "&orgUnit=" + org_unit;
}

class ReportingTest : public ::testing::Test {
 protected:
  ReportingTest()
      : store_(server_.OpenStore()),
        manager_(server_.port()),
        clerk_(server_.port()),
        commune_manager_(server_.port()) {
    EXPECT_EQ(manager_.Login("thongke").status, 200);
    EXPECT_EQ(clerk_.Login("tyt.muongphang").status, 200);
    EXPECT_EQ(commune_manager_.Login("m.manager").status, 200);
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  ApiClient manager_;
  ApiClient clerk_;
  ApiClient commune_manager_;  // province data manager bound to commune 03325
};

TEST_F(ReportingTest, CompletionGivesCompletenessAndTimeliness) {
  HttpResult done =
      clerk_.Post("/api/completeDataSetRegistrations", Form("DS_MCH_M", kOwnFacility));
  ASSERT_EQ(done.status, 200) << done.body;
  // The deadline of August is 5 September; the test server's today is 15 September: late.
  EXPECT_FALSE(json::parse(done.body).at("onTime").as_bool());

  HttpResult commune = manager_.Get("/api/completeness?" + FormQuery("DS_MCH_M", kOwnCommune));
  ASSERT_EQ(commune.status, 200) << commune.body;
  json::value c = json::parse(commune.body);
  EXPECT_EQ(c.at("expected").as_int64(), 1);
  EXPECT_EQ(c.at("received").as_int64(), 1);
  EXPECT_EQ(c.at("onTime").as_int64(), 0);
  EXPECT_DOUBLE_EQ(c.at("reportingRate").as_double(), 100.0);
  EXPECT_DOUBLE_EQ(c.at("reportingRateOnTime").as_double(), 0.0);

  // The province: every station open on 31 August (the 45 of the new communes) plus the other
  // units the data set is assigned to; one form received.
  json::value p =
      json::parse(manager_.Get("/api/completeness?" + FormQuery("DS_MCH_M", "11")).body);
  EXPECT_GE(p.at("expected").as_int64(), 45);
  EXPECT_EQ(p.at("received").as_int64(), 1);
  EXPECT_EQ(p.at("missing").as_array().size(),
            static_cast<size_t>(p.at("expected").as_int64() - 1));

  // Refusals: another station, a data set the station does not report, a weekly period.
  EXPECT_EQ(
      clerk_.Post("/api/completeDataSetRegistrations", Form("DS_MCH_M", kOtherFacility)).status,
      403);
  EXPECT_EQ(
      clerk_.Post("/api/completeDataSetRegistrations", Form("DS_CURATIVE_M", kOwnFacility)).status,
      400);
  HttpResult weekly = clerk_.Post("/api/completeDataSetRegistrations",
                                  R"({"dataSet":"DS_MCH_M","period":"2025W36","orgUnit":")" +
                                      std::string(kOwnFacility) + "\"}");
  EXPECT_EQ(weekly.status, 400);
  EXPECT_NE(weekly.body.find("api.wrong_period_type"), std::string::npos);

  // Taken back, once.
  std::string target = "/api/completeDataSetRegistrations?" + FormQuery("DS_MCH_M", kOwnFacility);
  EXPECT_EQ(clerk_.Delete(target).status, 200);
  EXPECT_EQ(clerk_.Delete(target).status, 404);
  EXPECT_EQ(
      json::parse(manager_.Get("/api/completeness?" + FormQuery("DS_MCH_M", kOwnCommune)).body)
          .at("received")
          .as_int64(),
      0);
}

TEST_F(ReportingTest, ApprovalByAHigherLevelLocksTheValuesBelow) {
  const std::string approve = Form("DS_CURATIVE_M", kOwnCommune);
  // A clerk may not approve; a manager bound to the commune itself is not above it.
  EXPECT_EQ(clerk_.Post("/api/dataApprovals", approve).status, 403);
  HttpResult same_level = commune_manager_.Post("/api/dataApprovals", approve);
  EXPECT_EQ(same_level.status, 403);
  EXPECT_NE(same_level.body.find("auth.not_higher_level"), std::string::npos);

  HttpResult approved = manager_.Post("/api/dataApprovals", approve);
  ASSERT_EQ(approved.status, 200) << approved.body;

  // The commune's station is below the approved commune: its ARI_TREATED value is locked.
  HttpResult put = clerk_.Put("/api/dataValues", ValueJson(kOwnFacility, "77"));
  EXPECT_EQ(put.status, 409) << put.body;
  EXPECT_NE(put.body.find("api.locked"), std::string::npos);
  EXPECT_EQ(clerk_.Delete(ValueTarget(kOwnFacility)).status, 409);
  HttpResult bulk =
      clerk_.Send(boost::beast::http::verb::post, "/api/dataValueSets?idScheme=CODE",
                  std::string(R"({"dataValues":[{"dataElement":")") + kElement + R"(","period":")" +
                      kPeriod + R"(","orgUnit":")" + kOwnFacility + R"(","value":"78"}]})",
                  {{"Content-Type", "application/json"}});
  EXPECT_EQ(bulk.status, 409) << bulk.body;
  EXPECT_NE(bulk.body.find("E7642"), std::string::npos);
  EXPECT_EQ(store_->GetValue(server_.Key(kOwnFacility))->value, "10");
  // Another commune's values stay open.
  EXPECT_EQ(manager_.Put("/api/dataValues", ValueJson(kOtherFacility, "21")).status, 200);

  HttpResult status = clerk_.Get("/api/dataApprovals?" + FormQuery("DS_CURATIVE_M", kOwnCommune));
  EXPECT_EQ(status.status, 403);  // the commune's form is outside the station clerk's scope
  json::value form = json::parse(
      manager_.Get("/api/dataApprovals?" + FormQuery("DS_CURATIVE_M", kOwnCommune)).body);
  EXPECT_TRUE(form.at("approved").as_bool());
  EXPECT_EQ(form.at("approvedBy").as_string(), "thongke");
  ASSERT_EQ(form.at("history").as_array().size(), 1u);
  EXPECT_EQ(form.at("history").at(0).at("action").as_string(), "approve");
  EXPECT_EQ(form.at("history").at(0).at("client").as_string(), "127.0.0.1");

  // Withdrawn: the value can be corrected again.
  EXPECT_EQ(manager_.Delete("/api/dataApprovals?" + FormQuery("DS_CURATIVE_M", kOwnCommune)).status,
            200);
  EXPECT_EQ(clerk_.Put("/api/dataValues", ValueJson(kOwnFacility, "77")).status, 200);
}

TEST_F(ReportingTest, AnApprovedFormCannotBeTakenBackByItsClerk) {
  ASSERT_EQ(clerk_.Post("/api/completeDataSetRegistrations", Form("DS_MCH_M", kOwnFacility)).status,
            200);
  ASSERT_EQ(manager_.Post("/api/dataApprovals", Form("DS_MCH_M", kOwnFacility)).status, 200);
  HttpResult undo =
      clerk_.Delete("/api/completeDataSetRegistrations?" + FormQuery("DS_MCH_M", kOwnFacility));
  EXPECT_EQ(undo.status, 409) << undo.body;
  EXPECT_NE(undo.body.find("api.approved"), std::string::npos);
}

}  // namespace
}  // namespace solieu::testing
