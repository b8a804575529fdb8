// server/org_unit_routes: administrators keep the org-unit history while the server runs: list
// the merge/split events, create a unit, rename or close one, merge units into another from a
// date. Each change is checked against the whole history (core OrgHierarchy) before one
// Store::ApplyMetadata transaction, logged, and the engine rebuilt and swapped in.
// Depends on: server/api_services.
#pragma once

#include "server/api_services.h"

namespace solieu::server {

// GET /api/orgUnits/events, POST /api/metadata/orgUnits, PUT /api/metadata/orgUnits/{id},
// POST /api/orgUnits/merges.
void AddOrgUnitRoutes(Router& router, ApiServices& services);

}  // namespace solieu::server
