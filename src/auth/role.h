// auth/role: the four roles of the department's users and what each may do. Where a user may do
// it is the org scope's business (auth/org_scope). Depends on: the standard library only.
#pragma once

#include <optional>
#include <string_view>

namespace solieu {

enum class Role {
  kAdministrator,        // manages users; reads everything in scope, including the audit trail
  kProvinceDataManager,  // enters and corrects data in scope; reads the audit trail
  kFacilityDataClerk,    // enters data for their facility or commune
  kViewer,               // reads figures and reports in scope
};

// "administrator", "province-data-manager", "facility-data-clerk", "viewer".
std::string_view RoleName(Role role);
// The names above; nullopt for anything else.
std::optional<Role> ParseRole(std::string_view name);

bool CanWriteValues(Role role);
bool CanReadAudit(Role role);
// Verify outbreak alerts, declare and update outbreaks, run the weekly surveillance: the CDC's
// epidemiologists (province data managers) and administrators.
bool CanVerifyAlerts(Role role);

}  // namespace solieu
