#include "exchange/xlsx_data_value_reader.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "exchange/expat_stream.h"
#include "exchange/xlsx_entry_sheet.h"
#include "exchange/xlsx_package.h"

namespace solieu {
namespace {

// Excel's own limits: 1,048,576 rows, 16,384 columns (XFD), 32,767 characters in a cell.
constexpr uint32_t kMaxRow = 1048576;
constexpr uint32_t kMaxColumn = 16384;
constexpr size_t kMaxCellText = 32767 * 4;  // UTF-8 bytes

struct CellAddress {
  uint32_t row = 0;  // 1-based
  uint32_t col = 0;  // 1-based
  auto operator<=>(const CellAddress&) const = default;
};

std::optional<CellAddress> ParseCellReference(std::string_view ref) {
  CellAddress a;
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    a.col = a.col * 26 + static_cast<uint32_t>(ref[i] - 'A' + 1);
    if (a.col > kMaxColumn) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
    a.row = a.row * 10 + static_cast<uint32_t>(ref[i] - '0');
    if (a.row > kMaxRow) return std::nullopt;
  }
  if (a.row == 0) return std::nullopt;
  return a;
}

std::optional<uint32_t> ParseRowNumber(std::string_view text) {
  uint32_t row = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), row);
  if (error != std::errc() || end != text.data() + text.size() || row == 0 || row > kMaxRow) {
    return std::nullopt;
  }
  return row;
}

std::string CellName(CellAddress a) {
  std::string letters;
  for (uint32_t n = a.col; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(a.row);
}

const char* Attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    if (ExpatStream::LocalName(a[0]) == name) return a[1];
  }
  return nullptr;
}

// One part of the package parsed whole by an ExpatStream subclass.
class PartParser : public ExpatStream {
 public:
  PartParser(std::istringstream& in, const std::string& name)
      : ExpatStream(in, name, kDefaultChunkSize, "tệp .xlsx", "an .xlsx file") {}
  void Run() {
    while (FeedChunk()) {
    }
  }
};

// <sheet name=".." r:id=".."/> in xl/workbook.xml.
struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookParser final : public PartParser {
 public:
  using PartParser::PartParser;
  using Result = std::vector<SheetEntry>;
  Result result;

 private:
  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "sheet") return;
    const char* sheet_name = Attribute(attributes, "name");
    const char* id = nullptr;
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      // r:id, in the relationships namespace; "sheetId" is another attribute.
      if (std::string_view(a[0]) != "sheetId" && LocalName(a[0]) == "id") id = a[1];
    }
    if (result.size() < 1000) result.push_back({sheet_name ? sheet_name : "", id ? id : ""});
  }
};

// <Relationship Id=".." Type=".." Target=".."/> in xl/_rels/workbook.xml.rels.
struct Relationships {
  std::unordered_map<std::string, std::string> targets;
  std::string shared_strings;
};

class RelationshipsParser final : public PartParser {
 public:
  using PartParser::PartParser;
  using Result = Relationships;
  Result result;

 private:
  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "Relationship" || result.targets.size() >= 10000) return;
    const char* id = Attribute(attributes, "Id");
    const char* type = Attribute(attributes, "Type");
    const char* target = Attribute(attributes, "Target");
    if (id == nullptr || target == nullptr) return;
    result.targets[id] = target;
    if (type != nullptr && std::string_view(type).ends_with("/sharedStrings")) {
      result.shared_strings = target;
    }
  }
};

// <si> items of xl/sharedStrings.xml: the text of their <t> runs, phonetic runs (<rPh>) left out.
class SharedStringsParser final : public PartParser {
 public:
  using PartParser::PartParser;
  using Result = std::vector<std::string>;
  Result result;

 private:
  void StartElement(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      result.emplace_back();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "si") in_item_ = false;
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    if (name == "t") in_text_ = false;
  }
  void Text(std::string_view text) override {
    if (!in_text_) return;
    if (result.back().size() + text.size() > kMaxCellText) {
      Stop("một chuỗi trong sharedStrings.xml dài quá " + std::to_string(kMaxCellText) + " byte",
           "a string in sharedStrings.xml is longer than " + std::to_string(kMaxCellText) +
               " bytes");
      return;
    }
    result.back().append(text);
  }
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
};

// A cell as the worksheet writes it.
struct Cell {
  std::string type;   // the t attribute: "s", "str", "inlineStr", "b", "e", "n" or "" (number)
  std::string value;  // <v>
  std::string inline_text;  // <is><t>
};

