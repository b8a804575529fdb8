#include "report/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "report/table_layout.h"
#include "report/xlsx_number_format.h"
#include "report/xlsx_sheet_name.h"

namespace solieu::report {
namespace {

constexpr const char* kFont = "Times New Roman";
constexpr double kTableFontSize = 12;
constexpr double kTitleFontSize = 13;
constexpr double kDefaultColumnWidth = 12;
constexpr double kLineHeight = 16.5;    // points per line of 12 pt text, with padding
constexpr double kTitleRowHeight = 18;  // points, for 13 pt title lines
// Characters of 12 pt Times New Roman per Excel width unit (measured about 1.4 for Vietnamese
// lowercase), less some room for capitals and for words that wrap early.
constexpr double kCharsPerWidth = 1.2;
constexpr double kBoldCharsPerWidth = 1.0;
constexpr uint8_t kPaperA4 = 9;

[[noreturn]] void Fail(const std::filesystem::path& path, std::string_view what, lxw_error error) {
  throw UserError(
      "report.write_failed", "Không ghi được tệp Excel",
      std::string("cannot write the workbook: ") + std::string(what) + ": " + lxw_strerror(error),
      path.string());
}

// Owns the lxw_workbook: Close() writes the file; destruction without Close() discards it.
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& path)
      : path_(path), workbook_(workbook_new(path.c_str())) {
    if (workbook_ == nullptr) Fail(path_, "workbook_new", LXW_ERROR_MEMORY_MALLOC_FAILED);
  }
  ~Workbook() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() const { return workbook_; }
  const std::filesystem::path& path() const { return path_; }

  void Close() {
    const lxw_error error = workbook_close(workbook_);  // frees the workbook even on failure
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      std::error_code ignored;
      std::filesystem::remove(path_, ignored);
      Fail(path_, "workbook_close", error);
    }
  }

 private:
  std::filesystem::path path_;
  lxw_workbook* workbook_;
};

enum class Role { kLabel, kTitle, kSubtitle, kCaption, kHeader, kBody, kFootnote };

struct FormatKey {
  Role role;
  bool bold;
  bool italic;
  Align align;
  int indent;
  std::string number_format;
  auto operator<=>(const FormatKey&) const = default;
};

uint8_t LxwAlign(Align align) {
  switch (align) {
    case Align::kCenter:
      return LXW_ALIGN_CENTER;
    case Align::kRight:
      return LXW_ALIGN_RIGHT;
    case Align::kLeft:
    case Align::kAuto:
      break;
  }
  return LXW_ALIGN_LEFT;
}

// The workbook's formats, made once per distinct look (libxlsxwriter owns them).
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  lxw_format* Get(const FormatKey& key) {
    auto [it, inserted] = formats_.try_emplace(key, nullptr);
    if (!inserted) return it->second;
    lxw_format* format = workbook_add_format(workbook_);
    format_set_font_name(format, kFont);
    const bool heading = key.role == Role::kLabel || key.role == Role::kTitle ||
                         key.role == Role::kSubtitle || key.role == Role::kCaption;
    format_set_font_size(format, heading ? kTitleFontSize : kTableFontSize);
    if (key.bold) format_set_bold(format);
    if (key.italic) format_set_italic(format);
    format_set_align(format, LxwAlign(key.align));
    format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
    if (key.role == Role::kHeader || key.role == Role::kBody) {
      format_set_border(format, LXW_BORDER_THIN);
      format_set_text_wrap(format);
    }
    if (key.indent > 0) format_set_indent(format, static_cast<uint8_t>(std::min(key.indent, 15)));
    if (!key.number_format.empty()) format_set_num_format(format, key.number_format.c_str());
    it->second = format;
    return format;
  }

 private:
  lxw_workbook* workbook_;
  std::map<FormatKey, lxw_format*> formats_;
};

