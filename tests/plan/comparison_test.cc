// Status against plans (checked on every 2025 row of table 1.1 and of Phụ lục 01, with the
// direction config/dien-bien/indicators.csv gives each indicator), percent of plan against the
// seeds' "đạt X% KH", changes against the disease table, and cumulative figures.
#include "plan/comparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/csv_reader.h"

namespace solieu::plan {
namespace {

constexpr Direction kHigher = Direction::kHigherIsBetter;
constexpr Direction kLower = Direction::kLowerIsBetter;
constexpr Direction kNone = Direction::kNone;
constexpr std::optional<Status> kDat = Status::kAchieved;
constexpr std::optional<Status> kKhongDat = Status::kNotAchieved;
constexpr std::optional<Status> kVuot = Status::kExceeded;
constexpr std::optional<Status> kNoStatus = std::nullopt;

std::string Show(std::optional<Status> status) {
  return status ? std::string(StatusVi(*status)) : "(no status)";
}

std::string SeedPath(const std::string& file) {
  return std::string(SOLIEU_SHARED_DIR) + "/seed-data/" + file;
}

double Number(const std::string& text) {
  return Target::ParseMachine(text).low();  // a plain machine-form number
}

std::optional<Status> StatusOf(double value, const std::string& target, Direction direction) {
  return EvaluateStatus(value, Target::ParseMachine(target), direction);
}

// The examples the brief and the reports fix.
TEST(StatusTest, ReportExamples) {
  // Tỷ số tử vong mẹ 43,0 against "<40" (Phụ lục 01 C3; III.5: "tăng ... lên 43,0 ... mục tiêu
  // dưới 40").
  EXPECT_EQ(StatusOf(43.0, "<40", kLower), kKhongDat);
  // TCĐĐ 95,5 against "≥95": achieved, and an inequality is never "vượt".
  EXPECT_EQ(StatusOf(95.5, "≥95", kHigher), kDat);
  // Blood units 4.550 against a plan of 4.500: "luôn vượt chỉ tiêu kế hoạch".
  EXPECT_EQ(StatusOf(4550, "4500", kHigher), kVuot);
  // Birth-rate decline 0,7 against 0,5 (table 1.1) and against 0,4-0,5 (Phụ lục 01): "đạt và vượt".
  EXPECT_EQ(StatusOf(0.7, "0.5", kHigher), kVuot);
  EXPECT_EQ(StatusOf(0.7, "0,4-0,5", kHigher), kVuot);
}

TEST(StatusTest, SingleNumberWithDirection) {
  EXPECT_EQ(StatusOf(96, "95", kHigher), kVuot);
  EXPECT_EQ(StatusOf(95, "95", kHigher), kDat);
  EXPECT_EQ(StatusOf(94.9, "95", kHigher), kKhongDat);
  EXPECT_EQ(StatusOf(14, "15", kLower), kVuot);
  EXPECT_EQ(StatusOf(15, "15", kLower), kDat);
  EXPECT_EQ(StatusOf(15.1, "15", kLower), kKhongDat);
  // Binary rounding is not a miss: 0,1 + 0,2 is the planned 0,3.
  EXPECT_EQ(StatusOf(0.1 + 0.2, "0,3", kHigher), kDat);
  EXPECT_EQ(StatusOf(0.1 + 0.2, "0,3", kLower), kDat);
}

TEST(StatusTest, SingleNumberWithoutDirectionOnlyMatchesOrNothing) {
  EXPECT_EQ(StatusOf(13.3, "13.3", kNone), kDat);
  EXPECT_EQ(StatusOf(13.4, "13.3", kNone), kNoStatus);
  EXPECT_EQ(StatusOf(13.2, "13.3", kNone), kNoStatus);
}

TEST(StatusTest, RangeIsABand) {
  for (Direction d : {kHigher, kLower, kNone}) {
    EXPECT_EQ(StatusOf(0.4, "0,4-0,5", d), kDat);
    EXPECT_EQ(StatusOf(0.45, "0,4-0,5", d), kDat);
    EXPECT_EQ(StatusOf(0.5, "0,4-0,5", d), kDat);
  }
  EXPECT_EQ(StatusOf(0.3, "0,4-0,5", kHigher), kKhongDat);
  EXPECT_EQ(StatusOf(0.3, "0,4-0,5", kLower), kVuot);
  EXPECT_EQ(StatusOf(0.6, "0,4-0,5", kLower), kKhongDat);
  EXPECT_EQ(StatusOf(0.3, "0,4-0,5", kNone), kKhongDat);
  EXPECT_EQ(StatusOf(0.6, "0,4-0,5", kNone), kKhongDat);
}

TEST(StatusTest, InequalitiesIgnoreDirectionAndNeverExceed) {
  for (Direction d : {kHigher, kLower, kNone}) {
    EXPECT_EQ(StatusOf(95, "≥95", d), kDat);
    EXPECT_EQ(StatusOf(100, "≥95", d), kDat);
    EXPECT_EQ(StatusOf(94.99, "≥95", d), kKhongDat);
    EXPECT_EQ(StatusOf(98, ">98", d), kKhongDat);  // BHYT 98 against ">98"
    EXPECT_EQ(StatusOf(98.01, ">98", d), kDat);
    EXPECT_EQ(StatusOf(16, "≤16", d), kDat);
    EXPECT_EQ(StatusOf(16.01, "≤16", d), kKhongDat);
    EXPECT_EQ(StatusOf(15, "<15", d), kKhongDat);
    EXPECT_EQ(StatusOf(0, "<15", d), kDat);
  }
  // The bound itself, reached through binary arithmetic, is the bound.
  EXPECT_EQ(StatusOf(0.1 + 0.2, "≥0,3", kHigher), kDat);
  EXPECT_EQ(StatusOf(0.1 + 0.2, ">0,3", kHigher), kKhongDat);
}

TEST(StatusTest, NotFiniteHasNoStatus) {
  EXPECT_EQ(StatusOf(std::nan(""), "95", kHigher), kNoStatus);
  EXPECT_EQ(StatusOf(INFINITY, "≥95", kHigher), kNoStatus);
}

TEST(StatusTest, Words) {
  EXPECT_EQ(StatusVi(Status::kAchieved), "đạt");
  EXPECT_EQ(StatusVi(Status::kNotAchieved), "không đạt");
  EXPECT_EQ(StatusVi(Status::kExceeded), "vượt");
  EXPECT_EQ(StatusEn(Status::kAchieved), "achieved");
  EXPECT_EQ(StatusEn(Status::kNotAchieved), "not achieved");
  EXPECT_EQ(StatusEn(Status::kExceeded), "exceeded");
}

struct RowExpectation {
  Direction direction;  // as config/dien-bien/indicators.csv has the indicator
  std::optional<Status> status;
  const char* why;  // the seed evidence, or "derived" when the reports say nothing
};

// Table 1.1 "Thực hiện các chỉ tiêu được giao năm 2025" (KH 2025 vs ước TH 2025), by stt. The
// report heads it "Ước thực hiện đạt hầu hết các chỉ tiêu": two clear misses below.
const std::map<int, RowExpectation>& Table11() {
  static const std::map<int, RowExpectation> rows = {
      {1, {kNone, kNoStatus, "population 667.299 vs forecast 667.258: a projection, no side"}},
      {2, {kNone, kDat, "1,61 = 1,61"}},
      {3, {kHigher, kVuot, "0,7 vs 0,5; 1.4.1: 'đều đạt và vượt chỉ tiêu kế hoạch'"}},
      {4, {kNone, kDat, "13,3 = 13,3"}},
      {5, {kLower, kDat, "108 = 108"}},
      {6, {kHigher, kDat, "70 = 70"}},
      {7, {kHigher, kDat, "32,1 = 32,1"}},
      {8, {kHigher, kDat, "13,0 = 13,0; III.5: 'lên 13 Bác sĩ ... mục tiêu ... 13'"}},
      {9, {kLower, kKhongDat, "43,0 vs 32,84; III.5: 'Tỷ số tử vong mẹ tăng ... lên 43,0'"}},
      {10, {kLower, kVuot, "14,10 below 17,74 (derived)"}},
      {11, {kLower, kVuot, "15,0 below 18,96 (derived)"}},
      {12, {kLower, kVuot, "18,31 below 22,17 (derived)"}},
      {13, {kLower, kVuot, "19,49 below 23,74 (derived)"}},
      {14, {kLower, kVuot, "14,45 below 14,47 (derived)"}},
      {15, {kLower, kVuot, "15,58 below 15,61 (derived)"}},
      {16, {kLower, kVuot, "23,87 below 23,94 (derived)"}},
      {17, {kLower, kVuot, "25,84 below 25,98 (derived)"}},
      {18,
       {kHigher, kKhongDat, "33,3 vs 95,0; III.6: '15/45 xã ... (chiếm 33,3%)' after the reform"}},
      {19, {kHigher, kDat, "100 = 100; III.5: 'hằng năm đều đạt 100%'"}},
      {20, {kHigher, kVuot, "95,5 above 95,0 (derived)"}},
      {21, {kHigher, kDat, "98 = 98"}},
      {22, {kHigher, kVuot, "65,7 above 50,1 (derived)"}},
  };
  return rows;
}

TEST(SeedStatusTest, EveryRowOfTable11) {
  CsvTable table(SeedPath("targets_2025_table11.csv"), {"stt", "kh_2025", "est_2025"}, {});
  std::set<int> seen;
  int misses = 0;
  while (table.Next()) {
    const int stt = std::stoi(table.Get("stt"));
    SCOPED_TRACE("table 1.1 stt " + std::to_string(stt) + ": " + table.Get("indicator_vi"));
    ASSERT_TRUE(Table11().contains(stt));
    const RowExpectation& expected = Table11().at(stt);
    const Target target = Target::ParseMachine(table.Get("kh_2025"), table.Where("kh_2025"));
    const std::optional<Status> status =
        EvaluateStatus(Number(table.Get("est_2025")), target, expected.direction);
    EXPECT_EQ(status, expected.status)
        << Show(status) << " but expected " << Show(expected.status) << ": " << expected.why;
    seen.insert(stt);
    if (status == kKhongDat) ++misses;
  }
  EXPECT_EQ(seen.size(), 22u);
  EXPECT_EQ(misses, 2);  // "đạt hầu hết các chỉ tiêu"
}

// Phụ lục 01 (target 2025 vs ước TH 2025), by data row (1-based, as demo/dien-bien/seed_map.csv
// numbers them). Row 8 is B2's parent heading and has no figures.
const std::map<int, RowExpectation>& Annex01() {
  static const std::map<int, RowExpectation> rows = {
      {1, {kNone, kNoStatus, "population 667.229 vs 668.030: a projection, no side"}},
      {2, {kNone, kNoStatus, "growth 1,61 vs 1,65: III.5 states both, no verdict"}},
      {3,
       {kHigher, kVuot, "0,7 beyond 0,4-0,5; III.5: 'giảm trung bình là 0,7‰; mục tiêu 0,4-0,5‰'"}},
      {4, {kLower, kDat, "108 < 109; III.5: 'xuống 108 ... mục tiêu ... dưới 109'"}},
      {5, {kHigher, kKhongDat, "70 vs 72; III.5: 'lên 70 tuổi ... mục tiêu ... 72 tuổi'"}},
      {6, {kHigher, kVuot, "2.105 above 1.860 (derived)"}},
      {7, {kHigher, kVuot, "113,1 above 85,0 (derived)"}},
      {9, {kNone, kNoStatus, "orphans in care 230 vs 275: no side (derived)"}},
      {10, {kHigher, kVuot, "60.739 above 2.024 (derived)"}},
      {11, {kLower, kDat, "0 child-abuse cases = 0"}},
      {12, {kHigher, kKhongDat, "78 below 110 communes (derived)"}},
      {13, {kHigher, kKhongDat, "60,4 below 85,3 (derived)"}},
      {14, {kHigher, kVuot, "32,1 above 32; III.5: 'lên 32,1 ... mục tiêu ... 32'"}},
      {15, {kHigher, kDat, "13 = 13,0; III.5: 'lên 13 Bác sĩ ... mục tiêu ... 13'"}},
      {16, {kLower, kKhongDat, "43,0 not < 40; III.5: 'mục tiêu đến 2025 dưới 40'"}},
      {17, {kLower, kDat, "14,1 < 15; III.5: 'xuống còn 14,1‰ ... mục tiêu ... dưới 15‰'"}},
      {18, {kLower, kDat, "15,0 < 18 (derived)"}},
      {19, {kLower, kVuot, "18,3 below 18,50; III.5: '18,31‰ ... mục tiêu ... 18,5‰'"}},
      {20, {kLower, kDat, "19,5 < 21 (derived)"}},
      {21, {kLower, kDat, "14,45 < 15; III.5: 'xuống còn 14,45% ... mục tiêu ... dưới 15%'"}},
      {22, {kLower, kDat, "15,58 ≤ 16 (derived)"}},
      {23,
       {kLower, kKhongDat, "23,87 not < 20; III.5: 'xuống còn 23,87% ... mục tiêu ... dưới 20%'"}},
      {24, {kLower, kVuot, "25,84 below 26,0 (derived)"}},
      {25, {kHigher, kKhongDat, "33,33 vs 95 (after the reform)"}},
      {26, {kHigher, kDat, "100 = 100; III.5: 'hằng năm đều đạt 100%'"}},
      {27, {kHigher, kDat, "95,5 ≥ 95; an inequality is achieved, not exceeded"}},
      {28, {kHigher, kKhongDat, "98 not > 98 (III.5 even says the target is >99%)"}},
      {29, {kHigher, kKhongDat, "65,7 not > 90; III.5: 'lên 65,7% ... mục tiêu ... >90%'"}},
  };
  return rows;
}

TEST(SeedStatusTest, EveryRowOfAnnex01) {
  CsvTable table(SeedPath("annex01_2021_2025.csv"), {"target_2025", "est_2025"}, {});
  int row = 0;
  std::set<int> seen;
  while (table.Next()) {
    ++row;
    const std::string target_text = table.Get("target_2025");
    if (target_text.empty()) {
      EXPECT_EQ(row, 8) << "only B2's heading has no target";
      continue;
    }
    SCOPED_TRACE("Phụ lục 01 row " + std::to_string(row) + ": " + table.Get("indicator_vi"));
    ASSERT_TRUE(Annex01().contains(row));
    const RowExpectation& expected = Annex01().at(row);
    const std::optional<Status> status = EvaluateStatus(
        Number(table.Get("est_2025")),
        Target::ParseMachine(target_text, table.Where("target_2025")), expected.direction);
    EXPECT_EQ(status, expected.status)
        << Show(status) << " but expected " << Show(expected.status) << ": " << expected.why;
    seen.insert(row);
  }
  EXPECT_EQ(seen.size(), 28u);
}

TEST(PercentOfPlanTest, SingleNumbersOnly) {
  EXPECT_NEAR(*PercentOfPlan(4550, Target::ParseMachine("4500")), 101.111, 0.001);
  EXPECT_DOUBLE_EQ(*PercentOfPlan(0.75, Target::ParseMachine("0.75")), 100);
  EXPECT_EQ(PercentOfPlan(95.5, Target::ParseMachine("≥95")), std::nullopt);
  EXPECT_EQ(PercentOfPlan(0.7, Target::ParseMachine("0,4-0,5")), std::nullopt);
  EXPECT_EQ(PercentOfPlan(5, Target::ParseMachine("0")), std::nullopt);
  EXPECT_EQ(PercentOfPlan(5, 0.0), std::nullopt);
  EXPECT_EQ(PercentOfPlan(std::nan(""), 10.0), std::nullopt);
}

// Every "đạt X% KH" of both reports, against the plan it implies (value / % * 100, rounded).
TEST(PercentOfPlanTest, ReproducesEverySeedPercentOfPlan) {
  int checked = 0;
  for (const char* file : {"program_results_2021q1.csv", "program_results_2025.csv"}) {
    CsvTable table(SeedPath(file), {"value", "pct_of_plan", "implied_plan"}, {});
    while (table.Next()) {
      if (table.Get("pct_of_plan").empty() || table.Get("implied_plan").empty()) continue;
      SCOPED_TRACE(std::string(file) + ":" + std::to_string(table.line()) + " " +
                   table.Get("measure_vi"));
      const std::optional<double> percent = PercentOfPlan(
          Number(table.Get("value")), Target::ParseMachine(table.Get("implied_plan")));
      ASSERT_TRUE(percent.has_value());
      // The implied plan is itself rounded, so allow half a printed unit.
      EXPECT_NEAR(*percent, Number(table.Get("pct_of_plan")), 0.05);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 49);
}

TEST(ChangeTest, AbsoluteAndRelative) {
  const Change births = CompareWithPrevious(11631, 12678);  // "giảm 1.047 trẻ so với cùng kỳ"
  EXPECT_DOUBLE_EQ(births.absolute, -1047);
  EXPECT_NEAR(*births.relative_percent, -8.258, 0.001);
  EXPECT_NEAR(CompareWithPrevious(108.0, 114.2).absolute, -6.2, 1e-9);  // "giảm 6,2 điểm"
  const Change up = CompareWithPrevious(528, 137);                      // "tăng 391 ca mắc"
  EXPECT_DOUBLE_EQ(up.absolute, 391);
  EXPECT_NEAR(*up.relative_percent, 285.401, 0.001);
  const Change same = CompareWithPrevious(2, 2);  // "Số vụ dịch tương đương cùng kỳ"
  EXPECT_DOUBLE_EQ(same.absolute, 0);
  EXPECT_DOUBLE_EQ(*same.relative_percent, 0);
  // "cùng kỳ không có ca mắc": no relative change from zero.
  const Change from_zero = CompareWithPrevious(21, 0);
  EXPECT_DOUBLE_EQ(from_zero.absolute, 21);
  EXPECT_EQ(from_zero.relative_percent, std::nullopt);
  EXPECT_DOUBLE_EQ(from_zero.current, 21);
  EXPECT_DOUBLE_EQ(from_zero.previous, 0);
}

// The disease annex of Q1 2021: every "So sánh cùng kỳ" difference, blanks counted as 0.
TEST(ChangeTest, ReproducesTheDiseaseTableDifferences) {
  CsvTable table(
      SeedPath("diseases_2021_feb.csv"),
      {"cases_2021", "cases_2020", "diff_cases", "deaths_2021", "deaths_2020", "diff_deaths"}, {});
  const auto count = [&](const char* column) {
    const std::string cell = table.Get(column);
    return cell.empty() ? 0.0 : Number(cell);
  };
  int rows = 0;
  while (table.Next()) {
    SCOPED_TRACE(table.Get("disease_vi"));
    EXPECT_DOUBLE_EQ(CompareWithPrevious(count("cases_2021"), count("cases_2020")).absolute,
                     count("diff_cases"));
    EXPECT_DOUBLE_EQ(CompareWithPrevious(count("deaths_2021"), count("deaths_2020")).absolute,
                     count("diff_deaths"));
    ++rows;
  }
  EXPECT_EQ(rows, 31);
}

TEST(CumulativeTest, ByAggregationType) {
  const std::vector<std::optional<double>> months = {10, std::nullopt, 30, 20};
  EXPECT_EQ(CumulativeToDate(AggregationType::kSum, months), 60);
  EXPECT_EQ(CumulativeToDate(AggregationType::kLast, months), 20);
  EXPECT_EQ(CumulativeToDate(AggregationType::kAverage, months), 20);
  EXPECT_EQ(CumulativeToDate(AggregationType::kAverageSumOrgUnit, months), 20);
  EXPECT_EQ(CumulativeToDate(AggregationType::kNone, months), std::nullopt);
  // The last figure present, not the last month: stocks carry forward.
  const std::vector<std::optional<double>> stock = {3421, 3400, std::nullopt};
  EXPECT_EQ(CumulativeToDate(AggregationType::kLast, stock), 3400);
  const std::vector<std::optional<double>> nothing = {std::nullopt, std::nullopt};
  EXPECT_EQ(CumulativeToDate(AggregationType::kSum, nothing), std::nullopt);
  EXPECT_EQ(CumulativeToDate(AggregationType::kSum, {}), std::nullopt);
  // A zero is a figure: "0 ca" is not a missing report.
  const std::vector<std::optional<double>> zeros = {0.0, std::nullopt};
  EXPECT_EQ(CumulativeToDate(AggregationType::kSum, zeros), 0);
  EXPECT_EQ(CumulativeToDate(AggregationType::kLast, zeros), 0);
}

}  // namespace
}  // namespace solieu::plan
