// tests/server/test_server: a real solieu server for the tests: a fresh SQLite store with the
// Điện Biên configuration, test users of every role, two seeded values, a web folder, the server
// running in-process on an ephemeral loopback port, a clock the tests can move, and the access log
// captured. ApiClient is a logged-in (or token-carrying) client of it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http_client.h"
#include "server/solieu_server.h"
#include "store/store.h"

namespace solieu::testing {

// What the tests write to: a commune health station in the user's subtree and one outside it
// (both opened with the 2025 reform), a count, a month after the reform.
inline constexpr const char* kOwnCommune = "03325";      // Xã Mường Phăng
inline constexpr const char* kOwnFacility = "TYT03325";  // its health station
inline constexpr const char* kOtherCommune = "03158";    // Xã Sín Thầu
inline constexpr const char* kOtherFacility = "TYT03158";
inline constexpr const char* kElement = "ARI_TREATED";  // INTEGER_ZERO_OR_POSITIVE, SUM
inline constexpr const char* kPeriod = "202508";
inline constexpr const char* kPassword = "test-password-1";
inline constexpr const char* kHivGroup = "hiv";
inline constexpr const char* kHivElement = "HIV_NEW";  // restricted to group hiv, SUM

struct TestUser {
  std::string username;
  std::string role;
  std::string org_code;
};

// admin, thongke, tyt.muongphang, xem (as the demo, bound to the province or TYT03325), and
// m.admin, m.manager, m.clerk, m.viewer bound to commune 03325 / TYT03325 only, for the
// authorization matrix. All with kPassword.
const std::vector<TestUser>& TestUsers();

class TestServer {
 public:
  // `seed` writes more into the store before the server opens it.
  explicit TestServer(std::function<void(server::ServerConfig&)> configure = {},
                      std::function<void(Store&)> seed = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  unsigned short port() const { return port_; }
  server::SolieuServer& server() { return *server_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::string store_path() const { return (dir_ / "store.db").string(); }

  // A connection of the test's own, to look at what the server stored.
  std::unique_ptr<Store> OpenStore() const { return Store::Open(store_path()); }
  // The uid of the unit holding `code` on 2025-09-15.
  std::string OrgUid(const std::string& code) const;
  std::string ElementUid(const std::string& code) const;
  DataValueKey Key(const std::string& facility) const;  // kElement, kPeriod, default combos

  void SetClockOffset(std::int64_t seconds) { clock_offset_->store(seconds); }
  std::int64_t Now() const;

  std::vector<std::string> AccessLog() const;

  // Graceful stop; the destructor calls it.
  void Stop();

 private:
  std::filesystem::path dir_;
  std::shared_ptr<std::atomic<std::int64_t>> clock_offset_;
  std::shared_ptr<std::mutex> log_mutex_;
  std::shared_ptr<std::vector<std::string>> log_;
  std::unique_ptr<server::SolieuServer> server_;
  std::thread thread_;
  unsigned short port_ = 0;
  MetadataSnapshot metadata_;
};

// A client that logs in (session cookie + CSRF token) or carries an API token.
class ApiClient {
 public:
  explicit ApiClient(unsigned short port) : http_(port) {}

  HttpResult Login(const std::string& username, const std::string& password = kPassword);
  void UseToken(const std::string& token) { token_ = token; }
  void UseCookie(const std::string& cookie) { cookie_ = cookie; }

  HttpResult Get(const std::string& target, Headers extra = {});
  HttpResult Put(const std::string& target, const std::string& json, Headers extra = {});
  HttpResult Post(const std::string& target, const std::string& json, Headers extra = {});
  HttpResult Delete(const std::string& target, Headers extra = {});
  HttpResult Send(boost::beast::http::verb method, const std::string& target,
                  const std::string& body, Headers extra);

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }
  void set_csrf(std::string csrf) { csrf_ = std::move(csrf); }
  HttpClient& http() { return http_; }

 private:
  HttpClient http_;
  std::string cookie_;  // "solieu_session=..."
  std::string csrf_;
  std::string token_;
};

// {"de":..,"pe":..,"ou":..,"value":..} for a PUT.
std::string ValueJson(const std::string& ou, const std::string& value,
                      const std::string& extra_fields = "");
// "/api/dataValues?de=..&pe=..&ou=.." for GET/DELETE.
std::string ValueTarget(const std::string& ou);

}  // namespace solieu::testing
