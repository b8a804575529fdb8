// store/sqlite_connection: thin RAII wrappers over the SQLite C API (connection, prepared
// statement, transaction) that turn every SQLite failure into an exception naming the statement.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

namespace solieu::sqlite {

class Statement;

class Connection {
 public:
  explicit Connection(const std::string& path);  // throws UserError if it cannot be opened
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Execute(std::string_view sql);  // one or more statements, no results
  Statement Prepare(std::string_view sql);
  long long LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  // Binds 1-based parameters; returns *this for chaining.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, long long number);
  Statement& Bind(int index, double number);
  Statement& BindOptional(int index, const std::optional<std::string>& text);  // nullopt: NULL
  Statement& BindNull(int index);

  bool Step();   // true while a row is available
  void Run();    // steps to completion
  void Reset();  // ready to bind and run again

  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  long long Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// Rolls back unless Commit() was called, so an exception leaves the store as it was.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  void Commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace solieu::sqlite
