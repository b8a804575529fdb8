// GET /api/orgUnits/events, POST /api/metadata/orgUnits, PUT /api/metadata/orgUnits/{id},
// POST /api/orgUnits/merges: the org-unit history, kept by administrators inside their own units.
// Units are never edited into a new structure: a merge closes the old units the day before its
// date, records merge events (which carry their data onto today's structure) and moves their
// children to the new unit by a parent link that starts on that date, so "as it was" is unchanged.
// Every change is made on the whole stored metadata under the store's write lock, checked by
// building the whole history (core OrgHierarchy: codes, parents, events over time), then written
// through Store::ApplyMetadata in one transaction; so a refused change leaves everything as it
// was. The store replaces the parent links and incoming events of every unit it is given, so the
// snapshot written holds each touched unit with all of its links and events.
#include "server/org_unit_routes.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <set>
#include <stdexcept>

#include "auth/org_scope.h"
#include "auth/role.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/text.h"
#include "core/uid.h"
#include "server/api_helpers.h"
#include "server/event_log.h"
#include "server/http_error.h"
#include "server/json_response.h"
#include "store/store.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr size_t kMaxNameBytes = 500;
constexpr size_t kMaxCodeBytes = 50;
constexpr size_t kMaxMergeUnits = 200;
// Periods are at most a year long: values of a unit for periods ending on or after a date are
// found among those starting within this many days before it.
constexpr int kLongestPeriodDays = 400;

const std::set<std::string>& FacilityTypes() {
  static const std::set<std::string> types = {
      "hospital",   "ttyt",   "pkdkkv",         "tyt",     "diem_tram", "cdc", "specialty_center",
      "department", "school", "private_clinic", "pharmacy"};
  return types;
}

[[noreturn]] void Bad(const std::string& code, const std::string& vi, const std::string& en,
                      const std::string& where, int status = 400) {
  throw HttpError(status, code, vi, en, where);
}

void RequireAdministrator(const Principal& user) {
  RequireRole(user.role == Role::kAdministrator, user, "sửa đơn vị", "edit org units");
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeBytes) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

std::string Text(const json::object& body, const char* name, bool required, size_t limit) {
  auto value = StringField(body, name, required);
  if (!value) return {};
  if (value->empty() && required) {
    Bad("api.empty_field", std::string("trường '") + name + "' không được trống",
        std::string("field '") + name + "' must not be empty", name);
  }
  if (value->size() > limit) {
    Bad("api.field_too_long",
        std::string("trường '") + name + "' dài quá " + std::to_string(limit) + " byte",
        std::string("field '") + name + "' is longer than " + std::to_string(limit) + " bytes",
        name);
  }
  return *value;
}

Date DateField(const json::object& body, const char* name) {
  return ParseDateParam(*StringField(body, name, true), name);
}

std::string Dates(const Validity& v) {
  return (v.from ? v.from->ToString() : std::string("…")) + " – " +
         (v.to ? v.to->AddDays(-1).ToString() : std::string("…"));
}

json::value OptionalDate(const std::optional<Date>& day) {
  if (!day) return nullptr;
  return json::value(day->ToString());
}

json::object UnitRef(const OrgUnit& u) {
  return {{"id", u.uid}, {"code", u.code}, {"name", u.name_vi}, {"nameEn", u.name_en}};
}

json::object UnitJson(const OrgUnit& u, const std::string& parent_uid) {
  json::object o = UnitRef(u);
  o["level"] = OrgLevelName(u.level);
  o["parent"] = parent_uid.empty() ? json::value(nullptr) : json::value(parent_uid);
  o["facilityType"] = u.facility_type;
  o["communeType"] = u.commune_type;
  o["openingDate"] = OptionalDate(u.validity.from);
  o["closedDate"] = OptionalDate(u.validity.to);
  return o;
}

OrgUnit& StoredUnit(MetadataSnapshot& m, const std::string& uid) {
  for (OrgUnit& u : m.org_units) {
    if (u.uid == uid) return u;
  }
  throw std::logic_error("org unit " + uid + " vanished from the snapshot");
}

void RequireInScope(const OrgScope& scope, const Principal& user, const OrgUnit& unit, Date day,
                    const char* where) {
  if (scope.Contains(unit, day)) return;
  throw HttpError(403, "auth.out_of_scope",
                  "đơn vị " + unit.code + " (" + unit.name_vi + ") ngày " + day.ToString() +
                      " nằm ngoài phạm vi được giao cho " + user.account.username,
                  "org unit " + unit.code + " (" + unit.name_en + ") on " + day.ToString() +
                      " is outside the units of " + user.account.username,
                  where);
}

