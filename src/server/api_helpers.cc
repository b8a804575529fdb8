#include "server/api_helpers.h"

#include <boost/json/parse.hpp>
#include <charconv>

#include "auth/role.h"
#include "server/http_error.h"
#include "server/request_target.h"

namespace solieu::server {

namespace json = boost::json;

json::object ParseJsonObject(const Request& request) {
  boost::system::error_code ec;
  json::value value = json::parse(request.body(), ec);
  if (ec) {
    throw HttpError(400, "api.malformed_json", "nội dung không phải JSON hợp lệ: " + ec.message(),
                    "the body is not valid JSON: " + ec.message(), "body");
  }
  if (!value.is_object()) {
    throw HttpError(400, "api.expected_object", "nội dung phải là một đối tượng JSON {...}",
                    "the body must be a JSON object {...}", "body");
  }
  return std::move(value.as_object());
}

std::optional<std::string> StringField(const json::object& body, const char* name, bool required) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || (value->is_null() && !required)) {
    if (!required) return std::nullopt;
    throw HttpError(400, "api.missing_field", std::string("thiếu trường '") + name + "'",
                    std::string("missing field '") + name + "'", name);
  }
  if (!value->is_string()) {
    throw HttpError(400, "api.wrong_type", std::string("trường '") + name + "' phải là chuỗi",
                    std::string("field '") + name + "' must be a string", name);
  }
  std::string text(value->as_string());
  if (!IsValidUtf8(text)) {  // the JSON parser checks UTF-8; NUL characters are refused here
    throw HttpError(400, "api.invalid_text",
                    std::string("trường '") + name + "' chứa ký tự không hợp lệ",
                    std::string("field '") + name + "' holds an invalid character (NUL)", name);
  }
  return text;
}

std::optional<std::string> Param(const RequestContext& context, const char* name, bool required) {
  auto value = context.target.query.Get(name);
  if ((!value || value->empty()) && required) {
    throw HttpError(400, "api.missing_parameter", std::string("thiếu tham số '") + name + "'",
                    std::string("missing parameter '") + name + "'", name);
  }
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::int64_t IdPathParam(const RequestContext& context, const char* name) {
  const std::string& text = context.path_params.at(name);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw HttpError(400, "api.invalid_id", "mã số '" + text + "' không hợp lệ",
                    "invalid id '" + text + "'", name);
  }
  return id;
}

Period ParsePeriodParam(const std::string& text, const char* where) {
  auto period = Period::Parse(text);
  if (!period) {
    throw HttpError(400, "api.invalid_period", "kỳ '" + text + "' không hợp lệ",
                    "invalid period '" + text + "'", where);
  }
  return *period;
}

Date ParseDateParam(const std::string& text, const char* where) {
  auto day = Date::Parse(text);
  if (!day) {
    throw HttpError(400, "api.invalid_date", "ngày '" + text + "' không hợp lệ (YYYY-MM-DD)",
                    "invalid date '" + text + "' (YYYY-MM-DD)", where);
  }
  return *day;
}

const DataElement& FindDataElementOr400(const MetadataSnapshot& m, const std::string& id,
                                        const char* where) {
  for (const DataElement& d : m.data_elements) {
    if (d.uid == id || d.code == id) return d;
  }
  throw HttpError(400, "api.unknown_data_element", "không có phần tử dữ liệu '" + id + "'",
                  "no data element '" + id + "'", where);
}

const Indicator* FindIndicatorByIdOrCode(const MetadataSnapshot& m, const std::string& id) {
  for (const Indicator& i : m.indicators) {
    if (i.uid == id || i.code == id) return &i;
  }
  return nullptr;
}

