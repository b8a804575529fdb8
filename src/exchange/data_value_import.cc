#include "exchange/data_value_import.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/org_hierarchy.h"
#include "core/text.h"
#include "core/value_check.h"
#include "exchange/import_conflicts.h"
#include "exchange/metadata_index.h"

namespace solieu {
namespace {

constexpr size_t kMaxCommentLength = 50000;

// A row that passed every check, in compact form: positions instead of uids, the value and
// comment in one shared text buffer. About 48 bytes, so that a file of millions of rows fits.
struct CheckedRow {
  uint32_t row = 0;   // 1-based
  uint32_t line = 0;  // 0 when unknown
  uint32_t data_element = 0;
  uint32_t period = 0;
  uint32_t org_unit = 0;
  uint32_t option_combo = 0;
  uint32_t attribute_option_combo = 0;
  uint32_t value_size = 0;
  uint64_t text_offset = 0;  // the value, then the comment
  uint32_t comment_size = 0;
  bool remove = false;
  bool rejected = false;
  uint8_t action = 0;  // Importer::Action, once classified

  auto Key() const {
    return std::tie(data_element, period, org_unit, option_combo, attribute_option_combo);
  }
};
static_assert(sizeof(CheckedRow) == 48, "rows are kept by the million: keep them compact");

// DHIS2 accepts true, True, TRUE, t, 1 and their false counterparts for booleans.
std::string NormalizeBoolean(std::string_view text) {
  std::string lower;
  for (char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "t") return "true";
  if (lower == "f") return "false";
  if (lower == "true" || lower == "false") return lower;
  return std::string(text);
}

std::string DateOrEmpty(const std::optional<Date>& day) {
  return day ? day->ToString() : "";
}

bool IsNumeric(ValueType type) {
  return type == ValueType::kNumber || type == ValueType::kInteger ||
         type == ValueType::kIntegerZeroOrPositive || type == ValueType::kPercentage;
}

// Whether `object` has `id` under `scheme`; by name, the English or the Vietnamese one.
bool HasId(const NamedObject& object, std::string_view id, IdScheme scheme) {
  switch (scheme) {
    case IdScheme::kUid:
      return object.uid == id;
    case IdScheme::kCode:
      return !object.code.empty() && object.code == id;
    case IdScheme::kName:
      return object.name_en == id || object.name_vi == id;
  }
  return false;
}

// ADX category attributes as written, for messages and cache keys: "sex=F age=under5".
std::string OptionsText(const std::vector<std::pair<std::string, std::string>>& options) {
  std::string text;
  for (const auto& [category, option] : options) {
    if (!text.empty()) text += ' ';
    text += category + '=' + option;
  }
  return text;
}

class Importer {
 public:
  Importer(Store& store, const DataValueImportOptions& options) : store_(store), options_(options) {
    metadata_ = store_.LoadMetadata();
    hierarchy_ = std::make_unique<OrgHierarchy>(metadata_.org_units, metadata_.parent_links,
                                                metadata_.org_events);
    index_ = std::make_unique<MetadataIndex>(metadata_, *hierarchy_);
    default_option_combo_ = index_->OptionComboByUid(DefaultCategoryOptionComboUid());
    for (const CategoryOptionCombo& coc : metadata_.category_option_combos) {
      combo_members_[coc.combo_uid].insert(coc.uid);
      option_combos_of_[coc.combo_uid].push_back(&coc);
    }
    for (const Category& category : metadata_.categories) categories_[category.uid] = &category;
    for (const CategoryOption& option : metadata_.category_options) {
      category_options_[option.uid] = &option;
    }
    for (const CategoryCombo& combo : metadata_.category_combos) combos_[combo.uid] = &combo;
    summary_.id_schemes = options.id_schemes;
    summary_.strategy = options.strategy;
    summary_.dry_run = options.dry_run;
    summary_.keep_good = options.keep_good;
  }

  ImportSummary Run(DataValueSource& source) {
    try {
      if (!ReadHeader(source.Header())) return Abort();
      RawDataValue raw;
      while (source.Next(&raw)) {
        ++summary_.rows_read;
        CheckRow(raw);
      }
    } catch (const UserError& e) {
      conflicts_.Add(conflicts::Unreadable(e.message_vi(), e.message_en(), e.where()));
      return Abort();
    }
    RejectDuplicates();
    if (!conflicts_.empty() && !options_.keep_good) return AtomicFailure();
    return Write();
  }

