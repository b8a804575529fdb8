#include "config/data_values_file.h"

#include <map>
#include <set>

#include "core/csv_reader.h"
#include "core/error.h"
#include "core/period.h"
#include "core/text.h"
#include "core/value_check.h"

namespace solieu {
namespace {

[[noreturn]] void Bad(const CsvTable& t, std::string_view column, const std::string& vi,
                      const std::string& en, const char* code) {
  throw UserError(code, vi, en, t.Where(column));
}

}  // namespace

std::vector<DataValueWrite> ReadDataValuesFile(const std::string& path,
                                               const MetadataSnapshot& metadata,
                                               const OrgHierarchy& hierarchy) {
  std::map<std::string, const DataElement*> elements;
  for (const auto& d : metadata.data_elements) elements[d.code] = &d;
  std::map<std::pair<std::string, std::string>, std::string> coc_uid;  // (combo uid, code)
  for (const auto& c : metadata.category_option_combos) coc_uid[{c.combo_uid, c.code}] = c.uid;

  CsvTable t(path, {"data_element", "org_unit", "period", "value"},
             {"data_element", "category_option_combo", "org_unit", "period", "value", "comment"});
  std::vector<DataValueWrite> out;
  std::set<std::string> seen;
  while (t.Next()) {
    auto element = elements.find(t.Get("data_element"));
    if (element == elements.end()) {
      Bad(t, "data_element", "không có phần tử dữ liệu mã '" + t.Get("data_element") + "'",
          "no data element with code '" + t.Get("data_element") + "'", "config.unknown_reference");
    }
    auto period = Period::Parse(t.Get("period"));
    if (!period) {
      Bad(t, "period", "kỳ '" + t.Get("period") + "' không hợp lệ",
          "invalid period '" + t.Get("period") + "'", "config.invalid_period");
    }
    const OrgUnit* unit = hierarchy.FindByCode(t.Get("org_unit"), period->start());
    if (unit == nullptr) {
      Bad(t, "org_unit",
          "không có đơn vị mã '" + t.Get("org_unit") + "' vào ngày " + period->start().ToString(),
          "no org unit with code '" + t.Get("org_unit") + "' on " + period->start().ToString(),
          "config.unknown_org_unit");
    }
    std::string coc = t.Get("category_option_combo");
    if (coc.empty()) coc = "default";
    auto found = coc_uid.find({element->second->category_combo_uid, coc});
    if (found == coc_uid.end()) {
      Bad(t, "category_option_combo",
          "tổ hợp '" + coc + "' không thuộc tổ hợp phân tổ của phần tử dữ liệu",
          "option combo '" + coc + "' is not in the data element's category combo",
          "config.unknown_reference");
    }
    ValueProblem problem;
    auto value = CheckValue(element->second->value_type, t.Get("value"), &problem);
    if (!value) Bad(t, "value", problem.vi, problem.en, "config.invalid_value");
    DataValueWrite w;
    w.key = {element->second->uid, period->Id(), unit->uid, found->second,
             DefaultCategoryOptionComboUid()};
    w.period_start = period->start();
    w.period_end = period->end();
    w.value = *value;
    w.comment = ToNfc(t.Get("comment"));
    std::string key = w.key.data_element_uid + "|" + w.key.period + "|" + w.key.org_unit_uid + "|" +
                      w.key.category_option_combo_uid;
    if (!seen.insert(key).second) {
      Bad(t, "value", "giá trị bị lặp cho cùng phần tử, kỳ, đơn vị",
          "duplicate value for the same element, period and unit", "config.duplicate_value");
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace solieu
