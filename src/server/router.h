// server/router: the API's routes: method + path template ("/api/reports/{name}") -> handler, with
// what each route needs before its handler runs: a user (session cookie or API token; for a
// session, the CSRF token on every state-changing method), a JSON body, a body limit. Maps the
// errors handlers throw to responses: HttpError to its status, any other UserError to 400.
// Depends on: server/auth_service, server/request_target, server/json_response.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/auth_service.h"
#include "server/http_types.h"
#include "server/request_target.h"

namespace solieu::server {

inline constexpr std::uint64_t kDefaultBodyLimit = 1024 * 1024;
inline constexpr std::uint64_t kImportBodyLimit = 50ull * 1024 * 1024;

struct RequestContext {
  const Request& request;
  const RequestTarget& target;
  const std::string& client;
  std::map<std::string, std::string> path_params;
  std::optional<Principal> principal;  // set for routes that need a user
  std::string log_user;                // for the access log, when there is no principal (login)

  const Principal& user() const { return *principal; }
};

using RouteHandler = std::function<Response(RequestContext& context)>;

enum class Access { kPublic, kUser };

class Router {
 public:
  // `media_types`: the Content-Types a body may have (415 otherwise); JSON unless said.
  void Add(http::verb method, std::string path_template, Access access, RouteHandler handler,
           std::uint64_t body_limit = kDefaultBodyLimit,
           std::vector<std::string> media_types = {"application/json"});

  // (method, path template) of every route, in the order added.
  std::vector<std::pair<std::string, std::string>> Routes() const;

  // The body limit of the route a request header names (the default when none matches).
  std::uint64_t BodyLimit(const Request& header) const;

  // The response of the matching route; nullopt when the path is outside /api and no route
  // matches it (the caller serves a static file). Sets `user` for the access log.
  std::optional<Response> Dispatch(const Request& request, const std::string& client,
                                   AuthService& auth, std::string* user) const;

 private:
  struct Route {
    http::verb method;
    std::string path_template;
    std::vector<std::string> segments;
    Access access;
    RouteHandler handler;
    std::uint64_t body_limit;
    std::vector<std::string> media_types;
  };
  static bool Match(const Route& route, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>* params);

  std::vector<Route> routes_;
};

// "/api/reports/x" -> {"api", "reports", "x"}.
std::vector<std::string> SplitPath(std::string_view path);

}  // namespace solieu::server