 private:
  // --- header -----------------------------------------------------------------------------------

  bool ReadHeader(const DataValueSetHeader& header) {
    IdSchemes from_file;
    for (const auto& [parameter, value] : header.id_schemes) {
      if (!SetIdScheme(&from_file, parameter, value)) {
        conflicts_.Add(conflicts::UnsupportedIdScheme(parameter, value));
      }
    }
    schemes_ = options_.id_schemes.OverriddenBy(from_file);
    summary_.id_schemes = schemes_;

    header_period_text_ = header.period;
    if (!header.period.empty()) header_period_ = Period::Parse(header.period);
    if (!header.data_set.empty()) {
      auto found = index_->FindDataSet(header.data_set, schemes_.ForDataSets());
      data_set_ = found.object;
      if (data_set_ == nullptr) {
        conflicts_.Add(conflicts::UnknownObject(ObjectKind::kDataSet, header.data_set,
                                                schemes_.ForDataSets(), found.ambiguous, true));
      } else {
        data_set_elements_.insert(data_set_->data_element_uids.begin(),
                                  data_set_->data_element_uids.end());
        data_set_units_.insert(data_set_->org_unit_uids.begin(), data_set_->org_unit_uids.end());
      }
    }
    if (!header.org_unit.empty()) {
      auto found = index_->FindOrgUnit(header.org_unit, schemes_.ForOrgUnits(),
                                       header_period_ ? &*header_period_ : nullptr);
      header_org_unit_ = found.object;
      if (header_org_unit_ == nullptr) {
        conflicts_.Add(conflicts::UnknownObject(ObjectKind::kOrgUnit, header.org_unit,
                                                schemes_.ForOrgUnits(), found.ambiguous, true));
      }
      header_org_unit_text_ = header.org_unit;
    }
    if (!header.attribute_option_combo.empty()) {
      auto found = index_->FindOptionCombo(header.attribute_option_combo,
                                           schemes_.ForAttributeOptionCombos());
      header_attribute_combo_ = found.object;
      if (header_attribute_combo_ == nullptr) {
        conflicts_.Add(conflicts::UnknownObject(
            ObjectKind::kAttributeOptionCombo, header.attribute_option_combo,
            schemes_.ForAttributeOptionCombos(), found.ambiguous, true));
      }
    }
    return conflicts_.empty();
  }

  // --- rows -------------------------------------------------------------------------------------

  void Reject(ImportConflict conflict, const RawDataValue& raw) {
    if (!raw.cell.empty()) {  // a spreadsheet: the cell says where to look better than a row
      conflict.objects.emplace_back("cell", raw.cell);
      conflict.message_vi += " (ô " + raw.cell + ")";
      conflict.message_en += " (cell " + raw.cell + ")";
    }
    conflicts_.Add(std::move(conflict), raw.index, raw.line);
    rejected_rows_.push_back(raw.index);
  }

  uint32_t InternPeriod(const Period& period) {
    auto [it, added] = period_index_.emplace(period.Id(), static_cast<uint32_t>(periods_.size()));
    if (added) periods_.push_back(period);
    return it->second;
  }

  // --- ADX: a row's own data set, option combos from category options ---------------------------

  struct DataSetCheck {
    const DataSet* data_set = nullptr;
    bool ambiguous = false;
    std::unordered_set<std::string> elements;
    std::unordered_set<std::string> units;
  };

  const DataSetCheck& RowDataSet(const std::string& id) {
    auto found = row_data_sets_.find(id);
    if (found != row_data_sets_.end()) return found->second;
    DataSetCheck check;
    auto match = index_->FindDataSet(id, schemes_.ForDataSets());
    check.data_set = match.object;
    check.ambiguous = match.ambiguous;
    if (check.data_set != nullptr) {
      check.elements.insert(check.data_set->data_element_uids.begin(),
                            check.data_set->data_element_uids.end());
      check.units.insert(check.data_set->org_unit_uids.begin(),
                         check.data_set->org_unit_uids.end());
    }
    return row_data_sets_.emplace(id, std::move(check)).first->second;
  }

