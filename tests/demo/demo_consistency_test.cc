// The demo's synthetic values keep the seeds' figures and every part within its whole: a demo
// that fails the configuration's own validation rules would not be trusted by the department.
// Checked on the generated values in memory; tests/cli/demo_validation_test.cc runs `solieu
// validate` over the stored demo.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "config/data_values_file.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/synthetic.h"
#include "demo/demo_builder.h"
#include "demo/subset_rules.h"

namespace solieu {
namespace {

class DemoConsistencyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new DemoData(
        BuildDemoData(SOLIEU_SOURCE_DIR "/config/dien-bien", SOLIEU_SOURCE_DIR "/demo/dien-bien"));
  }
  static void TearDownTestSuite() { delete demo_; }

  static const MetadataSnapshot& metadata() { return demo_->metadata; }

  static const DataElement& Element(const std::string& code) {
    for (const DataElement& e : metadata().data_elements) {
      if (e.code == code) return e;
    }
    ADD_FAILURE() << "no element " << code;
    return metadata().data_elements.front();
  }

  static std::string Coc(const std::string& element_code, const std::string& coc_code) {
    for (const CategoryOptionCombo& c : metadata().category_option_combos) {
      if (c.combo_uid == Element(element_code).category_combo_uid && c.code == coc_code)
        return c.uid;
    }
    ADD_FAILURE() << "no option combo " << coc_code << " for " << element_code;
    return {};
  }

  static std::vector<DataValueWrite> Seeds() {
    OrgHierarchy hierarchy(metadata().org_units, metadata().parent_links, metadata().org_events);
    return ReadDataValuesFile(SOLIEU_SOURCE_DIR "/demo/dien-bien/province_values.csv", metadata(),
                              hierarchy);
  }

  static DemoData* demo_;
};

DemoData* DemoConsistencyTest::demo_ = nullptr;

TEST_F(DemoConsistencyTest, EveryRuleOfTheConfigurationIsAPartWholePair) {
  std::vector<SubsetRule> rules = SubsetRules(metadata());
  EXPECT_EQ(rules.size(), metadata().validation_rules.size());
  const SubsetRule* obstetric = nullptr;
  for (const SubsetRule& r : rules) {
    if (r.code == "MCH_OBSTETRIC_DEATHS_LE_CASES") obstetric = &r;
  }
  ASSERT_NE(obstetric, nullptr);
  // TU_VONG and MAC exist in several combos: the element's own combo is the one meant.
  EXPECT_EQ(obstetric->subset.element_uid, Element("OBSTETRIC_COMPLICATIONS").uid);
  EXPECT_EQ(obstetric->subset.coc_uid, Coc("OBSTETRIC_COMPLICATIONS", "TU_VONG"));
  EXPECT_EQ(obstetric->total.coc_uid, Coc("OBSTETRIC_COMPLICATIONS", "MAC"));
}

TEST_F(DemoConsistencyTest, OnlySingleItemComparisonsAreParts) {
  MetadataSnapshot m = metadata();
  ValidationRule base = m.validation_rules.front();
  m.validation_rules.clear();
  ValidationRule ge = base;
  ge.code = "GE";
  ge.left.expression = "#{LIVE_BIRTHS}";
  ge.op = ValidationOperator::kGreaterThanOrEqualTo;
  ge.right.expression = " #{NEWBORNS_WEIGHED} ";
  m.validation_rules.push_back(ge);
  for (auto [left, op] : std::vector<std::pair<std::string, ValidationOperator>>{
           {"#{ANC4}+#{DELIVERIES}", ValidationOperator::kLessThanOrEqualTo},
           {"#{ANC4}*2", ValidationOperator::kLessThanOrEqualTo},
           {"#{NO_SUCH_ELEMENT}", ValidationOperator::kLessThanOrEqualTo},
           {"#{ANC4.NO_SUCH_COMBO}", ValidationOperator::kLessThanOrEqualTo},
           {"#{ANC4}", ValidationOperator::kEqualTo}}) {
    ValidationRule other = base;
    other.code = left;
    other.left.expression = left;
    other.op = op;
    other.right.expression = "#{DELIVERIES}";
    m.validation_rules.push_back(other);
  }
  std::vector<SubsetRule> rules = SubsetRules(m);
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].code, "GE");
  EXPECT_EQ(rules[0].subset.element_uid, Element("NEWBORNS_WEIGHED").uid);
  EXPECT_EQ(rules[0].total.element_uid, Element("LIVE_BIRTHS").uid);
  EXPECT_TRUE(rules[0].total.coc_uid.empty());
}

