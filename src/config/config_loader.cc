#include "config/config_loader.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "config/data_values_file.h"
#include "core/csv_reader.h"
#include "core/error.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/text.h"
#include "core/uid.h"
#include "core/value_check.h"
#include "engine/expression.h"
#include "surveillance/detect_options.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Bad(const CsvTable& table, std::string_view column, const std::string& vi,
                      const std::string& en, const char* code = "config.invalid") {
  throw UserError(code, vi, en, table.Where(column));
}

// Every kind of object a folder can hold, with the columns its file allows.
const std::vector<std::string> kNamed = {"code", "name_vi", "name_en"};

// The columns a file of named objects must have, and those it may have.
std::vector<std::string> Required(std::vector<std::string> extra) {
  std::vector<std::string> out = kNamed;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::vector<std::string> Columns(std::vector<std::string> extra) {
  std::vector<std::string> out = Required(std::move(extra));
  out.push_back("uid");
  return out;
}

std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(';', start);
    if (end == std::string::npos) end = cell.size();
    std::string item = cell.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 50) return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Reads code, names and uid, checking each; `kind` seeds the derived uid.
void ReadNamed(const CsvTable& t, std::string_view kind, NamedObject* o,
               std::string_view uid_key_suffix = {}) {
  o->code = t.Get("code");
  if (!IsValidCode(o->code)) {
    Bad(t, "code", "mã '" + o->code + "' không hợp lệ (chỉ chữ cái, chữ số, _ - .)",
        "invalid code '" + o->code + "' (letters, digits, _ - . only)", "config.invalid_code");
  }
  o->name_vi = ToNfc(t.Get("name_vi"));
  o->name_en = t.Get("name_en");
  if (o->name_vi.empty())
    Bad(t, "name_vi", "thiếu tên tiếng Việt", "the Vietnamese name is missing");
  if (o->name_en.empty()) Bad(t, "name_en", "thiếu tên tiếng Anh", "the English name is missing");
  o->uid = t.Get("uid");
  if (o->uid.empty()) {
    o->uid = DeriveUid(kind, o->code + std::string(uid_key_suffix));
  } else if (!IsValidUid(o->uid)) {
    Bad(t, "uid", "uid '" + o->uid + "' không đúng dạng 11 ký tự",
        "uid '" + o->uid + "' is not an 11-character DHIS2 uid", "config.invalid_uid");
  }
}

std::optional<Date> ReadDate(const CsvTable& t, std::string_view column) {
  std::string text = t.Get(column);
  if (text.empty()) return std::nullopt;
  auto day = Date::Parse(text);
  if (!day) {
    Bad(t, column, "ngày '" + text + "' không hợp lệ (YYYY-MM-DD)",
        "invalid date '" + text + "' (YYYY-MM-DD)", "config.invalid_date");
  }
  return day;
}

Date RequireDate(const CsvTable& t, std::string_view column) {
  auto day = ReadDate(t, column);
  if (!day) Bad(t, column, "thiếu ngày", "the date is missing", "config.missing_value");
  return *day;
}

double ReadNumber(const CsvTable& t, std::string_view column, double fallback) {
  std::string text = t.Get(column);
  if (text.empty()) return fallback;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    Bad(t, column, "'" + text + "' không phải số", "'" + text + "' is not a number",
        "config.invalid_number");
  }
  return value;
}

int ReadInt(const CsvTable& t, std::string_view column, int fallback) {
  std::string text = t.Get(column);
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    Bad(t, column, "'" + text + "' không phải số nguyên", "'" + text + "' is not an integer",
        "config.invalid_number");
  }
  return value;
}

bool ReadBool(const CsvTable& t, std::string_view column) {
  std::string text = t.Get(column);
  if (text.empty() || text == "false") return false;
  if (text == "true") return true;
  Bad(t, column, "'" + text + "' phải là true hoặc false", "'" + text + "' must be true or false");
}

// Looks objects of one kind up by code, naming the file and line that refers to them.
template <typename T>
class CodeIndex {
 public:
  explicit CodeIndex(std::string kind_vi, std::string kind_en)
      : kind_vi_(std::move(kind_vi)), kind_en_(std::move(kind_en)) {}

  void Add(const CsvTable& t, const T& object) {
    if (!by_code_.emplace(object.code, object.uid).second) {
      Bad(t, "code", kind_vi_ + " mã '" + object.code + "' bị trùng",
          "duplicate " + kind_en_ + " code '" + object.code + "'", "config.duplicate_code");
    }
  }
  bool Has(const std::string& code) const { return by_code_.count(code) > 0; }
  const std::string& Uid(const CsvTable& t, std::string_view column,
                         const std::string& code) const {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) {
      Bad(t, column, "không có " + kind_vi_ + " mã '" + code + "'",
          "no " + kind_en_ + " with code '" + code + "'", "config.unknown_reference");
    }
    return it->second;
  }

 private:
  std::string kind_vi_, kind_en_;
  std::map<std::string, std::string> by_code_;
};

