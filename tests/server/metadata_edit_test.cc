// Metadata editing over the API: administrators only; every change is checked whole (a value type
// only while no values exist, expressions through the engine's parser with the position of an
// error), logged with who, when, from where and what, and seen at once by the running engine.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

class MetadataEditTest : public ::testing::Test {
 protected:
  std::unique_ptr<ApiClient> LoggedIn(const std::string& username) {
    auto client = std::make_unique<ApiClient>(server_.port());
    EXPECT_EQ(client->Login(username).status, 200);
    return client;
  }

  // The analytics value of `dx` at the own station in the test month, as text ("" for none).
  std::string AnalyticsValue(ApiClient& client, const std::string& dx) {
    HttpResult result = client.Get("/api/analytics?dimension=dx:" + dx +
                                   "&dimension=pe:" + kPeriod + "&dimension=ou:" + kOwnFacility);
    EXPECT_EQ(result.status, 200) << result.body;
    json::array rows = json::parse(result.body).at("rows").as_array();
    if (rows.empty()) return "";
    return std::string(rows[0].as_array().back().as_string());
  }

  TestServer server_;
};

TEST_F(MetadataEditTest, AdministratorRenamesADataElementAndEveryoneSeesIt) {
  auto admin = LoggedIn("admin");
  auto manager = LoggedIn("thongke");
  std::string target = std::string("/api/metadata/dataElements/") + kElement;
  EXPECT_EQ(manager->Put(target, R"({"name":"Tên mới"})").status, 403);
  HttpResult renamed = admin->Put(target, R"({"name":"Trẻ NKHHCT được điều trị","nameEn":"ARI"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_NE(renamed.body.find("\"status\":\"updated\""), std::string::npos);

  HttpResult listing = manager->Get("/api/metadata/dataElements");
  EXPECT_NE(listing.body.find("Trẻ NKHHCT được điều trị"), std::string::npos);
  EXPECT_EQ(server_.OpenStore()->LoadMetadata().data_elements.size(),
            json::parse(listing.body).at("dataElements").as_array().size());

  HttpResult events = admin->Get("/api/audit/events?action=put_");
  ASSERT_EQ(events.status, 200);
  json::object event = json::parse(events.body).at("events").as_array().at(0).as_object();
  EXPECT_EQ(event.at("action").as_string(), "put_data_element");
  EXPECT_EQ(event.at("username").as_string(), "admin");
  EXPECT_EQ(event.at("client").as_string(), "127.0.0.1");
  EXPECT_EQ(event.at("target").as_string(), kElement);
  EXPECT_EQ(event.at("detail").at("nameEn").at("to").as_string(), "ARI");

  EXPECT_EQ(admin->Put("/api/metadata/dataElements/NO_SUCH", R"({"name":"x"})").status, 404);
  EXPECT_EQ(admin->Put(target, R"({"name":""})").status, 400);
  EXPECT_EQ(admin->Put(target, R"({"name":12})").status, 400);
}

TEST_F(MetadataEditTest, ValueTypeChangesOnlyWhileNoValuesAreStored) {
  auto admin = LoggedIn("admin");
  HttpResult refused =
      admin->Put(std::string("/api/metadata/dataElements/") + kElement, R"({"valueType":"TEXT"})");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("api.has_values"), std::string::npos);
  EXPECT_EQ(admin->Put("/api/metadata/dataElements/MATERNAL_DEATHS", R"({"valueType":"NONSENSE"})")
                .status,
            400);
  HttpResult changed =
      admin->Put("/api/metadata/dataElements/MATERNAL_DEATHS", R"({"valueType":"NUMBER"})");
  EXPECT_EQ(changed.status, 200) << changed.body;
  for (const DataElement& d : server_.OpenStore()->LoadMetadata().data_elements) {
    if (d.code == kElement) {
      EXPECT_EQ(ValueTypeName(d.value_type), "INTEGER_ZERO_OR_POSITIVE");
    }
    if (d.code == "MATERNAL_DEATHS") {
      EXPECT_EQ(ValueTypeName(d.value_type), "NUMBER");
    }
  }
}

