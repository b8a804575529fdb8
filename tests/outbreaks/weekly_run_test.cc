// The weekly run end to end on the library level: the real configuration in a SQLite store,
// synthetic weekly reports from 2021 (Farrington with b = 4 needs four years) with one measles
// cluster injected at Xã Mường Phăng (03325), and the run for ten weeks around it.
#include "outbreaks/weekly_run.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "config/config_loader.h"
#include "core/clock.h"
#include "core/error.h"
#include "demo/weekly_reports.h"
#include "engine/analytics.h"
#include "store/store.h"

namespace solieu::outbreaks {
namespace {

namespace fs = std::filesystem;

// The cluster: 4, 9, 15 and 7 measles cases at Mường Phăng's station from 2025W40.
constexpr int kClusterFirstWeek = 40;
constexpr std::int64_t kClusterCases[] = {4, 9, 15, 7};
constexpr int kFirstRunWeek = 36;
constexpr int kLastRunWeek = 45;

class WeeklyRunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("solieu_weekly_run_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    store_ = Store::Open((*dir_ / "store.db").string()).release();
    store_->ApplyMetadata(LoadConfigFolder(SOLIEU_SOURCE_DIR "/config/dien-bien").metadata);

    MetadataSnapshot m = store_->LoadMetadata();
    const OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
    WeeklyReportOptions options;
    options.first_week = Period::Week(2021, 1);
    options.last_week = Period::Week(2025, kLastRunWeek);
    options.seed = 7;
    options.clusters.push_back(
        {"MEASLES", "03325", Period::Week(2025, kClusterFirstWeek),
         std::vector<std::int64_t>(std::begin(kClusterCases), std::end(kClusterCases))});
    writes_ = new std::vector<DataValueWrite>(SyntheticWeeklyReports(m, hierarchy, options));
    store_->PutValues(*writes_, "test");

    // As the CLI's LoadAnalytics does: the store's metadata, then every stored value.
    analytics_ = new Analytics(store_->LoadMetadata());
    std::vector<DataValueWrite> values;
    for (DataValue& v : store_->QueryValues({})) {
      const std::optional<Period> period = Period::Parse(v.key.period);
      if (!period) continue;
      values.push_back({std::move(v.key), period->start(), period->end(), std::move(v.value), ""});
    }
    analytics_->Apply(values);
    rules_ = new DetectionRules(analytics_->metadata());

    scans_ = new std::map<std::string, WeekScan>;
    for (int w = kFirstRunWeek; w <= kLastRunWeek; ++w) {
      const Period week = Period::Week(2025, w);
      WeekScan scan = ScanWeek(*analytics_, *rules_, week);
      SaveScan(*store_, scan, "test-run", UtcTimestampNow());
      scans_->emplace(week.Id(), std::move(scan));
    }
  }