TEST_F(DemoConsistencyTest, WholesAreGeneratedBeforeTheirParts) {
  std::vector<DataValueWrite> seeds = Seeds();
  std::vector<int> ranks = TotalsFirstRanks(SubsetRules(metadata()), seeds);
  ASSERT_EQ(ranks.size(), seeds.size());
  std::map<std::pair<std::string, std::string>, int> rank_of;  // (element code, coc uid)
  for (size_t i = 0; i < seeds.size(); ++i) {
    for (const DataElement& e : metadata().data_elements) {
      if (e.uid == seeds[i].key.data_element_uid)
        rank_of[{e.code, seeds[i].key.category_option_combo_uid}] = ranks[i];
    }
  }
  std::string birth = Coc("LIVE_BIRTHS", "NAM_DTTS");
  std::string plain = seeds.front().key.attribute_option_combo_uid;  // the default combo
  EXPECT_LT(rank_of.at({"LIVE_BIRTHS", birth}), rank_of.at({"NEWBORNS_WEIGHED", plain}));
  EXPECT_LT(rank_of.at({"NEWBORNS_WEIGHED", plain}), rank_of.at({"LOW_BIRTH_WEIGHT", plain}));
  EXPECT_LT(rank_of.at({"BHYT_VISITS", plain}), rank_of.at({"BHYT_VISITS_CCCD", plain}));
  EXPECT_LT(rank_of.at({"BHYT_VISITS_CCCD", plain}), rank_of.at({"BHYT_VISITS_CCCD_OK", plain}));
  EXPECT_LT(rank_of.at({"OBSTETRIC_COMPLICATIONS", Coc("OBSTETRIC_COMPLICATIONS", "MAC")}),
            rank_of.at({"OBSTETRIC_COMPLICATIONS", Coc("OBSTETRIC_COMPLICATIONS", "TU_VONG")}));
}

// Every synthetic part at a station in a period is at most its whole there. The parts that could
// not follow their whole are listed by the generator: only the fully immunized children, whose
// whole (the under-1 cohort) is a yearly average per station, not a sum per station-month; the
// yearly rule over it is checked through `solieu validate` in tests/cli.
TEST_F(DemoConsistencyTest, EveryPartStaysWithinItsWholeAtEveryStationAndPeriod) {
  std::set<std::string> unfitted;
  for (const DataValueWrite& w : demo_->unfitted_subsets) {
    unfitted.insert(w.key.data_element_uid);
    EXPECT_EQ(w.key.data_element_uid, Element("U1_FULLY_IMMUNIZED").uid) << w.key.period;
  }
  EXPECT_EQ(demo_->unfitted_subsets.size(), 8u);
  // (element, coc or "" for all, period, station) -> value
  std::map<std::tuple<std::string, std::string, std::string, std::string>, long long> cells;
  for (const DataValueWrite& v : demo_->values) {
    if (v.comment != kSyntheticComment) continue;
    long long value = std::stoll(*v.value);
    const DataValueKey& k = v.key;
    cells[{k.data_element_uid, k.category_option_combo_uid, k.period, k.org_unit_uid}] += value;
    cells[{k.data_element_uid, "", k.period, k.org_unit_uid}] += value;
  }
  size_t checked = 0;
  std::set<std::string> rules_checked;
  for (const SubsetRule& r : SubsetRules(metadata())) {
    if (unfitted.count(r.subset.element_uid)) continue;
    for (const auto& [key, part] : cells) {
      const auto& [element, coc, period, station] = key;
      if (element != r.subset.element_uid || coc != r.subset.coc_uid) continue;
      auto whole = cells.find({r.total.element_uid, r.total.coc_uid, period, station});
      long long total = whole == cells.end() ? 0 : whole->second;
      EXPECT_LE(part, total) << r.code << " " << period << " " << station;
      ++checked;
      rules_checked.insert(r.code);
    }
  }
  EXPECT_GT(checked, 10000u);
  for (const char* code : {"MCH_FACILITY_LE_DELIVERIES", "MCH_SKILLED_LE_DELIVERIES",
                           "MCH_ANC4_LE_DELIVERIES", "MCH_WEIGHED_LE_LIVE_BIRTHS",
                           "MCH_LBW_LE_WEIGHED", "KCB_CCCD_OK_LE_CCCD", "FP_DEATHS_LE_CASES"}) {
    EXPECT_TRUE(rules_checked.count(code)) << code;
  }
}

