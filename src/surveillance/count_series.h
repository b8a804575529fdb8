// surveillance/count_series: the input every detector shares (a weekly count series) and the
// range of weeks to evaluate. Weeks are numbered by a 1-based index `idx`, as R's `range` is, so
// results can be compared row by row with the R package `surveillance`.
#pragma once

#include <cstdint>
#include <span>

namespace solieu::surveillance {

// counts[i] is the count of week idx = i + 1. Counts are non-negative.
using CountSeries = std::span<const std::int64_t>;

// An inclusive range of 1-based week indices, like R's `range = first:last`.
struct WeekRange {
  int first = 0;
  int last = 0;
};

}  // namespace solieu::surveillance