class FolderReader {
 public:
  explicit FolderReader(std::string directory) : dir_(std::move(directory)) {
    if (!fs::is_directory(dir_)) {
      throw UserError("config.no_folder", "không tìm thấy thư mục cấu hình",
                      "configuration folder not found", dir_);
    }
  }

  ConfigFolder Read() {
    ReadOrgUnits();
    ReadCategories();
    ReadDataElements();
    ReadDataElementGroups();
    ReadConstants();
    ReadOrgUnitGroups();
    ReadIndicators();
    ReadDataSets();
    ReadDiseases();
    ReadDetectionRules();
    ReadValidationRules();
    ReadDataValues();
    return std::move(out_);
  }

 private:
  std::string Path(const char* name) const { return (fs::path(dir_) / name).string(); }
  bool Exists(const char* name) const { return fs::exists(Path(name)); }

  void ReadOrgUnits();
  void ReadCategories();
  void ReadDataElements();
  void ReadDataElementGroups();
  void ReadConstants();
  void ReadIndicators();
  void ReadOrgUnitGroups();
  void ReadDataSets();
  void ReadDiseases();
  void ReadDetectionRules();
  void ReadValidationRules();
  void ReadDataValues();

  // Resolves a unit code as of a day (or, with no day, the latest unit with the code).
  const OrgUnit& UnitAt(const CsvTable& t, std::string_view column, const std::string& code,
                        std::optional<Date> day) const;
  std::vector<std::string> ResolveSelectors(const CsvTable& t, std::string_view column) const;
  void CheckExpression(const CsvTable& t, std::string_view column) const;

  std::string dir_;
  ConfigFolder out_;
  std::unique_ptr<OrgHierarchy> hierarchy_;
  CodeIndex<CategoryOption> options_{"phương án phân tổ", "category option"};
  CodeIndex<Category> categories_{"nhóm phân tổ", "category"};
  CodeIndex<CategoryCombo> combos_{"tổ hợp phân tổ", "category combo"};
  CodeIndex<DataElement> elements_{"phần tử dữ liệu", "data element"};
  CodeIndex<Indicator> indicators_{"chỉ số", "indicator"};
  CodeIndex<Constant> constants_{"hằng số", "constant"};
  CodeIndex<OrgUnitGroup> groups_{"nhóm đơn vị", "org unit group"};
  CodeIndex<DataSet> data_sets_{"bộ dữ liệu", "data set"};
  CodeIndex<Disease> diseases_{"bệnh", "disease"};
  std::set<std::string> coc_codes_;
  std::map<std::string, std::map<std::string, std::string>> coc_uid_by_combo_;  // combo uid -> code
  std::map<std::string, ValueType> value_type_by_element_uid_;
  std::map<std::string, std::string> combo_by_element_uid_;
};

const OrgUnit& FolderReader::UnitAt(const CsvTable& t, std::string_view column,
                                    const std::string& code, std::optional<Date> day) const {
  const OrgUnit* unit =
      day ? hierarchy_->FindByCode(code, *day) : hierarchy_->FindLatestByCode(code);
  if (unit == nullptr) {
    std::string when = day ? " vào ngày " + day->ToString() : "";
    std::string when_en = day ? " on " + day->ToString() : "";
    Bad(t, column, "không có đơn vị mã '" + code + "'" + when,
        "no org unit with code '" + code + "'" + when_en, "config.unknown_org_unit");
  }
  return *unit;
}

