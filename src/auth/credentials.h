// auth/credentials: the secrets a user holds and the records the store keeps of them. A browser
// session is a random cookie value; its CSRF token is derived from it (so the server can hand it
// out again, e.g. after a page reload, without storing it); an API token is a random value with a
// recognisable prefix. The store receives only digests. Depends on: auth/secret, store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.h"

namespace solieu {

inline constexpr std::string_view kApiTokenPrefix = "slt_";

struct IssuedSession {
  std::string cookie_value;  // sent to the browser once, in Set-Cookie
  std::string csrf_token;    // sent in the login response; required in X-CSRF-Token
  SessionRecord record;      // what the store keeps
};
IssuedSession NewSession(const std::string& username, const std::string& client, std::int64_t now);

// The CSRF token that belongs to a session cookie value.
std::string CsrfTokenFor(std::string_view cookie_value);

struct IssuedApiToken {
  std::string token;  // shown once
  ApiTokenRecord record;
};
IssuedApiToken NewApiToken(const std::string& username, const std::string& label, std::int64_t now);

}  // namespace solieu
