// Accounts and personal API tokens over HTTP:
//   GET /api/users, PUT /api/users/{username}: administrators list and create or change the
//     accounts bound inside their own org units (role, org units, password, disabled, user
//     groups: "hiv" sees the HIV figures);
//   GET/POST /api/me/tokens, DELETE /api/me/tokens/{id}: every user lists, creates (shown once)
//     and revokes their own tokens; a revoked token fails at once.
// Every change is logged (who, when, from where, what; never a secret).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/credentials.h"
#include "auth/password.h"
#include "auth/role.h"
#include "core/clock.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr size_t kMaxUsernameBytes = 64;

void RequireAdministrator(const Principal& user, const std::string& what_vi,
                          const std::string& what_en) {
  RequireRole(user.role == Role::kAdministrator, user, what_vi, what_en);
}

// Whether every unit the account is bound to lies in the administrator's subtrees today.
bool Manages(const Analytics& analytics, const Principal& admin,
             const std::vector<std::string>& unit_uids, Date today) {
  OrgScope scope = ScopeOf(analytics, admin);
  for (const std::string& uid : unit_uids) {
    const OrgUnit* unit = analytics.hierarchy().FindByUid(uid);
    if (unit == nullptr) return false;
    Date day = today;
    if (!unit->validity.Contains(day) && unit->validity.to) day = unit->validity.to->AddDays(-1);
    if (!scope.Contains(*unit, day)) return false;
  }
  return true;
}

json::object AccountJson(const Analytics& analytics, const UserAccount& account) {
  json::array units;
  for (const std::string& uid : account.org_unit_uids) {
    const OrgUnit* unit = analytics.hierarchy().FindByUid(uid);
    units.push_back(json::object{
        {"id", uid}, {"code", unit ? unit->code : ""}, {"name", unit ? unit->name_vi : ""}});
  }
  json::array groups;
  for (const std::string& group : account.groups) groups.push_back(json::value(group));
  return {{"username", account.username},
          {"role", account.role},
          {"orgUnits", std::move(units)},
          {"groups", std::move(groups)},
          {"disabled", account.disabled}};
}

void Log(ApiServices& services, const RequestContext& context, const char* action,
         const std::string& target, const json::object& detail) {
  services.store.Write([&](Store& store) {
    store.RecordAdminEvent({UtcTimestampNow(), context.user().account.username, context.client,
                            action, target, json::serialize(detail)});
    return 0;
  });
}

Response ListUsers(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireAdministrator(user, "quản lý người dùng", "manage users");
  const Analytics& analytics = services.analytics.Structure();
  auto accounts = services.store.Read([](Store& s) { return s.ListUsers(); });
  json::array out;
  for (const UserAccount& account : accounts) {
    if (Manages(analytics, user, account.org_unit_uids, services.today())) {
      out.push_back(AccountJson(analytics, account));
    }
  }
  return JsonResponse(200, json::object{{"users", std::move(out)}});
}

void CheckUsername(const std::string& username) {
  bool ok = !username.empty() && username.size() <= kMaxUsernameBytes;
  for (char c : username) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    throw HttpError(400, "api.invalid_username",
                    "tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, . _ - (tối đa 64)",
                    "a username has lower-case ASCII letters, digits, . _ - only (at most 64)",
                    "username");
  }
}