  // The option combo named by category options: of the element's category combo, or (`element`
  // null: an attribute option combo) of the one combo with exactly the named categories, the one
  // option combo with exactly the named options. nullptr after rejecting the row.
  const CategoryOptionCombo* ResolveOptions(
      const std::vector<std::pair<std::string, std::string>>& named, const DataElement* element,
      const RawDataValue& raw) {
    bool attribute = element == nullptr;
    std::string text = OptionsText(named);
    if (attribute) {
      auto cached = attribute_combos_.find(text);
      if (cached != attribute_combos_.end()) return cached->second;
    }
    auto fail = [&](const std::string& vi, const std::string& en) -> const CategoryOptionCombo* {
      Reject(conflicts::AdxNoSingleOptionCombo(text, attribute, vi, en), raw);
      return nullptr;
    };
    const CategoryCombo* combo = nullptr;
    std::vector<const Category*> candidates;
    if (attribute) {
      for (const Category& category : metadata_.categories) candidates.push_back(&category);
    } else {
      auto found = combos_.find(element->category_combo_uid);
      if (found == combos_.end()) {
        return fail("phần tử dữ liệu không có cách phân tổ",
                    "the data element has no category combo");
      }
      combo = found->second;
      for (const std::string& uid : combo->category_uids) {
        auto category = categories_.find(uid);
        if (category != categories_.end()) candidates.push_back(category->second);
      }
    }
    IdScheme category_scheme = schemes_.ForCategories();
    IdScheme option_scheme = schemes_.ForCategoryOptions();
    std::set<std::string> category_uids, option_uids;
    for (const auto& [category_id, option_id] : named) {
      const Category* category = nullptr;
      for (const Category* candidate : candidates) {
        if (!HasId(*candidate, category_id, category_scheme)) continue;
        if (category != nullptr) {
          return fail("mục phân tổ " + category_id + " chỉ tới nhiều hơn một mục",
                      "category " + category_id + " matches more than one category");
        }
        category = candidate;
      }
      if (category == nullptr) {
        Reject(conflicts::AdxUnknownCategory(category_id, category_scheme, raw.data_element,
                                             attribute),
               raw);
        return nullptr;
      }
      if (!category_uids.insert(category->uid).second) {
        return fail("mục phân tổ " + category_id + " có hai lựa chọn",
                    "category " + category_id + " is given two options");
      }
      const CategoryOption* option = nullptr;
      for (const std::string& uid : category->option_uids) {
        auto candidate = category_options_.find(uid);
        if (candidate == category_options_.end() ||
            !HasId(*candidate->second, option_id, option_scheme)) {
          continue;
        }
        if (option != nullptr) {
          return fail("lựa chọn " + option_id + " chỉ tới nhiều hơn một lựa chọn",
                      "option " + option_id + " matches more than one option");
        }
        option = candidate->second;
      }
      if (option == nullptr) {
        Reject(
            conflicts::AdxUnknownCategoryOption(option_id, category_id, option_scheme, attribute),
            raw);
        return nullptr;
      }
      option_uids.insert(option->uid);
    }
    if (attribute) {
      for (const CategoryCombo& candidate : metadata_.category_combos) {
        std::set<std::string> uids(candidate.category_uids.begin(), candidate.category_uids.end());
        if (uids != category_uids) continue;
        if (combo != nullptr) {
          return fail("nhiều cách phân tổ thuộc tính có đúng các mục này",
                      "more than one attribute category combo has exactly these categories");
        }
        combo = &candidate;
      }
      if (combo == nullptr) {
        return fail("không cách phân tổ thuộc tính nào có đúng các mục này",
                    "no attribute category combo has exactly these categories");
      }
    } else {
      for (const Category* category : candidates) {
        if (!category_uids.contains(category->uid)) {
          return fail(
              "thiếu mục phân tổ " + MetadataIndex::IdOf(*category, category_scheme),
              "category " + MetadataIndex::IdOf(*category, category_scheme) + " is missing");
        }
      }
    }
    const CategoryOptionCombo* result = nullptr;
    for (const CategoryOptionCombo* coc : option_combos_of_[combo->uid]) {
      std::set<std::string> uids(coc->option_uids.begin(), coc->option_uids.end());
      if (uids != option_uids) continue;
      if (result != nullptr) {
        return fail("nhiều tổ hợp có đúng các lựa chọn này",
                    "more than one option combo has exactly these options");
      }
      result = coc;
    }
    if (result == nullptr) {
      return fail("không tổ hợp nào có đúng các lựa chọn này",
                  "no option combo has exactly these options");
    }
    if (attribute) attribute_combos_.emplace(text, result);
    return result;
  }

