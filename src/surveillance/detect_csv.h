// surveillance/detect_csv: the file side of `solieu detect`. Reads weekly counts (columns unit,
// idx, observed; other columns ignored), runs the chosen detector on each unit's series, and
// writes unit,idx,observed,upperbound,alarm with NA where there is no value. Every problem in the
// input is a UserError naming the file, line and column. Depends on: core/csv_reader, core/error,
// surveillance/detect_options and the detectors.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "surveillance/detect_options.h"

namespace solieu::surveillance {

// One unit's counts; counts[i] is week idx = i + 1.
struct UnitSeries {
  std::string unit;
  std::vector<std::int64_t> counts;
};

// Units in order of first appearance. Rows may come in any order; within a unit, idx must run
// 1, 2, ..., N without gaps or duplicates. Throws UserError for a missing column, an empty unit,
// an idx or observed that is not a whole number, a negative count, a duplicate idx or a gap.
std::vector<UnitSeries> ReadUnitSeriesCsv(const std::string& path);

struct DetectionRow {
  std::string unit;
  int idx = 0;
  std::int64_t observed = 0;
  std::optional<double> upperbound;
  std::optional<bool> alarm;
};

// Runs the detector on one unit over options.range (default: every week). Weeks too early to
// have the history the method needs are reported with no upper bound and no alarm (NA). Throws
// UserError if the range ends after the unit's last week.
std::vector<DetectionRow> DetectUnit(const UnitSeries& series, const DetectOptions& options);

// Writes the header and the rows: upperbound with 15 significant digits, alarm as 1/0, NA for
// no value; units quoted as RFC 4180 requires.
void WriteDetectionsCsv(const std::vector<DetectionRow>& rows, std::ostream& out);

// ReadUnitSeriesCsv, DetectUnit on every unit, WriteDetectionsCsv. Nothing is written to `out`
// unless every unit succeeds.
void RunDetectCsv(const std::string& input_path, const DetectOptions& options, std::ostream& out);

}  // namespace solieu::surveillance