void FolderReader::ReadOrgUnits() {
  struct Pending {
    std::string parent_code;
    int line;
  };
  std::vector<Pending> pending;
  {
    CsvTable t(Path("org_units.csv"), {"code", "name_vi", "name_en", "level", "parent_code"},
               Columns({"level", "facility_type", "commune_type", "parent_code", "opened", "closed",
                        "note"}));
    while (t.Next()) {
      OrgUnit u;
      u.validity = {ReadDate(t, "opened"), ReadDate(t, "closed")};
      NamedObject named;
      ReadNamed(t, "organisationUnit", &named,
                "@" + (u.validity.from ? u.validity.from->ToString() : std::string()));
      u.uid = named.uid;
      u.code = named.code;
      u.name_vi = named.name_vi;
      u.name_en = named.name_en;
      auto level = ParseOrgLevel(t.Get("level"));
      if (!level) {
        Bad(t, "level",
            "cấp '" + t.Get("level") + "' không hợp lệ (province, district, commune, facility)",
            "invalid level '" + t.Get("level") + "' (province, district, commune, facility)");
      }
      u.level = *level;
      u.facility_type = t.Get("facility_type");
      static const std::set<std::string> kFacilityTypes = {"hospital",         "ttyt",
                                                           "pkdkkv",           "tyt",
                                                           "diem_tram",        "cdc",
                                                           "specialty_center", "department",
                                                           "school",           "private_clinic",
                                                           "pharmacy"};
      if (u.level == OrgLevel::kFacility && !kFacilityTypes.count(u.facility_type)) {
        Bad(t, "facility_type", "loại cơ sở '" + u.facility_type + "' không hợp lệ",
            "invalid facility type '" + u.facility_type + "'");
      }
      if (u.level != OrgLevel::kFacility && !u.facility_type.empty()) {
        Bad(t, "facility_type", "chỉ cơ sở y tế mới có loại cơ sở",
            "only facilities have a facility type");
      }
      u.commune_type = ToNfc(t.Get("commune_type"));
      u.note = ToNfc(t.Get("note"));
      pending.push_back({t.Get("parent_code"), t.line()});
      out_.metadata.org_units.push_back(std::move(u));
    }
  }
  // Validate codes over time before resolving parents, so a reused code is caught first.
  hierarchy_ = std::make_unique<OrgHierarchy>(out_.metadata.org_units, std::vector<ParentLink>{},
                                              std::vector<OrgEvent>{});
  // Parents are resolved on the child's first day (or, for an always-open child, its last day).
  CsvTable again(Path("org_units.csv"), {}, {});
  for (size_t i = 0; again.Next(); ++i) {
    const OrgUnit& child = out_.metadata.org_units[i];
    const std::string& parent_code = pending[i].parent_code;
    if (parent_code.empty()) continue;
    std::optional<Date> day = child.validity.from;
    if (!day && child.validity.to) day = child.validity.to->AddDays(-1);
    const OrgUnit& parent = UnitAt(again, "parent_code", parent_code, day);
    out_.metadata.parent_links.push_back({child.uid, parent.uid, child.validity});
  }
  if (Exists("org_unit_parents.csv")) {
    CsvTable t(Path("org_unit_parents.csv"), {"code", "as_of", "parent_code"},
               {"code", "as_of", "parent_code", "note"});
    while (t.Next()) {
      Date as_of = RequireDate(t, "as_of");
      const OrgUnit& child = UnitAt(t, "code", t.Get("code"), as_of);
      const OrgUnit& parent = UnitAt(t, "parent_code", t.Get("parent_code"), as_of);
      bool cut = false;
      for (ParentLink& link : out_.metadata.parent_links) {
        if (link.child_uid == child.uid && link.validity.Contains(as_of)) {
          Validity rest{as_of, link.validity.to};
          link.validity.to = as_of;
          out_.metadata.parent_links.push_back({child.uid, parent.uid, rest});
          cut = true;
          break;
        }
      }
      if (!cut)
        out_.metadata.parent_links.push_back({child.uid, parent.uid, {as_of, child.validity.to}});
      // A link may now be empty (a change on the unit's first day): drop it.
      std::erase_if(out_.metadata.parent_links, [](const ParentLink& l) {
        return l.validity.from && l.validity.to && !(*l.validity.from < *l.validity.to);
      });
    }
  }
  if (Exists("org_unit_events.csv")) {
    CsvTable t(Path("org_unit_events.csv"), {"date", "kind", "old_code", "new_code"},
               {"date", "kind", "old_code", "new_code", "share", "note"});
    while (t.Next()) {
      OrgEvent e;
      e.date = RequireDate(t, "date");
      std::string kind = t.Get("kind");
      if (kind == "merge") {
        e.kind = OrgEventKind::kMerge;
      } else if (kind == "split") {
        e.kind = OrgEventKind::kSplit;
      } else {
        Bad(t, "kind", "loại sự kiện '" + kind + "' phải là merge hoặc split",
            "event kind '" + kind + "' must be merge or split");
      }
      e.old_uid = UnitAt(t, "old_code", t.Get("old_code"), e.date.AddDays(-1)).uid;
      e.new_uid = UnitAt(t, "new_code", t.Get("new_code"), e.date).uid;
      e.share = ReadNumber(t, "share", 1.0);
      if (e.kind == OrgEventKind::kSplit && t.Get("share").empty()) {
        Bad(t, "share", "chia tách cần tỷ lệ (share)", "a split needs a share");
      }
      if (!(e.share > 0 && e.share <= 1)) {
        Bad(t, "share", "tỷ lệ phải trong (0, 1]", "the share must be in (0, 1]");
      }
      out_.metadata.org_events.push_back(std::move(e));
    }
  }
  try {
    hierarchy_ = std::make_unique<OrgHierarchy>(out_.metadata.org_units, out_.metadata.parent_links,
                                                out_.metadata.org_events);
  } catch (const UserError& e) {
    throw UserError(e.code(), e.message_vi(), e.message_en(),
                    Path("org_units.csv") + " (" + e.where() + ")");
  }
}

