#include "server/router.h"

#include <algorithm>

#include "core/error.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

void Router::Add(http::verb method, std::string path_template, Access access, RouteHandler handler,
                 std::uint64_t body_limit, std::vector<std::string> media_types) {
  std::vector<std::string> segments = SplitPath(path_template);
  routes_.push_back({method, std::move(path_template), std::move(segments), access,
                     std::move(handler), body_limit, std::move(media_types)});
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& route : routes_) {
    out.emplace_back(std::string(http::to_string(route.method)), route.path_template);
  }
  return out;
}

bool Router::Match(const Route& route, const std::vector<std::string>& segments,
                   std::map<std::string, std::string>* params) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& pattern = route.segments[i];
    if (pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}') {
      if (params) (*params)[pattern.substr(1, pattern.size() - 2)] = segments[i];
    } else if (pattern != segments[i]) {
      return false;
    }
  }
  return true;
}

std::uint64_t Router::BodyLimit(const Request& header) const {
  std::string_view target = header.target();
  std::vector<std::string> segments = SplitPath(target.substr(0, target.find('?')));
  for (const Route& route : routes_) {
    if (route.method == header.method() && Match(route, segments, nullptr)) {
      return route.body_limit;
    }
  }
  return kDefaultBodyLimit;
}

std::optional<Response> Router::Dispatch(const Request& request, const std::string& client,
                                         AuthService& auth, std::string* user) const {
  try {
    RequestTarget target = ParseRequestTarget(request.target());
    std::vector<std::string> segments = SplitPath(target.path);
    const Route* found = nullptr;
    std::string allowed;
    std::map<std::string, std::string> params;
    for (const Route& route : routes_) {
      std::map<std::string, std::string> route_params;
      if (!Match(route, segments, &route_params)) continue;
      if (!allowed.empty()) allowed += ", ";
      allowed += std::string(http::to_string(route.method));
      if (route.method == request.method() && found == nullptr) {
        found = &route;
        params = std::move(route_params);
      }
    }
    bool api = !segments.empty() && segments.front() == "api";
    if (found == nullptr && allowed.empty()) {
      if (!api) return std::nullopt;
      throw HttpError(404, "api.not_found", "không có địa chỉ API '" + target.path + "'",
                      "no API path '" + target.path + "'", target.path);
    }
    if (found == nullptr) {
      Response response = ErrorResponse(
          405, "api.method_not_allowed",
          "phương thức " + std::string(request.method_string()) + " không dùng được ở đây",
          "method " + std::string(request.method_string()) + " is not allowed here; use " + allowed,
          target.path);
      response.set(http::field::allow, allowed);
      return response;
    }
    RequestContext context{request, target, client, std::move(params), std::nullopt, {}};
    if (found->access == Access::kUser) {
      context.principal = auth.Authenticate(request);
      if (!context.principal) {
        throw HttpError(401, "auth.required", "cần đăng nhập", "authentication required", "auth");
      }
      *user = context.principal->account.username;
      bool safe = request.method() == http::verb::get || request.method() == http::verb::head;
      if (!safe) auth.RequireCsrf(*context.principal, request);
    }
    bool has_body = !request.body().empty();
    if (has_body) {
      std::string_view type = request[http::field::content_type];
      type = type.substr(0, type.find(';'));
      while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
      if (std::find(found->media_types.begin(), found->media_types.end(), type) ==
          found->media_types.end()) {
        std::string accepted;
        for (const std::string& t : found->media_types)
          accepted += (accepted.empty() ? "" : ", ") + t;
        throw HttpError(415, "api.unsupported_media_type",
                        "kiểu nội dung phải là một trong: " + accepted + " (Content-Type)",
                        "the body's Content-Type must be one of: " + accepted, "Content-Type");
      }
    }
    Response response = found->handler(context);
    if (!context.log_user.empty()) *user = context.log_user;
    return response;
  } catch (const HttpError& e) {
    Response response = ErrorResponse(e.status(), e);
    if (e.status() == 401 && e.code() == "auth.session_expired") {
      response.set(http::field::set_cookie, auth.ExpiredCookieHeader());
    }
    return response;
  } catch (const UserError& e) {
    return ErrorResponse(400, e);
  }
}

}  // namespace solieu::server
