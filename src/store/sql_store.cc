#include "store/sql_store.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <unordered_map>
#include <variant>

#include "core/clock.h"
#include "core/error.h"
#include "store/migrations.h"
#include "store/sql_connection.h"
#include "store/sql_reporting_records.h"
#include "store/sql_surveillance_records.h"

namespace solieu {
namespace {

using sql::Connection;
using sql::Statement;
using sql::Transaction;

std::string NowUtc() {
  return UtcTimestampNow();
}

std::optional<std::string> DateText(const std::optional<Date>& day) {
  if (!day) return std::nullopt;
  return day->ToString();
}

std::optional<Date> ParseStoredDate(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  return Date::Parse(*text);
}

std::string_view ActionName(AuditAction action) {
  switch (action) {
    case AuditAction::kCreate:
      return "CREATE";
    case AuditAction::kUpdate:
      return "UPDATE";
    case AuditAction::kDelete:
      return "DELETE";
  }
  return "?";
}

AuditAction ParseAction(std::string_view name) {
  if (name == "CREATE") return AuditAction::kCreate;
  if (name == "UPDATE") return AuditAction::kUpdate;
  return AuditAction::kDelete;
}

// A column value for the generic upsert.
using Cell = std::variant<std::monostate, std::string, long long, double>;

Cell Text(const std::string& s) {
  return Cell(s);
}
Cell OptText(const std::optional<std::string>& s) {
  return s ? Cell(*s) : Cell();
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Connection> connection)
      : connection_(std::move(connection)), db_(*connection_) {
    Migrate();
  }

  int SchemaVersion() override {
    Statement s = db_.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
    s.Step();
    return static_cast<int>(s.Int(0));
  }

  MetadataSnapshot LoadMetadata() override;
  MetadataChanges ApplyMetadata(const MetadataSnapshot& snapshot) override;
  using Store::PutValues;
  WriteCounts PutValues(const std::vector<DataValueWrite>& writes, const std::string& user,
                        const std::string& client) override;
  WriteCounts PutValueBatches(const WriteBatches& next, const std::string& user,
                              const std::string& client) override;
  std::optional<DataValue> GetValue(const DataValueKey& key) override;
  std::vector<DataValue> QueryValues(const ValueQuery& query) override;
  void ScanValues(size_t batch_size, const ValueSink& sink) override;
  std::vector<AuditEntry> AuditTrail(const DataValueKey& key) override;
  std::vector<ValueChange> ValueChangesAfter(long long after, int limit) override;
  long long LastValueChangeId() override;
  void PutTargets(const std::vector<TargetRecord>& targets, const std::string& user) override;
  std::vector<TargetRecord> LoadTargets() override;

  void PutUser(const UserAccount& account) override;
  std::optional<UserAccount> FindUser(const std::string& username) override;
  std::vector<UserAccount> ListUsers() override;
  void PutSession(const SessionRecord& session) override;
  std::optional<SessionRecord> FindSession(const std::string& id_hash) override;
  void TouchSession(const std::string& id_hash, std::int64_t last_seen_at) override;
  void DeleteSession(const std::string& id_hash) override;
  int PurgeSessions(std::int64_t idle_before, std::int64_t created_before) override;
  void PutApiToken(const ApiTokenRecord& token) override;
  std::optional<ApiTokenRecord> FindApiToken(const std::string& token_hash) override;
  std::vector<ApiTokenRecord> ListApiTokens(const std::string& username) override;
  bool DeleteApiToken(std::int64_t id, const std::string& username) override;
  void RecordAdminEvent(const AdminEvent& event) override;
  std::vector<AdminEvent> AdminEvents(int limit) override;
  std::vector<AdminEvent> AdminEventsLike(const std::string& action_prefix, int limit) override;
  std::vector<std::string> UserGroups() override;
  long long CountValues(const std::string& data_element_uid) override;
  void RecordLoginAttempt(const LoginAttempt& attempt) override;
  std::vector<LoginAttempt> LoginAttemptsSince(std::int64_t since, const std::string& username,
                                               const std::string& client) override;
  SurveillanceRecords& Surveillance() override { return *surveillance_; }
  ReportingRecords& Reporting() override { return *reporting_; }

 private:
  long long UserId(const std::string& username);
  void Migrate();
  long long Upsert(std::string_view table, const std::string& uid,
                   const std::vector<std::pair<std::string_view, Cell>>& columns,
                   MetadataChanges* changes);
  long long IdOf(std::string_view table, const std::string& uid);
  std::optional<long long> FindId(std::string_view table, const std::string& uid);
  long long PeriodId(const DataValueWrite& write);

  struct ResolvedKey {
    long long de, pe, ou, coc, aoc;
  };
  std::optional<ResolvedKey> Resolve(const DataValueKey& key);
  std::map<long long, std::string> UidsOf(std::string_view table);
  // PostgreSQL writes a batch of at least this many values through COPY (WriteByCopy); a batch
  // that names one key twice goes row by row, so the later write wins as it would there.
  static constexpr size_t kCopyAtLeast = 64;
  static bool RepeatsAKey(const std::vector<ResolvedKey>& keys);
  WriteCounts WriteByCopy(const std::vector<DataValueWrite>& batch,
                          const std::vector<ResolvedKey>& keys, const std::string& user,
                          const std::string& now, const std::optional<std::string>& client);

  std::unique_ptr<Connection> connection_;
  Connection& db_;
  std::unique_ptr<SurveillanceRecords> surveillance_ = MakeSqlSurveillanceRecords(db_);
  std::unique_ptr<ReportingRecords> reporting_ = MakeSqlReportingRecords(db_);
};

void SqlStore::Migrate() {
  // One transaction for every pending migration: it holds the write lock (Connection::Begin), so
  // servers that start together migrate one after the other.
  Transaction txn(db_);
  const bool postgres = db_.dialect() == sql::Dialect::kPostgres;
  db_.Execute(
      "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL)");
  int current = SchemaVersion();
  for (const Migration& migration : Migrations()) {
    if (migration.version <= current) continue;
    db_.Execute(postgres ? PostgresSchemaSql(migration.sql) : std::string(migration.sql));
    db_.Prepare("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)")
        .Bind(1, static_cast<long long>(migration.version))
        .Bind(2, migration.name)
        .Bind(3, NowUtc())
        .Run();
  }
  txn.Commit();
}

std::optional<long long> SqlStore::FindId(std::string_view table, const std::string& uid) {
  Statement s = db_.Prepare("SELECT id FROM " + std::string(table) + " WHERE uid = ?");
  s.Bind(1, uid);
  if (!s.Step()) return std::nullopt;
  return s.Int(0);
}

long long SqlStore::IdOf(std::string_view table, const std::string& uid) {
  auto id = FindId(table, uid);
  if (!id) {
    throw UserError("store.unknown_reference",
                    "tham chiếu tới " + std::string(table) + " '" + uid + "' không tồn tại",
                    "reference to unknown " + std::string(table) + " '" + uid + "'");
  }
  return *id;
}

long long SqlStore::Upsert(std::string_view table, const std::string& uid,
                           const std::vector<std::pair<std::string_view, Cell>>& columns,
                           MetadataChanges* changes) {
  std::string names;
  for (const auto& [name, cell] : columns) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  Statement select =
      db_.Prepare("SELECT id, " + names + " FROM " + std::string(table) + " WHERE uid = ?");
  select.Bind(1, uid);
  auto bind_all = [&](Statement& s, int first) {
    int i = first;
    for (const auto& [name, cell] : columns) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              s.BindNull(i);
            } else {
              s.Bind(i, v);
            }
          },
          cell);
      ++i;
    }
  };
  if (!select.Step()) {
    std::string placeholders = "?";
    for (size_t i = 0; i < columns.size(); ++i) placeholders += ", ?";
    Statement insert = db_.Prepare("INSERT INTO " + std::string(table) + " (uid, " + names +
                                   ") VALUES (" + placeholders + ") RETURNING id");
    insert.Bind(1, uid);
    bind_all(insert, 2);
    ++changes->created;
    return insert.ReturnedId();
  }
  long long id = select.Int(0);
  bool same = true;
  for (size_t i = 0; i < columns.size() && same; ++i) {
    int column = static_cast<int>(i) + 1;
    const Cell& cell = columns[i].second;
    if (std::holds_alternative<std::monostate>(cell)) {
      same = select.IsNull(column);
    } else if (select.IsNull(column)) {
      same = false;
    } else if (const auto* text = std::get_if<std::string>(&cell)) {
      same = select.Text(column) == *text;
    } else if (const auto* integer = std::get_if<long long>(&cell)) {
      same = select.Int(column) == *integer;
    } else {
      same = select.Double(column) == std::get<double>(cell);
    }
  }
  if (same) {
    ++changes->unchanged;
    return id;
  }
  std::string assignments;
  for (const auto& [name, cell] : columns) {
    if (!assignments.empty()) assignments += ", ";
    assignments += std::string(name) + " = ?";
  }
  Statement update =
      db_.Prepare("UPDATE " + std::string(table) + " SET " + assignments + " WHERE id = ?");
  bind_all(update, 1);
  update.Bind(static_cast<int>(columns.size()) + 1, id);
  update.Run();
  ++changes->updated;
  return id;
}

