// server/auth_service: who is asking. Logs users in (argon2id check, lock-out and rate limit from
// the recorded attempts, a new session), recognises a request's session cookie or
// `Authorization: Bearer` API token, enforces session expiry and the CSRF token, logs out.
// The rules are auth/'s; this class applies them to requests and the store.
// Depends on: auth, server/store_pool, server/http_error.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "auth/login_throttle.h"
#include "auth/password.h"
#include "auth/role.h"
#include "auth/session_policy.h"
#include "server/http_types.h"
#include "server/store_pool.h"

namespace solieu::server {

inline constexpr std::string_view kSessionCookie = "solieu_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct Principal {
  UserAccount account;
  Role role = Role::kViewer;
  bool via_session = false;  // else an API token
  std::string session_id_hash;
  std::string csrf_token;  // sessions only: the token the browser must echo
};

struct AuthOptions {
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  // Unix seconds; tests replace it to make sessions expire.
  std::function<std::int64_t()> clock;
  // Behind TLS: cookies carry Secure.
  bool secure_cookies = false;
  // The cost of the hash checked when the username is unknown, so that the response time does
  // not tell which usernames exist: that of the accounts (tests use the minimum).
  PasswordCost decoy_cost = PasswordCost::Interactive();
};

class AuthService {
 public:
  AuthService(StorePool& store, AuthOptions options);

  struct LoginResult {
    enum class Status { kOk, kBadCredentials, kLocked, kRateLimited };
    Status status = Status::kBadCredentials;
    std::int64_t retry_after_seconds = 0;
    std::string cookie_value;
    std::optional<Principal> principal;
  };
  LoginResult Login(const std::string& username, const std::string& password,
                    const std::string& client);

  // The principal behind the request's bearer token or session cookie; nullopt when it carries
  // neither. Throws HttpError 401 for an unknown or revoked token, an unknown session or an
  // expired one (which is then deleted).
  std::optional<Principal> Authenticate(const Request& request);
  // Throws HttpError 403 unless a session-authenticated request carries the session's CSRF
  // token in X-CSRF-Token. Token-authenticated requests need none: browsers never add the
  // Authorization header on their own.
  void RequireCsrf(const Principal& principal, const Request& request) const;
  void Logout(const Principal& principal);

  std::string SessionCookieHeader(const std::string& cookie_value) const;
  std::string ExpiredCookieHeader() const;

  std::int64_t Now() const { return options_.clock(); }

 private:
  std::optional<Principal> PrincipalOf(const UserAccount& account) const;

  StorePool& store_;
  AuthOptions options_;
  std::string decoy_hash_;
};

}  // namespace solieu::server
