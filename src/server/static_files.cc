#include "server/static_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "server/gzip.h"
#include "server/json_response.h"
#include "server/router.h"

namespace solieu::server {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kLargestCachedFile = 8u << 20;
constexpr std::size_t kCacheBytes = 64u << 20;

bool WorthCompressing(const std::string& type, std::uintmax_t size) {
  return size >= 1024 &&
         (type.rfind("text/", 0) == 0 || type.rfind("application/javascript", 0) == 0 ||
          type.rfind("application/json", 0) == 0 || type.rfind("image/svg+xml", 0) == 0 ||
          type.rfind("application/geo+json", 0) == 0);
}

std::string ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_)) {
    throw UserError("server.bad_web_dir", "thư mục web '" + root.string() + "' không tồn tại",
                    "the web folder '" + root.string() + "' does not exist", "--web");
  }
}

std::string ContentTypeFor(const fs::path& file) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".geojson", "application/geo+json"},
  };
  std::string extension = file.extension().string();
  for (auto& [ext, type] : kTypes) {
    if (extension == ext) return type;
  }
  return "application/octet-stream";
}

Response StaticFiles::Serve(const Request& request, const std::string& path) const {
  if (request.method() != http::verb::get) {
    Response response =
        ErrorResponse(405, "http.method_not_allowed", "tệp tĩnh chỉ đọc được bằng GET",
                      "static files are read with GET only", path);
    response.set(http::field::allow, "GET");
    return response;
  }
  fs::path relative;
  for (const std::string& segment : SplitPath(path)) {
    if (segment == "." || segment == ".." || segment.find('\\') != std::string::npos ||
        segment.find(':') != std::string::npos) {
      return ErrorResponse(400, "http.bad_path", "đường dẫn '" + path + "' không hợp lệ",
                           "invalid path '" + path + "'", path);
    }
    if (segment.front() == '.') {
      return ErrorResponse(404, "http.not_found", "không có tệp '" + path + "'",
                           "no file '" + path + "'", path);
    }
    relative /= segment;
  }
  fs::path candidate = root_ / relative;
  std::error_code ec;
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  fs::path resolved = fs::canonical(candidate, ec);
  auto inside = [&] {
    auto root_end = std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
    return root_end.first == root_.end();
  };
  if (ec || !inside() || !fs::is_regular_file(resolved, ec)) {
    return ErrorResponse(404, "http.not_found", "không có tệp '" + path + "'",
                         "no file '" + path + "'", path);
  }
  std::shared_ptr<const CachedFile> file = Load(resolved);
  Response response{http::status::ok, 11};
  response.set(http::field::content_type, ContentTypeFor(resolved));
  // The app shell must be revalidated so that a new release is picked up; assets may be cached.
  response.set(http::field::cache_control,
               resolved.filename() == "index.html" ? "no-cache" : "public, max-age=3600");
  if (!file->gzip.empty()) {
    response.set(http::field::vary, "Accept-Encoding");
    if (AcceptsGzip(request[http::field::accept_encoding])) {
      response.set(http::field::content_encoding, "gzip");
      response.body() = file->gzip;
      return response;
    }
  }
  response.body() = file->content;
  return response;
}

std::shared_ptr<const StaticFiles::CachedFile> StaticFiles::Load(const fs::path& file) const {
  std::error_code ec;
  auto modified = fs::last_write_time(file, ec);
  std::uintmax_t size = fs::file_size(file, ec);
  std::string key = file.string();
  {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(key);
    if (found != cache_.end() && found->second->modified == modified &&
        found->second->size == size) {
      return found->second;
    }
  }
  auto loaded = std::make_shared<CachedFile>(CachedFile{modified, size, ReadFile(file), {}});
  if (WorthCompressing(ContentTypeFor(file), loaded->content.size())) {
    loaded->gzip = GzipCompress(loaded->content);
    if (loaded->gzip.size() >= loaded->content.size()) loaded->gzip.clear();
  }
  if (size <= kLargestCachedFile) {
    std::lock_guard lock(mutex_);
    if (cached_bytes_ + size > kCacheBytes) {  // a web app is far smaller; start afresh
      cache_.clear();
      cached_bytes_ = 0;
    }
    auto& slot = cache_[key];
    if (slot) cached_bytes_ -= slot->size;
    slot = loaded;
    cached_bytes_ += size;
  }
  return loaded;
}

}  // namespace solieu::server
