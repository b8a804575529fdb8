// quality/import_validation: the validation rules run after a committed import (CLI `solieu
// import`, POST /api/dataValueSets), as DHIS2's data entry runs them: only the rules that use an
// element written, only at the org units and periods written, and their violations reported in the
// import summary as warnings (status WARNING); the values stay stored.
// Depends on: core, engine, quality/validation, exchange/import_summary (the record it fills).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "engine/analytics.h"
#include "exchange/import_summary.h"
#include "quality/validation.h"

namespace solieu::quality {

// What an import wrote, kept small (an import may write millions of values over few elements,
// units and periods): the elements and the distinct (org unit uid, period id) cells.
struct WrittenCells {
  std::set<std::string> elements;  // uids
  std::set<std::pair<std::string, std::string>> cells;
  void Add(const std::vector<DataValueWrite>& writes);
};

// The rules (of `metadata`) whose expressions name an element written.
std::vector<ValidationRule> RulesTouchedBy(const MetadataSnapshot& metadata,
                                           const WrittenCells& written);

// Every data element those rules read (uids): the values a caller must have put in the engine
// before ValidateWrites, so a command can load only those.
std::vector<std::string> ElementsReadBy(const MetadataSnapshot& metadata,
                                        const std::vector<ValidationRule>& rules);

// The violations of `rules` at the written units and periods, from the engine's current values.
// Throws UserError naming the rule if a rule's expression does not parse.
std::vector<Violation> ValidateWrites(const Analytics& analytics,
                                      const std::vector<ValidationRule>& rules,
                                      const WrittenCells& written);

// Adds them to the summary; any violation makes a SUCCESS summary a WARNING.
void AddToSummary(const std::vector<Violation>& violations, ImportSummary* summary);

}  // namespace solieu::quality