// Values stored at `unit` for a period that ends on or after `day` would belong to a unit that
// no longer exists then (a value is reported by the unit open on its period's last day).
void RequireNoValuesFrom(Store& store, const OrgUnit& unit, Date day, const char* where) {
  ValueQuery query;
  query.org_unit_uids = {unit.uid};
  query.from = day.AddDays(-kLongestPeriodDays);
  for (const DataValue& v : store.QueryValues(query)) {
    auto period = Period::Parse(v.key.period);
    if (!period || period->end() < day) continue;
    Bad("api.has_values",
        "đơn vị " + unit.code + " còn số liệu kỳ " + v.key.period + " (kết thúc ngày " +
            period->end().ToString() + "), sau ngày " + day.AddDays(-1).ToString() +
            ": không thể đóng đơn vị trước kỳ đó",
        "org unit " + unit.code + " holds values of period " + v.key.period + " (ending " +
            period->end().ToString() + "), after " + day.AddDays(-1).ToString() +
            ": it cannot close before that period",
        where, 409);
  }
}

// The whole history must still hold together; the hierarchy's own message says what breaks.
void CheckHistory(const MetadataSnapshot& m, const char* where) {
  try {
    OrgHierarchy check(m.org_units, m.parent_links, m.org_events);
  } catch (const UserError& e) {
    Bad("api.org_history_conflict", "lịch sử đơn vị sẽ mâu thuẫn: " + e.message_vi(),
        "the org-unit history would contradict itself: " + e.message_en(), where);
  }
}

// The touched units with every parent link they hold as children and every event they are the
// new unit of: what the store replaces for each unit it is given.
MetadataSnapshot TouchedPart(const MetadataSnapshot& m, const std::set<std::string>& touched) {
  MetadataSnapshot out;
  for (const OrgUnit& u : m.org_units) {
    if (touched.count(u.uid)) out.org_units.push_back(u);
  }
  for (const ParentLink& l : m.parent_links) {
    if (touched.count(l.child_uid)) out.parent_links.push_back(l);
  }
  for (const OrgEvent& e : m.org_events) {
    if (touched.count(e.new_uid)) out.org_events.push_back(e);
  }
  return out;
}

struct Outcome {
  std::string target;   // for the log
  json::object detail;  // for the log
  json::object answer;  // the response body
  bool changed = true;
};

using Change = std::function<Outcome(MetadataSnapshot& m, const OrgHierarchy& before,
                                     std::set<std::string>& touched, Store& store)>;

// Loads the stored metadata, lets `change` edit it, checks the whole history and writes the
// touched units in one transaction; then swaps in an engine rebuilt from the store. All under
// the store's write lock, so no other edit or value write falls between the check and the swap.
Outcome Mutate(ApiServices& services, RequestContext& context, const char* action,
               const char* where, const Change& change) {
  Outcome out = services.store.Write([&](Store& store) {
    MetadataSnapshot m = store.LoadMetadata();
    OrgHierarchy before(m.org_units, m.parent_links, m.org_events);
    std::set<std::string> touched;
    Outcome o = change(m, before, touched, store);
    if (!o.changed) return o;
    CheckHistory(m, where);
    store.ApplyMetadata(TouchedPart(m, touched));
    services.analytics.Replace(LoadEngine(store));
    return o;
  });
  if (out.changed) LogEvent(services, context, action, out.target, out.detail);
  return out;
}

