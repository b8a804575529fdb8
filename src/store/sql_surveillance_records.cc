#include "store/sql_surveillance_records.h"

#include <map>
#include <utility>

#include "core/clock.h"
#include "core/error.h"

namespace solieu {
namespace {

using sql::Connection;
using sql::Statement;
using sql::Transaction;

std::optional<Date> ParseDateText(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  return Date::Parse(*text);
}

// The columns of an alert with what its signals and outbreak tell; joined by ListAlerts and
// FindAlert so both read the same thing.
constexpr std::string_view kAlertSelect = R"sql(
SELECT a.id, d.uid, o.uid, a.status, a.created_at, a.updated_at, a.verified_by, a.verified_at,
  a.note,
  (SELECT s.period FROM surveillance_signal s WHERE s.alert_id = a.id
     ORDER BY s.period_start LIMIT 1),
  (SELECT s.period FROM surveillance_signal s WHERE s.alert_id = a.id
     ORDER BY s.period_start DESC LIMIT 1),
  (SELECT MAX(s.period_start) FROM surveillance_signal s WHERE s.alert_id = a.id),
  (SELECT COUNT(DISTINCT s.period) FROM surveillance_signal s WHERE s.alert_id = a.id),
  (SELECT MAX(s.observed) FROM surveillance_signal s WHERE s.alert_id = a.id),
  ob.id, ob.end_date, ob.id IS NOT NULL AND ob.end_date IS NULL
FROM surveillance_alert a
JOIN disease d ON d.id = a.disease_id
JOIN org_unit o ON o.id = a.org_unit_id
LEFT JOIN outbreak ob ON ob.alert_id = a.id
)sql";

AlertRecord ReadAlert(const Statement& s) {
  AlertRecord a;
  a.id = s.Int(0);
  a.disease_uid = s.Text(1);
  a.org_unit_uid = s.Text(2);
  a.status = ParseAlertStatus(s.Text(3)).value_or(AlertStatus::kOpen);
  a.created_at = s.Text(4);
  a.updated_at = s.Text(5);
  a.verified_by = s.Text(6);
  a.verified_at = s.Text(7);
  a.note = s.Text(8);
  a.first_period = s.OptionalText(9).value_or("");
  a.last_period = s.OptionalText(10).value_or("");
  if (auto start = ParseDateText(s.OptionalText(11))) a.last_period_start = *start;
  a.signal_count = static_cast<int>(s.Int(12));
  a.max_observed = s.IsNull(13) ? 0 : s.Int(13);
  if (!s.IsNull(14)) a.outbreak_id = s.Int(14);
  a.outbreak_ongoing = s.Int(16) != 0;
  return a;
}

constexpr std::string_view kOutbreakSelect = R"sql(
SELECT ob.id, d.uid, o.uid, ob.start_date, ob.end_date, ob.cases, ob.deaths, ob.actions,
  ob.alert_id, ob.declared_by, ob.declared_at, ob.updated_by, ob.updated_at
FROM outbreak ob
JOIN disease d ON d.id = ob.disease_id
JOIN org_unit o ON o.id = ob.org_unit_id
)sql";

OutbreakRecord ReadOutbreak(const Statement& s) {
  OutbreakRecord r;
  r.id = s.Int(0);
  r.disease_uid = s.Text(1);
  r.org_unit_uid = s.Text(2);
  r.start_date = ParseDateText(s.Text(3)).value_or(Date());
  r.end_date = ParseDateText(s.OptionalText(4));
  r.cases = s.Int(5);
  r.deaths = s.Int(6);
  r.actions = s.Text(7);
  if (!s.IsNull(8)) r.alert_id = s.Int(8);
  r.declared_by = s.Text(9);
  r.declared_at = s.Text(10);
  r.updated_by = s.Text(11);
  r.updated_at = s.Text(12);
  return r;
}

