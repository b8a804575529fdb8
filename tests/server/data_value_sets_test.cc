// /api/dataValueSets over real HTTP: a bulk import in JSON, XML and CSV with DHIS2's parameters
// (id schemes, dryRun, atomicMode, importStrategy), limited to the user's org units (E7617),
// audited under the user, reflected at once in analytics; exports in each format, in scope only.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;
namespace http = boost::beast::http;

std::string JsonSet(const std::vector<std::pair<std::string, std::string>>& facility_values) {
  std::string rows;
  for (const auto& [facility, value] : facility_values) {
    if (!rows.empty()) rows += ",";
    rows += std::string(R"({"dataElement":")") + kElement + R"(","period":")" + kPeriod +
            R"(","orgUnit":")" + facility + R"(","value":")" + value + R"("})";
  }
  return R"({"dataValues":[)" + rows + "]}";
}

class DataValueSetsTest : public ::testing::Test {
 protected:
  DataValueSetsTest()
      : store_(server_.OpenStore()), manager_(server_.port()), clerk_(server_.port()) {
    EXPECT_EQ(manager_.Login("thongke").status, 200);
    EXPECT_EQ(clerk_.Login("tyt.muongphang").status, 200);
  }

  std::string Stored(const char* facility) {
    auto value = store_->GetValue(server_.Key(facility));
    return value ? value->value : "-";
  }

  HttpResult Post(ApiClient& client, const std::string& query, const std::string& body,
                  const std::string& type = "application/json") {
    return client.Send(http::verb::post, "/api/dataValueSets" + query, body,
                       {{"Content-Type", type}});
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  ApiClient manager_;
  ApiClient clerk_;
};

TEST_F(DataValueSetsTest, ManagerImportsJsonAndAnalyticsFollowAtOnce) {
  HttpResult result =
      Post(manager_, "?idScheme=CODE", JsonSet({{kOwnFacility, "31"}, {kOtherFacility, "42"}}));
  ASSERT_EQ(result.status, 200) << result.body;
  json::value summary = json::parse(result.body);
  EXPECT_EQ(summary.at("status").as_string(), "SUCCESS");
  EXPECT_EQ(summary.at("importCount").at("updated").as_int64(), 2);
  EXPECT_EQ(Stored(kOwnFacility), "31");
  EXPECT_EQ(Stored(kOtherFacility), "42");
  EXPECT_EQ(store_->GetValue(server_.Key(kOwnFacility))->stored_by, "thongke");

  HttpResult analytics = manager_.Get(std::string("/api/analytics?dimension=dx:") + kElement +
                                      "&dimension=pe:" + kPeriod + "&dimension=ou:" + kOwnCommune);
  ASSERT_EQ(analytics.status, 200) << analytics.body;
  EXPECT_EQ(json::parse(analytics.body).at("rows").at(0).at(3).as_string(), "31");
}

TEST_F(DataValueSetsTest, ClerkIsLimitedToTheirStation) {
  // All or nothing: one row outside the clerk's station refuses the whole file.
  HttpResult atomic =
      Post(clerk_, "?idScheme=CODE", JsonSet({{kOwnFacility, "55"}, {kOtherFacility, "66"}}));
  EXPECT_EQ(atomic.status, 409) << atomic.body;
  json::value summary = json::parse(atomic.body);
  EXPECT_EQ(summary.at("status").as_string(), "ERROR");
  ASSERT_EQ(summary.at("conflicts").as_array().size(), 1u);
  EXPECT_EQ(summary.at("conflicts").at(0).at("errorCode").as_string(), "E7617");
  EXPECT_EQ(Stored(kOwnFacility), "10");
  EXPECT_EQ(Stored(kOtherFacility), "20");

  // atomicMode=NONE keeps the good row.
  HttpResult partial = Post(clerk_, "?idScheme=CODE&atomicMode=NONE",
                            JsonSet({{kOwnFacility, "55"}, {kOtherFacility, "66"}}));
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(json::parse(partial.body).at("status").as_string(), "WARNING");
  EXPECT_EQ(Stored(kOwnFacility), "55");
  EXPECT_EQ(Stored(kOtherFacility), "20");

  // A viewer may not import at all.
  ApiClient viewer(server_.port());
  ASSERT_EQ(viewer.Login("xem").status, 200);
  EXPECT_EQ(Post(viewer, "?idScheme=CODE", JsonSet({{kOwnFacility, "1"}})).status, 403);
  EXPECT_EQ(Stored(kOwnFacility), "55");
}

TEST_F(DataValueSetsTest, XmlCsvDryRunAndStrategy) {
  std::string xml = std::string(R"(<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">)") +
                    R"(<dataValue dataElement=")" + kElement + R"(" period=")" + kPeriod +
                    R"(" orgUnit=")" + kOwnFacility + R"(" value="71"/></dataValueSet>)";
  HttpResult dry = Post(manager_, "?idScheme=CODE&dryRun=true", xml, "application/xml");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(json::parse(dry.body).at("importCount").at("updated").as_int64(), 1);
  EXPECT_EQ(Stored(kOwnFacility), "10");  // a dry run stores nothing

  ASSERT_EQ(Post(manager_, "?idScheme=CODE", xml, "application/xml").status, 200);
  EXPECT_EQ(Stored(kOwnFacility), "71");

  std::string csv = std::string("dataelement,period,orgunit,categoryoptioncombo,") +
                    "attributeoptioncombo,value\n" + kElement + "," + kPeriod + "," +
                    kOtherFacility + ",,,84\n";
  HttpResult create_only = Post(manager_, "?idScheme=CODE&importStrategy=CREATE", csv, "text/csv");
  ASSERT_EQ(create_only.status, 200) << create_only.body;
  EXPECT_EQ(json::parse(create_only.body).at("importCount").at("ignored").as_int64(), 1);
  EXPECT_EQ(Stored(kOtherFacility), "20");  // CREATE leaves stored values alone
  ASSERT_EQ(Post(manager_, "?idScheme=CODE", csv, "text/csv").status, 200);
  EXPECT_EQ(Stored(kOtherFacility), "84");

  // Bad requests are refused clearly and change nothing.
  EXPECT_EQ(Post(manager_, "", "x", "text/plain").status, 415);
  EXPECT_EQ(Post(manager_, "?importStrategy=MERGE", xml, "application/xml").status, 400);
  EXPECT_EQ(Post(manager_, "?dryRun=maybe", xml, "application/xml").status, 400);
  HttpResult malformed = Post(manager_, "", "{\"dataValues\":[{", "application/json");
  EXPECT_EQ(malformed.status, 409) << malformed.body;
  EXPECT_NE(malformed.body.find("SL7600"), std::string::npos);
  EXPECT_EQ(Stored(kOwnFacility), "71");
}

