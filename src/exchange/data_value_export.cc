#include "exchange/data_value_export.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.h"
#include "core/error.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "exchange/metadata_index.h"

namespace solieu {
namespace {

[[noreturn]] void Bad(const std::string& code, const std::string& vi, const std::string& en,
                      const std::string& where) {
  throw UserError("exchange." + code, vi, en, where);
}

// One selected value, its objects named under the request's id schemes.
struct ExportRow {
  std::string data_element;
  std::string org_unit;
  std::string category_option_combo;
  std::string attribute_option_combo;
  const DataValue& value;
};

// The values a request selects, and what names their objects under its id schemes.
struct Selection {
  MetadataSnapshot metadata;
  std::unique_ptr<OrgHierarchy> hierarchy;
  std::unique_ptr<MetadataIndex> index;
  IdSchemes schemes;
  std::set<std::string> period_ids;                   // empty: every period of the date range
  std::set<std::string> attribute_option_combo_uids;  // empty: any
  std::vector<const DataSet*> data_sets;              // as requested, in order
  std::vector<DataValue> values;
};

// Validates the request and queries the store, so that a refused request writes nothing.
std::unique_ptr<Selection> Select(Store& store, const DataValueExportRequest& request) {
  if (request.data_sets.empty() && request.data_elements.empty()) {
    Bad("export_no_data", "cần ít nhất một bộ dữ liệu hoặc phần tử dữ liệu",
        "at least one data set or data element must be given", "--data-set");
  }
  bool has_range = request.start_date || request.end_date;
  if (request.periods.empty() && !has_range) {
    Bad("export_no_period", "cần kỳ báo cáo hoặc khoảng ngày (từ/đến)",
        "periods or a start and end date must be given", "--period");
  }
  if (!request.periods.empty() && has_range) {
    Bad("export_period_and_range", "không thể cho cả kỳ và khoảng ngày",
        "periods and a start/end date cannot both be given", "--period");
  }
  if (has_range && (!request.start_date || !request.end_date)) {
    Bad("export_half_range", "cần cả ngày bắt đầu và ngày kết thúc",
        "both a start and an end date must be given", "--start-date");
  }
  if (has_range && *request.end_date < *request.start_date) {
    Bad("export_range_order", "ngày bắt đầu phải trước ngày kết thúc",
        "the start date must come before the end date", "--start-date");
  }
  if (request.org_units.empty()) {
    Bad("export_no_org_unit", "cần ít nhất một đơn vị", "at least one org unit must be given",
        "--org-unit");
  }

  auto selection = std::make_unique<Selection>();
  MetadataSnapshot& metadata = selection->metadata;
  metadata = store.LoadMetadata();
  selection->hierarchy = std::make_unique<OrgHierarchy>(metadata.org_units, metadata.parent_links,
                                                        metadata.org_events);
  selection->index = std::make_unique<MetadataIndex>(metadata, *selection->hierarchy);
  const OrgHierarchy& hierarchy = *selection->hierarchy;
  const MetadataIndex& index = *selection->index;
  const IdSchemes& schemes = request.id_schemes;
  selection->schemes = schemes;

  std::set<std::string> element_uids;
  for (const std::string& id : request.data_sets) {
    auto found = index.FindDataSet(id, schemes.ForDataSets());
    if (found.object == nullptr) {
      Bad("export_unknown_data_set", "không tìm thấy bộ dữ liệu '" + id + "'",
          "data set '" + id + "' not found", "--data-set");
    }
    element_uids.insert(found.object->data_element_uids.begin(),
                        found.object->data_element_uids.end());
    selection->data_sets.push_back(found.object);
  }
  for (const std::string& id : request.attribute_option_combos) {
    auto found = index.FindOptionCombo(id, schemes.ForAttributeOptionCombos());
    if (found.object == nullptr) {
      Bad("export_unknown_attribute_option_combo", "không tìm thấy tổ hợp thuộc tính '" + id + "'",
          "attribute option combo '" + id + "' not found", "--attribute-option-combo");
    }
    selection->attribute_option_combo_uids.insert(found.object->uid);
  }
  for (const std::string& id : request.data_elements) {
    auto found = index.FindDataElement(id, schemes.ForDataElements());
    if (found.object == nullptr) {
      Bad("export_unknown_data_element", "không tìm thấy phần tử dữ liệu '" + id + "'",
          "data element '" + id + "' not found", "--data-element");
    }
    element_uids.insert(found.object->uid);
  }

  // Periods, and the days on which "below these units" is taken.
  std::set<std::string>& period_ids = selection->period_ids;
  std::vector<Date> days;
  ValueQuery query;
  for (const std::string& id : request.periods) {
    auto period = Period::Parse(id);
    if (!period) {
      Bad("export_invalid_period", "kỳ '" + id + "' không hợp lệ", "invalid period '" + id + "'",
          "--period");
    }
    period_ids.insert(period->Id());
    days.push_back(period->start());
    days.push_back(period->end());
    query.from = query.from ? std::min(*query.from, period->start()) : period->start();
    query.to = query.to ? std::max(*query.to, period->end()) : period->end();
  }
  if (has_range) {
    query.from = request.start_date;
    query.to = request.end_date;
    days.push_back(*request.start_date);
    days.push_back(*request.end_date);
  }

  std::set<std::string> unit_uids;
  for (const std::string& id : request.org_units) {
    const Period* any_period = nullptr;
    auto found = index.FindOrgUnit(id, schemes.ForOrgUnits(), any_period);
    if (found.object == nullptr) {
      Bad("export_unknown_org_unit", "không tìm thấy đơn vị '" + id + "'",
          "org unit '" + id + "' not found", "--org-unit");
    }
    unit_uids.insert(found.object->uid);
    if (!request.children) continue;
    for (Date day : days) {
      for (const OrgUnit* below : hierarchy.DescendantsOf(*found.object, day)) {
        unit_uids.insert(below->uid);
      }
    }
  }

  for (const std::string& uid : request.hidden_data_element_uids) element_uids.erase(uid);
  // No element left (all hidden, or data sets without any): nothing is selected, not everything.
  if (element_uids.empty()) return selection;
  query.data_element_uids.assign(element_uids.begin(), element_uids.end());
  query.org_unit_uids.assign(unit_uids.begin(), unit_uids.end());
  selection->values = store.QueryValues(query);
  return selection;
}

// Whether the request selects `v` beyond what the store query did.
bool Selected(const Selection& selection, const DataValue& v) {
  return (selection.period_ids.empty() || selection.period_ids.contains(v.key.period)) &&
         (selection.attribute_option_combo_uids.empty() ||
          selection.attribute_option_combo_uids.contains(v.key.attribute_option_combo_uid));
}

// Calls f(const ExportRow&) for each selected value; returns how many.
template <class F>
long long ForEachRow(const Selection& selection, F&& f) {
  const IdSchemes& schemes = selection.schemes;
  auto element_id = [&](const std::string& uid) -> std::string {
    const DataElement* element = selection.index->DataElementByUid(uid);
    return element ? MetadataIndex::IdOf(*element, schemes.ForDataElements()) : uid;
  };
  auto combo_id = [&](const std::string& uid, IdScheme scheme) -> std::string {
    const CategoryOptionCombo* combo = selection.index->OptionComboByUid(uid);
    return combo ? MetadataIndex::IdOf(*combo, scheme) : uid;
  };
  auto unit_id = [&](const std::string& uid) -> std::string {
    const OrgUnit* unit = selection.hierarchy->FindByUid(uid);
    return unit ? MetadataIndex::IdOf(*unit, schemes.ForOrgUnits()) : uid;
  };
  long long n = 0;
  for (const DataValue& v : selection.values) {
    if (!Selected(selection, v)) continue;
    f(ExportRow{element_id(v.key.data_element_uid), unit_id(v.key.org_unit_uid),
                combo_id(v.key.category_option_combo_uid, schemes.ForOptionCombos()),
                combo_id(v.key.attribute_option_combo_uid, schemes.ForAttributeOptionCombos()), v});
    ++n;
  }
  return n;
}

// --- the writers: Begin, one Row per value, End ------------------------------------------------

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void Begin() { out_ << "{\"dataValues\":["; }
  void Row(const ExportRow& r) {
    const DataValue& v = r.value;
    boost::json::object row;
    row["dataElement"] = r.data_element;
    row["period"] = v.key.period;
    row["orgUnit"] = r.org_unit;
    row["categoryOptionCombo"] = r.category_option_combo;
    row["attributeOptionCombo"] = r.attribute_option_combo;
    row["value"] = v.value;
    row["storedBy"] = v.stored_by;
    row["lastUpdated"] = v.last_updated;
    if (!v.comment.empty()) row["comment"] = v.comment;
    row["followup"] = false;
    out_ << (first_ ? "\n" : ",\n") << boost::json::serialize(row);
    first_ = false;
  }
  void End() { out_ << "\n]}\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

// Text for a double-quoted attribute. Tab, line feed and carriage return are written as character
// references, because a parser turns them into spaces in an attribute value otherwise (a comment's
// line breaks must survive the round trip); other control characters, which XML 1.0 cannot
// represent, are dropped.
void WriteXmlAttribute(std::ostream& out, const char* name, std::string_view text) {
  out << ' ' << name << "=\"";
  for (char c : text) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      case '\'':
        out << "&apos;";
        break;
      case '\t':
        out << "&#9;";
        break;
      case '\n':
        out << "&#10;";
        break;
      case '\r':
        out << "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out << c;
    }
  }
  out << '"';
}

class XmlWriter {
 public:
  explicit XmlWriter(std::ostream& out) : out_(out) {}
  void Begin() {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\">\n";
  }
  void Row(const ExportRow& r) {
    const DataValue& v = r.value;
    out_ << "  <dataValue";
    WriteXmlAttribute(out_, "dataElement", r.data_element);
    WriteXmlAttribute(out_, "period", v.key.period);
    WriteXmlAttribute(out_, "orgUnit", r.org_unit);
    WriteXmlAttribute(out_, "categoryOptionCombo", r.category_option_combo);
    WriteXmlAttribute(out_, "attributeOptionCombo", r.attribute_option_combo);
    WriteXmlAttribute(out_, "value", v.value);
    WriteXmlAttribute(out_, "storedBy", v.stored_by);
    WriteXmlAttribute(out_, "lastUpdated", v.last_updated);
    if (!v.comment.empty()) WriteXmlAttribute(out_, "comment", v.comment);
    out_ << " followup=\"false\"/>\n";
  }
  void End() { out_ << "</dataValueSet>\n"; }

