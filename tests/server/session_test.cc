// Login, logout, session expiry, CSRF, lock-out, API tokens and the TLS-proxy mode, over real HTTP.
#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "auth/secret.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace http = boost::beast::http;

class SessionTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(SessionTest, LoginSetsAHardenedCookieAndReturnsTheCsrfToken) {
  ApiClient client(server_.port());
  HttpResult login = client.Login("thongke");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("solieu_session=", 0), 0u);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP on loopback
  EXPECT_EQ(client.csrf().size(), 64u);
  EXPECT_NE(login.body.find("\"role\":\"province-data-manager\""), std::string::npos);
  HttpResult me = client.Get("/api/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_NE(me.body.find("\"csrfToken\":\"" + client.csrf() + "\""), std::string::npos);
  // The store keeps digests only.
  auto store = server_.OpenStore();
  std::string cookie_value = client.cookie().substr(client.cookie().find('=') + 1);
  EXPECT_FALSE(store->FindSession(cookie_value));
  EXPECT_TRUE(store->FindSession(Sha256Hex(cookie_value)));
}

TEST_F(SessionTest, WrongPasswordAndUnknownUserLookAlike) {
  ApiClient client(server_.port());
  HttpResult wrong = client.Login("thongke", "not-the-password");
  HttpResult unknown = client.Login("nobody", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
  auto attempts = server_.OpenStore()->LoginAttemptsSince(0, "thongke", "");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].outcome, LoginOutcome::kFailure);
  EXPECT_EQ(attempts[0].client, "127.0.0.1");
}

TEST_F(SessionTest, LoginNeedsAJsonBody) {
  HttpClient client(server_.port());
  HttpResult form =
      client.Send(http::verb::post, "/api/auth/login", "username=thongke&password=test-password-1",
                  {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(client.Send(http::verb::post, "/api/auth/login", "{\"username\":1}").status, 400);
  EXPECT_EQ(client.Send(http::verb::post, "/api/auth/login", "{\"username\":\"x\"}").status, 400);
  EXPECT_EQ(client.Send(http::verb::post, "/api/auth/login", "").status, 400);
}

TEST_F(SessionTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  ApiClient client(server_.port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.Login("xem", "wrong-password").status, 401);
  HttpResult locked = client.Login("xem");  // even the right password
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.body.find("auth.locked"), std::string::npos);
  int retry = std::stoi(locked.Header("retry-after"));
  EXPECT_GT(retry, 800);
  EXPECT_LE(retry, 900);
  EXPECT_EQ(client.Login("thongke").status, 200);  // other accounts are not affected
  server_.SetClockOffset(14 * 60);
  EXPECT_EQ(client.Login("xem").status, 429);
  server_.SetClockOffset(15 * 60 + 5);
  EXPECT_EQ(client.Login("xem").status, 200);
}

TEST_F(SessionTest, ManyFailuresFromOneAddressAreRateLimited) {
  ApiClient client(server_.port());
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(client.Login("spray" + std::to_string(i), "guess").status, 401);
  }
  HttpResult limited = client.Login("thongke");
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.body.find("auth.rate_limited"), std::string::npos);
}

TEST_F(SessionTest, IdleSessionsExpireAndActivityKeepsThemAlive) {
  ApiClient client(server_.port());
  ASSERT_EQ(client.Login("xem").status, 200);
  for (int minutes = 20; minutes <= 100; minutes += 20) {
    server_.SetClockOffset(minutes * 60);
    EXPECT_EQ(client.Get("/api/me").status, 200) << minutes;
  }
  server_.SetClockOffset(100 * 60 + 31 * 60);
  HttpResult expired = client.Get("/api/me");
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body.find("auth.session_expired"), std::string::npos);
  EXPECT_NE(expired.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client.Get("/api/me").status, 401);  // deleted, not revived
}

TEST_F(SessionTest, SessionsEndTwelveHoursAfterLoginWhateverTheActivity) {
  ApiClient client(server_.port());
  ASSERT_EQ(client.Login("xem").status, 200);
  int minutes = 0;
  for (; minutes < 12 * 60 - 20; minutes += 20) {
    server_.SetClockOffset(minutes * 60);
    ASSERT_EQ(client.Get("/api/me").status, 200) << minutes;
  }
  server_.SetClockOffset(12 * 3600);
  EXPECT_EQ(client.Get("/api/me").status, 401);
}

