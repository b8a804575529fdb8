#include "reference_data.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "core/csv_reader.h"

namespace solieu::surveillance::testing {

std::string ReferencePath(const std::string& file) {
  return std::string(SOLIEU_SHARED_DIR) + "/reference/surveillance/" + file;
}

std::vector<std::map<std::string, std::string>> ReadReferenceCsv(const std::string& file) {
  const std::string path = ReferencePath(file);
  std::ifstream probe(path);
  std::vector<std::string> header;
  CsvReader reader(probe, path);
  if (!reader.Next(&header)) throw std::runtime_error("empty reference file " + path);
  std::vector<std::map<std::string, std::string>> rows;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    if (fields.size() != header.size()) throw std::runtime_error("ragged reference row " + path);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<double> ParseNumber(const std::string& text) {
  if (text == "NA") return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') throw std::runtime_error("not a number: '" + text + "'");
  return value;
}

std::vector<std::int64_t> ReferenceSeries(const std::string& dataset) {
  std::vector<std::int64_t> counts;
  for (const auto& row : ReadReferenceCsv("input_series.csv")) {
    if (row.at("dataset") != dataset) continue;
    const size_t idx = std::stoul(row.at("idx"));
    if (idx != counts.size() + 1) throw std::runtime_error("input_series.csv out of order");
    counts.push_back(std::stoll(row.at("observed")));
  }
  return counts;
}

double RelativeError(double actual, double expected) {
  if (expected == 0) return std::fabs(actual);
  return std::fabs(actual - expected) / std::fabs(expected);
}

}  // namespace solieu::surveillance::testing
