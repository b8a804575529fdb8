// What the audit keeps beyond who and when: the client address of every value change (over HTTP,
// from the command line), every export (data value sets, report downloads) in the admin event
// log, readable by administrators only; and expired sessions swept at login.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "auth/secret.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

TEST(AuditTrailTest, ValueWrittenOverHttpNamesTheClientAddress) {
  TestServer server;
  ApiClient clerk(server.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);
  ASSERT_EQ(clerk.Put("/api/dataValues", ValueJson(kOwnFacility, "17")).status, 200);
  ASSERT_EQ(clerk.Delete(ValueTarget(kOwnFacility)).status, 200);

  auto trail = server.OpenStore()->AuditTrail(server.Key(kOwnFacility));
  ASSERT_EQ(trail.size(), 3u);  // the seed (no address: written by the fixture), update, delete
  EXPECT_EQ(trail[0].client, "");
  EXPECT_EQ(trail[1].client, "127.0.0.1");
  EXPECT_EQ(trail[1].changed_by, "tyt.muongphang");
  EXPECT_EQ(trail[2].client, "127.0.0.1");

  ApiClient manager(server.port());
  ASSERT_EQ(manager.Login("thongke").status, 200);
  HttpResult audit = manager.Get(std::string("/api/audit?de=") + kElement + "&pe=" + kPeriod +
                                 "&ou=" + kOwnFacility);
  ASSERT_EQ(audit.status, 200) << audit.body;
  json::array entries = json::parse(audit.body).at("audit").as_array();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].at("client").as_string(), "127.0.0.1");
}

TEST(AuditTrailTest, BulkImportRowsNameTheClientAddress) {
  TestServer server;
  ApiClient clerk(server.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);
  HttpResult import =
      clerk.Post("/api/dataValueSets?idScheme=CODE",
                 std::string(R"({"dataValues":[{"dataElement":")") + kElement + R"(","period":")" +
                     kPeriod + R"(","orgUnit":")" + kOwnFacility + R"(","value":"33"}]})");
  ASSERT_EQ(import.status, 200) << import.body;
  auto trail = server.OpenStore()->AuditTrail(server.Key(kOwnFacility));
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[1].new_value, "33");
  EXPECT_EQ(trail[1].client, "127.0.0.1");
}

// The events of the admin log whose action starts with `prefix`, as an administrator reads them.
json::array Events(ApiClient& admin, const std::string& prefix) {
  HttpResult events = admin.Get("/api/audit/events?action=" + prefix);
  EXPECT_EQ(events.status, 200) << events.body;
  return json::parse(events.body).at("events").as_array();
}

TEST(AuditTrailTest, ExportsAreLoggedWithUserClientAndWhat) {
  TestServer server;
  ApiClient viewer(server.port());
  ASSERT_EQ(viewer.Login("xem").status, 200);
  HttpResult exported =
      viewer.Get(std::string("/api/dataValueSets?idScheme=CODE&dataElement=") + kElement +
                 "&period=" + kPeriod + "&orgUnit=11&children=true" + "&format=csv");
  ASSERT_EQ(exported.status, 200) << exported.body;
  HttpResult report = viewer.Get("/api/reports/indicators-year?period=2025&format=csv&org=11");
  ASSERT_EQ(report.status, 200);

  ApiClient admin(server.port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  json::array events = Events(admin, "export");
  ASSERT_EQ(events.size(), 2u);
  const json::object& report_event = events[0].as_object();  // newest first
  EXPECT_EQ(report_event.at("action").as_string(), "export_report");
  EXPECT_EQ(report_event.at("username").as_string(), "xem");
  EXPECT_EQ(report_event.at("client").as_string(), "127.0.0.1");
  EXPECT_EQ(report_event.at("detail").at("report").as_string(), "indicators-year");
  EXPECT_EQ(report_event.at("detail").at("format").as_string(), "csv");
  EXPECT_EQ(report_event.at("detail").at("period").as_string(), "2025");
  EXPECT_GT(report_event.at("detail").at("rows").as_int64(), 0);

  const json::object& set_event = events[1].as_object();
  EXPECT_EQ(set_event.at("action").as_string(), "export_data_value_set");
  EXPECT_EQ(set_event.at("username").as_string(), "xem");
  EXPECT_EQ(set_event.at("client").as_string(), "127.0.0.1");
  EXPECT_EQ(set_event.at("detail").at("format").as_string(), "csv");
  EXPECT_EQ(set_event.at("detail").at("periods").as_array()[0].as_string(), kPeriod);
  EXPECT_EQ(set_event.at("detail").at("orgUnits").as_array()[0].as_string(), "11");
  EXPECT_EQ(set_event.at("detail").at("rows").as_int64(), 2);  // the seeded own and other value

  // Only administrators read the log, and nothing edits it.
  EXPECT_EQ(viewer.Get("/api/audit/events").status, 403);
  ApiClient manager(server.port());
  ASSERT_EQ(manager.Login("thongke").status, 200);
  EXPECT_EQ(manager.Get("/api/audit/events").status, 403);
  EXPECT_EQ(admin.Delete("/api/audit/events").status, 405);
  EXPECT_EQ(Events(admin, "export").size(), 2u);
}

TEST(AuditTrailTest, ExpiredSessionsArePurgedAtLogin) {
  TestServer server;
  server.SetClockOffset(-13 * 3600);  // a session opened 13 hours ago: past the 12-hour limit
  ApiClient old_client(server.port());
  ASSERT_EQ(old_client.Login("xem").status, 200);
  server.SetClockOffset(0);
  ApiClient idle_client(server.port());
  ASSERT_EQ(idle_client.Login("xem").status, 200);
  auto hash_of = [](const ApiClient& c) {
    return Sha256Hex(c.cookie().substr(c.cookie().find('=') + 1));
  };
  std::string old_hash = hash_of(old_client), idle_hash = hash_of(idle_client);
  // The login above already swept the 13-hour-old one; the idle one lives until it expires.
  EXPECT_FALSE(server.OpenStore()->FindSession(old_hash));
  ASSERT_TRUE(server.OpenStore()->FindSession(idle_hash));

  server.SetClockOffset(31 * 60);  // 31 minutes later: idle past 30 minutes
  ApiClient next(server.port());
  ASSERT_EQ(next.Login("thongke").status, 200);
  EXPECT_FALSE(server.OpenStore()->FindSession(idle_hash));
  EXPECT_TRUE(server.OpenStore()->FindSession(hash_of(next)));
}

}  // namespace
}  // namespace solieu::testing
