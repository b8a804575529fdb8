// store/sql_reporting_records: ReportingRecords on the SQLite store's connection (the tables
// of migration 6). Depends on: store/sqlite_connection.
#pragma once

#include <memory>

#include "store/reporting_records.h"
#include "store/sql_connection.h"

namespace solieu {

// `db` must outlive the result and be migrated before the first call.
std::unique_ptr<ReportingRecords> MakeSqlReportingRecords(sql::Connection& db);

}  // namespace solieu
