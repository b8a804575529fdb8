// exchange/data_value_export: stored values written as a DHIS2 dataValueSets document — JSON, XML
// (DXF2) or CSV — or as IHE ADX, for a data set or data elements, periods or a date range, and org
// units (optionally with everything below them), naming objects under the same id schemes the
// import reads. Importing the output again reports every value "ignored". The selection is shared;
// each format is only a writer. Depends on: core, store, exchange/id_scheme,
// exchange/metadata_index.
#pragma once

#include <optional>
#include <ostream>
#include <set>
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
  std::vector<std::string>
      attribute_option_combos;  // only these; ids under ForAttributeOptionCombos()
  IdSchemes id_schemes;         // for the request's ids and the output's
  // Uids of data elements left out of data sets (restricted to a user group the user is not in).
  std::set<std::string> hidden_data_element_uids;
};

enum class DataValueExportFormat {
  kJson,  // {"dataValues": [{...}, ...]}, one value a line
  kXml,   // <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue .../>...
  kCsv,   // DHIS2's header row, then one value a row
  // <adx xmlns="urn:ihe:qrph:adx:2015"><group dataSet period orgUnit [CATEGORY="OPTION"...]>
  // <dataValue dataElement value [CATEGORY="OPTION"...]>[<annotation>]: one group per data set,
  // period (ISO start/duration, "2020-01-01/P1M"), org unit and attribute option combo. A value
  // goes under the first requested data set that holds its element, so ADX needs --data-set.
  // Disaggregation and attribute option combos are written as category attributes (the category's
  // id under the categoryIdScheme, the option's under the categoryOptionIdScheme; the default
  // combo writes none). A non-numeric value is written as value="0" with the value as annotation,
  // as DHIS2 does; a numeric value's comment is its annotation. Names by code need a code: an
  // object without one, or a category id that is no XML name, refuses the export (UserError).
  kAdx,
};

// "json", "xml", "csv" or "adx"; nullopt for any other name.
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