MetadataChanges SqlStore::ApplyMetadata(const MetadataSnapshot& m) {
  MetadataChanges changes;
  Transaction txn(db_);

  for (const OrgUnit& u : m.org_units) {
    Upsert("org_unit", u.uid,
           {{"code", Text(u.code)},
            {"name_vi", Text(u.name_vi)},
            {"name_en", Text(u.name_en)},
            {"level", Text(std::string(OrgLevelName(u.level)))},
            {"facility_type", Text(u.facility_type)},
            {"commune_type", Text(u.commune_type)},
            {"opened", OptText(DateText(u.validity.from))},
            {"closed", OptText(DateText(u.validity.to))},
            {"note", Text(u.note)}},
           &changes);
  }
  // Links and events are owned by the units the snapshot describes: replace them wholesale.
  for (const OrgUnit& u : m.org_units) {
    long long id = IdOf("org_unit", u.uid);
    db_.Prepare("DELETE FROM org_unit_parent WHERE child_id = ?").Bind(1, id).Run();
    db_.Prepare("DELETE FROM org_unit_event WHERE new_id = ?").Bind(1, id).Run();
  }
  for (const ParentLink& link : m.parent_links) {
    db_.Prepare(
           "INSERT INTO org_unit_parent (child_id, parent_id, valid_from, valid_to) VALUES (?, ?, "
           "?, ?)")
        .Bind(1, IdOf("org_unit", link.child_uid))
        .Bind(2, IdOf("org_unit", link.parent_uid))
        .Bind(3, DateText(link.validity.from).value_or(""))
        .BindOptional(4, DateText(link.validity.to))
        .Run();
  }
  for (const OrgEvent& e : m.org_events) {
    db_.Prepare(
           "INSERT INTO org_unit_event (event_date, kind, old_id, new_id, share) VALUES (?, ?, ?, "
           "?, ?)")
        .Bind(1, e.date.ToString())
        .Bind(2, OrgEventKindName(e.kind))
        .Bind(3, IdOf("org_unit", e.old_uid))
        .Bind(4, IdOf("org_unit", e.new_uid))
        .Bind(5, e.share)
        .Run();
  }
  for (const OrgUnitGroup& g : m.org_unit_groups) {
    long long id =
        Upsert("org_unit_group", g.uid,
               {{"code", Text(g.code)}, {"name_vi", Text(g.name_vi)}, {"name_en", Text(g.name_en)}},
               &changes);
    db_.Prepare("DELETE FROM org_unit_group_member WHERE group_id = ?").Bind(1, id).Run();
    for (const std::string& member : g.member_uids) {
      db_.Prepare("INSERT INTO org_unit_group_member (group_id, org_unit_id) VALUES (?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("org_unit", member))
          .Run();
    }
  }
  auto named = [](const NamedObject& o) -> std::vector<std::pair<std::string_view, Cell>> {
    return {{"code", Text(o.code)}, {"name_vi", Text(o.name_vi)}, {"name_en", Text(o.name_en)}};
  };
  for (const CategoryOption& o : m.category_options) {
    Upsert("category_option", o.uid, named(o), &changes);
  }
  for (const Category& c : m.categories) {
    long long id = Upsert("category", c.uid, named(c), &changes);
    db_.Prepare("DELETE FROM category_option_in_category WHERE category_id = ?").Bind(1, id).Run();
    long long order = 0;
    for (const std::string& option : c.option_uids) {
      db_.Prepare(
             "INSERT INTO category_option_in_category (category_id, option_id, sort_order) VALUES "
             "(?, ?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("category_option", option))
          .Bind(3, order++)
          .Run();
    }
  }
  for (const CategoryCombo& c : m.category_combos) {
    long long id = Upsert("category_combo", c.uid, named(c), &changes);
    db_.Prepare("DELETE FROM category_in_combo WHERE combo_id = ?").Bind(1, id).Run();
    long long order = 0;
    for (const std::string& category : c.category_uids) {
      db_.Prepare(
             "INSERT INTO category_in_combo (combo_id, category_id, sort_order) VALUES (?, ?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("category", category))
          .Bind(3, order++)
          .Run();
    }
  }
  for (const CategoryOptionCombo& c : m.category_option_combos) {
    auto columns = named(c);
    columns.emplace_back("combo_id", IdOf("category_combo", c.combo_uid));
    long long id = Upsert("category_option_combo", c.uid, columns, &changes);
    db_.Prepare("DELETE FROM category_option_combo_option WHERE coc_id = ?").Bind(1, id).Run();
    long long order = 0;
    for (const std::string& option : c.option_uids) {
      db_.Prepare(
             "INSERT INTO category_option_combo_option (coc_id, option_id, sort_order) VALUES (?, "
             "?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("category_option", option))
          .Bind(3, order++)
          .Run();
    }
  }
  for (const DataElement& d : m.data_elements) {
    auto columns = named(d);
    columns.emplace_back("value_type", Text(std::string(ValueTypeName(d.value_type))));
    columns.emplace_back("aggregation_type",
                         Text(std::string(AggregationTypeName(d.aggregation_type))));
    columns.emplace_back("category_combo_id", IdOf("category_combo", d.category_combo_uid));
    columns.emplace_back("unit_vi", Text(d.unit_vi));
    columns.emplace_back("unit_en", Text(d.unit_en));
    columns.emplace_back("description", Text(d.description));
    columns.emplace_back("user_group", Text(d.user_group));
    Upsert("data_element", d.uid, columns, &changes);
    if (!d.user_group.empty()) {
      db_.Prepare("INSERT INTO user_group (code) VALUES (?) ON CONFLICT DO NOTHING")
          .Bind(1, d.user_group)
          .Run();
    }
  }
  for (const Indicator& i : m.indicators) {
    auto columns = named(i);
    columns.emplace_back("numerator", Text(i.numerator));
    columns.emplace_back("denominator", Text(i.denominator));
    columns.emplace_back("factor", i.factor);
    columns.emplace_back("unit_vi", Text(i.unit_vi));
    columns.emplace_back("unit_en", Text(i.unit_en));
    columns.emplace_back("decimals", static_cast<long long>(i.decimals));
    columns.emplace_back("direction", Text(std::string(DirectionName(i.direction))));
    columns.emplace_back("description", Text(i.description));
    Upsert("indicator", i.uid, columns, &changes);
  }
  for (const Constant& c : m.constants) {
    auto columns = named(c);
    columns.emplace_back("value", c.value);
    Upsert("constant", c.uid, columns, &changes);
  }
  for (const DataSet& d : m.data_sets) {
    auto columns = named(d);
    columns.emplace_back("period_type", Text(d.period_type));
    columns.emplace_back("expiry_days", static_cast<long long>(d.expiry_days));
    columns.emplace_back("assigned_to", Text(d.assigned_to));
    long long id = Upsert("data_set", d.uid, columns, &changes);
    db_.Prepare("DELETE FROM data_set_element WHERE data_set_id = ?").Bind(1, id).Run();
    db_.Prepare("DELETE FROM data_set_org_unit WHERE data_set_id = ?").Bind(1, id).Run();
    for (const std::string& element : d.data_element_uids) {
      db_.Prepare("INSERT INTO data_set_element (data_set_id, data_element_id) VALUES (?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("data_element", element))
          .Run();
    }
    for (const std::string& unit : d.org_unit_uids) {
      db_.Prepare("INSERT INTO data_set_org_unit (data_set_id, org_unit_id) VALUES (?, ?)")
          .Bind(1, id)
          .Bind(2, IdOf("org_unit", unit))
          .Run();
    }
  }
  for (const Disease& d : m.diseases) {
    auto columns = named(d);
    columns.emplace_back("icd10", Text(d.icd10));
    columns.emplace_back("data_element_id", IdOf("data_element", d.data_element_uid));
    columns.emplace_back("priority", static_cast<long long>(d.priority ? 1 : 0));
    columns.emplace_back("report_order", static_cast<long long>(d.report_order));
    Upsert("disease", d.uid, columns, &changes);
  }
  for (const DetectionRule& r : m.detection_rules) {
    std::vector<std::pair<std::string_view, Cell>> columns;
    columns.emplace_back("disease_id",
                         r.disease_uid.empty() ? Cell() : Cell(IdOf("disease", r.disease_uid)));
    columns.emplace_back("priority_only", static_cast<long long>(r.priority_only ? 1 : 0));
    columns.emplace_back("level", Text(r.level));
    columns.emplace_back("method", Text(r.method));
    columns.emplace_back("parameters", Text(r.parameters));
    Upsert("detection_rule", r.uid, columns, &changes);
  }
  for (const ValidationRule& r : m.validation_rules) {
    auto columns = named(r);
    columns.emplace_back("instruction_vi", Text(r.instruction_vi));
    columns.emplace_back("instruction_en", Text(r.instruction_en));
    columns.emplace_back("importance", Text(std::string(ValidationImportanceName(r.importance))));
    columns.emplace_back("period_type", Text(r.period_type));
    columns.emplace_back("left_expression", Text(r.left.expression));
    columns.emplace_back("left_missing_value_strategy", Text(r.left.missing_value_strategy));
    columns.emplace_back("operator", Text(std::string(ValidationOperatorName(r.op))));
    columns.emplace_back("right_expression", Text(r.right.expression));
    columns.emplace_back("right_missing_value_strategy", Text(r.right.missing_value_strategy));
    Upsert("validation_rule", r.uid, columns, &changes);
  }
  txn.Commit();
  return changes;
}

std::map<long long, std::string> SqlStore::UidsOf(std::string_view table) {
  std::map<long long, std::string> out;
  Statement s = db_.Prepare("SELECT id, uid FROM " + std::string(table));
  while (s.Step()) out.emplace(s.Int(0), s.Text(1));
  return out;
}

MetadataSnapshot SqlStore::LoadMetadata() {
  MetadataSnapshot m;
  auto ou = UidsOf("org_unit");
  auto co = UidsOf("category_option");
  auto cat = UidsOf("category");
  auto cc = UidsOf("category_combo");
  auto coc = UidsOf("category_option_combo");
  auto de = UidsOf("data_element");
  auto read_named = [](Statement& s, NamedObject* o) {
    o->uid = s.Text(0);
    o->code = s.Text(1);
    o->name_vi = s.Text(2);
    o->name_en = s.Text(3);
  };
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, level, facility_type, commune_type, opened, closed, "
        "note FROM org_unit ORDER BY code, COALESCE(opened, '')");
    while (s.Step()) {
      OrgUnit u;
      u.uid = s.Text(0);
      u.code = s.Text(1);
      u.name_vi = s.Text(2);
      u.name_en = s.Text(3);
      u.level = ParseOrgLevel(s.Text(4)).value_or(OrgLevel::kFacility);
      u.facility_type = s.Text(5);
      u.commune_type = s.Text(6);
      u.validity = {ParseStoredDate(s.OptionalText(7)), ParseStoredDate(s.OptionalText(8))};
      u.note = s.Text(9);
      m.org_units.push_back(std::move(u));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT child_id, parent_id, valid_from, valid_to FROM org_unit_parent ORDER BY child_id, "
        "valid_from");
    while (s.Step()) {
      m.parent_links.push_back(
          {ou[s.Int(0)],
           ou[s.Int(1)],
           {ParseStoredDate(s.OptionalText(2)), ParseStoredDate(s.OptionalText(3))}});
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT event_date, kind, old_id, new_id, share FROM org_unit_event ORDER BY id");
    while (s.Step()) {
      OrgEvent e;
      e.date = Date::Parse(s.Text(0)).value_or(Date());
      e.kind = s.Text(1) == "split" ? OrgEventKind::kSplit : OrgEventKind::kMerge;
      e.old_uid = ou[s.Int(2)];
      e.new_uid = ou[s.Int(3)];
      e.share = s.Double(4);
      m.org_events.push_back(std::move(e));
    }
  }
  {
    Statement s =
        db_.Prepare("SELECT uid, code, name_vi, name_en, id FROM org_unit_group ORDER BY code");
    while (s.Step()) {
      OrgUnitGroup g;
      read_named(s, &g);
      Statement members = db_.Prepare(
          "SELECT org_unit_id FROM org_unit_group_member WHERE group_id = ? ORDER BY org_unit_id");
      members.Bind(1, s.Int(4));
      while (members.Step()) g.member_uids.push_back(ou[members.Int(0)]);
      m.org_unit_groups.push_back(std::move(g));
    }
  }
  {
    Statement s =
        db_.Prepare("SELECT uid, code, name_vi, name_en FROM category_option ORDER BY code");
    while (s.Step()) {
      CategoryOption o;
      read_named(s, &o);
      m.category_options.push_back(std::move(o));
    }
  }
  {
    Statement s = db_.Prepare("SELECT uid, code, name_vi, name_en, id FROM category ORDER BY code");
    while (s.Step()) {
      Category c;
      read_named(s, &c);
      Statement options = db_.Prepare(
          "SELECT option_id FROM category_option_in_category WHERE category_id = ? ORDER BY "
          "sort_order");
      options.Bind(1, s.Int(4));
      while (options.Step()) c.option_uids.push_back(co[options.Int(0)]);
      m.categories.push_back(std::move(c));
    }
  }
  {
    Statement s =
        db_.Prepare("SELECT uid, code, name_vi, name_en, id FROM category_combo ORDER BY code");
    while (s.Step()) {
      CategoryCombo c;
      read_named(s, &c);
      Statement categories = db_.Prepare(
          "SELECT category_id FROM category_in_combo WHERE combo_id = ? ORDER BY sort_order");
      categories.Bind(1, s.Int(4));
      while (categories.Step()) c.category_uids.push_back(cat[categories.Int(0)]);
      m.category_combos.push_back(std::move(c));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, id, combo_id FROM category_option_combo ORDER BY "
        "combo_id, id");
    while (s.Step()) {
      CategoryOptionCombo c;
      read_named(s, &c);
      c.combo_uid = cc[s.Int(5)];
      Statement options = db_.Prepare(
          "SELECT option_id FROM category_option_combo_option WHERE coc_id = ? ORDER BY "
          "sort_order");
      options.Bind(1, s.Int(4));
      while (options.Step()) c.option_uids.push_back(co[options.Int(0)]);
      m.category_option_combos.push_back(std::move(c));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, value_type, aggregation_type, category_combo_id, "
        "unit_vi, unit_en, description, user_group FROM data_element ORDER BY code");
    while (s.Step()) {
      DataElement d;
      read_named(s, &d);
      ParseValueType(s.Text(4), &d.value_type);
      ParseAggregationType(s.Text(5), &d.aggregation_type);
      d.category_combo_uid = cc[s.Int(6)];
      d.unit_vi = s.Text(7);
      d.unit_en = s.Text(8);
      d.description = s.Text(9);
      d.user_group = s.Text(10);
      m.data_elements.push_back(std::move(d));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, numerator, denominator, factor, unit_vi, unit_en, "
        "decimals, direction, description FROM indicator ORDER BY code");
    while (s.Step()) {
      Indicator i;
      read_named(s, &i);
      i.numerator = s.Text(4);
      i.denominator = s.Text(5);
      i.factor = s.Double(6);
      i.unit_vi = s.Text(7);
      i.unit_en = s.Text(8);
      i.decimals = static_cast<int>(s.Int(9));
      ParseDirection(s.Text(10), &i.direction);
      i.description = s.Text(11);
      m.indicators.push_back(std::move(i));
    }
  }
  {
    Statement s =
        db_.Prepare("SELECT uid, code, name_vi, name_en, value FROM constant ORDER BY code");
    while (s.Step()) {
      Constant c;
      read_named(s, &c);
      c.value = s.Double(4);
      m.constants.push_back(std::move(c));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, period_type, expiry_days, assigned_to, id FROM "
        "data_set ORDER BY code");
    while (s.Step()) {
      DataSet d;
      read_named(s, &d);
      d.period_type = s.Text(4);
      d.expiry_days = static_cast<int>(s.Int(5));
      d.assigned_to = s.Text(6);
      Statement elements = db_.Prepare(
          "SELECT data_element_id FROM data_set_element WHERE data_set_id = ? ORDER BY "
          "data_element_id");
      elements.Bind(1, s.Int(7));
      while (elements.Step()) d.data_element_uids.push_back(de[elements.Int(0)]);
      Statement units = db_.Prepare(
          "SELECT org_unit_id FROM data_set_org_unit WHERE data_set_id = ? ORDER BY org_unit_id");
      units.Bind(1, s.Int(7));
      while (units.Step()) d.org_unit_uids.push_back(ou[units.Int(0)]);
      m.data_sets.push_back(std::move(d));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, icd10, data_element_id, priority, report_order FROM "
        "disease ORDER BY report_order, code");
    while (s.Step()) {
      Disease d;
      read_named(s, &d);
      d.icd10 = s.Text(4);
      d.data_element_uid = de[s.Int(5)];
      d.priority = s.Int(6) != 0;
      d.report_order = static_cast<int>(s.Int(7));
      m.diseases.push_back(std::move(d));
    }
  }
  {
    auto diseases = UidsOf("disease");
    Statement s = db_.Prepare(
        "SELECT uid, disease_id, priority_only, level, method, parameters FROM detection_rule "
        "ORDER BY id");
    while (s.Step()) {
      DetectionRule r;
      r.uid = s.Text(0);
      if (!s.IsNull(1)) r.disease_uid = diseases[s.Int(1)];
      r.priority_only = s.Int(2) != 0;
      r.level = s.Text(3);
      r.method = s.Text(4);
      r.parameters = s.Text(5);
      m.detection_rules.push_back(std::move(r));
    }
  }
  {
    Statement s = db_.Prepare(
        "SELECT uid, code, name_vi, name_en, instruction_vi, instruction_en, importance, "
        "period_type, left_expression, left_missing_value_strategy, operator, right_expression, "
        "right_missing_value_strategy FROM validation_rule ORDER BY code");
    while (s.Step()) {
      ValidationRule r;
      read_named(s, &r);
      r.instruction_vi = s.Text(4);
      r.instruction_en = s.Text(5);
      ParseValidationImportance(s.Text(6), &r.importance);
      r.period_type = s.Text(7);
      r.left.expression = s.Text(8);
      r.left.missing_value_strategy = s.Text(9);
      ParseValidationOperator(s.Text(10), &r.op);
      r.right.expression = s.Text(11);
      r.right.missing_value_strategy = s.Text(12);
      m.validation_rules.push_back(std::move(r));
    }
  }
  return m;
}

long long SqlStore::PeriodId(const DataValueWrite& write) {
  db_.Prepare(
         "INSERT INTO period (iso, start_date, end_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
      .Bind(1, write.key.period)
      .Bind(2, write.period_start.ToString())
      .Bind(3, write.period_end.ToString())
      .Run();
  Statement s = db_.Prepare("SELECT id FROM period WHERE iso = ?");
  s.Bind(1, write.key.period);
  s.Step();
  return s.Int(0);
}

std::optional<SqlStore::ResolvedKey> SqlStore::Resolve(const DataValueKey& key) {
  auto de = FindId("data_element", key.data_element_uid);
  auto ou = FindId("org_unit", key.org_unit_uid);
  auto coc = FindId("category_option_combo", key.category_option_combo_uid);
  auto aoc = FindId("category_option_combo", key.attribute_option_combo_uid);
  Statement s = db_.Prepare("SELECT id FROM period WHERE iso = ?");
  s.Bind(1, key.period);
  if (!de || !ou || !coc || !aoc || !s.Step()) return std::nullopt;
  return ResolvedKey{*de, s.Int(0), *ou, *coc, *aoc};
}

WriteCounts SqlStore::PutValues(const std::vector<DataValueWrite>& writes, const std::string& user,
                                const std::string& client) {
  bool given = false;
  return PutValueBatches(
      [&]() -> const std::vector<DataValueWrite>* {
        if (given) return nullptr;
        given = true;
        return &writes;
      },
      user, client);
}

WriteCounts SqlStore::PutValueBatches(const WriteBatches& next, const std::string& user,
                                      const std::string& client) {
  WriteCounts counts;
  Transaction txn(db_);
  std::string now = NowUtc();
  Statement select = db_.Prepare(
      "SELECT value, comment FROM data_value WHERE data_element_id = ? AND period_id = ? AND "
      "org_unit_id = ? AND coc_id = ? AND aoc_id = ?");
  Statement insert = db_.Prepare(
      "INSERT INTO data_value (data_element_id, period_id, org_unit_id, coc_id, aoc_id, value, "
      "comment, stored_by, created, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement update = db_.Prepare(
      "UPDATE data_value SET value = ?, comment = ?, stored_by = ?, last_updated = ? WHERE "
      "data_element_id = ? AND period_id = ? AND org_unit_id = ? AND coc_id = ? AND aoc_id = ?");
  Statement remove = db_.Prepare(
      "DELETE FROM data_value WHERE data_element_id = ? AND period_id = ? AND org_unit_id = ? AND "
      "coc_id = ? AND aoc_id = ?");
  Statement audit = db_.Prepare(
      "INSERT INTO data_value_audit (data_element_id, period_id, org_unit_id, coc_id, aoc_id, "
      "action, old_value, new_value, changed_by, changed_at, client) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?)");
  std::optional<std::string> audit_client;
  if (!client.empty()) audit_client = client;
  auto bind_key = [](Statement& s, int first, const ResolvedKey& k) {
    s.Bind(first, k.de)
        .Bind(first + 1, k.pe)
        .Bind(first + 2, k.ou)
        .Bind(first + 3, k.coc)
        .Bind(first + 4, k.aoc);
  };
  // A large write names the same few thousand objects again and again: each id is looked up once
  // (preparing the lookups per value took about half of an import's time).
  std::unordered_map<std::string, long long> element_ids, unit_ids, combo_ids, period_ids;
  auto id_of = [this](std::unordered_map<std::string, long long>& memo, std::string_view table,
                      const std::string& uid) {
    auto it = memo.find(uid);
    if (it != memo.end()) return it->second;
    long long id = IdOf(table, uid);
    memo.emplace(uid, id);
    return id;
  };
  auto period_id = [&](const DataValueWrite& w) {
    auto it = period_ids.find(w.key.period);
    if (it != period_ids.end()) return it->second;
    long long id = PeriodId(w);
    period_ids.emplace(w.key.period, id);
    return id;
  };
  size_t batch_start = 0;  // the position of the batch's first write in the whole write
  std::vector<ResolvedKey> keys;
  while (const std::vector<DataValueWrite>* batch = next()) {
    // Every key first: a write naming an unknown object stops the whole write before its batch.
    keys.resize(batch->size());
    for (size_t i = 0; i < batch->size(); ++i) {
      const DataValueWrite& w = (*batch)[i];
      const size_t row = batch_start + i;
      try {
        keys[i] = {id_of(element_ids, "data_element", w.key.data_element_uid), period_id(w),
                   id_of(unit_ids, "org_unit", w.key.org_unit_uid),
                   id_of(combo_ids, "category_option_combo", w.key.category_option_combo_uid),
                   id_of(combo_ids, "category_option_combo", w.key.attribute_option_combo_uid)};
      } catch (const UserError& e) {
        throw UserError(
            e.code(), e.message_vi(), e.message_en(),
            "giá trị thứ " + std::to_string(row + 1) + " / value " + std::to_string(row + 1));
      }
    }
    batch_start += batch->size();
    if (db_.CanCopy() && batch->size() >= kCopyAtLeast && !RepeatsAKey(keys)) {
      WriteCounts c = WriteByCopy(*batch, keys, user, now, audit_client);
      counts.created += c.created;
      counts.updated += c.updated;
      counts.deleted += c.deleted;
      counts.unchanged += c.unchanged;
      continue;
    }
    for (size_t i = 0; i < batch->size(); ++i) {
      const DataValueWrite& w = (*batch)[i];
      const ResolvedKey& k = keys[i];
      select.Reset();
      bind_key(select, 1, k);
      std::optional<std::string> old_value;
      std::string old_comment;
      if (select.Step()) {
        old_value = select.Text(0);
        old_comment = select.Text(1);
      }
      AuditAction action;
      if (!w.value) {
        if (!old_value) {
          ++counts.unchanged;
          continue;
        }
        remove.Reset();
        bind_key(remove, 1, k);
        remove.Run();
        action = AuditAction::kDelete;
        ++counts.deleted;
      } else if (!old_value) {
        insert.Reset();
        bind_key(insert, 1, k);
        insert.Bind(6, *w.value).Bind(7, w.comment).Bind(8, user).Bind(9, now).Bind(10, now).Run();
        action = AuditAction::kCreate;
        ++counts.created;
      } else if (*old_value == *w.value && old_comment == w.comment) {
        ++counts.unchanged;
        continue;
      } else {
        update.Reset();
        update.Bind(1, *w.value).Bind(2, w.comment).Bind(3, user).Bind(4, now);
        bind_key(update, 5, k);
        update.Run();
        action = AuditAction::kUpdate;
        ++counts.updated;
      }
      audit.Reset();
      bind_key(audit, 1, k);
      audit.Bind(6, ActionName(action))
          .BindOptional(7, old_value)
          .BindOptional(8, w.value)
          .Bind(9, user)
          .Bind(10, now)
          .BindOptional(11, audit_client)
          .Run();
    }
  }
  txn.Commit();
  return counts;
}

bool SqlStore::RepeatsAKey(const std::vector<ResolvedKey>& keys) {
  std::vector<std::array<long long, 5>> sorted;
  sorted.reserve(keys.size());
  for (const ResolvedKey& k : keys) sorted.push_back({k.de, k.pe, k.ou, k.coc, k.aoc});
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
}

// The batch as four set-based statements over a COPY of it, instead of three round trips a value:
// audit rows for what changes (old values read before anything moves), then deletes, then one
// upsert. Same rows, counts and audit order as the row-by-row path (tested on both stores).
WriteCounts SqlStore::WriteByCopy(const std::vector<DataValueWrite>& batch,
                                  const std::vector<ResolvedKey>& keys, const std::string& user,
                                  const std::string& now,
                                  const std::optional<std::string>& client) {
  db_.Execute(
      "CREATE TEMP TABLE IF NOT EXISTS incoming_value (ord BIGINT NOT NULL, data_element_id "
      "BIGINT NOT NULL, period_id BIGINT NOT NULL, org_unit_id BIGINT NOT NULL, coc_id BIGINT NOT "
      "NULL, aoc_id BIGINT NOT NULL, value TEXT, comment TEXT NOT NULL); TRUNCATE incoming_value");
  std::string rows;
  rows.reserve(batch.size() * 64);
  for (size_t i = 0; i < batch.size(); ++i) {
    const ResolvedKey& k = keys[i];
    for (long long number : {static_cast<long long>(i), k.de, k.pe, k.ou, k.coc, k.aoc}) {
      rows += std::to_string(number);
      rows += '\t';
    }
    if (batch[i].value) {
      sql::AppendCopyField(&rows, *batch[i].value);
    } else {
      sql::AppendCopyNull(&rows);
    }
    rows += '\t';
    sql::AppendCopyField(&rows, batch[i].comment);
    rows += '\n';
  }
  db_.CopyIn(
      "COPY incoming_value (ord, data_element_id, period_id, org_unit_id, coc_id, aoc_id, value, "
      "comment) FROM STDIN",
      rows);
  db_.Execute("ANALYZE incoming_value");

  WriteCounts counts;
  Statement audit = db_.Prepare(
      "WITH written AS (INSERT INTO data_value_audit (data_element_id, period_id, org_unit_id, "
      "coc_id, aoc_id, action, old_value, new_value, changed_by, changed_at, client) SELECT "
      "i.data_element_id, i.period_id, i.org_unit_id, i.coc_id, i.aoc_id, CASE WHEN i.value IS "
      "NULL THEN 'DELETE' WHEN d.value IS NULL THEN 'CREATE' ELSE 'UPDATE' END, d.value, i.value, "
      "CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT) FROM incoming_value i LEFT JOIN "
      "data_value d ON d.data_element_id = i.data_element_id AND d.period_id = i.period_id AND "
      "d.org_unit_id = i.org_unit_id AND d.coc_id = i.coc_id AND d.aoc_id = i.aoc_id WHERE "
      "(i.value IS NULL AND d.value IS NOT NULL) OR (i.value IS NOT NULL AND (d.value IS NULL OR "
      "d.value <> i.value OR d.comment <> i.comment)) ORDER BY i.ord RETURNING action) SELECT "
      "action, COUNT(*) FROM written GROUP BY action");
  audit.Bind(1, user).Bind(2, now).BindOptional(3, client);
  while (audit.Step()) {
    const std::string action = audit.Text(0);
    const int n = static_cast<int>(audit.Int(1));
    (action == "CREATE"   ? counts.created
     : action == "UPDATE" ? counts.updated
                          : counts.deleted) += n;
  }
  counts.unchanged =
      static_cast<int>(batch.size()) - counts.created - counts.updated - counts.deleted;
  if (counts.deleted > 0) {
    db_.Prepare(
           "DELETE FROM data_value d USING incoming_value i WHERE i.value IS NULL AND "
           "d.data_element_id = i.data_element_id AND d.period_id = i.period_id AND d.org_unit_id "
           "= i.org_unit_id AND d.coc_id = i.coc_id AND d.aoc_id = i.aoc_id")
        .Run();
  }
  if (counts.created + counts.updated > 0) {
    db_.Prepare(
           "INSERT INTO data_value (data_element_id, period_id, org_unit_id, coc_id, aoc_id, "
           "value, comment, stored_by, created, last_updated) SELECT data_element_id, period_id, "
           "org_unit_id, coc_id, aoc_id, value, comment, CAST(?1 AS TEXT), CAST(?2 AS TEXT), "
           "CAST(?2 AS TEXT) FROM incoming_value WHERE value IS NOT NULL ORDER BY data_element_id, "
           "period_id, org_unit_id, coc_id, aoc_id ON CONFLICT (data_element_id, period_id, "
           "org_unit_id, coc_id, aoc_id) DO UPDATE SET value = EXCLUDED.value, comment = "
           "EXCLUDED.comment, stored_by = EXCLUDED.stored_by, last_updated = "
           "EXCLUDED.last_updated WHERE data_value.value <> EXCLUDED.value OR data_value.comment "
           "<> EXCLUDED.comment")
        .Bind(1, user)
        .Bind(2, now)
        .Run();
  }
  return counts;
}

std::optional<DataValue> SqlStore::GetValue(const DataValueKey& key) {
  auto k = Resolve(key);
  if (!k) return std::nullopt;
  Statement s = db_.Prepare(
      "SELECT value, comment, stored_by, last_updated FROM data_value WHERE data_element_id = ? "
      "AND period_id = ? AND org_unit_id = ? AND coc_id = ? AND aoc_id = ?");
  s.Bind(1, k->de).Bind(2, k->pe).Bind(3, k->ou).Bind(4, k->coc).Bind(5, k->aoc);
  if (!s.Step()) return std::nullopt;
  return DataValue{key, s.Text(0), s.Text(1), s.Text(2), s.Text(3)};
}

std::vector<DataValue> SqlStore::QueryValues(const ValueQuery& query) {
  std::string sql =
      "SELECT de.uid, p.iso, ou.uid, coc.uid, aoc.uid, v.value, v.comment, v.stored_by, "
      "v.last_updated FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN "
      "period p ON p.id = v.period_id JOIN org_unit ou ON ou.id = v.org_unit_id JOIN "
      "category_option_combo coc ON coc.id = v.coc_id JOIN category_option_combo aoc ON aoc.id = "
      "v.aoc_id WHERE 1 = 1";
  auto in_list = [&](std::string_view column, const std::vector<std::string>& uids) {
    if (uids.empty()) return;
    sql += " AND " + std::string(column) + " IN (";
    for (size_t i = 0; i < uids.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  };
  in_list("de.uid", query.data_element_uids);
  in_list("ou.uid", query.org_unit_uids);
  if (query.from) sql += " AND p.start_date >= ?";
  if (query.to) sql += " AND p.end_date <= ?";
  sql += " ORDER BY de.code, p.start_date, p.iso, ou.code, coc.code, aoc.code";
  Statement s = db_.Prepare(sql);
  int i = 1;
  for (const auto& uid : query.data_element_uids) s.Bind(i++, uid);
  for (const auto& uid : query.org_unit_uids) s.Bind(i++, uid);
  if (query.from) s.Bind(i++, query.from->ToString());
  if (query.to) s.Bind(i++, query.to->ToString());
  std::vector<DataValue> out;
  while (s.Step()) {
    out.push_back(DataValue{{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)},
                            s.Text(5),
                            s.Text(6),
                            s.Text(7),
                            s.Text(8)});
  }
  return out;
}

void SqlStore::ScanValues(size_t batch_size, const ValueSink& sink) {
  // Keyset paging on the primary key: each page is an index range scan, whatever the store's size.
  Statement s = db_.Prepare(
      "SELECT v.data_element_id, v.period_id, v.org_unit_id, v.coc_id, v.aoc_id, de.uid, p.iso, "
      "p.start_date, p.end_date, ou.uid, coc.uid, aoc.uid, v.value, v.comment FROM data_value v "
      "JOIN data_element de ON de.id = v.data_element_id JOIN period p ON p.id = v.period_id "
      "JOIN org_unit ou ON ou.id = v.org_unit_id JOIN category_option_combo coc ON coc.id = "
      "v.coc_id JOIN category_option_combo aoc ON aoc.id = v.aoc_id WHERE (v.data_element_id, "
      "v.period_id, v.org_unit_id, v.coc_id, v.aoc_id) > (CAST(?1 AS BIGINT), CAST(?2 AS BIGINT), "
      "CAST(?3 AS BIGINT), CAST(?4 AS BIGINT), CAST(?5 AS BIGINT)) ORDER BY v.data_element_id, "
      "v.period_id, v.org_unit_id, v.coc_id, v.aoc_id LIMIT ?6");
  long long last[5] = {-1, -1, -1, -1, -1};
  std::vector<DataValueWrite> batch;
  for (;;) {
    s.Reset();
    for (int i = 0; i < 5; ++i) s.Bind(i + 1, last[i]);
    s.Bind(6, static_cast<long long>(batch_size));
    batch.clear();
    while (s.Step()) {
      for (int i = 0; i < 5; ++i) last[i] = s.Int(i);
      DataValueWrite w;
      w.key = {s.Text(5), s.Text(6), s.Text(9), s.Text(10), s.Text(11)};
      w.period_start = Date::Parse(s.Text(7)).value_or(Date());
      w.period_end = Date::Parse(s.Text(8)).value_or(Date());
      w.value = s.Text(12);
      w.comment = s.Text(13);
      batch.push_back(std::move(w));
    }
    if (batch.empty()) return;
    sink(batch);
    if (batch.size() < batch_size) return;
  }
}

std::vector<ValueChange> SqlStore::ValueChangesAfter(long long after, int limit) {
  std::vector<ValueChange> out;
  Statement s = db_.Prepare(
      "SELECT a.id, de.uid, p.iso, p.start_date, p.end_date, ou.uid, coc.uid, aoc.uid, "
      "a.new_value, a.action FROM data_value_audit a JOIN data_element de ON de.id = "
      "a.data_element_id JOIN period p ON p.id = a.period_id JOIN org_unit ou ON ou.id = "
      "a.org_unit_id JOIN category_option_combo coc ON coc.id = a.coc_id JOIN "
      "category_option_combo aoc ON aoc.id = a.aoc_id WHERE a.id > ? ORDER BY a.id LIMIT ?");
  s.Bind(1, after).Bind(2, static_cast<long long>(limit));
  while (s.Step()) {
    ValueChange change;
    change.id = s.Int(0);
    change.write.key = {s.Text(1), s.Text(2), s.Text(5), s.Text(6), s.Text(7)};
    change.write.period_start = Date::Parse(s.Text(3)).value_or(Date());
    change.write.period_end = Date::Parse(s.Text(4)).value_or(Date());
    if (ParseAction(s.Text(9)) != AuditAction::kDelete) change.write.value = s.OptionalText(8);
    out.push_back(std::move(change));
  }
  return out;
}

long long SqlStore::LastValueChangeId() {
  Statement s = db_.Prepare("SELECT COALESCE(MAX(id), 0) FROM data_value_audit");
  s.Step();
  return s.Int(0);
}

std::vector<AuditEntry> SqlStore::AuditTrail(const DataValueKey& key) {
  std::vector<AuditEntry> out;
  auto k = Resolve(key);
  if (!k) return out;
  Statement s = db_.Prepare(
      "SELECT id, action, old_value, new_value, changed_by, changed_at, client FROM "
      "data_value_audit WHERE data_element_id = ? AND period_id = ? AND org_unit_id = ? AND coc_id "
      "= ? AND aoc_id "
      "= ? ORDER BY id");
  s.Bind(1, k->de).Bind(2, k->pe).Bind(3, k->ou).Bind(4, k->coc).Bind(5, k->aoc);
  while (s.Step()) {
    out.push_back(AuditEntry{s.Int(0), key, ParseAction(s.Text(1)), s.OptionalText(2),
                             s.OptionalText(3), s.Text(4), s.Text(5),
                             s.OptionalText(6).value_or("")});
  }
  return out;
}

void SqlStore::PutTargets(const std::vector<TargetRecord>& targets, const std::string& user) {
  Transaction txn(db_);
  std::string now = NowUtc();
  Statement upsert = db_.Prepare(
      "INSERT INTO target (indicator_id, period, org_unit_id, target, source, updated_by, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator_id, period, org_unit_id) "
      "DO UPDATE SET target = excluded.target, source = excluded.source, updated_by = "
      "excluded.updated_by, updated_at = excluded.updated_at");
  for (const TargetRecord& t : targets) {
    upsert.Reset();
    upsert.Bind(1, IdOf("indicator", t.indicator_uid))
        .Bind(2, t.period)
        .Bind(3, IdOf("org_unit", t.org_unit_uid))
        .Bind(4, t.target)
        .Bind(5, t.source)
        .Bind(6, user)
        .Bind(7, now)
        .Run();
  }
  txn.Commit();
}

std::vector<TargetRecord> SqlStore::LoadTargets() {
  std::vector<TargetRecord> out;
  Statement s = db_.Prepare(
      "SELECT i.uid, t.period, o.uid, t.target, t.source FROM target t JOIN indicator i ON i.id "
      "= t.indicator_id JOIN org_unit o ON o.id = t.org_unit_id ORDER BY i.code, t.period, "
      "o.code");
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)});
  return out;
}

long long SqlStore::UserId(const std::string& username) {
  Statement s = db_.Prepare("SELECT id FROM app_user WHERE username = ?");
  s.Bind(1, username);
  if (!s.Step()) {
    throw UserError("store.unknown_user", "không có người dùng '" + username + "'",
                    "no user '" + username + "'");
  }
  return s.Int(0);
}

void SqlStore::PutUser(const UserAccount& account) {
  Transaction txn(db_);
  std::string now = NowUtc();
  db_.Prepare(
         "INSERT INTO app_user (username, password_hash, role, disabled, created_at, updated_at) "
         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = "
         "excluded.password_hash, role = excluded.role, disabled = excluded.disabled, updated_at "
         "= excluded.updated_at")
      .Bind(1, account.username)
      .Bind(2, account.password_hash)
      .Bind(3, account.role)
      .Bind(4, static_cast<long long>(account.disabled ? 1 : 0))
      .Bind(5, now)
      .Bind(6, now)
      .Run();
  long long id = UserId(account.username);
  db_.Prepare("DELETE FROM app_user_org_unit WHERE user_id = ?").Bind(1, id).Run();
  for (const std::string& unit : account.org_unit_uids) {
    db_.Prepare(
           "INSERT INTO app_user_org_unit (user_id, org_unit_id) VALUES (?, ?) ON CONFLICT DO "
           "NOTHING")
        .Bind(1, id)
        .Bind(2, IdOf("org_unit", unit))
        .Run();
  }
  db_.Prepare("DELETE FROM app_user_group WHERE user_id = ?").Bind(1, id).Run();
  for (const std::string& group : account.groups) {
    Statement find = db_.Prepare("SELECT id FROM user_group WHERE code = ?");
    find.Bind(1, group);
    if (!find.Step()) {
      std::string known;
      for (const std::string& code : UserGroups()) known += (known.empty() ? "" : ", ") + code;
      throw UserError("store.unknown_user_group",
                      "không có nhóm người dùng '" + group + "' (các nhóm: " + known + ")",
                      "no user group '" + group + "' (groups: " + known + ")", "groups");
    }
    db_.Prepare(
           "INSERT INTO app_user_group (user_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .Bind(1, id)
        .Bind(2, find.Int(0))
        .Run();
  }
  txn.Commit();
}

std::optional<UserAccount> SqlStore::FindUser(const std::string& username) {
  Statement s = db_.Prepare(
      "SELECT id, username, password_hash, role, disabled FROM app_user WHERE username = ?");
  s.Bind(1, username);
  if (!s.Step()) return std::nullopt;
  UserAccount account{s.Text(1), s.Text(2), s.Text(3), {}, s.Int(4) != 0, {}};
  Statement units = db_.Prepare(
      "SELECT o.uid FROM app_user_org_unit b JOIN org_unit o ON o.id = b.org_unit_id WHERE "
      "b.user_id = ? ORDER BY o.code, o.uid");
  units.Bind(1, s.Int(0));
  while (units.Step()) account.org_unit_uids.push_back(units.Text(0));
  Statement groups = db_.Prepare(
      "SELECT g.code FROM app_user_group b JOIN user_group g ON g.id = b.group_id WHERE "
      "b.user_id = ? ORDER BY g.code");
  groups.Bind(1, s.Int(0));
  while (groups.Step()) account.groups.push_back(groups.Text(0));
  return account;
}

std::vector<UserAccount> SqlStore::ListUsers() {
  std::vector<std::string> names;
  Statement s = db_.Prepare("SELECT username FROM app_user ORDER BY username");
  while (s.Step()) names.push_back(s.Text(0));
  std::vector<UserAccount> out;
  for (const std::string& name : names) out.push_back(*FindUser(name));
  return out;
}

void SqlStore::PutSession(const SessionRecord& session) {
  db_.Prepare(
         "INSERT INTO user_session (id_hash, user_id, csrf_hash, client, created_at, "
         "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, session.id_hash)
      .Bind(2, UserId(session.username))
      .Bind(3, session.csrf_hash)
      .Bind(4, session.client)
      .Bind(5, static_cast<long long>(session.created_at))
      .Bind(6, static_cast<long long>(session.last_seen_at))
      .Run();
}

std::optional<SessionRecord> SqlStore::FindSession(const std::string& id_hash) {
  Statement s = db_.Prepare(
      "SELECT s.id_hash, u.username, s.csrf_hash, s.client, s.created_at, s.last_seen_at FROM "
      "user_session s JOIN app_user u ON u.id = s.user_id WHERE s.id_hash = ?");
  s.Bind(1, id_hash);
  if (!s.Step()) return std::nullopt;
  return SessionRecord{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.Int(5)};
}

void SqlStore::TouchSession(const std::string& id_hash, std::int64_t last_seen_at) {
  db_.Prepare("UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?")
      .Bind(1, static_cast<long long>(last_seen_at))
      .Bind(2, id_hash)
      .Run();
}

void SqlStore::DeleteSession(const std::string& id_hash) {
  db_.Prepare("DELETE FROM user_session WHERE id_hash = ?").Bind(1, id_hash).Run();
}

int SqlStore::PurgeSessions(std::int64_t idle_before, std::int64_t created_before) {
  db_.Prepare("DELETE FROM user_session WHERE last_seen_at < ? OR created_at < ?")
      .Bind(1, static_cast<long long>(idle_before))
      .Bind(2, static_cast<long long>(created_before))
      .Run();
  return db_.Changes();
}

void SqlStore::PutApiToken(const ApiTokenRecord& token) {
  db_.Prepare("INSERT INTO api_token (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)")
      .Bind(1, token.token_hash)
      .Bind(2, UserId(token.username))
      .Bind(3, token.label)
      .Bind(4, static_cast<long long>(token.created_at))
      .Run();
}

std::optional<ApiTokenRecord> SqlStore::FindApiToken(const std::string& token_hash) {
  Statement s = db_.Prepare(
      "SELECT t.token_hash, u.username, t.label, t.created_at, t.id FROM api_token t JOIN "
      "app_user u ON u.id = t.user_id WHERE t.token_hash = ?");
  s.Bind(1, token_hash);
  if (!s.Step()) return std::nullopt;
  return ApiTokenRecord{s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4)};
}

std::vector<ApiTokenRecord> SqlStore::ListApiTokens(const std::string& username) {
  Statement s = db_.Prepare(
      "SELECT t.token_hash, u.username, t.label, t.created_at, t.id FROM api_token t JOIN "
      "app_user u ON u.id = t.user_id WHERE u.username = ? ORDER BY t.id");
  s.Bind(1, username);
  std::vector<ApiTokenRecord> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4)});
  return out;
}