  void CheckRow(const RawDataValue& raw) {
    if (raw.index <= 0 || raw.index >= std::numeric_limits<uint32_t>::max()) {
      throw UserError("exchange.too_many_rows", "tệp có quá nhiều giá trị",
                      "the file has too many data values");
    }
    // The row's own data set (ADX groups).
    const DataSetCheck* row_set = nullptr;
    if (!raw.data_set.empty()) {
      row_set = &RowDataSet(raw.data_set);
      if (row_set->data_set == nullptr) {
        return Reject(conflicts::UnknownObject(ObjectKind::kDataSet, raw.data_set,
                                               schemes_.ForDataSets(), row_set->ambiguous, false),
                      raw);
      }
    }
    // Data element.
    auto element_match = index_->FindDataElement(raw.data_element, schemes_.ForDataElements());
    const DataElement* element = element_match.object;
    if (element == nullptr) {
      return Reject(
          conflicts::UnknownObject(ObjectKind::kDataElement, raw.data_element,
                                   schemes_.ForDataElements(), element_match.ambiguous, false),
          raw);
    }
    // Period.
    std::optional<Period> period;
    const std::string& period_text = raw.period.empty() ? header_period_text_ : raw.period;
    if (raw.period.empty()) {
      period = header_period_;
    } else {
      period = Period::Parse(raw.period);
    }
    if (!period) return Reject(conflicts::InvalidPeriod(period_text), raw);
    // Org unit.
    const OrgUnit* unit = header_org_unit_;
    const std::string& unit_text = raw.org_unit.empty() ? header_org_unit_text_ : raw.org_unit;
    if (!raw.org_unit.empty() || unit == nullptr) {
      auto found = index_->FindOrgUnit(raw.org_unit, schemes_.ForOrgUnits(), &*period);
      unit = found.object;
      if (unit == nullptr) {
        return Reject(conflicts::UnknownObject(ObjectKind::kOrgUnit, raw.org_unit,
                                               schemes_.ForOrgUnits(), found.ambiguous, false),
                      raw);
      }
    }
    // Option combos.
    const CategoryOptionCombo* combo = default_option_combo_;
    if (!raw.category_options.empty()) {
      if (!raw.category_option_combo.empty()) {
        return Reject(conflicts::AdxNoSingleOptionCombo(
                          OptionsText(raw.category_options), false,
                          "đã cho cả categoryOptionCombo " + raw.category_option_combo,
                          "categoryOptionCombo " + raw.category_option_combo + " is given too"),
                      raw);
      }
      combo = ResolveOptions(raw.category_options, element, raw);
      if (combo == nullptr) return;
    }
    if (!raw.category_option_combo.empty()) {
      auto found = index_->FindOptionCombo(raw.category_option_combo, schemes_.ForOptionCombos(),
                                           element->category_combo_uid);
      combo = found.object;
      if (combo == nullptr) {
        return Reject(conflicts::UnknownObject(ObjectKind::kOptionCombo, raw.category_option_combo,
                                               schemes_.ForOptionCombos(), found.ambiguous, false),
                      raw);
      }
    }
    const CategoryOptionCombo* attribute_combo =
        header_attribute_combo_ ? header_attribute_combo_ : default_option_combo_;
    if (!raw.attribute_options.empty()) {
      if (!raw.attribute_option_combo.empty()) {
        return Reject(conflicts::AdxNoSingleOptionCombo(
                          OptionsText(raw.attribute_options), true,
                          "đã cho cả attributeOptionCombo " + raw.attribute_option_combo,
                          "attributeOptionCombo " + raw.attribute_option_combo + " is given too"),
                      raw);
      }
      attribute_combo = ResolveOptions(raw.attribute_options, nullptr, raw);
      if (attribute_combo == nullptr) return;
    }
    if (!raw.attribute_option_combo.empty()) {
      auto found =
          index_->FindOptionCombo(raw.attribute_option_combo, schemes_.ForAttributeOptionCombos());
      attribute_combo = found.object;
      if (attribute_combo == nullptr) {
        return Reject(
            conflicts::UnknownObject(ObjectKind::kAttributeOptionCombo, raw.attribute_option_combo,
                                     schemes_.ForAttributeOptionCombos(), found.ambiguous, false),
            raw);
      }
    }
    if (combo == nullptr || attribute_combo == nullptr) {
      // The store lacks the default option combo: no empty combo can be resolved.
      return Reject(conflicts::UnknownObject(combo == nullptr ? ObjectKind::kOptionCombo
                                                              : ObjectKind::kAttributeOptionCombo,
                                             "default", IdScheme::kCode, false, false),
                    raw);
    }
    // Value and comment.
    bool remove = raw.deleted || options_.strategy == ImportStrategy::kDelete;
    std::string value;
    // ADX: a non-numeric value is the annotation (value="0" beside it); a numeric value's
    // annotation is its comment.
    const std::string* raw_value = &raw.value;
    const std::string* raw_comment = &raw.comment;
    if (raw.adx && !IsNumeric(element->value_type)) {
      if (!raw.annotation && !remove) {
        return Reject(conflicts::AdxMissingAnnotation(raw.data_element), raw);
      }
      if (raw.annotation) raw_value = &*raw.annotation;
    } else if (raw.annotation && raw.comment.empty()) {
      raw_comment = &*raw.annotation;
    }
    if (!remove) {
      if (raw_value->empty()) return Reject(conflicts::MissingValue(raw.data_element), raw);
      if (!raw.value_problem_en.empty()) {
        return Reject(conflicts::InvalidValue(*raw_value, raw.data_element,
                                              ValueTypeName(element->value_type),
                                              raw.value_problem_vi, raw.value_problem_en),
                      raw);
      }
      std::string text = element->value_type == ValueType::kBoolean ? NormalizeBoolean(*raw_value)
                         : element->value_type == ValueType::kText  ? ToNfc(*raw_value)
                                                                    : *raw_value;
      ValueProblem problem;
      auto checked = CheckValue(element->value_type, text, &problem);
      if (!checked) {
        return Reject(
            conflicts::InvalidValue(*raw_value, raw.data_element,
                                    ValueTypeName(element->value_type), problem.vi, problem.en),
            raw);
      }
      value = std::move(*checked);
    }
    std::string comment = ToNfc(*raw_comment);
    if (comment.size() > kMaxCommentLength) {
      return Reject(conflicts::CommentTooLong(raw.data_element, comment.size()), raw);
    }
    // Constraints.
    if (!combo_members_[element->category_combo_uid].contains(combo->uid)) {
      return Reject(conflicts::OptionComboNotInCombo(
                        raw.category_option_combo.empty() ? "default" : raw.category_option_combo,
                        raw.data_element),
                    raw);
    }
    if (!OpenDuring(*unit, *period)) {
      return Reject(
          conflicts::OrgUnitClosed(unit_text, period->Id(), DateOrEmpty(unit->validity.from),
                                   DateOrEmpty(unit->validity.to)),
          raw);
    }
    const DataSet* data_set = row_set != nullptr ? row_set->data_set : data_set_;
    if (data_set != nullptr) {
      const auto& elements = row_set != nullptr ? row_set->elements : data_set_elements_;
      const auto& units = row_set != nullptr ? row_set->units : data_set_units_;
      if (!elements.contains(element->uid)) {
        return Reject(conflicts::NotInDataSet(raw.data_element, data_set->uid), raw);
      }
      if (PeriodTypeName(period->type()) != data_set->period_type) {
        return Reject(conflicts::PeriodTypeMismatch(period_text, PeriodTypeName(period->type()),
                                                    data_set->uid, data_set->period_type),
                      raw);
      }
      if (!units.contains(unit->uid)) {
        return Reject(conflicts::OrgUnitNotAssigned(unit_text, data_set->uid), raw);
      }
    }
    if (options_.scope != nullptr && !options_.scope->Allows(*unit, *period)) {
      return Reject(conflicts::OutsideUserHierarchy(unit_text, options_.scope->User()), raw);
    }
    if (options_.scope != nullptr && !options_.scope->AllowsElement(*element)) {
      return Reject(conflicts::RestrictedDataElement(raw.data_element, element->user_group,
                                                     options_.scope->User()),
                    raw);
    }
    if (options_.lock != nullptr) {
      DataValueKey key{element->uid, period->Id(), unit->uid, combo->uid, attribute_combo->uid};
      if (auto reason = options_.lock->Locked(key, data_set ? data_set->uid : std::string())) {
        return Reject(conflicts::Locked(period->Id(), unit_text, reason->vi, reason->en), raw);
      }
    }

    CheckedRow row;
    row.row = static_cast<uint32_t>(raw.index);
    row.line = static_cast<uint32_t>(std::min<long long>(raw.line, 0xFFFFFFFF));
    row.data_element = index_->PositionOf(*element);
    row.period = InternPeriod(*period);
    row.org_unit = index_->PositionOf(*unit);
    row.option_combo = index_->PositionOf(*combo);
    row.attribute_option_combo = index_->PositionOf(*attribute_combo);
    row.remove = remove;
    row.text_offset = text_.size();
    row.value_size = static_cast<uint32_t>(value.size());
    row.comment_size = static_cast<uint32_t>(comment.size());
    text_ += value;
    text_ += comment;
    rows_.push_back(row);
  }