TEST_F(SessionTest, LogoutEndsTheSessionAndNeedsTheCsrfToken) {
  ApiClient client(server_.port());
  ASSERT_EQ(client.Login("xem").status, 200);
  std::string csrf = client.csrf();
  client.set_csrf("");
  EXPECT_EQ(client.Post("/api/auth/logout", "").status, 403);
  EXPECT_EQ(client.Get("/api/me").status, 200);
  client.set_csrf(csrf);
  HttpResult logout = client.Post("/api/auth/logout", "");
  EXPECT_EQ(logout.status, 200);
  EXPECT_NE(logout.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client.Get("/api/me").status, 401);
  EXPECT_EQ(client.Post("/api/auth/logout", "").status, 401);
}

TEST_F(SessionTest, StateChangesNeedTheSessionsOwnCsrfToken) {
  ApiClient clerk(server_.port()), other(server_.port());
  ASSERT_EQ(clerk.Login("tyt.muongphang").status, 200);
  ASSERT_EQ(other.Login("thongke").status, 200);
  std::string body = ValueJson(kOwnFacility, "11");
  EXPECT_EQ(clerk.Put("/api/dataValues", body, {{"X-CSRF-Token", ""}}).status, 403);
  // One hex digit changed (never to itself: the token is random and may already start with '0').
  std::string altered = clerk.csrf();
  altered[0] = altered[0] == '0' ? '1' : '0';
  EXPECT_EQ(clerk.Put("/api/dataValues", body, {{"X-CSRF-Token", altered}}).status, 403);
  EXPECT_EQ(clerk.Put("/api/dataValues", body, {{"X-CSRF-Token", other.csrf()}}).status, 403);
  EXPECT_EQ(server_.OpenStore()->GetValue(server_.Key(kOwnFacility))->value, "10");
  HttpResult ok = clerk.Put("/api/dataValues", body);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(server_.OpenStore()->GetValue(server_.Key(kOwnFacility))->value, "11");
  // Reading needs no token.
  EXPECT_EQ(clerk.Get(ValueTarget(kOwnFacility)).status, 200);
}

TEST_F(SessionTest, ApiTokensAuthenticateWithoutCsrf) {
  IssuedApiToken issued = NewApiToken("tyt.muongphang", "etl", server_.Now());
  server_.OpenStore()->PutApiToken(issued.record);
  ApiClient machine(server_.port());
  machine.UseToken(issued.token);
  HttpResult me = machine.Get("/api/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_NE(me.body.find("\"authenticatedBy\":\"token\""), std::string::npos);
  EXPECT_EQ(me.body.find("csrfToken"), std::string::npos);
  EXPECT_EQ(machine.Put("/api/dataValues", ValueJson(kOwnFacility, "12")).status, 200);
  auto trail = server_.OpenStore()->AuditTrail(server_.Key(kOwnFacility));
  EXPECT_EQ(trail.back().changed_by, "tyt.muongphang");

  ApiClient forged(server_.port());
  forged.UseToken(issued.token + "x");
  EXPECT_EQ(forged.Get("/api/me").status, 401);
  HttpClient basic(server_.port());
  EXPECT_EQ(basic.Get("/api/me", {{"Authorization", "Basic eHl6OmFiYw=="}}).status, 401);
}

TEST(SessionTlsTest, BehindTlsCookiesAreSecureAndHstsIsSent) {
  TestServer server([](server::ServerConfig& config) { config.behind_tls = true; });
  ApiClient client(server.port());
  HttpResult login = client.Login("xem");
  ASSERT_EQ(login.status, 200);
  EXPECT_NE(login.Header("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_NE(login.Header("strict-transport-security").find("max-age="), std::string::npos);
  // The proxy's X-Real-IP names the client for rate limits, the login log and the access log.
  HttpClient proxy(server.port());
  EXPECT_EQ(proxy
                .Send(http::verb::post, "/api/auth/login",
                      "{\"username\":\"xem\",\"password\":\"wrong-password\"}",
                      {{"X-Real-IP", "203.0.113.7"}})
                .status,
            401);
  auto attempts = server.OpenStore()->LoginAttemptsSince(0, "xem", "");
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_EQ(attempts[0].client, "127.0.0.1");
  EXPECT_EQ(attempts[1].client, "203.0.113.7");
  EXPECT_EQ(proxy.Get("/api/health", {{"X-Real-IP", "not an address"}}).status, 200);
}

}  // namespace
}  // namespace solieu::testing