const OrgUnit& FindOrgUnitOr400(const OrgHierarchy& hierarchy, const std::string& id, Date day,
                                const char* where) {
  const OrgUnit* unit = hierarchy.FindByUid(id);
  if (unit == nullptr) unit = hierarchy.FindByCode(id, day);
  if (unit == nullptr) {
    throw HttpError(400, "api.unknown_org_unit",
                    "không có đơn vị '" + id + "' vào ngày " + day.ToString(),
                    "no org unit '" + id + "' on " + day.ToString(), where);
  }
  return *unit;
}

ResolvedValueKey ResolveValueKey(const Analytics& analytics, const std::string& de,
                                 const std::string& pe, const std::string& ou,
                                 const std::string& co, bool require_open) {
  const MetadataSnapshot& m = analytics.metadata();
  const OrgHierarchy& hierarchy = analytics.hierarchy();
  Period period = ParsePeriodParam(pe, "pe");
  const DataElement& element = FindDataElementOr400(m, de, "de");
  const OrgUnit* unit = hierarchy.FindByUid(ou);
  if (unit == nullptr) unit = hierarchy.FindByCode(ou, period.end());
  if (unit == nullptr) unit = hierarchy.FindByCode(ou, period.start());
  if (unit == nullptr) {
    throw HttpError(400, "api.unknown_org_unit",
                    "không có đơn vị '" + ou + "' trong kỳ " + period.Id(),
                    "no org unit '" + ou + "' in period " + period.Id(), "ou");
  }
  if (require_open && !unit->validity.Contains(period.end())) {
    throw HttpError(400, "api.org_unit_not_open",
                    "đơn vị " + unit->code + " (" + unit->name_vi +
                        ") không hoạt động vào ngày cuối của kỳ " + period.Id(),
                    "org unit " + unit->code + " (" + unit->name_en +
                        ") is not open on the last day of period " + period.Id(),
                    "ou");
  }
  const CategoryOptionCombo* combo = nullptr;
  for (const CategoryOptionCombo& c : m.category_option_combos) {
    if (c.combo_uid == element.category_combo_uid && (c.uid == co || c.code == co)) combo = &c;
  }
  if (combo == nullptr) {
    throw HttpError(400, "api.unknown_option_combo",
                    "tổ hợp phân tổ '" + co + "' không thuộc phần tử dữ liệu " + element.code,
                    "option combo '" + co + "' is not one of data element " + element.code + "'s",
                    "co");
  }
  return {{element.uid, period.Id(), unit->uid, combo->uid, DefaultCategoryOptionComboUid()},
          period,
          &element,
          unit};
}

void RequireRole(bool allowed, const Principal& principal, const std::string& what_vi,
                 const std::string& what_en) {
  if (allowed) return;
  std::string role(RoleName(principal.role));
  throw HttpError(403, "auth.forbidden_role", "vai trò " + role + " không được " + what_vi,
                  "the role " + role + " may not " + what_en, "role");
}

OrgScope ScopeOf(const Analytics& analytics, const Principal& principal) {
  return OrgScope(analytics.hierarchy(), principal.account.org_unit_uids);
}

void RequireScope(const Analytics& analytics, const Principal& principal, const OrgUnit& unit,
                  const Period& period) {
  if (ScopeOf(analytics, principal).ContainsForPeriod(unit, period)) return;
  throw HttpError(403, "auth.out_of_scope",
                  "đơn vị " + unit.code + " (" + unit.name_vi +
                      ") nằm ngoài phạm vi được giao cho " + principal.account.username,
                  "org unit " + unit.code + " (" + unit.name_en + ") is outside the units of " +
                      principal.account.username,
                  "ou");
}

json::object DataValueJson(const DataValue& value) {
  return {{"dataElement", value.key.data_element_uid},
          {"period", value.key.period},
          {"orgUnit", value.key.org_unit_uid},
          {"categoryOptionCombo", value.key.category_option_combo_uid},
          {"attributeOptionCombo", value.key.attribute_option_combo_uid},
          {"value", value.value},
          {"comment", value.comment},
          {"storedBy", value.stored_by},
          {"lastUpdated", value.last_updated}};
}

}  // namespace solieu::server