bool SqlStore::DeleteApiToken(std::int64_t id, const std::string& username) {
  db_.Prepare(
         "DELETE FROM api_token WHERE id = ? AND user_id = (SELECT id FROM app_user WHERE "
         "username = ?)")
      .Bind(1, static_cast<long long>(id))
      .Bind(2, username)
      .Run();
  return db_.Changes() > 0;
}

void SqlStore::RecordAdminEvent(const AdminEvent& e) {
  db_.Prepare(
         "INSERT INTO admin_event (at, username, client, action, target, detail) VALUES (?, ?, "
         "?, ?, ?, ?)")
      .Bind(1, e.at)
      .Bind(2, e.username)
      .Bind(3, e.client)
      .Bind(4, e.action)
      .Bind(5, e.target)
      .Bind(6, e.detail)
      .Run();
}

std::vector<AdminEvent> SqlStore::AdminEvents(int limit) {
  Statement s = db_.Prepare(
      "SELECT at, username, client, action, target, detail FROM admin_event ORDER BY id DESC "
      "LIMIT ?");
  s.Bind(1, static_cast<long long>(limit));
  std::vector<AdminEvent> out;
  while (s.Step()) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
  }
  return out;
}

std::vector<AdminEvent> SqlStore::AdminEventsLike(const std::string& action_prefix, int limit) {
  // substr() rather than LIKE: an action prefix holding '_' or '%' matches only itself.
  Statement s = db_.Prepare(
      "SELECT at, username, client, action, target, detail FROM admin_event WHERE "
      "substr(action, 1, length(CAST(?1 AS TEXT))) = CAST(?1 AS TEXT) ORDER BY id DESC LIMIT ?2");
  s.Bind(1, action_prefix).Bind(2, static_cast<long long>(limit));
  std::vector<AdminEvent> out;
  while (s.Step()) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
  }
  return out;
}

