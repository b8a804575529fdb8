// generate: the synthetic national dataset (issue 8) for the national benchmarks: the real
// provinces and communes, synthetic facilities, data elements and monthly values, deterministic
// from a seed, written into a store or into files. This header is the subsystem's entry point;
// `solieu generate` (cli/generate_command) is its command.
// Owns: the national metadata (generate/national_dataset), the value model (generate/value_stream,
// generate/prng), the output files (generate/dataset_files, generate/metadata_json), the progress
// line. May depend on: core, store. Nothing below cli depends on it.
#pragma once

#include <iosfwd>
#include <string>

#include "generate/national_dataset.h"
#include "generate/progress.h"
#include "generate/value_stream.h"
#include "store/store.h"

namespace solieu::generate {

struct GenerateSummary {
  long long values = 0;
  double seconds = 0;           // writing the values (metadata excluded)
  double metadata_seconds = 0;  // writing the metadata
  ValuePlan plan;
};

// Writes metadata.json and analytics.csv (and datavalues.csv unless `datavalues` is false) into
// `dir`. Throws UserError naming the path it cannot write.
GenerateSummary GenerateFiles(const NationalDataset& dataset, const ValuePlan& plan,
                              std::uint64_t seed, const std::string& dir, bool datavalues,
                              Progress& progress);

// Writes the metadata and then every value (in one transaction, 65,536 writes per batch, as user
// "generate" from client "cli", each value's comment saying it is synthetic) into `store`, which
// must hold no org unit yet: generating over a province's store would mix synthetic units with its
// own. Throws UserError before touching the store if it is not empty.
GenerateSummary GenerateIntoStore(const NationalDataset& dataset, const ValuePlan& plan,
                                  std::uint64_t seed, Store& store, Progress& progress);

}  // namespace solieu::generate
