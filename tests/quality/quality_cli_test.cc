// `solieu validate` and `solieu outliers` as a user runs them, on a store made with `solieu init`
// from the real configuration and values typed in with `solieu value put`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

namespace solieu::testing {
namespace {

namespace fs = std::filesystem;

class QualityCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new fs::path(fs::temp_directory_path() /
                            ("solieu_quality_cli_" + std::to_string(::getpid())));
    fs::remove_all(*scratch_);
    fs::create_directories(*scratch_);
    store_ = new std::string((*scratch_ / "store.db").string());
    CommandResult init = RunSolieu({"init", "--store", *store_, "--config",
                                    std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien"},
                                   *scratch_);
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto put = [](const std::string& de, const std::string& coc, const std::string& pe,
                  const std::string& value) {
      CommandResult r = RunSolieu({"value", "put", "--store", *store_, "--de", de, "--coc", coc,
                                   "--pe", pe, "--ou", "TYT03325", "--value", value},
                                  *scratch_);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    put("D_CHOLERA", "TU_VONG", "2025W40", "2");  // deaths > cases: the planted violation
    put("D_CHOLERA", "MAC", "2025W40", "1");
    // Diarrhoea cases: ten weeks of 10 and one of 120 (z = sqrt(10) = 3.162).
    for (int week = 30; week <= 39; ++week)
      put("D_DIARRHOEA", "MAC", "2025W" + std::to_string(week), "10");
    put("D_DIARRHOEA", "MAC", "2025W40", "120");
  }
  static void TearDownTestSuite() {
    fs::remove_all(*scratch_);
    delete scratch_;
    delete store_;
  }

  CommandResult Solieu(std::vector<std::string> args) const {
    args.insert(args.begin() + 1, {"--store", *store_});
    return RunSolieu(args, *scratch_);
  }

  static fs::path* scratch_;
  static std::string* store_;
};

fs::path* QualityCliTest::scratch_ = nullptr;
std::string* QualityCliTest::store_ = nullptr;

TEST_F(QualityCliTest, ValidateListsThePlantedViolationAndExitsZero) {
  CommandResult r = Solieu({"validate", "--org", "11", "--period", "2025W40", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = ParseCsv(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"rule", "rule_name", "importance", "period", "org_unit",
                                      "org_unit_name", "left", "operator", "right"}));
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"DEATHS_LE_CASES_CHOLERA", "Tả: tử vong ≤ mắc", "HIGH",
                                      "2025W40", "TYT03325", "Trạm Y tế xã Mường Phăng", "2",
                                      "less_than_or_equal_to", "1"}));
  EXPECT_NE(r.err.find("1 vi phạm / violations"), std::string::npos) << r.err;
}

TEST_F(QualityCliTest, ValidateOverARangeWithOneRuleAsJson) {
  CommandResult r = Solieu({"validate", "--org", "11", "--from", "2025W01", "--to", "2025W52",
                            "--rule", "DEATHS_LE_CASES_CHOLERA", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"rule\":\"DEATHS_LE_CASES_CHOLERA\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"period\":\"2025W40\""), std::string::npos);
  EXPECT_NE(r.err.find("[52/52]"), std::string::npos) << r.err;  // progress on stderr
  CommandResult months = Solieu({"validate", "--org", "11", "--from", "202501", "--to", "202512",
                                 "--rule", "MCH_LBW_LE_WEIGHED", "--format", "csv"});
  ASSERT_EQ(months.exit_code, 0) << months.err;
  EXPECT_EQ(ParseCsv(months.out).size(), 1u);  // header only: nothing reported
}

TEST_F(QualityCliTest, ValidateUserErrorsExitOne) {
  CommandResult rule = Solieu({"validate", "--org", "11", "--period", "2025W40", "--rule", "NOPE"});
  EXPECT_EQ(rule.exit_code, 1);
  EXPECT_NE(rule.err.find("không có quy tắc kiểm tra mã 'NOPE'"), std::string::npos) << rule.err;
  CommandResult no_period = Solieu({"validate", "--org", "11"});
  EXPECT_EQ(no_period.exit_code, 1);
  EXPECT_NE(no_period.err.find("--period"), std::string::npos) << no_period.err;
  CommandResult org = Solieu({"validate", "--org", "99999", "--period", "2025W40"});
  EXPECT_EQ(org.exit_code, 1);
  CommandResult period = Solieu({"validate", "--org", "11", "--period", "2025W99"});
  EXPECT_EQ(period.exit_code, 1);
}

