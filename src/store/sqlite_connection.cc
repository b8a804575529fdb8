#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <stdexcept>

#include "core/error.h"

namespace solieu {
namespace {

[[noreturn]] void Fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error("SQLite: " + std::string(sqlite3_errmsg(db)) +
                           " in: " + std::string(what.substr(0, 200)));
}

class SqliteStatement final : public sql::StatementImpl {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
    if (sqlite3_prepare_v2(db_, sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
      Fail(db_, sql_);
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindText(int index, std::string_view text) override {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
      Fail(db_, sql_);
    }
  }
  void BindInt(int index, long long number) override {
    if (sqlite3_bind_int64(stmt_, index, number) != SQLITE_OK) Fail(db_, sql_);
  }
  void BindDouble(int index, double number) override {
    if (sqlite3_bind_double(stmt_, index, number) != SQLITE_OK) Fail(db_, sql_);
  }
  void BindNull(int index) override {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) Fail(db_, sql_);
  }
  bool Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Fail(db_, sql_);
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
  }
  long long Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw UserError("store.cannot_open", "không mở được kho dữ liệu: " + reason,
                      "cannot open the store: " + reason, path);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
    Execute("PRAGMA journal_mode = WAL");
    Execute("PRAGMA foreign_keys = ON");
    Execute("PRAGMA synchronous = NORMAL");
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }

  void Execute(std::string_view sql) override {
    char* message = nullptr;
    std::string owned(sql);
    if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw std::runtime_error("SQLite: " + text + " in: " + owned.substr(0, 200));
    }
  }
  sql::Statement Prepare(std::string_view sql) override {
    return sql::Statement(std::make_unique<SqliteStatement>(db_, sql));
  }
  long long Changes() override { return sqlite3_changes(db_); }
  void Begin() override { Execute("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<sql::Connection> OpenSqliteConnection(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace solieu