// The cells of a worksheet that `wanted` accepts; every other cell is skipped as it streams by.
class WorksheetParser final : public PartParser {
 public:
  WorksheetParser(std::istringstream& in, const std::string& name,
                  std::function<bool(CellAddress)> wanted)
      : PartParser(in, name), wanted_(std::move(wanted)) {}
  std::map<CellAddress, Cell> cells;

 private:
  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "row") {
      const char* r = Attribute(attributes, "r");
      auto row = r ? ParseRowNumber(r) : std::optional<uint32_t>(row_ + 1);
      if (!row) {
        return Stop("số dòng '" + std::string(r ? r : "") + "' không hợp lệ",
                    "invalid row number '" + std::string(r ? r : "") + "'");
      }
      row_ = *row;
      col_ = 0;
    } else if (name == "c") {
      const char* r = Attribute(attributes, "r");
      std::optional<CellAddress> at;
      if (r != nullptr) {
        at = ParseCellReference(r);
        if (!at)
          return Stop("địa chỉ ô '" + std::string(r) + "' không hợp lệ",
                      "invalid cell reference '" + std::string(r) + "'");
      } else {  // no reference: the next column of the current row
        if (row_ == 0 || col_ >= kMaxColumn) {
          return Stop("ô không có địa chỉ ở vị trí không xác định",
                      "a cell without a reference where none can be inferred");
        }
        at = CellAddress{row_, col_ + 1};
      }
      col_ = at->col;
      in_cell_ = wanted_(*at);
      if (!in_cell_) return;
      at_ = *at;
      const char* type = Attribute(attributes, "t");
      cell_ = Cell{type ? type : "", "", ""};
    } else if (in_cell_ && name == "v") {
      target_ = &cell_.value;
    } else if (in_cell_ && name == "rPh") {
      ++phonetic_;
    } else if (in_cell_ && name == "t" && phonetic_ == 0) {
      target_ = &cell_.inline_text;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "v" || name == "t") target_ = nullptr;
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    if (name == "c" && in_cell_) {
      in_cell_ = false;
      target_ = nullptr;
      cells[at_] = std::move(cell_);
    }
  }
  void Text(std::string_view text) override {
    if (target_ == nullptr) return;
    if (target_->size() + text.size() > kMaxCellText) {
      Stop("ô " + CellName(at_) + " dài quá " + std::to_string(kMaxCellText) + " byte",
           "cell " + CellName(at_) + " is longer than " + std::to_string(kMaxCellText) + " bytes");
      return;
    }
    target_->append(text);
  }

  std::function<bool(CellAddress)> wanted_;
  uint32_t row_ = 0;
  uint32_t col_ = 0;
  bool in_cell_ = false;
  CellAddress at_;
  Cell cell_;
  std::string* target_ = nullptr;
  int phonetic_ = 0;
};

std::string Trim(std::string_view text) {
  const char* space = " \t\r\n";
  size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return "";
  size_t last = text.find_last_not_of(space);
  return std::string(text.substr(first, last - first + 1));
}

bool IsNumericType(std::string_view type) {
  return type == "NUMBER" || type == "INTEGER" || type == "INTEGER_ZERO_OR_POSITIVE" ||
         type == "PERCENTAGE";
}

