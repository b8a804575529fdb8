#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/error.h"
#include "store/migrations.h"
#include "store/store.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

// A real SQLite file in a fresh temporary folder per test.
class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solieu_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static MetadataSnapshot SmallSnapshot() {
    MetadataSnapshot m;
    OrgUnit province;
    province.uid = "ProvinceA01";
    province.code = "11";
    province.name_vi = "Tỉnh Điện Biên";
    province.name_en = "Dien Bien Province";
    province.level = OrgLevel::kProvince;
    OrgUnit commune;
    commune.uid = "CommuneA001";
    commune.code = "03325";
    commune.name_vi = "Xã Mường Phăng";
    commune.name_en = "Muong Phang Commune";
    commune.level = OrgLevel::kCommune;
    commune.validity = {Date(2025, 7, 1), std::nullopt};
    m.org_units = {province, commune};
    m.parent_links = {{"CommuneA001", "ProvinceA01", {Date(2025, 7, 1), std::nullopt}}};
    CategoryOption option{{"xYerKDKCefk", "default", "mặc định", "default"}};
    Category category{{"GLevLNI9wkl", "default", "mặc định", "default"}, {"xYerKDKCefk"}};
    CategoryCombo combo{{DefaultCategoryComboUid(), "default", "mặc định", "default"},
                        {"GLevLNI9wkl"}};
    CategoryOptionCombo coc{{DefaultCategoryOptionComboUid(), "default", "mặc định", "default"},
                            DefaultCategoryComboUid(),
                            {"xYerKDKCefk"}};
    m.category_options = {option};
    m.categories = {category};
    m.category_combos = {combo};
    m.category_option_combos = {coc};
    DataElement births;
    births.uid = "LiveBirth01";
    births.code = "LIVE_BIRTHS";
    births.name_vi = "Số trẻ đẻ sống";
    births.name_en = "Live births";
    births.value_type = ValueType::kIntegerZeroOrPositive;
    births.category_combo_uid = DefaultCategoryComboUid();
    births.unit_vi = "trẻ";
    m.data_elements = {births};
    Indicator mmr;
    mmr.uid = "Indicator01";
    mmr.code = "MMR";
    mmr.name_vi = "Tỷ số tử vong mẹ";
    mmr.name_en = "Maternal mortality ratio";
    mmr.numerator = "#{MATERNAL_DEATHS}";
    mmr.denominator = "#{LIVE_BIRTHS}";
    mmr.factor = 100000;
    mmr.direction = Direction::kLowerIsBetter;
    m.indicators = {mmr};
    return m;
  }

  static DataValueWrite Write(std::optional<std::string> value) {
    DataValueWrite w;
    w.key = {"LiveBirth01", "202507", "CommuneA001", DefaultCategoryOptionComboUid(),
             DefaultCategoryOptionComboUid()};
    w.period_start = Date(2025, 7, 1);
    w.period_end = Date(2025, 7, 31);
    w.value = std::move(value);
    return w;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, MigratesAnEmptyFileToTheLatestSchemaOnce) {
  int latest = Migrations().back().version;
  EXPECT_EQ(Store::Open(path_)->SchemaVersion(), latest);
  EXPECT_EQ(Store::Open(path_)->SchemaVersion(), latest);  // reopening applies nothing twice
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM schema_migration", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), static_cast<int>(Migrations().size()));
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, MetadataRoundTripsAndReapplyingChangesNothing) {
  MetadataSnapshot in = SmallSnapshot();
  {
    auto store = Store::Open(path_);
    MetadataChanges first = store->ApplyMetadata(in);
    EXPECT_EQ(first.created, 8);  // 2 units, 4 default category objects, 1 element, 1 indicator
    EXPECT_EQ(first.updated, 0);
  }
  auto store = Store::Open(path_);
  MetadataSnapshot out = store->LoadMetadata();
  ASSERT_EQ(out.org_units.size(), 2u);
  EXPECT_EQ(out.org_units[0].code, "03325");  // listed in code order
  EXPECT_EQ(out.org_units[0].name_vi, "Xã Mường Phăng");
  EXPECT_EQ(out.org_units[0].level, OrgLevel::kCommune);
  EXPECT_EQ(out.org_units[0].validity.from, Date(2025, 7, 1));
  EXPECT_FALSE(out.org_units[0].validity.to.has_value());
  EXPECT_EQ(out.org_units[1].code, "11");
  ASSERT_EQ(out.parent_links.size(), 1u);
  EXPECT_EQ(out.parent_links[0].parent_uid, "ProvinceA01");
  ASSERT_EQ(out.indicators.size(), 1u);
  EXPECT_EQ(out.indicators[0].factor, 100000);
  EXPECT_EQ(out.indicators[0].direction, Direction::kLowerIsBetter);
  EXPECT_EQ(out.data_elements[0].value_type, ValueType::kIntegerZeroOrPositive);

  MetadataChanges again = store->ApplyMetadata(in);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 8);
  in.indicators[0].name_en = "Maternal mortality ratio (per 100,000 live births)";
  EXPECT_EQ(store->ApplyMetadata(in).updated, 1);
}

