// The surveillance records on a real SQLite file with the province's configuration: runs and
// their signals, alerts grouping the signals of one disease and place, verification, outbreak
// records and the log of who changed what.
#include "store/surveillance_records.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "config/config_loader.h"
#include "core/error.h"
#include "core/period.h"
#include "outbreaks/alert_linking.h"
#include "store/store.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

class SurveillanceRecordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    metadata_ =
        new MetadataSnapshot(LoadConfigFolder(SOLIEU_SOURCE_DIR "/config/dien-bien").metadata);
  }
  static void TearDownTestSuite() { delete metadata_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solieu_surveillance_records_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = Store::Open((dir_ / "store.db").string());
    store_->ApplyMetadata(*metadata_);
    measles_ = DiseaseUid("MEASLES");
    dengue_ = DiseaseUid("DENGUE");
    muong_phang_ = UnitUid("03325");
    pa_khoang_ = UnitUid("03326");  // open before the reform; any unit will do for the records
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  SurveillanceRecords& records() { return store_->Surveillance(); }

  static std::string DiseaseUid(const std::string& code) {
    for (const Disease& d : metadata_->diseases) {
      if (d.code == code) return d.uid;
    }
    ADD_FAILURE() << "no disease " << code;
    return "";
  }
  // The unit holding `code` on 2025-10-01, or else the latest one that held it.
  static std::string UnitUid(const std::string& code) {
    std::string uid;
    for (const OrgUnit& u : metadata_->org_units) {
      if (u.code != code) continue;
      if (u.validity.Contains(Date(2025, 10, 1)) || uid.empty()) uid = u.uid;
    }
    EXPECT_FALSE(uid.empty()) << "no unit " << code;
    return uid;
  }

  static SignalRecord Signal(const std::string& disease, const std::string& unit, int week,
                             std::int64_t observed) {
    const Period p = Period::Week(2025, week);
    SignalRecord s;
    s.disease_uid = disease;
    s.org_unit_uid = unit;
    s.period = p.Id();
    s.period_start = p.start();
    s.observed = observed;
    s.expected = 0.5;
    s.upper_bound = 3.25;
    s.algorithm = "farrington-flexible";
    s.parameters = "b=4;w=3";
    return s;
  }

  // A weekly run as the run saves it: the signals placed among the active alerts.
  SurveillanceRun Run(int week, const std::vector<SignalRecord>& signals) {
    std::vector<AlertRecord> alerts = records().ListAlerts(
        {{AlertStatus::kOpen, AlertStatus::kMonitoring, AlertStatus::kOutbreak}, "", {}});
    SurveillanceRun run;
    run.period = Period::Week(2025, week).Id();
    run.started_at = "2025-10-20T01:00:00Z";
    run.finished_at = "2025-10-20T01:00:05Z";
    run.run_by = "scheduler";
    run.series_scored = 1426;
    run.series_skipped = 3;
    return records().SaveRun(run, outbreaks::PlaceSignals(signals, alerts));
  }

  static SurveillanceEvent Event(const std::string& action, const std::string& at) {
    SurveillanceEvent e;
    e.at = at;
    e.username = "epi.tinh";
    e.client = "10.0.0.5";
    e.action = action;
    e.detail = R"({"note":"x"})";
    return e;
  }

  OutbreakRecord OutbreakOf(const AlertRecord& alert) {
    OutbreakRecord o;
    o.disease_uid = alert.disease_uid;
    o.org_unit_uid = alert.org_unit_uid;
    o.start_date = Date(2025, 9, 29);
    o.cases = 35;
    o.deaths = 1;
    o.actions = "tiêm bổ sung";
    o.declared_by = "epi.tinh";
    o.declared_at = "2025-10-21T08:00:00Z";
    o.updated_by = "epi.tinh";
    o.updated_at = "2025-10-21T08:00:00Z";
    return o;
  }

  // The store's one alert.
  AlertRecord OnlyAlert() {
    std::vector<AlertRecord> alerts = records().ListAlerts({});
    EXPECT_EQ(alerts.size(), 1u);
    return alerts.empty() ? AlertRecord{} : alerts[0];
  }

  static MetadataSnapshot* metadata_;
  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::string measles_, dengue_, muong_phang_, pa_khoang_;
};