TEST_F(MetadataEditTest, IndicatorExpressionsAreParsedAndTheEngineUsesTheNewOne) {
  auto admin = LoggedIn("admin");
  auto viewer = LoggedIn("xem");
  EXPECT_EQ(AnalyticsValue(*viewer, "I_MMR"), "");  // no live births in the test store

  HttpResult syntax =
      admin->Put("/api/metadata/indicators/I_MMR", R"({"numerator":"#{ARI_TREATED} + (2"})");
  EXPECT_EQ(syntax.status, 400);
  EXPECT_NE(syntax.body.find("position 20"), std::string::npos) << syntax.body;
  EXPECT_NE(syntax.body.find("\"where\":\"numerator\""), std::string::npos) << syntax.body;
  HttpResult unknown =
      admin->Put("/api/metadata/indicators/I_MMR", R"({"denominator":"#{NO_SUCH_ELEMENT}"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("NO_SUCH_ELEMENT"), std::string::npos);
  HttpResult itself = admin->Put("/api/metadata/indicators/I_MMR", R"({"numerator":"N{I_MMR}"})");
  EXPECT_EQ(itself.status, 400) << itself.body;

  // 10 treated at the station; the indicator's factor (100 000) applies.
  HttpResult changed = admin->Put("/api/metadata/indicators/I_MMR",
                                  R"({"numerator":"#{ARI_TREATED}","denominator":"1"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(AnalyticsValue(*viewer, "I_MMR"), "1000000.00");
  // And the engine keeps taking writes after the swap.
  auto clerk = LoggedIn("tyt.muongphang");
  ASSERT_EQ(clerk->Put("/api/dataValues", ValueJson(kOwnFacility, "2")).status, 200);
  EXPECT_EQ(AnalyticsValue(*viewer, "I_MMR"), "200000.00");

  HttpResult events = admin->Get("/api/audit/events?action=put_indicator");
  json::array logged = json::parse(events.body).at("events").as_array();
  ASSERT_EQ(logged.size(), 1u);  // refused changes are not logged
  EXPECT_EQ(logged[0].at("detail").at("numerator").at("from").as_string(), "#{MATERNAL_DEATHS}");
  EXPECT_EQ(logged[0].at("detail").at("numerator").at("to").as_string(), "#{ARI_TREATED}");
}

TEST_F(MetadataEditTest, DataSetMembersAndExpiryDays) {
  auto admin = LoggedIn("admin");
  HttpResult changed = admin->Put("/api/metadata/dataSets/DS_MCH_M",
                                  std::string(R"({"expiryDays":5,"orgUnits":[")") + kOwnFacility +
                                      R"("],"dataElements":[")" + kElement + R"("]})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  for (const DataSet& d : server_.OpenStore()->LoadMetadata().data_sets) {
    if (d.code != "DS_MCH_M") continue;
    EXPECT_EQ(d.expiry_days, 5);
    EXPECT_EQ(d.org_unit_uids, std::vector<std::string>{server_.OrgUid(kOwnFacility)});
    EXPECT_EQ(d.data_element_uids, std::vector<std::string>{server_.ElementUid(kElement)});
  }
  EXPECT_EQ(admin->Put("/api/metadata/dataSets/DS_MCH_M", R"({"expiryDays":-1})").status, 400);
  EXPECT_EQ(admin->Put("/api/metadata/dataSets/DS_MCH_M", R"({"orgUnits":["NOWHERE"]})").status,
            400);
  EXPECT_EQ(admin->Put("/api/metadata/dataSets/DS_MCH_M", R"({"dataElements":["NOPE"]})").status,
            400);
  HttpResult listing = admin->Get("/api/metadata/dataSets");
  EXPECT_NE(listing.body.find("\"expiryDays\":5"), std::string::npos);
}

}  // namespace
}  // namespace solieu::testing