// " WHERE a AND b ...", or nothing for no condition.
std::string Where(const std::vector<std::string>& conditions) {
  std::string out;
  for (size_t i = 0; i < conditions.size(); ++i)
    out += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  return out;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

class SqlSurveillanceRecords final : public SurveillanceRecords {
 public:
  explicit SqlSurveillanceRecords(Connection& db) : db_(db) {}

  SurveillanceRun SaveRun(SurveillanceRun run,
                          const std::vector<SignalPlacement>& signals) override {
    Transaction txn(db_);
    run.id = db_.Prepare(
           "INSERT INTO surveillance_run (period, started_at, finished_at, run_by, series_scored, "
           "series_skipped, signals) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .Bind(1, run.period)
        .Bind(2, run.started_at)
        .Bind(3, run.finished_at)
        .Bind(4, run.run_by)
        .Bind(5, static_cast<long long>(run.series_scored))
        .Bind(6, static_cast<long long>(run.series_skipped))
        .Bind(7, static_cast<long long>(signals.size()))
        .ReturnedId();
    run.signals = static_cast<std::int64_t>(signals.size());
    std::string now = UtcTimestampNow();
    std::map<std::pair<long long, long long>, long long> opened;  // (disease, unit) -> new alert
    for (const SignalPlacement& placement : signals) {
      const SignalRecord& signal = placement.signal;
      long long disease = IdOf("disease", signal.disease_uid);
      long long unit = IdOf("org_unit", signal.org_unit_uid);
      Statement existing = db_.Prepare(
          "SELECT id, alert_id FROM surveillance_signal WHERE disease_id = ? AND org_unit_id = ? "
          "AND period = ? AND algorithm = ?");
      existing.Bind(1, disease).Bind(2, unit).Bind(3, signal.period).Bind(4, signal.algorithm);
      if (existing.Step()) {
        long long id = existing.Int(0);
        Statement update = db_.Prepare(
            "UPDATE surveillance_signal SET run_id = ?, observed = ?, expected = ?, "
            "upper_bound = ?, parameters = ? WHERE id = ?");
        update.Bind(1, static_cast<long long>(run.id))
            .Bind(2, static_cast<long long>(signal.observed));
        BindOptional(update, 3, signal.expected);
        BindOptional(update, 4, signal.upper_bound);
        update.Bind(5, signal.parameters).Bind(6, id).Run();
        continue;
      }
      long long alert = 0;
      if (placement.alert_id) {
        alert = *placement.alert_id;
        db_.Prepare("UPDATE surveillance_alert SET updated_at = ? WHERE id = ?")
            .Bind(1, now)
            .Bind(2, alert)
            .Run();
      } else if (auto it = opened.find({disease, unit}); it != opened.end()) {
        alert = it->second;
      } else {
        alert = db_.Prepare(
               "INSERT INTO surveillance_alert (disease_id, org_unit_id, status, created_at, "
               "updated_at) VALUES (?, ?, 'open', ?, ?) RETURNING id")
            .Bind(1, disease)
            .Bind(2, unit)
            .Bind(3, now)
            .Bind(4, now)
            .ReturnedId();
        opened.emplace(std::make_pair(disease, unit), alert);
      }
      Statement insert = db_.Prepare(
          "INSERT INTO surveillance_signal (run_id, alert_id, disease_id, org_unit_id, period, "
          "period_start, observed, expected, upper_bound, algorithm, parameters) VALUES (?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?)");
      insert.Bind(1, static_cast<long long>(run.id))
          .Bind(2, alert)
          .Bind(3, disease)
          .Bind(4, unit)
          .Bind(5, signal.period)
          .Bind(6, signal.period_start.ToString())
          .Bind(7, static_cast<long long>(signal.observed));
      BindOptional(insert, 8, signal.expected);
      BindOptional(insert, 9, signal.upper_bound);
      insert.Bind(10, signal.algorithm).Bind(11, signal.parameters).Run();
    }
    txn.Commit();
    return run;
  }

  std::vector<SurveillanceRun> ListRuns(int limit) override {
    Statement s = db_.Prepare(
        "SELECT id, period, started_at, finished_at, run_by, series_scored, series_skipped, "
        "signals FROM surveillance_run ORDER BY id DESC LIMIT ?");
    s.Bind(1, static_cast<long long>(limit));
    std::vector<SurveillanceRun> out;
    while (s.Step()) {
      SurveillanceRun r;
      r.id = s.Int(0);
      r.period = s.Text(1);
      r.started_at = s.Text(2);
      r.finished_at = s.Text(3);
      r.run_by = s.Text(4);
      r.series_scored = s.Int(5);
      r.series_skipped = s.Int(6);
      r.signals = s.Int(7);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::vector<AlertRecord> ListAlerts(const AlertFilter& filter) override {
    std::string sql(kAlertSelect);
    std::vector<std::string> conditions;
    if (!filter.statuses.empty()) {
      conditions.push_back("a.status IN (" + Placeholders(filter.statuses.size()) + ")");
    }
    if (!filter.disease_uid.empty()) conditions.push_back("d.uid = ?");
    if (!filter.org_unit_uids.empty()) {
      conditions.push_back("o.uid IN (" + Placeholders(filter.org_unit_uids.size()) + ")");
    }
    sql += Where(conditions) + " ORDER BY a.id DESC";
    Statement s = db_.Prepare(sql);
    int index = 1;
    for (AlertStatus status : filter.statuses) s.Bind(index++, AlertStatusName(status));
    if (!filter.disease_uid.empty()) s.Bind(index++, filter.disease_uid);
    for (const std::string& unit : filter.org_unit_uids) s.Bind(index++, unit);
    std::vector<AlertRecord> out;
    while (s.Step()) out.push_back(ReadAlert(s));
    return out;
  }

  std::optional<AlertRecord> FindAlert(std::int64_t id) override {
    Statement s = db_.Prepare(std::string(kAlertSelect) + " WHERE a.id = ?");
    s.Bind(1, static_cast<long long>(id));
    if (!s.Step()) return std::nullopt;
    return ReadAlert(s);
  }

  std::vector<SignalRecord> SignalsOfAlert(std::int64_t alert_id) override {
    Statement s = db_.Prepare(
        "SELECT s.id, d.uid, o.uid, s.period, s.period_start, s.observed, s.expected, "
        "s.upper_bound, s.algorithm, s.parameters, s.run_id, s.alert_id FROM surveillance_signal "
        "s JOIN disease d ON d.id = s.disease_id JOIN org_unit o ON o.id = s.org_unit_id WHERE "
        "s.alert_id = ? ORDER BY s.period_start, s.algorithm");
    s.Bind(1, static_cast<long long>(alert_id));
    std::vector<SignalRecord> out;
    while (s.Step()) {
      SignalRecord r;
      r.id = s.Int(0);
      r.disease_uid = s.Text(1);
      r.org_unit_uid = s.Text(2);
      r.period = s.Text(3);
      r.period_start = ParseDateText(s.Text(4)).value_or(Date());
      r.observed = s.Int(5);
      if (!s.IsNull(6)) r.expected = s.Double(6);
      if (!s.IsNull(7)) r.upper_bound = s.Double(7);
      r.algorithm = s.Text(8);
      r.parameters = s.Text(9);
      r.run_id = s.Int(10);
      r.alert_id = s.Int(11);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::optional<std::int64_t> VerifyAlert(std::int64_t alert_id, AlertStatus status,
                                          const std::string& note,
                                          const std::optional<OutbreakRecord>& outbreak,
                                          const SurveillanceEvent& event) override {
    Transaction txn(db_);
    Statement update = db_.Prepare(
        "UPDATE surveillance_alert SET status = ?, note = ?, verified_by = ?, verified_at = ?, "
        "updated_at = ? WHERE id = ?");
    update.Bind(1, AlertStatusName(status))
        .Bind(2, note)
        .Bind(3, event.username)
        .Bind(4, event.at)
        .Bind(5, event.at)
        .Bind(6, static_cast<long long>(alert_id))
        .Run();
    if (db_.Changes() == 0) {
      throw UserError("surveillance.unknown_alert",
                      "không có cảnh báo số " + std::to_string(alert_id),
                      "no alert with id " + std::to_string(alert_id), "alert");
    }
    std::optional<std::int64_t> outbreak_id;
    SurveillanceEvent logged = event;
    logged.alert_id = alert_id;
    if (outbreak) {
      OutbreakRecord record = *outbreak;
      record.id = 0;
      record.alert_id = alert_id;
      outbreak_id = InsertOrReplaceOutbreak(record);
      logged.outbreak_id = outbreak_id;
    }
    InsertEvent(logged);
    txn.Commit();
    return outbreak_id;
  }

  std::vector<OutbreakRecord> ListOutbreaks(const std::string& disease_uid,
                                            const std::vector<std::string>& org_units) override {
    std::string sql(kOutbreakSelect);
    std::vector<std::string> conditions;
    if (!disease_uid.empty()) conditions.push_back("d.uid = ?");
    if (!org_units.empty())
      conditions.push_back("o.uid IN (" + Placeholders(org_units.size()) + ")");
    sql += Where(conditions) + " ORDER BY ob.start_date DESC, ob.id DESC";
    Statement s = db_.Prepare(sql);
    int index = 1;
    if (!disease_uid.empty()) s.Bind(index++, disease_uid);
    for (const std::string& unit : org_units) s.Bind(index++, unit);
    std::vector<OutbreakRecord> out;
    while (s.Step()) out.push_back(ReadOutbreak(s));
    return out;
  }

  std::optional<OutbreakRecord> FindOutbreak(std::int64_t id) override {
    Statement s = db_.Prepare(std::string(kOutbreakSelect) + " WHERE ob.id = ?");
    s.Bind(1, static_cast<long long>(id));
    if (!s.Step()) return std::nullopt;
    return ReadOutbreak(s);
  }

  std::int64_t PutOutbreak(const OutbreakRecord& outbreak,
                           const SurveillanceEvent& event) override {
    Transaction txn(db_);
    std::int64_t id = InsertOrReplaceOutbreak(outbreak);
    SurveillanceEvent logged = event;
    logged.outbreak_id = id;
    logged.alert_id = outbreak.alert_id;
    InsertEvent(logged);
    txn.Commit();
    return id;
  }

  std::vector<SurveillanceEvent> Events(std::optional<std::int64_t> alert_id,
                                        std::optional<std::int64_t> outbreak_id) override {
    std::string sql =
        "SELECT id, at, username, client, action, alert_id, outbreak_id, detail FROM "
        "surveillance_event";
    if (alert_id && outbreak_id) {
      sql += " WHERE alert_id = ? OR outbreak_id = ?";
    } else if (alert_id) {
      sql += " WHERE alert_id = ?";
    } else if (outbreak_id) {
      sql += " WHERE outbreak_id = ?";
    }
    sql += " ORDER BY id";
    Statement s = db_.Prepare(sql);
    int index = 1;
    if (alert_id) s.Bind(index++, static_cast<long long>(*alert_id));
    if (outbreak_id) s.Bind(index++, static_cast<long long>(*outbreak_id));
    std::vector<SurveillanceEvent> out;
    while (s.Step()) {
      SurveillanceEvent e;
      e.id = s.Int(0);
      e.at = s.Text(1);
      e.username = s.Text(2);
      e.client = s.Text(3);
      e.action = s.Text(4);
      if (!s.IsNull(5)) e.alert_id = s.Int(5);
      if (!s.IsNull(6)) e.outbreak_id = s.Int(6);
      e.detail = s.Text(7);
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  static void BindOptional(Statement& s, int index, const std::optional<double>& value) {
    if (value) {
      s.Bind(index, *value);
    } else {
      s.BindNull(index);
    }
  }

  long long IdOf(std::string_view table, const std::string& uid) {
    Statement s = db_.Prepare("SELECT id FROM " + std::string(table) + " WHERE uid = ?");
    s.Bind(1, uid);
    if (!s.Step()) {
      throw UserError("store.unknown_reference",
                      "tham chiếu tới " + std::string(table) + " '" + uid + "' không tồn tại",
                      "reference to unknown " + std::string(table) + " '" + uid + "'");
    }
    return s.Int(0);
  }

  std::int64_t InsertOrReplaceOutbreak(const OutbreakRecord& r) {
    long long disease = IdOf("disease", r.disease_uid);
    long long unit = IdOf("org_unit", r.org_unit_uid);
    std::optional<std::string> end;
    if (r.end_date) end = r.end_date->ToString();
    if (r.id == 0) {
      Statement insert = db_.Prepare(
          "INSERT INTO outbreak (disease_id, org_unit_id, start_date, end_date, cases, deaths, "
          "actions, alert_id, declared_by, declared_at, updated_by, updated_at) VALUES (?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
      insert.Bind(1, disease)
          .Bind(2, unit)
          .Bind(3, r.start_date.ToString())
          .BindOptional(4, end)
          .Bind(5, static_cast<long long>(r.cases))
          .Bind(6, static_cast<long long>(r.deaths))
          .Bind(7, r.actions);
      if (r.alert_id) {
        insert.Bind(8, static_cast<long long>(*r.alert_id));
      } else {
        insert.BindNull(8);
      }
      insert.Bind(9, r.declared_by)
          .Bind(10, r.declared_at)
          .Bind(11, r.updated_by)
          .Bind(12, r.updated_at);
      return insert.ReturnedId();
    }
    Statement update = db_.Prepare(
        "UPDATE outbreak SET disease_id = ?, org_unit_id = ?, start_date = ?, end_date = ?, "
        "cases = ?, deaths = ?, actions = ?, updated_by = ?, updated_at = ? WHERE id = ?");
    update.Bind(1, disease)
        .Bind(2, unit)
        .Bind(3, r.start_date.ToString())
        .BindOptional(4, end)
        .Bind(5, static_cast<long long>(r.cases))
        .Bind(6, static_cast<long long>(r.deaths))
        .Bind(7, r.actions)
        .Bind(8, r.updated_by)
        .Bind(9, r.updated_at)
        .Bind(10, static_cast<long long>(r.id))
        .Run();
    if (db_.Changes() == 0) {
      throw UserError("surveillance.unknown_outbreak", "không có ổ dịch số " + std::to_string(r.id),
                      "no outbreak with id " + std::to_string(r.id), "outbreak");
    }
    return r.id;
  }

  void InsertEvent(const SurveillanceEvent& e) {
    Statement insert = db_.Prepare(
        "INSERT INTO surveillance_event (at, username, client, action, alert_id, outbreak_id, "
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, e.at).Bind(2, e.username).Bind(3, e.client).Bind(4, e.action);
    if (e.alert_id) {
      insert.Bind(5, static_cast<long long>(*e.alert_id));
    } else {
      insert.BindNull(5);
    }
    if (e.outbreak_id) {
      insert.Bind(6, static_cast<long long>(*e.outbreak_id));
    } else {
      insert.BindNull(6);
    }
    insert.Bind(7, e.detail).Run();
  }

  Connection& db_;
};

}  // namespace

std::unique_ptr<SurveillanceRecords> MakeSqlSurveillanceRecords(Connection& db) {
  return std::make_unique<SqlSurveillanceRecords>(db);
}

}  // namespace solieu
