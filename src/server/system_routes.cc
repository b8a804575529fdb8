// GET /api/health and GET /api/openapi.json: public, for load balancers and API clients.
#include <boost/json/object.hpp>

#include "server/api_services.h"
#include "server/json_response.h"
#include "server/openapi_document.h"

namespace solieu::server {

void AddSystemRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/health", Access::kPublic, [&services](RequestContext&) {
    return JsonResponse(200, boost::json::object{{"status", "ok"},
                                                 {"generation", services.analytics.generation()}});
  });
  router.Add(http::verb::get, "/api/openapi.json", Access::kPublic, [](RequestContext&) {
    Response response{http::status::ok, 11};
    response.set(http::field::content_type, "application/json; charset=utf-8");
    response.set(http::field::cache_control, "no-cache");
    response.body() = std::string(OpenApiDocument());
    return response;
  });
}

}  // namespace solieu::server
