// report/xlsx_number_format: the Excel number format under which a cell's machine value displays
// as its Vietnamese text, so .xlsx cells can be real numbers. "1.250" -> "#,##0", "65,7" ->
// "#,##0.0", "0,08" -> "#,##0.00", "2021" -> "0". Excel stores formats with "," for grouping and
// "." for decimals and shows the reader's locale separators: a Vietnamese Excel or LibreOffice
// shows "1.250" and "65,7", an English one "1,250" and "65.7". The display text (CSV, HTML, .docx)
// is the truth; the spreadsheet keeps the number. Depends on: nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace solieu::report {

// The format, or nullopt when the text is not a plain Vietnamese number ("<109", "0,4-0,5", "")
// or is not `value` shown to the text's decimals; such cells are written as text.
std::optional<std::string> ExcelNumberFormatFor(std::string_view text, double value);

}  // namespace solieu::report
