#include "exchange/xlsx_entry_sheet.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "core/error.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

constexpr lxw_col_t kFirstValueColumn = 3;  // A: STT, B: Chỉ tiêu, C: Đơn vị tính
constexpr lxw_row_t kFirstSectionRow = 5;
constexpr uint32_t kInputColour = 0xFFF2CC;   // pale yellow: "type here"
constexpr uint32_t kHeaderColour = 0xD9E1F2;  // pale blue

[[noreturn]] void Fail(std::string_view what, lxw_error error) {
  throw UserError("exchange.entry_sheet_write_failed", "không tạo được biểu nhập Excel",
                  std::string("cannot write the entry sheet: ") + std::string(what) + ": " +
                      lxw_strerror(error));
}

void Check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) Fail(what, error);
}

// A temporary file libxlsxwriter writes to (it has no in-memory output in Debian 12's version),
// removed whatever happens.
class TemporaryPath {
 public:
  TemporaryPath() {
    std::string pattern = (fs::temp_directory_path() / "solieu-entry-sheet-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) {
      throw UserError("exchange.entry_sheet_write_failed",
                      "không tạo được tệp tạm cho biểu nhập Excel",
                      "cannot create a temporary file for the entry sheet", pattern);
    }
    close(fd);
    path_ = pattern;
  }
  ~TemporaryPath() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string CellName(lxw_row_t row, lxw_col_t col) {
  std::string letters;
  for (unsigned n = col + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

bool IsNumeric(ValueType type) {
  return type == ValueType::kNumber || type == ValueType::kInteger ||
         type == ValueType::kIntegerZeroOrPositive || type == ValueType::kPercentage;
}

// What each value type accepts, as Excel's data validation and the message it shows on entry.
// Messages stay under Excel's 255 characters; titles under 32.
struct Validation {
  lxw_data_validation rule{};
  std::vector<char*> list;  // owned by the static strings below
};

Validation ValidationFor(ValueType type) {
  static char yes[] = "Có";
  static char no[] = "Không";
  static char title[] = "Nhập số liệu";
  static char error_title[] = "Giá trị không hợp lệ";
  Validation v;
  lxw_data_validation& r = v.rule;
  r.ignore_blank = LXW_VALIDATION_ON;
  r.show_input = LXW_VALIDATION_ON;
  r.show_error = LXW_VALIDATION_ON;
  r.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  r.input_title = title;
  r.error_title = error_title;
  switch (type) {
    case ValueType::kIntegerZeroOrPositive: {
      static char message[] = "Số nguyên không âm (0, 1, 2, ...). Gõ 1250, không gõ 1.250.";
      r.validate = LXW_VALIDATION_TYPE_INTEGER;
      r.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      r.value_number = 0;
      r.input_message = message;
      r.error_message = message;
      break;
    }
    case ValueType::kInteger: {
      static char message[] = "Số nguyên, có thể âm. Gõ 1250, không gõ 1.250.";
      r.validate = LXW_VALIDATION_TYPE_INTEGER;
      r.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      r.minimum_number = -1e15;
      r.maximum_number = 1e15;
      r.input_message = message;
      r.error_message = message;
      break;
    }
    case ValueType::kNumber: {
      static char message[] =
          "Số, có thể có phần thập phân. Không dùng dấu chấm để ngăn cách hàng nghìn.";
      r.validate = LXW_VALIDATION_TYPE_DECIMAL;
      r.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      r.minimum_number = -1e15;
      r.maximum_number = 1e15;
      r.input_message = message;
      r.error_message = message;
      break;
    }
    case ValueType::kPercentage: {
      static char message[] = "Tỷ lệ phần trăm từ 0 đến 100 (gõ 65,7 cho 65,7%, không gõ dấu %).";
      r.validate = LXW_VALIDATION_TYPE_DECIMAL;
      r.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      r.minimum_number = 0;
      r.maximum_number = 100;
      r.input_message = message;
      r.error_message = message;
      break;
    }
    case ValueType::kBoolean: {
      static char message[] = "Chọn Có hoặc Không trong danh sách.";
      v.list = {yes, no, nullptr};
      r.validate = LXW_VALIDATION_TYPE_LIST;
      r.value_list = v.list.data();
      r.input_message = message;
      r.error_message = message;
      break;
    }
    case ValueType::kText: {
      static char message[] = "Nhập chữ (văn bản).";
      r.validate = LXW_VALIDATION_TYPE_ANY;
      r.show_error = LXW_VALIDATION_OFF;
      r.input_message = message;
      break;
    }
  }
  return v;
}

std::optional<double> ParseNumber(const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const OrgUnit* FindUnit(const OrgHierarchy& hierarchy, std::string_view id, const Period& period) {
  if (const OrgUnit* unit = hierarchy.FindByUid(id)) return unit;
  if (const OrgUnit* unit = hierarchy.FindByCode(id, period.end())) return unit;
  return hierarchy.FindByCode(id, period.start());
}

class SheetWriter {
 public:
  SheetWriter(const MetadataSnapshot& metadata, const EntrySheetForm& form,
              const std::vector<DataValue>& stored)
      : form_(form) {
    const std::string period = form.period.Id();
    const std::string default_combo = DefaultCategoryOptionComboUid();
    for (const DataValue& v : stored) {
      if (v.key.period != period || v.key.org_unit_uid != form.org_unit->uid ||
          v.key.attribute_option_combo_uid != default_combo) {
        continue;
      }
      values_[{v.key.data_element_uid, v.key.category_option_combo_uid}] = v.value;
      if (!v.comment.empty()) comments_.emplace(v.key.data_element_uid, v.comment);
    }
    for (const DataElement& e : metadata.data_elements) elements_[e.uid] = &e;
    for (const CategoryOptionCombo& coc : metadata.category_option_combos) {
      option_combos_[coc.combo_uid].push_back(&coc);
    }
  }

  const std::vector<EntrySheetCell>& cells() const { return keys_; }

  std::string Write() {
    TemporaryPath file;
    lxw_workbook_options options{};
    options.tmpdir = nullptr;
    workbook_ = workbook_new_opt(file.path().c_str(), &options);
    if (workbook_ == nullptr) Fail("workbook_new", LXW_ERROR_MEMORY_MALLOC_FAILED);
    try {
      MakeFormats();
      form_sheet_ = workbook_add_worksheet(workbook_, entry_sheet::kFormSheet);
      keys_sheet_ = workbook_add_worksheet(workbook_, entry_sheet::kKeysSheet);
      if (form_sheet_ == nullptr || keys_sheet_ == nullptr) {
        Fail("workbook_add_worksheet", LXW_ERROR_MEMORY_MALLOC_FAILED);
      }
      WriteForm();
      WriteKeys();
    } catch (...) {
      lxw_workbook_free(workbook_);
      throw;
    }
    Check(workbook_close(workbook_), "workbook_close");  // frees the workbook
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) Fail("read back", LXW_ERROR_CREATING_TMPFILE);
    return bytes;
  }

 private:
  lxw_format* Format(bool bold, bool locked, uint32_t colour, bool border, bool wrap,
                     const char* number_format = nullptr, double size = 12) {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (!locked) format_set_unlocked(f);
    if (colour != 0) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, colour);
    }
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (wrap) format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (number_format != nullptr) format_set_num_format(f, number_format);
    return f;
  }

  void MakeFormats() {
    title_ = Format(true, true, 0, false, false, nullptr, 14);
    plain_ = Format(false, true, 0, false, false);
    note_ = Format(false, true, 0, false, true);
    format_set_italic(note_);
    header_ = Format(true, true, kHeaderColour, true, true);
    format_set_align(header_, LXW_ALIGN_CENTER);
    label_ = Format(false, true, 0, true, true);
    centered_ = Format(false, true, 0, true, false);
    format_set_align(centered_, LXW_ALIGN_CENTER);
    unused_ = Format(false, true, 0xEDEDED, true, false);
    integer_input_ = Format(false, false, kInputColour, true, false, "0");
    number_input_ = Format(false, false, kInputColour, true, false, "General");
    text_input_ = Format(false, false, kInputColour, true, true, "@");
  }

  void WriteForm() {
    lxw_worksheet* ws = form_sheet_;
    size_t widest = 1;
    for (const std::string& uid : form_.data_set->data_element_uids) {
      auto e = elements_.find(uid);
      if (e != elements_.end()) widest = std::max(widest, OptionCombosOf(*e->second).size());
    }
    // The value columns, then one comment column ("Ghi chú") for the row's values.
    const lxw_col_t comment_col = static_cast<lxw_col_t>(kFirstValueColumn + widest);
    const lxw_col_t last_col = comment_col;
    Check(worksheet_set_column(ws, 0, 0, 6, nullptr), "set_column");
    Check(worksheet_set_column(ws, 1, 1, 55, nullptr), "set_column");
    Check(worksheet_set_column(ws, 2, 2, 12, nullptr), "set_column");
    Check(worksheet_set_column(ws, kFirstValueColumn, comment_col - 1, 14, nullptr), "set_column");
    Check(worksheet_set_column(ws, comment_col, comment_col, 30, nullptr), "set_column");

    const DataSet& ds = *form_.data_set;
    const OrgUnit& unit = *form_.org_unit;
    Merge(0, last_col, "BIỂU NHẬP SỐ LIỆU: " + ds.name_vi, title_);
    Merge(1, last_col,
          "Đơn vị: " + unit.name_vi + (unit.code.empty() ? "" : " (mã " + unit.code + ")"), plain_);
    Merge(2, last_col, "Kỳ báo cáo: " + form_.period.LabelVi() + " (" + form_.period.Id() + ")",
          plain_);
    Merge(3, last_col,
          "Nhập số vào các ô màu vàng; gõ 1250, không gõ 1.250. Không chèn, xóa dòng hay cột: "
          "phần mềm đọc lại theo địa chỉ ô.",
          note_);
    Check(worksheet_set_row(ws, 3, 32, nullptr), "set_row");

    lxw_row_t row = kFirstSectionRow;
    std::string section_combo;
    int number = 0;
    for (const std::string& uid : ds.data_element_uids) {
      auto found = elements_.find(uid);
      if (found == elements_.end()) continue;
      const DataElement& element = *found->second;
      std::vector<const CategoryOptionCombo*> columns = OptionCombosOf(element);
      if (row == kFirstSectionRow || element.category_combo_uid != section_combo) {
        if (row != kFirstSectionRow) ++row;  // a blank row between sections
        WriteSectionHeader(row++, columns, last_col);
        section_combo = element.category_combo_uid;
      }
      Check(worksheet_write_number(ws, row, 0, ++number, centered_), "write STT");
      Check(worksheet_write_string(ws, row, 1, element.name_vi.c_str(), label_), "write name");
      Check(worksheet_write_string(ws, row, 2, element.unit_vi.c_str(), centered_), "write unit");
      const size_t first_key = keys_.size();
      for (size_t i = 0; i < columns.size(); ++i) {
        WriteInput(row, static_cast<lxw_col_t>(kFirstValueColumn + i), element, *columns[i]);
      }
      for (lxw_col_t col = static_cast<lxw_col_t>(kFirstValueColumn + columns.size());
           col < comment_col; ++col) {
        Check(worksheet_write_blank(ws, row, col, unused_), "write blank");
      }
      WriteComment(row, comment_col, element, first_key);
      ++row;
    }

    lxw_protection protection{};
    protection.format_columns = 0;  // widths may be changed; contents and rows may not
    worksheet_protect(ws, nullptr, &protection);
    worksheet_freeze_panes(ws, kFirstSectionRow, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_activate(ws);
  }

  void Merge(lxw_row_t row, lxw_col_t last_col, const std::string& text, lxw_format* format) {
    Check(worksheet_merge_range(form_sheet_, row, 0, row, last_col, text.c_str(), format),
          "merge_range");
  }

  void WriteSectionHeader(lxw_row_t row, const std::vector<const CategoryOptionCombo*>& columns,
                          lxw_col_t last_col) {
    lxw_worksheet* ws = form_sheet_;
    Check(worksheet_set_row(ws, row, 33, nullptr), "set_row");  // two lines: "Nam, Dân tộc ..."
    Check(worksheet_write_string(ws, row, 0, "STT", header_), "write header");
    Check(worksheet_write_string(ws, row, 1, "Chỉ tiêu", header_), "write header");
    Check(worksheet_write_string(ws, row, 2, "Đơn vị tính", header_), "write header");
    for (size_t i = 0; i < columns.size(); ++i) {
      const CategoryOptionCombo& coc = *columns[i];
      std::string name = coc.uid == DefaultCategoryOptionComboUid() ? "Giá trị" : coc.name_vi;
      Check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(kFirstValueColumn + i),
                                   name.c_str(), header_),
            "write header");
    }
    for (lxw_col_t col = static_cast<lxw_col_t>(kFirstValueColumn + columns.size()); col < last_col;
         ++col) {
      Check(worksheet_write_blank(ws, row, col, header_), "write header");
    }
    Check(worksheet_write_string(ws, row, last_col, "Ghi chú", header_), "write header");
  }