Response CreateOrgUnit(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireAdministrator(user);
  json::object body = ParseJsonObject(context.request);
  OrgUnit u;
  u.code = Text(body, "code", true, kMaxCodeBytes);
  if (!IsValidCode(u.code)) {
    Bad("api.invalid_code", "mã '" + u.code + "' không hợp lệ (chỉ chữ cái, chữ số, _ - .)",
        "invalid code '" + u.code + "' (letters, digits, _ - . only)", "code");
  }
  u.name_vi = ToNfc(Text(body, "name", true, kMaxNameBytes));
  u.name_en = Text(body, "nameEn", true, kMaxNameBytes);
  std::string level = Text(body, "level", true, 20);
  auto parsed = ParseOrgLevel(level);
  if (!parsed || *parsed == OrgLevel::kProvince) {
    Bad("api.invalid_level", "cấp '" + level + "' không hợp lệ (district, commune, facility)",
        "invalid level '" + level + "' (district, commune, facility)", "level");
  }
  u.level = *parsed;
  u.facility_type = Text(body, "facilityType", false, 50);
  if (u.level == OrgLevel::kFacility && !FacilityTypes().count(u.facility_type)) {
    Bad("api.invalid_facility_type",
        "loại cơ sở '" + u.facility_type + "' không hợp lệ (tyt, ttyt, hospital, ...)",
        "invalid facility type '" + u.facility_type + "' (tyt, ttyt, hospital, ...)",
        "facilityType");
  }
  if (u.level != OrgLevel::kFacility && !u.facility_type.empty()) {
    Bad("api.invalid_facility_type", "chỉ cơ sở y tế mới có loại cơ sở",
        "only facilities have a facility type", "facilityType");
  }
  u.commune_type = ToNfc(Text(body, "communeType", false, 100));
  Date opened = DateField(body, "openingDate");
  u.validity.from = opened;
  if (auto closed = StringField(body, "closedDate", false)) {
    u.validity.to = ParseDateParam(*closed, "closedDate");
    if (*u.validity.to <= opened) {
      Bad("api.invalid_date", "ngày đóng phải sau ngày mở " + opened.ToString(),
          "the closing date must be after the opening date " + opened.ToString(), "closedDate");
    }
  }
  std::string parent_id = Text(body, "parent", true, kMaxNameBytes);
  u.uid = DeriveUid("organisationUnit", u.code + "@" + opened.ToString());

  Outcome out = Mutate(
      services, context, "create_org_unit", "parent",
      [&](MetadataSnapshot& m, const OrgHierarchy& h, std::set<std::string>& touched, Store&) {
        const OrgUnit& parent = FindOrgUnitOr400(h, parent_id, opened, "parent");
        if (parent.level >= u.level) {
          Bad("api.wrong_parent_level",
              "đơn vị cha " + parent.code + " là cấp " + std::string(OrgLevelName(parent.level)) +
                  ", không thể chứa đơn vị cấp " + std::string(OrgLevelName(u.level)),
              "parent " + parent.code + " is a " + std::string(OrgLevelName(parent.level)) +
                  ", which cannot hold a " + std::string(OrgLevelName(u.level)),
              "parent");
        }
        bool covers =
            parent.validity.Contains(opened) &&
            (!parent.validity.to || (u.validity.to && *u.validity.to <= *parent.validity.to));
        if (!covers) {
          Bad("api.parent_not_open",
              "đơn vị cha " + parent.code + " chỉ hoạt động " + Dates(parent.validity) +
                  ", không bao trọn thời gian của đơn vị mới " + Dates(u.validity),
              "parent " + parent.code + " is open only " + Dates(parent.validity) +
                  ", which does not cover the new unit's " + Dates(u.validity),
              "parent");
        }
        RequireInScope(OrgScope(h, user.account.org_unit_uids), user, parent, opened, "parent");
        for (const OrgUnit& other : m.org_units) {
          if (other.uid == u.uid || (other.code == u.code && other.validity.Overlaps(u.validity))) {
            Bad("api.duplicate_code",
                "mã " + u.code + " đã thuộc đơn vị " + other.name_vi + " (" +
                    Dates(other.validity) + ")",
                "code " + u.code + " already belongs to " + other.name_en + " (" +
                    Dates(other.validity) + ")",
                "code", 409);
          }
        }
        m.org_units.push_back(u);
        m.parent_links.push_back({u.uid, parent.uid, u.validity});
        touched.insert(u.uid);
        Outcome o;
        o.target = u.code;
        o.detail = UnitJson(u, parent.uid);
        o.answer = UnitJson(u, parent.uid);
        o.answer["status"] = "created";
        return o;
      });
  return JsonResponse(201, out.answer);
}