  static bool OpenDuring(const OrgUnit& unit, const Period& period) {
    const Validity& v = unit.validity;
    return (!v.from || *v.from <= period.end()) && (!v.to || period.start() < *v.to);
  }

  // --- after reading ----------------------------------------------------------------------------

  // Sorts the rows by key (the write order too) and rejects every row of a repeated key.
  void RejectDuplicates() {
    std::sort(rows_.begin(), rows_.end(), [](const CheckedRow& a, const CheckedRow& b) {
      return std::tie(a.data_element, a.period, a.org_unit, a.option_combo,
                      a.attribute_option_combo,
                      a.row) < std::tie(b.data_element, b.period, b.org_unit, b.option_combo,
                                        b.attribute_option_combo, b.row);
    });
    for (size_t i = 0; i < rows_.size();) {
      size_t end = i + 1;
      while (end < rows_.size() && rows_[end].Key() == rows_[i].Key()) ++end;
      if (end - i > 1) {
        const CheckedRow& first = rows_[i];
        const OrgUnit& unit = hierarchy_->units()[first.org_unit];
        ImportConflict conflict = conflicts::DuplicateRow(
            MetadataIndex::IdOf(metadata_.data_elements[first.data_element],
                                schemes_.ForDataElements()),
            periods_[first.period].Id(), MetadataIndex::IdOf(unit, schemes_.ForOrgUnits()));
        for (size_t j = i; j < end; ++j) {
          rows_[j].rejected = true;
          conflicts_.Add(conflict, rows_[j].row, rows_[j].line);
          rejected_rows_.push_back(rows_[j].row);
        }
      }
      i = end;
    }
  }