  // The comment cell of an element's row: it goes with every value of the row.
  void WriteComment(lxw_row_t row, lxw_col_t col, const DataElement& element, size_t first_key) {
    lxw_worksheet* ws = form_sheet_;
    auto stored = comments_.find(element.uid);
    if (stored == comments_.end()) {
      Check(worksheet_write_blank(ws, row, col, text_input_), "write blank");
    } else {
      Check(worksheet_write_string(ws, row, col, stored->second.c_str(), text_input_),
            "write comment");
    }
    static char title[] = "Ghi chú";
    static char message[] = "Ghi chú cho các số của dòng này (không bắt buộc).";
    lxw_data_validation rule{};
    rule.validate = LXW_VALIDATION_TYPE_ANY;
    rule.show_input = LXW_VALIDATION_ON;
    rule.input_title = title;
    rule.input_message = message;
    Check(worksheet_data_validation_cell(ws, row, col, &rule), "data_validation");
    for (size_t i = first_key; i < keys_.size(); ++i) keys_[i].comment_cell = CellName(row, col);
  }

  void WriteInput(lxw_row_t row, lxw_col_t col, const DataElement& element,
                  const CategoryOptionCombo& coc) {
    lxw_worksheet* ws = form_sheet_;
    const ValueType type = element.value_type;
    lxw_format* format = type == ValueType::kText ? text_input_
                         : type == ValueType::kInteger || type == ValueType::kIntegerZeroOrPositive
                             ? integer_input_
                             : number_input_;
    auto stored = values_.find({element.uid, coc.uid});
    if (stored == values_.end()) {
      Check(worksheet_write_blank(ws, row, col, format), "write blank");
    } else if (auto number = IsNumeric(type) ? ParseNumber(stored->second) : std::nullopt) {
      Check(worksheet_write_number(ws, row, col, *number, format), "write number");
    } else if (type == ValueType::kBoolean) {
      const char* word = stored->second == "true" ? entry_sheet::kYes : entry_sheet::kNo;
      Check(worksheet_write_string(ws, row, col, word, format), "write yes/no");
    } else {
      Check(worksheet_write_string(ws, row, col, stored->second.c_str(), format), "write text");
    }
    Validation validation = ValidationFor(type);
    Check(worksheet_data_validation_cell(ws, row, col, &validation.rule), "data_validation");
    keys_.push_back({CellName(row, col), element.uid, coc.uid, type, ""});
  }

