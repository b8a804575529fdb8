// exchange/import_summary: the result of a data value import, shaped like DHIS2's ImportSummary
// (status, importCount, conflicts with errorCode, objects, property and indexes, rejectedIndexes)
// so that scripts written against DHIS2 read it unchanged, plus message_vi and message_en on every
// conflict. Depends on: exchange/id_scheme, Boost.JSON.
//
// JSON shape (ToJson):
//   {"responseType": "ImportSummary", "status": "SUCCESS" | "WARNING" | "ERROR",
//    "description": "...", "description_vi": "...",
//    "importOptions": {"idSchemes": {...}, "dryRun": false, "importStrategy": "CREATE_AND_UPDATE",
//                      "atomicMode": "ALL" | "NONE"},
//    "importCount": {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0},
//    "conflicts": [{"object": "abc", "objects": {"dataElement": "abc"}, "value": "<English>",
//                   "errorCode": "E7610", "property": "dataElement", "indexes": [0, 4],
//                   "rows": [1, 5], "lines": [3, 27], "message_vi": "...", "message_en": "..."}],
//    "rejectedIndexes": [0, 4], "dataSetComplete": "false",
//    "validationViolations": [{"rule": "VR_...", "name": "...", "nameEn": "...", "orgUnit": uid,
//                              "orgUnitCode": "...", "period": "202401", "leftSide": 5,
//                              "operator": "<=", "rightSide": 3, "importance": "MEDIUM"}]}
// validationViolations (solieu's addition) lists the validation rules the committed values break
// at the units and periods written; they are warnings, as in DHIS2's data entry.
// "indexes" and "rejectedIndexes" are 0-based positions among the file's data values, as DHIS2
// counts them; "rows" are the same positions 1-based, as the messages and people count them, and
// "lines" the physical lines where those rows start (present when the format knows them).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exchange/id_scheme.h"

namespace solieu {

enum class ImportStatus { kSuccess, kWarning, kError };
std::string_view ImportStatusName(ImportStatus status);  // "SUCCESS", "WARNING", "ERROR"

enum class ImportStrategy { kCreate, kUpdate, kCreateAndUpdate, kDelete };
std::string_view ImportStrategyName(ImportStrategy strategy);  // DHIS2's names
// Case-insensitive DHIS2 names, including the old NEW, UPDATES, NEW_AND_UPDATES and DELETES.
std::optional<ImportStrategy> ParseImportStrategy(std::string_view text);

struct ImportCount {
  long long imported = 0;
  long long updated = 0;
  long long ignored = 0;  // rejected rows, values equal to the stored ones, rows the strategy skips
  long long deleted = 0;
};

// A validation rule the committed values break at one unit and period (quality/import_validation
// fills these in; the summary only carries them).
struct ImportViolation {
  std::string rule_code;
  std::string name_vi;
  std::string name_en;
  std::string org_unit_uid;
  std::string org_unit_code;
  std::string period;
  std::optional<double> left;
  std::string op;  // "<=", "==", "compulsory_pair", ...
  std::optional<double> right;
  std::string importance;  // "HIGH", "MEDIUM", "LOW"
};

// One reason rows were rejected, with every row it applies to.
struct ImportConflict {
  std::string object;                                        // the offending id or value as written
  std::vector<std::pair<std::string, std::string>> objects;  // {"dataElement", "abc"}
  std::string property;    // the field at fault: "dataElement", "period", "value", ...
  std::string error_code;  // DHIS2's E76xx / E2019, or solieu's own SL76xx (see import_conflicts.h)
  std::string message_vi;
  std::string message_en;
  std::vector<long long> rows;   // 1-based
  std::vector<long long> lines;  // parallel to rows; 0 where unknown
};

struct ImportSummary {
  ImportStatus status = ImportStatus::kSuccess;
  std::string description_vi;
  std::string description_en;
  ImportCount import_count;
  std::vector<ImportConflict> conflicts;
  std::vector<long long> rejected_rows;  // 1-based, ascending
  // The options in force, echoed as DHIS2 echoes importOptions.
  IdSchemes id_schemes;
  ImportStrategy strategy = ImportStrategy::kCreateAndUpdate;
  bool dry_run = false;
  bool keep_good = false;
  long long rows_read = 0;
  std::vector<ImportViolation> violations;
};

boost::json::object ToJson(const ImportSummary& summary);

}  // namespace solieu
