// server/http_error: a refusal of a request, with its HTTP status and the bilingual message of
// core/error. Handlers throw it; the router turns it into {"error": {...}}. A plain UserError from
// deeper layers (a bad value, an unknown code) becomes 400.
#pragma once

#include <string>

#include "core/error.h"

namespace solieu::server {

class HttpError : public UserError {
 public:
  HttpError(int status, std::string code, std::string message_vi, std::string message_en,
            std::string where = {})
      : UserError(std::move(code), std::move(message_vi), std::move(message_en), std::move(where)),
        status_(status) {}

  int status() const { return status_; }

 private:
  int status_;
};

}  // namespace solieu::server
