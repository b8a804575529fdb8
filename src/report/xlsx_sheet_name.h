// report/xlsx_sheet_name: turns a wanted sheet name ("Phụ lục 01 - Kết quả thực hiện ...") into one
// Excel accepts: at most 31 characters (UTF-16 units), none of []:*?/\, no apostrophe at either
// end, not empty, and unique ignoring case (Vietnamese letters included, as Excel compares
// "PHỤ LỤC" and "phụ lục" as equal; libxlsxwriter only folds ASCII). Depends on: nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace solieu::report {

// A valid name not equal (ignoring case) to any of `taken`; clashes get " (2)", " (3)", ...
std::string ExcelSheetName(std::string_view wanted, const std::vector<std::string>& taken);

}  // namespace solieu::report
