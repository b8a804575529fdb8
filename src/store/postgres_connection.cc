#include "store/postgres_connection.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace solieu {
namespace {

// The lock every write transaction takes (an arbitrary number that names solieu's writes).
constexpr int kWriteLock = 7510002;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void Fail(PGconn* conn, const PGresult* result, std::string_view sql) {
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw std::runtime_error("PostgreSQL: " + message + " in: " + std::string(sql.substr(0, 200)));
}

bool Succeeded(const PGresult* result) {
  ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

class PostgresConnection;

class PostgresStatement final : public sql::StatementImpl {
 public:
  PostgresStatement(PostgresConnection& connection, std::string name, std::string sql,
                    int parameters)
      : connection_(connection),
        name_(std::move(name)),
        sql_(std::move(sql)),
        values_(static_cast<size_t>(parameters)) {}

  void BindText(int index, std::string_view text) override { Slot(index) = std::string(text); }
  void BindInt(int index, long long number) override { Slot(index) = std::to_string(number); }
  void BindDouble(int index, double number) override {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    Slot(index) = std::string(buffer, end);
  }
  void BindNull(int index) override { Slot(index).reset(); }

  bool Step() override;
  void Reset() override {
    result_.reset();
    row_ = -1;
    for (auto& value : values_) value.reset();
  }
  std::string Text(int column) const override {
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }
  long long Int(int column) const override {
    const char* text = PQgetvalue(result_.get(), row_, column);
    if (text[0] == 't') return 1;  // a boolean column
    if (text[0] == 'f') return 0;
    long long number = 0;
    std::string_view view = text;
    if (auto dot = view.find('.'); dot != std::string_view::npos) view = view.substr(0, dot);
    std::from_chars(view.data(), view.data() + view.size(), number);
    return number;
  }
  double Double(int column) const override {
    const char* text = PQgetvalue(result_.get(), row_, column);
    double number = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row_, column), number);
    return number;
  }
  bool IsNull(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }

 private:
  std::optional<std::string>& Slot(int index) {
    if (index < 1 || static_cast<size_t>(index) > values_.size()) {
      throw std::runtime_error("PostgreSQL: parameter " + std::to_string(index) +
                               " out of range in: " + sql_.substr(0, 200));
    }
    return values_[static_cast<size_t>(index) - 1];
  }

  PostgresConnection& connection_;
  std::string name_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  Result result_;
  int row_ = -1;
};