// Counts characters, not bytes.
int CharacterCount(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

// Lines a cell needs at `width` (Excel width units), each '\n' starting a new line. Rough: it
// counts characters, and keeps a margin for words that wrap early.
int EstimatedLines(std::string_view text, double width, bool bold) {
  const double per_line = std::max(1.0, width * (bold ? kBoldCharsPerWidth : kCharsPerWidth));
  int lines = 0;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    const int chars = CharacterCount(text.substr(start, end - start));
    lines += std::max(1, static_cast<int>(std::ceil(chars / per_line)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

class SheetWriter {
 public:
  SheetWriter(const Workbook& workbook, Formats& formats, lxw_worksheet* sheet)
      : workbook_(workbook), formats_(formats), sheet_(sheet) {}

  void Write(const ReportDocument& document, const ReportTable& table) {
    const TableLayout layout(table);
    const int columns = layout.column_count();
    std::vector<double> widths = table.column_widths;
    if (widths.empty()) widths.assign(static_cast<size_t>(columns), kDefaultColumnWidth);
    for (int c = 0; c < columns; ++c) {
      Check(worksheet_set_column(sheet_, c, c, widths[c], nullptr), "worksheet_set_column");
    }

    lxw_row_t row = 0;
    auto heading = [&](std::string_view text, Role role, bool bold, bool italic, Align align) {
      lxw_format* format = formats_.Get({role, bold, italic, align, 0, ""});
      size_t start = 0;
      while (true) {  // one merged row per line, since merged rows do not grow to fit
        const size_t end = text.find('\n', start);
        const std::string line(text.substr(start, end - start));
        Check(worksheet_set_row(sheet_, row, kTitleRowHeight, nullptr), "worksheet_set_row");
        Merge(row, 0, row, columns - 1, line, format);
        ++row;
        if (end == std::string_view::npos) break;
        start = end + 1;
      }
    };
    if (!document.label.empty()) heading(document.label, Role::kLabel, true, false, Align::kCenter);
    if (!document.title.empty()) heading(document.title, Role::kTitle, true, false, Align::kCenter);
    for (const std::string& line : document.subtitles) {
      heading(line, Role::kSubtitle, false, true, Align::kCenter);
    }
    if (!table.caption.empty()) heading(table.caption, Role::kCaption, true, false, Align::kCenter);
    ++row;  // a blank row between the headings and the table

    const lxw_row_t table_top = row;
    SetRowHeights(layout, widths, table_top);
    for (int r = 0; r < layout.row_count(); ++r) {
      for (int c = 0; c < columns; ++c) {
        if (layout.is_anchor(r, c)) WriteCell(layout, r, c, table_top);
      }
    }
    if (layout.header_row_count() > 0) {
      const lxw_row_t header_bottom = table_top + layout.header_row_count() - 1;
      worksheet_freeze_panes(sheet_, header_bottom + 1, 0);
      Check(worksheet_repeat_rows(sheet_, table_top, header_bottom), "worksheet_repeat_rows");
    }

    row = table_top + layout.row_count() + 1;  // a blank row, then the footnotes
    lxw_format* note = formats_.Get({Role::kFootnote, false, true, Align::kLeft, 0, ""});
    for (const std::string& line : document.footnotes) {
      // Not merged, so a long note runs on to the right rather than being cut at the table edge.
      Check(worksheet_write_string(sheet_, row++, 0, line.c_str(), note), "worksheet_write_string");
    }

    if (document.orientation == PageOrientation::kLandscape) worksheet_set_landscape(sheet_);
    worksheet_set_paper(sheet_, kPaperA4);
    worksheet_set_margins(sheet_, 0.6, 0.6, 0.75, 0.75);
    worksheet_center_horizontally(sheet_);
    worksheet_fit_to_pages(sheet_, 1, 0);  // one page wide, as many pages tall as needed
  }

 private:
  void Check(lxw_error error, std::string_view what) const {
    if (error != LXW_NO_ERROR) Fail(workbook_.path(), what, error);
  }

  void Merge(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
             const std::string& text, lxw_format* format) {
    if (first_row == last_row && first_col == last_col) {
      Check(worksheet_write_string(sheet_, first_row, first_col, text.c_str(), format),
            "worksheet_write_string");
    } else {
      Check(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, text.c_str(),
                                  format),
            "worksheet_merge_range");
    }
  }

  void WriteCell(const TableLayout& layout, int r, int c, lxw_row_t table_top) {
    const ReportRow& row = layout.row(r);
    const ReportCell& cell = *layout.at(r, c).cell;
    const bool in_header = layout.is_header(r);
    std::optional<std::string> number_format;
    if (!in_header && cell.value) number_format = ExcelNumberFormatFor(cell.text, *cell.value);
    lxw_format* format =
        formats_.Get({in_header ? Role::kHeader : Role::kBody, PrintsBold(row, cell, in_header),
                      PrintsItalic(row, cell), PrintedAlign(cell, in_header), cell.indent,
                      number_format.value_or("")});
    const lxw_row_t top = table_top + r;
    const auto left = static_cast<lxw_col_t>(c);
    // A merge writes its text and borders over the whole range; a number then replaces the text.
    Merge(top, left, top + cell.row_span - 1, left + cell.col_span - 1,
          number_format ? std::string() : cell.text, format);
    if (number_format) {
      Check(worksheet_write_number(sheet_, top, left, *cell.value, format),
            "worksheet_write_number");
    } else if (cell.text.empty() && cell.row_span == 1 && cell.col_span == 1) {
      Check(worksheet_write_blank(sheet_, top, left, format), "worksheet_write_blank");
    }
  }

  // Row heights from a line estimate: LibreOffice does not grow rows of wrapped text when it
  // opens a generated file, and no reader grows rows for merged cells.
  void SetRowHeights(const TableLayout& layout, const std::vector<double>& widths,
                     lxw_row_t table_top) {
    std::vector<double> heights(static_cast<size_t>(layout.row_count()), kLineHeight);
    for (int r = 0; r < layout.row_count(); ++r) {
      for (int c = 0; c < layout.column_count(); ++c) {
        if (!layout.is_anchor(r, c)) continue;
        const ReportCell& cell = *layout.at(r, c).cell;
        double width = 0;
        for (int cc = c; cc < c + cell.col_span; ++cc) width += widths[cc];
        width -= 1.5 * cell.indent;
        const bool bold = PrintsBold(layout.row(r), cell, layout.is_header(r));
        const double needed = EstimatedLines(cell.text, width, bold) * kLineHeight;
        double available = 0;
        for (int rr = r; rr < r + cell.row_span; ++rr) available += heights[rr];
        if (needed > available) heights[r + cell.row_span - 1] += needed - available;
      }
    }
    for (int r = 0; r < layout.row_count(); ++r) {
      Check(worksheet_set_row(sheet_, table_top + r, heights[r], nullptr), "worksheet_set_row");
    }
  }

  const Workbook& workbook_;
  Formats& formats_;
  lxw_worksheet* sheet_;
};

}  // namespace

void WriteXlsxFile(const ReportDocument& document, const std::filesystem::path& path) {
  for (const ReportTable& table : document.tables) TableLayout check(table);  // before any I/O

  Workbook workbook(path);
  std::string title = document.title;
  std::replace(title.begin(), title.end(), '\n', ' ');
  lxw_doc_properties properties{};
  properties.title = title.data();
  if (const lxw_error error = workbook_set_properties(workbook.get(), &properties)) {
    Fail(path, "workbook_set_properties", error);
  }

  Formats formats(workbook.get());
  std::vector<std::string> sheet_names;
  for (size_t i = 0; i < document.tables.size(); ++i) {
    const ReportTable& table = document.tables[i];
    std::string wanted = table.sheet_name;
    if (wanted.empty())
      wanted = document.tables.size() == 1 && !document.label.empty()
                   ? document.label
                   : "Bảng " + std::to_string(i + 1);
    sheet_names.push_back(ExcelSheetName(wanted, sheet_names));
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), sheet_names.back().c_str());
    if (sheet == nullptr) Fail(path, "workbook_add_worksheet", LXW_ERROR_PARAMETER_VALIDATION);
    SheetWriter(workbook, formats, sheet).Write(document, table);
  }
  if (document.tables.empty()) workbook_add_worksheet(workbook.get(), nullptr);  // xlsx needs one
  workbook.Close();
}

}  // namespace solieu::report
