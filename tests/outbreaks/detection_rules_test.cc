// Which detector scores a disease at a level: the disease's own rule, then the rule for every
// priority disease, then the rule for every disease; and how much history the rules need.
#include "outbreaks/detection_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "config/config_loader.h"
#include "core/error.h"
#include "outbreaks/weekly_run.h"

namespace solieu::outbreaks {
namespace {

using surveillance::DetectMethod;

Disease MakeDisease(const std::string& uid, bool priority) {
  Disease d;
  d.uid = uid;
  d.code = uid;
  d.priority = priority;
  return d;
}

DetectionRule Rule(const std::string& disease_uid, bool priority_only, const std::string& level,
                   const std::string& method, const std::string& parameters) {
  DetectionRule r;
  r.uid = disease_uid + "/" + level + "/" + method;
  r.disease_uid = disease_uid;
  r.priority_only = priority_only;
  r.level = level;
  r.method = method;
  r.parameters = parameters;
  return r;
}

class DetectionRulesTest : public ::testing::Test {
 protected:
  const Disease measles_ = MakeDisease("MEASLES", false);
  const Disease cholera_ = MakeDisease("CHOLERA", true);
  const Disease plague_ = MakeDisease("PLAGUE", true);
  const Disease mumps_ = MakeDisease("MUMPS", false);
};

TEST_F(DetectionRulesTest, OwnRuleThenPriorityThenEveryDisease) {
  // Written least specific last and first, so the order of the rows does not decide.
  for (bool reversed : {false, true}) {
    MetadataSnapshot m;
    m.detection_rules = {Rule("", false, "commune", "ears-c1", ""),
                         Rule("", true, "commune", "threshold", "min-count=1"),
                         Rule("CHOLERA", false, "commune", "threshold", "min-count=2"),
                         Rule("MEASLES", false, "commune", "ears-c2", "baseline=5")};
    if (reversed) std::reverse(m.detection_rules.begin(), m.detection_rules.end());
    const DetectionRules rules(m);

    const ScoringRule* own = rules.For(measles_, OrgLevel::kCommune);
    ASSERT_NE(own, nullptr);
    EXPECT_EQ(own->method, "ears-c2");
    EXPECT_EQ(own->parameters, "baseline=5");
    EXPECT_EQ(own->options.method, DetectMethod::kEarsC2);
    EXPECT_EQ(own->options.ears.baseline, 5);

    const ScoringRule* own_priority = rules.For(cholera_, OrgLevel::kCommune);
    ASSERT_NE(own_priority, nullptr);
    EXPECT_EQ(own_priority->options.method, DetectMethod::kThreshold);
    EXPECT_EQ(own_priority->options.threshold.min_count, 2);

    const ScoringRule* priority = rules.For(plague_, OrgLevel::kCommune);
    ASSERT_NE(priority, nullptr);
    EXPECT_EQ(priority->options.method, DetectMethod::kThreshold);
    EXPECT_EQ(priority->options.threshold.min_count, 1);

    const ScoringRule* every = rules.For(mumps_, OrgLevel::kCommune);
    ASSERT_NE(every, nullptr);
    EXPECT_EQ(every->options.method, DetectMethod::kEarsC1);
  }
}

TEST_F(DetectionRulesTest, PriorityRuleIsForPriorityDiseasesOnly) {
  MetadataSnapshot m;
  m.detection_rules = {Rule("", true, "commune", "threshold", "min-count=1")};
  const DetectionRules rules(m);
  EXPECT_EQ(rules.For(mumps_, OrgLevel::kCommune), nullptr);
  ASSERT_NE(rules.For(plague_, OrgLevel::kCommune), nullptr);
}

TEST_F(DetectionRulesTest, RulesAreKeptPerLevel) {
  MetadataSnapshot m;
  m.detection_rules = {Rule("", false, "district", "ears-c1", ""),
                       Rule("MEASLES", false, "province", "ears-c3", "")};
  const DetectionRules rules(m);
  EXPECT_EQ(rules.For(measles_, OrgLevel::kCommune), nullptr);
  EXPECT_EQ(rules.For(measles_, OrgLevel::kFacility), nullptr);
  ASSERT_NE(rules.For(measles_, OrgLevel::kDistrict), nullptr);
  EXPECT_EQ(rules.For(measles_, OrgLevel::kDistrict)->method, "ears-c1");
  ASSERT_NE(rules.For(measles_, OrgLevel::kProvince), nullptr);
  EXPECT_EQ(rules.For(measles_, OrgLevel::kProvince)->method, "ears-c3");
  EXPECT_EQ(rules.For(mumps_, OrgLevel::kProvince), nullptr);
}

TEST_F(DetectionRulesTest, NoRulesScoreNothing) {
  const DetectionRules rules{MetadataSnapshot{}};
  EXPECT_EQ(rules.For(measles_, OrgLevel::kCommune), nullptr);
}

TEST_F(DetectionRulesTest, WeeksOfHistoryNeededIsTheLongestRule) {
  MetadataSnapshot m;
  m.detection_rules = {Rule("", true, "commune", "threshold", "")};
  EXPECT_EQ(DetectionRules(m).WeeksOfHistoryNeeded(), 1);
  m.detection_rules.push_back(Rule("", false, "commune", "ears-c1", "baseline=7"));  // 7 + 1
  EXPECT_EQ(DetectionRules(m).WeeksOfHistoryNeeded(), 8);
  m.detection_rules.push_back(Rule("", false, "district", "ears-c3", "baseline=7"));  // 7 + 5
  EXPECT_EQ(DetectionRules(m).WeeksOfHistoryNeeded(), 12);
  m.detection_rules.push_back(Rule("", false, "province", "farrington-flexible", "b=4;w=3"));
  EXPECT_EQ(DetectionRules(m).WeeksOfHistoryNeeded(), 52 * 4 + 3 + 1);
  m.detection_rules.push_back(Rule("MEASLES", false, "commune", "ears-c2", "baseline=20"));
  EXPECT_EQ(DetectionRules(m).WeeksOfHistoryNeeded(), 212);
}

TEST_F(DetectionRulesTest, BadRuleNamesDiseaseAndLevel) {
  MetadataSnapshot m;
  m.detection_rules = {Rule("MEASLES", false, "district", "ears-c1", "b=4")};
  try {
    DetectionRules rules(m);
    FAIL() << "a bad rule was accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.bad_rule");
    EXPECT_EQ(e.where(), "--b");
    EXPECT_NE(e.message_en().find("MEASLES"), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_en().find("district"), std::string::npos) << e.message_en();
  }
  m.detection_rules = {Rule("", true, "commune", "nope", "")};
  try {
    DetectionRules rules(m);
    FAIL() << "a bad rule was accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.bad_rule");
    EXPECT_NE(e.message_en().find("priority"), std::string::npos) << e.message_en();
  }
}

