// Validation rules: DHIS2's operators and missing-value strategies, the rules of the real
// configuration on a real SQLite store, and the errors validation_rules.csv can hold.
#include "quality/validation.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "config/config_loader.h"
#include "core/error.h"
#include "engine/analytics.h"
#include "store/store.h"

namespace solieu::quality {
namespace {

namespace fs = std::filesystem;
using enum ValidationOperator;
constexpr auto kAny = MissingValueStrategy::kSkipIfAnyValueMissing;
constexpr auto kAll = MissingValueStrategy::kSkipIfAllValuesMissing;
constexpr auto kNever = MissingValueStrategy::kNeverSkip;
constexpr std::optional<double> kNone = std::nullopt;

struct OperatorCase {
  ValidationOperator op;
  std::optional<double> left;
  MissingValueStrategy left_strategy;
  std::optional<double> right;
  MissingValueStrategy right_strategy;
  bool violation;
};

TEST(ValidationOperatorTest, EachOperatorAndStrategyAsDhis2Decides) {
  const std::vector<OperatorCase> cases = {
      {kEqualTo, 3, kAll, 3, kAll, false},
      {kEqualTo, 3, kAll, 4, kAll, true},
      {kEqualTo, 0.1 + 0.2, kAll, 0.3, kAll, false},  // aggregated doubles: a tolerance
      {kNotEqualTo, 3, kAll, 3, kAll, true},
      {kNotEqualTo, 3, kAll, 4, kAll, false},
      {kGreaterThan, 4, kAll, 3, kAll, false},
      {kGreaterThan, 3, kAll, 3, kAll, true},
      {kGreaterThanOrEqualTo, 3, kAll, 3, kAll, false},
      {kGreaterThanOrEqualTo, 2, kAll, 3, kAll, true},
      {kLessThan, 2, kAll, 3, kAll, false},
      {kLessThan, 3, kAll, 3, kAll, true},
      {kLessThanOrEqualTo, 3, kAll, 3, kAll, false},
      {kLessThanOrEqualTo, 4, kAll, 3, kAll, true},
      // A side without a value skips the rule unless its strategy is NEVER_SKIP (then 0).
      {kLessThanOrEqualTo, 4, kAll, kNone, kAll, false},
      {kLessThanOrEqualTo, 4, kAny, kNone, kAny, false},
      {kLessThanOrEqualTo, 4, kAll, kNone, kNever, true},
      {kLessThanOrEqualTo, kNone, kNever, -1, kAll, true},
      {kLessThanOrEqualTo, kNone, kNever, 0, kAll, false},
      {kEqualTo, kNone, kNever, kNone, kNever, false},
      {kNotEqualTo, kNone, kNever, kNone, kNever, true},
      // Pairs look only at presence, whatever the strategies.
      {kCompulsoryPair, 1, kAll, kNone, kAll, true},
      {kCompulsoryPair, kNone, kNever, 1, kNever, true},
      {kCompulsoryPair, 1, kAll, 0, kAll, false},
      {kCompulsoryPair, kNone, kAll, kNone, kAll, false},
      {kExclusivePair, 1, kAll, 0, kAll, true},
      {kExclusivePair, 1, kAll, kNone, kAll, false},
      {kExclusivePair, kNone, kNever, kNone, kNever, false},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const OperatorCase& c = cases[i];
    EXPECT_EQ(IsViolation(c.op, c.left, c.left_strategy, c.right, c.right_strategy), c.violation)
        << "case " << i << ": " << ValidationOperatorName(c.op);
  }
}

// The real configuration in a real SQLite store in a temporary folder, plus values planted by
// each test for the commune health station TYT03325 in week 2025W40.
class ValidationStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("solieu_quality_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    ConfigFolder folder = LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien");
    auto store = Store::Open((*dir_ / "store.db").string());
    store->ApplyMetadata(folder.metadata);
    store->PutValues(folder.values, "test");
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  void SetUp() override {
    auto store = Store::Open((*dir_ / "store.db").string());
    analytics_ = std::make_unique<Analytics>(store->LoadMetadata());
    std::vector<DataValueWrite> writes;
    for (DataValue& v : store->QueryValues({})) {
      auto period = Period::Parse(v.key.period);
      writes.push_back({v.key, period->start(), period->end(), v.value, ""});
    }
    analytics_->Apply(writes);
    tyt_ = analytics_->hierarchy().FindByCode("TYT03325", week_.end());
    ASSERT_NE(tyt_, nullptr);
    province_ = analytics_->hierarchy().FindByCode("11", week_.end());
    ASSERT_NE(province_, nullptr);
  }

