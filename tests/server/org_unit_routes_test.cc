// Org-unit history over the API: a merge done by an administrator moves the old communes' data
// onto today's structure while "as it was" stays as reported; units are created, renamed and
// closed inside the administrator's own units; every bad request is refused with a message
// naming the field and leaves the stored org units, links and events exactly as they were.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

// The org-unit part of the store, as text: what a refused request must leave unchanged.
std::string OrgHistory(Store& store) {
  MetadataSnapshot m = store.LoadMetadata();
  auto day = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string("-"); };
  std::string out;
  for (const OrgUnit& u : m.org_units) {
    out += u.uid + "|" + u.code + "|" + u.name_vi + "|" + u.name_en + "|" + day(u.validity.from) +
           "|" + day(u.validity.to) + "\n";
  }
  for (const ParentLink& l : m.parent_links) {
    out += l.child_uid + ">" + l.parent_uid + "|" + day(l.validity.from) + "|" +
           day(l.validity.to) + "\n";
  }
  for (const OrgEvent& e : m.org_events) {
    out += e.date.ToString() + "|" + e.old_uid + ">" + e.new_uid + "|" + std::to_string(e.share) +
           "\n";
  }
  return out;
}

class OrgUnitRoutesTest : public ::testing::Test {
 protected:
  std::unique_ptr<ApiClient> LoggedIn(const std::string& username) {
    auto client = std::make_unique<ApiClient>(server_.port());
    EXPECT_EQ(client->Login(username).status, 200);
    return client;
  }

  // The test element's August 2025 total at `ou` (uid or code), on a structure; -1 for none.
  double Total(ApiClient& client, const std::string& ou, const std::string& structure) {
    HttpResult result =
        client.Get(std::string("/api/analytics?dimension=dx:") + kElement +
                   "&dimension=pe:" + kPeriod + "&dimension=ou:" + ou + "&structure=" + structure);
    EXPECT_EQ(result.status, 200) << result.body;
    json::array rows = json::parse(result.body).at("rows").as_array();
    if (rows.empty()) return -1;
    return std::stod(std::string(rows[0].as_array().back().as_string()));
  }

  // The unit's entry in the org-unit listing as of `day`, or null.
  json::value Listed(ApiClient& client, const std::string& code, const std::string& day) {
    HttpResult result = client.Get("/api/metadata/orgUnits?asOf=" + day);
    EXPECT_EQ(result.status, 200) << result.body;
    json::value listing = json::parse(result.body);
    for (const json::value& u : listing.at("orgUnits").as_array()) {
      if (u.at("code").as_string() == code) return u;
    }
    return nullptr;
  }

  TestServer server_;
};

