// demo: builds the Điện Biên demo store from the configuration folder and the demo folder:
// the seeds' figures (province_values.csv, kept where the seeds give them) and targets
// (targets.csv), plus SYNTHETIC monthly values per commune health station that add up exactly to
// the seeds' province totals, so that tables, maps and trends have something to show below the
// province. Deterministic: the same folders give the same store.
// Depends on: core, config, plan, store.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "store/store.h"

namespace solieu {

struct DemoData {
  MetadataSnapshot metadata;
  std::vector<DataValueWrite> values;  // the configuration's, the seeds' and the synthetic ones
  std::vector<TargetRecord> targets;
  size_t seed_values = 0;       // values taken as the seeds print them
  size_t synthetic_values = 0;  // values generated below the province
};

// Reads and checks both folders completely (UserError naming file, line, column on any problem)
// and generates the synthetic values. Touches no store.
DemoData BuildDemoData(const std::string& config_dir, const std::string& demo_dir);

// Writes the demo into a store: metadata, values, targets; reports progress through `progress`.
void WriteDemo(const DemoData& demo, Store& store,
               const std::function<void(const std::string&)>& progress);

// The comment every generated value carries, so exports and the UI can label it.
inline constexpr const char* kSyntheticComment =
    "dữ liệu mô phỏng (synthetic): phân bổ từ số liệu tỉnh / share of the province figure";

}  // namespace solieu