  // Plants `value` for element `code` (option combo `option`: MAC or TU_VONG) at TYT03325.
  void Plant(const std::string& code, const std::string& option, double value) {
    const MetadataSnapshot& m = analytics_->metadata();
    std::string element_uid, combo_uid, coc_uid;
    for (const DataElement& d : m.data_elements) {
      if (d.code == code) element_uid = d.uid, combo_uid = d.category_combo_uid;
    }
    for (const CategoryOptionCombo& c : m.category_option_combos) {
      if (c.code == option && c.combo_uid == combo_uid) coc_uid = c.uid;
    }
    ASSERT_FALSE(element_uid.empty());
    ASSERT_FALSE(coc_uid.empty());
    analytics_->Apply(
        {{{element_uid, week_.Id(), tyt_->uid, coc_uid, DefaultCategoryOptionComboUid()},
          week_.start(),
          week_.end(),
          std::to_string(value),
          ""}});
  }

  static ValidationRule Rule(const std::string& left, const std::string& left_strategy,
                             ValidationOperator op, const std::string& right,
                             const std::string& right_strategy) {
    ValidationRule r;
    r.uid = "TestRule001";
    r.code = "TEST";
    r.name_vi = "Kiểm tra";
    r.name_en = "Test";
    r.period_type = "Weekly";
    r.left = {left, left_strategy};
    r.op = op;
    r.right = {right, right_strategy};
    return r;
  }

  std::vector<Violation> Run(const std::vector<ValidationRule>& rules, const OrgUnit& root) {
    return RunValidation(*analytics_, rules, root, {week_});
  }

  static fs::path* dir_;
  const Period week_ = *Period::Parse("2025W40");
  std::unique_ptr<Analytics> analytics_;
  const OrgUnit* tyt_ = nullptr;
  const OrgUnit* province_ = nullptr;
};

fs::path* ValidationStoreTest::dir_ = nullptr;

TEST_F(ValidationStoreTest, TheConfigurationsRulesRoundTripThroughTheStore) {
  const std::vector<ValidationRule>& rules = analytics_->metadata().validation_rules;
  ASSERT_EQ(rules.size(), 51u);  // 20 listed by hand, 31 deaths <= cases of the diseases
  auto it = std::find_if(rules.begin(), rules.end(), [](const ValidationRule& r) {
    return r.code == "DEATHS_LE_CASES_CHOLERA";
  });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->left.expression, "#{D_CHOLERA.TU_VONG}");
  EXPECT_EQ(it->left.missing_value_strategy, "SKIP_IF_ANY_VALUE_MISSING");
  EXPECT_EQ(it->op, kLessThanOrEqualTo);
  EXPECT_EQ(it->right.expression, "#{D_CHOLERA.MAC}");
  EXPECT_EQ(it->right.missing_value_strategy, "NEVER_SKIP");
  EXPECT_EQ(it->importance, ValidationImportance::kHigh);
  EXPECT_EQ(it->period_type, "Weekly");
  EXPECT_EQ(it->name_vi, "Tả: tử vong ≤ mắc");
}

TEST_F(ValidationStoreTest, APlantedViolationOfARealRuleIsFoundExactlyOnce) {
  Plant("D_CHOLERA", "TU_VONG", 2);
  Plant("D_CHOLERA", "MAC", 1);
  Plant("D_TYPHOID", "TU_VONG", 1);  // a fine one beside it
  Plant("D_TYPHOID", "MAC", 5);
  std::vector<Violation> found = Run(analytics_->metadata().validation_rules, *province_);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule->code, "DEATHS_LE_CASES_CHOLERA");
  EXPECT_EQ(found[0].org_unit, tyt_);
  EXPECT_EQ(found[0].period, week_);
  EXPECT_EQ(found[0].left, 2);
  EXPECT_EQ(found[0].right, 1);
  EXPECT_EQ(found[0].importance, ValidationImportance::kHigh);
}

