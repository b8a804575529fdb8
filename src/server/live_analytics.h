// server/live_analytics: the analytics engine shared by every request. Queries read it in
// parallel; a write accepted by the store is applied under an exclusive lock (while the store's
// write lock is still held, so the engine sees writes in commit order). Every write bumps a
// generation number, which invalidates cached responses (server/response_cache).
// Depends on: engine.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <vector>

#include "core/data_value.h"
#include "engine/analytics.h"

namespace solieu::server {

class LiveAnalytics {
 public:
  // `synthetic`: whether the store holds synthetic demo values (reports say so).
  LiveAnalytics(std::unique_ptr<Analytics> analytics, bool synthetic)
      : analytics_(std::move(analytics)), synthetic_(synthetic) {}

  template <typename F>
  auto Read(F&& read) const {
    std::shared_lock lock(mutex_);
    return read(static_cast<const Analytics&>(*analytics_));
  }

  void Apply(const std::vector<DataValueWrite>& writes) {
    std::unique_lock lock(mutex_);
    analytics_->Apply(writes);
    generation_.fetch_add(1, std::memory_order_release);
  }

  // The engine for its metadata and org tree, which never change while the server runs (nothing
  // edits metadata yet), so they may be read without the lock; its values may not: read them
  // through Read(). Callers that hold the store's write lock use this to avoid taking the
  // engine's lock first (the lock order is store, then engine).
  const Analytics& Structure() const { return *analytics_; }

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  bool synthetic() const { return synthetic_; }

 private:
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Analytics> analytics_;
  std::atomic<std::uint64_t> generation_{0};
  bool synthetic_;
};

}  // namespace solieu::server
