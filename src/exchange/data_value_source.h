// exchange/data_value_source: the format-independent stream of data values an import reads. Each
// format (dataValueSets JSON, XML and CSV; ADX) is one DataValueSource that yields raw
// rows as the file writes them; resolving ids, checking values and storing is the import's job
// (exchange/data_value_import.h), the same for every format. Depends on: the standard library only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace solieu {

// One data value as written: ids under the exchange's id schemes, text unchecked. Empty fields are
// absent ones; the import fills period, org unit and attribute option combo from the header.
struct RawDataValue {
  long long index = 0;  // 1-based position among the file's data values
  long long line = 0;   // physical line where it starts (1-based); 0 when unknown
  std::string data_element;
  std::string period;
  std::string org_unit;
  std::string category_option_combo;
  std::string attribute_option_combo;
  std::string value;  // empty: no value (JSON null or absent)
  std::string comment;
  std::string stored_by;
  bool followup = false;
  bool deleted = false;  // DHIS2's "deleted": true asks for the stored value to be removed

  // Spreadsheets only (exchange/xlsx_data_value_reader.h). The cell the value was read from
  // ("D12"), named in every conflict of the row. A problem the reader saw in the cell although its
  // text might pass the value check (the text "1.250" in a number cell means 1250 to a Vietnamese
  // reader and 1.25 to the check): the import rejects the row with it (E7619).
  std::string cell;
  std::string value_problem_vi;
  std::string value_problem_en;

  // ADX only (exchange/adx_data_value_reader.h). The row's own data set (its group's), which
  // takes the header's place for this row.
  std::string data_set;
  // Disaggregation and attribute option combo by category: (category id, option id) as written,
  // under the categoryIdScheme and categoryOptionIdScheme. The import resolves the one option combo
  // of the element's category combo (attribute: the one combo of exactly these categories) with
  // exactly these options; given with an option combo id as well, the row is a conflict.
  std::vector<std::pair<std::string, std::string>> category_options;
  std::vector<std::pair<std::string, std::string>> attribute_options;
  // The <annotation>: the value of a non-numeric data element (which must have one), the comment
  // of a numeric one.
  std::optional<std::string> annotation;
  bool adx = false;
};

// The data value set's own fields: the defaults of its rows, the data set they report for, and the
// id schemes the file declares for itself.
struct DataValueSetHeader {
  std::string data_set;
  std::string complete_date;
  std::string period;
  std::string org_unit;
  std::string attribute_option_combo;
  // DHIS2's parameter name and value as written, e.g. {"orgUnitIdScheme", "CODE"}.
  std::vector<std::pair<std::string, std::string>> id_schemes;
};

class DataValueSource {
 public:
  virtual ~DataValueSource() = default;

  // The header. Reads no further than the first data value, so it can be called before Next.
  // Throws UserError (naming the place) when the input is malformed.
  virtual const DataValueSetHeader& Header() = 0;

  // The next data value, or false at the end of the input. Memory stays bounded by the format's
  // read buffer and one row, whatever the size of the input. Throws UserError (naming the place)
  // when the input is malformed; rows returned before stay valid.
  virtual bool Next(RawDataValue* row) = 0;
};

}  // namespace solieu