TEST_F(ValidationStoreTest, DeathsWithoutAnyCaseReportedViolateUnderNeverSkip) {
  Plant("D_MEASLES", "TU_VONG", 1);
  std::vector<Violation> found = Run(analytics_->metadata().validation_rules, *province_);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule->code, "DEATHS_LE_CASES_MEASLES");
  EXPECT_EQ(found[0].left, 1);
  EXPECT_EQ(found[0].right, 0);  // NEVER_SKIP: the missing cases read as 0
}

struct StrategyCase {
  std::string left;
  std::string left_strategy;
  ValidationOperator op;
  std::string right;
  std::string right_strategy;
  std::optional<double> expected_left;  // when a violation is expected
  bool violation;
};

TEST_F(ValidationStoreTest, MissingValueStrategiesOnEvaluatedSides) {
  Plant("D_CHOLERA", "TU_VONG", 2);  // cholera deaths 2; no typhoid at all
  Plant("D_CHOLERA", "MAC", 3);
  const std::string both = "#{D_CHOLERA.TU_VONG} + #{D_TYPHOID.TU_VONG}";
  const std::vector<StrategyCase> cases = {
      // One of two items missing: skipped, read as 0, read as 0.
      {both, "SKIP_IF_ANY_VALUE_MISSING", kLessThanOrEqualTo, "1", "NEVER_SKIP", {}, false},
      {both, "SKIP_IF_ALL_VALUES_MISSING", kLessThanOrEqualTo, "1", "NEVER_SKIP", 2, true},
      {both, "NEVER_SKIP", kLessThanOrEqualTo, "1", "NEVER_SKIP", 2, true},
      // Every item missing: skipped, skipped, 0.
      {"#{D_TYPHOID.TU_VONG}",
       "SKIP_IF_ANY_VALUE_MISSING",
       kGreaterThan,
       "0",
       "NEVER_SKIP",
       {},
       false},
      {"#{D_TYPHOID.TU_VONG}",
       "SKIP_IF_ALL_VALUES_MISSING",
       kGreaterThan,
       "0",
       "NEVER_SKIP",
       {},
       false},
      {"#{D_TYPHOID.TU_VONG}", "NEVER_SKIP", kGreaterThan, "0", "NEVER_SKIP", 0, true},
      // Pairs.
      {"#{D_CHOLERA.TU_VONG}", "SKIP_IF_ALL_VALUES_MISSING", kCompulsoryPair,
       "#{D_TYPHOID.TU_VONG}", "SKIP_IF_ALL_VALUES_MISSING", 2, true},
      {"#{D_CHOLERA.TU_VONG}",
       "SKIP_IF_ALL_VALUES_MISSING",
       kCompulsoryPair,
       "#{D_CHOLERA.MAC}",
       "SKIP_IF_ALL_VALUES_MISSING",
       {},
       false},
      {"#{D_CHOLERA.TU_VONG}", "SKIP_IF_ALL_VALUES_MISSING", kExclusivePair, "#{D_CHOLERA.MAC}",
       "SKIP_IF_ALL_VALUES_MISSING", 2, true},
      {"#{D_CHOLERA.TU_VONG}",
       "SKIP_IF_ALL_VALUES_MISSING",
       kExclusivePair,
       "#{D_TYPHOID.TU_VONG}",
       "SKIP_IF_ALL_VALUES_MISSING",
       {},
       false},
      // The whole cases_deaths total and an option combo of it.
      {"#{D_CHOLERA}", "SKIP_IF_ANY_VALUE_MISSING", kEqualTo, "5", "NEVER_SKIP", {}, false},
      {"#{D_CHOLERA.MAC}", "SKIP_IF_ANY_VALUE_MISSING", kEqualTo, "#{D_CHOLERA}",
       "SKIP_IF_ANY_VALUE_MISSING", 3, true},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const StrategyCase& c = cases[i];
    std::vector<Violation> found =
        Run({Rule(c.left, c.left_strategy, c.op, c.right, c.right_strategy)}, *tyt_);
    ASSERT_EQ(found.size(), c.violation ? 1u : 0u) << "case " << i;
    if (c.violation) {
      EXPECT_EQ(found[0].left.value_or(0), c.expected_left) << "case " << i;
    }
  }
}