Response PutOrgUnit(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireAdministrator(user);
  json::object body = ParseJsonObject(context.request);
  const std::string id = context.path_params.at("id");
  Date today = services.today();
  Outcome out = Mutate(
      services, context, "put_org_unit", "closedDate",
      [&](MetadataSnapshot& m, const OrgHierarchy& h, std::set<std::string>& touched,
          Store& store) {
        const OrgUnit* found = h.FindByUid(id);
        if (found == nullptr) found = h.FindByCode(id, today);
        if (found == nullptr) found = h.FindLatestByCode(id);
        if (found == nullptr) {
          throw HttpError(404, "api.unknown_object", "không có đơn vị '" + id + "'",
                          "no org unit '" + id + "'", "id");
        }
        // The unit as it stood on its last open day up to today (its scope then).
        Date day = today;
        if (found->validity.to && *found->validity.to <= today)
          day = found->validity.to->AddDays(-1);
        if (found->validity.from && today < *found->validity.from) day = *found->validity.from;
        RequireInScope(OrgScope(h, user.account.org_unit_uids), user, *found, day, "id");

        OrgUnit& u = StoredUnit(m, found->uid);
        const OrgUnit before = u;
        if (StringField(body, "name", false)) {
          u.name_vi = ToNfc(Text(body, "name", true, kMaxNameBytes));
        }
        if (StringField(body, "nameEn", false)) {
          u.name_en = Text(body, "nameEn", true, kMaxNameBytes);
        }
        if (const json::value* closed = body.if_contains("closedDate")) {
          if (closed->is_null()) {
            u.validity.to.reset();
          } else {
            u.validity.to = DateField(body, "closedDate");
          }
        }
        if (u.validity.to != before.validity.to) {
          if (!h.SuccessorsOf(*found).empty()) {
            const auto next = h.SuccessorsOf(*found).front();
            Bad("api.org_history_conflict",
                "đơn vị " + u.code + " đã sáp nhập/chia tách vào " + next.unit->code + " ngày " +
                    next.date.ToString() + ": ngày đóng do sự kiện đó quyết định",
                "org unit " + u.code + " passed into " + next.unit->code + " on " +
                    next.date.ToString() + ": that event sets its closing date",
                "closedDate");
          }
          if (u.validity.to && u.validity.from && *u.validity.to <= *u.validity.from) {
            Bad("api.invalid_date", "ngày đóng phải sau ngày mở " + u.validity.from->ToString(),
                "the closing date must be after the opening date " + u.validity.from->ToString(),
                "closedDate");
          }
          if (u.validity.to) {
            Date closed = *u.validity.to;
            for (const ParentLink& l : m.parent_links) {
              if (l.parent_uid != u.uid || (l.validity.to && *l.validity.to <= closed)) continue;
              const OrgUnit* child = h.FindByUid(l.child_uid);
              Bad("api.has_children",
                  "đơn vị con " + (child ? child->code : l.child_uid) +
                      " vẫn thuộc đơn vị này sau ngày " + closed.AddDays(-1).ToString() +
                      ": hãy đóng, sáp nhập hoặc chuyển nó trước",
                  "child unit " + (child ? child->code : l.child_uid) +
                      " still belongs to this unit after " + closed.AddDays(-1).ToString() +
                      ": close, merge or move it first",
                  "closedDate");
            }
            RequireNoValuesFrom(store, u, closed, "closedDate");
          }
          // The unit's last parent link ended with the unit: it ends with it again.
          for (ParentLink& l : m.parent_links) {
            if (l.child_uid != u.uid) continue;
            if (u.validity.to && l.validity.from && *l.validity.from >= *u.validity.to) {
              Bad("api.org_history_conflict",
                  "đơn vị " + u.code + " chuyển đơn vị cha ngày " + l.validity.from->ToString() +
                      ", sau ngày đóng mới",
                  "org unit " + u.code + " changes parent on " + l.validity.from->ToString() +
                      ", after the new closing date",
                  "closedDate");
            }
            if (l.validity.to == before.validity.to) l.validity.to = u.validity.to;
          }
        }
        touched.insert(u.uid);
        Outcome o;
        o.target = u.code;
        auto note = [&](const char* field, json::value from, json::value to) {
          if (from != to) o.detail[field] = json::object{{"from", from}, {"to", to}};
        };
        note("name", json::value(before.name_vi), json::value(u.name_vi));
        note("nameEn", json::value(before.name_en), json::value(u.name_en));
        note("closedDate", OptionalDate(before.validity.to), OptionalDate(u.validity.to));
        o.changed = !o.detail.empty();
        const OrgUnit* parent = h.ParentOf(*found, day);
        o.answer = UnitJson(u, parent ? parent->uid : "");
        o.answer["changed"] = o.detail;
        o.answer["status"] = o.changed ? "updated" : "unchanged";
        return o;
      });
  return JsonResponse(200, out.answer);
}