// Following a whole must not change a figure: the shares of every seed add up to it exactly.
TEST_F(DemoConsistencyTest, TheSharesOfEverySeedAddUpToIt) {
  std::map<std::tuple<std::string, std::string, std::string>, long long> by_period;
  for (const DataValueWrite& v : demo_->values) {
    if (v.comment != kSyntheticComment) continue;
    by_period[{v.key.data_element_uid, v.key.category_option_combo_uid, v.key.period}] +=
        std::stoll(*v.value);
  }
  std::map<std::string, const DataElement*> elements;
  for (const DataElement& e : metadata().data_elements) elements[e.uid] = &e;
  size_t shared = 0;
  std::string province;
  for (const OrgUnit& u : metadata().org_units) {
    if (u.code == "11") province = u.uid;
  }
  for (const DataValueWrite& seed : Seeds()) {
    if (seed.key.org_unit_uid != province) continue;  // a facility's figures stay its own
    const DataElement& e = *elements.at(seed.key.data_element_uid);
    auto period = Period::Parse(seed.key.period);
    ASSERT_TRUE(period);
    std::vector<Period> parts = {*period};
    if (e.aggregation_type == AggregationType::kSum && period->days() > 31)
      parts = period->Split(PeriodType::kMonth);
    long long sum = 0;
    bool any = false;
    for (const Period& p : parts) {
      auto it =
          by_period.find({seed.key.data_element_uid, seed.key.category_option_combo_uid, p.Id()});
      if (it == by_period.end()) continue;
      sum += it->second;
      any = true;
    }
    if (!any) continue;  // kept at the province, or met by the weekly reports
    ++shared;
    EXPECT_EQ(std::to_string(sum), *seed.value) << e.code << " " << seed.key.period;
  }
  EXPECT_GT(shared, 300u);
}

// The seeds' deaths from notifiable diseases are reported in the weekly reports, each in a week
// and station that reported at least as many cases (the weekly rules: deaths <= cases).
TEST_F(DemoConsistencyTest, WeeklyDeathsFallOnWeeksWithAsManyCases) {
  std::map<std::string, long long> deaths;  // element code -> deaths
  for (const char* code : {"D_DIARRHOEA", "D_SHIGELLOSIS"}) {
    std::string element = Element(code).uid;
    std::map<std::pair<std::string, std::string>, long long> cases;  // (week, station)
    for (const DataValueWrite& v : demo_->weekly_values) {
      if (v.key.data_element_uid == element && v.key.category_option_combo_uid == Coc(code, "MAC"))
        cases[{v.key.period, v.key.org_unit_uid}] += std::stoll(*v.value);
    }
    for (const DataValueWrite& v : demo_->weekly_values) {
      if (v.key.data_element_uid != element ||
          v.key.category_option_combo_uid != Coc(code, "TU_VONG"))
        continue;
      long long died = std::stoll(*v.value);
      deaths[code] += died;
      long long ill = cases[{v.key.period, v.key.org_unit_uid}];
      EXPECT_LE(died, ill) << code << " " << v.key.period;
    }
  }
  // demo/dien-bien/province_values.csv: one diarrhoea death in January 2021, one shigellosis
  // death in 2025.
  EXPECT_EQ(deaths["D_DIARRHOEA"], 1);
  EXPECT_EQ(deaths["D_SHIGELLOSIS"], 1);
}

}  // namespace
}  // namespace solieu
