#include "test_server.h"

#include <fstream>

#include "auth/password.h"
#include "config/config_loader.h"
#include "core/org_hierarchy.h"
#include "core/period.h"

namespace solieu::testing {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

const std::vector<TestUser>& TestUsers() {
  static const std::vector<TestUser> users = {
      {"admin", "administrator", "11"},
      {"thongke", "province-data-manager", "11"},
      {"tyt.muongphang", "facility-data-clerk", kOwnFacility},
      {"xem", "viewer", "11"},
      {"m.admin", "administrator", kOwnCommune},
      {"m.manager", "province-data-manager", kOwnCommune},
      {"m.clerk", "facility-data-clerk", kOwnFacility},
      {"m.viewer", "viewer", kOwnCommune},
  };
  return users;
}

namespace {

std::atomic<int> next_dir{0};

const MetadataSnapshot& DienBienMetadata() {
  static const MetadataSnapshot metadata =
      LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien").metadata;
  return metadata;
}

}  // namespace

TestServer::TestServer(std::function<void(server::ServerConfig&)> configure,
                       std::function<void(Store&)> seed)
    : clock_offset_(std::make_shared<std::atomic<std::int64_t>>(0)),
      log_mutex_(std::make_shared<std::mutex>()),
      log_(std::make_shared<std::vector<std::string>>()),
      metadata_(DienBienMetadata()) {
  dir_ = fs::temp_directory_path() /
         ("solieu_server_test_" + std::to_string(::getpid()) + "_" + std::to_string(next_dir++));
  fs::remove_all(dir_);
  fs::create_directories(dir_ / "web" / "assets");
  std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>solieu</title>";
  std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log('solieu');\n";
  std::ofstream(dir_ / "secret.txt") << "TOP-SECRET-OUTSIDE-WEB-ROOT";
  {
    auto store = Store::Open(store_path());
    store->ApplyMetadata(metadata_);
    for (const TestUser& user : TestUsers()) {
      // As in the demo: the province data manager is in group hiv (the HIV figures), no one else.
      std::vector<std::string> groups;
      if (user.username == "thongke") groups.push_back(kHivGroup);
      store->PutUser({user.username,
                      HashPassword(kPassword, PasswordCost::Minimum()),
                      user.role,
                      {OrgUid(user.org_code)},
                      false,
                      groups});
    }
    Period month = *Period::Parse(kPeriod);
    store->PutValues({{Key(kOwnFacility), month.start(), month.end(), "10", "seed"},
                      {Key(kOtherFacility), month.start(), month.end(), "20", "seed"}},
                     "seed");
    if (seed) seed(*store);
  }
  server::ServerConfig config;
  config.store = store_path();
  config.listen = "127.0.0.1:0";
  config.web_dir = (dir_ / "web").string();
  config.config_dir = std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien";
  auto offset = clock_offset_;
  config.clock = [offset] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count() +
           offset->load();
  };
  config.today = [] { return Date(2025, 9, 15); };
  config.password_cost = PasswordCost::Minimum();
  config.surveillance_interval = std::chrono::seconds(0);
  config.http.worker_threads = 4;
  config.http.handle_signals = false;
  config.http.header_timeout = std::chrono::seconds(5);
  config.http.shutdown_grace = std::chrono::seconds(10);
  auto mutex = log_mutex_;
  auto log = log_;
  config.http.access_log = [mutex, log](const std::string& line) {
    std::lock_guard lock(*mutex);
    log->push_back(line);
  };
  if (configure) configure(config);
  server_ = std::make_unique<server::SolieuServer>(config);
  port_ = server_->port();
  thread_ = std::thread([this] { server_->Run(); });
}

TestServer::~TestServer() {
  Stop();
  server_.reset();
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

void TestServer::Stop() {
  if (!thread_.joinable()) return;
  server_->Stop();
  thread_.join();
}

std::int64_t TestServer::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() +
         clock_offset_->load();
}

std::vector<std::string> TestServer::AccessLog() const {
  std::lock_guard lock(*log_mutex_);
  return *log_;
}

std::string TestServer::OrgUid(const std::string& code) const {
  static const OrgHierarchy hierarchy(DienBienMetadata().org_units, DienBienMetadata().parent_links,
                                      DienBienMetadata().org_events);
  const OrgUnit* unit = hierarchy.FindByCode(code, Date(2025, 9, 15));
  return unit ? unit->uid : "";
}

std::string TestServer::ElementUid(const std::string& code) const {
  for (const DataElement& d : metadata_.data_elements) {
    if (d.code == code) return d.uid;
  }
  return "";
}

DataValueKey TestServer::Key(const std::string& facility) const {
  return {ElementUid(kElement), kPeriod, OrgUid(facility), DefaultCategoryOptionComboUid(),
          DefaultCategoryOptionComboUid()};
}

HttpResult ApiClient::Login(const std::string& username, const std::string& password) {
  HttpResult result =
      http_.Send(http::verb::post, "/api/auth/login",
                 "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  if (result.status == 200) {
    std::string set_cookie = result.Header("set-cookie");
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    size_t at = result.body.find("\"csrfToken\":\"");
    if (at != std::string::npos) {
      at += 13;
      csrf_ = result.body.substr(at, result.body.find('"', at) - at);
    }
  }
  return result;
}

HttpResult ApiClient::Send(http::verb method, const std::string& target, const std::string& body,
                           Headers extra) {
  if (!token_.empty()) extra.emplace_back("Authorization", "Bearer " + token_);
  if (!cookie_.empty()) extra.emplace_back("Cookie", cookie_);
  bool safe = method == http::verb::get || method == http::verb::head;
  bool has_csrf = false;
  for (const auto& [name, value] : extra) has_csrf = has_csrf || name == "X-CSRF-Token";
  if (!safe && !csrf_.empty() && !has_csrf) extra.emplace_back("X-CSRF-Token", csrf_);
  return http_.Send(method, target, body, extra);
}

HttpResult ApiClient::Get(const std::string& target, Headers extra) {
  return Send(http::verb::get, target, "", std::move(extra));
}
HttpResult ApiClient::Put(const std::string& target, const std::string& json, Headers extra) {
  return Send(http::verb::put, target, json, std::move(extra));
}
HttpResult ApiClient::Post(const std::string& target, const std::string& json, Headers extra) {
  return Send(http::verb::post, target, json, std::move(extra));
}
HttpResult ApiClient::Delete(const std::string& target, Headers extra) {
  return Send(http::verb::delete_, target, "", std::move(extra));
}

std::string ValueJson(const std::string& ou, const std::string& value,
                      const std::string& extra_fields) {
  return std::string("{\"de\":\"") + kElement + "\",\"pe\":\"" + kPeriod + "\",\"ou\":\"" + ou +
         "\",\"value\":\"" + value + "\"" + (extra_fields.empty() ? "" : "," + extra_fields) + "}";
}

std::string ValueTarget(const std::string& ou) {
  return std::string("/api/dataValues?de=") + kElement + "&pe=" + kPeriod + "&ou=" + ou;
}

}  // namespace solieu::testing
