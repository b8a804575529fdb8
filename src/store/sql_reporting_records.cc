#include "store/sql_reporting_records.h"

#include "core/error.h"

namespace solieu {
namespace {

using sql::Connection;
using sql::Statement;
using sql::Transaction;

Date DateOf(const std::string& text) {
  return Date::Parse(text).value_or(Date());
}

class SqlReportingRecords final : public ReportingRecords {
 public:
  explicit SqlReportingRecords(Connection& db) : db_(db) {}

  void PutCompletion(const CompletionRecord& c, const ReportingEvent& event) override {
    Transaction txn(db_);
    Ids ids = Resolve(c.key);
    db_.Prepare(
           "INSERT INTO data_set_completion (data_set_id, period, org_unit_id, period_start, "
           "period_end, completed_at, completed_on, completed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (data_set_id, period, org_unit_id) DO UPDATE SET completed_at = "
           "excluded.completed_at, completed_on = excluded.completed_on, completed_by = "
           "excluded.completed_by")
        .Bind(1, ids.data_set)
        .Bind(2, c.key.period)
        .Bind(3, ids.org_unit)
        .Bind(4, c.period_start.ToString())
        .Bind(5, c.period_end.ToString())
        .Bind(6, c.completed_at)
        .Bind(7, c.completed_on.ToString())
        .Bind(8, c.completed_by)
        .Run();
    Log(event, ids);
    txn.Commit();
  }

  bool DeleteCompletion(const ReportKey& key, const ReportingEvent& event) override {
    return Delete("data_set_completion", key, event);
  }

  std::optional<CompletionRecord> FindCompletion(const ReportKey& key) override {
    Statement s = db_.Prepare(std::string(kCompletionSelect) +
                              " WHERE d.uid = ? AND c.period = ? AND o.uid = ?");
    s.Bind(1, key.data_set_uid).Bind(2, key.period).Bind(3, key.org_unit_uid);
    if (!s.Step()) return std::nullopt;
    return ReadCompletion(s);
  }

  std::vector<CompletionRecord> Completions(const std::string& data_set_uid, Date from,
                                            Date to) override {
    Statement s = db_.Prepare(std::string(kCompletionSelect) +
                              " WHERE d.uid = ? AND c.period_start >= ? AND c.period_end <= ? "
                              "ORDER BY c.period_start, o.uid");
    s.Bind(1, data_set_uid).Bind(2, from.ToString()).Bind(3, to.ToString());
    std::vector<CompletionRecord> out;
    while (s.Step()) out.push_back(ReadCompletion(s));
    return out;
  }

  void PutApproval(const ApprovalRecord& a, const ReportingEvent& event) override {
    Transaction txn(db_);
    Ids ids = Resolve(a.key);
    db_.Prepare(
           "INSERT INTO data_set_approval (data_set_id, period, org_unit_id, period_start, "
           "period_end, approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
           "(data_set_id, period, org_unit_id) DO UPDATE SET approved_at = excluded.approved_at, "
           "approved_by = excluded.approved_by")
        .Bind(1, ids.data_set)
        .Bind(2, a.key.period)
        .Bind(3, ids.org_unit)
        .Bind(4, a.period_start.ToString())
        .Bind(5, a.period_end.ToString())
        .Bind(6, a.approved_at)
        .Bind(7, a.approved_by)
        .Run();
    Log(event, ids);
    txn.Commit();
  }

  bool DeleteApproval(const ReportKey& key, const ReportingEvent& event) override {
    return Delete("data_set_approval", key, event);
  }

  std::optional<ApprovalRecord> FindApproval(const ReportKey& key) override {
    Statement s = db_.Prepare(std::string(kApprovalSelect) +
                              " WHERE d.uid = ? AND a.period = ? AND o.uid = ?");
    s.Bind(1, key.data_set_uid).Bind(2, key.period).Bind(3, key.org_unit_uid);
    if (!s.Step()) return std::nullopt;
    return ReadApproval(s);
  }

  std::vector<ApprovalRecord> Approvals() override {
    Statement s = db_.Prepare(std::string(kApprovalSelect) + " ORDER BY a.period_start, o.uid");
    std::vector<ApprovalRecord> out;
    while (s.Step()) out.push_back(ReadApproval(s));
    return out;
  }