  ImportSummary Finish(ImportStatus status, std::string vi, std::string en) {
    summary_.status = status;
    if (options_.dry_run) {
      vi += " (chạy thử: không ghi gì)";
      en += " (dry run: nothing stored)";
    }
    summary_.description_vi = std::move(vi);
    summary_.description_en = std::move(en);
    summary_.conflicts = conflicts_.Take();
    std::sort(rejected_rows_.begin(), rejected_rows_.end());
    summary_.rejected_rows = std::move(rejected_rows_);
    return std::move(summary_);
  }

  ImportSummary Abort() {
    summary_.import_count = {};
    summary_.import_count.ignored = summary_.rows_read;
    return Finish(ImportStatus::kError, "Quá trình nhập bị hủy; không ghi gì",
                  "Import process was aborted; nothing was stored");
  }

  ImportSummary AtomicFailure() {
    summary_.import_count = {};
    summary_.import_count.ignored = summary_.rows_read;
    std::string rejected = std::to_string(rejected_rows_.size());
    return Finish(ImportStatus::kError,
                  "Không ghi gì: " + rejected +
                      " dòng có xung đột (nhập nguyên khối; để ghi các dòng tốt, chọn giữ dòng "
                      "tốt: --keep-good trong lệnh, atomicMode=NONE trong API)",
                  "Nothing was stored: " + rejected +
                      " rows have conflicts (atomic import; to store the good rows, keep them: "
                      "--keep-good on the command line, atomicMode=NONE in the API)");
  }

