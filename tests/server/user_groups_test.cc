// Data elements restricted to a user group (the HIV figures, config/dien-bien/
// data_element_groups.csv): outside the group a user is refused their values (single, bulk in and
// out), analytics items built on them and sees report rows built on them blank; inside the group,
// or as an administrator, everything works as for any figure. Groups are set over the API.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/period.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

DataValueKey HivKey(const TestServer& server) {
  return {server.ElementUid(kHivElement), kPeriod, server.OrgUid(kOwnFacility),
          DefaultCategoryOptionComboUid(), DefaultCategoryOptionComboUid()};
}

class UserGroupsTest : public ::testing::Test {
 protected:
  UserGroupsTest()
      : server_({}, [](Store& store) {
          MetadataSnapshot m = store.LoadMetadata();
          std::string element, unit;
          for (const DataElement& d : m.data_elements) {
            if (d.code == kHivElement) element = d.uid;
          }
          for (const OrgUnit& u : m.org_units) {
            if (u.code == kOwnFacility) unit = u.uid;
          }
          Period month = *Period::Parse(kPeriod);
          store.PutValues({{{element, kPeriod, unit, DefaultCategoryOptionComboUid(),
                             DefaultCategoryOptionComboUid()},
                            month.start(),
                            month.end(),
                            "3",
                            ""}},
                          "seed");
        }) {}

  std::unique_ptr<ApiClient> LoggedIn(const std::string& username) {
    auto client = std::make_unique<ApiClient>(server_.port());
    EXPECT_EQ(client->Login(username).status, 200);
    return client;
  }

  std::string HivValueTarget() {
    return std::string("/api/dataValues?de=") + kHivElement + "&pe=" + kPeriod +
           "&ou=" + kOwnFacility;
  }

  TestServer server_;
};

TEST_F(UserGroupsTest, ViewerOutsideTheGroupIsRefusedHivValuesAndAnalytics) {
  auto in_group = LoggedIn("thongke");
  auto outside = LoggedIn("xem");
  auto admin = LoggedIn("admin");

  HttpResult allowed = in_group->Get(HivValueTarget());
  ASSERT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_NE(allowed.body.find("\"value\":\"3\""), std::string::npos);
  EXPECT_EQ(admin->Get(HivValueTarget()).status, 200);
  HttpResult refused = outside->Get(HivValueTarget());
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("auth.restricted_data_element"), std::string::npos);
  EXPECT_NE(refused.body.find(kHivElement), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("hiv"), std::string::npos);

  // The group's member asks first, so a cached answer would be there to leak.
  std::string analytics = std::string("/api/analytics?dimension=dx:") + kHivElement +
                          "&dimension=pe:" + kPeriod + "&dimension=ou:" + kOwnFacility;
  HttpResult shown = in_group->Get(analytics);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_NE(shown.body.find("\"3\""), std::string::npos) << shown.body;
  HttpResult hidden = outside->Get(analytics);
  EXPECT_EQ(hidden.status, 403) << hidden.body;
  EXPECT_NE(hidden.body.find(kHivElement), std::string::npos);
  EXPECT_EQ(admin->Get(analytics).status, 200);

  // An indicator built on a restricted element is restricted too; other items are not.
  std::string indicator =
      "/api/analytics?dimension=dx:I_HIV_DETECTED_PER_100K&dimension=pe:2025"
      "&dimension=ou:11";
  HttpResult refused_indicator = outside->Get(indicator);
  EXPECT_EQ(refused_indicator.status, 403);
  EXPECT_NE(refused_indicator.body.find("I_HIV_DETECTED_PER_100K"), std::string::npos);
  EXPECT_EQ(in_group->Get(indicator).status, 200);
  EXPECT_EQ(outside
                ->Get(std::string("/api/analytics?dimension=dx:") + kElement +
                      "&dimension=pe:" + kPeriod + "&dimension=ou:" + kOwnFacility)
                .status,
            200);
  // A value's history is refused the same way.
  EXPECT_EQ(LoggedIn("m.manager")
                ->Get(std::string("/api/audit?de=") + kHivElement + "&pe=" + kPeriod +
                      "&ou=" + kOwnFacility)
                .status,
            403);
}

TEST_F(UserGroupsTest, WritesOutsideTheGroupAreRefusedAndChangeNothing) {
  auto outside = LoggedIn("m.manager");  // may write at 03325, but is not in group hiv
  std::string body = std::string(R"({"de":")") + kHivElement + R"(","pe":")" + kPeriod +
                     R"(","ou":")" + kOwnFacility + R"(","value":"9"})";
  EXPECT_EQ(outside->Put("/api/dataValues", body).status, 403);
  EXPECT_EQ(outside->Delete(HivValueTarget()).status, 403);
  HttpResult import = outside->Post("/api/dataValueSets?idScheme=CODE",
                                    std::string(R"({"dataValues":[{"dataElement":")") +
                                        kHivElement + R"(","period":")" + kPeriod +
                                        R"(","orgUnit":")" + kOwnFacility + R"(","value":"9"}]})");
  EXPECT_EQ(import.status, 409) << import.body;
  EXPECT_NE(import.body.find("SL7609"), std::string::npos) << import.body;
  auto store = server_.OpenStore();
  EXPECT_EQ(store->GetValue(HivKey(server_))->value, "3");
  EXPECT_EQ(store->AuditTrail(HivKey(server_)).size(), 1u);

  auto in_group = LoggedIn("thongke");
  EXPECT_EQ(in_group->Put("/api/dataValues", body).status, 200);
  EXPECT_EQ(store->GetValue(HivKey(server_))->value, "9");
}

