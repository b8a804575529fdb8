#include "auth/session_policy.h"

#include <algorithm>

namespace solieu {

SessionState CheckSession(const SessionRecord& session, std::int64_t now,
                          const SessionPolicy& policy) {
  if (now - session.created_at >= policy.absolute_seconds) return SessionState::kAbsoluteExpired;
  if (now - session.last_seen_at >= policy.idle_seconds) return SessionState::kIdleExpired;
  return SessionState::kValid;
}

SessionPurgeCutoffs PurgeCutoffs(std::int64_t now, const SessionPolicy& policy) {
  // CheckSession expires at now - t >= limit, i.e. t <= now - limit, i.e. t < now - limit + 1.
  return {now - policy.idle_seconds + 1, now - policy.absolute_seconds + 1};
}

bool SessionNeedsTouch(const SessionRecord& session, std::int64_t now,
                       const SessionPolicy& policy) {
  std::int64_t interval = std::min(policy.touch_interval_seconds, policy.idle_seconds / 10);
  return now - session.last_seen_at >= std::max<std::int64_t>(interval, 1);
}

}  // namespace solieu
