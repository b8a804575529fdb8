#include "report/csv_writer.h"

#include <string_view>

#include "report/table_layout.h"
#include "report/text_file.h"

namespace solieu::report {
namespace {

void AppendField(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char ch : text) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

}  // namespace

std::string RenderCsv(const ReportTable& table) {
  const TableLayout layout(table);
  std::string out;
  for (int r = 0; r < layout.row_count(); ++r) {
    for (int c = 0; c < layout.column_count(); ++c) {
      if (c > 0) out.push_back(',');
      if (layout.is_anchor(r, c)) AppendField(layout.at(r, c).cell->text, &out);
    }
    out.push_back('\n');
  }
  return out;
}

void WriteCsvFile(const ReportTable& table, const std::filesystem::path& path) {
  WriteTextFile(path, RenderCsv(table));
}

}  // namespace solieu::report
