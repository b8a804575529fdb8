// server/data_restriction: data elements restricted to a user group (the HIV figures,
// config/<province>/data_element_groups.csv) and what follows from them: an indicator whose
// expression names a restricted element (or such an indicator) is restricted too. Administrators
// and members of the group see everything; everyone else is refused (403) a restricted value or
// analytics item and sees report rows built on one blank.
// Depends on: core/metadata, server/auth_service (Principal), server/http_error.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/metadata.h"
#include "server/auth_service.h"

namespace solieu::server {

// The ids an expression names inside `open`...`}` ("#{" for elements, "N{" for indicators, "C{"
// for constants), without a ".COMBO" suffix or the spaces the grammar allows around them.
std::set<std::string> ExpressionIds(const std::string& expression, std::string_view open);

// Whether `user` may see and enter values of `element`.
bool MaySee(const Principal& user, const DataElement& element);

// Throws HttpError 403 auth.restricted_data_element naming the element and its group.
void RequireMaySee(const Principal& user, const DataElement& element, std::string_view where);

// The data elements and indicators `user` may not see, by code and by uid, each with the group
// that would let them in. Empty for administrators.
class HiddenItems {
 public:
  HiddenItems(const MetadataSnapshot& metadata, const Principal& user);

  bool empty() const { return group_of_.empty(); }
  // An analytics item as requested: a code or uid, optionally "ID.COMBO".
  bool Hides(std::string_view item) const;
  // Whether either side of `rule` names a hidden item: its values would show through.
  bool HidesRule(const ValidationRule& rule) const;
  // Throws HttpError 403 naming the first hidden item of `items` (an analytics request).
  void RequireNone(const std::vector<std::string>& items, std::string_view where) const;
  const std::map<std::string, std::string, std::less<>>& items() const { return group_of_; }

 private:
  std::map<std::string, std::string, std::less<>> group_of_;  // code or uid -> group
};

// The groups a cache key must carry besides the user's units: who may see what.
std::string VisibilityKey(const Principal& user);

}  // namespace solieu::server
