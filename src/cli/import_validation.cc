#include "cli/import_validation.h"

#include <algorithm>

#include "engine/analytics.h"

namespace solieu::cli {

void ValidateImport(Store& store, const MetadataSnapshot& metadata,
                    const quality::WrittenCells& written, ImportSummary* summary) {
  std::vector<ValidationRule> rules = quality::RulesTouchedBy(metadata, written);
  if (rules.empty()) return;
  // Loading the whole store would cost more than the import; the rules read few elements, and a
  // rule of a period reads only the values of periods inside it.
  ValueQuery query;
  for (const auto& [unit, period_id] : written.cells) {
    auto period = Period::Parse(period_id);
    if (!period) continue;
    query.from = query.from ? std::min(*query.from, period->start()) : period->start();
    query.to = query.to ? std::max(*query.to, period->end()) : period->end();
  }
  if (!query.from) return;
  Analytics analytics(metadata);
  // One element at a time: the store's rows are several times the size of the engine's, so a
  // large import must not hold them all at once.
  for (const std::string& element : quality::ElementsReadBy(metadata, rules)) {
    query.data_element_uids = {element};
    std::vector<DataValueWrite> values;
    for (DataValue& v : store.QueryValues(query)) {
      auto period = Period::Parse(v.key.period);
      if (!period) continue;
      values.push_back({std::move(v.key), period->start(), period->end(), std::move(v.value), ""});
    }
    analytics.Apply(values);
  }
  quality::AddToSummary(quality::ValidateWrites(analytics, rules, written), summary);
}

}  // namespace solieu::cli
