// plan/comparison: a figure against its plan (status, percent of plan), against the same period
// last year (absolute and relative change), and the cumulative figure to date ("lũy tích").
// Pure arithmetic; the words and number format of the reports are report/vn_number's.
// Depends on: plan/target, core/metadata (Direction, AggregationType).
//
// Status rules. "Equal" below means equal within 1e-9 relative, which absorbs binary rounding
// only; pass the value rounded as it is printed (report::RoundAsPrinted) so the status never
// contradicts the printed figure.
//   Single number n ("95", "32,84") with a direction:
//     higher is better: value > n  -> vượt, value = n -> đạt, value < n -> không đạt;
//     lower is better:  value < n  -> vượt, value = n -> đạt, value > n -> không đạt.
//     Any margin counts: the 2025 report says blood donation "luôn vượt chỉ tiêu kế hoạch" at
//     4.550 against 4.500 units (101,1% KH) and that the population targets "đều đạt và vượt"
//     with only the decline in the birth rate beyond its plan (0,7 against 0,5).
//   Single number n without a direction (a population forecast): value = n -> đạt; otherwise no
//     status (nullopt), since neither side of a projection is better.
//   Range [a, b] ("0,4-0,5"): inside (ends included) -> đạt; beyond the end on the better side ->
//     vượt; on the other side, or on either side without a direction -> không đạt.
//   Inequalities ("≥95", ">98", "≤16", "<15") state their own good side, so the direction is not
//     consulted: the condition holds -> đạt, else không đạt. They are never "vượt": the reports
//     use "vượt" only for planned figures, never for a value beyond an inequality target.
//     A value equal to the bound of a strict inequality ("98" against ">98") is không đạt.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/metadata.h"
#include "plan/target.h"

namespace solieu::plan {

enum class Status {
  kNotAchieved,  // "không đạt"
  kAchieved,     // "đạt"
  kExceeded,     // "vượt"
};

std::string_view StatusVi(Status status);  // "không đạt", "đạt", "vượt"
std::string_view StatusEn(Status status);  // "not achieved", "achieved", "exceeded"

// See the file comment. nullopt only for a single-number target without a direction that the
// value differs from, or a value that is not finite.
std::optional<Status> EvaluateStatus(double value, const Target& target, Direction direction);

// "đạt X% KH": value / plan * 100. nullopt unless the target is a single number other than 0
// (no percent of "≥95" or of a range) and the value is finite.
std::optional<double> PercentOfPlan(double value, const Target& target);
std::optional<double> PercentOfPlan(double value, double plan);

// A figure against the same period of the previous year ("so với cùng kỳ").
struct Change {
  double current = 0;
  double previous = 0;
  double absolute = 0;  // current - previous, in the figure's unit ("tăng 391 ca")
  // (current - previous) / |previous| * 100 ("giảm 7,19%"); nullopt when previous is 0 ("cùng
  // kỳ không có ca mắc").
  std::optional<double> relative_percent;
};
Change CompareWithPrevious(double current, double previous);

// The figure of a period to date from the figures of its sub-periods in order (January,
// February, ...), a missing sub-period being nullopt:
//   kSum               -> the sum of the figures present (cases, visits);
//   kLast              -> the last figure present (patients under management, cumulative HIV);
//   kAverage, kAverageSumOrgUnit -> the mean of the figures present (over time both average);
//   kNone              -> nullopt (life expectancy, birth-rate decline cannot be accumulated).
// nullopt also when no figure is present.
std::optional<double> CumulativeToDate(AggregationType aggregation,
                                       std::span<const std::optional<double>> figures);

}  // namespace solieu::plan