void FolderReader::ReadCategories() {
  // The default combo exists in every store.
  CategoryOption default_option;
  default_option.uid = "xYerKDKCefk";  // DHIS2's id for the default category option
  default_option.code = "default";
  default_option.name_vi = "mặc định";
  default_option.name_en = "default";
  Category default_category;
  default_category.uid = "GLevLNI9wkl";  // DHIS2's id for the default category
  default_category.code = "default";
  default_category.name_vi = "mặc định";
  default_category.name_en = "default";
  default_category.option_uids = {default_option.uid};
  CategoryCombo default_combo;
  default_combo.uid = DefaultCategoryComboUid();
  default_combo.code = "default";
  default_combo.name_vi = "mặc định";
  default_combo.name_en = "default";
  default_combo.category_uids = {default_category.uid};
  CategoryOptionCombo default_coc;
  default_coc.uid = DefaultCategoryOptionComboUid();
  default_coc.code = "default";
  default_coc.name_vi = "mặc định";
  default_coc.name_en = "default";
  default_coc.combo_uid = default_combo.uid;
  default_coc.option_uids = {default_option.uid};
  out_.metadata.category_options.push_back(default_option);
  out_.metadata.categories.push_back(default_category);
  out_.metadata.category_combos.push_back(default_combo);
  out_.metadata.category_option_combos.push_back(default_coc);
  coc_codes_.insert("default");
  coc_uid_by_combo_[default_combo.uid]["default"] = default_coc.uid;

  std::map<std::string, const CategoryOption*> option_by_uid;
  std::map<std::string, const Category*> category_by_uid;
  if (Exists("category_options.csv")) {
    CsvTable t(Path("category_options.csv"), kNamed, Columns({}));
    while (t.Next()) {
      CategoryOption o;
      ReadNamed(t, "categoryOption", &o);
      if (o.code == "default")
        Bad(t, "code", "mã 'default' đã dành sẵn", "the code 'default' is reserved");
      options_.Add(t, o);
      out_.metadata.category_options.push_back(std::move(o));
    }
  }
  if (Exists("categories.csv")) {
    CsvTable t(Path("categories.csv"), Required({"options"}), Columns({"options"}));
    while (t.Next()) {
      Category c;
      ReadNamed(t, "category", &c);
      for (const std::string& code : SplitList(t.Get("options"))) {
        c.option_uids.push_back(options_.Uid(t, "options", code));
      }
      if (c.option_uids.empty())
        Bad(t, "options", "nhóm phân tổ cần ít nhất một phương án",
            "a category needs at least one option");
      categories_.Add(t, c);
      out_.metadata.categories.push_back(std::move(c));
    }
  }
  for (const auto& o : out_.metadata.category_options) option_by_uid[o.uid] = &o;
  for (const auto& c : out_.metadata.categories) category_by_uid[c.uid] = &c;
  if (Exists("category_combos.csv")) {
    CsvTable t(Path("category_combos.csv"), Required({"categories"}), Columns({"categories"}));
    while (t.Next()) {
      CategoryCombo combo;
      ReadNamed(t, "categoryCombo", &combo);
      if (combo.code == "default")
        Bad(t, "code", "mã 'default' đã dành sẵn", "the code 'default' is reserved");
      for (const std::string& code : SplitList(t.Get("categories"))) {
        combo.category_uids.push_back(categories_.Uid(t, "categories", code));
      }
      if (combo.category_uids.empty())
        Bad(t, "categories", "tổ hợp cần ít nhất một nhóm phân tổ",
            "a combo needs at least one category");
      combos_.Add(t, combo);
      // The option combos are the cartesian product of the categories' options, in order.
      std::vector<std::vector<const CategoryOption*>> product = {{}};
      for (const std::string& category_uid : combo.category_uids) {
        std::vector<std::vector<const CategoryOption*>> next;
        for (const auto& prefix : product) {
          for (const std::string& option_uid : category_by_uid[category_uid]->option_uids) {
            auto extended = prefix;
            extended.push_back(option_by_uid[option_uid]);
            next.push_back(std::move(extended));
          }
        }
        product = std::move(next);
      }
      for (const auto& options : product) {
        CategoryOptionCombo coc;
        coc.combo_uid = combo.uid;
        for (const CategoryOption* option : options) {
          std::string sep_code = coc.code.empty() ? "" : "_";
          std::string sep_name = coc.name_vi.empty() ? "" : ", ";
          coc.code += sep_code + option->code;
          coc.name_vi += sep_name + option->name_vi;
          coc.name_en += sep_name + option->name_en;
          coc.option_uids.push_back(option->uid);
        }
        coc.uid = DeriveUid("categoryOptionCombo", combo.code + "/" + coc.code);
        coc_codes_.insert(coc.code);
        coc_uid_by_combo_[combo.uid][coc.code] = coc.uid;
        out_.metadata.category_option_combos.push_back(std::move(coc));
      }
      out_.metadata.category_combos.push_back(std::move(combo));
    }
  }
}

