// exchange/xlsx_entry_sheet: the Excel entry sheet of one form (data set, org unit, period) for
// the commune health stations that fill Excel today, laid out like the paper form and prefilled
// with the stored values; exchange/xlsx_data_value_reader reads it back when filled. Depends on:
// core, store, libxlsxwriter.
//
// The visible sheet "Biểu nhập": a title (data set, unit, period in Vietnamese), then one section
// per category combo (a header row: STT, Chỉ tiêu, Đơn vị tính, one column per option combo, e.g.
// "Nam" / "Nữ", or "Giá trị" for the default combo, and "Ghi chú", a comment that goes with every
// value of its row) and one row per data element. Only the input and comment cells are unlocked;
// the sheet is protected (no password: it guards against slips, not people). Input cells carry data
// validation by value type with a Vietnamese input message (whole number
// >= 0, whole number, number, percentage 0-100, yes/no list, text) and hold numbers as numbers.
//
// The machine keys live in a hidden, protected sheet "_solieu", so that editing the visible sheet
// cannot break them (rows: marker and version, dataSet uid, orgUnit uid, period id, the visible
// sheet's name, then one row per input cell: cell reference, data element uid, category option
// combo uid, value type, comment cell). Keys map by cell reference: rows must not be inserted or
// removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "store/store.h"

namespace solieu {

// The layout both sides agree on.
namespace entry_sheet {
inline constexpr const char* kKeysSheet = "_solieu";
inline constexpr const char* kFormSheet = "Biểu nhập";
inline constexpr const char* kMarker = "solieu-entry-sheet";
inline constexpr const char* kVersion = "1";
// Labels in column A of the keys sheet's first rows, and the header of the cell list.
inline constexpr const char* kDataSetKey = "dataSet";
inline constexpr const char* kOrgUnitKey = "orgUnit";
inline constexpr const char* kPeriodKey = "period";
inline constexpr const char* kSheetKey = "sheet";
inline constexpr const char* kCellsHeader = "cell";
// Yes/no cells offer these words (any case is read back).
inline constexpr const char* kYes = "Có";
inline constexpr const char* kNo = "Không";
}  // namespace entry_sheet

// One input cell of the sheet and what it holds.
struct EntrySheetCell {
  std::string cell;  // "D8"
  std::string data_element_uid;
  std::string option_combo_uid;
  ValueType value_type = ValueType::kNumber;
  std::string comment_cell;  // the row's "Ghi chú" cell, whose text is the value's comment
};

struct EntrySheetForm {
  const DataSet* data_set = nullptr;
  const OrgUnit* org_unit = nullptr;
  Period period;
};

// The form `data_set` (code or uid), `org_unit` (uid, or code as of the period's last day) and
// `period` (a DHIS2 period id) name. Throws UserError, bilingual and naming the option
// (--data-set, --org-unit, --period), when one is unknown, the period is not of the data set's
// period type, or the unit is not assigned to the data set. The pointers point into the arguments.
EntrySheetForm ResolveEntrySheetForm(const MetadataSnapshot& metadata,
                                     const OrgHierarchy& hierarchy, std::string_view data_set,
                                     std::string_view org_unit, std::string_view period);

// The .xlsx bytes of `form`, prefilled with those of `stored` that belong to it (default attribute
// option combo). Throws UserError when libxlsxwriter fails (no temporary space, for one).
// `cells`, when given, receives the input cells in sheet order.
std::string WriteEntrySheet(const MetadataSnapshot& metadata, const EntrySheetForm& form,
                            const std::vector<DataValue>& stored,
                            std::vector<EntrySheetCell>* cells = nullptr);

// Both steps over a store: its metadata, its values of the form.
std::string WriteEntrySheet(Store& store, std::string_view data_set, std::string_view org_unit,
                            std::string_view period);

}  // namespace solieu
