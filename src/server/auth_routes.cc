// POST /api/auth/login, POST /api/auth/logout, GET /api/me.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "auth/role.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

json::object UserJson(const ApiServices& services, const Principal& principal) {
  json::array units;
  services.analytics.Read([&](const Analytics& analytics) {
    for (const std::string& uid : principal.account.org_unit_uids) {
      const OrgUnit* unit = analytics.hierarchy().FindByUid(uid);
      if (unit == nullptr) continue;
      units.push_back(json::object{{"id", unit->uid},
                                   {"code", unit->code},
                                   {"name", unit->name_vi},
                                   {"nameEn", unit->name_en},
                                   {"level", OrgLevelName(unit->level)}});
    }
    return 0;
  });
  json::object user{{"username", principal.account.username},
                    {"role", RoleName(principal.role)},
                    {"orgUnits", std::move(units)},
                    {"authenticatedBy", principal.via_session ? "session" : "token"},
                    {"permissions",
                     {{"readValues", true},
                      {"writeValues", CanWriteValues(principal.role)},
                      {"readAudit", CanReadAudit(principal.role)}}}};
  if (principal.via_session) user["csrfToken"] = principal.csrf_token;
  return user;
}

}  // namespace

void AddAuthRoutes(Router& router, ApiServices& services) {
  router.Add(
      http::verb::post, "/api/auth/login", Access::kPublic, [&services](RequestContext& context) {
        json::object body = ParseJsonObject(context.request);
        std::string username = *StringField(body, "username", true);
        std::string password = *StringField(body, "password", true);
        if (username.empty() || username.size() > 128 || password.size() > 1024) {
          throw HttpError(400, "auth.bad_input",
                          "tên đăng nhập (1-128 byte) hoặc mật khẩu (tối đa 1024 byte) "
                          "không hợp lệ",
                          "invalid username (1-128 bytes) or password (at most 1024 bytes)",
                          "username");
        }
        context.log_user = username;
        using Status = AuthService::LoginResult::Status;
        AuthService::LoginResult result = services.auth.Login(username, password, context.client);
        if (result.status == Status::kLocked || result.status == Status::kRateLimited) {
          bool locked = result.status == Status::kLocked;
          std::string minutes = std::to_string((result.retry_after_seconds + 59) / 60);
          Response response = ErrorResponse(
              429, locked ? "auth.locked" : "auth.rate_limited",
              locked
                  ? "tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau " + minutes +
                        " phút"
                  : "quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau " + minutes + " phút",
              locked ? "the account is locked after repeated failed logins; retry in " + minutes +
                           " min"
                     : "too many failed logins from this address; retry in " + minutes + " min",
              "username");
          response.set(http::field::retry_after, std::to_string(result.retry_after_seconds));
          return response;
        }
        if (result.status != Status::kOk) {
          throw HttpError(401, "auth.bad_credentials", "sai tên đăng nhập hoặc mật khẩu",
                          "wrong username or password", "username");
        }
        Response response = JsonResponse(200, UserJson(services, *result.principal));
        response.set(http::field::set_cookie,
                     services.auth.SessionCookieHeader(result.cookie_value));
        return response;
      });

  router.Add(http::verb::post, "/api/auth/logout", Access::kUser,
             [&services](RequestContext& context) {
               services.auth.Logout(context.user());
               Response response = JsonResponse(200, json::object{{"status", "logged-out"}});
               response.set(http::field::set_cookie, services.auth.ExpiredCookieHeader());
               return response;
             });

  router.Add(http::verb::get, "/api/me", Access::kUser, [&services](RequestContext& context) {
    return JsonResponse(200, UserJson(services, context.user()));
  });
}

}  // namespace solieu::server