void FolderReader::ReadDataElements() {
  if (!Exists("data_elements.csv")) return;
  CsvTable t(Path("data_elements.csv"), Required({"value_type", "aggregation_type"}),
             Columns({"value_type", "aggregation_type", "category_combo", "unit_vi", "unit_en",
                      "description"}));
  while (t.Next()) {
    DataElement d;
    ReadNamed(t, "dataElement", &d);
    if (!ParseValueType(t.Get("value_type"), &d.value_type)) {
      Bad(t, "value_type", "kiểu giá trị '" + t.Get("value_type") + "' không hợp lệ",
          "invalid value type '" + t.Get("value_type") + "'");
    }
    if (!ParseAggregationType(t.Get("aggregation_type"), &d.aggregation_type)) {
      Bad(t, "aggregation_type", "kiểu tổng hợp '" + t.Get("aggregation_type") + "' không hợp lệ",
          "invalid aggregation type '" + t.Get("aggregation_type") + "'");
    }
    std::string combo = t.Get("category_combo");
    d.category_combo_uid = (combo.empty() || combo == "default")
                               ? DefaultCategoryComboUid()
                               : combos_.Uid(t, "category_combo", combo);
    d.unit_vi = ToNfc(t.Get("unit_vi"));
    d.unit_en = t.Get("unit_en");
    d.description = ToNfc(t.Get("description"));
    elements_.Add(t, d);
    value_type_by_element_uid_[d.uid] = d.value_type;
    combo_by_element_uid_[d.uid] = d.category_combo_uid;
    out_.metadata.data_elements.push_back(std::move(d));
  }
}

// data_element_groups.csv: the data elements only one user group may see and enter (HIV figures).
void FolderReader::ReadDataElementGroups() {
  if (!Exists("data_element_groups.csv")) return;
  CsvTable t(Path("data_element_groups.csv"), {"data_element", "user_group"},
             {"data_element", "user_group"});
  std::map<std::string, DataElement*> by_uid;
  for (DataElement& d : out_.metadata.data_elements) by_uid[d.uid] = &d;
  while (t.Next()) {
    const std::string& uid = elements_.Uid(t, "data_element", t.Get("data_element"));
    std::string group = t.Get("user_group");
    if (!IsValidCode(group)) {
      Bad(t, "user_group",
          "mã nhóm người dùng '" + group + "' không hợp lệ (chỉ chữ cái, chữ số, _ - .)",
          "invalid user group code '" + group + "' (letters, digits, _ - . only)",
          "config.invalid_code");
    }
    DataElement& d = *by_uid.at(uid);
    if (!d.user_group.empty()) {
      Bad(t, "data_element", "phần tử dữ liệu đã được giới hạn cho nhóm '" + d.user_group + "'",
          "the data element is already restricted to group '" + d.user_group + "'");
    }
    d.user_group = group;
  }
}

void FolderReader::ReadConstants() {
  if (!Exists("constants.csv")) return;
  CsvTable t(Path("constants.csv"), Required({"value"}), Columns({"value", "description"}));
  while (t.Next()) {
    Constant c;
    ReadNamed(t, "constant", &c);
    if (t.Get("value").empty()) Bad(t, "value", "thiếu giá trị", "the value is missing");
    c.value = ReadNumber(t, "value", 0);
    constants_.Add(t, c);
    out_.metadata.constants.push_back(std::move(c));
  }
}

// Checks that every object an expression names exists; the expression engine parses it fully.
void FolderReader::CheckExpression(const CsvTable& t, std::string_view column) const {
  std::string text = t.Get(column);
  if (text.empty()) Bad(t, column, "thiếu biểu thức", "the expression is missing");
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) break;
  }
  if (depth != 0) Bad(t, column, "ngoặc đơn không cân", "unbalanced parentheses");
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    size_t close = text.find('}', pos);
    if (close == std::string::npos) Bad(t, column, "thiếu dấu }", "missing }");
    size_t start = pos;
    if (start > 0 && text[start - 1] == '#') {
      --start;
    } else {
      while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    }
    std::string prefix = text.substr(start, pos - start);
    std::string inside = text.substr(pos + 1, close - pos - 1);
    if (prefix == "#") {
      std::vector<std::string> parts;
      size_t s = 0;
      while (true) {
        size_t dot = inside.find('.', s);
        parts.push_back(inside.substr(s, dot == std::string::npos ? std::string::npos : dot - s));
        if (dot == std::string::npos) break;
        s = dot + 1;
      }
      if (!elements_.Has(parts[0])) {
        Bad(t, column, "biểu thức nêu phần tử dữ liệu '" + parts[0] + "' không tồn tại",
            "the expression names unknown data element '" + parts[0] + "'",
            "config.unknown_reference");
      }
      for (size_t i = 1; i < parts.size(); ++i) {
        if (parts[i] != "*" && !coc_codes_.count(parts[i])) {
          Bad(t, column, "biểu thức nêu tổ hợp phân tổ '" + parts[i] + "' không tồn tại",
              "the expression names unknown category option combo '" + parts[i] + "'",
              "config.unknown_reference");
        }
      }
    } else if (prefix == "C") {
      if (!constants_.Has(inside)) {
        Bad(t, column, "biểu thức nêu hằng số '" + inside + "' không tồn tại",
            "the expression names unknown constant '" + inside + "'", "config.unknown_reference");
      }
    } else if (prefix == "OUG") {
      if (!groups_.Has(inside)) {
        Bad(t, column, "biểu thức nêu nhóm đơn vị '" + inside + "' không tồn tại",
            "the expression names unknown org unit group '" + inside + "'",
            "config.unknown_reference");
      }
    } else if (prefix != "N" && prefix != "D" && prefix != "I" && prefix != "R") {
      Bad(t, column, "ký hiệu '" + prefix + "{' không được hỗ trợ",
          "unsupported item '" + prefix + "{'");
    }
    pos = close + 1;
  }
}

