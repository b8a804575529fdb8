#include "report/table_layout.h"

#include <string>

#include "core/error.h"

namespace solieu::report {
namespace {

[[noreturn]] void Fail(const ReportTable& table, int row, const std::string& vi,
                       const std::string& en) {
  std::string where = table.sheet_name.empty() ? "table" : table.sheet_name;
  if (row >= 0) where += " row " + std::to_string(row + 1);
  throw UserError("report.bad_table", vi, en, where);
}

// Total columns a row claims, counting the columns covered by merges from rows above.
int ColumnsOfFirstRow(const ReportTable& table) {
  const std::vector<ReportRow>& rows =
      table.header_rows.empty() ? table.body_rows : table.header_rows;
  if (rows.empty()) return static_cast<int>(table.column_widths.size());
  int columns = 0;
  for (const ReportCell& cell : rows.front().cells) columns += cell.col_span;
  return columns;
}

}  // namespace

TableLayout::TableLayout(const ReportTable& table)
    : column_count_(ColumnsOfFirstRow(table)),
      header_row_count_(static_cast<int>(table.header_rows.size())) {
  if (column_count_ <= 0) Fail(table, -1, "Bảng không có cột", "The table has no columns");
  if (!table.column_widths.empty() &&
      static_cast<int>(table.column_widths.size()) != column_count_) {
    Fail(table, -1, "Số độ rộng cột khác số cột của bảng",
         "column_widths has " + std::to_string(table.column_widths.size()) +
             " entries but the table has " + std::to_string(column_count_) + " columns");
  }
  for (const ReportRow& row : table.header_rows) rows_.push_back(&row);
  for (const ReportRow& row : table.body_rows) rows_.push_back(&row);

  const int row_total = row_count();
  slots_.assign(static_cast<size_t>(row_total) * column_count_, Slot{nullptr, 0, 0});
  for (int r = 0; r < row_total; ++r) {
    int c = 0;
    for (const ReportCell& cell : rows_[r]->cells) {
      while (c < column_count_ && at(r, c).cell != nullptr) ++c;  // skip merges from above
      if (cell.row_span < 1 || cell.col_span < 1) {
        Fail(table, r, "Số dòng/cột gộp phải từ 1 trở lên", "row_span and col_span must be >= 1");
      }
      const int last_row = r + cell.row_span - 1;
      if (c + cell.col_span > column_count_ || last_row >= row_total) {
        Fail(table, r, "Ô gộp vượt ra ngoài bảng", "a cell or its merge runs past the table");
      }
      if (is_header(r) != is_header(last_row)) {
        Fail(table, r, "Ô gộp vượt từ phần tiêu đề sang phần thân bảng",
             "a merge crosses from the header rows into the body rows");
      }
      for (int rr = r; rr <= last_row; ++rr) {
        for (int cc = c; cc < c + cell.col_span; ++cc) {
          Slot& slot = slots_[rr * column_count_ + cc];
          if (slot.cell != nullptr) {
            Fail(table, r, "Các ô gộp chồng lên nhau", "merged cells overlap");
          }
          slot = Slot{&cell, r, c};
        }
      }
      c += cell.col_span;
    }
    for (int cc = 0; cc < column_count_; ++cc) {
      if (at(r, cc).cell == nullptr) {
        Fail(table, r, "Dòng không đủ ô cho mọi cột",
             "the row leaves column " + std::to_string(cc + 1) + " without a cell");
      }
    }
  }
}

}  // namespace solieu::report
