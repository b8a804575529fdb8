// `solieu metadata import`, `solieu import` and `solieu export` as a user runs them: the summaries
// they print and their exit codes (1 when the import summary's status is ERROR).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "exchange_test_support.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;
using testing::Dhis2Fixture;

struct Ran {
  int exit_code;
  std::string out;
};

Ran Solieu(const std::string& args) {
  std::string command = std::string(SOLIEU_BINARY_DIR) + "/solieu " + args + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  Ran run{-1, ""};
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class ExchangeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("solieu_exchange_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = "--store '" + (dir_ / "s.db").string() + "' ";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string store_;
};

TEST_F(ExchangeCliTest, MetadataImportThenImportExportRoundTrip) {
  Ran setup =
      Solieu(store_ + "metadata import '" + Dhis2Fixture("e2e/setup_metadata.json").string() + "'");
  ASSERT_EQ(setup.exit_code, 0) << setup.out;
  EXPECT_NE(setup.out.find("organisationUnits"), std::string::npos);
  EXPECT_NE(setup.out.find("optionSets (1)"), std::string::npos);
  Ran malaria = Solieu(store_ + "metadata import --summary-format json '" +
                       Dhis2Fixture("e2e/metadata.json").string() + "'");
  ASSERT_EQ(malaria.exit_code, 0);
  boost::json::value summary = boost::json::parse(malaria.out);
  EXPECT_EQ(summary.at("types").at("dataElements").at("created"), 75);
  EXPECT_EQ(summary.at("validationRules").as_array().size(), 12u);

  Ran first = Solieu(store_ + "import '" + Dhis2Fixture("e2e/dataValues_bulk.json").string() + "'");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  boost::json::value imported = boost::json::parse(first.out);
  EXPECT_EQ(imported.at("status"), "SUCCESS");
  EXPECT_EQ(imported.at("importCount").at("imported"), 231);

  fs::path exported = dir_ / "export.json";
  Ran out = Solieu(store_ +
                   "export --format json --data-set VEM58nY22sO,qNtxTrp56wV --period "
                   "201912,2018 --org-unit O6uvpzGd5pu -o '" +
                   exported.string() + "'");
  ASSERT_EQ(out.exit_code, 0);
  Ran again = Solieu(store_ + "import --summary-format table '" + exported.string() + "'");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("ignored: 231"), std::string::npos) << again.out;

  // Export by code to standard output, for the whole tree.
  Ran by_code = Solieu(store_ +
                       "export --data-element TA_GEN_EXT_FUND --period 2018 --org-unit "
                       "OU_525 --children --id-scheme CODE");
  EXPECT_EQ(by_code.exit_code, 0);
  EXPECT_NE(by_code.out.find("\"orgUnit\":\"OU_264\""), std::string::npos) << by_code.out;

  // A conflict: status ERROR, exit 1; with --keep-good the good row is stored, exit 0.
  fs::path bad = dir_ / "bad.json";
  {
    std::ofstream file(bad);
    file << R"({"dataValues": [
      {"dataElement": "tpz77FcntKx", "period": "2016", "orgUnit": "O6uvpzGd5pu", "value": "5"},
      {"dataElement": "NoSuchDe001", "period": "2016", "orgUnit": "O6uvpzGd5pu", "value": "5"}]})";
  }
  Ran refused = Solieu(store_ + "import '" + bad.string() + "'");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(boost::json::parse(refused.out).at("status"), "ERROR");
  Ran dry = Solieu(store_ + "import --dry-run --keep-good '" + bad.string() + "'");
  EXPECT_EQ(dry.exit_code, 0);
  EXPECT_EQ(boost::json::parse(dry.out).at("importCount").at("imported"), 1);
  Ran kept = Solieu(store_ + "import --keep-good '" + bad.string() + "'");
  EXPECT_EQ(kept.exit_code, 0);
  EXPECT_EQ(boost::json::parse(kept.out).at("status"), "WARNING");
  EXPECT_EQ(boost::json::parse(kept.out).at("importCount").at("imported"), 1);

  // Bad options and formats are user errors (exit 1), not crashes.
  EXPECT_EQ(Solieu(store_ + "import --format xml '" + bad.string() + "'").exit_code, 1);
  EXPECT_EQ(Solieu(store_ + "import --strategy MERGE '" + bad.string() + "'").exit_code, 1);
  EXPECT_EQ(
      Solieu(store_ + "import --org-unit-id-scheme ATTRIBUTE:x '" + bad.string() + "'").exit_code,
      1);
  EXPECT_EQ(Solieu(store_ + "import '" + (dir_ / "missing.json").string() + "'").exit_code, 1);
  EXPECT_EQ(Solieu(store_ + "export --period 2018 --org-unit O6uvpzGd5pu").exit_code, 1);
}

