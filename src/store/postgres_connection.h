// store/postgres_connection: sql::Connection over libpq. Statements are prepared once per
// connection (named, cached by their text) with `?` rewritten to `$n`; parameters and results
// travel as text, so PostgreSQL infers each parameter's type from where it stands. Every write
// transaction takes one advisory lock, so writers from several server processes run one at a
// time, as SQLite's do.
// Depends on: store/sql_connection, libpq.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/sql_connection.h"

namespace solieu {

// `url` is a postgresql:// connection URI. A non-empty `schema` (created if missing) holds every
// table instead of the database's default one. Throws UserError if the server cannot be reached.
std::unique_ptr<sql::Connection> OpenPostgresConnection(const std::string& url,
                                                        const std::string& schema);

// `?` parameters to `$1`, `$2`, ... outside quoted strings, quoted names and comments.
std::string PostgresPlaceholders(std::string_view sql);

// The URI with any password replaced by "***", for messages and logs.
std::string RedactedPostgresUrl(std::string_view url);

}  // namespace solieu
