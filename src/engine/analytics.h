// engine/analytics: the question every table, chart and report asks: these indicators or data
// elements (or data sets' reporting rates), for these periods, for these org units, on this view
// of history. Holds the org hierarchy, every numeric value in memory (ValueTable) and the forms
// registered complete (FormTable), compiles every indicator once, and answers a whole grid from
// one scan per data element.
// Depends on: core, engine (value_table, form_table, org_view, aggregator, reporting_rates,
// expression).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "engine/expression.h"
#include "engine/form_table.h"
#include "engine/org_view.h"
#include "engine/value_grid.h"
#include "engine/value_table.h"

namespace solieu {

struct AnalyticsQuery {
  // Indicator or data element, by code or uid; a data element may name an option combo after a
  // dot ("LIVE_BIRTHS.DTTS"); a data set names a reporting-rate metric after a dot
  // ("DS_CODE.REPORTING_RATE", see engine/reporting_rates).
  std::vector<std::string> dx;
  std::vector<Period> periods;
  std::vector<std::string> org_units;  // uids
  Structure structure = Structure::kOnDate;
  Date structure_date = Date(2025, 7, 1);
};

using AnalyticsResult = ValueGrid;

// An expression evaluated like an indicator's numerator, with its own missing-value strategy
// (a validation rule's side). kSkipIfAnyValueMissing skips the whole expression when any of its
// data items has no value, as DHIS2 does for validation rules.
struct ExpressionRequest {
  const Expression* expression;
  MissingValueStrategy strategy = MissingValueStrategy::kSkipIfAllValuesMissing;
};

class Analytics {
 public:
  // Throws UserError if an indicator expression does not parse (naming the indicator).
  explicit Analytics(MetadataSnapshot metadata);

  // Keeps the in-memory values current: call with every write the store accepted.
  void Apply(const std::vector<DataValueWrite>& writes) { values_.Apply(writes); }
  // Likewise with every form registration (or withdrawal) the store accepted.
  void ApplyForms(const std::vector<FormCompletionWrite>& writes) { forms_.Apply(writes); }
  // After a bulk load: the value table keeps only its sorted records (ValueTable::Compact).
  void Compact() { values_.Compact(); }

  // Throws UserError naming an unknown dx item or org unit.
  AnalyticsResult Query(const AnalyticsQuery& query) const { return Run(query, {}); }

  // The same grid with one more row per expression after the query's dx items (query.dx may be
  // empty): each expression for every period and org unit of the query, its items resolved and
  // aggregated exactly as indicators' are. Unknown items have no value.
  AnalyticsResult Evaluate(const AnalyticsQuery& query,
                           const std::vector<ExpressionRequest>& expressions) const {
    return Run(query, expressions);
  }

  const MetadataSnapshot& metadata() const { return metadata_; }
  const OrgHierarchy& hierarchy() const { return hierarchy_; }
  const ValueTable& values() const { return values_; }
  const FormTable& forms() const { return forms_; }
  const Indicator* FindIndicator(const std::string& uid_or_code) const;

 private:
  struct CompiledIndicator {
    const Indicator* indicator;
    Expression numerator;
    Expression denominator;
  };

  AnalyticsResult Run(const AnalyticsQuery& query,
                      const std::vector<ExpressionRequest>& expressions) const;
  // Every unit resolved on the structure of `day`, made by the first query on that day and
  // shared by the next ones (on the national tree that was about 3.5 ms of each query).
  std::shared_ptr<const ResolvedStructure> ResolvedOn(Date day) const;

  MetadataSnapshot metadata_;
  OrgHierarchy hierarchy_;
  ValueTable values_;
  FormTable forms_;
  std::vector<CompiledIndicator> indicators_;
  std::unordered_map<std::string, size_t> indicator_index_;          // by uid and code
  std::unordered_map<std::string, double> constants_;                // by uid and code
  std::unordered_map<std::string, std::vector<int>> group_members_;  // by uid and code
  mutable std::mutex resolved_mutex_;
  mutable std::map<int, std::shared_ptr<const ResolvedStructure>> resolved_;  // by day
};

}  // namespace solieu