class PostgresConnection final : public sql::Connection {
 public:
  PostgresConnection(const std::string& url, const std::string& schema)
      : conn_(PQconnectdb(url.c_str())) {
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      std::string reason = conn_ ? PQerrorMessage(conn_) : "out of memory";
      while (!reason.empty() && reason.back() == '\n') reason.pop_back();
      PQfinish(conn_);
      conn_ = nullptr;
      throw UserError("store.cannot_open", "không kết nối được kho PostgreSQL: " + reason,
                      "cannot connect to the PostgreSQL store: " + reason,
                      RedactedPostgresUrl(url));
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    // The process id in application_name lets an operator (and the tests) tell servers apart.
    Execute(
        "SET client_encoding = 'UTF8'; SET client_min_messages = warning; SET "
        "application_name = 'solieu " +
        std::to_string(::getpid()) + "'");
    if (!schema.empty()) {
      // Under the write lock, so that two connections creating the same schema do not collide.
      Begin();
      Execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      Commit();
      Execute("SET search_path TO " + schema);
    }
  }
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }

  void Execute(std::string_view sql) override {
    std::string owned(sql);
    Result result(PQexec(conn_, owned.c_str()));
    if (!result || !Succeeded(result.get())) Fail(conn_, result.get(), owned);
    NoteChanges(result.get());
  }

  sql::Statement Prepare(std::string_view sql) override {
    std::string text(sql);
    auto it = prepared_.find(text);
    if (it == prepared_.end()) {
      std::string translated = PostgresPlaceholders(text);
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      Result result(PQprepare(conn_, name.c_str(), translated.c_str(), 0, nullptr));
      if (!result || !Succeeded(result.get())) Fail(conn_, result.get(), text);
      Result described(PQdescribePrepared(conn_, name.c_str()));
      if (!described || !Succeeded(described.get())) Fail(conn_, described.get(), text);
      it = prepared_.emplace(text, Prepared{name, PQnparams(described.get())}).first;
    }
    return sql::Statement(
        std::make_unique<PostgresStatement>(*this, it->second.name, text, it->second.parameters));
  }

  long long Changes() override { return changes_; }

  bool CanCopy() const override { return true; }
  void CopyIn(std::string_view copy_statement, std::string_view rows) override {
    std::string owned(copy_statement);
    Result started(PQexec(conn_, owned.c_str()));
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
      Fail(conn_, started.get(), owned);
    }
    // In pieces: PQputCopyData takes an int length.
    constexpr size_t kPiece = 1 << 20;
    bool sent = true;
    for (size_t at = 0; sent && at < rows.size(); at += kPiece) {
      const size_t n = std::min(kPiece, rows.size() - at);
      sent = PQputCopyData(conn_, rows.data() + at, static_cast<int>(n)) == 1;
    }
    if (PQputCopyEnd(conn_, sent ? nullptr : "the client failed to send the rows") != 1) {
      Fail(conn_, nullptr, owned);
    }
    // The COPY's own result, then nothing: libpq wants every result read before the next command.
    Result finished(PQgetResult(conn_));
    bool ok = finished && Succeeded(finished.get());
    if (ok) NoteChanges(finished.get());
    std::string error = ok ? "" : (finished ? PQresultErrorMessage(finished.get()) : "");
    while (Result more{PQgetResult(conn_)}) {
    }
    if (!ok) {
      while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
      throw std::runtime_error("PostgreSQL: " + error + " in: " + owned.substr(0, 200));
    }
  }

  void Begin() override {
    // Keyed by the schema too, so stores in separate schemas of one database (the tests') do not
    // wait for each other.
    Execute("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) +
            ", hashtext(current_schema()))");
  }

  Result Run(const std::string& name, const std::vector<std::optional<std::string>>& values,
             std::string_view sql) {
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
    Result result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(pointers.size()),
                                 pointers.data(), nullptr, nullptr, 0));
    if (!result || !Succeeded(result.get())) Fail(conn_, result.get(), sql);
    NoteChanges(result.get());
    return result;
  }

 private:
  struct Prepared {
    std::string name;
    int parameters;
  };

  void NoteChanges(const PGresult* result) {
    const char* tuples = PQcmdTuples(const_cast<PGresult*>(result));
    changes_ = 0;
    if (tuples && *tuples)
      std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changes_);
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, Prepared> prepared_;
  long long changes_ = 0;
};

bool PostgresStatement::Step() {
  if (!result_) {
    result_ = connection_.Run(name_, values_, sql_);
    row_ = -1;
  }
  ++row_;
  return row_ < PQntuples(result_.get());
}

}  // namespace

std::unique_ptr<sql::Connection> OpenPostgresConnection(const std::string& url,
                                                        const std::string& schema) {
  return std::make_unique<PostgresConnection>(url, schema);
}

std::string PostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // a quoted string or name: copied to its closing quote
      size_t close = sql.find(c, i + 1);
      if (close == std::string_view::npos) close = sql.size() - 1;
      out.append(sql.substr(i, close - i + 1));
      i = close;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment, to the line end
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      // `?NNN` names its parameter (SQLite's numbered form); a bare `?` takes the next one.
      size_t digits = i + 1;
      while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
      out += '$';
      if (digits > i + 1) {
        int number = std::stoi(std::string(sql.substr(i + 1, digits - i - 1)));
        out += std::to_string(number);
        next = std::max(next, number + 1);
        i = digits - 1;
      } else {
        out += std::to_string(next++);
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::string RedactedPostgresUrl(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  size_t at = out.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return out;
  size_t colon = out.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  return out;
}

}  // namespace solieu
