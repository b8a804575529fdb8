// store/sql_connection: what the store's SQL code needs of a database connection (prepared
// statements with `?` parameters, transactions, the count of changed rows), so one store
// implementation (sql_store) runs on SQLite and on PostgreSQL. Every database failure becomes an
// exception naming the statement. Depends on: nothing but the standard library.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace solieu::sql {

enum class Dialect { kSqlite, kPostgres };

// One prepared statement of a backend. Columns and parameters as in Statement.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindInt(int index, long long number) = 0;
  virtual void BindDouble(int index, double number) = 0;
  virtual void BindNull(int index) = 0;
  virtual bool Step() = 0;
  virtual void Reset() = 0;
  virtual std::string Text(int column) const = 0;
  virtual long long Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}

  // Binds 1-based parameters; returns *this for chaining.
  Statement& Bind(int index, std::string_view text) {
    impl_->BindText(index, text);
    return *this;
  }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, long long number) {
    impl_->BindInt(index, number);
    return *this;
  }
  Statement& Bind(int index, double number) {
    impl_->BindDouble(index, number);
    return *this;
  }
  Statement& BindOptional(int index, const std::optional<std::string>& text) {
    return text ? Bind(index, std::string_view(*text)) : BindNull(index);
  }
  Statement& BindNull(int index) {
    impl_->BindNull(index);
    return *this;
  }

  bool Step() { return impl_->Step(); }  // true while a row is available
  void Run() {                           // steps to completion
    while (Step()) {
    }
  }
  // Runs an INSERT ... RETURNING id and gives the id.
  long long ReturnedId() {
    Step();
    long long id = Int(0);
    Run();
    return id;
  }
  void Reset() { impl_->Reset(); }  // ready to bind and run again (parameters back to NULL)

  std::string Text(int column) const { return impl_->Text(column); }
  std::optional<std::string> OptionalText(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Text(column);
  }
  long long Int(int column) const { return impl_->Int(column); }
  double Double(int column) const { return impl_->Double(column); }
  bool IsNull(int column) const { return impl_->IsNull(column); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual void Execute(std::string_view sql) = 0;  // one or more statements, no results
  virtual Statement Prepare(std::string_view sql) = 0;
  // Rows inserted, updated or deleted by the last statement run on this connection.
  virtual long long Changes() = 0;
  // Starts a transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE), so two
  // writers never both read and then fail to write.
  virtual void Begin() = 0;
  void Commit() { Execute("COMMIT"); }
  void Rollback() { Execute("ROLLBACK"); }

  // Bulk rows in one round trip: PostgreSQL's `COPY table (columns) FROM STDIN` in its text
  // format (rows built with AppendCopyField). SQLite has no such statement and needs none (its
  // row-by-row inserts do not leave the process): CanCopy() is false and CopyIn throws.
  virtual bool CanCopy() const { return false; }
  virtual void CopyIn(std::string_view copy_statement, std::string_view rows);
};

// Appends one field of a COPY text row (tab-separated, newline-terminated; `\N` is NULL), escaped.
void AppendCopyField(std::string* row, std::string_view field);
inline void AppendCopyNull(std::string* row) {
  row->append("\\N");
}

// Rolls back unless Commit() was called, so an exception leaves the store as it was.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) { connection_.Begin(); }
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    connection_.Commit();
    done_ = true;
  }

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace solieu::sql
