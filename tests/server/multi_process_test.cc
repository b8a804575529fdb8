// Two server processes on one store: the in-process test server and a real `solieu serve` spawned
// on the same store. A value written through one reaches the other's analytics (its change
// follower), and a server killed with SIGKILL in the middle of an import leaves no part of the
// import and loses no value it acknowledged. Runs on the SQLite file and, in the suite's
// PostgreSQL run (SOLIEU_TEST_POSTGRES), on one PostgreSQL schema.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <set>
#include <thread>

#include "test_server.h"

extern char** environ;

namespace solieu::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

unsigned short FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

// `solieu serve` on the test server's store, as a process of its own.
class ServerProcess {
 public:
  ServerProcess(const std::string& store, unsigned short port) : port_(port) {
    std::vector<std::string> args = {SOLIEU_BINARY_DIR "/solieu",
                                     "--store",
                                     store,
                                     "serve",
                                     "--listen",
                                     "127.0.0.1:" + std::to_string(port),
                                     "--config",
                                     SOLIEU_SOURCE_DIR "/config/dien-bien",
                                     "--surveillance-hours",
                                     "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    EXPECT_EQ(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    HttpClient probe(port);
    for (auto until = Clock::now() + std::chrono::seconds(60); Clock::now() < until;) {
      if (probe.Get("/api/health").status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "solieu serve did not answer on port " << port;
  }
  ~ServerProcess() {
    if (pid_ > 0) Kill(SIGTERM);
  }
  void Kill(int signal) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
  }
  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  unsigned short port_;
  pid_t pid_ = 0;
};

std::string AnalyticsTarget(const std::string& ou) {
  return std::string("/api/analytics?dimension=dx:") + kElement + "&dimension=pe:" + kPeriod +
         "&dimension=ou:" + ou;
}

// The value of the analytics grid's only cell, "" when there is none.
std::string Cell(const HttpResult& result) {
  if (result.status != 200) return "status " + std::to_string(result.status);
  json::value body = json::parse(result.body);
  const json::array& rows = body.at("rows").as_array();
  return rows.empty() ? "" : std::string(rows.at(0).as_array().at(3).as_string());
}

class MultiProcessTest : public ::testing::Test {
 protected:
  MultiProcessTest() : other_(server_.store_path(), FreePort()) {}

  TestServer server_;
  ServerProcess other_;
};

TEST_F(MultiProcessTest, AValueWrittenThroughOneServerReachesTheOthersAnalytics) {
  ApiClient here(server_.port());
  ApiClient there(other_.port());
  ASSERT_EQ(here.Login("thongke").status, 200);
  ASSERT_EQ(there.Login("thongke").status, 200);
  ASSERT_EQ(Cell(there.Get(AnalyticsTarget(kOwnFacility))), "10");  // the seed

  auto wait_for = [](ApiClient& client, const std::string& expected) {
    auto start = Clock::now();
    while (Cell(client.Get(AnalyticsTarget(kOwnFacility))) != expected &&
           Clock::now() - start < std::chrono::seconds(10)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  ASSERT_EQ(here.Put("/api/dataValues", ValueJson(kOwnFacility, "37")).status, 200);
  double seconds = wait_for(there, "37");
  EXPECT_EQ(Cell(there.Get(AnalyticsTarget(kOwnFacility))), "37");
  std::printf("written in-process, seen by the other process after %.3f s\n", seconds);

  ASSERT_EQ(there.Put("/api/dataValues", ValueJson(kOwnFacility, "41")).status, 200);
  seconds = wait_for(here, "41");
  EXPECT_EQ(Cell(here.Get(AnalyticsTarget(kOwnFacility))), "41");
  std::printf("written by the other process, seen in-process after %.3f s\n", seconds);
}

// A CSV import large enough to be still running when the server is killed: every numeric
// element without disaggregation of the data sets assigned to health stations, at every station,
// for eight months after the reform.
std::string LargeImport(const MetadataSnapshot& m, size_t* rows) {
  std::string default_combo;
  for (const CategoryCombo& c : m.category_combos) {
    if (c.code == "default") default_combo = c.uid;
  }
  std::set<std::string> stations;
  for (const OrgUnit& u : m.org_units) {
    if (u.facility_type == "tyt" && u.validity.from && *u.validity.from <= Date(2025, 8, 1) &&
        !u.validity.to) {
      stations.insert(u.uid);
    }
  }
  std::map<std::string, const DataElement*> elements;
  for (const DataElement& e : m.data_elements) elements[e.uid] = &e;
  std::string csv = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n";
  *rows = 0;
  for (const DataSet& d : m.data_sets) {
    if (d.period_type != "Monthly") continue;
    for (const std::string& unit : d.org_unit_uids) {
      if (!stations.count(unit)) continue;
      for (const std::string& de : d.data_element_uids) {
        const DataElement* e = elements.at(de);
        if (e->category_combo_uid != default_combo || !e->user_group.empty() ||
            (e->value_type != ValueType::kInteger && e->value_type != ValueType::kNumber &&
             e->value_type != ValueType::kIntegerZeroOrPositive)) {
          continue;
        }
        for (const char* period :
             {"202508", "202509", "202510", "202511", "202512", "202601", "202602", "202603"}) {
          csv += de + "," + period + "," + unit + ",,,1\n";
          ++*rows;
        }
      }
    }
  }
  return csv;
}

TEST_F(MultiProcessTest, AServerKilledMidImportLeavesNoPartOfItAndKeepsWhatItAcknowledged) {
  const char* postgres = std::getenv("SOLIEU_TEST_POSTGRES");
  if (postgres == nullptr || *postgres == '\0') {
    GTEST_SKIP() << "needs the PostgreSQL run: it watches the server's write lock there";
  }
  ApiClient there(other_.port());
  ASSERT_EQ(there.Login("thongke").status, 200);
  ASSERT_EQ(there.Put("/api/dataValues", ValueJson(kOwnFacility, "53")).status, 200);

  auto store = server_.OpenStore();
  size_t rows = 0;
  std::string csv = LargeImport(store->LoadMetadata(), &rows);
  ASSERT_GT(rows, 5000u);
  long long before = store->LastValueChangeId();
  auto import = std::async(std::launch::async, [&] {
    // Rows a station does not report (a unit outside the element's form) are left out, the rest
    // written in one transaction.
    return there.Send(boost::beast::http::verb::post, "/api/dataValueSets?atomicMode=NONE", csv,
                      {{"Content-Type", "text/csv"}});
  });
  // The import holds the store's write lock (an advisory lock) while it writes: kill the server
  // once it has held it for a while.
  std::string locked = std::string("psql '") + postgres +
                       "' -Atc \"SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid "
                       "= l.pid WHERE l.locktype = 'advisory' AND l.granted AND "
                       "a.application_name = 'solieu " +
                       std::to_string(other_.pid()) + "'\" 2>/dev/null | grep -qx '[1-9][0-9]*'";
  bool held = false;
  for (auto until = Clock::now() + std::chrono::seconds(60); !held && Clock::now() < until;) {
    held = std::system(locked.c_str()) == 0;
    if (!held) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!held) {
    FAIL() << "the import never took the write lock: " << import.get().body.substr(0, 800);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  other_.Kill(SIGKILL);
  HttpResult response = import.get();
  EXPECT_EQ(response.status, 0) << "the import finished before the kill: make it larger";

  // What the killed server acknowledged is there; nothing of the import is.
  auto value = store->GetValue(server_.Key(kOwnFacility));
  ASSERT_TRUE(value);
  EXPECT_EQ(value->value, "53");
  EXPECT_TRUE(store->ValueChangesAfter(before, 10).empty());
  // The lock died with the killed server's connection: the other server writes again.
  ApiClient here(server_.port());
  ASSERT_EQ(here.Login("thongke").status, 200);
  EXPECT_EQ(here.Put("/api/dataValues", ValueJson(kOwnFacility, "54")).status, 200);
  std::printf("import of %zu rows killed mid-way; nothing of it stored\n", rows);
}

}  // namespace
}  // namespace solieu::testing
