// Many clerks at once: 50 clients write overlapping values for a bounded time (default 10 s; set
// SOLIEU_CONCURRENCY_SECONDS, e.g. 60 as the acceptance asks). Half write blindly, half
// read and send the value back as "expected" (compare-and-set, refused with 409 when someone
// wrote in between). Afterwards every acknowledged write is in the audit trail exactly once, no
// refused write is, the stored value is the last audited one, and the live engine agrees.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;

int DurationSeconds() {
  const char* text = std::getenv("SOLIEU_CONCURRENCY_SECONDS");
  int seconds = text ? std::atoi(text) : 10;
  return seconds > 0 ? seconds : 10;
}

// The stations whose values the clients fight over: a few keys, so writes overlap constantly.
const std::vector<std::string>& Facilities() {
  static const std::vector<std::string> facilities = {kOwnFacility, kOtherFacility, "TYT03127",
                                                      "TYT03151", "TYT03160"};
  return facilities;
}

TEST(ConcurrencyTest, NoAcknowledgedWriteIsLostOrDuplicated) {
  constexpr int kClients = 50;
  TestServer server([](server::ServerConfig& config) { config.http.worker_threads = 8; });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(DurationSeconds());

  std::mutex mutex;
  std::map<std::string, std::multiset<std::string>> acknowledged;  // facility -> values
  std::map<std::string, std::multiset<std::string>> refused;
  int conflicts = 0, errors = 0;
  std::vector<std::thread> clients;
  for (int id = 0; id < kClients; ++id) {
    clients.emplace_back([&, id] {
      ApiClient client(server.port());
      if (client.Login("thongke").status != 200) {
        std::lock_guard lock(mutex);
        ++errors;
        return;
      }
      bool compare_and_set = id % 4 < 2;
      for (long i = 0; std::chrono::steady_clock::now() < deadline; ++i) {
        const std::string& facility = Facilities()[(id + i) % Facilities().size()];
        std::string value = std::to_string(id * 10'000'000L + i + 1);  // never written before
        std::string extra;
        if (compare_and_set) {
          HttpResult current = client.Get(ValueTarget(facility));
          if (current.status == 200) {
            extra = "\"expected\":\"" +
                    std::string(json::parse(current.body).at("value").as_string()) + "\"";
          } else if (current.status == 404) {
            extra = "\"expected\":null";
          }
        }
        HttpResult result = client.Put("/api/dataValues", ValueJson(facility, value, extra));
        std::lock_guard lock(mutex);
        if (result.status == 200) {
          acknowledged[facility].insert(value);
        } else if (result.status == 409) {
          ++conflicts;
          refused[facility].insert(value);
        } else {
          ++errors;
          refused[facility].insert(value);
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(errors, 0);

  auto store = server.OpenStore();
  std::size_t total = 0;
  ApiClient reader(server.port());
  ASSERT_EQ(reader.Login("xem").status, 200);
  for (const std::string& facility : Facilities()) {
    SCOPED_TRACE(facility);
    std::vector<AuditEntry> trail = store->AuditTrail(server.Key(facility));
    std::multiset<std::string> audited;
    for (const AuditEntry& e : trail) {
      if (e.changed_by == "thongke") audited.insert(e.new_value.value_or(""));
    }
    EXPECT_EQ(audited, acknowledged[facility]);  // none lost, none duplicated
    for (const std::string& value : refused[facility]) EXPECT_EQ(audited.count(value), 0u);
    auto stored = store->GetValue(server.Key(facility));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->value, trail.back().new_value.value_or(""));
    // The live engine saw the same last write.
    HttpResult analytics = reader.Get(std::string("/api/analytics?dimension=dx:") + kElement +
                                      "&dimension=pe:" + kPeriod + "&dimension=ou:" + facility);
    ASSERT_EQ(analytics.status, 200);
    json::value parsed = json::parse(analytics.body);
    const json::array& rows = parsed.at("rows").as_array();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].as_array()[3].as_string(), stored->value);
    total += acknowledged[facility].size();
  }
  std::cerr << "[ concurrency ] " << kClients << " clients, " << DurationSeconds()
            << " s: " << total << " acknowledged writes, " << conflicts
            << " refused as conflicts\n";
  EXPECT_GT(total, static_cast<std::size_t>(kClients));
  EXPECT_GT(conflicts, 0);
}

}  // namespace
}  // namespace solieu::testing