  static void TearDownTestSuite() {
    delete scans_;
    delete rules_;
    delete analytics_;
    delete writes_;
    delete store_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static const MetadataSnapshot& metadata() { return analytics_->metadata(); }
  static const OrgHierarchy& hierarchy() { return analytics_->hierarchy(); }
  static const Disease& Measles() { return *FindDisease(metadata(), "MEASLES"); }
  static const OrgUnit& MuongPhang() { return *hierarchy().FindByCode("03325", Date(2025, 10, 1)); }

  // The measles cases the synthetic reports hold for `week` at the stations that make up today's
  // Mường Phăng: before the reform those of Nà Nhạn, the old Mường Phăng and Pá Khoang.
  static std::int64_t MeaslesAtMuongPhang(const Period& week) {
    return CasesAtMuongPhang(Measles(), week);
  }
  static std::int64_t CasesAtMuongPhang(const Disease& disease, const Period& week) {
    std::set<std::string> stations;
    for (const char* code : {"TYT03317", "TYT03325", "TYT03326"}) {
      if (const OrgUnit* s = hierarchy().FindByCode(code, week.end())) stations.insert(s->uid);
    }
    std::int64_t sum = 0;
    for (const DataValueWrite& w : *writes_) {
      if (w.key.data_element_uid == disease.data_element_uid && w.key.period == week.Id() &&
          stations.count(w.key.org_unit_uid) > 0) {
        sum += std::stoll(*w.value);
      }
    }
    return sum;
  }

  static fs::path* dir_;
  static Store* store_;
  static std::vector<DataValueWrite>* writes_;
  static Analytics* analytics_;
  static DetectionRules* rules_;
  static std::map<std::string, WeekScan>* scans_;
};

fs::path* WeeklyRunTest::dir_ = nullptr;
Store* WeeklyRunTest::store_ = nullptr;
std::vector<DataValueWrite>* WeeklyRunTest::writes_ = nullptr;
Analytics* WeeklyRunTest::analytics_ = nullptr;
DetectionRules* WeeklyRunTest::rules_ = nullptr;
std::map<std::string, WeekScan>* WeeklyRunTest::scans_ = nullptr;

TEST_F(WeeklyRunTest, OneMeaslesAlertAtTheClusterCommune) {
  const std::vector<AlertRecord> alerts =
      store_->Surveillance().ListAlerts({{}, Measles().uid, {MuongPhang().uid}});
  ASSERT_EQ(alerts.size(), 1u);
  const AlertRecord& alert = alerts[0];
  EXPECT_EQ(alert.status, AlertStatus::kOpen);

  const std::vector<SignalRecord> signals = store_->Surveillance().SignalsOfAlert(alert.id);
  std::set<std::string> weeks;
  for (const SignalRecord& s : signals) {
    weeks.insert(s.period);
    EXPECT_EQ(s.algorithm, "farrington-flexible");
    EXPECT_EQ(s.parameters, "b=4;w=3;no-periods=10;past-weeks-not-included=26;alpha=0.01");
    const Period week = *Period::Parse(s.period);
    EXPECT_EQ(s.period_start, week.start());
    EXPECT_EQ(s.observed, MeaslesAtMuongPhang(week)) << s.period;
    ASSERT_TRUE(s.upper_bound) << s.period;
    EXPECT_GT(static_cast<double>(s.observed), *s.upper_bound) << s.period;
    EXPECT_TRUE(s.expected) << s.period;
  }
  // Every week of the cluster from the one where limit54 (5 cases in 4 weeks) is reached.
  std::int64_t recent = 0;
  for (int i = 0; i < 4; ++i) {
    const Period week = Period::Week(2025, kClusterFirstWeek + i);
    recent = 0;
    for (int back = 0; back < 4; ++back) recent += MeaslesAtMuongPhang(week.Shifted(-back));
    if (recent >= 5) {
      EXPECT_EQ(weeks.count(week.Id()), 1u) << week.Id();
    }
  }
  EXPECT_EQ(weeks.count("2025W41"), 1u);
  EXPECT_EQ(weeks.count("2025W42"), 1u);
  EXPECT_EQ(weeks.count("2025W43"), 1u);
  for (const std::string& week : weeks) {
    EXPECT_TRUE(week >= "2025W40" && week <= "2025W43") << week << " is outside the cluster";
  }
  EXPECT_EQ(alert.signal_count, static_cast<int>(weeks.size()));
  EXPECT_EQ(alert.first_period, *weeks.begin());
  EXPECT_EQ(alert.last_period, *weeks.rbegin());
  EXPECT_GE(alert.max_observed, 15);
}

TEST_F(WeeklyRunTest, NoMeaslesAlertAtAnyOtherCommune) {
  for (const AlertRecord& alert : store_->Surveillance().ListAlerts({{}, Measles().uid, {}})) {
    const OrgUnit* unit = hierarchy().FindByUid(alert.org_unit_uid);
    ASSERT_NE(unit, nullptr);
    if (unit->level == OrgLevel::kCommune) {
      EXPECT_EQ(unit->uid, MuongPhang().uid) << "a measles alert at " << unit->code;
    }
  }
}

// The province's series sums every commune, the cluster included.
TEST_F(WeeklyRunTest, TheProvinceSeesTheClusterToo) {
  const OrgUnit* province = hierarchy().FindByCode("11", Date(2025, 10, 1));
  ASSERT_NE(province, nullptr);
  const std::vector<AlertRecord> alerts =
      store_->Surveillance().ListAlerts({{}, Measles().uid, {province->uid}});
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].first_period, "2025W41");
  EXPECT_EQ(alerts[0].last_period, "2025W43");
  EXPECT_GE(alerts[0].max_observed, 15);
}