  void WriteKeys() {
    lxw_worksheet* ws = keys_sheet_;
    auto put = [&](lxw_row_t row, lxw_col_t col, const std::string& text) {
      Check(worksheet_write_string(ws, row, col, text.c_str(), nullptr), "write key");
    };
    put(0, 0, entry_sheet::kMarker);
    put(0, 1, entry_sheet::kVersion);
    put(1, 0, entry_sheet::kDataSetKey);
    put(1, 1, form_.data_set->uid);
    put(2, 0, entry_sheet::kOrgUnitKey);
    put(2, 1, form_.org_unit->uid);
    put(3, 0, entry_sheet::kPeriodKey);
    put(3, 1, form_.period.Id());
    put(4, 0, entry_sheet::kSheetKey);
    put(4, 1, entry_sheet::kFormSheet);
    put(6, 0, entry_sheet::kCellsHeader);
    put(6, 1, "dataElement");
    put(6, 2, "categoryOptionCombo");
    put(6, 3, "valueType");
    put(6, 4, "comment");
    lxw_row_t row = 7;
    for (const Key& key : keys_) {
      put(row, 0, key.cell);
      put(row, 1, key.data_element_uid);
      put(row, 2, key.option_combo_uid);
      put(row, 3, std::string(ValueTypeName(key.value_type)));
      if (!key.comment_cell.empty()) put(row, 4, key.comment_cell);
      ++row;
    }
    worksheet_protect(ws, nullptr, nullptr);
    worksheet_hide(ws);
  }