 private:
  std::ostream& out_;
};

// RFC 4180: quoted when the text holds a separator, a quote or a line break, or starts or ends
// with a space (which readers trim).
void WriteCsvField(std::ostream& out, std::string_view text) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                  text.back() == ' ' || text.back() == '\t'));
  if (!quote) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  // DHIS2's header row (CsvDataValueSetWriter), which its reader and ours skip.
  void Begin() {
    out_ << "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
            "lastupdated,comment,followup,deleted\n";
  }
  void Row(const ExportRow& r) {
    const DataValue& v = r.value;
    for (std::string_view field :
         {std::string_view(r.data_element), std::string_view(v.key.period),
          std::string_view(r.org_unit), std::string_view(r.category_option_combo),
          std::string_view(r.attribute_option_combo), std::string_view(v.value),
          std::string_view(v.stored_by), std::string_view(v.last_updated),
          std::string_view(v.comment)}) {
      WriteCsvField(out_, field);
      out_ << ',';
    }
    out_ << "false,false\n";
  }
  void End() {}

 private:
  std::ostream& out_;
};

// --- ADX ---------------------------------------------------------------------------------------

// ISO 8601 start/duration as ADX writes periods: "2020-01-01/P1M", "2021-01-01/P3M",
// "2021-01-04/P7D" (DHIS2 writes weeks in days), "2021-01-01/P1Y".
std::string AdxPeriod(const Period& period) {
  Date start = period.start();
  Date after = period.end().AddDays(1);
  std::string duration;
  if (period.type() != PeriodType::kWeek && start.day() == 1 && after.day() == 1) {
    int months = (after.year() - start.year()) * 12 + after.month() - start.month();
    duration = start.month() == 1 && months % 12 == 0 ? std::to_string(months / 12) + "Y"
                                                      : std::to_string(months) + "M";
  } else {
    duration = std::to_string(period.days()) + "D";
  }
  return start.ToString() + "/P" + duration;
}