  std::vector<ReportingEvent> Events(const ReportKey& key) override {
    Statement s = db_.Prepare(
        "SELECT e.at, e.username, e.client, e.action FROM data_set_event e JOIN data_set d ON "
        "d.id = e.data_set_id JOIN org_unit o ON o.id = e.org_unit_id WHERE d.uid = ? AND "
        "e.period = ? AND o.uid = ? ORDER BY e.id");
    s.Bind(1, key.data_set_uid).Bind(2, key.period).Bind(3, key.org_unit_uid);
    std::vector<ReportingEvent> out;
    while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), key});
    return out;
  }

  std::vector<std::pair<long long, ReportingEvent>> EventsAfter(long long after,
                                                                int limit) override {
    Statement s = db_.Prepare(
        "SELECT e.id, e.at, e.username, e.client, e.action, d.uid, e.period, o.uid FROM "
        "data_set_event e JOIN data_set d ON d.id = e.data_set_id JOIN org_unit o ON o.id = "
        "e.org_unit_id WHERE e.id > ? ORDER BY e.id LIMIT ?");
    s.Bind(1, after).Bind(2, static_cast<long long>(limit));
    std::vector<std::pair<long long, ReportingEvent>> out;
    while (s.Step()) {
      out.emplace_back(
          s.Int(0),
          ReportingEvent{
              s.Text(1), s.Text(2), s.Text(3), s.Text(4), {s.Text(5), s.Text(6), s.Text(7)}});
    }
    return out;
  }

  long long LastEventId() override {
    Statement s = db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM data_set_event");
    s.Step();
    return s.Int(0);
  }

 private:
  static constexpr std::string_view kCompletionSelect =
      "SELECT d.uid, c.period, o.uid, c.period_start, c.period_end, c.completed_at, "
      "c.completed_on, c.completed_by FROM data_set_completion c JOIN data_set d ON d.id = "
      "c.data_set_id JOIN org_unit o ON o.id = c.org_unit_id";
  static constexpr std::string_view kApprovalSelect =
      "SELECT d.uid, a.period, o.uid, a.period_start, a.period_end, a.approved_at, "
      "a.approved_by FROM data_set_approval a JOIN data_set d ON d.id = a.data_set_id JOIN "
      "org_unit o ON o.id = a.org_unit_id";

  struct Ids {
    long long data_set;
    long long org_unit;
  };

  static CompletionRecord ReadCompletion(const Statement& s) {
    return {{s.Text(0), s.Text(1), s.Text(2)},
            DateOf(s.Text(3)),
            DateOf(s.Text(4)),
            s.Text(5),
            DateOf(s.Text(6)),
            s.Text(7)};
  }

  static ApprovalRecord ReadApproval(const Statement& s) {
    return {{s.Text(0), s.Text(1), s.Text(2)},
            DateOf(s.Text(3)),
            DateOf(s.Text(4)),
            s.Text(5),
            s.Text(6)};
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

  Ids Resolve(const ReportKey& key) {
    return {IdOf("data_set", key.data_set_uid), IdOf("org_unit", key.org_unit_uid)};
  }

  void Log(const ReportingEvent& e, const Ids& ids) {
    db_.Prepare(
           "INSERT INTO data_set_event (at, username, client, action, data_set_id, period, "
           "org_unit_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, e.at)
        .Bind(2, e.username)
        .Bind(3, e.client)
        .Bind(4, e.action)
        .Bind(5, ids.data_set)
        .Bind(6, e.key.period)
        .Bind(7, ids.org_unit)
        .Run();
  }

  bool Delete(std::string_view table, const ReportKey& key, const ReportingEvent& event) {
    Transaction txn(db_);
    Ids ids = Resolve(key);
    db_.Prepare("DELETE FROM " + std::string(table) +
                " WHERE data_set_id = ? AND period = ? AND org_unit_id = ?")
        .Bind(1, ids.data_set)
        .Bind(2, key.period)
        .Bind(3, ids.org_unit)
        .Run();
    bool deleted = db_.Changes() > 0;
    if (deleted) Log(event, ids);
    txn.Commit();
    return deleted;
  }

  Connection& db_;
};

}  // namespace

std::unique_ptr<ReportingRecords> MakeSqlReportingRecords(Connection& db) {
  return std::make_unique<SqlReportingRecords>(db);
}

}  // namespace solieu
