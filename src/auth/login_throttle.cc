#include "auth/login_throttle.h"

#include <algorithm>
#include <deque>

namespace solieu {

std::int64_t ThrottleHorizon(std::int64_t now, const ThrottlePolicy& policy) {
  return now - policy.window_seconds - policy.lockout_seconds;
}

ThrottleDecision DecideLogin(const std::vector<LoginAttempt>& account_attempts,
                             const std::vector<LoginAttempt>& client_attempts, std::int64_t now,
                             const ThrottlePolicy& policy) {
  ThrottleDecision decision;
  std::int64_t locked_until = 0;
  std::deque<std::int64_t> recent;  // failures within the window, since the last success or lock
  for (const LoginAttempt& attempt : account_attempts) {
    if (attempt.outcome == LoginOutcome::kSuccess) {
      recent.clear();
      continue;
    }
    if (attempt.outcome != LoginOutcome::kFailure || attempt.at < locked_until) continue;
    recent.push_back(attempt.at);
    while (!recent.empty() && recent.front() <= attempt.at - policy.window_seconds) {
      recent.pop_front();
    }
    if (static_cast<int>(recent.size()) >= policy.max_failures) {
      locked_until = attempt.at + policy.lockout_seconds;
      recent.clear();
    }
  }
  if (now < locked_until) {
    decision.allowed = false;
    decision.account_locked = true;
    decision.retry_after_seconds = locked_until - now;
    return decision;
  }
  std::vector<std::int64_t> client_failures;
  for (const LoginAttempt& attempt : client_attempts) {
    if (attempt.outcome == LoginOutcome::kFailure && attempt.at > now - policy.window_seconds) {
      client_failures.push_back(attempt.at);
    }
  }
  if (static_cast<int>(client_failures.size()) >= policy.max_client_failures) {
    decision.allowed = false;
    decision.retry_after_seconds =
        std::max<std::int64_t>(1, client_failures.front() + policy.window_seconds - now);
  }
  return decision;
}

}  // namespace solieu
