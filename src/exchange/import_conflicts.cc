#include "exchange/import_conflicts.h"

#include <cctype>
#include <utility>

namespace solieu {
namespace conflicts {
namespace {

std::string Quoted(std::string_view text) {
  std::string out(1, '\'');
  out.append(text.substr(0, 200));
  out.push_back('\'');
  return out;
}

ImportConflict Make(std::string_view code, std::string_view object,
                    std::vector<std::pair<std::string, std::string>> objects,
                    std::string_view property, std::string vi, std::string en) {
  ImportConflict c;
  c.error_code = code;
  c.object = object;
  c.objects = std::move(objects);
  c.property = property;
  c.message_vi = std::move(vi);
  c.message_en = std::move(en);
  return c;
}

struct KindNames {
  std::string_view object;    // DHIS2's singular schema name, the key in "objects"
  std::string_view property;  // the dataValue field
  std::string_view vi;
  std::string_view en;
};

KindNames NamesOf(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kDataSet:
      return {"dataSet", "dataSet", "bộ dữ liệu", "data set"};
    case ObjectKind::kDataElement:
      return {"dataElement", "dataElement", "phần tử dữ liệu", "data element"};
    case ObjectKind::kOrgUnit:
      return {"organisationUnit", "orgUnit", "đơn vị", "organisation unit"};
    case ObjectKind::kOptionCombo:
      return {"categoryOptionCombo", "categoryOptionCombo", "tổ hợp phân tổ",
              "category option combo"};
    case ObjectKind::kAttributeOptionCombo:
      return {"attributeOptionCombo", "attributeOptionCombo", "tổ hợp thuộc tính",
              "attribute option combo"};
  }
  return {"object", "object", "đối tượng", "object"};
}

std::string_view CodeOf(ObjectKind kind, bool in_header) {
  switch (kind) {
    case ObjectKind::kDataSet:
      return "E7600";
    case ObjectKind::kDataElement:
      return "E7610";
    case ObjectKind::kOrgUnit:
      return in_header ? "E7603" : "E7612";
    case ObjectKind::kOptionCombo:
      return "E7613";
    case ObjectKind::kAttributeOptionCombo:
      return in_header ? "E7604" : "E7615";
  }
  return "E7610";
}

std::string SchemeVi(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::kUid:
      return "theo uid";
    case IdScheme::kCode:
      return "theo mã";
    case IdScheme::kName:
      return "theo tên";
  }
  return "";
}

}  // namespace

ImportConflict UnknownObject(ObjectKind kind, std::string_view id, IdScheme scheme, bool ambiguous,
                             bool in_header) {
  KindNames names = NamesOf(kind);
  std::string where_vi = in_header ? " ở đầu tệp" : "";
  std::string where_en = in_header ? " in the header" : "";
  std::string vi, en;
  if (id.empty()) {
    vi = "thiếu " + std::string(names.vi) + where_vi;
    en = "the " + std::string(names.en) + " is missing" + where_en;
  } else if (ambiguous) {
    vi = Quoted(id) + " (" + SchemeVi(scheme) + ")" + where_vi + " chỉ tới nhiều hơn một " +
         std::string(names.vi);
    en = Quoted(id) + " (by " + std::string(IdSchemeName(scheme)) + ")" + where_en +
         " matches more than one " + std::string(names.en);
  } else {
    vi = "không tìm thấy " + std::string(names.vi) + " " + Quoted(id) + " (" + SchemeVi(scheme) +
         ")" + where_vi;
    en = std::string(names.en) + " " + Quoted(id) + " not found (by " +
         std::string(IdSchemeName(scheme)) + ")" + where_en;
    en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(en[0])));
  }
  return Make(CodeOf(kind, in_header), id, {{std::string(names.object), std::string(id)}},
              names.property, vi, en);
}

