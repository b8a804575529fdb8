#include "server/data_restriction.h"

#include <algorithm>
#include <set>

#include "server/http_error.h"

namespace solieu::server {
namespace {

bool InGroup(const Principal& user, const std::string& group) {
  return std::find(user.account.groups.begin(), user.account.groups.end(), group) !=
         user.account.groups.end();
}

}  // namespace

std::set<std::string> ExpressionIds(const std::string& expression, std::string_view open) {
  std::set<std::string> out;
  size_t at = 0;
  while ((at = expression.find(open, at)) != std::string::npos) {
    size_t start = at + open.size();
    size_t end = expression.find('}', start);
    if (end == std::string::npos) break;
    std::string id = expression.substr(start, end - start);
    id = id.substr(0, id.find('.'));
    // The grammar allows spaces (and no-break spaces, U+00A0 = C2 A0) around ids.
    constexpr std::string_view kSpace = " \t\xC2\xA0";
    size_t first = id.find_first_not_of(kSpace);
    size_t last = id.find_last_not_of(kSpace);
    out.insert(first == std::string::npos ? std::string() : id.substr(first, last - first + 1));
    at = end;
  }
  return out;
}

bool MaySee(const Principal& user, const DataElement& element) {
  return element.user_group.empty() || user.role == Role::kAdministrator ||
         InGroup(user, element.user_group);
}

void RequireMaySee(const Principal& user, const DataElement& element, std::string_view where) {
  if (MaySee(user, element)) return;
  throw HttpError(403, "auth.restricted_data_element",
                  "số liệu " + element.code + " (" + element.name_vi + ") chỉ dành cho nhóm '" +
                      element.user_group + "'; " + user.account.username + " không thuộc nhóm này",
                  "data element " + element.code + " (" + element.name_en +
                      ") is restricted to user group '" + element.user_group + "', which " +
                      user.account.username + " is not in",
                  std::string(where));
}

HiddenItems::HiddenItems(const MetadataSnapshot& metadata, const Principal& user) {
  if (user.role == Role::kAdministrator) return;
  for (const DataElement& d : metadata.data_elements) {
    if (MaySee(user, d)) continue;
    group_of_.emplace(d.code, d.user_group);
    group_of_.emplace(d.uid, d.user_group);
  }
  if (group_of_.empty()) return;
  // An indicator may name another (N{...}): repeat until no indicator is added.
  for (bool added = true; added;) {
    added = false;
    for (const Indicator& i : metadata.indicators) {
      if (group_of_.contains(i.code)) continue;
      for (const std::string* text : {&i.numerator, &i.denominator}) {
        std::set<std::string> ids = ExpressionIds(*text, "#{");
        std::set<std::string> indicators = ExpressionIds(*text, "N{");
        ids.insert(indicators.begin(), indicators.end());
        auto hidden = std::find_if(ids.begin(), ids.end(),
                                   [&](const std::string& id) { return group_of_.contains(id); });
        if (hidden == ids.end()) continue;
        std::string group = group_of_.find(*hidden)->second;
        group_of_.emplace(i.code, group);
        group_of_.emplace(i.uid, group);
        added = true;
        break;
      }
    }
  }
}

bool HiddenItems::Hides(std::string_view item) const {
  return group_of_.contains(item.substr(0, item.find('.')));
}

void HiddenItems::RequireNone(const std::vector<std::string>& items, std::string_view where) const {
  for (const std::string& item : items) {
    if (!Hides(item)) continue;
    const std::string& group =
        group_of_.find(std::string_view(item).substr(0, item.find('.')))->second;
    throw HttpError(
        403, "auth.restricted_data_element",
        "'" + item + "' dùng số liệu chỉ dành cho nhóm '" + group + "', bạn không thuộc nhóm này",
        "'" + item + "' uses figures restricted to user group '" + group +
            "', which you are not in",
        std::string(where));
  }
}

std::string VisibilityKey(const Principal& user) {
  if (user.role == Role::kAdministrator) return "*";
  std::string key;
  for (const std::string& group : user.account.groups) key += group + ",";
  return key;
}

bool HiddenItems::HidesRule(const ValidationRule& rule) const {
  for (const auto& [item, group] : group_of_) {
    for (const std::string* side : {&rule.left.expression, &rule.right.expression}) {
      if (side->find("{" + item) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace solieu::server
