// Validation rules and outliers on demand over real HTTP: what a clerk wrote is checked for the
// subtree and range asked, within the user's units; bad ranges and unknown ids are 400s.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

class QualityRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(clerk_.Login("tyt.muongphang").status, 200); }

  void Put(const std::string& de, const std::string& pe, const std::string& co,
           const std::string& value) {
    std::string body = R"({"de":")" + de + R"(","pe":")" + pe + R"(","ou":")" + kOwnFacility +
                       "\"" + (co.empty() ? "" : R"(,"co":")" + co + "\"") + R"(,"value":")" +
                       value + "\"}";
    HttpResult put = clerk_.Put("/api/dataValues", body);
    ASSERT_EQ(put.status, 200) << put.body;
  }

  TestServer server_;
  ApiClient clerk_{server_.port()};
};

TEST_F(QualityRoutesTest, ValidationListsTheViolationsOfTheSubtreeAndRange) {
  Put("D_CHOLERA", "2025W36", "MAC", "1");
  Put("D_CHOLERA", "2025W36", "TU_VONG", "2");
  HttpResult got = clerk_.Get("/api/validation?orgUnit=TYT03325&from=2025W35&to=2025W37");
  ASSERT_EQ(got.status, 200) << got.body;
  json::value body = json::parse(got.body);
  const json::array& violations = body.at("violations").as_array();
  ASSERT_EQ(violations.size(), 1u) << got.body;
  EXPECT_EQ(violations[0].at("rule"), "DEATHS_LE_CASES_CHOLERA");
  EXPECT_EQ(violations[0].at("period"), "2025W36");
  EXPECT_EQ(violations[0].at("orgUnit").at("code"), kOwnFacility);
  EXPECT_DOUBLE_EQ(violations[0].at("left").to_number<double>(), 2.0);
  EXPECT_DOUBLE_EQ(violations[0].at("right").to_number<double>(), 1.0);
  EXPECT_FALSE(violations[0].at("instruction").as_string().empty());
  // Outside the range, or once corrected, nothing.
  EXPECT_EQ(json::parse(clerk_.Get("/api/validation?orgUnit=TYT03325&from=2025W37&to=2025W40").body)
                .at("violations")
                .as_array()
                .size(),
            0u);
  Put("D_CHOLERA", "2025W36", "MAC", "2");
  EXPECT_EQ(json::parse(clerk_.Get("/api/validation?orgUnit=TYT03325&from=2025W36&to=2025W36").body)
                .at("violations")
                .as_array()
                .size(),
            0u);
}

TEST_F(QualityRoutesTest, OutliersFindTheValueFarFromTheRest) {
  // ARI_TREATED for 202508 is 10 (the fixture's); a month of 95 stands out.
  const char* values[][2] = {
      {"202507", "11"}, {"202509", "9"}, {"202510", "12"}, {"202511", "10"}, {"202512", "95"}};
  for (const auto& [month, value] : values) Put(kElement, month, "", value);
  HttpResult got = clerk_.Get(std::string("/api/outliers?orgUnit=") + kOwnFacility +
                              "&from=202507&to=202512&dataElement=" + kElement);
  ASSERT_EQ(got.status, 200) << got.body;
  json::value body = json::parse(got.body);
  const json::array& outliers = body.at("outliers").as_array();
  ASSERT_EQ(outliers.size(), 1u) << got.body;
  EXPECT_EQ(outliers[0].at("period"), "202512");
  EXPECT_DOUBLE_EQ(outliers[0].at("value").to_number<double>(), 95.0);
  EXPECT_GT(outliers[0].at("score").to_number<double>(), 3.5);
  // By the z-score over six values one extreme cannot pass 3 (the bound is (n-1)/sqrt(n) = 2.04).
  HttpResult z = clerk_.Get(std::string("/api/outliers?orgUnit=") + kOwnFacility +
                            "&from=202507&to=202512&method=z&dataSet=DS_MCH_M;DS_NOTIFIABLE_W&"
                            "dataElement=" +
                            kElement);
  ASSERT_EQ(z.status, 200) << z.body;
  EXPECT_EQ(json::parse(z.body).at("outliers").as_array().size(), 0u);
}

