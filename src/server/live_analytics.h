// server/live_analytics: the analytics engine shared by every request. Queries read it in
// parallel; a write accepted by the store is applied under an exclusive lock (while the store's
// write lock is still held, so the engine sees writes in commit order). Every write bumps a
// generation number, which invalidates cached responses (server/response_cache).
// Depends on: engine.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "core/data_value.h"
#include "engine/analytics.h"

namespace solieu {
class Store;
}

namespace solieu::server {

class LiveAnalytics {
 public:
  // `synthetic`: whether the store holds synthetic demo values (reports say so).
  LiveAnalytics(std::unique_ptr<Analytics> analytics, bool synthetic)
      : analytics_(std::move(analytics)), current_(analytics_.get()), synthetic_(synthetic) {}

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

  // A form registered complete or withdrawn, applied the same way (reporting-rate items).
  void ApplyForms(const std::vector<FormCompletionWrite>& writes) {
    std::unique_lock lock(mutex_);
    analytics_->ApplyForms(writes);
    generation_.fetch_add(1, std::memory_order_release);
  }

  // The engine for its metadata and org tree, which never change inside one engine, so they may
  // be read without the lock; its values may not: read them through Read(). Callers that hold the
  // store's write lock use this to avoid taking the engine's lock first (the lock order is store,
  // then engine). A metadata edit replaces the whole engine (Replace): a reference taken before
  // stays valid and shows the metadata as it was.
  const Analytics& Structure() const { return *current_.load(std::memory_order_acquire); }

  // Puts `fresh` (loaded from the store after a metadata edit, under the store's write lock, so
  // no write falls between its load and this) in place of the engine. The old one is kept until
  // the server stops, because Structure() references to it may still be in use: metadata edits
  // are rare (an administrator's correction), so this costs an engine per edit at most.
  void Replace(std::unique_ptr<LiveAnalytics> fresh) {
    std::unique_lock lock(mutex_);
    retired_.push_back(std::move(analytics_));
    analytics_ = std::move(fresh->analytics_);
    current_.store(analytics_.get(), std::memory_order_release);
    synthetic_.store(fresh->synthetic(), std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_release);
  }

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  bool synthetic() const { return synthetic_.load(std::memory_order_acquire); }

 private:
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Analytics> analytics_;
  std::atomic<const Analytics*> current_;
  std::vector<std::unique_ptr<Analytics>> retired_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<bool> synthetic_;
};

// Every stored value and completed form into a new engine (solieu_server.cc): at start, and
// after a metadata edit.
std::unique_ptr<LiveAnalytics> LoadEngine(Store& store);
// The same engine on its own, for the command line (one loader for both); `synthetic_values`
// tells whether any stored value is synthetic demo data.
std::unique_ptr<Analytics> LoadAnalytics(Store& store, bool* synthetic_values = nullptr);

}  // namespace solieu::server