TEST_F(ValidationStoreTest, RulesApplyOnlyToPeriodsOfTheirType) {
  Plant("D_CHOLERA", "TU_VONG", 2);
  Plant("D_CHOLERA", "MAC", 1);
  ValidationRule weekly = Rule("#{D_CHOLERA.TU_VONG}", "SKIP_IF_ANY_VALUE_MISSING",
                               kLessThanOrEqualTo, "#{D_CHOLERA.MAC}", "NEVER_SKIP");
  // A weekly rule is not checked on a month, only on weeks.
  EXPECT_TRUE(RunValidation(*analytics_, {weekly}, *tyt_, {*Period::Parse("202510")}).empty());
  EXPECT_EQ(RunValidation(*analytics_, {weekly}, *tyt_, {week_, *Period::Parse("202510")}).size(),
            1u);
}

TEST_F(ValidationStoreTest, ABadExpressionNamesTheRule) {
  ValidationRule bad = Rule("#{D_CHOLERA.TU_VONG} <=", "NEVER_SKIP", kEqualTo, "1", "NEVER_SKIP");
  try {
    Run({bad}, *tyt_);
    FAIL() << "accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "expression.syntax");
    EXPECT_EQ(e.where(), "validation rule TEST");
  }
}

// validation_rules.csv errors, on a copy of the real folder.
class ValidationConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solieu_quality_config_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien", dir_,
             fs::copy_options::recursive);
    lines_ = 0;
    std::ifstream in(File());
    std::string line;
    while (std::getline(in, line)) ++lines_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string File() const { return (dir_ / "validation_rules.csv").string(); }

  // Appends one row (code BAD) and loads, expecting an error; `where` names line and column.
  UserError Refused(const std::string& period_type, const std::string& left, const std::string& op,
                    const std::string& right, const std::string& right_strategy = "NEVER_SKIP") {
    {
      std::ofstream out(File(), std::ios::app);
      out << "BAD,Sai,Bad," << period_type << "," << left << ",SKIP_IF_ANY_VALUE_MISSING," << op
          << "," << right << "," << right_strategy << ",MEDIUM,,\n";
    }
    try {
      LoadConfigFolder(dir_.string());
    } catch (const UserError& e) {
      return e;
    }
    ADD_FAILURE() << "accepted";
    return UserError("none", "", "");
  }
  std::string Where(const std::string& column) const {
    return File() + ":" + std::to_string(lines_ + 1) + " " + column;
  }

  fs::path dir_;
  int lines_ = 0;
};

TEST_F(ValidationConfigTest, ABadExpressionNamesFileLineAndColumn) {
  UserError e =
      Refused("Weekly", "#{D_CHOLERA.TU_VONG} *", "less_than_or_equal_to", "#{D_CHOLERA.MAC}");
  EXPECT_EQ(e.code(), "config.invalid_expression");
  EXPECT_EQ(e.where(), Where("left_side"));
  EXPECT_NE(std::string(e.message_en()).find("position"), std::string::npos);
}

TEST_F(ValidationConfigTest, AnUnknownOperatorIsRefused) {
  UserError e = Refused("Weekly", "#{D_CHOLERA.TU_VONG}", "at_most", "#{D_CHOLERA.MAC}");
  EXPECT_EQ(e.code(), "config.invalid_operator");
  EXPECT_EQ(e.where(), Where("operator"));
  EXPECT_NE(e.message_vi().find("toán tử 'at_most'"), std::string::npos);
}

TEST_F(ValidationConfigTest, AnUnknownElementIsRefused) {
  UserError e = Refused("Weekly", "#{D_CHOLERA.TU_VONG}", "less_than_or_equal_to", "#{D_NOPE.MAC}");
  EXPECT_EQ(e.code(), "config.unknown_reference");
  EXPECT_EQ(e.where(), Where("right_side"));
  EXPECT_NE(e.message_en().find("'D_NOPE'"), std::string::npos);
}

TEST_F(ValidationConfigTest, AnUnknownStrategyOrPeriodTypeIsRefused) {
  UserError e = Refused("Weekly", "#{D_CHOLERA.TU_VONG}", "less_than_or_equal_to",
                        "#{D_CHOLERA.MAC}", "SKIP_SOMETIMES");
  EXPECT_EQ(e.where(), Where("right_missing_value_strategy"));
  fs::remove_all(dir_);
  SetUp();
  UserError p =
      Refused("Fortnightly", "#{D_CHOLERA.TU_VONG}", "less_than_or_equal_to", "#{D_CHOLERA.MAC}");
  EXPECT_EQ(p.where(), Where("period_type"));
}

}  // namespace
}  // namespace solieu::quality