TEST_F(SqliteStoreTest, EveryChangeLeavesAnAuditRowWithOldAndNewValue) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  EXPECT_EQ(store->PutValues({Write("120")}, "clerk").created, 1);
  EXPECT_EQ(store->PutValues({Write("120")}, "clerk").unchanged, 1);
  EXPECT_EQ(store->PutValues({Write("125")}, "manager").updated, 1);
  EXPECT_EQ(store->PutValues({Write(std::nullopt)}, "manager").deleted, 1);
  auto trail = store->AuditTrail(Write("").key);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0].action, AuditAction::kCreate);
  EXPECT_FALSE(trail[0].old_value.has_value());
  EXPECT_EQ(trail[0].new_value, "120");
  EXPECT_EQ(trail[0].changed_by, "clerk");
  EXPECT_EQ(trail[1].action, AuditAction::kUpdate);
  EXPECT_EQ(trail[1].old_value, "120");
  EXPECT_EQ(trail[1].new_value, "125");
  EXPECT_EQ(trail[1].changed_by, "manager");
  EXPECT_EQ(trail[2].action, AuditAction::kDelete);
  EXPECT_EQ(trail[2].old_value, "125");
  EXPECT_FALSE(store->GetValue(Write("").key).has_value());
}

TEST_F(SqliteStoreTest, ValuesRoundTripThroughAReopenedFile) {
  {
    auto store = Store::Open(path_);
    store->ApplyMetadata(SmallSnapshot());
    DataValueWrite w = Write("1250");
    w.comment = "ước tính";
    store->PutValues({w}, "clerk");
  }
  auto store = Store::Open(path_);
  auto value = store->GetValue(Write("").key);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->value, "1250");
  EXPECT_EQ(value->comment, "ước tính");
  EXPECT_EQ(value->stored_by, "clerk");
  ValueQuery query;
  query.from = Date(2025, 7, 1);
  query.to = Date(2025, 12, 31);
  EXPECT_EQ(store->QueryValues(query).size(), 1u);
  query.from = Date(2025, 8, 1);
  EXPECT_TRUE(store->QueryValues(query).empty());
}

TEST_F(SqliteStoreTest, ScanningInSmallBatchesYieldsEveryValueOnceWithItsPeriodAndComment) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  // 7 months x 2 units; deleted values are not scanned.
  std::vector<DataValueWrite> writes;
  for (const char* unit : {"ProvinceA01", "CommuneA001"}) {
    for (int month = 1; month <= 7; ++month) {
      DataValueWrite w = Write(std::to_string(month * 10));
      w.key.org_unit_uid = unit;
      w.key.period = "2025" + std::string(month < 10 ? "0" : "") + std::to_string(month);
      w.period_start = Date(2025, month, 1);
      w.period_end = Date(2025, month, 28);  // stored as given
      w.comment = unit[0] == 'P' ? "tỉnh" : "";
      writes.push_back(w);
    }
  }
  store->PutValues(writes, "clerk");
  DataValueWrite erased = writes[3];
  erased.value.reset();
  store->PutValues({erased}, "clerk");

  std::vector<size_t> batch_sizes;
  std::map<std::string, DataValueWrite> seen;
  store->ScanValues(3, [&](std::vector<DataValueWrite>& batch) {
    batch_sizes.push_back(batch.size());
    for (DataValueWrite& w : batch) {
      std::string key = w.key.org_unit_uid + "/" + w.key.period;
      EXPECT_FALSE(seen.count(key)) << key << " scanned twice";
      seen[key] = std::move(w);
    }
  });
  EXPECT_EQ(seen.size(), 13u);
  EXPECT_EQ(batch_sizes, (std::vector<size_t>{3, 3, 3, 3, 1}));
  EXPECT_FALSE(seen.count("ProvinceA01/202504"));
  const DataValueWrite& march = seen.at("ProvinceA01/202503");
  EXPECT_EQ(march.value, "30");
  EXPECT_EQ(march.comment, "tỉnh");
  EXPECT_EQ(march.period_start, Date(2025, 3, 1));
  EXPECT_EQ(march.period_end, Date(2025, 3, 28));
  EXPECT_EQ(march.key.data_element_uid, "LiveBirth01");
  EXPECT_EQ(march.key.attribute_option_combo_uid, DefaultCategoryOptionComboUid());
  EXPECT_EQ(seen.at("CommuneA001/202507").value, "70");
}

