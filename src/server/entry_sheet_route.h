// server/entry_sheet_route: GET /api/dataSets/{id}/entrySheet?orgUnit=&period=, the Excel entry
// sheet of one form (exchange/xlsx_entry_sheet.h), prefilled with the stored values the user may
// see; the filled sheet comes back through POST /api/dataValueSets. Registered with the
// dataValueSets routes. Depends on: exchange/xlsx_entry_sheet, server/api_helpers,
// server/data_restriction.
#pragma once

#include "server/api_services.h"

namespace solieu::server {

// 404 for an unknown data set, 400 for a bad org unit or period (one not of the data set's type, a
// unit it is not assigned to), 403 when the unit is outside the user's subtrees.
Response EntrySheet(ApiServices& services, RequestContext& context);

}  // namespace solieu::server
