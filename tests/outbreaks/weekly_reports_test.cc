// The SYNTHETIC weekly disease reports the demo and the surveillance tests run on: deterministic,
// at the commune health stations, with the injected clusters on the right weeks.
#include "demo/weekly_reports.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "config/config_loader.h"
#include "core/error.h"
#include "core/synthetic.h"
#include "outbreaks/weekly_run.h"

namespace solieu {
namespace {

class WeeklyReportsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new ConfigFolder(LoadConfigFolder(SOLIEU_SOURCE_DIR "/config/dien-bien"));
    const MetadataSnapshot& m = folder_->metadata;
    hierarchy_ = new OrgHierarchy(m.org_units, m.parent_links, m.org_events);
  }
  static void TearDownTestSuite() {
    delete hierarchy_;
    delete folder_;
  }

  static const MetadataSnapshot& metadata() { return folder_->metadata; }

  static Period Week(int year, int week) { return Period::Week(year, week); }

  static WeeklyReportOptions Options(std::vector<InjectedCluster> clusters = {}) {
    WeeklyReportOptions o;
    o.first_week = Week(2025, 20);
    o.last_week = Week(2025, 45);
    o.seed = 7;
    o.clusters = std::move(clusters);
    return o;
  }

  static InjectedCluster Measles03325() {
    return {"MEASLES", "03325", Week(2025, 40), {4, 9, 15, 7}};
  }

  // (element, period, org unit, option combo) -> count
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  static std::map<Key, std::int64_t> ByKey(const std::vector<DataValueWrite>& writes) {
    std::map<Key, std::int64_t> out;
    for (const DataValueWrite& w : writes) {
      Key key{w.key.data_element_uid, w.key.period, w.key.org_unit_uid,
              w.key.category_option_combo_uid};
      EXPECT_TRUE(out.emplace(key, std::stoll(w.value.value_or("0"))).second)
          << "two values for one key";
    }
    return out;
  }

  static std::string MeaslesElement() {
    return outbreaks::FindDisease(metadata(), "MEASLES")->data_element_uid;
  }

  static std::string CasesCombo(const std::string& element_uid) {
    for (const DataElement& e : metadata().data_elements) {
      if (e.uid != element_uid) continue;
      for (const CategoryOptionCombo& coc : metadata().category_option_combos) {
        if (coc.combo_uid == e.category_combo_uid && coc.code == "MAC") return coc.uid;
      }
    }
    ADD_FAILURE() << "no MAC option combo";
    return "";
  }

  static UserError Refused(const WeeklyReportOptions& options) {
    try {
      SyntheticWeeklyReports(metadata(), *hierarchy_, options);
    } catch (const UserError& e) {
      return e;
    }
    ADD_FAILURE() << "the options were accepted";
    return UserError("none", "", "");
  }

  static ConfigFolder* folder_;
  static OrgHierarchy* hierarchy_;
};

ConfigFolder* WeeklyReportsTest::folder_ = nullptr;
OrgHierarchy* WeeklyReportsTest::hierarchy_ = nullptr;

TEST_F(WeeklyReportsTest, SameOptionsSameValues) {
  const std::vector<DataValueWrite> a =
      SyntheticWeeklyReports(metadata(), *hierarchy_, Options({Measles03325()}));
  const std::vector<DataValueWrite> b =
      SyntheticWeeklyReports(metadata(), *hierarchy_, Options({Measles03325()}));
  ASSERT_GT(a.size(), 1000u);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key) << i;
    EXPECT_EQ(a[i].value, b[i].value) << i;
    EXPECT_EQ(a[i].period_start, b[i].period_start) << i;
  }
  WeeklyReportOptions other = Options({Measles03325()});
  other.seed = 8;
  EXPECT_NE(ByKey(SyntheticWeeklyReports(metadata(), *hierarchy_, other)), ByKey(a));
}

