// server/openapi_document: the OpenAPI 3 description of the API, written by hand in
// src/server/openapi.json and compiled into the binary, served as is at /api/openapi.json. A test
// keeps it and the router's routes equal.
#pragma once

#include <string_view>

namespace solieu::server {

std::string_view OpenApiDocument();

}  // namespace solieu::server
