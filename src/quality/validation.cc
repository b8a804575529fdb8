#include "quality/validation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/error.h"

namespace solieu::quality {
namespace {

bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

MissingValueStrategy StrategyOf(const ValidationRule& rule, const ValidationRuleSide& side) {
  MissingValueStrategy strategy;
  if (!ParseMissingValueStrategy(side.missing_value_strategy, &strategy)) {
    throw UserError("quality.invalid_rule",
                    "chiến lược thiếu giá trị '" + side.missing_value_strategy + "' không hợp lệ",
                    "unknown missing value strategy '" + side.missing_value_strategy + "'",
                    "validation rule " + rule.code);
  }
  return strategy;
}

Expression ParseSide(const ValidationRule& rule, const ValidationRuleSide& side) {
  try {
    return Expression::Parse(side.expression);
  } catch (const UserError& e) {
    throw UserError(e.code(), e.message_vi(), e.message_en(), "validation rule " + rule.code);
  }
}

struct CompiledRule {
  const ValidationRule* rule;
  Expression left;
  Expression right;
  MissingValueStrategy left_strategy;
  MissingValueStrategy right_strategy;
  bool everywhere = true;                // no data set holds its elements
  std::set<std::string> assigned_units;  // uids, when !everywhere
};

// Where each rule's data are entered: the units of the data sets that hold its elements.
void AssignUnits(const Analytics& analytics, CompiledRule* rule) {
  const ValueTable& table = analytics.values();
  std::set<std::string> elements;
  for (const Expression* e : {&rule->left, &rule->right}) {
    for (const ExpressionItem& item : e->Items()) {
      if (item.kind != ItemKind::kDataElement) continue;
      int index = table.ElementIndex(item.id);
      if (index >= 0) elements.insert(table.Element(index).uid);
    }
  }
  for (const DataSet& d : analytics.metadata().data_sets) {
    bool holds = std::any_of(d.data_element_uids.begin(), d.data_element_uids.end(),
                             [&](const std::string& uid) { return elements.count(uid) > 0; });
    if (!holds) continue;
    rule->everywhere = false;
    rule->assigned_units.insert(d.org_unit_uids.begin(), d.org_unit_uids.end());
  }
}

}  // namespace

bool IsViolation(ValidationOperator op, std::optional<double> left,
                 MissingValueStrategy left_strategy, std::optional<double> right,
                 MissingValueStrategy right_strategy) {
  if (op == ValidationOperator::kCompulsoryPair) return left.has_value() != right.has_value();
  if (op == ValidationOperator::kExclusivePair) return left.has_value() && right.has_value();
  if (!left) {
    if (left_strategy != MissingValueStrategy::kNeverSkip) return false;
    left = 0;
  }
  if (!right) {
    if (right_strategy != MissingValueStrategy::kNeverSkip) return false;
    right = 0;
  }
  const double a = *left, b = *right;
  switch (op) {
    case ValidationOperator::kEqualTo:
      return !NearlyEqual(a, b);
    case ValidationOperator::kNotEqualTo:
      return NearlyEqual(a, b);
    case ValidationOperator::kGreaterThan:
      return !(a > b);
    case ValidationOperator::kGreaterThanOrEqualTo:
      return !(a >= b);
    case ValidationOperator::kLessThan:
      return !(a < b);
    case ValidationOperator::kLessThanOrEqualTo:
      return !(a <= b);
    case ValidationOperator::kCompulsoryPair:
    case ValidationOperator::kExclusivePair:
      break;
  }
  return false;
}

namespace {

std::vector<CompiledRule> Compile(const Analytics& analytics,
                                  const std::vector<ValidationRule>& rules) {
  std::vector<CompiledRule> compiled;
  compiled.reserve(rules.size());
  for (const ValidationRule& rule : rules) {
    compiled.push_back({&rule,
                        ParseSide(rule, rule.left),
                        ParseSide(rule, rule.right),
                        StrategyOf(rule, rule.left),
                        StrategyOf(rule, rule.right),
                        true,
                        {}});
    AssignUnits(analytics, &compiled.back());
  }
  return compiled;
}

// The rules of the period's type checked at `units` for one period, in one engine evaluation.
void CheckPeriod(const Analytics& analytics, const std::vector<CompiledRule>& compiled,
                 const Period& period, const std::vector<const OrgUnit*>& units,
                 std::vector<Violation>* out) {
  std::vector<const CompiledRule*> applicable;
  for (const CompiledRule& c : compiled) {
    if (c.rule->period_type.empty() || c.rule->period_type == PeriodTypeName(period.type())) {
      applicable.push_back(&c);
    }
  }
  if (applicable.empty() || units.empty()) return;
  AnalyticsQuery query;
  query.periods = {period};
  for (const OrgUnit* u : units) query.org_units.push_back(u->uid);
  query.structure = Structure::kAsItWas;
  std::vector<ExpressionRequest> requests;
  for (const CompiledRule* c : applicable) {
    requests.push_back({&c->left, c->left_strategy});
    requests.push_back({&c->right, c->right_strategy});
  }
  ValueGrid grid = analytics.Evaluate(query, requests);
  for (size_t r = 0; r < applicable.size(); ++r) {
    const CompiledRule& c = *applicable[r];
    for (size_t u = 0; u < units.size(); ++u) {
      if (!c.everywhere && !c.assigned_units.count(units[u]->uid)) continue;
      const std::optional<double>& left = grid.At(2 * r, 0, u);
      const std::optional<double>& right = grid.At(2 * r + 1, 0, u);
      if (IsViolation(c.rule->op, left, c.left_strategy, right, c.right_strategy)) {
        out->push_back({c.rule, units[u], period, left, right, c.rule->importance});
      }
    }
  }
}

void SortViolations(std::vector<Violation>* out) {
  std::sort(out->begin(), out->end(), [](const Violation& a, const Violation& b) {
    return std::forward_as_tuple(a.rule->code, a.period.start(), a.period.Id(), a.org_unit->code,
                                 a.org_unit->uid) <
           std::forward_as_tuple(b.rule->code, b.period.start(), b.period.Id(), b.org_unit->code,
                                 b.org_unit->uid);
  });
}

}  // namespace

std::vector<Violation> RunValidation(const Analytics& analytics,
                                     const std::vector<ValidationRule>& rules, const OrgUnit& root,
                                     const std::vector<Period>& periods,
                                     const ValidationProgress& progress) {
  const std::vector<CompiledRule> compiled = Compile(analytics, rules);
  const OrgHierarchy& hierarchy = analytics.hierarchy();
  std::vector<Period> sorted = periods;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<Violation> out;
  for (size_t p = 0; p < sorted.size(); ++p) {
    const Period& period = sorted[p];
    std::vector<const OrgUnit*> units;
    if (root.validity.Contains(period.end())) units.push_back(&root);
    for (const OrgUnit* u : hierarchy.DescendantsOf(root, period.end())) units.push_back(u);
    CheckPeriod(analytics, compiled, period, units, &out);
    if (progress) progress(p + 1, sorted.size());
  }
  SortViolations(&out);
  return out;
}

std::vector<Violation> RunValidationAt(const Analytics& analytics,
                                       const std::vector<ValidationRule>& rules,
                                       const std::vector<ValidationCell>& cells) {
  const std::vector<CompiledRule> compiled = Compile(analytics, rules);
  std::map<Period, std::vector<const OrgUnit*>> units_of;
  for (const ValidationCell& cell : cells) {
    if (!cell.org_unit->validity.Contains(cell.period.end())) continue;
    auto& units = units_of[cell.period];
    if (std::find(units.begin(), units.end(), cell.org_unit) == units.end()) {
      units.push_back(cell.org_unit);
    }
  }
  std::vector<Violation> out;
  for (const auto& [period, units] : units_of)
    CheckPeriod(analytics, compiled, period, units, &out);
  SortViolations(&out);
  return out;
}

}  // namespace solieu::quality
