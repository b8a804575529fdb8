// store/migrations: the numbered schema migrations, applied in order on open. A migration is never
// edited once it has landed: a change to the schema is a new, higher number.
#pragma once

#include <string_view>
#include <vector>

namespace solieu {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();

}  // namespace solieu