ImportConflict InvalidPeriod(std::string_view period) {
  if (period.empty()) {
    return Make("E7611", period, {{"period", ""}}, "period", "thiếu kỳ báo cáo",
                "the period is missing");
  }
  return Make("E7611", period, {{"period", std::string(period)}}, "period",
              "kỳ " + Quoted(period) +
                  " không hợp lệ (dạng DHIS2: 2021, 2021Q1, 2021S1, 202101, 2021W5, 20210315; "
                  "dạng ADX: 2021-01-01/P1M)",
              "period " + Quoted(period) +
                  " is not valid (DHIS2 forms: 2021, 2021Q1, 2021S1, 202101, 2021W5, 20210315; "
                  "ADX form: 2021-01-01/P1M)");
}

ImportConflict MissingValue(std::string_view data_element) {
  return Make("E7618", data_element, {{"dataElement", std::string(data_element)}}, "value",
              "thiếu giá trị cho phần tử dữ liệu " + Quoted(data_element),
              "no value given for data element " + Quoted(data_element));
}

ImportConflict InvalidValue(std::string_view value, std::string_view data_element,
                            std::string_view value_type, const std::string& problem_vi,
                            const std::string& problem_en) {
  return Make("E7619", value,
              {{"dataElement", std::string(data_element)}, {"value", std::string(value)}}, "value",
              problem_vi + " (phần tử dữ liệu " + Quoted(data_element) + ", kiểu " +
                  std::string(value_type) + ")",
              problem_en + " (data element " + Quoted(data_element) + ", type " +
                  std::string(value_type) + ")");
}

ImportConflict CommentTooLong(std::string_view data_element, size_t length) {
  return Make("E7620", data_element, {{"dataElement", std::string(data_element)}}, "comment",
              "ghi chú dài " + std::to_string(length) + " ký tự; tối đa 50000",
              "the comment is " + std::to_string(length) + " characters long; at most 50000");
}

ImportConflict PeriodTypeMismatch(std::string_view period, std::string_view period_type,
                                  std::string_view data_set,
                                  std::string_view data_set_period_type) {
  return Make("E7632", period,
              {{"period", std::string(period)}, {"dataSet", std::string(data_set)}}, "period",
              "kỳ " + Quoted(period) + " (" + std::string(period_type) +
                  ") không đúng loại kỳ của bộ dữ liệu " + Quoted(data_set) + " (" +
                  std::string(data_set_period_type) + ")",
              "period " + Quoted(period) + " (" + std::string(period_type) +
                  ") does not match the period type of data set " + Quoted(data_set) + " (" +
                  std::string(data_set_period_type) + ")");
}

ImportConflict NotInDataSet(std::string_view data_element, std::string_view data_set) {
  return Make(
      "E7633", data_element,
      {{"dataElement", std::string(data_element)}, {"dataSet", std::string(data_set)}},
      "dataElement",
      "phần tử dữ liệu " + Quoted(data_element) + " không thuộc bộ dữ liệu " + Quoted(data_set),
      "data element " + Quoted(data_element) + " is not part of data set " + Quoted(data_set));
}

ImportConflict OptionComboNotInCombo(std::string_view option_combo, std::string_view data_element) {
  return Make("E7634", option_combo,
              {{"categoryOptionCombo", std::string(option_combo)},
               {"dataElement", std::string(data_element)}},
              "categoryOptionCombo",
              "tổ hợp phân tổ " + Quoted(option_combo) +
                  " không thuộc cách phân tổ của phần tử dữ liệu " + Quoted(data_element),
              "category option combo " + Quoted(option_combo) +
                  " is not part of the category combo of data element " + Quoted(data_element));
}

ImportConflict OrgUnitNotAssigned(std::string_view org_unit, std::string_view data_set) {
  return Make(
      "E7636", org_unit,
      {{"organisationUnit", std::string(org_unit)}, {"dataSet", std::string(data_set)}}, "orgUnit",
      "đơn vị " + Quoted(org_unit) + " không được giao báo cáo bộ dữ liệu " + Quoted(data_set),
      "organisation unit " + Quoted(org_unit) + " is not assigned to data set " + Quoted(data_set));
}

