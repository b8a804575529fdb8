// server/static_files: the web app's files from one folder (--web). A request path may only name
// a regular file inside that folder: segments "." and "..", backslashes and hidden names are
// refused, and the resolved path (symbolic links followed) must still lie inside the folder.
// Depends on: server/json_response.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/http_types.h"

namespace solieu::server {

class StaticFiles {
 public:
  // Throws UserError when `root` is not a folder.
  explicit StaticFiles(const std::filesystem::path& root);

  // `path`: the decoded request path. 404 for a missing file, 400 for a path that tries to leave
  // the folder, 405 for a method other than GET.
  Response Serve(const Request& request, const std::string& path) const;

 private:
  struct CachedFile {
    std::filesystem::file_time_type modified;
    std::uintmax_t size;
    std::string content;
    std::string gzip;  // empty when not worth it
  };
  std::shared_ptr<const CachedFile> Load(const std::filesystem::path& file) const;

  std::filesystem::path root_;  // canonical
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const CachedFile>> cache_;
  mutable std::size_t cached_bytes_ = 0;
};

// "text/html; charset=utf-8" for ".html", ...; "application/octet-stream" when unknown.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace solieu::server