void FolderReader::ReadIndicators() {
  if (!Exists("indicators.csv")) return;
  CsvTable t(Path("indicators.csv"), Required({"numerator", "denominator", "factor"}),
             Columns({"numerator", "denominator", "factor", "unit_vi", "unit_en", "decimals",
                      "direction", "description"}));
  std::vector<std::pair<int, std::string>> nested;  // N{...} references, checked at the end
  while (t.Next()) {
    Indicator i;
    ReadNamed(t, "indicator", &i);
    CheckExpression(t, "numerator");
    CheckExpression(t, "denominator");
    i.numerator = t.Get("numerator");
    i.denominator = t.Get("denominator");
    i.factor = ReadNumber(t, "factor", 1);
    static const std::set<double> kFactors = {1, 100, 1000, 10000, 100000};
    if (!kFactors.count(i.factor)) {
      Bad(t, "factor", "hệ số phải là 1, 100, 1000, 10000 hoặc 100000",
          "the factor must be 1, 100, 1000, 10000 or 100000");
    }
    i.unit_vi = ToNfc(t.Get("unit_vi"));
    i.unit_en = t.Get("unit_en");
    i.decimals = ReadInt(t, "decimals", 1);
    if (i.decimals < 0 || i.decimals > 6) {
      Bad(t, "decimals", "số chữ số thập phân phải từ 0 đến 6", "decimals must be 0 to 6");
    }
    std::string direction = t.Get("direction");
    if (!ParseDirection(direction.empty() ? "none" : direction, &i.direction)) {
      Bad(t, "direction", "hướng '" + direction + "' phải là higher, lower hoặc none",
          "direction '" + direction + "' must be higher, lower or none");
    }
    i.description = ToNfc(t.Get("description"));
    for (const std::string& expression : {i.numerator, i.denominator}) {
      size_t pos = 0;
      while ((pos = expression.find("N{", pos)) != std::string::npos) {
        size_t close = expression.find('}', pos);
        nested.emplace_back(t.line(), expression.substr(pos + 2, close - pos - 2));
        pos = close;
      }
    }
    indicators_.Add(t, i);
    out_.metadata.indicators.push_back(std::move(i));
  }
  for (const auto& [line, code] : nested) {
    if (!indicators_.Has(code)) {
      throw UserError("config.unknown_reference",
                      "biểu thức nêu chỉ số '" + code + "' không tồn tại",
                      "the expression names unknown indicator '" + code + "'",
                      t.path() + ":" + std::to_string(line));
    }
  }
}

std::vector<std::string> FolderReader::ResolveSelectors(const CsvTable& t,
                                                        std::string_view column) const {
  std::vector<std::string> uids;
  std::set<std::string> seen;
  auto add = [&](const OrgUnit& u) {
    if (seen.insert(u.uid).second) uids.push_back(u.uid);
  };
  for (const std::string& selector : SplitList(t.Get(column))) {
    size_t colon = selector.find(':');
    std::string kind = colon == std::string::npos ? "" : selector.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : selector.substr(colon + 1);
    if (kind == "unit") {
      add(UnitAt(t, column, value, std::nullopt));
    } else if (kind == "type" || kind == "level") {
      bool any = false;
      for (const OrgUnit& u : hierarchy_->units()) {
        bool match = kind == "type" ? u.facility_type == value : OrgLevelName(u.level) == value;
        if (match) {
          add(u);
          any = true;
        }
      }
      if (!any) {
        Bad(t, column, "bộ chọn '" + selector + "' không khớp đơn vị nào",
            "selector '" + selector + "' matches no unit");
      }
    } else {
      Bad(t, column, "bộ chọn '" + selector + "' phải có dạng unit:, type: hoặc level:",
          "selector '" + selector + "' must be unit:, type: or level:");
    }
  }
  return uids;
}

