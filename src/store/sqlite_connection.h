// store/sqlite_connection: sql::Connection over the SQLite C API: one file in WAL mode with
// foreign keys on. Depends on: store/sql_connection, SQLite.
#pragma once

#include <memory>
#include <string>

#include "store/sql_connection.h"

namespace solieu {

// Opens (creating if missing) the SQLite file; throws UserError if it cannot be opened.
std::unique_ptr<sql::Connection> OpenSqliteConnection(const std::string& path);

}  // namespace solieu