Response PutUser(ApiServices& services, RequestContext& context) {
  const Principal& admin = context.user();
  RequireAdministrator(admin, "quản lý người dùng", "manage users");
  const std::string username = context.path_params.at("username");
  CheckUsername(username);
  json::object body = ParseJsonObject(context.request);
  const Analytics& analytics = services.analytics.Structure();
  auto existing = services.store.Read([&](Store& s) { return s.FindUser(username); });
  if (existing && !Manages(analytics, admin, existing->org_unit_uids, services.today())) {
    throw HttpError(403, "auth.out_of_scope",
                    "tài khoản " + username + " thuộc đơn vị ngoài phạm vi của bạn",
                    "the account " + username + " belongs to units outside yours", "username");
  }
  UserAccount account = existing.value_or(UserAccount{username, "", "", {}, false, {}});
  json::object changed;
  if (auto role = StringField(body, "role", !existing)) {
    if (!ParseRole(*role)) {
      throw HttpError(400, "api.invalid_role",
                      "vai trò '" + *role +
                          "' không có (administrator, province-data-manager, "
                          "facility-data-clerk, viewer)",
                      "no role '" + *role +
                          "' (administrator, province-data-manager, facility-data-clerk, viewer)",
                      "role");
    }
    if (*role != account.role) changed["role"] = *role;
    account.role = *role;
  }
  if (const json::value* units = body.if_contains("orgUnits")) {
    if (!units->is_array() || units->as_array().empty()) {
      throw HttpError(400, "api.wrong_type",
                      "trường 'orgUnits' phải là danh sách mã đơn vị, ít nhất một",
                      "field 'orgUnits' must be a list of at least one org unit id", "orgUnits");
    }
    std::vector<std::string> uids;
    for (const json::value& id : units->as_array()) {
      if (!id.is_string()) {
        throw HttpError(400, "api.wrong_type", "mỗi đơn vị phải là một chuỗi",
                        "each org unit must be a string", "orgUnits");
      }
      uids.push_back(FindOrgUnitOr400(analytics.hierarchy(), std::string(id.as_string()),
                                      services.today(), "orgUnits")
                         .uid);
    }
    if (!Manages(analytics, admin, uids, services.today())) {
      throw HttpError(403, "auth.out_of_scope", "không thể gán đơn vị ngoài phạm vi của bạn",
                      "org units outside yours cannot be assigned", "orgUnits");
    }
    json::array bound;
    for (const std::string& uid : uids) bound.push_back(json::value(uid));
    changed["orgUnits"] = std::move(bound);
    account.org_unit_uids = std::move(uids);
  } else if (!existing) {
    throw HttpError(400, "api.missing_field", "thiếu trường 'orgUnits'", "missing field 'orgUnits'",
                    "orgUnits");
  }
  if (auto password = StringField(body, "password", !existing)) {
    CheckPasswordPolicy(*password, username);
    account.password_hash = HashPassword(*password, services.password_cost);
    changed["password"] = "changed";
  }
  if (const json::value* disabled = body.if_contains("disabled")) {
    if (!disabled->is_bool()) {
      throw HttpError(400, "api.wrong_type", "trường 'disabled' phải là true hoặc false",
                      "field 'disabled' must be true or false", "disabled");
    }
    if (username == admin.account.username && disabled->as_bool()) {
      throw HttpError(400, "api.cannot_disable_self", "không thể tự khóa tài khoản của mình",
                      "you cannot disable your own account", "disabled");
    }
    if (disabled->as_bool() != account.disabled) changed["disabled"] = disabled->as_bool();
    account.disabled = disabled->as_bool();
  }
  if (const json::value* groups = body.if_contains("groups")) {
    if (!groups->is_array()) {
      throw HttpError(400, "api.wrong_type", "trường 'groups' phải là danh sách mã nhóm",
                      "field 'groups' must be a list of group codes", "groups");
    }
    std::vector<std::string> codes;
    json::array logged;
    for (const json::value& code : groups->as_array()) {
      if (!code.is_string()) {
        throw HttpError(400, "api.wrong_type", "mỗi nhóm phải là một chuỗi",
                        "each group must be a string", "groups");
      }
      codes.emplace_back(code.as_string());
      logged.push_back(code);
    }
    if (codes != account.groups) changed["groups"] = std::move(logged);
    account.groups = std::move(codes);  // an unknown group: the store's UserError, a 400
  }
  services.store.Write([&](Store& s) {
    s.PutUser(account);
    return 0;
  });
  Log(services, context, existing ? "update_user" : "create_user", username, changed);
  return JsonResponse(existing ? 200 : 201, AccountJson(analytics, account));
}

json::object TokenJson(const ApiTokenRecord& token) {
  return {{"id", token.id}, {"label", token.label}, {"createdAt", token.created_at}};
}

Response ListTokens(ApiServices& services, RequestContext& context) {
  const std::string& username = context.user().account.username;
  auto tokens = services.store.Read([&](Store& s) { return s.ListApiTokens(username); });
  json::array out;
  for (const ApiTokenRecord& token : tokens) out.push_back(TokenJson(token));
  return JsonResponse(200, json::object{{"tokens", std::move(out)}});
}

Response CreateToken(ApiServices& services, RequestContext& context) {
  const std::string& username = context.user().account.username;
  json::object body = ParseJsonObject(context.request);
  std::string label = StringField(body, "label", false).value_or("");
  if (label.size() > 200) {
    throw HttpError(400, "api.label_too_long", "nhãn dài quá 200 byte",
                    "the label is longer than 200 bytes", "label");
  }
  IssuedApiToken issued = NewApiToken(username, label, services.auth.Now());
  ApiTokenRecord stored = services.store.Write([&](Store& s) {
    s.PutApiToken(issued.record);
    return *s.FindApiToken(issued.record.token_hash);
  });
  Log(services, context, "create_token", username,
      json::object{{"id", stored.id}, {"label", label}});
  json::object out = TokenJson(stored);
  out["token"] = issued.token;  // shown this once; only its hash is stored
  return JsonResponse(201, out);
}

Response RevokeToken(ApiServices& services, RequestContext& context) {
  const std::string& username = context.user().account.username;
  const std::int64_t id = IdPathParam(context, "id");
  bool revoked = services.store.Write([&](Store& s) { return s.DeleteApiToken(id, username); });
  if (!revoked) {
    throw HttpError(404, "api.unknown_token",
                    "không có mã truy cập số " + std::to_string(id) + " của bạn",
                    "you have no token with id " + std::to_string(id), "id");
  }
  Log(services, context, "revoke_token", username, json::object{{"id", id}});
  return JsonResponse(200, json::object{{"id", id}, {"revoked", true}});
}

}  // namespace

void AddUserRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/users", Access::kUser,
             [&services](RequestContext& c) { return ListUsers(services, c); });
  router.Add(http::verb::put, "/api/users/{username}", Access::kUser,
             [&services](RequestContext& c) { return PutUser(services, c); });
  router.Add(http::verb::get, "/api/me/tokens", Access::kUser,
             [&services](RequestContext& c) { return ListTokens(services, c); });
  router.Add(http::verb::post, "/api/me/tokens", Access::kUser,
             [&services](RequestContext& c) { return CreateToken(services, c); });
  router.Add(http::verb::delete_, "/api/me/tokens/{id}", Access::kUser,
             [&services](RequestContext& c) { return RevokeToken(services, c); });
}

}  // namespace solieu::server
