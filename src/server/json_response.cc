#include "server/json_response.h"

#include <boost/json/serialize.hpp>

namespace solieu::server {

std::string SerializeJson(const boost::json::value& value) {
  std::string text = boost::json::serialize(value);
  // Outside strings JSON has no <, > or &, so replacing every one escapes exactly the string
  // contents that hold them.
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Response JsonResponse(int status, const boost::json::value& body) {
  Response response{static_cast<http::status>(status), 11};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.body() = SerializeJson(body);
  return response;
}

boost::json::object ErrorObject(const UserError& error) {
  return {{"error",
           {{"code", error.code()},
            {"message_vi", error.message_vi()},
            {"message_en", error.message_en()},
            {"where", error.where()}}}};
}

Response ErrorResponse(int status, const UserError& error) {
  return JsonResponse(status, ErrorObject(error));
}

Response ErrorResponse(int status, const std::string& code, const std::string& message_vi,
                       const std::string& message_en, const std::string& where) {
  return ErrorResponse(status, UserError(code, message_vi, message_en, where));
}

}  // namespace solieu::server