MetadataSnapshot* SurveillanceRecordsTest::metadata_ = nullptr;

TEST_F(SurveillanceRecordsTest, MigrationFourIsApplied) {
  EXPECT_GE(store_->SchemaVersion(), 4);
  EXPECT_TRUE(records().ListAlerts({}).empty());
  EXPECT_TRUE(records().ListRuns(10).empty());
  EXPECT_TRUE(records().ListOutbreaks("", {}).empty());
  EXPECT_TRUE(records().Events(std::nullopt, std::nullopt).empty());
}

TEST_F(SurveillanceRecordsTest, DetectionRulesRoundTrip) {
  const MetadataSnapshot loaded = store_->LoadMetadata();
  ASSERT_EQ(loaded.detection_rules.size(), metadata_->detection_rules.size());
  for (size_t i = 0; i < loaded.detection_rules.size(); ++i) {
    const DetectionRule& a = loaded.detection_rules[i];
    const DetectionRule& b = metadata_->detection_rules[i];
    EXPECT_EQ(a.uid, b.uid);
    EXPECT_EQ(a.disease_uid, b.disease_uid);
    EXPECT_EQ(a.priority_only, b.priority_only);
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.method, b.method);
    EXPECT_EQ(a.parameters, b.parameters);
  }
  EXPECT_EQ(store_->ApplyMetadata(*metadata_).created, 0);  // reloading creates nothing
}

TEST_F(SurveillanceRecordsTest, ThreeWeeksMakeOneAlert) {
  const SurveillanceRun first = Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const SurveillanceRun second = Run(41, {Signal(measles_, muong_phang_, 41, 15)});
  const SurveillanceRun third = Run(42, {Signal(measles_, muong_phang_, 42, 9)});
  EXPECT_EQ(first.signals, 1);
  EXPECT_LT(first.id, second.id);
  EXPECT_LT(second.id, third.id);

  const AlertRecord alert = OnlyAlert();
  EXPECT_EQ(alert.disease_uid, measles_);
  EXPECT_EQ(alert.org_unit_uid, muong_phang_);
  EXPECT_EQ(alert.status, AlertStatus::kOpen);
  EXPECT_EQ(alert.signal_count, 3);
  EXPECT_EQ(alert.first_period, "2025W40");
  EXPECT_EQ(alert.last_period, "2025W42");
  EXPECT_EQ(alert.last_period_start, Period::Week(2025, 42).start());
  EXPECT_EQ(alert.max_observed, 15);
  EXPECT_FALSE(alert.outbreak_id);
  EXPECT_FALSE(alert.outbreak_ongoing);
  EXPECT_TRUE(alert.verified_by.empty());
  EXPECT_FALSE(alert.created_at.empty());

  const std::vector<SignalRecord> signals = records().SignalsOfAlert(alert.id);
  ASSERT_EQ(signals.size(), 3u);
  const std::int64_t runs[] = {first.id, second.id, third.id};
  const std::int64_t observed[] = {4, 15, 9};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(signals[i].period, Period::Week(2025, 40 + static_cast<int>(i)).Id());
    EXPECT_EQ(signals[i].period_start, Period::Week(2025, 40 + static_cast<int>(i)).start());
    EXPECT_EQ(signals[i].observed, observed[i]);
    EXPECT_EQ(signals[i].expected, 0.5);
    EXPECT_EQ(signals[i].upper_bound, 3.25);
    EXPECT_EQ(signals[i].algorithm, "farrington-flexible");
    EXPECT_EQ(signals[i].parameters, "b=4;w=3");
    EXPECT_EQ(signals[i].run_id, runs[i]);
    EXPECT_EQ(signals[i].alert_id, alert.id);
    EXPECT_EQ(signals[i].disease_uid, measles_);
    EXPECT_EQ(signals[i].org_unit_uid, muong_phang_);
  }

  const std::vector<SurveillanceRun> listed = records().ListRuns(2);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, third.id);  // newest first
  EXPECT_EQ(listed[0].period, "2025W42");
  EXPECT_EQ(listed[0].run_by, "scheduler");
  EXPECT_EQ(listed[0].series_scored, 1426);
  EXPECT_EQ(listed[0].series_skipped, 3);
  EXPECT_EQ(listed[0].signals, 1);
  EXPECT_EQ(listed[0].started_at, "2025-10-20T01:00:00Z");
  EXPECT_EQ(listed[1].id, second.id);
}