  // The option combos of the element's combo, in the order the metadata lists them (the
  // cartesian order of the categories' options); the default combo's one when it has none.
  std::vector<const CategoryOptionCombo*> OptionCombosOf(const DataElement& element) const {
    auto found = option_combos_.find(element.category_combo_uid);
    if (found != option_combos_.end() && !found->second.empty()) return found->second;
    static const CategoryOptionCombo fallback = [] {
      CategoryOptionCombo c;
      c.uid = DefaultCategoryOptionComboUid();
      return c;
    }();
    return {&fallback};
  }

  using Key = EntrySheetCell;

  const EntrySheetForm& form_;
  std::map<std::pair<std::string, std::string>, std::string> values_;
  std::map<std::string, std::string> comments_;  // element uid -> a stored comment of its row
  std::map<std::string, const DataElement*> elements_;
  std::map<std::string, std::vector<const CategoryOptionCombo*>> option_combos_;
  std::vector<Key> keys_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* form_sheet_ = nullptr;
  lxw_worksheet* keys_sheet_ = nullptr;
  lxw_format *title_ = nullptr, *plain_ = nullptr, *note_ = nullptr, *header_ = nullptr,
             *label_ = nullptr, *centered_ = nullptr, *unused_ = nullptr, *integer_input_ = nullptr,
             *number_input_ = nullptr, *text_input_ = nullptr;
};

}  // namespace

