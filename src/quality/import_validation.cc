#include "quality/import_validation.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/error.h"
#include "engine/expression.h"

namespace solieu::quality {
namespace {

// The uids of the data elements a rule's two sides name; a side that does not parse names none
// (ValidateWrites reports it).
std::set<std::string> ElementsOf(const MetadataSnapshot& metadata, const ValidationRule& rule) {
  std::set<std::string> out;
  for (const ValidationRuleSide* side : {&rule.left, &rule.right}) {
    try {
      const Expression expression = Expression::Parse(side->expression);
      for (const ExpressionItem& item : expression.Items()) {
        if (item.kind != ItemKind::kDataElement) continue;
        for (const DataElement& d : metadata.data_elements) {
          if (d.uid == item.id || d.code == item.id) out.insert(d.uid);
        }
      }
    } catch (const UserError&) {
    }
  }
  return out;
}

}  // namespace

void WrittenCells::Add(const std::vector<DataValueWrite>& writes) {
  for (const DataValueWrite& w : writes) {
    elements.insert(w.key.data_element_uid);
    cells.emplace(w.key.org_unit_uid, w.key.period);
  }
}

std::vector<ValidationRule> RulesTouchedBy(const MetadataSnapshot& metadata,
                                           const WrittenCells& written) {
  std::vector<ValidationRule> out;
  if (written.elements.empty()) return out;
  for (const ValidationRule& rule : metadata.validation_rules) {
    std::set<std::string> elements = ElementsOf(metadata, rule);
    if (std::any_of(elements.begin(), elements.end(),
                    [&](const std::string& uid) { return written.elements.count(uid) > 0; })) {
      out.push_back(rule);
    }
  }
  return out;
}

std::vector<std::string> ElementsReadBy(const MetadataSnapshot& metadata,
                                        const std::vector<ValidationRule>& rules) {
  std::set<std::string> all;
  for (const ValidationRule& rule : rules) all.merge(ElementsOf(metadata, rule));
  return {all.begin(), all.end()};
}

std::vector<Violation> ValidateWrites(const Analytics& analytics,
                                      const std::vector<ValidationRule>& rules,
                                      const WrittenCells& written) {
  if (rules.empty()) return {};
  std::vector<ValidationCell> cells;
  for (const auto& [unit_uid, period_id] : written.cells) {
    const OrgUnit* unit = analytics.hierarchy().FindByUid(unit_uid);
    auto period = Period::Parse(period_id);
    if (unit == nullptr || !period) continue;
    cells.push_back({unit, *period});
  }
  return RunValidationAt(analytics, rules, cells);
}

void AddToSummary(const std::vector<Violation>& violations, ImportSummary* summary) {
  for (const Violation& v : violations) {
    summary->violations.push_back({v.rule->code, v.rule->name_vi, v.rule->name_en, v.org_unit->uid,
                                   v.org_unit->code, v.period.Id(), v.left,
                                   std::string(ValidationOperatorSymbol(v.rule->op)), v.right,
                                   std::string(ValidationImportanceName(v.importance))});
  }
  if (!violations.empty() && summary->status == ImportStatus::kSuccess) {
    summary->status = ImportStatus::kWarning;
  }
}

}  // namespace solieu::quality