TEST_F(QualityCliTest, OutliersFindsTheSpikeWithItsStatistics) {
  CommandResult r = Solieu({"outliers", "--de", "D_DIARRHOEA", "--org", "11", "--from", "2025W30",
                            "--to", "2025W40", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = ParseCsv(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"data_element", "category_option_combo", "period",
                                               "org_unit", "org_unit_name", "value", "centre",
                                               "score", "lower", "upper", "method"}));
  // mean 20, sd sqrt(1000) = 31.622777, bounds 20 -/+ 94.868330.
  EXPECT_EQ(rows[1], (std::vector<std::string>{"D_DIARRHOEA", "MAC", "2025W40", "TYT03325",
                                               "Trạm Y tế xã Mường Phăng", "120", "20", "3.162278",
                                               "-74.86833", "114.86833", "z"}));
  // The spike's own week only, left out of the range: nothing.
  CommandResult before = Solieu({"outliers", "--de", "D_DIARRHOEA", "--from", "2025W30", "--to",
                                 "2025W39", "--format", "csv"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(ParseCsv(before.out).size(), 1u);
  // Min-max with factor 2: bounds [0, 83.245553]; 120 lies above.
  CommandResult minmax = Solieu({"outliers", "--data-set", "DS_NOTIFIABLE_W", "--from", "2025W30",
                                 "--to", "2025W40", "--method", "min-max", "--format", "csv"});
  ASSERT_EQ(minmax.exit_code, 0) << minmax.err;
  auto mm = ParseCsv(minmax.out);
  ASSERT_EQ(mm.size(), 2u) << minmax.out;
  EXPECT_EQ(mm[1][8], "0");
  EXPECT_EQ(mm[1][9], "83.245553");
}

TEST_F(QualityCliTest, OutliersUserErrorsExitOne) {
  EXPECT_EQ(Solieu({"outliers", "--de", "D_DIARRHOEA", "--from", "2025W30", "--to", "2025W40",
                    "--method", "iqr"})
                .exit_code,
            1);
  EXPECT_EQ(Solieu({"outliers", "--de", "NOPE", "--from", "2025W30", "--to", "2025W40"}).exit_code,
            1);
  EXPECT_EQ(Solieu({"outliers", "--from", "2025W30", "--to", "2025W40"}).exit_code, 1);
  EXPECT_EQ(
      Solieu({"outliers", "--de", "D_DIARRHOEA", "--from", "2025W40", "--to", "2025W30"}).exit_code,
      1);
  EXPECT_EQ(Solieu({"outliers", "--de", "D_DIARRHOEA", "--from", "2025W30", "--to", "2025W40",
                    "--threshold", "-1"})
                .exit_code,
            1);
}

// `solieu import` checks the validation rules the committed values take part in, at the units and
// periods written: a warning, the values stored all the same; --skip-validation and --dry-run
// check nothing.
TEST_F(QualityCliTest, ImportListsTheRulesItsValuesBreak) {
  auto write = [&](const std::string& name, const std::string& cases, const std::string& deaths) {
    fs::path file = *scratch_ / name;
    std::ofstream(file) << R"({"dataValues":[)"
                        << R"({"dataElement":"D_CHOLERA","period":"2025W41","orgUnit":"TYT03325",)"
                        << R"("categoryOptionCombo":"MAC","value":")" << cases << R"("},)"
                        << R"({"dataElement":"D_CHOLERA","period":"2025W41","orgUnit":"TYT03325",)"
                        << R"("categoryOptionCombo":"TU_VONG","value":")" << deaths << R"("}]})";
    return file.string();
  };
  CommandResult dry =
      Solieu({"import", write("dry.json", "1", "4"), "--id-scheme", "CODE", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_TRUE(boost::json::parse(dry.out).at("validationViolations").as_array().empty());

  CommandResult r = Solieu({"import", write("bad.json", "1", "3"), "--id-scheme", "CODE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;  // WARNING exits 0: the values are stored
  boost::json::value s = boost::json::parse(r.out);
  EXPECT_EQ(s.at("status").as_string(), "WARNING");
  EXPECT_EQ(s.at("importCount").at("imported").as_int64(), 2);
  const boost::json::array& v = s.at("validationViolations").as_array();
  ASSERT_EQ(v.size(), 1u) << r.out;
  EXPECT_EQ(v[0].at("rule").as_string(), "DEATHS_LE_CASES_CHOLERA");
  EXPECT_EQ(v[0].at("orgUnitCode").as_string(), "TYT03325");
  EXPECT_EQ(v[0].at("period").as_string(), "2025W41");
  EXPECT_EQ(v[0].at("leftSide").as_double(), 3);
  EXPECT_EQ(v[0].at("rightSide").as_double(), 1);
  CommandResult stored = Solieu({"value", "get", "--de", "D_CHOLERA", "--coc", "TU_VONG", "--pe",
                                 "2025W41", "--ou", "TYT03325", "--format", "csv"});
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  auto stored_rows = ParseCsv(stored.out);
  ASSERT_EQ(stored_rows.size(), 2u) << stored.out;
  EXPECT_EQ(stored_rows[1][4], "3");

  CommandResult skipped =
      Solieu({"import", write("skip.json", "1", "5"), "--id-scheme", "CODE", "--skip-validation"});
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  boost::json::value k = boost::json::parse(skipped.out);
  EXPECT_EQ(k.at("status").as_string(), "SUCCESS");
  EXPECT_TRUE(k.at("validationViolations").as_array().empty());

  CommandResult fixed = Solieu({"import", write("fixed.json", "6", "5"), "--id-scheme", "CODE"});
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(boost::json::parse(fixed.out).at("status").as_string(), "SUCCESS") << fixed.out;
}

// Every notifiable disease of the configuration has its deaths <= cases rule (issue 4, item 6).
TEST(ConsistencyRules, EveryDiseaseHasDeathsAtMostCases) {
  const std::string dir = std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien/";
  auto rows = [](const std::string& path) {
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return ParseCsv(text);
  };
  auto diseases = rows(dir + "diseases.csv");
  auto rules = rows(dir + "validation_rules.csv");
  ASSERT_GT(diseases.size(), 30u);
  ASSERT_EQ(diseases[0][4], "data_element");
  ASSERT_EQ(rules[0][4], "left_side");
  for (size_t d = 1; d < diseases.size(); ++d) {
    const std::string& de = diseases[d][4];
    bool found = false;
    for (size_t r = 1; r < rules.size() && !found; ++r) {
      found = rules[r][4] == "#{" + de + ".TU_VONG}" && rules[r][6] == "less_than_or_equal_to" &&
              rules[r][7] == "#{" + de + ".MAC}";
    }
    EXPECT_TRUE(found) << de;
  }
}

}  // namespace
}  // namespace solieu::testing
