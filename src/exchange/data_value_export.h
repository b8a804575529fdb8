// exchange/data_value_export: stored values written as a DHIS2 dataValueSets JSON document, for a
// data set or data elements, periods or a date range, and org units (optionally with everything
// below them), naming objects under the same id schemes the import reads. Importing the output
// again reports every value "ignored". Depends on: core, store, exchange/id_scheme,
// exchange/metadata_index.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "exchange/id_scheme.h"
#include "store/store.h"

namespace solieu {

struct DataValueExportRequest {
  std::vector<std::string> data_sets;      // their data elements, ids under ForDataSets()
  std::vector<std::string> data_elements;  // ids under ForDataElements()
  std::vector<std::string> periods;        // exactly these periods ("202101", "2021Q1")
  std::optional<Date> start_date;          // or every period within start..end
  std::optional<Date> end_date;
  std::vector<std::string> org_units;  // ids under ForOrgUnits()
  bool children = false;               // and every unit below them (DHIS2's children=true)
  IdSchemes id_schemes;                // for the request's ids and the output's
};

// Writes {"dataValues": [...]} with dataElement, period, orgUnit, categoryOptionCombo,
// attributeOptionCombo, value, storedBy, lastUpdated, comment (when there is one) and followup
// (always false: the store keeps none). Returns the number of values written. Throws UserError for
// an incomplete request (as DHIS2's E2001, E2002, E2003, E2004, E2006) or an unknown id.
long long ExportDataValueSetJson(Store& store, const DataValueExportRequest& request,
                                 std::ostream& out);

}  // namespace solieu
