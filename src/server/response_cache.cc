#include "server/response_cache.h"

namespace solieu::server {

std::optional<std::string> ResponseCache::Find(const std::string& key, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  if (found->second->generation != generation) {
    entries_.erase(found->second);
    index_.erase(found);
    return std::nullopt;
  }
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->body;
}

void ResponseCache::Put(const std::string& key, std::uint64_t generation, std::string body) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found != index_.end()) {
    entries_.erase(found->second);
    index_.erase(found);
  }
  entries_.push_front({key, generation, std::move(body)});
  index_[key] = entries_.begin();
  while (entries_.size() > capacity_) {
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

}  // namespace solieu::server