TEST_F(DataValueSetsTest, ExportsInEachFormatWithinScope) {
  const std::string query = std::string("/api/dataValueSets?idScheme=CODE&dataElement=") +
                            kElement + "&period=" + kPeriod + "&orgUnit=" + kOwnFacility;
  HttpResult as_json = clerk_.Get(query);
  ASSERT_EQ(as_json.status, 200) << as_json.body;
  json::value set = json::parse(as_json.body);
  ASSERT_EQ(set.at("dataValues").as_array().size(), 1u);
  EXPECT_EQ(set.at("dataValues").at(0).at("value").as_string(), "10");
  EXPECT_EQ(set.at("dataValues").at(0).at("orgUnit").as_string(), kOwnFacility);

  HttpResult as_csv = clerk_.Get(query + "&format=csv");
  ASSERT_EQ(as_csv.status, 200);
  EXPECT_EQ(as_csv.Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(as_csv.body.find(std::string(kElement) + "," + kPeriod + "," + kOwnFacility),
            std::string::npos);
  HttpResult as_xml = clerk_.Get(query, {{"Accept", "application/xml"}});
  ASSERT_EQ(as_xml.status, 200);
  EXPECT_NE(as_xml.body.find("<dataValueSet"), std::string::npos);

  EXPECT_EQ(clerk_
                .Get(std::string("/api/dataValueSets?idScheme=CODE&dataElement=") + kElement +
                     "&period=" + kPeriod + "&orgUnit=" + kOtherFacility)
                .status,
            403);
  EXPECT_EQ(clerk_.Get(query + "&format=pdf").status, 400);
  EXPECT_EQ(manager_.Get("/api/dataValueSets?dataElement=x").status, 400);  // no orgUnit
}

}  // namespace
}  // namespace solieu::testing