TEST_F(SqliteStoreTest, ABatchWithOneUnknownReferenceWritesNothing) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  DataValueWrite bad = Write("7");
  bad.key.org_unit_uid = "NoSuchUnit1";
  EXPECT_THROW(store->PutValues({Write("5"), bad}, "clerk"), UserError);
  EXPECT_FALSE(store->GetValue(Write("").key).has_value());
  EXPECT_TRUE(store->AuditTrail(Write("").key).empty());
}

TEST_F(SqliteStoreTest, BatchesOfOneWriteShareOneTransaction) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  DataValueWrite bad = Write("7");
  bad.key.org_unit_uid = "NoSuchUnit1";
  std::vector<std::vector<DataValueWrite>> batches = {{Write("5")}, {Write("6")}, {bad}};
  size_t next = 0;
  auto from = [&]() -> const std::vector<DataValueWrite>* {
    return next < batches.size() ? &batches[next++] : nullptr;
  };
  // A failure in the third batch takes back the first two.
  try {
    store->PutValueBatches(from, "clerk", "10.0.0.7");
    ADD_FAILURE() << "an unknown unit was accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.where(), "giá trị thứ 3 / value 3");  // counted across the batches
  }
  EXPECT_FALSE(store->GetValue(Write("").key).has_value());
  EXPECT_TRUE(store->AuditTrail(Write("").key).empty());
  batches.pop_back();
  next = 0;
  WriteCounts counts = store->PutValueBatches(from, "clerk", "10.0.0.7");
  EXPECT_EQ(counts.created, 1);
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(store->GetValue(Write("").key)->value, "6");
  EXPECT_EQ(store->AuditTrail(Write("").key).size(), 2u);
}

