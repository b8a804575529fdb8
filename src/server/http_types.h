// server/http_types: the request and response types every layer of the server shares (Beast's
// in-memory messages: bodies are bounded, so a string body is the simplest correct choice).
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace solieu::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

}  // namespace solieu::server