TEST_F(WeeklyRunTest, EveryRunIsStored) {
  // Every disease has a rule at every level, so every (disease, non-facility unit) is scored.
  std::map<std::string, SurveillanceRun> runs;
  for (const SurveillanceRun& run : store_->Surveillance().ListRuns(100))
    runs.emplace(run.period, run);
  for (int w = kFirstRunWeek; w <= kLastRunWeek; ++w) {
    const Period week = Period::Week(2025, w);
    ASSERT_EQ(runs.count(week.Id()), 1u) << week.Id();
    const SurveillanceRun& run = runs.at(week.Id());
    const WeekScan& scan = scans_->at(week.Id());
    std::int64_t units = 0;
    for (const OrgUnit* unit : hierarchy().TreeAsOf(week.end())) {
      if (unit->level != OrgLevel::kFacility) ++units;
    }
    EXPECT_EQ(run.series_scored + run.series_skipped,
              units * static_cast<std::int64_t>(metadata().diseases.size()))
        << week.Id();
    EXPECT_EQ(run.series_scored, scan.series_scored);
    EXPECT_EQ(run.signals, static_cast<std::int64_t>(scan.signals.size()));
    EXPECT_EQ(run.run_by, "test-run");
    EXPECT_EQ(scan.week, week);
    for (const SignalRecord& s : scan.signals) EXPECT_EQ(s.period, week.Id());
  }
  // Newest first.
  const std::vector<SurveillanceRun> latest = store_->Surveillance().ListRuns(2);
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_GT(latest[0].id, latest[1].id);
}

TEST_F(WeeklyRunTest, ChartOfTheClusterCommune) {
  const SeriesChart chart = ChartSeries(*analytics_, *rules_, Measles(), MuongPhang(),
                                        Period::Week(2025, 30), Period::Week(2025, 45));
  ASSERT_NE(chart.rule, nullptr);
  EXPECT_EQ(chart.rule->method, "farrington-flexible");
  ASSERT_EQ(chart.weeks.size(), 16u);
  ASSERT_EQ(chart.scores.size(), 16u);
  const std::vector<SignalRecord> signals = store_->Surveillance().SignalsOfAlert(
      store_->Surveillance().ListAlerts({{}, Measles().uid, {MuongPhang().uid}}).at(0).id);
  std::set<std::string> signalled;
  for (const SignalRecord& s : signals) signalled.insert(s.period);
  for (int i = 0; i < 16; ++i) {
    const Period& week = chart.weeks[static_cast<size_t>(i)];
    const WeekScore& score = chart.scores[static_cast<size_t>(i)];
    EXPECT_EQ(week, Period::Week(2025, 30 + i));
    EXPECT_EQ(score.idx, i + 1);
    EXPECT_EQ(score.observed, MeaslesAtMuongPhang(week)) << week.Id();
    const int n = 30 + i;
    if (n >= 41 && n <= 43) {
      EXPECT_GE(score.observed, kClusterCases[n - kClusterFirstWeek]) << week.Id();
      EXPECT_EQ(score.alarm, true) << week.Id();
    } else if (n < kClusterFirstWeek) {
      EXPECT_FALSE(score.alarm.value_or(false)) << week.Id();
    }
    // The chart and the weekly run agree on every week the run scored.
    if (n >= kFirstRunWeek) {
      EXPECT_EQ(score.alarm.value_or(false), signalled.count(week.Id()) > 0) << week.Id();
    }
  }
}