// Large batches take PostgreSQL's COPY path (sql_store's WriteByCopy), small ones the
// row-by-row path; both stores must give the same counts, rows and audit trail in write order.
TEST_F(SqliteStoreTest, ALargeBatchCountsAuditsAndStoresEveryKindOfChange) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  auto month = [](int i) {
    DataValueWrite w = Write(std::to_string(i));
    const int year = 2015 + i / 12, m = 1 + i % 12;
    w.key.period = std::to_string(year) + (m < 10 ? "0" : "") + std::to_string(m);
    w.period_start = Date(year, m, 1);
    w.period_end = Date(year, m, 28);
    return w;
  };
  std::vector<DataValueWrite> first;
  for (int i = 0; i < 100; ++i) first.push_back(month(i));
  first[7].comment = "tab\there, back\\slash,\nnew line: ước tính";
  WriteCounts created = store->PutValues(first, "clerk");
  EXPECT_EQ(created.created, 100);
  const long long after_first = store->LastValueChangeId();

  std::vector<DataValueWrite> second;
  std::vector<std::string> changed;  // periods whose change is audited, in write order
  for (int i = 0; i < 120; ++i) {
    DataValueWrite w = month(i);
    if (i == 7) w.comment = first[7].comment;                   // unchanged, odd comment and all
    if (i >= 20 && i < 40) w.value = std::to_string(i * 1000);  // updated
    if (i >= 40 && i < 50) w.comment = "sửa ghi chú";           // updated: the comment only
    if (i >= 50 && i < 70) w.value.reset();                     // deleted
    if (i >= 100 && i < 110) w.value.reset();                   // deleting nothing: unchanged
    if ((i >= 20 && i < 70) || i >= 110) changed.push_back(w.key.period);
    second.push_back(w);
  }
  // In write order, not key order: the audit keeps the order the writes came in.
  std::reverse(second.begin(), second.end());
  std::reverse(changed.begin(), changed.end());
  WriteCounts counts = store->PutValues(second, "editor", "10.0.0.9");
  EXPECT_EQ(counts.created, 10);
  EXPECT_EQ(counts.updated, 30);
  EXPECT_EQ(counts.deleted, 20);
  EXPECT_EQ(counts.unchanged, 60);

  EXPECT_EQ(store->GetValue(month(7).key)->comment, first[7].comment);
  EXPECT_EQ(store->GetValue(month(25).key)->value, "25000");
  EXPECT_EQ(store->GetValue(month(25).key)->stored_by, "editor");
  EXPECT_EQ(store->GetValue(month(45).key)->comment, "sửa ghi chú");
  EXPECT_EQ(store->GetValue(month(5).key)->stored_by, "clerk");  // unchanged: not rewritten
  EXPECT_FALSE(store->GetValue(month(55).key).has_value());
  EXPECT_FALSE(store->GetValue(month(105).key).has_value());
  EXPECT_EQ(store->GetValue(month(115).key)->value, "115");

  std::vector<ValueChange> changes = store->ValueChangesAfter(after_first, 1000);
  std::vector<std::string> periods;
  for (const ValueChange& c : changes) periods.push_back(c.write.key.period);
  EXPECT_EQ(periods, changed);
  std::vector<AuditEntry> trail = store->AuditTrail(month(25).key);
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[1].action, AuditAction::kUpdate);
  EXPECT_EQ(trail[1].old_value, "25");
  EXPECT_EQ(trail[1].new_value, "25000");
  EXPECT_EQ(trail[1].changed_by, "editor");
  EXPECT_EQ(trail[1].client, "10.0.0.9");
  trail = store->AuditTrail(month(55).key);
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[1].action, AuditAction::kDelete);
  EXPECT_EQ(trail[1].old_value, "55");
  EXPECT_FALSE(trail[1].new_value.has_value());
  EXPECT_EQ(store->AuditTrail(month(5).key).size(), 1u);

  // One key twice in a large batch: the later write wins, both are audited.
  std::vector<DataValueWrite> repeated;
  for (int i = 0; i < 70; ++i) repeated.push_back(month(i));
  repeated[3].value = "first";
  repeated.push_back(repeated[3]);
  repeated.back().value = "second";
  WriteCounts twice = store->PutValues(repeated, "editor");
  EXPECT_EQ(store->GetValue(month(3).key)->value, "second");
  EXPECT_EQ(store->AuditTrail(month(3).key).size(), 3u);
  // Updated: month 3 twice, month 7 (its comment dropped), months 20..39 (their values back),
  // months 40..49 (their comments dropped); created: the deleted months 50..69.
  EXPECT_EQ(twice.updated, 2 + 1 + 20 + 10);
  EXPECT_EQ(twice.created, 20);
  EXPECT_EQ(twice.unchanged, 18);
}

TEST_F(SqliteStoreTest, TargetsAreKeptVerbatimAndReplacedByKey) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  store->PutTargets({{"Indicator01", "2025", "ProvinceA01", "<40", "Table 1.1"},
                     {"Indicator01", "2021-01-01/P5Y", "ProvinceA01", "≤45", "Phụ lục 01"}},
                    "planner");
  store->PutTargets({{"Indicator01", "2025", "ProvinceA01", "<32,84", "KH 2025"}}, "planner");
  auto targets = store->LoadTargets();
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].period, "2021-01-01/P5Y");
  EXPECT_EQ(targets[0].target, "≤45");
  EXPECT_EQ(targets[1].target, "<32,84");
  EXPECT_EQ(targets[1].source, "KH 2025");
  EXPECT_THROW(store->PutTargets({{"Indicator01", "2026", "ProvinceA01", "<30", ""},
                                  {"NoIndicator", "2026", "ProvinceA01", "<30", ""}},
                                 "planner"),
               UserError);
  EXPECT_EQ(store->LoadTargets().size(), 2u);  // nothing of the failed batch
}