TEST_F(SurveillanceRecordsTest, OtherDiseaseOrPlaceOpensItsOwnAlert) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4), Signal(dengue_, muong_phang_, 40, 6),
           Signal(measles_, pa_khoang_, 40, 5)});
  Run(41, {Signal(measles_, muong_phang_, 41, 8)});
  EXPECT_EQ(records().ListAlerts({}).size(), 3u);
  const std::vector<AlertRecord> measles_here =
      records().ListAlerts({{}, measles_, {muong_phang_}});
  ASSERT_EQ(measles_here.size(), 1u);
  EXPECT_EQ(measles_here[0].signal_count, 2);
  EXPECT_EQ(records().ListAlerts({{}, measles_, {}}).size(), 2u);
  EXPECT_EQ(records().ListAlerts({{}, "", {muong_phang_}}).size(), 2u);
  EXPECT_EQ(records().ListAlerts({{}, "", {muong_phang_, pa_khoang_}}).size(), 3u);
  EXPECT_EQ(records().ListAlerts({{AlertStatus::kDiscarded}, "", {}}).size(), 0u);
  EXPECT_EQ(records().ListAlerts({{AlertStatus::kOpen}, dengue_, {}}).size(), 1u);
  // Newest first.
  const std::vector<AlertRecord> all = records().ListAlerts({});
  EXPECT_GT(all[0].id, all[1].id);
  EXPECT_GT(all[1].id, all[2].id);
}

TEST_F(SurveillanceRecordsTest, TwoSignalsOfOnePlaceInOneRunOpenOneAlert) {
  // Two algorithms flag the same week (no alert yet): one new alert for the disease and place.
  SignalRecord ears = Signal(measles_, muong_phang_, 41, 9);
  ears.algorithm = "ears-c3-textbook";
  Run(41, {Signal(measles_, muong_phang_, 41, 9), ears});
  const AlertRecord alert = OnlyAlert();
  EXPECT_EQ(records().SignalsOfAlert(alert.id).size(), 2u);
}

TEST_F(SurveillanceRecordsTest, RerunUpdatesTheSignalInPlace) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const AlertRecord before = OnlyAlert();
  const SurveillanceRun again = Run(40, {Signal(measles_, muong_phang_, 40, 6)});
  const AlertRecord after = OnlyAlert();
  EXPECT_EQ(after.id, before.id);
  EXPECT_EQ(after.signal_count, 1);
  EXPECT_EQ(after.max_observed, 6);
  const std::vector<SignalRecord> signals = records().SignalsOfAlert(after.id);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].observed, 6);
  EXPECT_EQ(signals[0].run_id, again.id);
  EXPECT_EQ(records().ListRuns(10).size(), 2u);
}

TEST_F(SurveillanceRecordsTest, RerunKeepsTheSignalInItsDiscardedAlert) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const AlertRecord alert = OnlyAlert();
  records().VerifyAlert(alert.id, AlertStatus::kDiscarded, "lỗi nhập liệu", std::nullopt,
                        Event("verify_alert", "2025-10-21T08:00:00Z"));
  // Re-running the week: PlaceSignals would open a new alert, but the stored signal keeps its own.
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const AlertRecord after = OnlyAlert();
  EXPECT_EQ(after.id, alert.id);
  EXPECT_EQ(after.status, AlertStatus::kDiscarded);
  // A new week after the discard opens a new alert.
  Run(41, {Signal(measles_, muong_phang_, 41, 7)});
  const std::vector<AlertRecord> alerts = records().ListAlerts({{}, measles_, {muong_phang_}});
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].status, AlertStatus::kOpen);
  EXPECT_EQ(alerts[0].first_period, "2025W41");
  EXPECT_EQ(alerts[1].id, alert.id);
  EXPECT_EQ(alerts[1].signal_count, 1);
}

