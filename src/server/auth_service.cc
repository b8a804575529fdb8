#include "server/auth_service.h"

#include <chrono>

#include "auth/credentials.h"
#include "auth/password.h"
#include "auth/secret.h"
#include "server/http_error.h"

namespace solieu::server {
namespace {

// The value of cookie `name` in a Cookie header ("a=1; solieu_session=XYZ").
std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t semicolon = header.find(';');
    std::string_view item = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    size_t equals = item.find('=');
    if (equals != std::string_view::npos && item.substr(0, equals) == name) {
      return std::string(item.substr(equals + 1));
    }
  }
  return std::nullopt;
}

HttpError Unauthorized(const std::string& code, const std::string& vi, const std::string& en) {
  return HttpError(401, code, vi, en, "auth");
}

}  // namespace

AuthService::AuthService(StorePool& store, AuthOptions options)
    : store_(store),
      options_(std::move(options)),
      decoy_hash_(HashPassword("decoy password, never valid", options_.decoy_cost)) {
  if (!options_.clock) {
    options_.clock = [] {
      return std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
  }
}

std::optional<Principal> AuthService::PrincipalOf(const UserAccount& account) const {
  auto role = ParseRole(account.role);
  if (!role || account.disabled) return std::nullopt;
  Principal principal;
  principal.account = account;
  principal.role = *role;
  return principal;
}

AuthService::LoginResult AuthService::Login(const std::string& username,
                                            const std::string& password,
                                            const std::string& client) {
  LoginResult result;
  std::int64_t now = Now();
  std::int64_t horizon = ThrottleHorizon(now, options_.throttle);
  struct Known {
    std::vector<LoginAttempt> account_attempts, client_attempts;
    std::optional<UserAccount> account;
  };
  Known known = store_.Read([&](Store& store) {
    return Known{store.LoginAttemptsSince(horizon, username, ""),
                 store.LoginAttemptsSince(horizon, "", client), store.FindUser(username)};
  });
  ThrottleDecision decision =
      DecideLogin(known.account_attempts, known.client_attempts, now, options_.throttle);
  if (!decision.allowed) {
    store_.Write([&](Store& store) {
      store.RecordLoginAttempt({username, client, now, LoginOutcome::kLocked});
    });
    result.status =
        decision.account_locked ? LoginResult::Status::kLocked : LoginResult::Status::kRateLimited;
    result.retry_after_seconds = decision.retry_after_seconds;
    return result;
  }
  // The password is checked outside any lock: it takes a tenth of a second by design. An unknown
  // user costs the same time as a known one.
  bool valid = known.account ? VerifyPassword(known.account->password_hash, password)
                             : (VerifyPassword(decoy_hash_, password), false);
  std::optional<Principal> principal;
  if (valid) principal = PrincipalOf(*known.account);
  if (!principal) {
    store_.Write([&](Store& store) {
      store.RecordLoginAttempt({username, client, now, LoginOutcome::kFailure});
    });
    return result;
  }
  IssuedSession session = NewSession(username, client, now);
  SessionPurgeCutoffs cutoffs = PurgeCutoffs(now, options_.sessions);
  store_.Write([&](Store& store) {
    store.RecordLoginAttempt({username, client, now, LoginOutcome::kSuccess});
    // Sessions nobody logged out of would otherwise stay for ever: every login sweeps them.
    store.PurgeSessions(cutoffs.idle_before, cutoffs.created_before);
    store.PutSession(session.record);
  });
  principal->via_session = true;
  principal->session_id_hash = session.record.id_hash;
  principal->csrf_token = session.csrf_token;
  result.status = LoginResult::Status::kOk;
  result.cookie_value = session.cookie_value;
  result.principal = std::move(principal);
  return result;
}

std::optional<Principal> AuthService::Authenticate(const Request& request) {
  std::string_view authorization = request[http::field::authorization];
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.substr(0, kBearer.size()) != kBearer) {
      throw Unauthorized("auth.bad_authorization",
                         "tiêu đề Authorization phải có dạng 'Bearer TOKEN'",
                         "the Authorization header must be 'Bearer TOKEN'");
    }
    std::string hash = Sha256Hex(authorization.substr(kBearer.size()));
    auto account = store_.Read([&](Store& store) -> std::optional<UserAccount> {
      auto token = store.FindApiToken(hash);
      if (!token) return std::nullopt;
      return store.FindUser(token->username);
    });
    std::optional<Principal> principal;
    if (account) principal = PrincipalOf(*account);
    if (!principal) {
      throw Unauthorized("auth.invalid_token", "mã truy cập API không hợp lệ hoặc đã bị thu hồi",
                         "the API token is invalid or revoked");
    }
    return principal;
  }
  auto cookie = CookieValue(request[http::field::cookie], kSessionCookie);
  if (!cookie) return std::nullopt;
  std::string id_hash = Sha256Hex(*cookie);
  struct Found {
    std::optional<SessionRecord> session;
    std::optional<UserAccount> account;
  };
  Found found = store_.Read([&](Store& store) {
    Found f{store.FindSession(id_hash), std::nullopt};
    if (f.session) f.account = store.FindUser(f.session->username);
    return f;
  });
  if (!found.session) {
    throw Unauthorized("auth.invalid_session", "phiên đăng nhập không tồn tại, hãy đăng nhập lại",
                       "no such session; please log in again");
  }
  std::int64_t now = Now();
  if (CheckSession(*found.session, now, options_.sessions) != SessionState::kValid) {
    store_.Write([&](Store& store) { store.DeleteSession(id_hash); });
    throw Unauthorized("auth.session_expired", "phiên đăng nhập đã hết hạn, hãy đăng nhập lại",
                       "the session has expired; please log in again");
  }
  std::optional<Principal> principal;
  if (found.account) principal = PrincipalOf(*found.account);
  if (!principal) {
    throw Unauthorized("auth.account_disabled", "tài khoản đã bị khóa", "the account is disabled");
  }
  if (SessionNeedsTouch(*found.session, now, options_.sessions)) {
    store_.Write([&](Store& store) { store.TouchSession(id_hash, now); });
  }
  principal->via_session = true;
  principal->session_id_hash = id_hash;
  principal->csrf_token = CsrfTokenFor(*cookie);
  return principal;
}

void AuthService::RequireCsrf(const Principal& principal, const Request& request) const {
  if (!principal.via_session) return;
  auto header = request.find(kCsrfHeader);
  if (header == request.end() ||
      !EqualsInConstantTime(Sha256Hex(header->value()), Sha256Hex(principal.csrf_token))) {
    throw HttpError(403, "auth.csrf", "thiếu hoặc sai mã chống giả mạo (tiêu đề X-CSRF-Token)",
                    "missing or wrong anti-forgery token (header X-CSRF-Token)", "X-CSRF-Token");
  }
}

void AuthService::Logout(const Principal& principal) {
  if (!principal.via_session) return;
  store_.Write([&](Store& store) { store.DeleteSession(principal.session_id_hash); });
}

std::string AuthService::SessionCookieHeader(const std::string& cookie_value) const {
  return std::string(kSessionCookie) + "=" + cookie_value +
         "; Path=/; Max-Age=" + std::to_string(options_.sessions.absolute_seconds) +
         "; HttpOnly; SameSite=Strict" + (options_.secure_cookies ? "; Secure" : "");
}

std::string AuthService::ExpiredCookieHeader() const {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (options_.secure_cookies ? "; Secure" : "");
}

}  // namespace solieu::server
