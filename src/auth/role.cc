#include "auth/role.h"

namespace solieu {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdministrator:
      return "administrator";
    case Role::kProvinceDataManager:
      return "province-data-manager";
    case Role::kFacilityDataClerk:
      return "facility-data-clerk";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kAdministrator, Role::kProvinceDataManager, Role::kFacilityDataClerk,
                    Role::kViewer}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

// Administrators manage accounts but do not enter figures: data entry stays with the people
// accountable for the figures, and the audit trail names them.
bool CanWriteValues(Role role) {
  return role == Role::kProvinceDataManager || role == Role::kFacilityDataClerk;
}

bool CanReadAudit(Role role) {
  return role == Role::kAdministrator || role == Role::kProvinceDataManager;
}

bool CanVerifyAlerts(Role role) {
  return role == Role::kAdministrator || role == Role::kProvinceDataManager;
}

}  // namespace solieu
