// store/migrations: the numbered schema migrations, applied in order on open. A migration is never
// edited once it has landed: a change to the schema is a new, higher number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace solieu {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Written in SQLite's dialect, kept to the part PostgreSQL shares once PostgresSchemaSql has
// mapped the types: one list of migrations for both stores.
const std::vector<Migration>& Migrations();

// A migration's SQL for PostgreSQL: integer keys become 64-bit identity columns, INTEGER BIGINT,
// REAL DOUBLE PRECISION, and WITHOUT ROWID (a SQLite storage hint) goes.
std::string PostgresSchemaSql(std::string_view sqlite_sql);

}  // namespace solieu