TEST_F(SurveillanceRecordsTest, MonitoredAlertKeepsCollectingSignals) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const AlertRecord alert = OnlyAlert();
  EXPECT_FALSE(records().VerifyAlert(alert.id, AlertStatus::kMonitoring, "theo dõi thêm",
                                     std::nullopt, Event("verify_alert", "2025-10-21T08:00:00Z")));
  Run(41, {Signal(measles_, muong_phang_, 41, 8)});
  const AlertRecord after = OnlyAlert();
  EXPECT_EQ(after.status, AlertStatus::kMonitoring);
  EXPECT_EQ(after.signal_count, 2);
  EXPECT_EQ(after.note, "theo dõi thêm");
  EXPECT_EQ(after.verified_by, "epi.tinh");
  EXPECT_EQ(after.verified_at, "2025-10-21T08:00:00Z");
}

TEST_F(SurveillanceRecordsTest, DeclaringAnOutbreakAndEndingIt) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  Run(41, {Signal(measles_, muong_phang_, 41, 9)});
  const AlertRecord alert = OnlyAlert();

  const std::optional<std::int64_t> outbreak_id =
      records().VerifyAlert(alert.id, AlertStatus::kOutbreak, "ổ dịch sởi", OutbreakOf(alert),
                            Event("declare_outbreak", "2025-10-21T08:00:00Z"));
  ASSERT_TRUE(outbreak_id);
  AlertRecord declared = *records().FindAlert(alert.id);
  EXPECT_EQ(declared.status, AlertStatus::kOutbreak);
  EXPECT_EQ(declared.outbreak_id, outbreak_id);
  EXPECT_TRUE(declared.outbreak_ongoing);
  EXPECT_EQ(declared.verified_by, "epi.tinh");
  EXPECT_EQ(declared.note, "ổ dịch sởi");
  EXPECT_EQ(declared.signal_count, 2);

  std::optional<OutbreakRecord> outbreak = records().FindOutbreak(*outbreak_id);
  ASSERT_TRUE(outbreak);
  EXPECT_EQ(outbreak->alert_id, alert.id);
  EXPECT_EQ(outbreak->disease_uid, measles_);
  EXPECT_EQ(outbreak->org_unit_uid, muong_phang_);
  EXPECT_EQ(outbreak->start_date, Date(2025, 9, 29));
  EXPECT_FALSE(outbreak->end_date);
  EXPECT_EQ(outbreak->cases, 35);
  EXPECT_EQ(outbreak->deaths, 1);
  EXPECT_EQ(outbreak->actions, "tiêm bổ sung");
  EXPECT_EQ(outbreak->declared_by, "epi.tinh");

  // While the outbreak goes on, the next week's signal joins it.
  Run(42, {Signal(measles_, muong_phang_, 42, 12)});
  EXPECT_EQ(OnlyAlert().signal_count, 3);

  OutbreakRecord ended = *outbreak;
  ended.end_date = Date(2025, 11, 10);
  ended.cases = 41;
  ended.updated_by = "epi.huyen";
  ended.updated_at = "2025-11-11T09:00:00Z";
  SurveillanceEvent update = Event("update_outbreak", "2025-11-11T09:00:00Z");
  update.username = "epi.huyen";
  update.client = "10.0.0.9";
  EXPECT_EQ(records().PutOutbreak(ended, update), *outbreak_id);
  declared = *records().FindAlert(alert.id);
  EXPECT_EQ(declared.outbreak_id, outbreak_id);
  EXPECT_FALSE(declared.outbreak_ongoing);
  outbreak = records().FindOutbreak(*outbreak_id);
  EXPECT_EQ(outbreak->end_date, Date(2025, 11, 10));
  EXPECT_EQ(outbreak->cases, 41);
  EXPECT_EQ(outbreak->updated_by, "epi.huyen");
  EXPECT_EQ(outbreak->declared_by, "epi.tinh");
  EXPECT_EQ(outbreak->alert_id, alert.id);

  // Once it has ended, a new signal opens a new alert.
  Run(47, {Signal(measles_, muong_phang_, 47, 6)});
  EXPECT_EQ(records().ListAlerts({{AlertStatus::kOpen}, measles_, {muong_phang_}}).size(), 1u);

  const std::vector<OutbreakRecord> listed = records().ListOutbreaks(measles_, {muong_phang_});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, *outbreak_id);
  EXPECT_TRUE(records().ListOutbreaks(dengue_, {}).empty());
  EXPECT_TRUE(records().ListOutbreaks("", {pa_khoang_}).empty());

  // The log: who, from where, what, in order.
  const std::vector<SurveillanceEvent> events = records().Events(alert.id, std::nullopt);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "declare_outbreak");
  EXPECT_EQ(events[0].username, "epi.tinh");
  EXPECT_EQ(events[0].client, "10.0.0.5");
  EXPECT_EQ(events[0].at, "2025-10-21T08:00:00Z");
  EXPECT_EQ(events[0].alert_id, alert.id);
  EXPECT_EQ(events[0].outbreak_id, outbreak_id);
  EXPECT_EQ(events[0].detail, R"({"note":"x"})");
  EXPECT_EQ(events[1].action, "update_outbreak");
  EXPECT_EQ(events[1].username, "epi.huyen");
  EXPECT_EQ(events[1].client, "10.0.0.9");
  EXPECT_EQ(events[1].alert_id, alert.id);
  EXPECT_EQ(events[1].outbreak_id, outbreak_id);
  EXPECT_LT(events[0].id, events[1].id);
  EXPECT_EQ(records().Events(std::nullopt, outbreak_id).size(), 2u);
  EXPECT_EQ(records().Events(std::nullopt, std::nullopt).size(), 2u);
}

