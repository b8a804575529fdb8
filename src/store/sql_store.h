// store/sql_store: the Store on a SQL database (SQLite or PostgreSQL, through sql::Connection):
// integer surrogate keys inside, uids at the boundary, one audit row per value change.
// Depends on: store/sql_connection, store/migrations.
#pragma once

#include <memory>

#include "store/sql_connection.h"
#include "store/store.h"

namespace solieu {

// Migrates the database to the current schema, then serves it.
std::unique_ptr<Store> OpenSqlStore(std::unique_ptr<sql::Connection> connection);

}  // namespace solieu
