// auth/session_policy: when a browser session ends. A session expires after `idle` seconds
// without a request and, whatever the activity, `absolute` seconds after login, so a stolen or
// forgotten session on a shared computer at a health station does not live for ever.
// Depends on: store (SessionRecord).
#pragma once

#include <cstdint>

#include "store/store.h"

namespace solieu {

struct SessionPolicy {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 60 * 60;
  // The last-seen time is written back at most this often: one write per minute of activity
  // rather than one per request.
  std::int64_t touch_interval_seconds = 60;
};

enum class SessionState { kValid, kIdleExpired, kAbsoluteExpired };

SessionState CheckSession(const SessionRecord& session, std::int64_t now,
                          const SessionPolicy& policy);

// The cut-offs of Store::PurgeSessions at `now`: a session last seen before `idle_before` or
// opened before `created_before` is expired by CheckSession, so deleting it changes no answer.
struct SessionPurgeCutoffs {
  std::int64_t idle_before = 0;
  std::int64_t created_before = 0;
};
SessionPurgeCutoffs PurgeCutoffs(std::int64_t now, const SessionPolicy& policy);

// Whether a request at `now` should record the session's new last-seen time.
bool SessionNeedsTouch(const SessionRecord& session, std::int64_t now, const SessionPolicy& policy);

}  // namespace solieu