TEST_F(SurveillanceRecordsTest, OutbreakWithoutAnAlert) {
  OutbreakRecord o;
  o.disease_uid = dengue_;
  o.org_unit_uid = muong_phang_;
  o.start_date = Date(2025, 8, 4);
  o.cases = 3;
  o.declared_by = o.updated_by = "epi.tinh";
  o.declared_at = o.updated_at = "2025-08-05T08:00:00Z";
  const std::int64_t id = records().PutOutbreak(o, Event("declare_outbreak", o.declared_at));
  const std::optional<OutbreakRecord> stored = records().FindOutbreak(id);
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->alert_id);
  const std::vector<SurveillanceEvent> events = records().Events(std::nullopt, id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].alert_id);
  EXPECT_EQ(events[0].outbreak_id, id);
}

TEST_F(SurveillanceRecordsTest, DeathsAboveCasesAreRefusedAndNothingChanges) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const AlertRecord alert = OnlyAlert();
  OutbreakRecord bad = OutbreakOf(alert);
  bad.cases = 2;
  bad.deaths = 3;

  // Through the verification: the alert stays open, no outbreak, no event.
  EXPECT_ANY_THROW(records().VerifyAlert(alert.id, AlertStatus::kOutbreak, "x", bad,
                                         Event("declare_outbreak", "2025-10-21T08:00:00Z")));
  const AlertRecord after = *records().FindAlert(alert.id);
  EXPECT_EQ(after.status, AlertStatus::kOpen);
  EXPECT_TRUE(after.verified_by.empty());
  EXPECT_EQ(after.note, "");
  EXPECT_FALSE(after.outbreak_id);

  // Directly.
  bad.alert_id = std::nullopt;
  EXPECT_ANY_THROW(records().PutOutbreak(bad, Event("declare_outbreak", "2025-10-21T08:00:00Z")));
  EXPECT_TRUE(records().ListOutbreaks("", {}).empty());
  EXPECT_TRUE(records().Events(std::nullopt, std::nullopt).empty());

  // And on an update of a good record.
  OutbreakRecord good = OutbreakOf(alert);
  good.alert_id = std::nullopt;
  good.id = records().PutOutbreak(good, Event("declare_outbreak", "2025-10-21T08:00:00Z"));
  OutbreakRecord worse = good;
  worse.deaths = good.cases + 1;
  EXPECT_ANY_THROW(records().PutOutbreak(worse, Event("update_outbreak", "2025-10-22T08:00:00Z")));
  EXPECT_EQ(records().FindOutbreak(good.id)->deaths, 1);
  EXPECT_EQ(records().Events(std::nullopt, std::nullopt).size(), 1u);
}

