// The yearly indicator table (table 1.1 of the 2025 report) regenerated from the demo store
// equals the department's printed table cell by cell; the .docx and .xlsx open in a real reader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli_runner.h"
#include "core/csv_reader.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;
using testing::RunSolieu;

using testing::ParseCsv;

class ReportGoldenTest : public testing::DemoReportTest {};

TEST_F(ReportGoldenTest, YearlyIndicatorTableEqualsTheSeedCellByCell) {
  testing::CommandResult r = Report({"indicators-year", "--period", "2025", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = ParseCsv(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (std::vector<std::string>{"STT", "Chỉ tiêu", "Đơn vị tính", "KH năm 2025",
                                               "Ước TH năm 2025"}));
  CsvTable seed(std::string(SOLIEU_SHARED_DIR) + "/seed-data/targets_2025_table11.csv", {}, {});
  size_t row = 1;
  while (seed.Next()) {
    ASSERT_LT(row, rows.size()) << "missing row " << row;
    const auto& printed = rows[row];
    ASSERT_EQ(printed.size(), 5u);
    EXPECT_EQ(printed[0], seed.Get("stt"));
    EXPECT_EQ(printed[1], seed.Get("indicator_vi"));
    EXPECT_EQ(printed[2], seed.Get("unit_vi"));
    EXPECT_EQ(printed[3], testing::SeedCellVi(seed.Get("kh_2025"))) << "KH, row " << row;
    EXPECT_EQ(printed[4], testing::SeedCellVi(seed.Get("est_2025"))) << "Ước TH, row " << row;
    ++row;
  }
  EXPECT_EQ(row, 23u);
  EXPECT_EQ(rows.size(), 23u);
}

// The verdicts of table 1.1 from the regenerated figures: the report says the province "đạt hầu
// hết các chỉ tiêu"; maternal mortality (43,0 against 32,84) and the communes meeting the national
// criteria after the merger (33,3% against 95%) are the two not achieved.
TEST_F(ReportGoldenTest, StatusOfEach2025IndicatorFollowsTheReport) {
  testing::CommandResult r =
      Report({"indicators-year", "--period", "2025", "--format", "csv", "--status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = ParseCsv(r.out);
  ASSERT_EQ(rows.size(), 23u);
  EXPECT_EQ(rows[0].back(), "Đánh giá");
  std::map<std::string, std::string> status;
  for (size_t i = 1; i < rows.size(); ++i) status[rows[i][0]] = rows[i].back();
  EXPECT_EQ(status["9"], "không đạt");   // MMR 43,0 vs KH 32,84, lower is better
  EXPECT_EQ(status["18"], "không đạt");  // 33,3% of communes vs 95%
  EXPECT_EQ(status["1"], "");            // population: a projection has no better side
  EXPECT_EQ(status["3"], "vượt");        // birth-rate decline 0,7 beyond 0,5
  EXPECT_EQ(status["10"], "vượt");       // infant mortality 14,10 well under 17,74
  EXPECT_EQ(status["20"], "vượt");       // full immunization 95,5 over 95,0
  EXPECT_EQ(status["21"], "đạt");        // BHYT 98 = 98
  int not_achieved = 0;
  for (const auto& [stt, s] : status) not_achieved += s == "không đạt";
  EXPECT_EQ(not_achieved, 2);
}

TEST_F(ReportGoldenTest, DocxAndXlsxAreReadByLibreOffice) {
  for (const std::string format : {"docx", "xlsx"}) {
    fs::path file = scratch_ / ("indicators-2025." + format);
    testing::CommandResult r =
        Report({"indicators-year", "--period", "2025", "--format", format, "-o", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    bool skipped = false;
    std::string text = testing::TextThroughLibreOffice(file, &skipped);
    if (skipped) GTEST_SKIP() << "soffice is not installed (scripts/install-deps.sh installs it)";
    EXPECT_NE(text.find("Tỷ số tử vong mẹ"), std::string::npos) << format << ":\n" << text;
    if (format == "docx") {
      EXPECT_NE(text.find("667.299"), std::string::npos) << format;
      EXPECT_NE(text.find("43,0"), std::string::npos) << format;
      EXPECT_NE(text.find("synthetic"), std::string::npos) << "the demo data is labelled";
    } else {
      // Calc shows the numbers of the sheet in the reader's locale: 667.299 or 667,299.
      EXPECT_TRUE(text.find("667.299") != std::string::npos ||
                  text.find("667,299") != std::string::npos)
          << text;
    }
  }
}

TEST_F(ReportGoldenTest, UnknownReportAndBadPeriodAreUserErrors) {
  testing::CommandResult unknown = Report({"no-such-report", "--period", "2025"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no report 'no-such-report'"), std::string::npos) << unknown.err;
  testing::CommandResult month = Report({"indicators-year", "--period", "202501"});
  EXPECT_EQ(month.exit_code, 1);
  EXPECT_NE(month.err.find("kỳ năm"), std::string::npos) << month.err;
  testing::CommandResult docx_without_file =
      Report({"indicators-year", "--period", "2025", "--format", "docx"});
  EXPECT_EQ(docx_without_file.exit_code, 1);
}

// Every seed figure that the demo shares out below the province still adds up to it.
TEST_F(ReportGoldenTest, SyntheticSharesAddUpToTheProvinceFigures) {
  testing::CommandResult r =
      RunSolieu({"--store", testing::DemoStore(), "analytics", "--dimension",
                 "dx:LIVE_BIRTHS;MATERNAL_DEATHS;POP_AVG", "--dimension", "pe:2021;2024;2025",
                 "--dimension", "ou:11", "--format", "csv"},
                scratch_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("POP_AVG,2025,11,Tỉnh Điện Biên,667299"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("POP_AVG,2021,11,Tỉnh Điện Biên,624482"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("MATERNAL_DEATHS,2025,11,Tỉnh Điện Biên,5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("LIVE_BIRTHS,2025,11,Tỉnh Điện Biên,11631"), std::string::npos) << r.out;
  // Below the province the synthetic values exist for the new communes after the reform...
  testing::CommandResult communes = RunSolieu(
      {"--store", testing::DemoStore(), "analytics", "--dimension", "dx:LIVE_BIRTHS", "--dimension",
       "pe:2025", "--dimension", "ou:11;LEVEL-3", "--as-of", "2025-07-01", "--format", "csv"},
      scratch_);
  ASSERT_EQ(communes.exit_code, 0) << communes.err;
  EXPECT_EQ(std::count(communes.out.begin(), communes.out.end(), '\n'), 46) << communes.out;
  // ...and for the 129 old communes when 2024 is viewed as it was.
  testing::CommandResult old = RunSolieu(
      {"--store", testing::DemoStore(), "analytics", "--dimension", "dx:LIVE_BIRTHS", "--dimension",
       "pe:2024", "--dimension", "ou:11;LEVEL-3", "--structure", "as-it-was", "--format", "csv"},
      scratch_);
  ASSERT_EQ(old.exit_code, 0) << old.err;
  EXPECT_EQ(std::count(old.out.begin(), old.out.end(), '\n'), 130) << old.out;
}

}  // namespace
}  // namespace solieu
