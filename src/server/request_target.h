// server/request_target: a request target ("/api/dataValues?de=X&pe=202501") split into its
// percent-decoded path and query parameters, every part checked to be valid UTF-8, so handlers
// only ever see well-formed text. Depends on: core/error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace solieu::server {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no NUL.
bool IsValidUtf8(std::string_view text);

class QueryParams {
 public:
  void Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  // The first value of `name`, if any.
  std::optional<std::string> Get(std::string_view name) const;
  // Every value of `name`, in order (repeatable parameters such as dimension=).
  std::vector<std::string> All(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct RequestTarget {
  std::string path;  // decoded; begins with '/'
  QueryParams query;
};

// Throws UserError ("http.bad_target") for a target that is not an absolute path, a bad
// percent-escape, a NUL or invalid UTF-8 after decoding.
RequestTarget ParseRequestTarget(std::string_view target);

}  // namespace solieu::server
