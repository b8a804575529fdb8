// demo: builds the Điện Biên demo store from the configuration folder and the demo folder:
// the seeds' figures (province_values.csv, kept where the seeds give them) and targets
// (targets.csv), plus SYNTHETIC monthly values per commune health station that add up exactly to
// the seeds' province totals, so that tables, maps and trends have something to show below the
// province, and SYNTHETIC weekly disease reports for outbreak surveillance. Deterministic: the
// same folders give the same store.
// Depends on: core, config, plan, store.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/synthetic.h"
#include "store/store.h"

namespace solieu {

struct DemoData {
  MetadataSnapshot metadata;
  std::vector<DataValueWrite> values;  // the configuration's, the seeds' and the synthetic ones
  std::vector<TargetRecord> targets;
  size_t seed_values = 0;       // values taken as the seeds print them
  size_t synthetic_values = 0;  // values generated below the province
  // SYNTHETIC weekly notifiable-disease reports of every commune health station, 2021-2025,
  // with the seeds' two measles outbreaks of 2025 spread over weeks (demo/weekly_reports.h).
  std::vector<DataValueWrite> weekly_values;
  // Province figures that a validation rule makes part of a total (demo/subset_rules.h) but that
  // the total's synthetic shares cannot hold (the seeds themselves break the rule, or the total is
  // not shared out by station-month): shared out on their own, so the rule may fail below.
  std::vector<DataValueWrite> unfitted_subsets;
};

// Reads and checks both folders completely (UserError naming file, line, column on any problem)
// and generates the synthetic values. Touches no store.
DemoData BuildDemoData(const std::string& config_dir, const std::string& demo_dir);

// Writes the demo into a store: metadata, values, weekly reports, targets; reports progress
// through `progress`.
void WriteDemo(const DemoData& demo, Store& store,
               const std::function<void(const std::string&)>& progress);

}  // namespace solieu