TEST_F(UserGroupsTest, ExportsLeaveRestrictedElementsOutAndMetadataMarksThem) {
  auto outside = LoggedIn("xem");
  auto in_group = LoggedIn("thongke");
  std::string by_set = std::string("/api/dataValueSets?idScheme=CODE&dataSet=DS_HIV_Q&period=") +
                       kPeriod + "&orgUnit=11&children=true&format=csv";
  HttpResult full = in_group->Get(by_set);
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_NE(full.body.find(kHivElement), std::string::npos) << full.body;
  HttpResult filtered = outside->Get(by_set);
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  EXPECT_EQ(filtered.body.find(kHivElement), std::string::npos) << filtered.body;
  EXPECT_EQ(outside
                ->Get(std::string("/api/dataValueSets?idScheme=CODE&dataElement=") + kHivElement +
                      "&period=" + kPeriod + "&orgUnit=11")
                .status,
            403);

  auto restricted = [](ApiClient& client, const std::string& code) {
    HttpResult listing = client.Get("/api/metadata/dataElements");
    EXPECT_EQ(listing.status, 200);
    json::value parsed = json::parse(listing.body);
    for (const json::value& d : parsed.at("dataElements").as_array()) {
      if (d.at("code").as_string() == code) {
        return std::pair<std::string, bool>(
            d.at("userGroup").is_null() ? "" : std::string(d.at("userGroup").as_string()),
            d.at("restricted").as_bool());
      }
    }
    ADD_FAILURE() << code << " not listed";
    return std::pair<std::string, bool>();
  };
  EXPECT_EQ(restricted(*outside, kHivElement), std::make_pair(std::string("hiv"), true));
  EXPECT_EQ(restricted(*in_group, kHivElement), std::make_pair(std::string("hiv"), false));
  EXPECT_EQ(restricted(*outside, kElement), std::make_pair(std::string(""), false));
}

TEST_F(UserGroupsTest, ReportRowsOfRestrictedFiguresAreBlankWithAFootnote) {
  auto outside = LoggedIn("xem");
  auto in_group = LoggedIn("thongke");
  std::string report = "/api/reports/annex-02?period=2026-01-01%2FP5Y&format=csv&org=11";
  HttpResult blanked = outside->Get(report);
  ASSERT_EQ(blanked.status, 200) << blanked.body;
  HttpResult html =
      outside->Get("/api/reports/annex-02?period=2026-01-01%2FP5Y&format=html&org=11");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("Rows of figures restricted to a user group"), std::string::npos);
  HttpResult full =
      in_group->Get("/api/reports/annex-02?period=2026-01-01%2FP5Y&format=html&org=11");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.body.find("Rows of figures restricted to a user group"), std::string::npos);
}

TEST_F(UserGroupsTest, AnIndicatorEditedToUseARestrictedElementBecomesRestricted) {
  auto admin = LoggedIn("admin");
  auto outside = LoggedIn("xem");
  std::string target =
      "/api/analytics?dimension=dx:I_MMR&dimension=pe:2025&dimension=ou:" + std::string("11");
  ASSERT_EQ(outside->Get(target).status, 200);
  // Spaces around the id are valid DHIS2 and must not hide the reference.
  ASSERT_EQ(admin->Put("/api/metadata/indicators/I_MMR", R"({"numerator":"#{ HIV_NEW }"})").status,
            200);
  HttpResult refused = outside->Get(target);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_NE(refused.body.find("I_MMR"), std::string::npos);
  EXPECT_EQ(LoggedIn("thongke")->Get(target).status, 200);
}

TEST_F(UserGroupsTest, AdministratorsSetGroupsOverTheApi) {
  auto admin = LoggedIn("admin");
  auto viewer = LoggedIn("xem");
  ASSERT_EQ(viewer->Get(HivValueTarget()).status, 403);
  HttpResult joined = admin->Put("/api/users/xem", R"({"groups":["hiv"]})");
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_NE(joined.body.find("\"groups\":[\"hiv\"]"), std::string::npos);
  EXPECT_EQ(server_.OpenStore()->FindUser("xem")->groups, std::vector<std::string>{"hiv"});
  EXPECT_EQ(viewer->Get(HivValueTarget()).status, 200);

  HttpResult unknown = admin->Put("/api/users/xem", R"({"groups":["hvi"]})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("hvi"), std::string::npos);
  EXPECT_EQ(server_.OpenStore()->FindUser("xem")->groups, std::vector<std::string>{"hiv"});
  EXPECT_EQ(admin->Put("/api/users/xem", R"({"groups":"hiv"})").status, 400);

  ASSERT_EQ(admin->Put("/api/users/xem", R"({"groups":[]})").status, 200);
  EXPECT_EQ(viewer->Get(HivValueTarget()).status, 403);
}

}  // namespace
}  // namespace solieu::testing
