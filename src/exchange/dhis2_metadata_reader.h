// exchange/dhis2_metadata_reader: a DHIS2 metadata package (the JSON of /api/metadata, as WHO
// publishes its packages) read into a MetadataSnapshot that keeps DHIS2's uids. A useful subset:
// organisationUnits (+ organisationUnitLevels), organisationUnitGroups, categoryOptions,
// categories, categoryCombos, categoryOptionCombos, dataElements (domainType AGGREGATE),
// dataSets, indicatorTypes + indicators, constants, validationRules. Any other collection is
// counted as unsupported; objects that cannot be represented are skipped and noted; nothing
// crashes. Depends on: core, Boost.JSON.
//
// Mapping decisions:
// - Names: DHIS2 has one name. It goes to both name_vi and name_en, unless the object carries a
//   NAME translation for "vi" (then name_vi) or "en" (then name_en).
// - Codes: an object without a code gets its uid as code (the store wants a unique code). A code
//   already held by another object of the same kind is replaced by the uid, with a note.
// - Org unit levels: DHIS2's level number (the "level" field; else the depth of "path"; else the
//   parent's level + 1), counted from `province_level`: province_level -> province, +1 ->
//   district, +2 -> commune, deeper -> facility. Levels above province_level become provinces
//   (noted). A facility's facility_type is guessed from its name (closest fit): hospital /
//   "bệnh viện" -> hospital; "trung tâm y tế" / TTYT / district health office -> ttyt; "phòng
//   khám đa khoa khu vực" -> pkdkkv; CDC -> cdc; pharmacy / "nhà thuốc" -> pharmacy; school ->
//   school; private clinic -> private_clinic; anything else (CHC, CHP, MCHP, clinic, health post,
//   trạm y tế) -> tyt, the commune-level primary care facility.
// - Org unit dates: validity [openingDate, closedDate). A parent link runs while both units are
//   open; DHIS2 allows a child opened before its parent, so the link then starts when the parent
//   opens (noted).
// - Value types: NUMBER, INTEGER, INTEGER_ZERO_OR_POSITIVE, PERCENTAGE, TEXT, BOOLEAN as they are;
//   the closest wider type for INTEGER_POSITIVE / INTEGER_NEGATIVE (INTEGER_ZERO_OR_POSITIVE /
//   INTEGER), UNIT_INTERVAL (NUMBER), TRUE_ONLY (BOOLEAN), LONG_TEXT, LETTER, PHONE_NUMBER, EMAIL,
//   URL, USERNAME, DATE, DATETIME, TIME, AGE (TEXT), noted; other types (FILE_RESOURCE, IMAGE,
//   COORDINATE, ORGANISATION_UNIT, ...) skip the element. Aggregation types likewise (LAST_* ->
//   LAST, AVERAGE_* -> AVERAGE or AVERAGE_SUM_ORG_UNIT; others -> NONE, noted).
// - Indicator types are not objects in solieu: their factor is copied into each indicator.
// - Validation rules: the model has none yet, so they are returned as text (validation_rules) and
//   not stored.
// - The default category option, category, combo and option combo keep DHIS2's uids and
//   solieu's names ("mặc định" / "default"); they are added when neither the package nor the
//   store has them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/metadata.h"

namespace solieu {

struct Dhis2MetadataOptions {
  int province_level = 1;  // the DHIS2 org unit level that is a province in solieu
};

struct BilingualNote {
  std::string vi;
  std::string en;
};

// A validation rule as DHIS2 writes it, kept verbatim until the model has validation rules.
struct Dhis2ValidationRule {
  std::string uid;
  std::string code;
  std::string name;
  std::string description;
  std::string instruction;
  std::string importance;
  std::string period_type;
  std::string op;  // "equal_to", "less_than_or_equal_to", ...
  std::string left_expression;
  std::string left_missing_value_strategy;
  std::string right_expression;
  std::string right_missing_value_strategy;
};

struct Dhis2Package {
  // Every object imported, references resolved against the package and the stored snapshot.
  MetadataSnapshot snapshot;
  std::map<std::string, int> read;         // objects per DHIS2 collection, as in the file
  std::map<std::string, int> skipped;      // objects of read collections that were not imported
  std::map<std::string, int> unsupported;  // collections solieu does not import, with sizes
  // Read but not stored as objects of their own: organisationUnitLevels, indicatorTypes,
  // validationRules, with why.
  std::map<std::string, BilingualNote> not_stored;
  std::vector<BilingualNote> notes;
  std::vector<Dhis2ValidationRule> validation_rules;
  std::map<int, std::string> level_names;  // DHIS2 level -> its name ("Chiefdom")
};

// Reads the package text. `stored` is what the store holds already (references may point into
// it). Throws UserError, naming `source_name`, for text that is not JSON or not a metadata package
// (a JSON object of collections).
Dhis2Package ReadDhis2Metadata(std::string_view json, const std::string& source_name,
                               const MetadataSnapshot& stored, const Dhis2MetadataOptions& options);

}  // namespace solieu