ImportConflict OrgUnitClosed(std::string_view org_unit, std::string_view period,
                             std::string_view open_from, std::string_view open_to) {
  std::string range = std::string(open_from.empty() ? "…" : open_from) + " – " +
                      std::string(open_to.empty() ? "…" : open_to);
  return Make("E2019", org_unit,
              {{"organisationUnit", std::string(org_unit)}, {"period", std::string(period)}},
              "orgUnit",
              "đơn vị " + Quoted(org_unit) + " không hoạt động trong kỳ " + Quoted(period) +
                  " (hoạt động " + range + ")",
              "organisation unit " + Quoted(org_unit) + " is closed for period " + Quoted(period) +
                  " (open " + range + ")");
}

ImportConflict OutsideUserHierarchy(std::string_view org_unit, std::string_view user) {
  return Make(
      "E7617", org_unit, {{"organisationUnit", std::string(org_unit)}}, "orgUnit",
      "đơn vị " + Quoted(org_unit) + " nằm ngoài phạm vi được giao cho người dùng " + Quoted(user),
      "organisation unit " + Quoted(org_unit) + " is not in the hierarchy of user " + Quoted(user));
}

ImportConflict RestrictedDataElement(std::string_view data_element, std::string_view group,
                                     std::string_view user) {
  return Make("SL7609", data_element, {{"dataElement", std::string(data_element)}}, "dataElement",
              "phần tử dữ liệu " + Quoted(data_element) + " chỉ dành cho nhóm " + Quoted(group) +
                  "; người dùng " + Quoted(user) + " không thuộc nhóm này",
              "data element " + Quoted(data_element) + " is restricted to user group " +
                  Quoted(group) + ", which user " + Quoted(user) + " is not in");
}

ImportConflict Locked(std::string_view period, std::string_view org_unit, const std::string& why_vi,
                      const std::string& why_en) {
  return Make("E7642", period,
              {{"period", std::string(period)}, {"organisationUnit", std::string(org_unit)}},
              "period",
              "kỳ " + Quoted(period) + " của đơn vị " + Quoted(org_unit) + " đã khóa: " + why_vi,
              "period " + Quoted(period) + " of organisation unit " + Quoted(org_unit) +
                  " is locked: " + why_en);
}

ImportConflict DuplicateRow(std::string_view data_element, std::string_view period,
                            std::string_view org_unit) {
  return Make("SL7601", data_element,
              {{"dataElement", std::string(data_element)},
               {"period", std::string(period)},
               {"organisationUnit", std::string(org_unit)}},
              "dataValue",
              "cùng một giá trị (phần tử " + Quoted(data_element) + ", kỳ " + Quoted(period) +
                  ", đơn vị " + Quoted(org_unit) +
                  ", cùng tổ hợp) xuất hiện nhiều lần trong tệp; không biết dòng nào đúng",
              "the same value (data element " + Quoted(data_element) + ", period " +
                  Quoted(period) + ", org unit " + Quoted(org_unit) +
                  ", same option combos) appears more than once in the file; which row is right "
                  "cannot be told");
}

ImportConflict AdxUnknownCategory(std::string_view category, IdScheme scheme,
                                  std::string_view owner, bool attribute) {
  std::string owner_vi =
      attribute ? "cách phân tổ thuộc tính nào" : "cách phân tổ của phần tử " + Quoted(owner);
  std::string owner_en = attribute ? "any attribute category combo"
                                   : "the category combo of data element " + Quoted(owner);
  return Make("SL7605", category, {{"category", std::string(category)}},
              attribute ? "attributeOptionCombo" : "categoryOptionCombo",
              "thuộc tính " + Quoted(category) + " không phải mục phân tổ (" + SchemeVi(scheme) +
                  ") của " + owner_vi,
              "attribute " + Quoted(category) + " is not a category (by " +
                  std::string(IdSchemeName(scheme)) + ") of " + owner_en);
}

