// server/response_cache: finished analytics responses by request, so that the dashboards every
// user opens at the end of the month are answered from memory. An entry is valid only for the
// engine generation it was computed at: any accepted write makes every entry stale. Bounded
// (least recently used entries go first). Thread-safe. Depends on: the standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace solieu::server {

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<std::string> Find(const std::string& key, std::uint64_t generation);
  void Put(const std::string& key, std::uint64_t generation, std::string body);

 private:
  struct Entry {
    std::string key;
    std::uint64_t generation;
    std::string body;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace solieu::server