bool IsPlainInteger(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A number cell's text in machine form: "1.25E3" -> "1250", "65.700000000000003" -> "65.7".
std::string MachineNumber(const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return text;  // left to the value check, which names it
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  // Excel keeps 15 significant digits; fewer undo the binary noise it writes ("...00003").
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  std::string out(buffer, result.ptr);
  double back = 0;
  std::from_chars(out.data(), out.data() + out.size(), back);
  if (back != value && std::fabs(back - value) > std::fabs(value) * 1e-14) {
    result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.assign(buffer, result.ptr);
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return text;
}

}  // namespace

class XlsxDataValueReader::Impl {
 public:
  Impl(std::istream& in, std::string source_name) : in_(in), source_name_(std::move(source_name)) {}

  const DataValueSetHeader& Header() {
    Load();
    return header_;
  }

  bool Next(RawDataValue* row) {
    Load();
    if (rows_.empty()) return false;
    *row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

 private:
  struct Key {
    CellAddress at;
    std::string data_element;
    std::string option_combo;
    std::string value_type;
    std::optional<CellAddress> comment;
  };

  [[noreturn]] void NotEntrySheet(const std::string& why_vi, const std::string& why_en,
                                  const std::string& where = "") const {
    throw UserError("exchange.not_entry_sheet",
                    "đây không phải biểu nhập của solieu: " + why_vi +
                        " (hãy tạo biểu bằng `solieu entry-sheet` hoặc tải từ máy chủ)",
                    "this is not a solieu entry sheet: " + why_en +
                        " (generate one with `solieu entry-sheet` or download it from the server)",
                    where.empty() ? source_name_ : source_name_ + ": " + where);
  }

  void Load() {
    if (loaded_) return;
    loaded_ = true;
    std::string bytes;
    char buffer[64 * 1024];
    while (in_) {
      in_.read(buffer, sizeof buffer);
      bytes.append(buffer, static_cast<size_t>(in_.gcount()));
      if (bytes.size() > kMaxFileBytes) {
        throw UserError("exchange.xlsx_too_large",
                        "tệp .xlsx lớn hơn " + std::to_string(kMaxFileBytes >> 20) +
                            " MB: không nhận (một biểu nhập chỉ vài chục KB)",
                        "the .xlsx is larger than " + std::to_string(kMaxFileBytes >> 20) +
                            " MB: refused (an entry sheet is tens of KB)",
                        source_name_);
      }
    }
    XlsxPackage package(std::move(bytes), source_name_);
    if (!package.Has("xl/workbook.xml")) {
      NotEntrySheet("không phải sổ tính Excel (thiếu xl/workbook.xml)",
                    "not an Excel workbook (no xl/workbook.xml)");
    }
    std::vector<SheetEntry> sheets = Parse<WorkbookParser>(package, "xl/workbook.xml");
    Relationships relationships;
    if (package.Has("xl/_rels/workbook.xml.rels")) {
      relationships = Parse<RelationshipsParser>(package, "xl/_rels/workbook.xml.rels");
    }
    std::string strings_part = relationships.shared_strings.empty()
                                   ? "xl/sharedStrings.xml"
                                   : PartPath(relationships.shared_strings);
    if (package.Has(strings_part)) {
      shared_strings_ = Parse<SharedStringsParser>(package, strings_part);
    }

    const SheetEntry* keys_sheet = nullptr;
    for (const SheetEntry& s : sheets) {
      if (s.name == entry_sheet::kKeysSheet) keys_sheet = &s;
    }
    if (keys_sheet == nullptr) {
      NotEntrySheet(std::string("thiếu trang ẩn ") + entry_sheet::kKeysSheet,
                    std::string("it has no hidden sheet ") + entry_sheet::kKeysSheet);
    }
    std::string keys_part = SheetPart(package, relationships, *keys_sheet);
    std::istringstream keys_text(package.Read(keys_part));
    WorksheetParser keys_parser(keys_text, source_name_ + ": " + keys_part,
                                [](CellAddress a) { return a.col <= 5; });
    keys_parser.Run();
    std::string form_name = ReadKeys(keys_parser.cells, keys_part);

    const SheetEntry* form_sheet = nullptr;
    for (const SheetEntry& s : sheets) {
      if (s.name == form_name) form_sheet = &s;
    }
    for (const SheetEntry& s : sheets) {  // renamed: the other sheet
      if (form_sheet == nullptr && s.name != entry_sheet::kKeysSheet) form_sheet = &s;
    }
    if (form_sheet == nullptr) {
      NotEntrySheet("thiếu trang biểu nhập '" + form_name + "'",
                    "the form sheet '" + form_name + "' is missing");
    }
    std::string form_part = SheetPart(package, relationships, *form_sheet);
    std::istringstream form_text(package.Read(form_part));
    WorksheetParser form_parser(form_text, source_name_ + ": " + form_part, [this](CellAddress a) {
      return key_of_.contains(a) || comment_cells_.contains(a);
    });
    form_parser.Run();
    MakeRows(form_parser.cells);
  }

  template <typename Parser>
  typename Parser::Result Parse(XlsxPackage& package, const std::string& part) {
    std::istringstream text(package.Read(part));
    Parser parser(text, source_name_ + ": " + part);
    parser.Run();
    return std::move(parser.result);
  }

  // A relationship target, relative to xl/ or absolute within the package.
  static std::string PartPath(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    std::string path = "xl/" + target;
    while (true) {  // "xl/worksheets/../sheet1.xml"
      size_t up = path.find("/../");
      if (up == std::string::npos) break;
      size_t parent = path.rfind('/', up == 0 ? 0 : up - 1);
      path.erase(parent == std::string::npos ? 0 : parent + 1,
                 up + 4 - (parent == std::string::npos ? 0 : parent + 1));
    }
    return path;
  }

  std::string SheetPart(const XlsxPackage& package, const Relationships& relationships,
                        const SheetEntry& sheet) const {
    auto target = relationships.targets.find(sheet.relationship);
    if (target == relationships.targets.end()) {
      NotEntrySheet("trang '" + sheet.name + "' không trỏ tới phần nào của tệp",
                    "sheet '" + sheet.name + "' points to no part of the file",
                    "xl/_rels/workbook.xml.rels");
    }
    std::string part = PartPath(target->second);
    if (!package.Has(part)) {
      NotEntrySheet("thiếu phần '" + part + "' của trang '" + sheet.name + "'",
                    "part '" + part + "' of sheet '" + sheet.name + "' is missing");
    }
    return part;
  }

  // The text a cell shows, as the keys sheet holds it.
  std::optional<std::string> TextOf(const Cell& cell) const {
    if (cell.type == "s") {
      size_t index = 0;
      auto [end, error] =
          std::from_chars(cell.value.data(), cell.value.data() + cell.value.size(), index);
      if (error != std::errc() || end != cell.value.data() + cell.value.size() ||
          index >= shared_strings_.size()) {
        return std::nullopt;
      }
      return shared_strings_[index];
    }
    if (cell.type == "inlineStr") return cell.inline_text;
    return cell.value;
  }

  std::string ReadKeys(const std::map<CellAddress, Cell>& cells, const std::string& part) {
    auto text = [&](uint32_t row, uint32_t col) -> std::string {
      auto found = cells.find({row, col});
      if (found == cells.end()) return "";
      return TextOf(found->second).value_or("");
    };
    if (text(1, 1) != entry_sheet::kMarker) {
      NotEntrySheet(
          std::string("ô A1 của trang ") + entry_sheet::kKeysSheet +
              " không có dấu hiệu của solieu",
          std::string("cell A1 of sheet ") + entry_sheet::kKeysSheet + " lacks solieu's marker",
          part);
    }
    if (text(1, 2) != entry_sheet::kVersion) {
      NotEntrySheet("phiên bản biểu '" + text(1, 2) +
                        "' không được hỗ trợ (có: " + entry_sheet::kVersion + ")",
                    "entry sheet version '" + text(1, 2) +
                        "' is not supported (supported: " + entry_sheet::kVersion + ")",
                    part);
    }
    std::string form_name;
    uint32_t cells_header = 0;
    for (uint32_t row = 2; row <= 20 && cells_header == 0; ++row) {
      std::string label = text(row, 1);
      if (label == entry_sheet::kDataSetKey) header_.data_set = text(row, 2);
      if (label == entry_sheet::kOrgUnitKey) header_.org_unit = text(row, 2);
      if (label == entry_sheet::kPeriodKey) header_.period = text(row, 2);
      if (label == entry_sheet::kSheetKey) form_name = text(row, 2);
      if (label == entry_sheet::kCellsHeader) cells_header = row;
    }
    if (header_.data_set.empty() || header_.org_unit.empty() || header_.period.empty() ||
        cells_header == 0) {
      NotEntrySheet(std::string("trang ") + entry_sheet::kKeysSheet +
                        " thiếu bộ dữ liệu, đơn vị, kỳ hoặc danh sách ô",
                    std::string("sheet ") + entry_sheet::kKeysSheet +
                        " lacks the data set, org unit, period or the list of cells",
                    part);
    }
    header_.id_schemes = {{"idScheme", "UID"}};
    for (auto it = cells.lower_bound({cells_header + 1, 0}); it != cells.end();) {
      const uint32_t row = it->first.row;
      std::string reference = text(row, 1);
      Key key{{}, text(row, 2), text(row, 3), text(row, 4), std::nullopt};
      auto at = ParseCellReference(reference);
      if (!at || key.data_element.empty() || key.option_combo.empty()) {
        NotEntrySheet(std::string("dòng ") + std::to_string(row) + " của trang " +
                          entry_sheet::kKeysSheet + " bị hỏng",
                      std::string("row ") + std::to_string(row) + " of sheet " +
                          entry_sheet::kKeysSheet + " is corrupt",
                      part);
      }
      key.at = *at;
      if (std::string comment = text(row, 5); !comment.empty()) {
        key.comment = ParseCellReference(comment);
        if (!key.comment) {
          NotEntrySheet(std::string("ô ghi chú '") + comment + "' ở dòng " + std::to_string(row) +
                            " của trang " + entry_sheet::kKeysSheet + " không hợp lệ",
                        std::string("comment cell '") + comment + "' in row " +
                            std::to_string(row) + " of sheet " + entry_sheet::kKeysSheet +
                            " is invalid",
                        part);
        }
        comment_cells_.insert(*key.comment);
      }
      if (!key_of_.emplace(*at, keys_.size()).second) {
        NotEntrySheet(
            "ô " + reference + " được khai hai lần trong trang " + entry_sheet::kKeysSheet,
            "cell " + reference + " is listed twice in sheet " + entry_sheet::kKeysSheet, part);
      }
      if (keys_.size() >= kMaxKeys) {
        NotEntrySheet("quá " + std::to_string(kMaxKeys) + " ô nhập",
                      "more than " + std::to_string(kMaxKeys) + " input cells", part);
      }
      keys_.push_back(std::move(key));
      it = cells.lower_bound({row + 1, 0});
    }
    return form_name;
  }

  void MakeRows(const std::map<CellAddress, Cell>& cells) {
    long long index = 0;
    for (const Key& key : keys_) {
      auto found = cells.find(key.at);
      if (found == cells.end()) continue;
      RawDataValue row;
      row.cell = CellName(key.at);
      if (!Convert(found->second, key.value_type, row)) continue;  // empty: no value
      row.index = ++index;
      row.line = key.at.row;
      row.data_element = key.data_element;
      row.category_option_combo = key.option_combo;
      if (key.comment) {
        auto comment = cells.find(*key.comment);
        if (comment != cells.end()) {
          const Cell& c = comment->second;
          row.comment =
              c.type == "s" || c.type == "inlineStr" ? Trim(TextOf(c).value_or("")) : Trim(c.value);
        }
      }
      rows_.push_back(std::move(row));
    }
  }

  // The cell's value in machine form; false for an empty cell.
  bool Convert(const Cell& cell, const std::string& value_type, RawDataValue& row) const {
    const std::string& type = cell.type;
    if (type == "e") {
      row.value = cell.value.empty() ? "#ERROR" : cell.value;
      row.value_problem_vi = "ô có lỗi công thức " + row.value;
      row.value_problem_en = "the cell holds the formula error " + row.value;
      return true;
    }
    if (type == "b") {
      if (cell.value.empty()) return false;
      row.value = cell.value == "1" ? "true" : cell.value == "0" ? "false" : cell.value;
      return true;
    }
    if (type == "s" || type == "inlineStr" || type == "str") {
      std::optional<std::string> text = TextOf(cell);
      if (!text) {
        row.value = cell.value;
        row.value_problem_vi = "ô trỏ tới chuỗi số " + cell.value + " không có trong tệp";
        row.value_problem_en = "the cell refers to string " + cell.value + ", which the file lacks";
        return true;
      }
      std::string trimmed = Trim(*text);
      if (trimmed.empty()) return false;
      if (IsNumericType(value_type)) {
        row.value = trimmed;
        if (!IsPlainInteger(trimmed)) {
          row.value_problem_vi = "ô chứa chữ '" + trimmed.substr(0, 100) +
                                 "', không phải số: hãy gõ số, không có dấu chấm hay dấu phẩy "
                                 "ngăn cách hàng nghìn (1250, không phải 1.250)";
          row.value_problem_en = "the cell holds the text '" + trimmed.substr(0, 100) +
                                 "', not a number: type a number with no thousands separator "
                                 "(1250, not 1.250)";
        }
        return true;
      }
      if (value_type == "BOOLEAN") {
        std::string lower = Lower(trimmed);
        if (trimmed == entry_sheet::kYes || lower == "có" || trimmed == "CÓ" || lower == "yes") {
          row.value = "true";
        } else if (trimmed == entry_sheet::kNo || lower == "không" || trimmed == "KHÔNG" ||
                   lower == "no") {
          row.value = "false";
        } else {
          row.value = trimmed;
        }
        return true;
      }
      row.value = type == "str" ? trimmed : *text;
      return true;
    }
    // A number ("n", none) or an ISO date ("d").
    std::string text = Trim(cell.value);
    if (text.empty()) return false;
    row.value = type == "d" ? text : MachineNumber(text);
    if (value_type == "BOOLEAN" && (row.value == "1" || row.value == "0")) {
      row.value = row.value == "1" ? "true" : "false";
    }
    return true;
  }

  std::istream& in_;
  std::string source_name_;
  bool loaded_ = false;
  DataValueSetHeader header_;
  std::vector<std::string> shared_strings_;
  std::vector<Key> keys_;
  std::map<CellAddress, size_t> key_of_;
  std::set<CellAddress> comment_cells_;
  std::deque<RawDataValue> rows_;
};

XlsxDataValueReader::XlsxDataValueReader(std::istream& in, std::string source_name)
    : impl_(std::make_unique<Impl>(in, std::move(source_name))) {}

XlsxDataValueReader::~XlsxDataValueReader() = default;

const DataValueSetHeader& XlsxDataValueReader::Header() {
  return impl_->Header();
}

bool XlsxDataValueReader::Next(RawDataValue* row) {
  return impl_->Next(row);
}

}  // namespace solieu