// Before the reform the new commune's series is the sum of the three communes merged into it.
TEST_F(WeeklyRunTest, ChartCarriesTheMergedCommunesHistory) {
  const Disease& diarrhoea = *FindDisease(metadata(), "DIARRHOEA");
  const SeriesChart chart = ChartSeries(*analytics_, *rules_, diarrhoea, MuongPhang(),
                                        Period::Week(2025, 10), Period::Week(2025, 39));
  ASSERT_EQ(chart.weeks.size(), 30u);
  ASSERT_EQ(chart.scores.size(), 30u);
  std::int64_t before_reform = 0;
  for (size_t i = 0; i < chart.weeks.size(); ++i) {
    EXPECT_EQ(chart.scores[i].observed, CasesAtMuongPhang(diarrhoea, chart.weeks[i]))
        << chart.weeks[i].Id();
    if (chart.weeks[i].end() < Date(2025, 7, 1)) before_reform += chart.scores[i].observed;
  }
  EXPECT_GT(before_reform, 0) << "no cases before the reform: the test checks nothing";
  const std::vector<std::int64_t> counts =
      WeeklyCounts(*analytics_, diarrhoea, MuongPhang().uid, Period::Week(2025, 39), 30);
  ASSERT_EQ(counts.size(), 30u);
  for (size_t i = 0; i < counts.size(); ++i) EXPECT_EQ(counts[i], chart.scores[i].observed);
  // No deaths were reported.
  for (std::int64_t deaths : WeeklyCounts(*analytics_, diarrhoea, MuongPhang().uid,
                                          Period::Week(2025, 39), 30, kDeathsOption)) {
    EXPECT_EQ(deaths, 0);
  }
}

TEST_F(WeeklyRunTest, ChartAtALevelWithoutARule) {
  const OrgUnit* station = hierarchy().FindByCode("TYT03325", Date(2025, 10, 1));
  ASSERT_NE(station, nullptr);
  const SeriesChart chart = ChartSeries(*analytics_, *rules_, Measles(), *station,
                                        Period::Week(2025, 40), Period::Week(2025, 43));
  EXPECT_EQ(chart.rule, nullptr);
  ASSERT_EQ(chart.scores.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(chart.scores[i].observed, MeaslesAtMuongPhang(chart.weeks[i]));
    EXPECT_FALSE(chart.scores[i].alarm);
    EXPECT_FALSE(chart.scores[i].upper_bound);
  }
}

TEST_F(WeeklyRunTest, RerunningAWeekAddsNoSignalOrAlert) {
  const size_t alerts_before = store_->Surveillance().ListAlerts({}).size();
  const AlertRecord before =
      store_->Surveillance().ListAlerts({{}, Measles().uid, {MuongPhang().uid}}).at(0);
  const Period week = Period::Week(2025, 42);
  const WeekScan scan = ScanWeek(*analytics_, *rules_, week);
  EXPECT_EQ(scan.signals.size(), scans_->at(week.Id()).signals.size());
  const SurveillanceRun run = SaveScan(*store_, scan, "test-rerun", UtcTimestampNow());
  EXPECT_EQ(run.period, "2025W42");
  EXPECT_EQ(store_->Surveillance().ListAlerts({}).size(), alerts_before);
  const AlertRecord after = *store_->Surveillance().FindAlert(before.id);
  EXPECT_EQ(after.signal_count, before.signal_count);
  EXPECT_EQ(after.first_period, before.first_period);
  EXPECT_EQ(after.last_period, before.last_period);
  for (const SignalRecord& s : store_->Surveillance().SignalsOfAlert(before.id)) {
    if (s.period == "2025W42") {
      EXPECT_EQ(s.run_id, run.id);
    }
  }
}

TEST_F(WeeklyRunTest, OnlyIsoWeeks) {
  try {
    ScanWeek(*analytics_, *rules_, Period::Month(2025, 10));
    FAIL() << "a month was scanned";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.not_a_week");
    EXPECT_EQ(e.where(), "week");
  }
  EXPECT_THROW(ScanWeek(*analytics_, *rules_, Period::Year(2025)), UserError);
  EXPECT_THROW(ChartSeries(*analytics_, *rules_, Measles(), MuongPhang(), Period::Month(2025, 9),
                           Period::Week(2025, 45)),
               UserError);
  try {
    ChartSeries(*analytics_, *rules_, Measles(), MuongPhang(), Period::Week(2025, 45),
                Period::Week(2025, 30));
    FAIL() << "an empty range was charted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.empty_range");
  }
  try {
    ChartSeries(*analytics_, *rules_, Measles(), MuongPhang(), Period::Week(2015, 1),
                Period::Week(2025, 45));
    FAIL() << "more than 520 weeks were charted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.range_too_long");
  }
}

}  // namespace
}  // namespace solieu::outbreaks