void FolderReader::ReadOrgUnitGroups() {
  if (!Exists("org_unit_groups.csv")) return;
  CsvTable t(Path("org_unit_groups.csv"), Required({"members"}),
             Columns({"members", "description"}));
  while (t.Next()) {
    OrgUnitGroup g;
    ReadNamed(t, "organisationUnitGroup", &g);
    g.member_uids = ResolveSelectors(t, "members");
    groups_.Add(t, g);
    out_.metadata.org_unit_groups.push_back(std::move(g));
  }
}

void FolderReader::ReadDataSets() {
  if (!Exists("data_sets.csv")) return;
  std::map<std::string, DataSet*> by_code;
  {
    CsvTable t(Path("data_sets.csv"), Required({"period_type"}),
               Columns({"period_type", "expiry_days", "assigned_to", "description"}));
    static const std::set<std::string> kPeriodTypes = {"Daily",     "Weekly",     "Monthly",
                                                       "Quarterly", "SixMonthly", "Yearly"};
    while (t.Next()) {
      DataSet d;
      ReadNamed(t, "dataSet", &d);
      d.period_type = t.Get("period_type");
      if (!kPeriodTypes.count(d.period_type)) {
        Bad(t, "period_type", "loại kỳ '" + d.period_type + "' không hợp lệ",
            "invalid period type '" + d.period_type + "'");
      }
      d.expiry_days = ReadInt(t, "expiry_days", 0);
      if (d.expiry_days < 0) Bad(t, "expiry_days", "không được âm", "must not be negative");
      d.assigned_to = t.Get("assigned_to");
      d.org_unit_uids = ResolveSelectors(t, "assigned_to");
      data_sets_.Add(t, d);
      out_.metadata.data_sets.push_back(std::move(d));
    }
  }
  for (DataSet& d : out_.metadata.data_sets) by_code[d.code] = &d;
  if (!Exists("data_set_elements.csv")) return;
  CsvTable t(Path("data_set_elements.csv"), {"data_set", "data_element"},
             {"data_set", "data_element"});
  std::set<std::pair<std::string, std::string>> seen;
  while (t.Next()) {
    data_sets_.Uid(t, "data_set", t.Get("data_set"));
    const std::string& element = elements_.Uid(t, "data_element", t.Get("data_element"));
    if (!seen.emplace(t.Get("data_set"), element).second) {
      Bad(t, "data_element", "phần tử dữ liệu bị lặp trong bộ dữ liệu",
          "the data element is listed twice in the data set");
    }
    by_code[t.Get("data_set")]->data_element_uids.push_back(element);
  }
}

void FolderReader::ReadDiseases() {
  if (!Exists("diseases.csv")) return;
  CsvTable t(Path("diseases.csv"), Required({"icd10", "data_element"}),
             Columns({"icd10", "data_element", "priority", "report_order"}));
  while (t.Next()) {
    Disease d;
    ReadNamed(t, "disease", &d);
    d.icd10 = t.Get("icd10");
    if (d.icd10.empty()) Bad(t, "icd10", "thiếu mã ICD-10", "the ICD-10 code is missing");
    d.data_element_uid = elements_.Uid(t, "data_element", t.Get("data_element"));
    d.priority = ReadBool(t, "priority");
    d.report_order = ReadInt(t, "report_order", 0);
    diseases_.Add(t, d);
    out_.metadata.diseases.push_back(std::move(d));
  }
}

void FolderReader::ReadDetectionRules() {
  if (!Exists("detection_rules.csv")) return;
  CsvTable t(Path("detection_rules.csv"), {"disease", "level", "method", "parameters"},
             {"disease", "level", "method", "parameters"});
  std::set<std::pair<std::string, std::string>> seen;
  while (t.Next()) {
    DetectionRule rule;
    const std::string& disease = t.Get("disease");
    if (disease == "priority") {
      rule.priority_only = true;
    } else if (disease != "*") {
      rule.disease_uid = diseases_.Uid(t, "disease", disease);
    }
    rule.level = t.Get("level");
    if (rule.level != "commune" && rule.level != "district" && rule.level != "province") {
      Bad(t, "level", "cấp '" + rule.level + "' phải là commune, district hoặc province",
          "level '" + rule.level + "' must be commune, district or province");
    }
    if (!seen.emplace(disease, rule.level).second) {
      Bad(t, "level", "bệnh '" + disease + "' đã có quy tắc cho cấp này",
          "disease '" + disease + "' already has a rule for this level", "config.duplicate_code");
    }
    rule.method = t.Get("method");
    rule.parameters = t.Get("parameters");
    try {
      surveillance::ParseDetectParameters(rule.method, rule.parameters);
    } catch (const UserError& e) {
      Bad(t, e.where() == "--method" ? "method" : "parameters", e.message_vi(), e.message_en(),
          "config.invalid_detection_rule");
    }
    rule.uid = DeriveUid("detectionRule", disease + "/" + rule.level);
    out_.metadata.detection_rules.push_back(std::move(rule));
  }
}

