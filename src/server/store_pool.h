// server/store_pool: the server's connections to the store. Reads run in parallel, each on a
// connection of its own (SQLite in WAL mode lets readers proceed while a write commits); writes
// run one at a time on the writer connection, so that a write and what follows it under the same
// lock (applying it to the engine, a compare-and-set) happen in commit order.
// Depends on: store.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace solieu::server {

class StorePool {
 public:
  // Opens `readers` + 1 connections to `location` (migrating it on the first).
  StorePool(const std::string& location, int readers);

  // Runs `read(Store&)` on a free reader connection, waiting for one if all are busy.
  template <typename F>
  auto Read(F&& read) {
    Lease lease(*this);
    return read(*lease.store);
  }

  // Runs `write(Store&)` on the writer connection, alone.
  template <typename F>
  auto Write(F&& write) {
    std::lock_guard lock(write_mutex_);
    return write(*writer_);
  }

 private:
  struct Lease {
    explicit Lease(StorePool& pool);
    ~Lease();
    StorePool& pool;
    Store* store;
  };

  std::unique_ptr<Store> writer_;
  std::mutex write_mutex_;
  std::vector<std::unique_ptr<Store>> readers_;
  std::vector<Store*> free_;
  std::mutex free_mutex_;
  std::condition_variable free_ready_;
};

}  // namespace solieu::server
