#include "exchange/dhis2_metadata_reader.h"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/date.h"
#include "core/error.h"
#include "core/text.h"

namespace solieu {
namespace {

namespace json = boost::json;

// DHIS2's own uids for the default category objects (the combo and option combo are in
// core/metadata).
constexpr std::string_view kDefaultCategoryOptionUid = "xYerKDKCefk";
constexpr std::string_view kDefaultCategoryUid = "GLevLNI9wkl";

const json::object kEmptyObject;
const json::array kEmptyArray;

std::string Text(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_int64()) return std::to_string(it->value().as_int64());
  if (it->value().is_uint64()) return std::to_string(it->value().as_uint64());
  if (it->value().is_bool()) return it->value().as_bool() ? "true" : "false";
  return "";
}

std::optional<double> Number(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  const json::value& v = it->value();
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  if (v.is_string()) {
    try {
      return std::stod(std::string(v.as_string()));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

const json::object& Object(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_object() ? it->value().as_object() : kEmptyObject;
}

const json::array& Array(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_array() ? it->value().as_array() : kEmptyArray;
}

// The id of a reference: {"id": "..."}.
std::string RefId(const json::object& o, std::string_view key) {
  return Text(Object(o, key), "id");
}

std::vector<std::string> RefIds(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  for (const json::value& v : Array(o, key)) {
    if (v.is_object()) {
      std::string id = Text(v.as_object(), "id");
      if (!id.empty()) out.push_back(id);
    }
  }
  return out;
}

std::optional<Date> DatePart(const std::string& text) {
  if (text.size() < 10) return std::nullopt;
  return Date::Parse(std::string_view(text).substr(0, 10));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDefaultUid(std::string_view uid) {
  return uid == kDefaultCategoryOptionUid || uid == kDefaultCategoryUid ||
         uid == DefaultCategoryComboUid() || uid == DefaultCategoryOptionComboUid();
}

// The facility type closest to a DHIS2 facility's name (see the header).
std::string GuessFacilityType(const std::string& name) {
  std::string n = " " + Lower(name) + " ";
  auto has = [&](std::string_view word) { return n.find(word) != std::string::npos; };
  if (has("hospital") || has("bệnh viện") || has(" bv ") || has(" bvđk")) return "hospital";
  if (has("trung tâm y tế") || has("ttyt") || has("district health")) return "ttyt";
  if (has("phòng khám đa khoa khu vực") || has("pkđkkv") || has("pkdkkv")) return "pkdkkv";
  if (has(" cdc ") || has("kiểm soát bệnh tật")) return "cdc";
  if (has("pharmacy") || has("nhà thuốc") || has("quầy thuốc")) return "pharmacy";
  if (has("school") || has("trường")) return "school";
  if (has("private clinic") || has("phòng khám tư")) return "private_clinic";
  return "tyt";
}

struct TypeMapping {
  ValueType type;
  bool exact;
};

std::optional<TypeMapping> MapValueType(const std::string& name) {
  ValueType type;
  if (ParseValueType(name, &type)) return TypeMapping{type, true};
  static const std::array<std::pair<std::string_view, ValueType>, 13> kClosest{{
      {"INTEGER_POSITIVE", ValueType::kIntegerZeroOrPositive},
      {"INTEGER_NEGATIVE", ValueType::kInteger},
      {"UNIT_INTERVAL", ValueType::kNumber},
      {"TRUE_ONLY", ValueType::kBoolean},
      {"LONG_TEXT", ValueType::kText},
      {"LETTER", ValueType::kText},
      {"PHONE_NUMBER", ValueType::kText},
      {"EMAIL", ValueType::kText},
      {"URL", ValueType::kText},
      {"USERNAME", ValueType::kText},
      {"DATE", ValueType::kText},
      {"DATETIME", ValueType::kText},
      {"TIME", ValueType::kText},
  }};
  for (const auto& [dhis2, closest] : kClosest) {
    if (dhis2 == name) return TypeMapping{closest, false};
  }
  if (name == "AGE") return TypeMapping{ValueType::kText, false};
  return std::nullopt;
}

// False when the aggregation type is only the closest one solieu has.
bool MapAggregation(const std::string& name, AggregationType* out) {
  if (name.empty()) {
    *out = AggregationType::kSum;
    return true;
  }
  if (ParseAggregationType(name, out)) return true;
  if (name.rfind("LAST", 0) == 0) {
    *out = AggregationType::kLast;
  } else if (name == "AVERAGE_SUM_INT" || name == "AVERAGE_SUM_INT_DISAGGREGATION") {
    *out = AggregationType::kAverageSumOrgUnit;
  } else if (name.rfind("AVERAGE", 0) == 0) {
    *out = AggregationType::kAverage;
  } else {
    *out = AggregationType::kNone;
  }
  return false;
}

constexpr std::array<std::string_view, 6> kPeriodTypes = {"Daily",     "Weekly",     "Monthly",
                                                          "Quarterly", "SixMonthly", "Yearly"};

// Notes about many objects at once: one line per kind, with a few examples.
class NoteBook {
 public:
  void Add(const std::string& kind, std::string vi, std::string en, const std::string& example) {
    auto [it, added] = entries_.emplace(kind, Entry{std::move(vi), std::move(en), 0, {}});
    if (added) order_.push_back(kind);
    ++it->second.count;
    if (it->second.examples.size() < 5 && !example.empty()) it->second.examples.push_back(example);
  }

  std::vector<BilingualNote> Take() const {
    std::vector<BilingualNote> out;
    for (const std::string& kind : order_) {
      const Entry& e = entries_.at(kind);
      std::string examples;
      for (const std::string& ex : e.examples) examples += (examples.empty() ? "" : ", ") + ex;
      if (e.count > static_cast<int>(e.examples.size())) examples += ", …";
      std::string suffix = " (" + std::to_string(e.count) + ": " + examples + ")";
      out.push_back({e.vi + suffix, e.en + suffix});
    }
    return out;
  }

 private:
  struct Entry {
    std::string vi;
    std::string en;
    int count;
    std::vector<std::string> examples;
  };
  std::map<std::string, Entry> entries_;
  std::vector<std::string> order_;
};

// Codes per kind of object: a code held by another uid is not taken twice.
class CodeRegistry {
 public:
  void Seed(const std::string& code, const std::string& uid) { holders_.emplace(code, uid); }
  // The code `uid` gets: `wanted`, or the uid when another object holds `wanted`.
  std::string Claim(const std::string& wanted, const std::string& uid, bool* clashed) {
    *clashed = false;
    auto [it, added] = holders_.emplace(wanted, uid);
    if (added || it->second == uid) return wanted;
    *clashed = true;
    holders_.emplace(uid, uid);
    return uid;
  }

 private:
  std::unordered_map<std::string, std::string> holders_;
};

class PackageReader {
 public:
  PackageReader(const json::object& root, const MetadataSnapshot& stored,
                const Dhis2MetadataOptions& options)
      : root_(root), stored_(stored), options_(options) {}

  Dhis2Package Read() {
    static const std::set<std::string, std::less<>> kHandled = {"organisationUnits",
                                                                "organisationUnitLevels",
                                                                "organisationUnitGroups",
                                                                "categoryOptions",
                                                                "categories",
                                                                "categoryCombos",
                                                                "categoryOptionCombos",
                                                                "dataElements",
                                                                "dataSets",
                                                                "indicatorTypes",
                                                                "indicators",
                                                                "constants",
                                                                "validationRules"};
    for (const auto& [key, value] : root_) {
      if (kHandled.contains(key)) {
        out_.read[std::string(key)] = static_cast<int>(Array(root_, key).size());
      } else if (key != "system" && key != "date") {
        out_.unsupported[std::string(key)] =
            value.is_array() ? static_cast<int>(value.as_array().size()) : 1;
      }
    }
    IndexStored();
    ReadCategoryOptions();
    ReadCategories();
    ReadCategoryCombos();
    ReadOptionCombos();
    AddDefaults();
    ReadDataElements();
    ReadOrgUnitLevels();
    ReadOrgUnits();
    ReadOrgUnitGroups();
    ReadDataSets();
    ReadIndicators();
    ReadConstants();
    ReadValidationRules();
    out_.notes = notes_.Take();
    return std::move(out_);
  }

 private:
  // --- shared helpers ---------------------------------------------------------------------------

  void Skip(const std::string& collection) { ++out_.skipped[collection]; }

  // Fills the named part of an object: uid, code (unique per kind), names with translations.
  bool FillNamed(const json::object& o, NamedObject* named, CodeRegistry* codes,
                 const std::string& collection) {
    named->uid = Text(o, "id");
    if (named->uid.empty()) {
      notes_.Add(collection + ".no_id", collection + ": đối tượng không có id, bỏ qua",
                 collection + ": object without an id, skipped", Text(o, "name"));
      Skip(collection);
      return false;
    }
    std::string name = Text(o, "name");
    if (name.empty()) name = Text(o, "shortName");
    if (name.empty()) name = Text(o, "code");
    if (name.empty()) name = named->uid;
    named->name_vi = ToNfc(name);
    named->name_en = named->name_vi;
    for (const json::value& t : Array(o, "translations")) {
      if (!t.is_object()) continue;
      const json::object& tr = t.as_object();
      if (Text(tr, "property") != "NAME") continue;
      std::string locale = Lower(Text(tr, "locale"));
      std::string value = ToNfc(Text(tr, "value"));
      if (value.empty()) continue;
      if (locale == "vi" || locale.rfind("vi_", 0) == 0) named->name_vi = value;
      if (locale == "en" || locale.rfind("en_", 0) == 0) named->name_en = value;
    }
    std::string code = Text(o, "code");
    if (code.empty()) code = named->uid;
    if (codes != nullptr) {
      bool clashed = false;
      named->code = codes->Claim(code, named->uid, &clashed);
      if (clashed) {
        notes_.Add(collection + ".code_clash",
                   collection + ": mã đã thuộc đối tượng khác; dùng uid làm mã",
                   collection + ": code already held by another object; the uid is the code",
                   code + " -> " + named->uid);
      }
    } else {
      named->code = code;
    }
    if (IsDefaultUid(named->uid)) {
      named->code = std::string(kDefaultCode);
      named->name_vi = "mặc định";
      named->name_en = "default";
    }
    return true;
  }

  template <typename T>
  static void SeedCodes(const std::vector<T>& objects, CodeRegistry* codes) {
    for (const T& o : objects) codes->Seed(o.code, o.uid);
  }

  void IndexStored() {
    SeedCodes(stored_.category_options, &option_codes_);
    SeedCodes(stored_.categories, &category_codes_);
    SeedCodes(stored_.category_combos, &combo_codes_);
    SeedCodes(stored_.data_elements, &element_codes_);
    SeedCodes(stored_.data_sets, &data_set_codes_);
    SeedCodes(stored_.indicators, &indicator_codes_);
    SeedCodes(stored_.constants, &constant_codes_);
    SeedCodes(stored_.org_unit_groups, &group_codes_);
    for (const auto& o : stored_.category_options) options_known_.insert(o.uid);
    for (const auto& c : stored_.categories) category_options_[c.uid] = c.option_uids;
    for (const auto& c : stored_.category_combos) combo_categories_[c.uid] = c.category_uids;
    for (const auto& c : stored_.category_option_combos) {
      option_combos_known_.insert(c.uid);
      coc_codes_.Seed(c.combo_uid + '\x1f' + c.code, c.uid);
    }
    for (const auto& d : stored_.data_elements) elements_known_.insert(d.uid);
    for (const auto& u : stored_.org_units) stored_units_[u.uid] = &u;
  }

  // --- categories -------------------------------------------------------------------------------

  void ReadCategoryOptions() {
    for (const json::value& v : Array(root_, "categoryOptions")) {
      if (!v.is_object()) continue;
      CategoryOption option;
      if (!FillNamed(v.as_object(), &option, &option_codes_, "categoryOptions")) continue;
      options_known_.insert(option.uid);
      out_.snapshot.category_options.push_back(std::move(option));
    }
  }

  void ReadCategories() {
    for (const json::value& v : Array(root_, "categories")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      Category category;
      if (!FillNamed(o, &category, &category_codes_, "categories")) continue;
      for (const std::string& id : RefIds(o, "categoryOptions")) {
        if (options_known_.contains(id)) {
          category.option_uids.push_back(id);
        } else {
          notes_.Add("categories.unknown_option",
                     "categories: bỏ phương án không có trong gói lẫn kho",
                     "categories: dropped options found neither in the package nor the store",
                     category.uid + "/" + id);
        }
      }
      category_options_[category.uid] = category.option_uids;
      out_.snapshot.categories.push_back(std::move(category));
    }
  }

  void ReadCategoryCombos() {
    for (const json::value& v : Array(root_, "categoryCombos")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      CategoryCombo combo;
      if (!FillNamed(o, &combo, &combo_codes_, "categoryCombos")) continue;
      for (const std::string& id : RefIds(o, "categories")) {
        if (category_options_.contains(id)) {
          combo.category_uids.push_back(id);
        } else if (IsDefaultUid(id)) {
          combo.category_uids.push_back(id);  // added with the defaults below
        } else {
          notes_.Add("categoryCombos.unknown_category",
                     "categoryCombos: bỏ nhóm phân tổ không có trong gói lẫn kho",
                     "categoryCombos: dropped categories found neither in the package nor the "
                     "store",
                     combo.uid + "/" + id);
        }
      }
      combo_categories_[combo.uid] = combo.category_uids;
      out_.snapshot.category_combos.push_back(std::move(combo));
    }
  }

  void ReadOptionCombos() {
    for (const json::value& v : Array(root_, "categoryOptionCombos")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      CategoryOptionCombo coc;
      if (!FillNamed(o, &coc, nullptr, "categoryOptionCombos")) continue;
      coc.combo_uid = RefId(o, "categoryCombo");
      if (!combo_categories_.contains(coc.combo_uid) && !IsDefaultUid(coc.combo_uid)) {
        notes_.Add("categoryOptionCombos.unknown_combo",
                   "categoryOptionCombos: tổ hợp phân tổ không có trong gói lẫn kho, bỏ qua",
                   "categoryOptionCombos: category combo found neither in the package nor the "
                   "store, skipped",
                   coc.uid);
        Skip("categoryOptionCombos");
        continue;
      }
      std::vector<std::string> options;
      for (const std::string& id : RefIds(o, "categoryOptions")) {
        if (options_known_.contains(id) || IsDefaultUid(id)) options.push_back(id);
      }
      coc.option_uids = InComboOrder(coc.combo_uid, options);
      bool clashed = false;
      std::string code = coc_codes_.Claim(coc.combo_uid + '\x1f' + coc.code, coc.uid, &clashed);
      if (clashed) {
        notes_.Add("categoryOptionCombos.code_clash",
                   "categoryOptionCombos: mã đã thuộc tổ hợp khác cùng cách phân tổ; dùng uid",
                   "categoryOptionCombos: code already held in the same combo; the uid is the code",
                   coc.code);
        coc.code = coc.uid;
      }
      option_combos_known_.insert(coc.uid);
      out_.snapshot.category_option_combos.push_back(std::move(coc));
    }
  }

  // DHIS2 does not keep an option combo's options in the combo's category order; solieu does.
  std::vector<std::string> InComboOrder(const std::string& combo_uid,
                                        std::vector<std::string> options) {
    std::vector<std::string> ordered;
    auto categories = combo_categories_.find(combo_uid);
    if (categories != combo_categories_.end()) {
      for (const std::string& category : categories->second) {
        auto in_category = category_options_.find(category);
        if (in_category == category_options_.end()) continue;
        for (auto it = options.begin(); it != options.end(); ++it) {
          if (std::find(in_category->second.begin(), in_category->second.end(), *it) !=
              in_category->second.end()) {
            ordered.push_back(*it);
            options.erase(it);
            break;
          }
        }
      }
    }
    ordered.insert(ordered.end(), options.begin(), options.end());
    return ordered;
  }

  // The default objects exist in every store; add those neither the package nor the store has.
  void AddDefaults() {
    MetadataSnapshot& s = out_.snapshot;
    auto named = [](std::string_view uid) {
      return NamedObject{std::string(uid), std::string(kDefaultCode), "mặc định", "default"};
    };
    auto has = [](const auto& objects, std::string_view uid) {
      return std::any_of(objects.begin(), objects.end(),
                         [&](const auto& o) { return o.uid == uid; });
    };
    if (!has(s.category_options, kDefaultCategoryOptionUid) &&
        !has(stored_.category_options, kDefaultCategoryOptionUid)) {
      s.category_options.insert(s.category_options.begin(),
                                CategoryOption{named(kDefaultCategoryOptionUid)});
    }
    options_known_.insert(std::string(kDefaultCategoryOptionUid));
    if (!has(s.categories, kDefaultCategoryUid) && !has(stored_.categories, kDefaultCategoryUid)) {
      s.categories.insert(s.categories.begin(), Category{named(kDefaultCategoryUid),
                                                         {std::string(kDefaultCategoryOptionUid)}});
    }
    for (Category& c : s.categories) {
      if (c.uid == kDefaultCategoryUid && c.option_uids.empty()) {
        c.option_uids = {std::string(kDefaultCategoryOptionUid)};
      }
    }
    if (!has(s.category_combos, DefaultCategoryComboUid()) &&
        !has(stored_.category_combos, DefaultCategoryComboUid())) {
      s.category_combos.insert(
          s.category_combos.begin(),
          CategoryCombo{named(DefaultCategoryComboUid()), {std::string(kDefaultCategoryUid)}});
    }
    combo_categories_[DefaultCategoryComboUid()] = {std::string(kDefaultCategoryUid)};
    if (!has(s.category_option_combos, DefaultCategoryOptionComboUid()) &&
        !has(stored_.category_option_combos, DefaultCategoryOptionComboUid())) {
      s.category_option_combos.insert(
          s.category_option_combos.begin(),
          CategoryOptionCombo{named(DefaultCategoryOptionComboUid()),
                              DefaultCategoryComboUid(),
                              {std::string(kDefaultCategoryOptionUid)}});
    }
    option_combos_known_.insert(DefaultCategoryOptionComboUid());
    for (const CategoryCombo& combo : s.category_combos) {
      bool has_option_combo =
          std::any_of(s.category_option_combos.begin(), s.category_option_combos.end(),
                      [&](const CategoryOptionCombo& c) { return c.combo_uid == combo.uid; });
      has_option_combo =
          has_option_combo ||
          std::any_of(stored_.category_option_combos.begin(), stored_.category_option_combos.end(),
                      [&](const auto& c) { return c.combo_uid == combo.uid; });
      if (!has_option_combo) {
        notes_.Add("categoryCombos.no_option_combos",
                   "categoryCombos: cách phân tổ chưa có tổ hợp nào (gói không kèm "
                   "categoryOptionCombos); chưa nhập được giá trị theo nó",
                   "categoryCombos: combo without option combos (the package has no "
                   "categoryOptionCombos for it); values cannot use it yet",
                   combo.uid);
      }
    }
  }

  // --- data elements ----------------------------------------------------------------------------

  void ReadDataElements() {
    for (const json::value& v : Array(root_, "dataElements")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      std::string uid = Text(o, "id");
      std::string domain = Text(o, "domainType");
      if (!domain.empty() && domain != "AGGREGATE") {
        notes_.Add("dataElements.domain",
                   "dataElements: phần tử không phải tổng hợp (domainType " + domain + "), bỏ qua",
                   "dataElements: not an aggregate element (domainType " + domain + "), skipped",
                   uid);
        Skip("dataElements");
        continue;
      }
      std::string value_type = Text(o, "valueType");
      if (value_type.empty()) value_type = "NUMBER";
      auto mapped = MapValueType(value_type);
      if (!mapped) {
        notes_.Add("dataElements.value_type." + value_type,
                   "dataElements: kiểu giá trị " + value_type + " chưa được hỗ trợ, bỏ qua",
                   "dataElements: value type " + value_type + " is not supported, skipped", uid);
        Skip("dataElements");
        continue;
      }
      std::string combo = RefId(o, "categoryCombo");
      if (combo.empty()) combo = DefaultCategoryComboUid();
      if (!combo_categories_.contains(combo)) {
        notes_.Add("dataElements.unknown_combo",
                   "dataElements: cách phân tổ không có trong gói lẫn kho, bỏ qua",
                   "dataElements: category combo found neither in the package nor the store, "
                   "skipped",
                   uid + "/" + combo);
        Skip("dataElements");
        continue;
      }
      DataElement element;
      if (!FillNamed(o, &element, &element_codes_, "dataElements")) continue;
      element.value_type = mapped->type;
      if (!mapped->exact) {
        notes_.Add("dataElements.value_type_closest." + value_type,
                   "dataElements: kiểu " + value_type + " được lưu là " +
                       std::string(ValueTypeName(mapped->type)) + " (gần nhất)",
                   "dataElements: value type " + value_type + " stored as " +
                       std::string(ValueTypeName(mapped->type)) + " (closest)",
                   element.uid);
      }
      std::string aggregation = Text(o, "aggregationType");
      if (!MapAggregation(aggregation, &element.aggregation_type)) {
        notes_.Add("dataElements.aggregation." + aggregation,
                   "dataElements: cách tổng hợp " + aggregation + " được lưu là " +
                       std::string(AggregationTypeName(element.aggregation_type)),
                   "dataElements: aggregation type " + aggregation + " stored as " +
                       std::string(AggregationTypeName(element.aggregation_type)),
                   element.uid);
      }
      element.category_combo_uid = combo;
      element.description = Text(o, "description");
      if (o.contains("optionSet")) {
        notes_.Add("dataElements.option_set",
                   "dataElements: bộ lựa chọn (optionSet) chưa được kiểm tra khi nhập giá trị",
                   "dataElements: option sets are not enforced on values yet", element.uid);
      }
      elements_known_.insert(element.uid);
      out_.snapshot.data_elements.push_back(std::move(element));
    }
  }

  // --- org units --------------------------------------------------------------------------------

  void ReadOrgUnitLevels() {
    for (const json::value& v : Array(root_, "organisationUnitLevels")) {
      if (!v.is_object()) continue;
      auto level = Number(v.as_object(), "level");
      if (level) out_.level_names[static_cast<int>(*level)] = Text(v.as_object(), "name");
    }
    if (out_.read.contains("organisationUnitLevels")) {
      out_.not_stored["organisationUnitLevels"] = {
          "cấp DHIS2 được quy về tỉnh / huyện / xã / cơ sở",
          "DHIS2 levels map to province / district / commune / facility"};
    }
  }

  // DHIS2 level of a unit of the package, from "level", "path" or its parent.
  int DhisLevel(const std::string& uid, int depth = 0) {
    if (auto cached = levels_.find(uid); cached != levels_.end()) return cached->second;
    int level = 1;
    if (auto in_package = package_units_.find(uid); in_package != package_units_.end()) {
      const json::object& o = *in_package->second;
      auto number = Number(o, "level");
      std::string path = Text(o, "path");
      std::string parent = RefId(o, "parent");
      if (number && *number >= 1) {
        level = static_cast<int>(*number);
      } else if (!path.empty()) {
        level = static_cast<int>(std::count(path.begin(), path.end(), '/'));
      } else if (!parent.empty() && depth < 64) {
        level = DhisLevel(parent, depth + 1) + 1;
      }
    } else if (auto stored = stored_units_.find(uid); stored != stored_units_.end()) {
      level = static_cast<int>(stored->second->level) + options_.province_level - 1;
    }
    levels_[uid] = level;
    return level;
  }

  void ReadOrgUnits() {
    for (const json::value& v : Array(root_, "organisationUnits")) {
      if (v.is_object()) package_units_[Text(v.as_object(), "id")] = &v.as_object();
    }
    // Units first, then links, which need both ends' dates.
    std::unordered_map<std::string, const OrgUnit*> units;
    for (const auto& [uid, stored] : stored_units_) units[uid] = stored;
    std::vector<std::pair<std::string, std::string>> parents;  // child, parent
    out_.snapshot.org_units.reserve(package_units_.size());
    for (const json::value& v : Array(root_, "organisationUnits")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      OrgUnit unit;
      NamedObject named;
      if (!FillNamed(o, &named, nullptr, "organisationUnits")) continue;
      unit.uid = named.uid;
      unit.code = named.code;
      unit.name_vi = named.name_vi;
      unit.name_en = named.name_en;
      int level = DhisLevel(unit.uid) - options_.province_level + 1;
      if (level < 1) {
        notes_.Add("organisationUnits.above_province",
                   "organisationUnits: đơn vị trên cấp tỉnh được coi là tỉnh",
                   "organisationUnits: units above the province level are taken as provinces",
                   unit.code);
      }
      unit.level = static_cast<OrgLevel>(std::clamp(level, 1, 4));
      if (unit.level == OrgLevel::kFacility) {
        unit.facility_type = GuessFacilityType(unit.name_en);
      }
      unit.validity.from = DatePart(Text(o, "openingDate"));
      unit.validity.to = DatePart(Text(o, "closedDate"));
      if (unit.validity.from && unit.validity.to && !(*unit.validity.from < *unit.validity.to)) {
        notes_.Add("organisationUnits.closed_before_opened",
                   "organisationUnits: ngày đóng không sau ngày mở; bỏ ngày đóng",
                   "organisationUnits: closing date not after the opening date; closing date "
                   "dropped",
                   unit.code);
        unit.validity.to.reset();
      }
      std::string parent = RefId(o, "parent");
      if (!parent.empty()) parents.emplace_back(unit.uid, parent);
      out_.snapshot.org_units.push_back(std::move(unit));
    }
    for (const OrgUnit& unit : out_.snapshot.org_units) units[unit.uid] = &unit;
    for (const auto& [child_uid, parent_uid] : parents) {
      auto parent = units.find(parent_uid);
      const OrgUnit* child = units[child_uid];
      if (parent == units.end()) {
        notes_.Add("organisationUnits.unknown_parent",
                   "organisationUnits: đơn vị cấp trên không có trong gói lẫn kho; để không có "
                   "cấp trên",
                   "organisationUnits: parent found neither in the package nor the store; kept "
                   "without a parent",
                   child->code);
        continue;
      }
      const Validity& c = child->validity;
      const Validity& p = parent->second->validity;
      Validity link;
      link.from = !c.from ? p.from : !p.from ? c.from : std::max(*c.from, *p.from);
      link.to = !c.to ? p.to : !p.to ? c.to : std::min(*c.to, *p.to);
      if (link.from && link.to && !(*link.from < *link.to)) {
        notes_.Add("organisationUnits.never_together",
                   "organisationUnits: đơn vị và cấp trên không cùng hoạt động ngày nào; bỏ liên "
                   "kết",
                   "organisationUnits: unit and parent are never open at the same time; link "
                   "dropped",
                   child->code);
        continue;
      }
      if (link.from != c.from) {
        notes_.Add("organisationUnits.parent_opened_later",
                   "organisationUnits: đơn vị mở trước cấp trên; liên kết bắt đầu từ ngày cấp "
                   "trên mở",
                   "organisationUnits: unit opened before its parent; the link starts when the "
                   "parent opens",
                   child->code);
      }
      out_.snapshot.parent_links.push_back({child_uid, parent_uid, link});
    }
  }

  void ReadOrgUnitGroups() {
    std::unordered_set<std::string> known;
    for (const auto& [uid, unit] : stored_units_) known.insert(uid);
    for (const OrgUnit& unit : out_.snapshot.org_units) known.insert(unit.uid);
    for (const json::value& v : Array(root_, "organisationUnitGroups")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      OrgUnitGroup group;
      if (!FillNamed(o, &group, &group_codes_, "organisationUnitGroups")) continue;
      std::set<std::string> members;
      for (const std::string& id : RefIds(o, "organisationUnits")) {
        if (known.contains(id)) {
          members.insert(id);
        } else {
          notes_.Add("organisationUnitGroups.unknown_member",
                     "organisationUnitGroups: bỏ thành viên không có trong gói lẫn kho",
                     "organisationUnitGroups: dropped members found neither in the package nor "
                     "the store",
                     group.uid + "/" + id);
        }
      }
      group.member_uids.assign(members.begin(), members.end());
      out_.snapshot.org_unit_groups.push_back(std::move(group));
    }
    units_known_ = std::move(known);
  }

  // --- data sets, indicators, constants, validation rules ---------------------------------------

  void ReadDataSets() {
    for (const json::value& v : Array(root_, "dataSets")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      DataSet data_set;
      if (!FillNamed(o, &data_set, &data_set_codes_, "dataSets")) continue;
      data_set.period_type = Text(o, "periodType");
      if (std::find(kPeriodTypes.begin(), kPeriodTypes.end(), data_set.period_type) ==
          kPeriodTypes.end()) {
        notes_.Add("dataSets.period_type." + data_set.period_type,
                   "dataSets: loại kỳ " + data_set.period_type +
                       " chưa được hỗ trợ; chưa nhập được giá trị cho bộ này",
                   "dataSets: period type " + data_set.period_type +
                       " is not supported; values cannot be imported for it yet",
                   data_set.uid);
      }
      data_set.expiry_days = static_cast<int>(Number(o, "expiryDays").value_or(0));
      std::set<std::string> elements;
      for (const json::value& e : Array(o, "dataSetElements")) {
        if (e.is_object()) elements.insert(RefId(e.as_object(), "dataElement"));
      }
      for (const std::string& id : RefIds(o, "dataElements")) elements.insert(id);  // DHIS2 < 2.24
      for (const std::string& id : elements) {
        if (elements_known_.contains(id)) {
          data_set.data_element_uids.push_back(id);
        } else if (!id.empty()) {
          notes_.Add("dataSets.unknown_element",
                     "dataSets: bỏ phần tử dữ liệu không có (hoặc không nhập được)",
                     "dataSets: dropped data elements that are missing (or were skipped)",
                     data_set.uid + "/" + id);
        }
      }
      std::set<std::string> units;
      for (const std::string& id : RefIds(o, "organisationUnits")) {
        if (units_known_.contains(id)) {
          units.insert(id);
        } else {
          notes_.Add("dataSets.unknown_org_unit",
                     "dataSets: bỏ đơn vị được giao không có trong gói lẫn kho",
                     "dataSets: dropped assigned org units found neither in the package nor the "
                     "store",
                     data_set.uid + "/" + id);
        }
      }
      data_set.org_unit_uids.assign(units.begin(), units.end());
      out_.snapshot.data_sets.push_back(std::move(data_set));
    }
  }

  void ReadIndicators() {
    std::unordered_map<std::string, double> factors;
    for (const json::value& v : Array(root_, "indicatorTypes")) {
      if (!v.is_object()) continue;
      factors[Text(v.as_object(), "id")] = Number(v.as_object(), "factor").value_or(1);
    }
    if (out_.read.contains("indicatorTypes")) {
      out_.not_stored["indicatorTypes"] = {"hệ số được chép vào từng chỉ số",
                                           "the factor is copied into each indicator"};
    }
    for (const json::value& v : Array(root_, "indicators")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      Indicator indicator;
      if (!FillNamed(o, &indicator, &indicator_codes_, "indicators")) continue;
      indicator.numerator = Text(o, "numerator");
      indicator.denominator = Text(o, "denominator");
      if (indicator.denominator.empty()) indicator.denominator = "1";
      std::string type = RefId(o, "indicatorType");
      auto factor = factors.find(type);
      if (factor != factors.end()) {
        indicator.factor = factor->second;
      } else {
        notes_.Add("indicators.unknown_type",
                   "indicators: loại chỉ số không có trong gói; hệ số lấy 1",
                   "indicators: indicator type not in the package; factor 1", indicator.uid);
      }
      if (auto decimals = Number(o, "decimals")) indicator.decimals = static_cast<int>(*decimals);
      indicator.description = Text(o, "description");
      if (Text(o, "annualized") == "true") {
        notes_.Add("indicators.annualized",
                   "indicators: cờ annualized (quy về năm) chưa được mô hình hóa",
                   "indicators: the annualized flag is not modelled yet", indicator.uid);
      }
      out_.snapshot.indicators.push_back(std::move(indicator));
    }
  }

  void ReadConstants() {
    for (const json::value& v : Array(root_, "constants")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      Constant constant;
      if (!FillNamed(o, &constant, &constant_codes_, "constants")) continue;
      constant.value = Number(o, "value").value_or(0);
      out_.snapshot.constants.push_back(std::move(constant));
    }
  }

  void ReadValidationRules() {
    for (const json::value& v : Array(root_, "validationRules")) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      Dhis2ValidationRule rule;
      rule.uid = Text(o, "id");
      rule.code = Text(o, "code");
      rule.name = Text(o, "name");
      rule.description = Text(o, "description");
      rule.instruction = Text(o, "instruction");
      rule.importance = Text(o, "importance");
      rule.period_type = Text(o, "periodType");
      rule.op = Text(o, "operator");
      rule.left_expression = Text(Object(o, "leftSide"), "expression");
      rule.left_missing_value_strategy = Text(Object(o, "leftSide"), "missingValueStrategy");
      rule.right_expression = Text(Object(o, "rightSide"), "expression");
      rule.right_missing_value_strategy = Text(Object(o, "rightSide"), "missingValueStrategy");
      out_.validation_rules.push_back(std::move(rule));
    }
    if (out_.read.contains("validationRules")) {
      out_.not_stored["validationRules"] = {
          "giữ nguyên văn; mô hình chưa có quy tắc kiểm tra nên chưa lưu vào kho",
          "kept as text; the model has no validation rules yet, so they are not stored"};
    }
  }

  const json::object& root_;
  const MetadataSnapshot& stored_;
  const Dhis2MetadataOptions& options_;
  Dhis2Package out_;
  NoteBook notes_;

  CodeRegistry option_codes_, category_codes_, combo_codes_, coc_codes_, element_codes_,
      data_set_codes_, indicator_codes_, constant_codes_, group_codes_;
  std::unordered_set<std::string> options_known_, option_combos_known_, elements_known_,
      units_known_;
  std::unordered_map<std::string, std::vector<std::string>> category_options_;
  std::unordered_map<std::string, std::vector<std::string>> combo_categories_;
  std::unordered_map<std::string, const OrgUnit*> stored_units_;
  std::unordered_map<std::string, const json::object*> package_units_;
  std::unordered_map<std::string, int> levels_;
};

}  // namespace

Dhis2Package ReadDhis2Metadata(std::string_view text, const std::string& source_name,
                               const MetadataSnapshot& stored,
                               const Dhis2MetadataOptions& options) {
  json::parse_options parse_options;
  parse_options.max_depth = 64;
  json::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec,
                                 json::storage_ptr(), parse_options);
  if (ec) {
    throw UserError("exchange.metadata_json", "tệp không phải JSON hợp lệ (" + ec.message() + ")",
                    "the file is not valid JSON (" + ec.message() + ")", source_name);
  }
  if (!root.is_object()) {
    throw UserError("exchange.metadata_shape",
                    "tệp không phải gói siêu dữ liệu DHIS2 (một đối tượng JSON gồm các danh sách)",
                    "the file is not a DHIS2 metadata package (a JSON object of collections)",
                    source_name);
  }
  if (options.province_level < 1) {
    throw UserError("exchange.province_level", "cấp tỉnh phải từ 1 trở lên",
                    "the province level must be 1 or more", "--province-level");
  }
  PackageReader reader(root.as_object(), stored, options);
  return reader.Read();
}

}  // namespace solieu
