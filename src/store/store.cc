#include "store/store.h"

#include "core/error.h"
#include "store/sqlite_store.h"

namespace solieu {

std::unique_ptr<Store> Store::Open(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    throw UserError("store.postgresql_not_built",
                    "kho PostgreSQL chưa có trong bản này; dùng tệp SQLite",
                    "the PostgreSQL store is not in this build yet; use a SQLite file", location);
  }
  if (location.empty()) {
    throw UserError("store.empty_location", "chưa chỉ định kho dữ liệu (--store)",
                    "no store given (--store)");
  }
  return OpenSqliteStore(location);
}

}  // namespace solieu
