// GET /api/analytics: DHIS2-style pivots over the live engine, within the user's org scope.
// Finished responses are cached per (user's units, user groups, day, query) until the next
// accepted write. An item restricted to a user group the user is not in (HIV figures) is 403.
#include "server/analytics_request.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/json_response.h"

namespace solieu::server {

void AddAnalyticsRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/analytics", Access::kUser,
             [&services](RequestContext& context) {
               const Principal& user = context.user();
               Date today = services.today();
               std::string_view target = context.request.target();
               std::string key = today.ToString();
               for (const std::string& uid : user.account.org_unit_uids) key += "," + uid;
               key += "|" + VisibilityKey(user) + "|";
               key += target.substr(std::min(target.size(), target.find('?')));
               std::uint64_t generation = services.analytics.generation();
               Response response{http::status::ok, 11};
               response.set(http::field::content_type, "application/json; charset=utf-8");
               response.set(http::field::cache_control, "no-store");
               if (auto cached = services.analytics_cache.Find(key, generation)) {
                 response.body() = std::move(*cached);
                 response.set("X-Cache", "hit");
                 return response;
               }
               response.body() = services.analytics.Read([&](const Analytics& analytics) {
                 OrgScope scope = ScopeOf(analytics, user);
                 AnalyticsPlan plan = PlanAnalytics(analytics, context.target.query, scope, today);
                 HiddenItems(analytics.metadata(), user).RequireNone(plan.dx, "dimension");
                 AnalyticsResult result = analytics.Query(plan.query);
                 return SerializeJson(AnalyticsJson(analytics, plan, result));
               });
               services.analytics_cache.Put(key, generation, response.body());
               response.set("X-Cache", "miss");
               return response;
             });
}

}  // namespace solieu::server
