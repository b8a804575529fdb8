// Targets as the reports and the seed-data CSVs write them: kinds, numbers, the two number forms,
// and errors that say where and why.
#include "plan/target.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "core/error.h"

namespace solieu::plan {
namespace {

struct TargetCase {
  std::string text;
  TargetKind kind;
  double low;
  double high;
  int decimals;
};

void ExpectTarget(const Target& target, const TargetCase& c) {
  EXPECT_EQ(target.kind(), c.kind) << c.text << " is " << TargetKindName(target.kind());
  EXPECT_DOUBLE_EQ(target.low(), c.low) << c.text;
  EXPECT_DOUBLE_EQ(target.high(), c.high) << c.text;
  EXPECT_EQ(target.decimals(), c.decimals) << c.text;
  EXPECT_EQ(target.text(), c.text);
}

// Forms that mean the same in both number forms: no dot, or a comma.
TEST(TargetTest, ReportFormsParseTheSameInBothForms) {
  const TargetCase cases[] = {
      {"<15", TargetKind::kLess, 15, 15, 0},
      {"≥95", TargetKind::kAtLeast, 95, 95, 0},
      {">98", TargetKind::kGreater, 98, 98, 0},
      {"<=16", TargetKind::kAtMost, 16, 16, 0},
      {"≤16", TargetKind::kAtMost, 16, 16, 0},
      {"0,4-0,5", TargetKind::kRange, 0.4, 0.5, 1},
      {"95", TargetKind::kExact, 95, 95, 0},
      {"<109", TargetKind::kLess, 109, 109, 0},
      {">=90", TargetKind::kAtLeast, 90, 90, 0},
      {"> 90", TargetKind::kGreater, 90, 90, 0},
      {"85,0", TargetKind::kExact, 85, 85, 1},
      {"668030", TargetKind::kExact, 668030, 668030, 0},
      {"32,84", TargetKind::kExact, 32.84, 32.84, 2},
      {"0,4 - 0,5", TargetKind::kRange, 0.4, 0.5, 1},
      {"0,4–0,5", TargetKind::kRange, 0.4, 0.5, 1},  // en dash, as Word autocorrects
      {"0,4÷0,5", TargetKind::kRange, 0.4, 0.5, 1},  // the Vietnamese technical range mark
      {"1-2,25", TargetKind::kRange, 1, 2.25, 2},
      {"  <15  ", TargetKind::kLess, 15, 15, 0},
      {"\u00A0≥\u00A095", TargetKind::kAtLeast, 95, 95, 0},
      {"05", TargetKind::kExact, 5, 5, 0},
      {"-0,5", TargetKind::kExact, -0.5, -0.5, 1},
      {"<-2", TargetKind::kLess, -2, -2, 0},
      {"-1-2", TargetKind::kRange, -1, 2, 0},
      {"0", TargetKind::kExact, 0, 0, 0},
  };
  for (const TargetCase& c : cases) {
    SCOPED_TRACE(c.text);
    ExpectTarget(Target::ParseVietnamese(c.text), c);
    ExpectTarget(Target::ParseMachine(c.text), c);
  }
}

TEST(TargetTest, VietnameseDotsSeparateThousands) {
  ExpectTarget(Target::ParseVietnamese("668.030"),
               {"668.030", TargetKind::kExact, 668030, 668030, 0});
  ExpectTarget(Target::ParseVietnamese("1.250.000"),
               {"1.250.000", TargetKind::kExact, 1250000, 1250000, 0});
  ExpectTarget(Target::ParseVietnamese("21.372,1"),
               {"21.372,1", TargetKind::kExact, 21372.1, 21372.1, 1});
  ExpectTarget(Target::ParseVietnamese("<1.000"), {"<1.000", TargetKind::kLess, 1000, 1000, 0});
  ExpectTarget(Target::ParseVietnamese("1.000-2.000"),
               {"1.000-2.000", TargetKind::kRange, 1000, 2000, 0});
}

TEST(TargetTest, MachineDotIsTheDecimalPoint) {
  ExpectTarget(Target::ParseMachine("65.7"), {"65.7", TargetKind::kExact, 65.7, 65.7, 1});
  ExpectTarget(Target::ParseMachine("1.65"), {"1.65", TargetKind::kExact, 1.65, 1.65, 2});
  ExpectTarget(Target::ParseMachine("18.50"), {"18.50", TargetKind::kExact, 18.5, 18.5, 2});
  ExpectTarget(Target::ParseMachine("0.4-0.5"), {"0.4-0.5", TargetKind::kRange, 0.4, 0.5, 1});
  // The documented trap: machine files must not group thousands.
  ExpectTarget(Target::ParseMachine("668.030"), {"668.030", TargetKind::kExact, 668.03, 668.03, 3});
}

// Parses `text` expecting a UserError; returns it (code checked).
UserError ParseError(bool vietnamese, const std::string& text, const std::string& where = {}) {
  try {
    if (vietnamese) {
      Target::ParseVietnamese(text, where);
    } else {
      Target::ParseMachine(text, where);
    }
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "plan.bad_target") << text;
    return e;
  }
  ADD_FAILURE() << "'" << text << "' parsed but should not";
  return UserError("none", "", "");
}

struct ErrorCase {
  bool vietnamese;
  std::string text;
  std::string position;  // "character N" expected in the English message
  std::string reason;    // a fragment of the English message
};

TEST(TargetTest, ErrorsNameThePositionAndTheReason) {
  const ErrorCase cases[] = {
      {true, "", "character 1", "empty"},
      {true, "   ", "character 4", "empty"},
      {true, "65.7", "character 3", "exactly 3 digits"},
      {true, "1.25", "character 2", "exactly 3 digits"},
      {true, "1234.567", "character 5", "1-3 digits"},
      {true, "1.2345", "character 2", "exactly 3 digits"},
      {true, "1.250.5", "character 6", "exactly 3 digits"},
      {true, "0.500", "character 1", "cannot start with 0"},
      {true, "1,2,3", "character 4", "two commas"},
      {true, "1,25.0", "character 5", "after the decimal mark"},
      {true, "≥9x", "character 3", "unexpected 'x'"},
      {true, "95%", "character 3", "unit"},
      {true, "<15‰", "character 4", "unit"},
      {true, "668 030", "character 5", "blanks do not separate thousands"},
      {true, "=95", "character 1", "expected a number"},
      {true, ">>5", "character 2", "expected a number"},
      {true, "<", "character 2", "missing"},
      {true, "abc", "character 1", "expected a number"},
      {true, ",5", "character 1", "start with a digit"},
      {true, "5,", "character 2", "missing after the decimal mark"},
      {true, "0,5-0,4", "character 5", "below its lower end"},
      {true, "<0,4-0,5", "character 5", "one number, not a range"},
      {true, ">= 1-2", "character 5", "('>=') has one number"},
      {true, "0,4-", "character 5", "missing"},
      {false, "1.234,5", "character 6", "one decimal mark"},
      {false, "1,2.5", "character 4", "one decimal mark"},
      {false, ".5", "character 1", "start with a digit"},
      {false, "5.", "character 2", "missing after the decimal mark"},
      {false, "1e3", "character 2", "unexpected 'e'"},
      {false, "99999" + std::string(400, '9'), "character 1", "too large"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.text);
    const UserError e = ParseError(c.vietnamese, c.text);
    EXPECT_NE(e.message_en().find(c.position), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_en().find(c.reason), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_vi().find("ký tự thứ"), std::string::npos) << e.message_vi();
    EXPECT_NE(e.message_vi().find("'" + c.text + "'"), std::string::npos) << e.message_vi();
  }
}

TEST(TargetTest, ErrorCarriesTheCallersLocation) {
  const UserError e = ParseError(false, "95%", "targets.csv:4 kh_2025");
  EXPECT_EQ(e.where(), "targets.csv:4 kh_2025");
  EXPECT_NE(std::string(e.what()).find("targets.csv:4 kh_2025"), std::string::npos);
}

TEST(TargetTest, KindNames) {
  EXPECT_EQ(TargetKindName(TargetKind::kExact), "exact");
  EXPECT_EQ(TargetKindName(TargetKind::kAtLeast), "at-least");
  EXPECT_EQ(TargetKindName(TargetKind::kGreater), "greater");
  EXPECT_EQ(TargetKindName(TargetKind::kAtMost), "at-most");
  EXPECT_EQ(TargetKindName(TargetKind::kLess), "less");
  EXPECT_EQ(TargetKindName(TargetKind::kRange), "range");
  EXPECT_TRUE(Target::ParseMachine("95").is_single_number());
  EXPECT_FALSE(Target::ParseMachine("≥95").is_single_number());
  EXPECT_FALSE(Target::ParseMachine("0,4-0,5").is_single_number());
}

// Every plan or target cell of the seed data is read by the CSV loader's entry point.
TEST(TargetTest, EverySeedDataTargetCellParsesAsMachineForm) {
  struct Column {
    std::string file;
    std::string column;
  };
  const Column columns[] = {
      {"targets_2025_table11.csv", "kh_2025"},          {"annex01_2021_2025.csv", "target_2025"},
      {"annex02_plan_2026_2030.csv", "goal_2026_2030"}, {"annex02_plan_2026_2030.csv", "kh_2026"},
      {"annex02_plan_2026_2030.csv", "kh_2027"},        {"annex02_plan_2026_2030.csv", "kh_2028"},
      {"annex02_plan_2026_2030.csv", "kh_2029"},        {"annex02_plan_2026_2030.csv", "kh_2030"},
  };
  int parsed = 0;
  int inequalities = 0;
  for (const Column& c : columns) {
    CsvTable table(std::string(SOLIEU_SHARED_DIR) + "/seed-data/" + c.file, {c.column}, {});
    while (table.Next()) {
      const std::string cell = table.Get(c.column);
      if (cell.empty()) continue;
      const Target target = Target::ParseMachine(cell, table.Where(c.column));
      ++parsed;
      if (!target.is_single_number()) ++inequalities;
    }
  }
  EXPECT_EQ(parsed, 22 + 28 + 17 + 19 + 17 + 17 + 17 + 17);
  // <109, <40, <15, <18, <21, <15, ≤16, <20, ≥95, >98, >90, 0,4-0,5, and <108 six times.
  EXPECT_EQ(inequalities, 18);
}

TEST(TargetTest, SeedDataPlainNumbersReadAsPrinted) {
  // The annex prints "668.030" and "0,4-0,5"; the CSV holds "668030" and "0,4-0,5".
  EXPECT_DOUBLE_EQ(Target::ParseVietnamese("668.030").low(), Target::ParseMachine("668030").low());
  EXPECT_DOUBLE_EQ(Target::ParseVietnamese("32,84").low(), Target::ParseMachine("32.84").low());
  EXPECT_DOUBLE_EQ(Target::ParseVietnamese("1,65").low(), Target::ParseMachine("1.65").low());
}

TEST(TargetTest, TypedTargetsAreStoredInMachineFormAndReadBackTheSame) {
  struct Case {
    const char* typed;
    const char* stored;
  };
  for (const Case& c : {Case{"≥ 95", "≥95"}, Case{"668.030", "668030"},
                        Case{"0,4 - 0,5", "0.4-0.5"}, Case{"85,0", "85.0"}, Case{"<=16", "≤16"},
                        Case{"> 98", ">98"}, Case{"-1,25", "-1.25"}, Case{"<15", "<15"}}) {
    const Target typed = Target::ParseVietnamese(c.typed);
    EXPECT_EQ(typed.MachineText(), c.stored) << c.typed;
    const Target back = Target::ParseMachine(typed.MachineText());
    EXPECT_EQ(back.kind(), typed.kind()) << c.typed;
    EXPECT_DOUBLE_EQ(back.low(), typed.low()) << c.typed;
    EXPECT_DOUBLE_EQ(back.high(), typed.high()) << c.typed;
    EXPECT_EQ(back.decimals(), typed.decimals()) << c.typed;
  }
}

}  // namespace
}  // namespace solieu::plan