TEST_F(ExchangeCliTest, XmlAndCsvImportAndExportByOptionOrExtension) {
  ASSERT_EQ(
      Solieu(store_ + "metadata import '" + Dhis2Fixture("e2e/setup_metadata.json").string() + "'")
          .exit_code,
      0);
  ASSERT_EQ(Solieu(store_ + "metadata import '" + Dhis2Fixture("e2e/metadata.json").string() + "'")
                .exit_code,
            0);
  ASSERT_EQ(Solieu(store_ + "import '" + Dhis2Fixture("e2e/dataValues_bulk.json").string() + "'")
                .exit_code,
            0);
  const std::string select =
      "--data-set VEM58nY22sO,qNtxTrp56wV --period 201912,2018 --org-unit O6uvpzGd5pu ";

  // --format given; the file's extension says otherwise and loses.
  fs::path xml = dir_ / "export.txt";
  ASSERT_EQ(
      Solieu(store_ + "export --format xml " + select + "-o '" + xml.string() + "'").exit_code, 0);
  std::string xml_text = testing::ReadFile(xml);
  EXPECT_EQ(xml_text.rfind("<?xml", 0), 0u);
  Ran xml_again = Solieu(store_ + "import --format xml '" + xml.string() + "'");
  EXPECT_EQ(xml_again.exit_code, 0) << xml_again.out;
  EXPECT_EQ(boost::json::parse(xml_again.out).at("importCount").at("ignored"), 231);

  // No --format: the .csv extension decides, for export and import.
  fs::path csv = dir_ / "export.CSV";
  ASSERT_EQ(Solieu(store_ + "export " + select + "-o '" + csv.string() + "'").exit_code, 0);
  EXPECT_EQ(testing::ReadFile(csv).rfind("dataelement,period,orgunit,", 0), 0u);
  Ran csv_again = Solieu(store_ + "import --summary-format table '" + csv.string() + "'");
  EXPECT_EQ(csv_again.exit_code, 0) << csv_again.out;
  EXPECT_NE(csv_again.out.find("ignored: 231"), std::string::npos) << csv_again.out;

  // To standard output, XML by option.
  Ran to_stdout = Solieu(store_ + "export --format xml " + select);
  EXPECT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(to_stdout.out, xml_text);

  // A DHIS2 XML fixture by extension; a malformed one is exit 1 with the line in the summary.
  fs::path broken = dir_ / "broken.xml";
  {
    std::ofstream file(broken);
    file << "<dataValueSet>\n<dataValue dataElement=\"a\">\n</dataValueSet>\n";
  }
  Ran refused = Solieu(store_ + "import '" + broken.string() + "'");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("broken.xml:3"), std::string::npos) << refused.out;
  fs::path bad_csv = dir_ / "bad.csv";
  {
    std::ofstream file(bad_csv);
    file << "tpz77FcntKx,2016,O6uvpzGd5pu,,,5\n\"unterminated,2016\n";
  }
  Ran csv_refused = Solieu(store_ + "import '" + bad_csv.string() + "'");
  EXPECT_EQ(csv_refused.exit_code, 1);
  EXPECT_NE(csv_refused.out.find("bad.csv:2"), std::string::npos) << csv_refused.out;
  EXPECT_EQ(Solieu(store_ + "export --format adx " + select).exit_code, 1);
}

}  // namespace
}  // namespace solieu
