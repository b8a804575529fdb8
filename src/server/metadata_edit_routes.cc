// PUT /api/metadata/{dataElements,dataSets,indicators}/{id}: administrators correct metadata
// while the server runs — names, descriptions, a data element's value type (only while it has
// no values), a data set's expiry days, org units and data elements, an indicator's expressions
// (parsed by the engine's parser; 400 with the position on error). A change is checked whole,
// written through Store::ApplyMetadata (one transaction), logged in the admin event log (who,
// when, client, each field from and to), and the engine is rebuilt from the store under the
// store's write lock, so the next request sees it. Org-unit structure (merges, splits) is not
// edited here: it has its own history model (config/README.md).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <set>

#include "auth/role.h"
#include "core/value_check.h"
#include "engine/expression.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/event_log.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr size_t kMaxNameBytes = 500;
constexpr size_t kMaxDescriptionBytes = 4000;
constexpr size_t kMaxExpressionBytes = 4000;
constexpr int kMaxExpiryDays = 3650;

void RequireAdministrator(const Principal& user) {
  RequireRole(user.role == Role::kAdministrator, user, "sửa danh mục", "edit metadata");
}

// The changed fields as {"field": {"from": ..., "to": ...}}, for the log and the response.
class Changes {
 public:
  template <typename T>
  void Note(const char* field, const T& from, const T& to) {
    if (from == to) return;
    fields_[field] = json::object{{"from", ToJson(from)}, {"to", ToJson(to)}};
  }
  bool empty() const { return fields_.empty(); }
  const json::object& fields() const { return fields_; }

 private:
  static json::value ToJson(const std::string& s) { return json::value(s); }
  static json::value ToJson(int v) { return json::value(v); }
  static json::value ToJson(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& item : items) out.push_back(json::value(item));
    return out;
  }
  json::object fields_;
};

// A text field: absent keeps `current`; present must be a non-empty string within `limit`.
std::string TextField(const json::object& body, const char* name, const std::string& current,
                      size_t limit, bool may_be_empty = false) {
  auto value = StringField(body, name, false);
  if (!value) return current;
  if (value->empty() && !may_be_empty) {
    throw HttpError(400, "api.empty_field", std::string("trường '") + name + "' không được trống",
                    std::string("field '") + name + "' must not be empty", name);
  }
  if (value->size() > limit) {
    throw HttpError(
        400, "api.field_too_long",
        std::string("trường '") + name + "' dài quá " + std::to_string(limit) + " byte",
        std::string("field '") + name + "' is longer than " + std::to_string(limit) + " bytes",
        name);
  }
  return *value;
}

