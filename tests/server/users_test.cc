// Accounts and tokens over real HTTP: administrators see and manage the accounts inside their own
// org units only; passwords follow the policy; a disabled account cannot log in; a user's token
// works until revoked and fails at once after; every change is logged without its secrets.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <set>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

std::set<std::string> Usernames(const HttpResult& result) {
  std::set<std::string> out;
  json::value parsed = json::parse(result.body);
  for (const json::value& u : parsed.at("users").as_array()) {
    out.insert(std::string(u.at("username").as_string()));
  }
  return out;
}

class UsersTest : public ::testing::Test {
 protected:
  UsersTest()
      : store_(server_.OpenStore()), admin_(server_.port()), commune_admin_(server_.port()) {
    EXPECT_EQ(admin_.Login("admin").status, 200);
    EXPECT_EQ(commune_admin_.Login("m.admin").status, 200);
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  ApiClient admin_;
  ApiClient commune_admin_;  // an administrator bound to commune 03325
};

TEST_F(UsersTest, AdministratorsManageTheAccountsOfTheirOwnUnits) {
  HttpResult all = admin_.Get("/api/users");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(Usernames(all).size(), TestUsers().size());
  // The commune's administrator sees the accounts bound inside the commune only.
  EXPECT_EQ(
      Usernames(commune_admin_.Get("/api/users")),
      (std::set<std::string>{"m.admin", "m.clerk", "m.manager", "m.viewer", "tyt.muongphang"}));

  const std::string create = std::string(R"({"role":"facility-data-clerk","orgUnits":[")") +
                             kOtherFacility + R"("],"password":"mat-khau-du-dai-1"})";
  HttpResult created = admin_.Put("/api/users/tyt.sinthau", create);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body).at("orgUnits").at(0).at("code").as_string(), kOtherFacility);
  ApiClient new_clerk(server_.port());
  EXPECT_EQ(new_clerk.Login("tyt.sinthau", "mat-khau-du-dai-1").status, 200);
  EXPECT_EQ(new_clerk.Put("/api/dataValues", ValueJson(kOtherFacility, "5")).status, 200);

  // Refusals: outside the administrator's units, weak passwords, bad names, non-administrators.
  EXPECT_EQ(commune_admin_.Put("/api/users/tyt.sinthau", R"({"disabled":true})").status, 403);
  EXPECT_EQ(commune_admin_
                .Put("/api/users/x.new", R"({"role":"viewer","orgUnits":["11"],)"
                                         R"("password":"mat-khau-du-dai-2"})")
                .status,
            403);
  HttpResult weak =
      admin_.Put("/api/users/x.weak", R"({"role":"viewer","orgUnits":["11"],"password":"ngan"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("auth.weak_password"), std::string::npos);
  EXPECT_EQ(admin_.Put("/api/users/Bad%20Name", R"({"role":"viewer"})").status, 400);
  EXPECT_EQ(admin_
                .Put("/api/users/x.role", R"({"role":"boss","orgUnits":["11"],)"
                                          R"("password":"mat-khau-du-dai-3"})")
                .status,
            400);
  EXPECT_FALSE(store_->FindUser("x.weak"));
  EXPECT_FALSE(store_->FindUser("x.role"));
  ApiClient manager(server_.port());
  ASSERT_EQ(manager.Login("thongke").status, 200);
  EXPECT_EQ(manager.Get("/api/users").status, 403);

  // Disabled: no more logins, and the open session stops working.
  ASSERT_EQ(admin_.Put("/api/users/tyt.sinthau", R"({"disabled":true})").status, 200);
  EXPECT_NE(ApiClient(server_.port()).Login("tyt.sinthau", "mat-khau-du-dai-1").status, 200);
  EXPECT_EQ(new_clerk.Get("/api/me").status, 401);
  EXPECT_EQ(admin_.Put("/api/users/admin", R"({"disabled":true})").status, 400);

  // The log: who, from where, what; never the password.
  bool logged = false;
  for (const AdminEvent& e : store_->AdminEvents(50)) {
    EXPECT_EQ(e.detail.find("mat-khau"), std::string::npos);
    if (e.action == "create_user" && e.target == "tyt.sinthau") {
      logged = true;
      EXPECT_EQ(e.username, "admin");
      EXPECT_EQ(e.client, "127.0.0.1");
    }
  }
  EXPECT_TRUE(logged);
}

TEST_F(UsersTest, TokensWorkUntilRevoked) {
  ApiClient clerk(server_.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);
  HttpResult created = clerk.Post("/api/me/tokens", R"({"label":"máy tính bảng"})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::value token = json::parse(created.body);
  const std::string secret(token.at("token").as_string());
  const std::int64_t id = token.at("id").as_int64();

  ApiClient machine(server_.port());
  machine.UseToken(secret);
  ASSERT_EQ(machine.Get("/api/me").status, 200);
  json::value tokens = json::parse(clerk.Get("/api/me/tokens").body);
  const json::array& listed = tokens.at("tokens").as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("label").as_string(), "máy tính bảng");
  EXPECT_FALSE(listed[0].as_object().contains("token"));  // shown once, at creation

  // Only its owner can revoke it; then it fails at once.
  EXPECT_EQ(admin_.Delete("/api/me/tokens/" + std::to_string(id)).status, 404);
  EXPECT_EQ(machine.Get("/api/me").status, 200);
  EXPECT_EQ(clerk.Delete("/api/me/tokens/" + std::to_string(id)).status, 200);
  EXPECT_EQ(machine.Get("/api/me").status, 401);
  EXPECT_EQ(clerk.Delete("/api/me/tokens/" + std::to_string(id)).status, 404);
  EXPECT_EQ(clerk.Delete("/api/me/tokens/abc").status, 400);
}

}  // namespace
}  // namespace solieu::testing
