// The authorization matrix: every route the router knows x every role x (own subtree, other
// subtree, no session, expired session, bad CSRF token), over real HTTP. Allowed exactly where the
// rules say (200); every refusal is 401 (no or expired credentials) or 403 (role, scope, CSRF) and
// leaves the stored values and their audit trail exactly as they were.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "auth/credentials.h"
#include "auth/password.h"
#include "auth/role.h"
#include "core/period.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace http = boost::beast::http;

enum class Condition { kOwn, kOther, kNoSession, kExpired, kBadCsrf };

const char* Name(Condition c) {
  switch (c) {
    case Condition::kOwn:
      return "own subtree";
    case Condition::kOther:
      return "other subtree";
    case Condition::kNoSession:
      return "no session";
    case Condition::kExpired:
      return "expired session";
    case Condition::kBadCsrf:
      return "bad CSRF token";
  }
  return "?";
}

struct RoleUser {
  Role role;
  std::string username;  // bound to commune 03325 (the clerk to its station TYT03325)
};

const std::vector<RoleUser>& MatrixUsers() {
  static const std::vector<RoleUser> users = {{Role::kAdministrator, "m.admin"},
                                              {Role::kProvinceDataManager, "m.manager"},
                                              {Role::kFacilityDataClerk, "m.clerk"},
                                              {Role::kViewer, "m.viewer"}};
  return users;
}

struct Probe {
  http::verb method;
  std::string route;  // as the router lists it
  std::function<std::string(bool own)> target;
  std::function<std::string(bool own, const RoleUser& user)> body;
  bool is_public = false;
  // Whether `role` may, on its own subtree or on another (the same for unscoped routes).
  std::function<bool(Role role, bool own)> allowed;
  int success = 200;  // the status of an allowed request
  // The status when the role may but the org unit is not the user's: 403, or 409 for a bulk
  // import, which refuses the rows in its summary (conflict E7617) as DHIS2 does.
  int scope_refusal = 403;
};

bool Anyone(Role, bool) {
  return true;
}
bool AnyoneInScope(Role, bool own) {
  return own;
}
bool WritersInScope(Role role, bool own) {
  return own && CanWriteValues(role);
}
bool AuditorsInScope(Role role, bool own) {
  return own && CanReadAudit(role);
}
bool EpidemiologistsInScope(Role role, bool own) {
  return own && CanVerifyAlerts(role);
}

// The surveillance records the probes read and change, one in each subtree (made by the fixture):
// alert 1 and outbreak 1 at the own station, alert 2 and outbreak 2 at the other.
std::string RecordId(bool own) {
  return own ? "1" : "2";
}

std::string Facility(bool own) {
  return own ? kOwnFacility : kOtherFacility;
}

// A monthly form of the stations (data set DS_MCH_M) for the test period.
constexpr const char* kFormDataSet = "DS_MCH_M";

std::string FormJson(bool own) {
  return std::string(R"({"dataSet":")") + kFormDataSet + R"(","period":")" + kPeriod +
         R"(","orgUnit":")" + Facility(own) + R"("})";
}

std::string FormQuery(bool own) {
  return std::string("dataSet=") + kFormDataSet + "&period=" + kPeriod +
         "&orgUnit=" + Facility(own);
}

