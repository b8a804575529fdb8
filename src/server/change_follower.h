// server/change_follower: keeps this process's engine current with what other processes (a
// second `solieu serve` on the same PostgreSQL database, a `solieu import` into the same file)
// commit to the store. Each pass reads the value changes and form events committed after the
// last it saw (the store's change log: audit rows and reporting events, whose ids grow in commit
// order) and applies them to the engine under the store's write lock, so they interleave with
// this process's own writes in commit order. Replaying this process's own writes is harmless:
// each sets what the store already holds. Metadata edits made by another process are not
// followed (the engine keeps the metadata it was built with until restarted).
// Depends on: store, engine, server/live_analytics, server/store_pool.
#pragma once

#include "server/live_analytics.h"
#include "server/store_pool.h"

namespace solieu::server {

// The last change of each log that an engine has seen.
struct ChangeMark {
  long long value_change = 0;
  long long form_event = 0;
};

// Read before the engine is loaded from the store: changes committed during the load are then
// replayed, never lost.
ChangeMark CurrentChangeMark(Store& store);

class ChangeFollower {
 public:
  ChangeFollower(StorePool& store, LiveAnalytics& analytics, ChangeMark start)
      : store_(store), analytics_(analytics), mark_(start) {}

  // Applies every change committed since the last pass; returns how many were applied.
  int CatchUp();

 private:
  StorePool& store_;
  LiveAnalytics& analytics_;
  ChangeMark mark_;
};

}  // namespace solieu::server
