// The `solieu` command as the department's administrator uses it: a real binary, a real SQLite
// file, the real Điện Biên configuration.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solieu_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = (dir_ / "solieu.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result Run(const std::vector<std::string>& args) const {
    std::string command = Quote(std::string(SOLIEU_BINARY_DIR) + "/solieu");
    for (const auto& a : args) command += " " + Quote(a);
    std::string err_path = (dir_ / "stderr.txt").string();
    command += " 2>" + Quote(err_path);
    Result r{};
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path);
    r.err.assign(std::istreambuf_iterator<char>(err), {});
    return r;
  }

  Result InitDienBien() const {
    return Run({"init", "--store", store_, "--config",
                std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien"});
  }

  static std::map<std::string, int> LevelCounts(const std::string& csv) {
    std::map<std::string, int> counts;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "code,name,level,parent_code");
    while (std::getline(in, line)) {
      // level is the third field; names with commas are quoted
      std::vector<std::string> fields;
      std::string field;
      bool quoted = false;
      for (char c : line) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.push_back(field);
          field.clear();
        } else {
          field += c;
        }
      }
      fields.push_back(field);
      EXPECT_EQ(fields.size(), 4u) << line;
      if (fields.size() == 4) ++counts[fields[2]];
    }
    return counts;
  }

  fs::path dir_;
  std::string store_;
};

TEST_F(CliTest, InitLoadsDienBienAndTheTreeShowsTheReform) {
  Result init = InitDienBien();
  ASSERT_EQ(init.exit_code, 0) << init.err;
  Result before =
      Run({"org", "tree", "--store", store_, "--as-of", "2025-06-30", "--format", "csv"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  auto counts = LevelCounts(before.out);
  EXPECT_EQ(counts["province"], 1);
  EXPECT_EQ(counts["district"], 10);
  EXPECT_EQ(counts["commune"], 129);
  Result after =
      Run({"--store", store_, "org", "tree", "--as-of", "2025-07-01", "--format", "csv"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  counts = LevelCounts(after.out);
  EXPECT_EQ(counts["district"], 0);
  EXPECT_EQ(counts["commune"], 45);
}

TEST_F(CliTest, ReRunningInitChangesNothing) {
  ASSERT_EQ(InitDienBien().exit_code, 0);
  Result again = InitDienBien();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 mới / created, 0 cập nhật / updated"), std::string::npos)
      << again.out;
}

TEST_F(CliTest, ABrokenConfigurationIsRefusedAndTheStoreIsUnchanged) {
  ASSERT_EQ(InitDienBien().exit_code, 0);
  Result tree_before =
      Run({"org", "tree", "--store", store_, "--format", "csv", "--as-of", "2025-07-01"});
  fs::path broken = dir_ / "broken";
  fs::copy(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien", broken);
  std::ofstream(broken / "org_units.csv", std::ios::app)
      << "99999,Xã Lạ,Unknown Commune,commune,,,777,2025-07-01,,\n";
  Result refused = Run({"init", "--store", store_, "--config", broken.string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("org_units.csv:"), std::string::npos) << refused.err;
  Result tree_after =
      Run({"org", "tree", "--store", store_, "--format", "csv", "--as-of", "2025-07-01"});
  EXPECT_EQ(tree_before.out, tree_after.out);
}

TEST_F(CliTest, PutGetAndAuditAValue) {
  ASSERT_EQ(InitDienBien().exit_code, 0);
  Result list = Run({"metadata", "list", "data-elements", "--store", store_, "--format", "csv"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  // The first integer element of the configuration, whatever it is called.
  std::istringstream rows(list.out);
  std::string line, code;
  std::getline(rows, line);
  while (std::getline(rows, line)) {
    if (line.find(",INTEGER") != std::string::npos && line.find(",default,") != std::string::npos) {
      code = line.substr(0, line.find(','));
      break;
    }
  }
  ASSERT_FALSE(code.empty()) << "no integer data element without disaggregation";
  std::vector<std::string> key = {"--store", store_,   "--de", code,
                                  "--pe",    "202403", "--ou", "03325"};
  auto with = [&](std::vector<std::string> head, std::vector<std::string> tail = {}) {
    head.insert(head.end(), key.begin(), key.end());
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
  };
  EXPECT_EQ(Run(with({"value", "put"}, {"--value", "12"})).exit_code, 0);
  EXPECT_EQ(Run(with({"value", "put"}, {"--value", "15"})).exit_code, 0);
  Result bad = Run(with({"value", "put"}, {"--value", "1.250"}));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("không phải số nguyên"), std::string::npos) << bad.err;
  Result get = Run(with({"value", "get"}, {"--format", "csv"}));
  ASSERT_EQ(get.exit_code, 0) << get.err;
  EXPECT_NE(get.out.find(",15,"), std::string::npos) << get.out;
  Result audit = Run(with({"value", "audit"}, {"--format", "csv"}));
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find("CREATE,,12,"), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("UPDATE,12,15,"), std::string::npos) << audit.out;
}

TEST_F(CliTest, UserErrorsExitWithOneAndSayWhyInBothLanguages) {
  ASSERT_EQ(InitDienBien().exit_code, 0);
  Result date = Run({"org", "tree", "--store", store_, "--as-of", "2025-13-01"});
  EXPECT_EQ(date.exit_code, 1);
  EXPECT_NE(date.err.find("không hợp lệ"), std::string::npos);
  EXPECT_NE(date.err.find("invalid date"), std::string::npos);
  Result unit = Run({"org", "show", "--store", store_, "88888"});
  EXPECT_EQ(unit.exit_code, 1);
  EXPECT_EQ(Run({"metadata", "list", "nonsense", "--store", store_}).exit_code, 1);
  EXPECT_EQ(Run({"org", "tree", "--format", "xml", "--store", store_}).exit_code, 1);
  EXPECT_EQ(Run({"no-such-command"}).exit_code, 1);
}

TEST_F(CliTest, ListingsComeAsJson) {
  ASSERT_EQ(InitDienBien().exit_code, 0);
  Result json = Run({"org", "tree", "--store", store_, "--as-of", "2025-07-01", "--root", "03325",
                     "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.rfind("[{\"code\":\"03325\",\"name\":\"Xã Mường Phăng\"", 0), 0u) << json.out;
}

}  // namespace