std::vector<Probe> Probes() {
  auto fixed = [](std::string target) { return [target](bool) { return target; }; };
  auto no_body = [](bool, const RoleUser&) { return std::string(); };
  static int counter = 100;
  std::vector<Probe> probes = {
      {http::verb::get, "/api/health", fixed("/api/health"), no_body, true, Anyone},
      {http::verb::get, "/api/openapi.json", fixed("/api/openapi.json"), no_body, true, Anyone},
      {http::verb::post, "/api/auth/login", fixed("/api/auth/login"),
       [](bool, const RoleUser& user) {
         return "{\"username\":\"" + user.username + "\",\"password\":\"" + kPassword + "\"}";
       },
       true, Anyone},
      {http::verb::post, "/api/auth/logout", fixed("/api/auth/logout"), no_body, false, Anyone},
      {http::verb::get, "/api/me", fixed("/api/me"), no_body, false, Anyone},
      {http::verb::get, "/api/metadata/orgUnits", fixed("/api/metadata/orgUnits?asOf=2025-09-15"),
       no_body, false, Anyone},
      {http::verb::get, "/api/metadata/dataElements", fixed("/api/metadata/dataElements"), no_body,
       false, Anyone},
      {http::verb::get, "/api/metadata/indicators", fixed("/api/metadata/indicators"), no_body,
       false, Anyone},
      {http::verb::get, "/api/metadata/dataSets", fixed("/api/metadata/dataSets"), no_body, false,
       Anyone},
      {http::verb::get, "/api/metadata/categoryCombos", fixed("/api/metadata/categoryCombos"),
       no_body, false, Anyone},
      {http::verb::get, "/api/dataValues", [](bool own) { return ValueTarget(Facility(own)); },
       no_body, false, AnyoneInScope},
      {http::verb::put, "/api/dataValues", fixed("/api/dataValues"),
       [](bool own, const RoleUser&) {
         return ValueJson(Facility(own), std::to_string(++counter));
       },
       false, WritersInScope},
      {http::verb::delete_, "/api/dataValues", [](bool own) { return ValueTarget(Facility(own)); },
       no_body, false, WritersInScope},
      {http::verb::post, "/api/dataValueSets", fixed("/api/dataValueSets?idScheme=CODE"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"dataValues":[{"dataElement":")") + kElement + R"(","period":")" +
                kPeriod + R"(","orgUnit":")" + Facility(own) + R"(","value":")" +
                std::to_string(++counter) + R"("}]})";
       },
       false, WritersInScope, 200, 409},
      {http::verb::get, "/api/dataValueSets",
       [](bool own) {
         return std::string("/api/dataValueSets?idScheme=CODE&dataElement=") + kElement +
                "&period=" + kPeriod + "&orgUnit=" + Facility(own);
       },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/dataSets/{id}/entrySheet",
       [](bool own) {
         return std::string("/api/dataSets/") + kFormDataSet +
                "/entrySheet?orgUnit=" + Facility(own) + "&period=" + kPeriod;
       },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/analytics",
       [](bool own) {
         return std::string("/api/analytics?dimension=dx:") + kElement +
                "&dimension=pe:" + kPeriod + "&dimension=ou:" + Facility(own);
       },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/reports/{name}",
       [](bool own) {
         return "/api/reports/indicators-year?period=2025&format=csv&org=" + Facility(own);
       },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/audit",
       [](bool own) {
         return std::string("/api/audit?de=") + kElement + "&pe=" + kPeriod +
                "&ou=" + Facility(own);
       },
       no_body, false, AuditorsInScope},
      {http::verb::get, "/api/audit/logins", fixed("/api/audit/logins?username=m.viewer"), no_body,
       false, [](Role role, bool) { return role == Role::kAdministrator; }},
      {http::verb::get, "/api/audit/events", fixed("/api/audit/events?action=export"), no_body,
       false, [](Role role, bool) { return role == Role::kAdministrator; }},
      // Metadata is not scoped to org units: administrators edit it, nobody else.
      {http::verb::put, "/api/metadata/dataElements/{id}",
       fixed(std::string("/api/metadata/dataElements/") + kElement),
       [](bool, const RoleUser&) {
         return R"({"description":"matrix )" + std::to_string(++counter) + "\"}";
       },
       false, [](Role role, bool) { return role == Role::kAdministrator; }},
      {http::verb::put, "/api/metadata/dataSets/{id}",
       fixed(std::string("/api/metadata/dataSets/") + kFormDataSet),
       [](bool, const RoleUser&) {
         return R"({"nameEn":"Matrix )" + std::to_string(++counter) + "\"}";
       },
       false, [](Role role, bool) { return role == Role::kAdministrator; }},
      {http::verb::put, "/api/metadata/indicators/{id}", fixed("/api/metadata/indicators/I_MMR"),
       [](bool, const RoleUser&) {
         return R"({"description":"matrix )" + std::to_string(++counter) + "\"}";
       },
       false, [](Role role, bool) { return role == Role::kAdministrator; }},
      // Org units are scoped: an administrator keeps the units below their own (created, renamed,
      // merged in this order: the merge closes the unit the create probe made).
      {http::verb::get, "/api/orgUnits/events", fixed("/api/orgUnits/events"), no_body, false,
       Anyone},
      {http::verb::post, "/api/metadata/orgUnits", fixed("/api/metadata/orgUnits"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"code":"MX_)") + (own ? "OWN" : "OTHER") +
                R"(","name":"Phòng khám","nameEn":"Clinic","level":"facility",)" +
                R"("facilityType":"private_clinic","openingDate":"2025-08-01","parent":")" +
                (own ? kOwnCommune : kOtherCommune) + "\"}";
       },
       false, [](Role role, bool own) { return own && role == Role::kAdministrator; }, 201},
      {http::verb::put, "/api/metadata/orgUnits/{id}",
       [](bool own) { return "/api/metadata/orgUnits/" + Facility(own); },
       [](bool, const RoleUser&) {
         return R"({"nameEn":"Matrix )" + std::to_string(++counter) + "\"}";
       },
       false, [](Role role, bool own) { return own && role == Role::kAdministrator; }},
      {http::verb::post, "/api/orgUnits/merges", fixed("/api/orgUnits/merges"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"date":"2025-09-01","into":")") + Facility(own) + R"(","from":[")" +
                (own ? "MX_OWN" : kOwnFacility) + "\"]}";
       },
       false, [](Role role, bool own) { return own && role == Role::kAdministrator; }, 201},
      {http::verb::get, "/api/surveillance/alerts", fixed("/api/surveillance/alerts"), no_body,
       false, Anyone},
      {http::verb::get, "/api/surveillance/alerts/{id}",
       [](bool own) { return "/api/surveillance/alerts/" + RecordId(own); }, no_body, false,
       AnyoneInScope},
      {http::verb::post, "/api/surveillance/alerts/{id}/verification",
       [](bool own) { return "/api/surveillance/alerts/" + RecordId(own) + "/verification"; },
       [](bool, const RoleUser&) { return std::string(R"({"decision":"monitor"})"); }, false,
       EpidemiologistsInScope},
      {http::verb::get, "/api/surveillance/outbreaks", fixed("/api/surveillance/outbreaks"),
       no_body, false, Anyone},
      {http::verb::post, "/api/surveillance/outbreaks", fixed("/api/surveillance/outbreaks"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"disease":"MEASLES","orgUnit":")") + Facility(own) +
                R"(","startDate":"2025-09-01","cases":3})";
       },
       false, EpidemiologistsInScope, 201},
      {http::verb::get, "/api/surveillance/outbreaks/{id}",
       [](bool own) { return "/api/surveillance/outbreaks/" + RecordId(own); }, no_body, false,
       AnyoneInScope},
      {http::verb::put, "/api/surveillance/outbreaks/{id}",
       [](bool own) { return "/api/surveillance/outbreaks/" + RecordId(own); },
       [](bool, const RoleUser& user) {
         return R"({"actions":"kiểm tra bởi )" + user.username + "\"}";
       },
       false, EpidemiologistsInScope},
      {http::verb::get, "/api/surveillance/series",
       [](bool own) {
         return std::string(
                    "/api/surveillance/series?disease=MEASLES&from=2025W30&to=2025W37&ou=") +
                Facility(own);
       },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/surveillance/runs", fixed("/api/surveillance/runs"), no_body, false,
       Anyone},
      {http::verb::post, "/api/surveillance/runs", fixed("/api/surveillance/runs"),
       [](bool, const RoleUser&) { return std::string(R"({"week":"2025W37"})"); }, false,
       [](Role role, bool) { return CanVerifyAlerts(role); }},
      {http::verb::get, "/api/dashboard/indicators",
       [](bool own) { return "/api/dashboard/indicators?year=2025&orgUnit=" + Facility(own); },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/targets", fixed("/api/targets?year=2025"), no_body, false, Anyone},
      {http::verb::get, "/api/validation",
       [](bool own) { return "/api/validation?from=202508&to=202508&orgUnit=" + Facility(own); },
       no_body, false, AnyoneInScope},
      {http::verb::get, "/api/outliers",
       [](bool own) {
         return std::string("/api/outliers?from=202501&to=202512&dataElement=") + kElement +
                "&orgUnit=" + Facility(own);
       },
       no_body, false, AnyoneInScope},
      {http::verb::put, "/api/targets", fixed("/api/targets"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"indicator":"I_MMR","period":"2025","orgUnit":")") + Facility(own) +
                R"(","target":"<)" + std::to_string(++counter) + "\"}";
       },
       false,
       [](Role role, bool own) {
         return own && (role == Role::kAdministrator || role == Role::kProvinceDataManager);
       }},
      // Reporting last: an approval locks the values the probes above write.
      {http::verb::post, "/api/completeDataSetRegistrations",
       fixed("/api/completeDataSetRegistrations"),
       [](bool own, const RoleUser&) { return FormJson(own); }, false, WritersInScope},
      {http::verb::delete_, "/api/completeDataSetRegistrations",
       [](bool own) { return "/api/completeDataSetRegistrations?" + FormQuery(own); }, no_body,
       false, WritersInScope},
      {http::verb::get, "/api/completeness",
       [](bool own) { return "/api/completeness?" + FormQuery(own); }, no_body, false,
       AnyoneInScope},
      {http::verb::get, "/api/dataApprovals",
       [](bool own) { return "/api/dataApprovals?" + FormQuery(own); }, no_body, false,
       AnyoneInScope},
      {http::verb::post, "/api/dataApprovals", fixed("/api/dataApprovals"),
       [](bool own, const RoleUser&) { return FormJson(own); }, false, EpidemiologistsInScope},
      {http::verb::delete_, "/api/dataApprovals",
       [](bool own) { return "/api/dataApprovals?" + FormQuery(own); }, no_body, false,
       EpidemiologistsInScope},
      {http::verb::get, "/api/users", fixed("/api/users"), no_body, false,
       [](Role role, bool) { return role == Role::kAdministrator; }},
      // m.probe exists (the fixture makes it, bound to the own station): moving it to the other
      // station is outside an administrator bound to commune 03325.
      {http::verb::put, "/api/users/{username}", fixed("/api/users/m.probe"),
       [](bool own, const RoleUser&) {
         return std::string(R"({"role":"viewer","orgUnits":[")") + Facility(own) + R"("]})";
       },
       false, [](Role role, bool own) { return own && role == Role::kAdministrator; }},
      {http::verb::get, "/api/me/tokens", fixed("/api/me/tokens"), no_body, false, Anyone},
      {http::verb::post, "/api/me/tokens", fixed("/api/me/tokens"),
       [](bool, const RoleUser&) { return std::string(R"({"label":"matrix"})"); }, false, Anyone,
       201},
      // The id is the user's own token, made just before (see the loop).
      {http::verb::delete_, "/api/me/tokens/{id}", fixed("/api/me/tokens/"), no_body, false,
       Anyone},
  };
  return probes;
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  AuthorizationMatrixTest() : store_(server_.OpenStore()) {
    SeedSurveillanceRecords();
    store_->PutUser({"m.probe",
                     HashPassword(kPassword, PasswordCost::Minimum()),
                     "viewer",
                     {server_.OrgUid(kOwnFacility)},
                     false,
                     {}});
  }

  void SeedSurveillanceRecords() {
    std::string measles;
    for (const Disease& d : store_->LoadMetadata().diseases) {
      if (d.code == "MEASLES") measles = d.uid;
    }
    Period week = *Period::Parse("2025W36");
    std::vector<SignalPlacement> signals;
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      SignalRecord signal;
      signal.disease_uid = measles;
      signal.org_unit_uid = server_.OrgUid(facility);
      signal.period = week.Id();
      signal.period_start = week.start();
      signal.observed = 9;
      signal.upper_bound = 2.5;
      signal.algorithm = "threshold";
      signals.push_back({signal, std::nullopt});
    }
    store_->Surveillance().SaveRun({0, week.Id(), "t", "t", "fixture", 2, 0, 2}, signals);
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      OutbreakRecord outbreak;
      outbreak.disease_uid = measles;
      outbreak.org_unit_uid = server_.OrgUid(facility);
      outbreak.start_date = Date(2025, 9, 1);
      outbreak.cases = 9;
      outbreak.declared_by = outbreak.updated_by = "fixture";
      store_->Surveillance().PutOutbreak(
          outbreak, {0, "t", "fixture", "", "declare_outbreak", std::nullopt, std::nullopt, ""});
    }
  }

  // What must not change on a refusal: every stored value, the audit trail of both keys and
  // the plan's targets.
  std::string Snapshot() {
    std::string out;
    for (const TargetRecord& t : store_->LoadTargets()) {
      out += t.indicator_uid + "|" + t.period + "|" + t.org_unit_uid + "|" + t.target + "\n";
    }
    for (const DataValue& v : store_->QueryValues({})) {
      out += v.key.data_element_uid + "|" + v.key.period + "|" + v.key.org_unit_uid + "|" +
             v.value + "|" + v.comment + "|" + v.stored_by + "|" + v.last_updated + "\n";
    }
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      for (const AuditEntry& e : store_->AuditTrail(server_.Key(facility))) {
        out += std::to_string(e.id) + " " + e.new_value.value_or("-") + " " + e.changed_by + "\n";
      }
    }
    return out;
  }

  // Deletes may have removed the values the next probe reads: put them back (directly, as a
  // fixture step outside the matrix).
  void EnsureValuesExist() {
    Period month = *Period::Parse(kPeriod);
    // And the forms the DELETE probes take back: completed, approved.
    const std::string& data_set = FormDataSetUid();
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      ReportKey key{data_set, kPeriod, server_.OrgUid(facility)};
      ReportingEvent event{"t", "fixture", "", "complete", key};
      if (!store_->Reporting().FindCompletion(key)) {
        store_->Reporting().PutCompletion(
            {key, month.start(), month.end(), "t", month.end(), "fixture"}, event);
      }
    }
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      if (!store_->GetValue(server_.Key(facility))) {
        store_->PutValues({{server_.Key(facility), month.start(), month.end(), "7", ""}},
                          "fixture");
      }
    }
  }

  const std::string& FormDataSetUid() {
    if (form_data_set_.empty()) {
      for (const DataSet& d : store_->LoadMetadata().data_sets) {
        if (d.code == kFormDataSet) form_data_set_ = d.uid;
      }
    }
    return form_data_set_;
  }

  void EnsureApproved() {
    Period month = *Period::Parse(kPeriod);
    const std::string& data_set = FormDataSetUid();
    for (const char* facility : {kOwnFacility, kOtherFacility}) {
      ReportKey key{data_set, kPeriod, server_.OrgUid(facility)};
      if (!store_->Reporting().FindApproval(key)) {
        store_->Reporting().PutApproval({key, month.start(), month.end(), "t", "fixture"},
                                        {"t", "fixture", "", "approve", key});
      }
    }
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  std::string form_data_set_;
};