TEST_F(OrgUnitRoutesTest, MergeMovesDataOntoTodaysStructureAndKeepsAsItWas) {
  auto admin = LoggedIn("admin");
  const std::string own = server_.OrgUid(kOwnCommune);
  const std::string other = server_.OrgUid(kOtherCommune);
  ASSERT_EQ(Total(*admin, own, "today"), 10);
  ASSERT_EQ(Total(*admin, other, "today"), 20);

  HttpResult merged = admin->Post("/api/orgUnits/merges",
                                  std::string(R"({"date":"2025-09-01","into":")") + kOwnCommune +
                                      R"(","from":[")" + kOtherCommune + R"("]})");
  ASSERT_EQ(merged.status, 201) << merged.body;
  json::value answer = json::parse(merged.body);
  EXPECT_EQ(answer.at("reparented").as_array().size(), 1u) << merged.body;
  EXPECT_EQ(answer.at("reparented").at(0).as_string(), kOtherFacility);

  // Today (2025-09-15) the merged commune carries both stations' August values...
  EXPECT_EQ(Total(*admin, own, "today"), 30);
  // ...and as it was, August stays with the communes that reported it.
  EXPECT_EQ(Total(*admin, own, "as-it-was"), 10);
  EXPECT_EQ(Total(*admin, other, "as-it-was"), 20);

  // The old commune's station belongs to the new one from the merge's date, not before.
  EXPECT_TRUE(Listed(*admin, kOtherCommune, "2025-09-15").is_null());
  EXPECT_EQ(Listed(*admin, kOtherFacility, "2025-09-15").at("parent").as_string(), own);
  EXPECT_EQ(Listed(*admin, kOtherFacility, "2025-08-31").at("parent").as_string(), other);
  EXPECT_EQ(Listed(*admin, kOtherCommune, "2025-08-31").at("closedDate").as_string(), "2025-09-01");

  HttpResult events = admin->Get("/api/orgUnits/events");
  ASSERT_EQ(events.status, 200) << events.body;
  json::value first = json::parse(events.body).at("events").at(0);  // newest first
  EXPECT_EQ(first.at("date").as_string(), "2025-09-01");
  EXPECT_EQ(first.at("kind").as_string(), "merge");
  EXPECT_EQ(first.at("old").at("code").as_string(), kOtherCommune);
  EXPECT_EQ(first.at("new").at("code").as_string(), kOwnCommune);
  EXPECT_EQ(first.at("share").as_double(), 1.0);

  HttpResult log = admin->Get("/api/audit/events?action=merge_org_units");
  json::array logged = json::parse(log.body).at("events").as_array();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].at("target").as_string(), kOwnCommune);
  EXPECT_EQ(logged[0].at("detail").at("date").as_string(), "2025-09-01");

  // The same merge again: the old commune is closed and already merged.
  HttpResult again =
      admin->Post("/api/orgUnits/merges", std::string(R"({"date":"2025-09-01","into":")") +
                                              kOwnCommune + R"(","from":[")" + other + R"("]})");
  EXPECT_EQ(again.status, 400) << again.body;
}