std::vector<std::string> UnitList(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || !value->is_array() || value->as_array().empty()) {
    Bad("api.missing_field",
        std::string("trường '") + name + "' phải là danh sách đơn vị, ít nhất một",
        std::string("field '") + name + "' must be a list of at least one org unit", name);
  }
  if (value->as_array().size() > kMaxMergeUnits) {
    Bad("api.too_many",
        std::string("'") + name + "' quá " + std::to_string(kMaxMergeUnits) + " đơn vị",
        std::string("'") + name + "' holds over " + std::to_string(kMaxMergeUnits) + " units",
        name);
  }
  std::vector<std::string> out;
  for (const json::value& item : value->as_array()) {
    if (!item.is_string() || item.as_string().empty() || item.as_string().size() > kMaxNameBytes) {
      Bad("api.wrong_type", std::string("mỗi phần tử của '") + name + "' phải là mã hoặc uid",
          std::string("each item of '") + name + "' must be a code or uid", name);
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

std::vector<double> Shares(const json::object& body, size_t count) {
  std::vector<double> out(count, 1.0);
  const json::value* value = body.if_contains("shares");
  if (value == nullptr || value->is_null()) return out;
  if (!value->is_array() || value->as_array().size() != count) {
    Bad("api.invalid_shares", "'shares' phải là danh sách tỷ lệ, mỗi đơn vị trong 'from' một tỷ lệ",
        "'shares' must be a list of shares, one per unit of 'from'", "shares");
  }
  for (size_t i = 0; i < count; ++i) {
    const json::value& s = value->as_array()[i];
    double share = s.is_number() ? s.to_number<double>() : -1;
    if (!(share > 0 && share <= 1)) {
      Bad("api.invalid_shares", "tỷ lệ thứ " + std::to_string(i + 1) + " phải trong (0, 1]",
          "share " + std::to_string(i + 1) + " must be in (0, 1]", "shares");
    }
    out[i] = share;
  }
  return out;
}

Response Merge(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireAdministrator(user);
  json::object body = ParseJsonObject(context.request);
  Date date = DateField(body, "date");
  Date last_day = date.AddDays(-1);
  std::string into_id = Text(body, "into", true, kMaxNameBytes);
  std::vector<std::string> from_ids = UnitList(body, "from");
  std::vector<double> shares = Shares(body, from_ids.size());

  Outcome out = Mutate(
      services, context, "merge_org_units", "from",
      [&](MetadataSnapshot& m, const OrgHierarchy& h, std::set<std::string>& touched,
          Store& store) {
        OrgScope scope = OrgScope(h, user.account.org_unit_uids);
        const OrgUnit& into = FindOrgUnitOr400(h, into_id, date, "into");
        if (!into.validity.Contains(date)) {
          Bad("api.unit_not_open",
              "đơn vị nhận " + into.code + " không hoạt động ngày " + date.ToString() + " (" +
                  Dates(into.validity) + ")",
              "target unit " + into.code + " is not open on " + date.ToString() + " (" +
                  Dates(into.validity) + ")",
              "into");
        }
        RequireInScope(scope, user, into, date, "into");
        std::vector<const OrgUnit*> from;
        for (const std::string& id : from_ids) {
          const OrgUnit& f = FindOrgUnitOr400(h, id, last_day, "from");
          if (f.uid == into.uid) {
            Bad("api.merge_into_itself", "không thể sáp nhập đơn vị " + f.code + " vào chính nó",
                "org unit " + f.code + " cannot merge into itself", "from");
          }
          if (std::find(from.begin(), from.end(), &f) != from.end()) {
            Bad("api.duplicate_unit", "đơn vị " + f.code + " có hai lần trong 'from'",
                "org unit " + f.code + " is named twice in 'from'", "from");
          }
          if (f.level != into.level) {
            Bad("api.level_mismatch",
                "đơn vị " + f.code + " là cấp " + std::string(OrgLevelName(f.level)) + ", " +
                    into.code + " là cấp " + std::string(OrgLevelName(into.level)) +
                    ": chỉ sáp nhập đơn vị cùng cấp",
                "org unit " + f.code + " is a " + std::string(OrgLevelName(f.level)) + " and " +
                    into.code + " a " + std::string(OrgLevelName(into.level)) +
                    ": only units of one level merge",
                "from");
          }
          if (!f.validity.Contains(last_day)) {
            Bad("api.unit_not_open",
                "đơn vị " + f.code + " không hoạt động ngày " + last_day.ToString() + " (" +
                    Dates(f.validity) + ")",
                "org unit " + f.code + " is not open on " + last_day.ToString() + " (" +
                    Dates(f.validity) + ")",
                "from");
          }
          auto successors = h.SuccessorsOf(f);
          if (!successors.empty()) {
            Bad("api.org_history_conflict",
                "đơn vị " + f.code + " đã sáp nhập/chia tách vào " + successors[0].unit->code +
                    " ngày " + successors[0].date.ToString(),
                "org unit " + f.code + " already passed into " + successors[0].unit->code + " on " +
                    successors[0].date.ToString(),
                "from");
          }
          RequireInScope(scope, user, f, last_day, "from");
          RequireNoValuesFrom(store, f, date, "date");
          from.push_back(&f);
        }

        json::array reparented;
        json::array from_json;
        touched.insert(into.uid);
        for (size_t i = 0; i < from.size(); ++i) {
          const OrgUnit& f = *from[i];
          from_json.push_back(UnitRef(f));
          StoredUnit(m, f.uid).validity.to = date;
          touched.insert(f.uid);
          std::erase_if(m.parent_links, [&](const ParentLink& l) {
            return l.child_uid == f.uid && l.validity.from && *l.validity.from >= date;
          });
          for (ParentLink& l : m.parent_links) {
            if (l.child_uid == f.uid && (!l.validity.to || *l.validity.to > date)) {
              l.validity.to = date;
            }
          }
          m.org_events.push_back({date, shares[i] < 1 ? OrgEventKind::kSplit : OrgEventKind::kMerge,
                                  f.uid, into.uid, shares[i]});
          // The children open after the merge now belong to the new unit, from its date.
          size_t links = m.parent_links.size();
          for (size_t k = 0; k < links; ++k) {
            ParentLink& l = m.parent_links[k];
            if (l.parent_uid != f.uid || (l.validity.to && *l.validity.to <= date)) continue;
            std::string child = l.child_uid;
            if (l.validity.from && *l.validity.from >= date) {
              l.parent_uid = into.uid;
            } else {
              Validity rest{date, l.validity.to};
              l.validity.to = date;
              m.parent_links.push_back({child, into.uid, rest});
            }
            touched.insert(child);
            if (const OrgUnit* c = h.FindByUid(child)) reparented.push_back(json::value(c->code));
          }
        }
        Outcome o;
        o.target = into.code;
        o.detail = {{"date", date.ToString()},
                    {"into", UnitRef(into)},
                    {"from", from_json},
                    {"reparented", reparented}};
        o.answer = o.detail;
        o.answer["status"] = "merged";
        return o;
      });
  return JsonResponse(201, out.answer);
}

Response Events(ApiServices& services, RequestContext& context) {
  const Analytics& analytics = services.analytics.Structure();
  const OrgHierarchy& h = analytics.hierarchy();
  OrgScope scope = ScopeOf(analytics, context.user());
  std::vector<const OrgEvent*> events;
  for (const OrgEvent& e : analytics.metadata().org_events) {
    const OrgUnit* old_unit = h.FindByUid(e.old_uid);
    const OrgUnit* new_unit = h.FindByUid(e.new_uid);
    if (old_unit == nullptr || new_unit == nullptr) continue;
    if (scope.Contains(*old_unit, e.date.AddDays(-1)) || scope.Contains(*new_unit, e.date)) {
      events.push_back(&e);
    }
  }
  auto code = [&h](const std::string& uid) { return h.FindByUid(uid)->code; };
  std::sort(events.begin(), events.end(), [&](const OrgEvent* a, const OrgEvent* b) {
    if (a->date != b->date) return b->date < a->date;
    if (code(a->new_uid) != code(b->new_uid)) return code(a->new_uid) < code(b->new_uid);
    return code(a->old_uid) < code(b->old_uid);
  });
  json::array out;
  for (const OrgEvent* e : events) {
    out.push_back(json::object{{"date", e->date.ToString()},
                               {"kind", OrgEventKindName(e->kind)},
                               {"old", UnitRef(*h.FindByUid(e->old_uid))},
                               {"new", UnitRef(*h.FindByUid(e->new_uid))},
                               {"share", e->share}});
  }
  return JsonResponse(200, json::object{{"events", std::move(out)}});
}

}  // namespace

void AddOrgUnitRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/orgUnits/events", Access::kUser,
             [&services](RequestContext& c) { return Events(services, c); });
  router.Add(http::verb::post, "/api/metadata/orgUnits", Access::kUser,
             [&services](RequestContext& c) { return CreateOrgUnit(services, c); });
  router.Add(http::verb::put, "/api/metadata/orgUnits/{id}", Access::kUser,
             [&services](RequestContext& c) { return PutOrgUnit(services, c); });
  router.Add(http::verb::post, "/api/orgUnits/merges", Access::kUser,
             [&services](RequestContext& c) { return Merge(services, c); });
}

}  // namespace solieu::server