std::optional<std::vector<std::string>> StringList(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    throw HttpError(400, "api.wrong_type", std::string("trường '") + name + "' phải là danh sách",
                    std::string("field '") + name + "' must be a list", name);
  }
  std::vector<std::string> out;
  for (const json::value& item : value->as_array()) {
    if (!item.is_string()) {
      throw HttpError(400, "api.wrong_type",
                      std::string("mỗi phần tử của '") + name + "' phải là một chuỗi",
                      std::string("each item of '") + name + "' must be a string", name);
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

template <typename T>
T& FindOr404(std::vector<T>& objects, const std::string& id, const char* kind_vi,
             const char* kind_en) {
  for (T& o : objects) {
    if (o.uid == id || o.code == id) return o;
  }
  throw HttpError(404, "api.unknown_object", std::string("không có ") + kind_vi + " '" + id + "'",
                  std::string("no ") + kind_en + " '" + id + "'", "id");
}

// Writes `edited` (a snapshot holding only the changed object), logs the change and swaps in an
// engine rebuilt from the store, all under the store's write lock so that no value write falls
// between the rebuild's read and the swap.
// `check` runs first under the same lock (a condition no concurrent write may change).
void Commit(ApiServices& services, RequestContext& context, const MetadataSnapshot& edited,
            const char* action, const std::string& target, const Changes& changes,
            const std::function<void(Store&)>& check = {}) {
  if (changes.empty()) return;
  services.store.Write([&](Store& store) {
    if (check) check(store);
    store.ApplyMetadata(edited);
    services.analytics.Replace(LoadEngine(store));
    return 0;
  });
  LogEvent(services, context, action, target, changes.fields());
}

Response Answer(const NamedObject& o, const Changes& changes) {
  return JsonResponse(200, json::object{{"id", o.uid},
                                        {"code", o.code},
                                        {"changed", changes.fields()},
                                        {"status", changes.empty() ? "unchanged" : "updated"}});
}

Response PutDataElement(ApiServices& services, RequestContext& context) {
  RequireAdministrator(context.user());
  json::object body = ParseJsonObject(context.request);
  MetadataSnapshot m = services.store.Read([](Store& s) { return s.LoadMetadata(); });
  DataElement& d =
      FindOr404(m.data_elements, context.path_params.at("id"), "phần tử dữ liệu", "data element");
  DataElement before = d;
  d.name_vi = TextField(body, "name", d.name_vi, kMaxNameBytes);
  d.name_en = TextField(body, "nameEn", d.name_en, kMaxNameBytes);
  d.description = TextField(body, "description", d.description, kMaxDescriptionBytes, true);
  if (auto type = StringField(body, "valueType", false)) {
    if (!ParseValueType(*type, &d.value_type)) {
      throw HttpError(400, "api.invalid_value_type", "kiểu giá trị '" + *type + "' không hợp lệ",
                      "invalid value type '" + *type + "'", "valueType");
    }
  }
  Changes changes;
  changes.Note("name", before.name_vi, d.name_vi);
  changes.Note("nameEn", before.name_en, d.name_en);
  changes.Note("description", before.description, d.description);
  changes.Note("valueType", std::string(ValueTypeName(before.value_type)),
               std::string(ValueTypeName(d.value_type)));
  std::function<void(Store&)> check;
  if (d.value_type != before.value_type) {
    // Stored values were checked against the old type; a new one could make them invalid.
    check = [&d](Store& store) {
      long long stored = store.CountValues(d.uid);
      if (stored > 0) {
        throw HttpError(409, "api.has_values",
                        "không thể đổi kiểu giá trị của " + d.code + ": đã có " +
                            std::to_string(stored) + " giá trị",
                        "the value type of " + d.code +
                            " cannot change: " + std::to_string(stored) + " values are stored",
                        "valueType");
      }
    };
  }
  MetadataSnapshot edited;
  edited.data_elements.push_back(d);
  Commit(services, context, edited, "put_data_element", d.code, changes, check);
  return Answer(d, changes);
}

Response PutDataSet(ApiServices& services, RequestContext& context) {
  RequireAdministrator(context.user());
  json::object body = ParseJsonObject(context.request);
  MetadataSnapshot m = services.store.Read([](Store& s) { return s.LoadMetadata(); });
  DataSet& d = FindOr404(m.data_sets, context.path_params.at("id"), "bộ dữ liệu", "data set");
  DataSet before = d;
  d.name_vi = TextField(body, "name", d.name_vi, kMaxNameBytes);
  d.name_en = TextField(body, "nameEn", d.name_en, kMaxNameBytes);
  if (const json::value* expiry = body.if_contains("expiryDays")) {
    if (!expiry->is_int64() || expiry->as_int64() < 0 || expiry->as_int64() > kMaxExpiryDays) {
      throw HttpError(400, "api.invalid_expiry_days",
                      "'expiryDays' phải là số nguyên từ 0 đến " + std::to_string(kMaxExpiryDays),
                      "'expiryDays' must be an integer from 0 to " + std::to_string(kMaxExpiryDays),
                      "expiryDays");
    }
    d.expiry_days = static_cast<int>(expiry->as_int64());
  }
  const Analytics& analytics = services.analytics.Structure();
  if (auto units = StringList(body, "orgUnits")) {
    std::vector<std::string> uids;
    for (const std::string& id : *units) {
      std::string uid =
          FindOrgUnitOr400(analytics.hierarchy(), id, services.today(), "orgUnits").uid;
      if (std::find(uids.begin(), uids.end(), uid) == uids.end()) uids.push_back(uid);
    }
    d.org_unit_uids = std::move(uids);
  }
  if (auto elements = StringList(body, "dataElements")) {
    std::vector<std::string> uids;
    for (const std::string& id : *elements) {
      std::string uid = FindDataElementOr400(m, id, "dataElements").uid;
      if (std::find(uids.begin(), uids.end(), uid) == uids.end()) uids.push_back(uid);
    }
    d.data_element_uids = std::move(uids);
  }
  // The store lists members by id; compare as sets so a reordering is no change.
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  Changes changes;
  changes.Note("name", before.name_vi, d.name_vi);
  changes.Note("nameEn", before.name_en, d.name_en);
  changes.Note("expiryDays", before.expiry_days, d.expiry_days);
  changes.Note("orgUnits", sorted(before.org_unit_uids), sorted(d.org_unit_uids));
  changes.Note("dataElements", sorted(before.data_element_uids), sorted(d.data_element_uids));
  MetadataSnapshot edited;
  edited.data_sets.push_back(d);
  Commit(services, context, edited, "put_data_set", d.code, changes);
  return Answer(d, changes);
}

// Parses an expression with the engine's parser and checks that what it names exists.
void CheckExpression(const MetadataSnapshot& m, const std::string& text, const char* field) {
  if (text.size() > kMaxExpressionBytes) {
    throw HttpError(400, "api.field_too_long", std::string("biểu thức '") + field + "' quá dài",
                    std::string("expression '") + field + "' is too long", field);
  }
  try {
    Expression::Parse(text);
  } catch (const UserError& e) {
    throw HttpError(400, e.code(), e.message_vi(), e.message_en(), field);
  }
  auto unknown = [&](const std::string& kind_vi, const std::string& kind_en,
                     const std::string& id) {
    throw HttpError(400, "api.unknown_reference",
                    std::string(field) + ": không có " + kind_vi + " '" + id + "'",
                    std::string(field) + ": no " + kind_en + " '" + id + "'", field);
  };
  auto has = [](const auto& objects, const std::string& id) {
    return std::any_of(objects.begin(), objects.end(),
                       [&](const auto& o) { return o.uid == id || o.code == id; });
  };
  for (const std::string& id : ExpressionIds(text, "#{")) {
    if (!has(m.data_elements, id)) unknown("phần tử dữ liệu", "data element", id);
  }
  for (const std::string& id : ExpressionIds(text, "N{")) {
    if (!has(m.indicators, id)) unknown("chỉ số", "indicator", id);
  }
  for (const std::string& id : ExpressionIds(text, "C{")) {
    if (!has(m.constants, id)) unknown("hằng số", "constant", id);
  }
}

// Whether indicator `start` reaches itself through N{...}: the engine would never finish it.
bool ReachesItself(const MetadataSnapshot& m, const Indicator& start) {
  std::set<std::string> seen;
  std::function<bool(const Indicator&)> visit = [&](const Indicator& i) {
    for (const std::string* text : {&i.numerator, &i.denominator}) {
      for (const std::string& id : ExpressionIds(*text, "N{")) {
        if (id == start.uid || id == start.code) return true;
        for (const Indicator& next : m.indicators) {
          if ((next.uid == id || next.code == id) && seen.insert(next.uid).second && visit(next)) {
            return true;
          }
        }
      }
    }
    return false;
  };
  return visit(start);
}

Response PutIndicator(ApiServices& services, RequestContext& context) {
  RequireAdministrator(context.user());
  json::object body = ParseJsonObject(context.request);
  MetadataSnapshot m = services.store.Read([](Store& s) { return s.LoadMetadata(); });
  Indicator& i = FindOr404(m.indicators, context.path_params.at("id"), "chỉ số", "indicator");
  Indicator before = i;
  i.name_vi = TextField(body, "name", i.name_vi, kMaxNameBytes);
  i.name_en = TextField(body, "nameEn", i.name_en, kMaxNameBytes);
  i.description = TextField(body, "description", i.description, kMaxDescriptionBytes, true);
  i.numerator = TextField(body, "numerator", i.numerator, kMaxExpressionBytes);
  i.denominator = TextField(body, "denominator", i.denominator, kMaxExpressionBytes);
  CheckExpression(m, i.numerator, "numerator");
  CheckExpression(m, i.denominator, "denominator");
  if (ReachesItself(m, i)) {
    throw HttpError(400, "api.circular_indicator",
                    "chỉ số " + i.code + " tự tham chiếu tới chính nó qua N{...}",
                    "indicator " + i.code + " refers to itself through N{...}", "numerator");
  }
  Changes changes;
  changes.Note("name", before.name_vi, i.name_vi);
  changes.Note("nameEn", before.name_en, i.name_en);
  changes.Note("description", before.description, i.description);
  changes.Note("numerator", before.numerator, i.numerator);
  changes.Note("denominator", before.denominator, i.denominator);
  MetadataSnapshot edited;
  edited.indicators.push_back(i);
  Commit(services, context, edited, "put_indicator", i.code, changes);
  return Answer(i, changes);
}

}  // namespace

void AddMetadataEditRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::put, "/api/metadata/dataElements/{id}", Access::kUser,
             [&services](RequestContext& c) { return PutDataElement(services, c); });
  router.Add(http::verb::put, "/api/metadata/dataSets/{id}", Access::kUser,
             [&services](RequestContext& c) { return PutDataSet(services, c); });
  router.Add(http::verb::put, "/api/metadata/indicators/{id}", Access::kUser,
             [&services](RequestContext& c) { return PutIndicator(services, c); });
}

}  // namespace solieu::server