TEST_F(OrgUnitRoutesTest, BadRequestsAreRefusedAndChangeNothing) {
  auto admin = LoggedIn("admin");
  auto manager = LoggedIn("thongke");
  auto store = server_.OpenStore();
  const std::string before = OrgHistory(*store);
  struct Case {
    ApiClient* client;
    const char* method;
    std::string target;
    std::string body;
    int status;
    std::string code;   // the error code expected
    std::string where;  // the field named
  };
  const std::string merges = "/api/orgUnits/merges";
  const std::string units = "/api/metadata/orgUnits";
  const std::string old_commune = [&] {  // Xã Nà Nhạn, merged into Xã Mường Phăng in 2025
    for (const OrgUnit& u : store->LoadMetadata().org_units) {
      if (u.code == "03317") return u.uid;
    }
    return std::string();
  }();
  auto facility = [](const std::string& code, const std::string& parent, const std::string& day) {
    return R"({"code":")" + code + R"(","name":"Phòng khám thử","nameEn":"Test clinic",)" +
           R"("level":"facility","facilityType":"private_clinic","parent":")" + parent +
           R"(","openingDate":")" + day + R"("})";
  };
  std::vector<Case> cases = {
      {manager.get(), "POST", merges, R"({"date":"2025-09-01","into":"03325","from":["03158"]})",
       403, "auth.forbidden_role", "role"},
      {admin.get(), "POST", merges, R"({"date":"2025-09-01","into":"03325","from":["03325"]})", 400,
       "api.merge_into_itself", "from"},
      {admin.get(), "POST", merges, R"({"date":"2025-09-01","into":"03325","from":["TYT03158"]})",
       400, "api.level_mismatch", "from"},
      {admin.get(), "POST", merges, R"({"date":"2025-13-01","into":"03325","from":["03158"]})", 400,
       "api.invalid_date", "date"},
      {admin.get(), "POST", merges, R"({"date":"2025-09-01","into":"03325","from":["NOPE"]})", 400,
       "api.unknown_org_unit", "from"},
      {admin.get(), "POST", merges, R"({"date":"2025-09-01","into":"03325","from":[]})", 400,
       "api.missing_field", "from"},
      {admin.get(), "POST", merges,
       R"({"date":"2025-09-01","into":"03325","from":["03158","03158"]})", 400,
       "api.duplicate_unit", "from"},
      {admin.get(), "POST", merges,
       R"({"date":"2025-09-01","into":"03325","from":["03158"],"shares":[1.5]})", 400,
       "api.invalid_shares", "shares"},
      // Nà Nhạn passed into the new Mường Phăng on 2025-07-01: its history is closed.
      {admin.get(), "POST", merges,
       R"({"date":"2025-06-01","into":"03325","from":[")" + old_commune + R"("]})", 400,
       "api.org_history_conflict", "from"},
      // The other station reported August: it cannot close in the middle of it.
      {admin.get(), "POST", merges,
       R"({"date":"2025-08-15","into":"TYT03325","from":["TYT03158"]})", 409, "api.has_values",
       "date"},
      // The target opened on 2025-07-01.
      {admin.get(), "POST", merges,
       R"({"date":"2025-06-01","into":")" + server_.OrgUid(kOwnFacility) +
           R"(","from":["TYT03158"]})",
       400, "api.unit_not_open", "into"},
      {admin.get(), "POST", units, facility("TYT03325", "03325", "2025-08-01"), 409,
       "api.duplicate_code", "code"},
      {admin.get(), "POST", units, facility("PK_1", "NOWHERE", "2025-08-01"), 400,
       "api.unknown_org_unit", "parent"},
      {admin.get(), "POST", units, facility("PK_1", "TYT03325", "2025-08-01"), 400,
       "api.wrong_parent_level", "parent"},
      // The district Điện Biên Phủ closed on 2025-07-01: a unit opened before under it
      // would outlive it.
      {admin.get(), "POST", units, facility("PK_1", "094", "2025-01-01"), 400,
       "api.parent_not_open", "parent"},
      {admin.get(), "POST", units, facility("PK 1", "03325", "2025-08-01"), 400, "api.invalid_code",
       "code"},
      {admin.get(), "POST", units,
       R"({"code":"X1","name":"Xã thử","nameEn":"Test","level":"commune","parent":"11",)"
       R"("openingDate":"2025-08-01","facilityType":"tyt"})",
       400, "api.invalid_facility_type", "facilityType"},
      {admin.get(), "POST", units,
       R"({"code":"X1","name":"Tỉnh","nameEn":"P","level":"province","openingDate":"2025-08-01"})",
       400, "api.invalid_level", "level"},
      {admin.get(), "PUT", units + "/TYT03325", R"({"closedDate":"2025-06-01"})", 400,
       "api.invalid_date", "closedDate"},
      {admin.get(), "PUT", units + "/" + kOwnCommune, R"({"closedDate":"2025-09-01"})", 400,
       "api.has_children", "closedDate"},
      {admin.get(), "PUT", units + "/TYT03325", R"({"closedDate":"2025-08-20"})", 409,
       "api.has_values", "closedDate"},
      {admin.get(), "PUT", units + "/" + old_commune, R"({"closedDate":null})", 400,
       "api.org_history_conflict", "closedDate"},
      {admin.get(), "PUT", units + "/TYT03325", R"({"name":""})", 400, "api.empty_field", "name"},
      {admin.get(), "PUT", units + "/NOPE", R"({"name":"x"})", 404, "api.unknown_object", "id"},
      {manager.get(), "PUT", units + "/TYT03325", R"({"name":"x"})", 403, "auth.forbidden_role",
       "role"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " " + c.target + " " + c.body);
    HttpResult result = c.method == std::string("PUT") ? c.client->Put(c.target, c.body)
                                                       : c.client->Post(c.target, c.body);
    EXPECT_EQ(result.status, c.status) << result.body;
    if (result.status == c.status) {
      json::object error = json::parse(result.body).at("error").as_object();
      EXPECT_EQ(error.at("code").as_string(), c.code) << result.body;
      EXPECT_EQ(error.at("where").as_string(), c.where) << result.body;
      EXPECT_FALSE(error.at("message_vi").as_string().empty());
      EXPECT_FALSE(error.at("message_en").as_string().empty());
    }
    EXPECT_EQ(OrgHistory(*store), before);
  }
  json::array logged = json::parse(admin->Get("/api/audit/events").body).at("events").as_array();
  for (const json::value& e : logged) {
    EXPECT_EQ(std::string(e.at("action").as_string()).find("org_unit"), std::string::npos);
  }
}

