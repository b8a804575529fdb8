#include "demo/subset_rules.h"

#include <optional>
#include <string_view>

namespace solieu {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// `#{ELEMENT}` or `#{ELEMENT.COMBO}` by code or uid, and nothing else around it.
std::optional<RuleItem> SingleItem(const MetadataSnapshot& m, std::string_view expression) {
  expression = Trim(expression);
  if (expression.size() < 4 || !expression.starts_with("#{") || !expression.ends_with("}")) {
    return std::nullopt;
  }
  std::string_view inner = expression.substr(2, expression.size() - 3);
  if (inner.find_first_of("{}#") != std::string_view::npos) return std::nullopt;
  std::string_view element_ref = inner;
  std::string_view coc_ref;
  if (size_t dot = inner.find('.'); dot != std::string_view::npos) {
    element_ref = inner.substr(0, dot);
    coc_ref = inner.substr(dot + 1);
    if (coc_ref.find('.') != std::string_view::npos) return std::nullopt;  // attribute combos
  }
  const DataElement* element = nullptr;
  for (const DataElement& e : m.data_elements) {
    if (e.code == element_ref || e.uid == element_ref) element = &e;
  }
  if (element == nullptr) return std::nullopt;
  RuleItem item{element->uid, {}};
  if (coc_ref.empty()) return item;
  // Option-combo codes repeat across combos (TU_VONG in every cases/deaths combo): the element's
  // own combo decides.
  for (const CategoryOptionCombo& coc : m.category_option_combos) {
    if (coc.combo_uid == element->category_combo_uid && (coc.code == coc_ref || coc.uid == coc_ref))
      item.coc_uid = coc.uid;
  }
  if (item.coc_uid.empty()) return std::nullopt;
  return item;
}

}  // namespace

std::vector<SubsetRule> SubsetRules(const MetadataSnapshot& metadata) {
  std::vector<SubsetRule> out;
  for (const ValidationRule& rule : metadata.validation_rules) {
    bool le = rule.op == ValidationOperator::kLessThanOrEqualTo;
    bool ge = rule.op == ValidationOperator::kGreaterThanOrEqualTo;
    if (!le && !ge) continue;
    auto left = SingleItem(metadata, rule.left.expression);
    auto right = SingleItem(metadata, rule.right.expression);
    if (!left || !right) continue;
    out.push_back(le ? SubsetRule{rule.code, *left, *right} : SubsetRule{rule.code, *right, *left});
  }
  return out;
}

bool Covers(const RuleItem& item, const DataValueKey& key) {
  return key.data_element_uid == item.element_uid &&
         (item.coc_uid.empty() || key.category_option_combo_uid == item.coc_uid);
}

std::vector<int> TotalsFirstRanks(const std::vector<SubsetRule>& rules,
                                  const std::vector<DataValueWrite>& values) {
  // (subset value, total value) index pairs; an item may be both part and whole of itself only
  // through a rule such as #{A.X} <= #{A}, whose shared values need no order.
  std::vector<std::pair<size_t, size_t>> after;
  for (const SubsetRule& r : rules) {
    for (size_t s = 0; s < values.size(); ++s) {
      if (!Covers(r.subset, values[s].key)) continue;
      for (size_t t = 0; t < values.size(); ++t) {
        if (t != s && Covers(r.total, values[t].key)) after.emplace_back(s, t);
      }
    }
  }
  std::vector<int> rank(values.size(), 0);
  for (size_t round = 0; round <= values.size(); ++round) {
    bool changed = false;
    for (auto [s, t] : after) {
      if (rank[s] < rank[t] + 1) {
        rank[s] = rank[t] + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

}  // namespace solieu
