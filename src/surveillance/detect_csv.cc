#include "surveillance/detect_csv.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>
#include <map>

#include "core/csv_reader.h"
#include "core/error.h"

namespace solieu::surveillance {
namespace {

struct Entry {
  int idx;
  std::int64_t observed;
  int line;
};

std::optional<std::int64_t> ParseWhole(const std::string& text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string At(const std::string& path, int line, const char* column) {
  return path + ":" + std::to_string(line) + " " + column;
}

void CheckConsecutive(const std::string& path, const std::string& unit,
                      const std::vector<Entry>& entries) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const int expected = static_cast<int>(i) + 1;
    if (e.idx == expected) continue;
    if (i > 0 && e.idx == entries[i - 1].idx) {
      throw UserError("detect.duplicate_idx",
                      "tuần idx " + std::to_string(e.idx) + " của đơn vị '" + unit +
                          "' bị lặp (đã có ở dòng " + std::to_string(entries[i - 1].line) + ")",
                      "week idx " + std::to_string(e.idx) + " of unit '" + unit +
                          "' appears twice (also on line " + std::to_string(entries[i - 1].line) +
                          ")",
                      At(path, e.line, "idx"));
    }
    if (i == 0) {
      throw UserError("detect.idx_gap",
                      "chuỗi của đơn vị '" + unit + "' bắt đầu ở idx " + std::to_string(e.idx) +
                          ", phải bắt đầu ở 1",
                      "the series of unit '" + unit + "' starts at idx " + std::to_string(e.idx) +
                          "; it must start at 1",
                      At(path, e.line, "idx"));
    }
    throw UserError("detect.idx_gap",
                    "chuỗi của đơn vị '" + unit + "' thiếu tuần: idx nhảy từ " +
                        std::to_string(entries[i - 1].idx) + " lên " + std::to_string(e.idx),
                    "the series of unit '" + unit + "' has a gap: idx jumps from " +
                        std::to_string(entries[i - 1].idx) + " to " + std::to_string(e.idx),
                    At(path, e.line, "idx"));
  }
}

int FirstEvaluableWeek(const DetectOptions& options) {
  switch (options.method) {
    case DetectMethod::kEarsC1:
    case DetectMethod::kEarsC2:
    case DetectMethod::kEarsC3:
    case DetectMethod::kEarsC3Textbook:
      return FirstEarsWeek(options.ears);
    case DetectMethod::kFarringtonFlexible:
      return FirstFarringtonWeek(options.farrington);
    case DetectMethod::kThreshold:
      break;
  }
  return 1;
}

// Runs the detector over `range` (which it can evaluate) and stores its results by idx.
void Evaluate(CountSeries counts, const DetectOptions& options, WeekRange range,
              std::vector<DetectionRow>* rows, int first_row_idx) {
  auto store = [&](int idx, std::optional<double> upperbound, std::optional<bool> alarm) {
    DetectionRow& row = (*rows)[static_cast<size_t>(idx - first_row_idx)];
    row.upperbound = upperbound;
    row.alarm = alarm;
  };
  switch (options.method) {
    case DetectMethod::kEarsC1:
    case DetectMethod::kEarsC2:
    case DetectMethod::kEarsC3:
    case DetectMethod::kEarsC3Textbook: {
      EarsParams params = options.ears;
      params.range = range;
      for (const EarsWeek& week : RunEars(counts, params)) {
        store(week.idx, week.upperbound, week.alarm);
      }
      return;
    }
    case DetectMethod::kFarringtonFlexible: {
      FarringtonParams params = options.farrington;
      params.range = range;
      for (const FarringtonWeek& week : RunFarringtonFlexible(counts, params)) {
        store(week.idx, week.upperbound, week.alarm);
      }
      return;
    }
    case DetectMethod::kThreshold: {
      ThresholdParams params = options.threshold;
      params.range = range;
      for (const ThresholdWeek& week : RunThreshold(counts, params)) {
        store(week.idx, week.upperbound, week.alarm);
      }
      return;
    }
  }
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace

std::vector<UnitSeries> ReadUnitSeriesCsv(const std::string& path) {
  CsvTable table(path, {"unit", "idx", "observed"}, {});
  std::vector<std::string> order;
  std::map<std::string, std::vector<Entry>> by_unit;
  while (table.Next()) {
    const std::string unit = table.Get("unit");
    if (unit.empty()) {
      throw UserError("detect.empty_unit", "thiếu tên đơn vị", "the unit is empty",
                      table.Where("unit"));
    }
    const std::string idx_text = table.Get("idx");
    const std::optional<std::int64_t> idx = ParseWhole(idx_text);
    if (!idx || *idx < 1 || *idx > std::numeric_limits<int>::max()) {
      throw UserError("detect.bad_idx",
                      "idx '" + idx_text + "' phải là số nguyên dương (tuần thứ mấy, từ 1)",
                      "idx '" + idx_text + "' must be a positive whole number (the week, from 1)",
                      table.Where("idx"));
    }
    const std::string observed_text = table.Get("observed");
    const std::optional<std::int64_t> observed = ParseWhole(observed_text);
    if (!observed) {
      throw UserError("detect.bad_count", "số ca '" + observed_text + "' không phải số nguyên",
                      "the count '" + observed_text + "' is not a whole number",
                      table.Where("observed"));
    }
    if (*observed < 0) {
      throw UserError("detect.negative_count", "số ca '" + observed_text + "' bị âm",
                      "the count '" + observed_text + "' is negative", table.Where("observed"));
    }
    auto [it, inserted] = by_unit.try_emplace(unit);
    if (inserted) order.push_back(unit);
    it->second.push_back({static_cast<int>(*idx), *observed, table.line()});
  }
  std::vector<UnitSeries> out;
  out.reserve(order.size());
  for (const std::string& unit : order) {
    std::vector<Entry>& entries = by_unit[unit];
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.idx < b.idx; });
    CheckConsecutive(path, unit, entries);
    UnitSeries series{unit, {}};
    series.counts.reserve(entries.size());
    for (const Entry& e : entries) series.counts.push_back(e.observed);
    out.push_back(std::move(series));
  }
  return out;
}