  // Existing values of one data element over the span of its rows, keyed by the rest of the key.
  struct Stored {
    std::string value;
    std::string comment;
  };
  std::string ExistingKey(const std::string& period, const std::string& unit,
                          const std::string& combo, const std::string& attribute_combo) const {
    return period + '\x1f' + unit + '\x1f' + combo + '\x1f' + attribute_combo;
  }

  // What the strategy does with a checked row, given the stored value.
  enum class Action : uint8_t { kCreate, kUpdate, kDelete, kIgnore, kSkip };

  Action Decide(const CheckedRow& row, bool stored, bool same) const {
    switch (options_.strategy) {
      case ImportStrategy::kCreate:
        return stored ? Action::kSkip : row.remove ? Action::kIgnore : Action::kCreate;
      case ImportStrategy::kUpdate:
        return !stored      ? Action::kSkip
               : row.remove ? Action::kDelete
               : same       ? Action::kIgnore
                            : Action::kUpdate;
      case ImportStrategy::kCreateAndUpdate:
        if (!stored) return row.remove ? Action::kIgnore : Action::kCreate;
        return row.remove ? Action::kDelete : same ? Action::kIgnore : Action::kUpdate;
      case ImportStrategy::kDelete:
        return stored ? Action::kDelete : Action::kSkip;
    }
    return Action::kIgnore;
  }

  // Compares every good row with the stored value (one query per data element, over the span of
  // its rows), records what the strategy does with it, and counts.
  ImportCount Classify() {
    ImportCount count;
    count.ignored = static_cast<long long>(rejected_rows_.size());
    for (size_t i = 0; i < rows_.size();) {
      size_t end = i;
      Date from = periods_[rows_[i].period].start();
      Date to = periods_[rows_[i].period].end();
      while (end < rows_.size() && rows_[end].data_element == rows_[i].data_element) {
        from = std::min(from, periods_[rows_[end].period].start());
        to = std::max(to, periods_[rows_[end].period].end());
        ++end;
      }
      ValueQuery query;
      query.data_element_uids = {metadata_.data_elements[rows_[i].data_element].uid};
      query.from = from;
      query.to = to;
      std::unordered_map<std::string, Stored> existing;
      for (DataValue& v : store_.QueryValues(query)) {
        existing.emplace(
            ExistingKey(v.key.period, v.key.org_unit_uid, v.key.category_option_combo_uid,
                        v.key.attribute_option_combo_uid),
            Stored{std::move(v.value), std::move(v.comment)});
      }
      for (size_t j = i; j < end; ++j) {
        CheckedRow& row = rows_[j];
        if (row.rejected) continue;
        auto found = existing.find(
            ExistingKey(periods_[row.period].Id(), hierarchy_->units()[row.org_unit].uid,
                        metadata_.category_option_combos[row.option_combo].uid,
                        metadata_.category_option_combos[row.attribute_option_combo].uid));
        bool stored = found != existing.end();
        bool same = stored && found->second.value == ValueOf(row) &&
                    found->second.comment == CommentOf(row);
        Action action = Decide(row, stored, same);
        row.action = static_cast<uint8_t>(action);
        switch (action) {
          case Action::kCreate:
            ++count.imported;
            break;
          case Action::kUpdate:
            ++count.updated;
            break;
          case Action::kDelete:
            ++count.deleted;
            break;
          case Action::kIgnore:
            ++count.ignored;
            break;
          case Action::kSkip:
            ++count.ignored;
            rejected_rows_.push_back(row.row);
            break;
        }
      }
      i = end;
    }
    return count;
  }

  std::string_view ValueOf(const CheckedRow& row) const {
    return std::string_view(text_.data() + row.text_offset, row.value_size);
  }
  std::string_view CommentOf(const CheckedRow& row) const {
    return std::string_view(text_.data() + row.text_offset + row.value_size, row.comment_size);
  }