EntrySheetForm ResolveEntrySheetForm(const MetadataSnapshot& metadata,
                                     const OrgHierarchy& hierarchy, std::string_view data_set,
                                     std::string_view org_unit, std::string_view period) {
  EntrySheetForm form;
  for (const DataSet& ds : metadata.data_sets) {
    if (ds.uid == data_set || (!ds.code.empty() && ds.code == data_set)) form.data_set = &ds;
  }
  if (form.data_set == nullptr) {
    throw UserError("exchange.unknown_data_set",
                    "không có bộ dữ liệu '" + std::string(data_set) + "' (mã hoặc uid)",
                    "no data set '" + std::string(data_set) + "' (code or uid)", "--data-set");
  }
  const DataSet& ds = *form.data_set;
  auto parsed = Period::Parse(period);
  if (!parsed) {
    throw UserError("exchange.invalid_period",
                    "kỳ '" + std::string(period) + "' không hợp lệ (ví dụ 202508, 2025Q3, 2025W36)",
                    "invalid period '" + std::string(period) + "' (e.g. 202508, 2025Q3, 2025W36)",
                    "--period");
  }
  form.period = *parsed;
  if (PeriodTypeName(form.period.type()) != ds.period_type) {
    throw UserError(
        "exchange.period_type_mismatch",
        "kỳ '" + std::string(period) + "' (" + std::string(PeriodTypeName(form.period.type())) +
            ") không đúng loại kỳ của bộ dữ liệu " + ds.code + " (" + ds.period_type + ")",
        "period '" + std::string(period) + "' (" + std::string(PeriodTypeName(form.period.type())) +
            ") is not of the period type of data set " + ds.code + " (" + ds.period_type + ")",
        "--period");
  }
  form.org_unit = FindUnit(hierarchy, org_unit, form.period);
  if (form.org_unit == nullptr) {
    throw UserError(
        "exchange.unknown_org_unit",
        "không có đơn vị '" + std::string(org_unit) + "' (mã hoặc uid) trong kỳ " +
            form.period.Id(),
        "no org unit '" + std::string(org_unit) + "' (code or uid) in period " + form.period.Id(),
        "--org-unit");
  }
  const OrgUnit& unit = *form.org_unit;
  if (std::find(ds.org_unit_uids.begin(), ds.org_unit_uids.end(), unit.uid) ==
      ds.org_unit_uids.end()) {
    throw UserError("exchange.org_unit_not_assigned",
                    "đơn vị " + unit.code + " (" + unit.name_vi + ") không được giao bộ dữ liệu " +
                        ds.code + " (" + ds.name_vi + ")",
                    "org unit " + unit.code + " (" + unit.name_en + ") is not assigned data set " +
                        ds.code + " (" + ds.name_en + ")",
                    "--org-unit");
  }
  return form;
}

std::string WriteEntrySheet(const MetadataSnapshot& metadata, const EntrySheetForm& form,
                            const std::vector<DataValue>& stored,
                            std::vector<EntrySheetCell>* cells) {
  SheetWriter writer(metadata, form, stored);
  std::string bytes = writer.Write();
  if (cells != nullptr) *cells = writer.cells();
  return bytes;
}

std::string WriteEntrySheet(Store& store, std::string_view data_set, std::string_view org_unit,
                            std::string_view period) {
  MetadataSnapshot metadata = store.LoadMetadata();
  OrgHierarchy hierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
  EntrySheetForm form = ResolveEntrySheetForm(metadata, hierarchy, data_set, org_unit, period);
  ValueQuery query;
  query.data_element_uids = form.data_set->data_element_uids;
  query.org_unit_uids = {form.org_unit->uid};
  query.from = form.period.start();
  query.to = form.period.end();
  return WriteEntrySheet(metadata, form, store.QueryValues(query));
}

}  // namespace solieu