TEST_F(OrgUnitRoutesTest, CreateRenameCloseAndReopenInsideTheAdministratorsUnits) {
  auto admin = LoggedIn("m.admin");  // bound to commune 03325 only
  auto body = [](const std::string& parent) {
    return std::string(R"({"code":"PK_MP","name":"Phòng khám Mường Phăng","nameEn":"MP clinic",)") +
           R"("level":"facility","facilityType":"private_clinic","parent":")" + parent +
           R"(","openingDate":"2025-08-01"})";
  };
  HttpResult outside = admin->Post("/api/metadata/orgUnits", body(kOtherCommune));
  EXPECT_EQ(outside.status, 403) << outside.body;
  HttpResult created = admin->Post("/api/metadata/orgUnits", body(kOwnCommune));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string uid(json::parse(created.body).at("id").as_string());
  json::value listed = Listed(*admin, "PK_MP", "2025-09-15");
  ASSERT_FALSE(listed.is_null());
  EXPECT_EQ(listed.at("parent").as_string(), server_.OrgUid(kOwnCommune));
  EXPECT_EQ(listed.at("openingDate").as_string(), "2025-08-01");
  EXPECT_TRUE(Listed(*admin, "PK_MP", "2025-07-15").is_null());
  // The new unit takes values at once (the engine was rebuilt).
  auto manager = LoggedIn("thongke");
  EXPECT_EQ(manager->Put("/api/dataValues", ValueJson("PK_MP", "4")).status, 200);

  HttpResult renamed =
      admin->Put("/api/metadata/orgUnits/PK_MP", R"({"name":"Phòng khám tư Mường Phăng"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(json::parse(renamed.body).at("status").as_string(), "updated");
  EXPECT_EQ(Listed(*admin, "PK_MP", "2025-09-15").at("name").as_string(),
            "Phòng khám tư Mường Phăng");
  EXPECT_EQ(
      json::parse(admin->Put("/api/metadata/orgUnits/PK_MP", "{}").body).at("status").as_string(),
      "unchanged");

  // It reported August: it may close from September, not before.
  EXPECT_EQ(admin->Put("/api/metadata/orgUnits/" + uid, R"({"closedDate":"2025-08-31"})").status,
            409);
  HttpResult closed = admin->Put("/api/metadata/orgUnits/" + uid, R"({"closedDate":"2025-09-10"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_TRUE(Listed(*admin, "PK_MP", "2025-09-15").is_null());
  EXPECT_EQ(Listed(*admin, "PK_MP", "2025-09-09").at("closedDate").as_string(), "2025-09-10");
  HttpResult reopened = admin->Put("/api/metadata/orgUnits/" + uid, R"({"closedDate":null})");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_FALSE(Listed(*admin, "PK_MP", "2025-09-15").is_null());

  auto root = LoggedIn("admin");
  json::array logged =
      json::parse(root->Get("/api/audit/events?action=put_org_unit").body).at("events").as_array();
  ASSERT_EQ(logged.size(), 3u);  // rename, close, reopen (newest first); refusals not logged
  EXPECT_EQ(logged[1].at("detail").at("closedDate").at("to").as_string(), "2025-09-10");
  EXPECT_EQ(logged[2].at("detail").at("name").at("from").as_string(), "Phòng khám Mường Phăng");
  EXPECT_EQ(json::parse(root->Get("/api/audit/events?action=create_org_unit").body)
                .at("events")
                .as_array()
                .size(),
            1u);
}

}  // namespace
}  // namespace solieu::testing