// Whether `text` can be an XML attribute name here: an ASCII letter or '_' first, then letters,
// digits, '_', '-' and '.', or any non-ASCII bytes (UTF-8 letters); no ':' (namespaces).
bool IsXmlName(std::string_view text) {
  if (text.empty()) return false;
  auto letter = [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
  };
  if (!letter(static_cast<unsigned char>(text[0]))) return false;
  return std::all_of(text.begin(), text.end(), [&](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

void WriteXmlText(std::ostream& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '\r':
        out << "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out << c;
    }
  }
}

// Names objects for ADX and refuses, before anything is written, what ADX cannot carry.
class AdxNames {
 public:
  explicit AdxNames(const Selection& selection) : selection_(selection) {
    const MetadataSnapshot& m = selection.metadata;
    for (const Category& c : m.categories) categories_[c.uid] = &c;
    for (const CategoryOption& o : m.category_options) options_[o.uid] = &o;
    for (const CategoryCombo& c : m.category_combos) combos_[c.uid] = &c;
  }

  // The id under `scheme`; by code, the code, which the object must have.
  static const std::string& Id(const NamedObject& object, IdScheme scheme, const char* kind_vi,
                               const char* kind_en) {
    if (scheme == IdScheme::kCode && object.code.empty()) {
      Bad("export_adx_no_code",
          std::string(kind_vi) + " '" + object.uid + "' (" + object.name_vi +
              ") không có mã; ADX theo mã cần mã cho mọi đối tượng (hoặc chọn --id-scheme khác)",
          std::string(kind_en) + " '" + object.uid + "' (" + object.name_en +
              ") has no code; ADX by code needs a code for every object (or choose another "
              "--id-scheme)",
          "--id-scheme");
    }
    return MetadataIndex::IdOf(object, scheme);
  }
  const std::string& Unit(const std::string& uid) {
    const OrgUnit* unit = selection_.hierarchy->FindByUid(uid);
    if (unit == nullptr) return uid;
    if (selection_.schemes.ForOrgUnits() == IdScheme::kCode && unit->code.empty()) {
      Bad("export_adx_no_code",
          "đơn vị '" + unit->uid + "' (" + unit->name_vi + ") không có mã; ADX theo mã cần mã",
          "org unit '" + unit->uid + "' (" + unit->name_en + ") has no code; ADX by code needs one",
          "--org-unit-id-scheme");
    }
    return MetadataIndex::IdOf(*unit, selection_.schemes.ForOrgUnits());
  }
  const std::string& Element(const DataElement& element) {
    return Id(element, selection_.schemes.ForDataElements(), "phần tử dữ liệu", "data element");
  }

  // The category attributes of an option combo (none for the default combo's), cached.
  const std::vector<std::pair<std::string, std::string>>& Attributes(const std::string& coc_uid) {
    auto cached = attributes_.find(coc_uid);
    if (cached != attributes_.end()) return cached->second;
    std::vector<std::pair<std::string, std::string>> out;
    const CategoryOptionCombo* coc = selection_.index->OptionComboByUid(coc_uid);
    auto combo = coc == nullptr ? combos_.end() : combos_.find(coc->combo_uid);
    if (coc != nullptr && coc->combo_uid != DefaultCategoryComboUid() && combo != combos_.end()) {
      for (const std::string& category_uid : combo->second->category_uids) {
        auto category = categories_.find(category_uid);
        if (category == categories_.end()) continue;
        const Category& c = *category->second;
        const std::string& name =
            Id(c, selection_.schemes.ForCategories(), "mục phân tổ", "category");
        if (!IsXmlName(name) || name == "dataElement" || name == "value" ||
            name == "categoryOptionCombo" || name == "dataSet" || name == "period" ||
            name == "orgUnit" || name == "attributeOptionCombo" || name == "completeDate") {
          Bad("export_adx_invalid_name",
              "mục phân tổ '" + c.uid + "' có định danh '" + name +
                  "', không dùng được làm tên thuộc tính XML trong ADX (chọn "
                  "--category-id-scheme khác)",
              "category '" + c.uid + "' has the id '" + name +
                  "', which cannot be an XML attribute name in ADX (choose another "
                  "--category-id-scheme)",
              "--category-id-scheme");
        }
        for (const std::string& option_uid : coc->option_uids) {
          if (std::find(c.option_uids.begin(), c.option_uids.end(), option_uid) ==
              c.option_uids.end()) {
            continue;
          }
          auto option = options_.find(option_uid);
          if (option == options_.end()) continue;
          out.emplace_back(name, Id(*option->second, selection_.schemes.ForCategoryOptions(),
                                    "lựa chọn phân tổ", "category option"));
        }
      }
    }
    return attributes_.emplace(coc_uid, std::move(out)).first->second;
  }

 private:
  const Selection& selection_;
  std::unordered_map<std::string, const Category*> categories_;
  std::unordered_map<std::string, const CategoryOption*> options_;
  std::unordered_map<std::string, const CategoryCombo*> combos_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> attributes_;
};

long long WriteAdx(const Selection& selection, std::ostream& out) {
  if (selection.data_sets.empty()) {
    Bad("export_adx_no_data_set", "ADX cần bộ dữ liệu (--data-set): mỗi nhóm thuộc một bộ",
        "ADX needs data sets (--data-set): every group belongs to one", "--data-set");
  }
  AdxNames names(selection);
  // One entry per value: its data set (position in the request) and period, sorted into groups.
  struct Entry {
    size_t data_set;
    Period period;
    const DataValue* value;
  };
  std::vector<Entry> entries;
  for (const DataValue& v : selection.values) {
    if (!Selected(selection, v)) continue;
    size_t data_set = 0;
    while (data_set < selection.data_sets.size()) {
      const auto& uids = selection.data_sets[data_set]->data_element_uids;
      if (std::find(uids.begin(), uids.end(), v.key.data_element_uid) != uids.end()) break;
      ++data_set;
    }
    const DataElement* element = selection.index->DataElementByUid(v.key.data_element_uid);
    if (data_set == selection.data_sets.size() || element == nullptr) {
      Bad("export_adx_no_data_set",
          "phần tử dữ liệu '" + v.key.data_element_uid +
              "' không thuộc bộ dữ liệu nào được chọn; ADX cần bộ dữ liệu cho mỗi nhóm",
          "data element '" + v.key.data_element_uid +
              "' is in none of the requested data sets; ADX needs a data set for every group",
          "--data-set");
    }
    auto period = Period::Parse(v.key.period);
    if (!period) continue;  // not a period the store can hold
    // Every name is checked now, so that a refused export writes nothing.
    names.Element(*element);
    names.Unit(v.key.org_unit_uid);
    names.Attributes(v.key.category_option_combo_uid);
    names.Attributes(v.key.attribute_option_combo_uid);
    entries.push_back({data_set, *period, &v});
  }
  for (const DataSet* data_set : selection.data_sets) {
    AdxNames::Id(*data_set, selection.schemes.ForDataSets(), "bộ dữ liệu", "data set");
  }
  auto group_key = [](const Entry& e) {
    return std::tie(e.data_set, e.period, e.value->key.org_unit_uid,
                    e.value->key.attribute_option_combo_uid);
  };
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    return std::tie(a.data_set, a.period, a.value->key.org_unit_uid,
                    a.value->key.attribute_option_combo_uid, a.value->key.data_element_uid,
                    a.value->key.category_option_combo_uid) <
           std::tie(b.data_set, b.period, b.value->key.org_unit_uid,
                    b.value->key.attribute_option_combo_uid, b.value->key.data_element_uid,
                    b.value->key.category_option_combo_uid);
  });

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<adx xmlns=\"urn:ihe:qrph:adx:2015\"";
  WriteXmlAttribute(out, "exported", UtcTimestampNow());
  out << ">\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const DataValue& v = *e.value;
    if (i == 0 || group_key(entries[i - 1]) != group_key(e)) {
      out << "  <group";
      WriteXmlAttribute(out, "dataSet",
                        AdxNames::Id(*selection.data_sets[e.data_set],
                                     selection.schemes.ForDataSets(), "bộ dữ liệu", "data set"));
      WriteXmlAttribute(out, "period", AdxPeriod(e.period));
      WriteXmlAttribute(out, "orgUnit", names.Unit(v.key.org_unit_uid));
      for (const auto& [category, option] : names.Attributes(v.key.attribute_option_combo_uid)) {
        WriteXmlAttribute(out, category.c_str(), option);
      }
      out << ">\n";
    }
    const DataElement& element = *selection.index->DataElementByUid(v.key.data_element_uid);
    bool numeric =
        element.value_type != ValueType::kText && element.value_type != ValueType::kBoolean;
    out << "    <dataValue";
    WriteXmlAttribute(out, "dataElement", names.Element(element));
    for (const auto& [category, option] : names.Attributes(v.key.category_option_combo_uid)) {
      WriteXmlAttribute(out, category.c_str(), option);
    }
    WriteXmlAttribute(out, "value", numeric ? std::string_view(v.value) : "0");
    const std::string& annotation = numeric ? v.comment : v.value;
    if (annotation.empty()) {
      out << "/>\n";
    } else {
      out << ">\n      <annotation>";
      WriteXmlText(out, annotation);
      out << "</annotation>\n    </dataValue>\n";
    }
    if (i + 1 == entries.size() || group_key(entries[i + 1]) != group_key(e)) {
      out << "  </group>\n";
    }
  }
  out << "</adx>\n";
  if (!out) Bad("export_write_failed", "không ghi được tệp", "the output cannot be written", "");
  return static_cast<long long>(entries.size());
}