// validation_rules.csv: DHIS2 validation rules (config/README.md).
void FolderReader::ReadValidationRules() {
  if (!Exists("validation_rules.csv")) return;
  CsvTable t(
      Path("validation_rules.csv"),
      Required({"period_type", "left_side", "operator", "right_side"}),
      Columns({"period_type", "left_side", "left_missing_value_strategy", "operator", "right_side",
               "right_missing_value_strategy", "importance", "instruction_vi", "instruction_en"}));
  static const std::set<std::string> kPeriodTypes = {"Daily",     "Weekly",     "Monthly",
                                                     "Quarterly", "SixMonthly", "Yearly"};
  CodeIndex<ValidationRule> rules{"quy tắc kiểm tra", "validation rule"};
  auto side = [&](std::string_view column, std::string_view strategy_column,
                  ValidationRuleSide* out) {
    CheckExpression(t, column);
    out->expression = t.Get(column);
    try {
      Expression parsed = Expression::Parse(out->expression);
      for (const ExpressionItem& item : parsed.Items()) {
        if (item.kind == ItemKind::kIndicator && !indicators_.Has(item.id)) {
          Bad(t, column, "biểu thức nêu chỉ số '" + item.id + "' không tồn tại",
              "the expression names unknown indicator '" + item.id + "'",
              "config.unknown_reference");
        }
        if (item.kind == ItemKind::kReportingRate && !data_sets_.Has(item.id)) {
          Bad(t, column, "biểu thức nêu bộ dữ liệu '" + item.id + "' không tồn tại",
              "the expression names unknown data set '" + item.id + "'",
              "config.unknown_reference");
        }
      }
    } catch (const UserError& e) {
      if (e.code().rfind("expression.", 0) != 0) throw;
      Bad(t, column, e.message_vi(), e.message_en(), "config.invalid_expression");
    }
    std::string strategy = t.Get(strategy_column);
    if (!strategy.empty()) {
      MissingValueStrategy parsed;
      if (!ParseMissingValueStrategy(strategy, &parsed)) {
        Bad(t, strategy_column,
            "chiến lược thiếu giá trị '" + strategy +
                "' phải là SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING hoặc NEVER_SKIP",
            "missing value strategy '" + strategy +
                "' must be SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING or NEVER_SKIP");
      }
      out->missing_value_strategy = strategy;
    }
  };
  while (t.Next()) {
    ValidationRule rule;
    ReadNamed(t, "validationRule", &rule);
    rule.period_type = t.Get("period_type");
    if (!kPeriodTypes.count(rule.period_type)) {
      Bad(t, "period_type", "loại kỳ '" + rule.period_type + "' không hợp lệ",
          "invalid period type '" + rule.period_type + "'");
    }
    side("left_side", "left_missing_value_strategy", &rule.left);
    std::string op = t.Get("operator");
    if (!ParseValidationOperator(op, &rule.op)) {
      Bad(t, "operator",
          "toán tử '" + op +
              "' không hợp lệ (equal_to, not_equal_to, greater_than, greater_than_or_equal_to, "
              "less_than, less_than_or_equal_to, compulsory_pair, exclusive_pair)",
          "unknown operator '" + op +
              "' (equal_to, not_equal_to, greater_than, greater_than_or_equal_to, less_than, "
              "less_than_or_equal_to, compulsory_pair, exclusive_pair)",
          "config.invalid_operator");
    }
    side("right_side", "right_missing_value_strategy", &rule.right);
    std::string importance = t.Get("importance");
    if (!ParseValidationImportance(importance.empty() ? "MEDIUM" : importance, &rule.importance)) {
      Bad(t, "importance", "mức quan trọng '" + importance + "' phải là HIGH, MEDIUM hoặc LOW",
          "importance '" + importance + "' must be HIGH, MEDIUM or LOW");
    }
    rule.instruction_vi = ToNfc(t.Get("instruction_vi"));
    rule.instruction_en = t.Get("instruction_en");
    rules.Add(t, rule);
    out_.metadata.validation_rules.push_back(std::move(rule));
  }
}

void FolderReader::ReadDataValues() {
  if (!Exists("data_values.csv")) return;
  out_.values = ReadDataValuesFile(Path("data_values.csv"), out_.metadata, *hierarchy_);
}

}  // namespace

ConfigFolder LoadConfigFolder(const std::string& directory) {
  return FolderReader(directory).Read();
}

}  // namespace solieu