TEST_F(SqliteStoreTest, AnUnopenablePathIsAUserError) {
  EXPECT_THROW(Store::Open((dir_ / "no-such-folder" / "x.db").string()), UserError);
}

}  // namespace
}  // namespace solieu

namespace solieu {
namespace {

TEST_F(SqliteStoreTest, MigrationEightKeepsOldAuditRowsWithoutAClientAddress) {
  // A store at schema 7 with one audit row, as it was before the client address was kept.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql =
      "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL);";
  for (const Migration& m : Migrations()) {
    if (m.version > 7) continue;
    sql += std::string(m.sql);
    sql += "INSERT INTO schema_migration VALUES (" + std::to_string(m.version) + ", 'm', 't');";
  }
  sql +=
      "INSERT INTO data_value_audit (data_element_id, period_id, org_unit_id, coc_id, aoc_id, "
      "action, old_value, new_value, changed_by, changed_at) VALUES (1, 1, 1, 1, 1, 'CREATE', "
      "NULL, '5', 'old', '2024-01-01T00:00:00Z');";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  EXPECT_EQ(Store::Open(path_)->SchemaVersion(), Migrations().back().version);
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT changed_by, client IS NULL FROM data_value_audit", -1, &stmt,
                     nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "old");
  EXPECT_EQ(sqlite3_column_int(stmt, 1), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, AuditRowsKeepTheClientAddress) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  store->PutValues({Write("1")}, "clerk", "10.0.0.7");
  store->PutValues({Write("2")}, "cli-user", "cli");
  store->PutValues({Write("3")}, "demo");
  auto trail = store->AuditTrail(Write("").key);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0].client, "10.0.0.7");
  EXPECT_EQ(trail[1].client, "cli");
  EXPECT_EQ(trail[2].client, "");
}

TEST_F(SqliteStoreTest, UserGroupsComeFromRestrictedDataElements) {
  auto store = Store::Open(path_);
  MetadataSnapshot m = SmallSnapshot();
  m.data_elements[0].user_group = "hiv";
  store->ApplyMetadata(m);
  EXPECT_EQ(store->LoadMetadata().data_elements[0].user_group, "hiv");
  EXPECT_EQ(store->UserGroups(), std::vector<std::string>{"hiv"});

  UserAccount account{"u", "hash", "viewer", {"ProvinceA01"}, false, {"hiv"}};
  store->PutUser(account);
  EXPECT_EQ(store->FindUser("u")->groups, std::vector<std::string>{"hiv"});
  account.groups = {"hiv", "tb"};
  try {
    store->PutUser(account);
    FAIL() << "an unknown group was accepted";
  } catch (const UserError& e) {
    EXPECT_NE(e.message_en().find("'tb'"), std::string::npos) << e.message_en();
  }
  EXPECT_EQ(store->FindUser("u")->groups, std::vector<std::string>{"hiv"});  // unchanged
  account.groups = {};
  store->PutUser(account);
  EXPECT_TRUE(store->FindUser("u")->groups.empty());
}

TEST_F(SqliteStoreTest, PurgeSessionsDeletesOnlyExpiredOnes) {
  auto store = Store::Open(path_);
  store->ApplyMetadata(SmallSnapshot());
  store->PutUser({"u", "hash", "viewer", {"ProvinceA01"}, false, {}});
  store->PutSession({"idle", "u", "c", "127.0.0.1", 1000, 1100});
  store->PutSession({"old", "u", "c", "127.0.0.1", 500, 1900});
  store->PutSession({"live", "u", "c", "127.0.0.1", 1000, 1900});
  EXPECT_EQ(store->PurgeSessions(/*idle_before=*/1200, /*created_before=*/900), 2);
  EXPECT_FALSE(store->FindSession("idle"));
  EXPECT_FALSE(store->FindSession("old"));
  EXPECT_TRUE(store->FindSession("live"));
}

}  // namespace
}  // namespace solieu
