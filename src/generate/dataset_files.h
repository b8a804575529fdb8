// generate/dataset_files: the national dataset as files in a folder, written as the values stream
// past (one buffered row at a time; memory does not grow with the number of values):
// - datavalues.csv: DHIS2 dataValueSet CSV (dataelement, period, orgunit, categoryoptioncombo,
//   attributeoptioncombo, value, storedby, lastupdated, comment), uids as ids, importable with
//   `solieu import`; the comment labels every value synthetic;
// - analytics.csv: the flat denormalised rows the benchmark peers load (PostgreSQL COPY, DuckDB
//   read_csv): value, dataelement, categoryoptioncombo, period, monthstart, year, facility,
//   commune, province (uids);
// - metadata.json: see generate/metadata_json.
// Depends on: generate/national_dataset, generate/value_stream, core/error.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "generate/national_dataset.h"
#include "generate/value_stream.h"

namespace solieu::generate {

class DatasetFiles {
 public:
  // Creates `dir` if missing and opens the files; throws UserError naming the path if it cannot.
  // Without `datavalues`, only analytics.csv is written (the peers need no other at 1 B values).
  DatasetFiles(const std::string& dir, const NationalDataset& dataset, bool datavalues);
  ~DatasetFiles();
  DatasetFiles(const DatasetFiles&) = delete;
  DatasetFiles& operator=(const DatasetFiles&) = delete;

  void Write(const GeneratedValue& v);
  // Flushes and closes; throws UserError naming the file on a write error (a full disk).
  void Close();

  static constexpr const char* kDataValuesFile = "datavalues.csv";
  static constexpr const char* kAnalyticsFile = "analytics.csv";
  static constexpr const char* kMetadataFile = "metadata.json";

 private:
  struct Output {
    std::string path;
    std::FILE* file = nullptr;
    std::string buffer;
  };
  void Open(Output& out, const std::string& path, const std::string& header);
  void Flush(Output& out);

  const NationalDataset& d_;
  bool datavalues_;
  Output values_, analytics_;
  std::vector<std::string> period_ids_, month_starts_, years_;
  std::string default_aoc_ = DefaultCategoryOptionComboUid();
};

}  // namespace solieu::generate
