// demo/demo_users: one user of each role for the Điện Biên demo, with memorable passwords that
// `solieu demo` prints and the README lists. DEMO ONLY: anyone who has read the README knows
// them; a real deployment creates its own accounts with `solieu user add`.
// Depends on: auth, core, store.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "store/store.h"

namespace solieu {

struct DemoUser {
  std::string username;
  std::string password;
  std::string role;      // auth/role names
  std::string org_code;  // the unit the user is bound to (its latest holder of the code)
  std::string description;
  std::vector<std::string> groups;  // user groups: "hiv" sees the HIV figures
};

const std::vector<DemoUser>& DemoUsers();

// Creates (or resets) the demo users in `store`, whose metadata must hold their org units.
void WriteDemoUsers(const MetadataSnapshot& metadata, Store& store,
                    const std::function<void(const std::string&)>& progress);

}  // namespace solieu
