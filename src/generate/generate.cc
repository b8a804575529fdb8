// generate: running the value stream into files or a store.
#include "generate/generate.h"

#include <filesystem>

#include "core/error.h"
#include "core/period.h"
#include "generate/dataset_files.h"
#include "generate/metadata_json.h"

namespace solieu::generate {

GenerateSummary GenerateFiles(const NationalDataset& dataset, const ValuePlan& plan,
                              std::uint64_t seed, const std::string& dir, bool datavalues,
                              Progress& progress) {
  DatasetFiles files(dir, dataset, datavalues);
  WriteMetadataJson(dataset.metadata,
                    (std::filesystem::path(dir) / DatasetFiles::kMetadataFile).string());
  const double metadata_seconds = progress.seconds();
  progress.Restart();
  GenerateSummary summary;
  summary.plan = plan;
  ValueStream stream(dataset, plan, seed);
  GeneratedValue v;
  while (stream.Next(&v)) {
    files.Write(v);
    progress.Add(1);
  }
  files.Close();
  progress.Finish();
  summary.values = progress.done();
  summary.seconds = progress.seconds();
  summary.metadata_seconds = metadata_seconds;
  return summary;
}

GenerateSummary GenerateIntoStore(const NationalDataset& dataset, const ValuePlan& plan,
                                  std::uint64_t seed, Store& store, Progress& progress) {
  if (!store.LoadMetadata().org_units.empty()) {
    throw UserError("generate.store_not_empty",
                    "kho đã có đơn vị; hãy sinh bộ dữ liệu quốc gia vào một kho mới, trống",
                    "the store already holds org units; generate the national dataset into a "
                    "new, empty store",
                    "--store");
  }
  store.ApplyMetadata(dataset.metadata);
  const double metadata_seconds = progress.seconds();
  progress.Restart();

  std::vector<Period> periods;
  for (int m = 0; m < dataset.months; ++m) {
    periods.push_back(Period::Month(dataset.first_year + m / 12, m % 12 + 1));
  }
  std::vector<std::string> period_ids;
  for (const Period& p : periods) period_ids.push_back(p.Id());
  const std::string aoc = DefaultCategoryOptionComboUid();

  static constexpr size_t kBatch = 65536;
  ValueStream stream(dataset, plan, seed);
  std::vector<DataValueWrite> batch(kBatch);
  size_t filled = 0;
  auto next = [&]() -> const std::vector<DataValueWrite>* {
    batch.resize(kBatch);
    GeneratedValue v;
    filled = 0;
    while (filled < kBatch && stream.Next(&v)) {
      DataValueWrite& w = batch[filled++];
      const ElementProfile& e = dataset.elements[v.element];
      w.key.data_element_uid = e.uid;
      w.key.period = period_ids[v.month];
      w.key.org_unit_uid = dataset.facility_uids[v.facility];
      w.key.category_option_combo_uid = e.coc_uids[v.coc];
      w.key.attribute_option_combo_uid = aoc;
      w.comment = kGeneratedComment;
      w.period_start = periods[v.month].start();
      w.period_end = periods[v.month].end();
      w.value = std::to_string(v.value);
    }
    if (filled == 0) return nullptr;
    batch.resize(filled);
    progress.Add(static_cast<long long>(filled));
    return &batch;
  };
  store.PutValueBatches(next, "generate", "cli");
  progress.Finish();
  GenerateSummary summary;
  summary.plan = plan;
  summary.values = progress.done();
  summary.seconds = progress.seconds();
  summary.metadata_seconds = metadata_seconds;
  return summary;
}

}  // namespace solieu::generate