TEST_F(SurveillanceRecordsTest, UnknownAlertOrOutbreak) {
  try {
    records().VerifyAlert(999, AlertStatus::kDiscarded, "", std::nullopt,
                          Event("verify_alert", "2025-10-21T08:00:00Z"));
    FAIL() << "an unknown alert was verified";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.unknown_alert");
  }
  EXPECT_FALSE(records().FindAlert(999));
  EXPECT_TRUE(records().SignalsOfAlert(999).empty());
  OutbreakRecord o;
  o.id = 999;
  o.disease_uid = measles_;
  o.org_unit_uid = muong_phang_;
  o.start_date = Date(2025, 9, 1);
  try {
    records().PutOutbreak(o, Event("update_outbreak", "2025-10-21T08:00:00Z"));
    FAIL() << "an unknown outbreak was updated";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.unknown_outbreak");
  }
  EXPECT_FALSE(records().FindOutbreak(999));
  EXPECT_TRUE(records().Events(std::nullopt, std::nullopt).empty());
}

TEST_F(SurveillanceRecordsTest, RunWithAnUnknownDiseaseStoresNothing) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  SurveillanceRun run;
  run.period = "2025W41";
  run.started_at = run.finished_at = "2025-10-20T01:00:00Z";
  run.run_by = "scheduler";
  EXPECT_THROW(records().SaveRun(run, {{Signal(measles_, muong_phang_, 41, 8), std::nullopt},
                                       {Signal("NoSuchDisea", muong_phang_, 41, 8), std::nullopt}}),
               UserError);
  EXPECT_EQ(records().ListRuns(10).size(), 1u);
  EXPECT_EQ(records().ListAlerts({}).size(), 1u);
  EXPECT_EQ(OnlyAlert().signal_count, 1);
}

TEST_F(SurveillanceRecordsTest, RecordsSurviveReopening) {
  Run(40, {Signal(measles_, muong_phang_, 40, 4)});
  const std::int64_t id = OnlyAlert().id;
  store_.reset();
  store_ = Store::Open((dir_ / "store.db").string());
  const std::optional<AlertRecord> alert = records().FindAlert(id);
  ASSERT_TRUE(alert);
  EXPECT_EQ(alert->signal_count, 1);
  EXPECT_EQ(records().ListRuns(10).size(), 1u);
}

TEST(AlertStatusNames, RoundTrip) {
  for (AlertStatus s : {AlertStatus::kOpen, AlertStatus::kMonitoring, AlertStatus::kDiscarded,
                        AlertStatus::kOutbreak}) {
    EXPECT_EQ(ParseAlertStatus(AlertStatusName(s)), s);
  }
  EXPECT_EQ(AlertStatusName(AlertStatus::kOpen), "open");
  EXPECT_EQ(AlertStatusName(AlertStatus::kMonitoring), "monitoring");
  EXPECT_EQ(AlertStatusName(AlertStatus::kDiscarded), "discarded");
  EXPECT_EQ(AlertStatusName(AlertStatus::kOutbreak), "outbreak");
  EXPECT_EQ(ParseAlertStatus("closed"), std::nullopt);
  EXPECT_EQ(ParseAlertStatus("Open"), std::nullopt);
}

}  // namespace
}  // namespace solieu
