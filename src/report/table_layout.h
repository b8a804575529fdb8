// report/table_layout: places a ReportTable's cells on its grid of rows x columns, resolving the
// HTML-style merges, so writers that need every slot (CSV, .xlsx, .docx) know which cell covers it.
// Depends on: report/report_table, core/error.
#pragma once

#include <vector>

#include "report/report_table.h"

namespace solieu::report {

class TableLayout {
 public:
  // The cell that covers one slot, and where that cell starts.
  struct Slot {
    const ReportCell* cell;
    int first_row;
    int first_column;
  };

  // Throws UserError (code "report.bad_table") if a row does not fill every column, merges overlap
  // or run past the table, a merge crosses from the header into the body, or there are no columns.
  explicit TableLayout(const ReportTable& table);

  int row_count() const { return static_cast<int>(rows_.size()); }
  int column_count() const { return column_count_; }
  int header_row_count() const { return header_row_count_; }
  bool is_header(int row) const { return row < header_row_count_; }

  // Grid rows count the header rows first, then the body rows.
  const ReportRow& row(int row) const { return *rows_[row]; }
  const Slot& at(int row, int column) const { return slots_[row * column_count_ + column]; }
  // True if the slot is the top-left one of its cell (where the cell's text is written).
  bool is_anchor(int row, int column) const {
    const Slot& slot = at(row, column);
    return slot.first_row == row && slot.first_column == column;
  }

 private:
  std::vector<const ReportRow*> rows_;
  std::vector<Slot> slots_;
  int column_count_ = 0;
  int header_row_count_ = 0;
};

}  // namespace solieu::report
