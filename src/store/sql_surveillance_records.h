// store/sql_surveillance_records: SurveillanceRecords on the SQLite store's connection (the
// tables of migration 4). Depends on: store/sqlite_connection.
#pragma once

#include <memory>

#include "store/sql_connection.h"
#include "store/surveillance_records.h"

namespace solieu {

// `db` must outlive the result and be migrated before the first call.
std::unique_ptr<SurveillanceRecords> MakeSqlSurveillanceRecords(sql::Connection& db);

}  // namespace solieu
