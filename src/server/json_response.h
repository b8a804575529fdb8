// server/json_response: JSON responses and the API's one error shape,
// {"error": {"code", "message_vi", "message_en", "where"}}. JSON is written with <, > and &
// escaped as \u003c, \u003e, \u0026 so that text users typed ("<script>") can never become markup,
// even if a response is mistaken for HTML. Depends on: Boost.JSON, core/error.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "core/error.h"
#include "server/http_types.h"

namespace solieu::server {

std::string SerializeJson(const boost::json::value& value);

Response JsonResponse(int status, const boost::json::value& body);
boost::json::object ErrorObject(const UserError& error);
Response ErrorResponse(int status, const UserError& error);
Response ErrorResponse(int status, const std::string& code, const std::string& message_vi,
                       const std::string& message_en, const std::string& where = {});

}  // namespace solieu::server
