// GET /api/audit: the history of one value (who changed it, when, from what to what), and
// GET /api/audit/logins: the login attempts of one account, and GET /api/audit/events: the admin
// event log (exports, metadata edits, account and token changes), newest first. The value history
// is for administrators and province data managers within their org scope (and the data
// element's user group); the logins and events for administrators. No route edits any of them.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <charconv>

#include "auth/role.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

const char* ActionName(AuditAction action) {
  switch (action) {
    case AuditAction::kCreate:
      return "CREATE";
    case AuditAction::kUpdate:
      return "UPDATE";
    case AuditAction::kDelete:
      return "DELETE";
  }
  return "?";
}

json::value OptionalText(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace

void AddAuditRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/audit", Access::kUser, [&services](RequestContext& context) {
    const Principal& user = context.user();
    RequireRole(CanReadAudit(user.role), user, "xem nhật ký thay đổi", "read the audit trail");
    std::string de = *Param(context, "de", true), pe = *Param(context, "pe", true),
                ou = *Param(context, "ou", true);
    std::string co = Param(context, "co", false).value_or("default");
    ResolvedValueKey key = services.analytics.Read([&](const Analytics& analytics) {
      ResolvedValueKey resolved = ResolveValueKey(analytics, de, pe, ou, co, false);
      RequireScope(analytics, user, *resolved.unit, resolved.period);
      RequireMaySee(user, *resolved.element, "de");
      return resolved;
    });
    auto trail = services.store.Read([&](Store& store) { return store.AuditTrail(key.key); });
    json::array entries;
    for (const AuditEntry& e : trail) {
      entries.push_back(json::object{{"id", e.id},
                                     {"action", ActionName(e.action)},
                                     {"oldValue", OptionalText(e.old_value)},
                                     {"newValue", OptionalText(e.new_value)},
                                     {"changedBy", e.changed_by},
                                     {"changedAt", e.changed_at},
                                     {"client", e.client}});
    }
    return JsonResponse(200,
                        json::object{{"dataElement", key.key.data_element_uid},
                                     {"period", key.key.period},
                                     {"orgUnit", key.key.org_unit_uid},
                                     {"categoryOptionCombo", key.key.category_option_combo_uid},
                                     {"audit", std::move(entries)}});
  });

  router.Add(
      http::verb::get, "/api/audit/logins", Access::kUser, [&services](RequestContext& context) {
        const Principal& user = context.user();
        RequireRole(user.role == Role::kAdministrator, user, "xem nhật ký đăng nhập",
                    "read the login log");
        std::string username = *Param(context, "username", true);
        std::int64_t since = 0;
        if (auto text = Param(context, "since", false)) {
          since =
              static_cast<std::int64_t>(ParseDateParam(*text, "since").days_since_epoch()) * 86400;
        }
        auto attempts = services.store.Read(
            [&](Store& store) { return store.LoginAttemptsSince(since, username, ""); });
        json::array entries;
        for (const LoginAttempt& a : attempts) {
          entries.push_back(
              json::object{{"username", a.username},
                           {"client", a.client},
                           {"at", a.at},
                           {"outcome", a.outcome == LoginOutcome::kSuccess  ? "success"
                                       : a.outcome == LoginOutcome::kLocked ? "locked"
                                                                            : "failure"}});
        }
        return JsonResponse(200,
                            json::object{{"username", username}, {"attempts", std::move(entries)}});
      });

  router.Add(
      http::verb::get, "/api/audit/events", Access::kUser, [&services](RequestContext& context) {
        const Principal& user = context.user();
        RequireRole(user.role == Role::kAdministrator, user, "xem nhật ký quản trị",
                    "read the admin event log");
        std::string action = Param(context, "action", false).value_or("");
        int limit = 200;
        if (auto text = Param(context, "limit", false)) {
          int parsed = 0;
          auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), parsed);
          if (ec != std::errc() || end != text->data() + text->size() || parsed < 1 ||
              parsed > 10000) {
            throw HttpError(400, "api.invalid_limit", "'limit' phải là số từ 1 đến 10000",
                            "'limit' must be a number from 1 to 10000", "limit");
          }
          limit = parsed;
        }
        auto events =
            services.store.Read([&](Store& store) { return store.AdminEventsLike(action, limit); });
        json::array entries;
        for (const AdminEvent& e : events) {
          // The detail is JSON the server wrote; shown as an object, not as escaped text.
          boost::system::error_code ec;
          json::value detail = json::parse(e.detail, ec);
          if (ec) detail = json::value(e.detail);
          entries.push_back(json::object{{"at", e.at},
                                         {"username", e.username},
                                         {"client", e.client},
                                         {"action", e.action},
                                         {"target", e.target},
                                         {"detail", std::move(detail)}});
        }
        return JsonResponse(200, json::object{{"events", std::move(entries)}});
      });
}

}  // namespace solieu::server