std::vector<std::string> SqlStore::UserGroups() {
  Statement s = db_.Prepare("SELECT code FROM user_group ORDER BY code");
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  return out;
}

long long SqlStore::CountValues(const std::string& data_element_uid) {
  Statement s = db_.Prepare(
      "SELECT COUNT(*) FROM data_value v JOIN data_element d ON d.id = v.data_element_id WHERE "
      "d.uid = ?");
  s.Bind(1, data_element_uid);
  s.Step();
  return s.Int(0);
}

std::string_view OutcomeName(LoginOutcome outcome) {
  switch (outcome) {
    case LoginOutcome::kSuccess:
      return "success";
    case LoginOutcome::kFailure:
      return "failure";
    case LoginOutcome::kLocked:
      return "locked";
  }
  return "failure";
}

void SqlStore::RecordLoginAttempt(const LoginAttempt& attempt) {
  db_.Prepare("INSERT INTO login_attempt (username, client, at, outcome) VALUES (?, ?, ?, ?)")
      .Bind(1, attempt.username)
      .Bind(2, attempt.client)
      .Bind(3, static_cast<long long>(attempt.at))
      .Bind(4, OutcomeName(attempt.outcome))
      .Run();
}

std::vector<LoginAttempt> SqlStore::LoginAttemptsSince(std::int64_t since,
                                                       const std::string& username,
                                                       const std::string& client) {
  Statement s = db_.Prepare(
      username.empty()
          ? "SELECT username, client, at, outcome FROM login_attempt WHERE client = ? AND at >= ? "
            "ORDER BY at, id"
          : "SELECT username, client, at, outcome FROM login_attempt WHERE username = ? AND at >= "
            "? ORDER BY at, id");
  s.Bind(1, username.empty() ? client : username).Bind(2, static_cast<long long>(since));
  std::vector<LoginAttempt> out;
  while (s.Step()) {
    std::string outcome = s.Text(3);
    out.push_back({s.Text(0), s.Text(1), s.Int(2),
                   outcome == "success"  ? LoginOutcome::kSuccess
                   : outcome == "locked" ? LoginOutcome::kLocked
                                         : LoginOutcome::kFailure});
  }
  return out;
}

}  // namespace

std::unique_ptr<Store> OpenSqlStore(std::unique_ptr<sql::Connection> connection) {
  return std::make_unique<SqlStore>(std::move(connection));
}

}  // namespace solieu
