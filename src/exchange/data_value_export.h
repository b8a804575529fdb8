// exchange/data_value_export: stored values written as a DHIS2 dataValueSets document — JSON, XML
// (DXF2) or CSV — for a data set or data elements, periods or a date range, and org units
// (optionally with everything below them), naming objects under the same id schemes the import
// reads. Importing the output again reports every value "ignored". The selection is shared; each
// format is only a writer. Depends on: core, store, exchange/id_scheme, exchange/metadata_index.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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

enum class DataValueExportFormat {
  kJson,  // {"dataValues": [{...}, ...]}, one value a line
  kXml,   // <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue .../>...
  kCsv,   // DHIS2's header row, then one value a row
};

// "json", "xml" or "csv"; nullopt for any other name.
std::optional<DataValueExportFormat> ParseDataValueExportFormat(std::string_view name);

// Writes the values the request selects, each with dataElement, period, orgUnit,
// categoryOptionCombo, attributeOptionCombo, value, storedBy, lastUpdated, comment (JSON and XML:
// when there is one) and followup (always false: the store keeps none); CSV also has DHIS2's
// deleted column (false). Returns the number of values written. Nothing is written when the
// request is refused: UserError for an incomplete request (as DHIS2's E2001, E2002, E2003, E2004,
// E2006) or an unknown id.
long long ExportDataValueSet(Store& store, const DataValueExportRequest& request,
                             DataValueExportFormat format, std::ostream& out);

// ExportDataValueSet in JSON.
long long ExportDataValueSetJson(Store& store, const DataValueExportRequest& request,
                                 std::ostream& out);

}  // namespace solieu