std::vector<DetectionRow> DetectUnit(const UnitSeries& series, const DetectOptions& options) {
  const int length = static_cast<int>(series.counts.size());
  const int first = options.range.first.value_or(1);
  const int last = options.range.last.value_or(length);
  if (last > length || first > last) {
    const std::string shown = std::to_string(first) + ":" + std::to_string(last);
    throw UserError("detect.range_beyond_series",
                    "khoảng tuần " + shown + " vượt quá chuỗi của đơn vị '" + series.unit + "' (" +
                        std::to_string(length) + " tuần)",
                    "the week range " + shown + " goes beyond the series of unit '" + series.unit +
                        "' (" + std::to_string(length) + " weeks)",
                    "--range");
  }
  std::vector<DetectionRow> rows;
  rows.reserve(static_cast<size_t>(last - first + 1));
  for (int idx = first; idx <= last; ++idx) {
    rows.push_back({series.unit, idx, series.counts[static_cast<size_t>(idx - 1)], {}, {}});
  }
  const int evaluable = std::max(first, FirstEvaluableWeek(options));
  if (evaluable <= last) {
    Evaluate(series.counts, options, WeekRange{evaluable, last}, &rows, first);
  }
  return rows;
}

void WriteDetectionsCsv(const std::vector<DetectionRow>& rows, std::ostream& out) {
  out << "unit,idx,observed,upperbound,alarm\n";
  char number[64];
  for (const DetectionRow& row : rows) {
    out << CsvField(row.unit) << ',' << row.idx << ',' << row.observed << ',';
    if (row.upperbound) {
      std::snprintf(number, sizeof number, "%.15g", *row.upperbound);
      out << number;
    } else {
      out << "NA";
    }
    out << ',';
    if (row.alarm) {
      out << (*row.alarm ? '1' : '0');
    } else {
      out << "NA";
    }
    out << '\n';
  }
}

void RunDetectCsv(const std::string& input_path, const DetectOptions& options, std::ostream& out) {
  std::vector<DetectionRow> all;
  for (const UnitSeries& series : ReadUnitSeriesCsv(input_path)) {
    std::vector<DetectionRow> rows = DetectUnit(series, options);
    all.insert(all.end(), std::make_move_iterator(rows.begin()),
               std::make_move_iterator(rows.end()));
  }
  WriteDetectionsCsv(all, out);
}

}  // namespace solieu::surveillance
