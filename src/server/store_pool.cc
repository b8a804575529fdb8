#include "server/store_pool.h"

namespace solieu::server {

StorePool::StorePool(const std::string& location, int readers) : writer_(Store::Open(location)) {
  for (int i = 0; i < readers; ++i) {
    readers_.push_back(Store::Open(location));
    free_.push_back(readers_.back().get());
  }
}

StorePool::Lease::Lease(StorePool& p) : pool(p) {
  std::unique_lock lock(pool.free_mutex_);
  pool.free_ready_.wait(lock, [this] { return !pool.free_.empty(); });
  store = pool.free_.back();
  pool.free_.pop_back();
}

StorePool::Lease::~Lease() {
  {
    std::lock_guard lock(pool.free_mutex_);
    pool.free_.push_back(store);
  }
  pool.free_ready_.notify_one();
}

}  // namespace solieu::server