template <class Writer>
long long Write(const Selection& selection, std::ostream& out) {
  Writer writer(out);
  writer.Begin();
  long long written = ForEachRow(selection, [&](const ExportRow& row) { writer.Row(row); });
  writer.End();
  if (!out) Bad("export_write_failed", "không ghi được tệp", "the output cannot be written", "");
  return written;
}

}  // namespace

std::optional<DataValueExportFormat> ParseDataValueExportFormat(std::string_view name) {
  if (name == "json") return DataValueExportFormat::kJson;
  if (name == "xml") return DataValueExportFormat::kXml;
  if (name == "csv") return DataValueExportFormat::kCsv;
  if (name == "adx") return DataValueExportFormat::kAdx;
  return std::nullopt;
}

long long ExportDataValueSet(Store& store, const DataValueExportRequest& request,
                             DataValueExportFormat format, std::ostream& out) {
  std::unique_ptr<Selection> selection = Select(store, request);
  switch (format) {
    case DataValueExportFormat::kXml:
      return Write<XmlWriter>(*selection, out);
    case DataValueExportFormat::kCsv:
      return Write<CsvWriter>(*selection, out);
    case DataValueExportFormat::kAdx:
      return WriteAdx(*selection, out);
    case DataValueExportFormat::kJson:
      break;
  }
  return Write<JsonWriter>(*selection, out);
}

long long ExportDataValueSetJson(Store& store, const DataValueExportRequest& request,
                                 std::ostream& out) {
  return ExportDataValueSet(store, request, DataValueExportFormat::kJson, out);
}

}  // namespace solieu