TEST_F(WeeklyReportsTest, EveryValueIsAPositiveWeeklyCountAtAHealthStation) {
  const std::vector<DataValueWrite> writes =
      SyntheticWeeklyReports(metadata(), *hierarchy_, Options({Measles03325()}));
  std::set<std::string> weeks;
  for (const DataValueWrite& w : writes) {
    EXPECT_EQ(w.comment, kSyntheticWeeklyComment);
    EXPECT_TRUE(IsSyntheticComment(w.comment));
    ASSERT_TRUE(w.value);
    EXPECT_GT(std::stoll(*w.value), 0) << "zeros are not sent";
    const std::optional<Period> week = Period::Parse(w.key.period);
    ASSERT_TRUE(week) << w.key.period;
    EXPECT_EQ(week->type(), PeriodType::kWeek);
    EXPECT_EQ(w.period_start, week->start());
    EXPECT_EQ(w.period_end, week->end());
    EXPECT_FALSE(week->start() < Week(2025, 20).start());
    EXPECT_FALSE(Week(2025, 45).start() < week->start());
    weeks.insert(w.key.period);
    const OrgUnit* station = hierarchy_->FindByUid(w.key.org_unit_uid);
    ASSERT_NE(station, nullptr);
    EXPECT_EQ(station->facility_type, "tyt");
    EXPECT_TRUE(station->validity.Contains(week->end())) << station->code << " " << w.key.period;
    EXPECT_EQ(w.key.attribute_option_combo_uid, DefaultCategoryOptionComboUid());
    EXPECT_EQ(w.key.category_option_combo_uid, CasesCombo(w.key.data_element_uid));
  }
  EXPECT_EQ(weeks.size(), 26u);  // 2025W20 .. 2025W45, each with some cases somewhere
}

// The cluster adds its cases to what the station reports anyway (the random draws are the same).
TEST_F(WeeklyReportsTest, ClusterAddsItsCasesAtTheCommunesStation) {
  const auto plain = ByKey(SyntheticWeeklyReports(metadata(), *hierarchy_, Options()));
  const auto with =
      ByKey(SyntheticWeeklyReports(metadata(), *hierarchy_, Options({Measles03325()})));
  const OrgUnit* commune = hierarchy_->FindByCode("03325", Date(2025, 10, 1));
  ASSERT_NE(commune, nullptr);
  const OrgUnit* station = hierarchy_->FindByCode("TYT03325", Date(2025, 10, 1));
  ASSERT_NE(station, nullptr);
  ASSERT_EQ(hierarchy_->ParentOf(*station, Date(2025, 10, 1)), commune);
  const std::string element = MeaslesElement();
  const std::string coc = CasesCombo(element);

  const std::int64_t injected[] = {4, 9, 15, 7};
  std::map<Key, std::int64_t> expected = plain;
  for (int i = 0; i < 4; ++i) {
    expected[{element, Week(2025, 40 + i).Id(), station->uid, coc}] += injected[i];
  }
  EXPECT_EQ(with, expected);
  EXPECT_GE(with.at({element, "2025W42", station->uid, coc}), 15);
}

TEST_F(WeeklyReportsTest, ClusterBeforeTheReformGoesToTheOldStation) {
  const InjectedCluster cluster{"MEASLES", "03326", Week(2025, 24), {5}};
  const auto plain = ByKey(SyntheticWeeklyReports(metadata(), *hierarchy_, Options()));
  const auto with = ByKey(SyntheticWeeklyReports(metadata(), *hierarchy_, Options({cluster})));
  const OrgUnit* station = hierarchy_->FindByCode("TYT03326", Date(2025, 6, 15));
  ASSERT_NE(station, nullptr);
  const std::string element = MeaslesElement();
  std::map<Key, std::int64_t> expected = plain;
  expected[{element, "2025W24", station->uid, CasesCombo(element)}] += 5;
  EXPECT_EQ(with, expected);
}

TEST_F(WeeklyReportsTest, UnknownDisease) {
  EXPECT_EQ(Refused(Options({{"NOT_A_DISEASE", "03325", Week(2025, 40), {1}}})).code(),
            "demo.unknown_disease");
}

TEST_F(WeeklyReportsTest, UnknownCommune) {
  EXPECT_EQ(Refused(Options({{"MEASLES", "99999", Week(2025, 40), {1}}})).code(),
            "demo.no_station");
}

TEST_F(WeeklyReportsTest, CommuneClosedInAClusterWeek) {
  // 03326 merged into 03325 on 2025-07-01: no station of its own in 2025W27.
  EXPECT_EQ(Refused(Options({{"MEASLES", "03326", Week(2025, 26), {1, 1}}})).code(),
            "demo.no_station");
}

TEST_F(WeeklyReportsTest, PeriodsMustBeWeeks) {
  WeeklyReportOptions o = Options();
  o.first_week = Period::Month(2025, 1);
  EXPECT_EQ(Refused(o).code(), "demo.not_a_week");
  o = Options({{"MEASLES", "03325", Period::Month(2025, 10), {1}}});
  EXPECT_EQ(Refused(o).code(), "demo.not_a_week");
}

}  // namespace
}  // namespace solieu
