// The stored demo passes the configuration's own validation rules: `solieu validate` over 2021
// and 2025 (months, quarters, the year, and the weeks of the notifiable-disease reports) finds no
// violation, as the department's staff would check it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

TEST(DemoValidationTest, TheDemoStorePassesEveryValidationRuleIn2021And2025) {
  fs::path scratch =
      fs::temp_directory_path() / ("solieu_demo_validation_" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  ASSERT_FALSE(testing::DemoStore().empty());
  for (auto [from, to] : {std::pair{"202101", "202112"}, std::pair{"202501", "202512"},
                          std::pair{"2025W01", "2025W52"}}) {
    testing::CommandResult r =
        testing::RunSolieu({"--store", testing::DemoStore(), "validate", "--org", "11", "--from",
                            from, "--to", to, "--format", "csv"},
                           scratch);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The header row and nothing else; the summary says the rules did run.
    EXPECT_EQ(r.out.rfind("rule,", 0), 0u) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << from << ".." << to << "\n"
                                                               << r.out;
    EXPECT_NE(r.err.find("0 vi phạm / violations (51 quy tắc / rules"), std::string::npos) << r.err;
  }
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace solieu
