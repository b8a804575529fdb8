// engine/analytics: the question every table, chart and report asks: these indicators or data
// elements, for these periods, for these org units, on this view of history. Holds the org
// hierarchy and every numeric value in memory (ValueTable), compiles every indicator once, and
// answers a whole grid from one scan per data element.
// Depends on: core, engine (value_table, org_view, aggregator, expression).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "engine/expression.h"
#include "engine/org_view.h"
#include "engine/value_grid.h"
#include "engine/value_table.h"

namespace solieu {

struct AnalyticsQuery {
  // Indicator or data element, by code or uid; a data element may name an option combo after a
  // dot ("LIVE_BIRTHS.DTTS").
  std::vector<std::string> dx;
  std::vector<Period> periods;
  std::vector<std::string> org_units;  // uids
  Structure structure = Structure::kOnDate;
  Date structure_date = Date(2025, 7, 1);
};

using AnalyticsResult = ValueGrid;

class Analytics {
 public:
  // Throws UserError if an indicator expression does not parse (naming the indicator).
  explicit Analytics(MetadataSnapshot metadata);

  // Keeps the in-memory values current: call with every write the store accepted.
  void Apply(const std::vector<DataValueWrite>& writes) { values_.Apply(writes); }

  // Throws UserError naming an unknown dx item or org unit.
  AnalyticsResult Query(const AnalyticsQuery& query) const;

  const MetadataSnapshot& metadata() const { return metadata_; }
  const OrgHierarchy& hierarchy() const { return hierarchy_; }
  const ValueTable& values() const { return values_; }
  const Indicator* FindIndicator(const std::string& uid_or_code) const;

 private:
  struct CompiledIndicator {
    const Indicator* indicator;
    Expression numerator;
    Expression denominator;
  };

  MetadataSnapshot metadata_;
  OrgHierarchy hierarchy_;
  ValueTable values_;
  std::vector<CompiledIndicator> indicators_;
  std::unordered_map<std::string, size_t> indicator_index_;          // by uid and code
  std::unordered_map<std::string, double> constants_;                // by uid and code
  std::unordered_map<std::string, std::vector<int>> group_members_;  // by uid and code
};

}  // namespace solieu