  // The writes of the rows that change something, kWriteBatch at a time from rows_[*next] on:
  // a write is several times the size of its compact row, so a large import never holds all of
  // them at once (a 1 GB file would otherwise need gigabytes). Empty when no row is left.
  static constexpr size_t kWriteBatch = 65536;
  void NextWrites(size_t* next, std::vector<DataValueWrite>* writes) const {
    writes->clear();
    for (; *next < rows_.size() && writes->size() < kWriteBatch; ++*next) {
      const CheckedRow& row = rows_[*next];
      Action action = static_cast<Action>(row.action);
      if (row.rejected || action == Action::kIgnore || action == Action::kSkip) continue;
      const Period& period = periods_[row.period];
      DataValueWrite write;
      write.key = {metadata_.data_elements[row.data_element].uid, period.Id(),
                   hierarchy_->units()[row.org_unit].uid,
                   metadata_.category_option_combos[row.option_combo].uid,
                   metadata_.category_option_combos[row.attribute_option_combo].uid};
      write.period_start = period.start();
      write.period_end = period.end();
      if (action != Action::kDelete) write.value = std::string(ValueOf(row));
      write.comment = std::string(CommentOf(row));
      writes->push_back(std::move(write));
    }
  }

  ImportSummary Write() {
    ImportCount count = Classify();
    long long changes = count.imported + count.updated + count.deleted;
    if (!options_.dry_run && changes > 0) {
      try {
        std::vector<DataValueWrite> writes;
        size_t next = 0;
        WriteCounts written = store_.PutValueBatches(
            [&]() -> const std::vector<DataValueWrite>* {
              NextWrites(&next, &writes);
              return writes.empty() ? nullptr : &writes;
            },
            options_.user, options_.client);
        // Told after the commit, batch by batch again, so that nothing holds every write.
        if (options_.on_written) {
          for (next = 0, NextWrites(&next, &writes); !writes.empty(); NextWrites(&next, &writes)) {
            options_.on_written(writes);
          }
        }
        // The store's counts are the truth should another writer have changed values meanwhile.
        count.imported = written.created;
        count.updated = written.updated;
        count.deleted = written.deleted;
        count.ignored += changes - (written.created + written.updated + written.deleted);
      } catch (const UserError& e) {
        conflicts_.Add(conflicts::StoreRefused(e.message_vi(), e.message_en()));
        return Abort();
      }
    }
    summary_.import_count = count;
    if (!conflicts_.empty()) {
      return Finish(ImportStatus::kWarning,
                    "Nhập xong, giữ các dòng tốt; các dòng có xung đột không được ghi",
                    "Import finished keeping the good rows; rows with conflicts were not stored");
    }
    return Finish(ImportStatus::kSuccess, "Nhập xong", "Import process completed successfully");
  }

  Store& store_;
  const DataValueImportOptions& options_;
  MetadataSnapshot metadata_;
  std::unique_ptr<OrgHierarchy> hierarchy_;
  std::unique_ptr<MetadataIndex> index_;
  const CategoryOptionCombo* default_option_combo_ = nullptr;
  std::unordered_map<std::string, std::unordered_set<std::string>> combo_members_;
  // ADX: categories, options, combos and option combos by uid; resolved data sets and attribute
  // option combos by the text that named them.
  std::unordered_map<std::string, std::vector<const CategoryOptionCombo*>> option_combos_of_;
  std::unordered_map<std::string, const Category*> categories_;
  std::unordered_map<std::string, const CategoryOption*> category_options_;
  std::unordered_map<std::string, const CategoryCombo*> combos_;
  std::unordered_map<std::string, DataSetCheck> row_data_sets_;
  std::unordered_map<std::string, const CategoryOptionCombo*> attribute_combos_;

  IdSchemes schemes_;
  const DataSet* data_set_ = nullptr;
  std::unordered_set<std::string> data_set_elements_;
  std::unordered_set<std::string> data_set_units_;
  std::string header_period_text_;
  std::optional<Period> header_period_;
  const OrgUnit* header_org_unit_ = nullptr;
  std::string header_org_unit_text_;
  const CategoryOptionCombo* header_attribute_combo_ = nullptr;

  std::vector<CheckedRow> rows_;
  std::string text_;
  std::vector<Period> periods_;
  std::unordered_map<std::string, uint32_t> period_index_;
  std::vector<long long> rejected_rows_;
  ConflictCollector conflicts_;
  ImportSummary summary_;
};

}  // namespace

ImportSummary ImportDataValues(Store& store, DataValueSource& source,
                               const DataValueImportOptions& options) {
  Importer importer(store, options);
  return importer.Run(source);
}

}  // namespace solieu
