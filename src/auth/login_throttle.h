// auth/login_throttle: the lock-out and rate-limit rules for logins, as pure functions of the
// recorded attempts (store: login_attempt), so they survive a restart and are tested without a
// clock. Depends on: store (LoginAttempt).
//
// Per account: `max_failures` failed attempts within `window_seconds` (none successful in
// between) lock the account for `lockout_seconds` from the last of them; attempts while locked
// are recorded as kLocked and do not extend the lock. Per client address: more than
// `max_client_failures` failures within the window, across any usernames, refuse further
// attempts from that address until the oldest of them leaves the window (password spraying).
#pragma once

#include <cstdint>
#include <vector>

#include "store/store.h"

namespace solieu {

struct ThrottlePolicy {
  int max_failures = 5;
  std::int64_t window_seconds = 15 * 60;
  std::int64_t lockout_seconds = 15 * 60;
  int max_client_failures = 30;
};

struct ThrottleDecision {
  bool allowed = true;
  bool account_locked = false;  // else, when refused, the client address is rate limited
  std::int64_t retry_after_seconds = 0;
};

// How far back the attempts passed to DecideLogin must reach.
std::int64_t ThrottleHorizon(std::int64_t now, const ThrottlePolicy& policy);

// `account_attempts`: the username's attempts since ThrottleHorizon, oldest first;
// `client_attempts`: the client address's attempts since then, oldest first.
ThrottleDecision DecideLogin(const std::vector<LoginAttempt>& account_attempts,
                             const std::vector<LoginAttempt>& client_attempts, std::int64_t now,
                             const ThrottlePolicy& policy);

}  // namespace solieu