TEST_F(AuthorizationMatrixTest, EveryRouteEveryRoleEveryCondition) {
  // Every route the router knows has a probe, and every probe names a route.
  std::set<std::pair<std::string, std::string>> routes, probed;
  for (const auto& route : server_.server().router().Routes()) routes.insert(route);
  std::vector<Probe> probes = Probes();
  for (const Probe& p : probes) probed.insert({std::string(http::to_string(p.method)), p.route});
  ASSERT_EQ(routes, probed);

  // Sessions that are already expired: opened 13 hours ago.
  std::map<std::string, std::string> expired_cookie;
  server_.SetClockOffset(-13 * 3600);
  for (const RoleUser& user : MatrixUsers()) {
    ApiClient client(server_.port());
    ASSERT_EQ(client.Login(user.username).status, 200);
    expired_cookie[user.username] = client.cookie();
  }
  server_.SetClockOffset(0);
  std::map<std::string, std::unique_ptr<ApiClient>> session;
  for (const RoleUser& user : MatrixUsers()) {
    session[user.username] = std::make_unique<ApiClient>(server_.port());
    ASSERT_EQ(session[user.username]->Login(user.username).status, 200);
  }

  int checked = 0;
  for (const Probe& probe : probes) {
    for (const RoleUser& user : MatrixUsers()) {
      for (Condition condition : {Condition::kOwn, Condition::kOther, Condition::kNoSession,
                                  Condition::kExpired, Condition::kBadCsrf}) {
        SCOPED_TRACE(std::string(http::to_string(probe.method)) + " " + probe.route + " as " +
                     user.username + ", " + Name(condition));
        bool own = condition != Condition::kOther;
        bool safe = probe.method == http::verb::get;
        bool expect_allowed = false;
        int refusal = 403;
        switch (condition) {
          case Condition::kOwn:
          case Condition::kOther:
            expect_allowed = probe.allowed(user.role, own);
            if (!own && probe.allowed(user.role, true)) refusal = probe.scope_refusal;
            break;
          case Condition::kNoSession:
          case Condition::kExpired:
            expect_allowed = probe.is_public;
            refusal = 401;
            break;
          case Condition::kBadCsrf:
            expect_allowed = probe.allowed(user.role, true) && (safe || probe.is_public);
            break;
        }
        EnsureValuesExist();
        if (probe.route == "/api/dataApprovals" && probe.method == http::verb::delete_) {
          EnsureApproved();
        }
        // A logout ends the session it is sent with: give it one of its own.
        ApiClient throwaway(server_.port());
        ApiClient* client = session[user.username].get();
        if (probe.route == "/api/auth/logout" &&
            (condition == Condition::kOwn || condition == Condition::kOther ||
             condition == Condition::kBadCsrf)) {
          ASSERT_EQ(throwaway.Login(user.username).status, 200);
          client = &throwaway;
        }
        ApiClient anonymous(server_.port());
        if (condition == Condition::kNoSession) client = &anonymous;
        if (condition == Condition::kExpired) {
          anonymous.UseCookie(expired_cookie[user.username]);
          anonymous.set_csrf(session[user.username]->csrf());
          client = &anonymous;
        }
        Headers extra;
        if (condition == Condition::kBadCsrf) extra.emplace_back("X-CSRF-Token", "bad");
        std::string body = probe.body(own, user);
        std::string target = probe.target(own);
        if (probe.route == "/api/me/tokens/{id}") {
          IssuedApiToken issued = NewApiToken(user.username, "to revoke", server_.Now());
          store_->PutApiToken(issued.record);
          target += std::to_string(store_->FindApiToken(issued.record.token_hash)->id);
        }
        std::string before = Snapshot();
        HttpResult result = client->Send(probe.method, target, body, std::move(extra));
        ++checked;
        if (expect_allowed) {
          EXPECT_EQ(result.status, probe.success) << result.body;
          if (probe.method == http::verb::put && probe.route == "/api/dataValues") {
            auto stored = store_->GetValue(server_.Key(Facility(own)));
            ASSERT_TRUE(stored);
            EXPECT_NE(body.find("\"value\":\"" + stored->value + "\""), std::string::npos);
            EXPECT_EQ(stored->stored_by, user.username);
          }
          if (probe.method == http::verb::delete_ && probe.route == "/api/dataValues") {
            EXPECT_FALSE(store_->GetValue(server_.Key(Facility(own))));
          }
        } else {
          EXPECT_EQ(result.status, refusal) << result.body;
          EXPECT_NE(result.body.find(refusal == 409 ? "\"E7617\"" : "\"error\""),
                    std::string::npos);
          EXPECT_EQ(Snapshot(), before);
        }
        if (probe.route == "/api/auth/logout" && condition == Condition::kBadCsrf) {
          EXPECT_EQ(throwaway.Get("/api/me").status, 200);  // the refused logout changed nothing
        }
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(probes.size() * MatrixUsers().size() * 5));
  // Every session used above is still valid: refusals did not log anyone out.
  for (const RoleUser& user : MatrixUsers()) {
    EXPECT_EQ(session[user.username]->Get("/api/me").status, 200);
  }
}

// The demo roles bound to the whole province: the clerk of TYT Mường Phăng writes only there;
// the province's manager writes anywhere; the viewer and the administrator write nowhere.
TEST_F(AuthorizationMatrixTest, ProvinceUsersAndTheStationClerk) {
  struct Case {
    const char* user;
    const char* facility;
    int status;
  };
  for (const Case& c : std::vector<Case>{{"tyt.muongphang", kOwnFacility, 200},
                                         {"tyt.muongphang", kOtherFacility, 403},
                                         {"thongke", kOwnFacility, 200},
                                         {"thongke", kOtherFacility, 200},
                                         {"xem", kOwnFacility, 403},
                                         {"admin", kOtherFacility, 403}}) {
    SCOPED_TRACE(std::string(c.user) + " -> " + c.facility);
    ApiClient client(server_.port());
    ASSERT_EQ(client.Login(c.user).status, 200);
    std::string before = Snapshot();
    HttpResult result = client.Put("/api/dataValues", ValueJson(c.facility, "4242"));
    EXPECT_EQ(result.status, c.status) << result.body;
    if (c.status != 200) {
      EXPECT_EQ(Snapshot(), before);
    }
  }
}

}  // namespace
}  // namespace solieu::testing