// The province's configuration: Farrington (b = 4) for every disease, one case for priority ones.
TEST(DienBienDetectionRules, FromTheConfiguration) {
  const ConfigFolder folder = LoadConfigFolder(SOLIEU_SOURCE_DIR "/config/dien-bien");
  EXPECT_EQ(folder.metadata.detection_rules.size(), 6u);
  const DetectionRules rules(folder.metadata);
  EXPECT_EQ(rules.WeeksOfHistoryNeeded(), 212);
  const Disease* measles = FindDisease(folder.metadata, "MEASLES");
  const Disease* cholera = FindDisease(folder.metadata, "CHOLERA");
  ASSERT_NE(measles, nullptr);
  ASSERT_NE(cholera, nullptr);
  EXPECT_EQ(FindDisease(folder.metadata, measles->uid), measles);
  EXPECT_EQ(FindDisease(folder.metadata, "NOPE"), nullptr);
  for (OrgLevel level : {OrgLevel::kCommune, OrgLevel::kDistrict, OrgLevel::kProvince}) {
    const ScoringRule* rule = rules.For(*measles, level);
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->options.method, DetectMethod::kFarringtonFlexible);
    EXPECT_EQ(rule->options.farrington.b, 4);
    EXPECT_EQ(rule->options.farrington.w, 3);
    EXPECT_EQ(rule->options.farrington.past_weeks_not_included, 26);
    EXPECT_EQ(rule->options.farrington.alpha, 0.01);
    rule = rules.For(*cholera, level);
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->options.method, DetectMethod::kThreshold);
    EXPECT_EQ(rule->options.threshold.min_count, 1);
  }
  EXPECT_EQ(rules.For(*measles, OrgLevel::kFacility), nullptr);
}

}  // namespace
}  // namespace solieu::outbreaks
