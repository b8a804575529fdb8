#include "exchange/data_value_export.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <unordered_set>

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

}  // namespace

long long ExportDataValueSetJson(Store& store, const DataValueExportRequest& request,
                                 std::ostream& out) {
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

  MetadataSnapshot metadata = store.LoadMetadata();
  OrgHierarchy hierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
  MetadataIndex index(metadata, hierarchy);
  const IdSchemes& schemes = request.id_schemes;

  std::set<std::string> element_uids;
  for (const std::string& id : request.data_sets) {
    auto found = index.FindDataSet(id, schemes.ForDataSets());
    if (found.object == nullptr) {
      Bad("export_unknown_data_set", "không tìm thấy bộ dữ liệu '" + id + "'",
          "data set '" + id + "' not found", "--data-set");
    }
    element_uids.insert(found.object->data_element_uids.begin(),
                        found.object->data_element_uids.end());
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
  std::set<std::string> period_ids;
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

  query.data_element_uids.assign(element_uids.begin(), element_uids.end());
  query.org_unit_uids.assign(unit_uids.begin(), unit_uids.end());
  std::vector<DataValue> values = store.QueryValues(query);

  auto element_id = [&](const std::string& uid) -> std::string {
    const DataElement* element = index.DataElementByUid(uid);
    return element ? MetadataIndex::IdOf(*element, schemes.ForDataElements()) : uid;
  };
  auto combo_id = [&](const std::string& uid, IdScheme scheme) -> std::string {
    const CategoryOptionCombo* combo = index.OptionComboByUid(uid);
    return combo ? MetadataIndex::IdOf(*combo, scheme) : uid;
  };
  auto unit_id = [&](const std::string& uid) -> std::string {
    const OrgUnit* unit = hierarchy.FindByUid(uid);
    return unit ? MetadataIndex::IdOf(*unit, schemes.ForOrgUnits()) : uid;
  };

  out << "{\"dataValues\":[";
  long long written = 0;
  for (const DataValue& v : values) {
    if (!period_ids.empty() && !period_ids.contains(v.key.period)) continue;
    boost::json::object row;
    row["dataElement"] = element_id(v.key.data_element_uid);
    row["period"] = v.key.period;
    row["orgUnit"] = unit_id(v.key.org_unit_uid);
    row["categoryOptionCombo"] =
        combo_id(v.key.category_option_combo_uid, schemes.ForOptionCombos());
    row["attributeOptionCombo"] =
        combo_id(v.key.attribute_option_combo_uid, schemes.ForAttributeOptionCombos());
    row["value"] = v.value;
    row["storedBy"] = v.stored_by;
    row["lastUpdated"] = v.last_updated;
    if (!v.comment.empty()) row["comment"] = v.comment;
    row["followup"] = false;
    out << (written == 0 ? "\n" : ",\n") << boost::json::serialize(row);
    ++written;
  }
  out << "\n]}\n";
  if (!out) Bad("export_write_failed", "không ghi được tệp", "the output cannot be written", "");
  return written;
}

}  // namespace solieu