TEST_F(QualityRoutesTest, BadRequestsAreRefusedClearly) {
  struct Case {
    std::string target;
    int status;
    const char* code;
  };
  for (const Case& c : std::vector<Case>{
           {"/api/validation?orgUnit=TYT03325&from=202401&to=202506", 400, "api.range_too_long"},
           {"/api/validation?orgUnit=TYT03325&from=202509&to=202508", 400, "api.empty_range"},
           {"/api/validation?orgUnit=TYT03325&from=202509&to=202509&rule=NOPE", 400,
            "api.unknown_id"},
           {"/api/validation?orgUnit=TYT03325&from=2025W36", 400, "api.missing_parameter"},
           {"/api/validation?orgUnit=11&from=202509&to=202509", 403, "auth.out_of_scope"},
           {"/api/outliers?orgUnit=TYT03325&from=202501&to=202512", 400, "api.missing_parameter"},
           {"/api/outliers?orgUnit=TYT03325&from=202501&to=202512&dataSet=X;", 400,
            "api.unknown_id"},
           {"/api/outliers?orgUnit=TYT03325&from=202501&to=202512&dataSet=DS_MCH_M&method=iqr", 400,
            "api.bad_method"},
           {"/api/outliers?orgUnit=TYT03325&from=202501&to=202512&dataSet=DS_MCH_M&threshold=-1",
            400, "api.bad_threshold"},
       }) {
    HttpResult got = clerk_.Get(c.target);
    EXPECT_EQ(got.status, c.status) << c.target << " " << got.body;
    EXPECT_NE(got.body.find(c.code), std::string::npos) << c.target << " " << got.body;
  }
}

TEST_F(QualityRoutesTest, RestrictedFiguresStayHiddenFromUsersOutsideTheirGroup) {
  ApiClient viewer(server_.port()), manager(server_.port());
  ASSERT_EQ(viewer.Login("xem").status, 200);       // not in group hiv
  ASSERT_EQ(manager.Login("thongke").status, 200);  // in group hiv
  std::string target =
      std::string("/api/outliers?orgUnit=11&from=202501&to=202512&dataElement=") + kHivElement;
  HttpResult refused = viewer.Get(target);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("auth.restricted_data_element"), std::string::npos) << refused.body;
  EXPECT_EQ(manager.Get(target).status, 200);
}

// A rule over a visible and a restricted element: its sides would show the HIV figure, so only
// users who may see it get the warning after a write, or the violation on demand. (A rule is
// checked where its data sets are entered: DS_MCH_M is the stations' monthly form.)
TEST(QualityRestrictionTest, RulesOverRestrictedFiguresAreShownOnlyToTheirGroup) {
  TestServer server({}, [](Store& store) {
    MetadataSnapshot m = store.LoadMetadata();
    ValidationRule rule;
    rule.uid = "TestRuleHiv";
    rule.code = "TEST_DELIVERIES_LE_HIV";
    rule.name_vi = rule.name_en = "Deliveries <= HIV (test)";
    rule.period_type = "Monthly";
    rule.left.expression = "#{DELIVERIES_AT_FACILITY}";
    rule.right.expression = std::string("#{") + kHivElement + "}";
    rule.right.missing_value_strategy = "NEVER_SKIP";
    m.validation_rules.push_back(rule);
    store.ApplyMetadata(m);
  });
  ApiClient clerk(server.port()), manager(server.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);  // not in group hiv
  ASSERT_EQ(manager.Login("thongke").status, 200);       // in group hiv
  auto put = [&](ApiClient& client, const char* value) {
    HttpResult result =
        client.Put("/api/dataValues",
                   std::string(R"({"de":"DELIVERIES_AT_FACILITY","co":"DTTS","pe":")") + kPeriod +
                       R"(","ou":")" + kOwnFacility + R"(","value":")" + value + "\"}");
    EXPECT_EQ(result.status, 200) << result.body;
    return result.body;
  };
  EXPECT_EQ(put(clerk, "11").find("TEST_DELIVERIES_LE_HIV"), std::string::npos);
  EXPECT_NE(put(manager, "12").find("TEST_DELIVERIES_LE_HIV"), std::string::npos);
  std::string target = std::string("/api/validation?from=") + kPeriod + "&to=" + kPeriod +
                       "&orgUnit=" + kOwnFacility;
  EXPECT_EQ(clerk.Get(target).body.find("TEST_DELIVERIES_LE_HIV"), std::string::npos);
  EXPECT_NE(manager.Get(target).body.find("TEST_DELIVERIES_LE_HIV"), std::string::npos);
}

}  // namespace
}  // namespace solieu::testing
