// store/sqlite_store: the embedded store, one SQLite file in WAL mode with foreign keys on.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace solieu {

std::unique_ptr<Store> OpenSqliteStore(const std::string& path);

}  // namespace solieu
