#include "store/store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "store/postgres_connection.h"
#include "store/sql_store.h"
#include "store/sqlite_connection.h"

namespace solieu {
namespace {

bool IsPostgresUrl(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

// The schema a file path stands for on the test server: a stable name from the absolute path.
std::string SchemaForPath(const std::string& path) {
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : absolute) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static const char* kHex = "0123456789abcdef";
  std::string name = "t_";
  for (int shift = 60; shift >= 0; shift -= 4) name += kHex[(hash >> shift) & 0xF];
  return name;
}

}  // namespace

std::unique_ptr<Store> Store::Open(const std::string& location) {
  if (location.empty()) {
    throw UserError("store.empty_location", "chưa chỉ định kho dữ liệu (--store)",
                    "no store given (--store)");
  }
  if (IsPostgresUrl(location)) return OpenSqlStore(OpenPostgresConnection(location, ""));
  // The test suite's PostgreSQL run (scripts/test.sh) sets SOLIEU_TEST_POSTGRES to a throwaway
  // server: every store the tests name by a file path then lives in a schema of its own there,
  // so the same tests check both stores. The file is still created (empty), so a path that
  // could not hold a SQLite file fails as it would without the redirection.
  if (const char* server = std::getenv("SOLIEU_TEST_POSTGRES"); server && *server) {
    if (!std::filesystem::exists(location)) {
      std::ofstream marker(location);
      if (!marker) {
        throw UserError("store.cannot_open", "không mở được kho dữ liệu: " + location,
                        "cannot open the store: " + location, location);
      }
    }
    return OpenSqlStore(OpenPostgresConnection(server, SchemaForPath(location)));
  }
  return OpenSqlStore(OpenSqliteConnection(location));
}

}  // namespace solieu