ImportConflict AdxUnknownCategoryOption(std::string_view option, std::string_view category,
                                        IdScheme scheme, bool attribute) {
  return Make("SL7606", option,
              {{"categoryOption", std::string(option)}, {"category", std::string(category)}},
              attribute ? "attributeOptionCombo" : "categoryOptionCombo",
              "mục phân tổ " + Quoted(category) + " không có lựa chọn " + Quoted(option) + " (" +
                  SchemeVi(scheme) + ")",
              "category " + Quoted(category) + " has no option " + Quoted(option) + " (by " +
                  std::string(IdSchemeName(scheme)) + ")");
}

ImportConflict AdxNoSingleOptionCombo(std::string_view options, bool attribute,
                                      const std::string& why_vi, const std::string& why_en) {
  return Make("SL7607", options, {{"categoryOptions", std::string(options)}},
              attribute ? "attributeOptionCombo" : "categoryOptionCombo",
              std::string(attribute ? "các lựa chọn thuộc tính " : "các lựa chọn phân tổ ") +
                  Quoted(options) + " không xác định đúng một tổ hợp: " + why_vi,
              std::string(attribute ? "the attribute options " : "the category options ") +
                  Quoted(options) + " do not name exactly one option combo: " + why_en);
}

ImportConflict AdxMissingAnnotation(std::string_view data_element) {
  return Make("SL7608", data_element, {{"dataElement", std::string(data_element)}}, "value",
              "phần tử dữ liệu " + Quoted(data_element) +
                  " không phải dạng số: giá trị phải nằm trong <annotation> (ADX)",
              "data element " + Quoted(data_element) +
                  " is not numeric: its value must be in an <annotation> (ADX)");
}

ImportConflict Unreadable(const std::string& message_vi, const std::string& message_en,
                          const std::string& where) {
  return Make("SL7600", where, {{"file", where}}, "file", "không đọc được tệp: " + message_vi,
              "the file cannot be read: " + message_en);
}

ImportConflict UnsupportedIdScheme(std::string_view parameter, std::string_view value) {
  return Make(
      "SL7602", value, {{std::string(parameter), std::string(value)}}, parameter,
      std::string(parameter) + " = " + Quoted(value) + " không được hỗ trợ (chỉ UID, CODE, NAME)",
      std::string(parameter) + " = " + Quoted(value) + " is not supported (only UID, CODE, NAME)");
}

ImportConflict StoreRefused(const std::string& message_vi, const std::string& message_en) {
  return Make("SL7603", "", {}, "", "kho dữ liệu từ chối ghi: " + message_vi,
              "the store refused the writes: " + message_en);
}

}  // namespace conflicts

void ConflictCollector::Add(ImportConflict conflict, long long row, long long line) {
  std::string key = conflict.error_code + '\x1f' + conflict.object + '\x1f' + conflict.property +
                    '\x1f' + conflict.message_en;
  auto found = index_.find(key);
  if (found == index_.end() && conflicts_.size() >= kMaxConflicts) {
    conflict = ImportConflict{};
    conflict.error_code = "SL7604";
    conflict.property = "dataValue";
    conflict.message_vi = "còn các xung đột khác (quá " + std::to_string(kMaxConflicts) +
                          " loại); các dòng được liệt kê ở đây";
    conflict.message_en = "further conflicts (over " + std::to_string(kMaxConflicts) +
                          " kinds); their rows are listed here";
    key = "SL7604";
    found = index_.find(key);
  }
  if (found == index_.end()) {
    found = index_.emplace(std::move(key), conflicts_.size()).first;
    conflicts_.push_back(std::move(conflict));
  }
  if (row > 0) {
    ImportConflict& target = conflicts_[found->second];
    target.rows.push_back(row);
    target.lines.push_back(line);
  }
}

std::vector<ImportConflict> ConflictCollector::Take() {
  index_.clear();
  return std::move(conflicts_);
}

}  // namespace solieu
