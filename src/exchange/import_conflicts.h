// exchange/import_conflicts: every reason an import rejects a row or a whole file, each with its
// own error code and its message in Vietnamese and English, and the collector that groups equal
// conflicts over many rows (as DHIS2 groups them by code and objects).
// Depends on: exchange/import_summary, exchange/id_scheme.
//
// Codes are DHIS2's where DHIS2 has one (E76xx data import validation, E2019 closed org unit);
// conflicts DHIS2 does not detect get solieu's own SL76xx codes:
//   SL7600 the file cannot be read (malformed), SL7601 the same key twice in one file,
//   SL7602 an unsupported id scheme, SL7603 the store refused the writes,
//   SL7604 more distinct conflicts than the summary keeps (the rest are counted here);
// ADX disaggregation by category attributes (exchange/adx_data_value_reader.h):
//   SL7605 an attribute that is no category of the combo, SL7606 an option its category lacks,
//   SL7607 options that do not name exactly one option combo, SL7608 a non-numeric value
//   without its <annotation>;
// SL7609 a data element restricted to a user group the importing user is not in.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "exchange/id_scheme.h"
#include "exchange/import_summary.h"

namespace solieu {

// The objects a data value refers to, named as DHIS2's conflicts name them.
enum class ObjectKind { kDataSet, kDataElement, kOrgUnit, kOptionCombo, kAttributeOptionCombo };

namespace conflicts {

// An id that matches no stored object under `scheme` (or, by name or code, more than one):
// E7610 data element, E7612 org unit, E7613 option combo, E7615 attribute option combo; in the
// header: E7600 data set, E7603 org unit, E7604 attribute option combo.
ImportConflict UnknownObject(ObjectKind kind, std::string_view id, IdScheme scheme, bool ambiguous,
                             bool in_header);
ImportConflict InvalidPeriod(std::string_view period);       // E7611
ImportConflict MissingValue(std::string_view data_element);  // E7618
// E7619: `problem_*` is core/value_check's reason.
ImportConflict InvalidValue(std::string_view value, std::string_view data_element,
                            std::string_view value_type, const std::string& problem_vi,
                            const std::string& problem_en);
ImportConflict CommentTooLong(std::string_view data_element, size_t length);  // E7620
ImportConflict PeriodTypeMismatch(std::string_view period, std::string_view period_type,
                                  std::string_view data_set,
                                  std::string_view data_set_period_type);               // E7632
ImportConflict NotInDataSet(std::string_view data_element, std::string_view data_set);  // E7633
ImportConflict OptionComboNotInCombo(std::string_view option_combo,
                                     std::string_view data_element);                      // E7634
ImportConflict OrgUnitNotAssigned(std::string_view org_unit, std::string_view data_set);  // E7636
ImportConflict OrgUnitClosed(std::string_view org_unit, std::string_view period,
                             std::string_view open_from, std::string_view open_to);     // E2019
ImportConflict OutsideUserHierarchy(std::string_view org_unit, std::string_view user);  // E7617
ImportConflict RestrictedDataElement(std::string_view data_element, std::string_view group,
                                     std::string_view user);  // SL7609
ImportConflict Locked(std::string_view period, std::string_view org_unit, const std::string& why_vi,
                      const std::string& why_en);  // E7642
ImportConflict DuplicateRow(std::string_view data_element, std::string_view period,
                            std::string_view org_unit);  // SL7601
ImportConflict Unreadable(const std::string& message_vi, const std::string& message_en,
                          const std::string& where);                                     // SL7600
ImportConflict UnsupportedIdScheme(std::string_view parameter, std::string_view value);  // SL7602
ImportConflict StoreRefused(const std::string& message_vi,
                            const std::string& message_en);  // SL7603
// SL7605: `owner` is the data element (disaggregation) or empty (`attribute`: the group's).
ImportConflict AdxUnknownCategory(std::string_view category, IdScheme scheme,
                                  std::string_view owner, bool attribute);
ImportConflict AdxUnknownCategoryOption(std::string_view option, std::string_view category,
                                        IdScheme scheme, bool attribute);  // SL7606
// SL7607: `options` as written ("sex=F age=under5"), `why_*` what is wrong with them.
ImportConflict AdxNoSingleOptionCombo(std::string_view options, bool attribute,
                                      const std::string& why_vi, const std::string& why_en);
ImportConflict AdxMissingAnnotation(std::string_view data_element);  // SL7608

}  // namespace conflicts

// Gathers conflicts in the order first seen; a conflict equal to an earlier one (same code,
// object, property and message) adds its row to that one instead of repeating it. Keeps at most
// kMaxConflicts distinct conflicts, so that a file of a million bad rows gives a summary of bounded
// size: the rows of any further ones are listed under one SL7604 conflict.
class ConflictCollector {
 public:
  static constexpr size_t kMaxConflicts = 10000;

  // `row` is 1-based; 0 for a conflict about the whole file. `line` is 0 when unknown.
  void Add(ImportConflict conflict, long long row = 0, long long line = 0);
  bool empty() const { return conflicts_.empty(); }
  std::vector<ImportConflict> Take();

 private:
  std::vector<ImportConflict> conflicts_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace solieu
