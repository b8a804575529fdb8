// Test helper: the R reference outputs in SOLIEU_SHARED_DIR/reference/surveillance, read with
// the project's own CSV reader, and the relative-error measure every comparison uses.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace solieu::surveillance::testing {

std::string ReferencePath(const std::string& file);

// All records of a reference CSV, each as column -> text.
std::vector<std::map<std::string, std::string>> ReadReferenceCsv(const std::string& file);

// "NA" -> nullopt; anything else must parse completely as a number.
std::optional<double> ParseNumber(const std::string& text);

// The counts of one dataset of input_series.csv, in idx order.
std::vector<std::int64_t> ReferenceSeries(const std::string& dataset);

// |actual - expected| / |expected|, or |actual| when expected is 0.
double RelativeError(double actual, double expected);

}  // namespace solieu::surveillance::testing
