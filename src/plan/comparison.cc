#include "plan/comparison.h"

#include <algorithm>
#include <cmath>

namespace solieu::plan {
namespace {

// Equal up to binary rounding: 0.1 + 0.2 and 0.3 are the same planned figure.
bool Same(double a, double b) {
  const double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= 1e-9 * scale;
}

// -1 below, 0 equal, +1 above.
int Compare(double value, double bound) {
  if (Same(value, bound)) return 0;
  return value < bound ? -1 : 1;
}

// Where `side` (+1 above, -1 below) lies for the direction: better, worse, or unknown.
std::optional<bool> IsBetter(int side, Direction direction) {
  switch (direction) {
    case Direction::kHigherIsBetter:
      return side > 0;
    case Direction::kLowerIsBetter:
      return side < 0;
    case Direction::kNone:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string_view StatusVi(Status status) {
  switch (status) {
    case Status::kNotAchieved:
      return "không đạt";
    case Status::kAchieved:
      return "đạt";
    case Status::kExceeded:
      return "vượt";
  }
  return "không đạt";
}

std::string_view StatusEn(Status status) {
  switch (status) {
    case Status::kNotAchieved:
      return "not achieved";
    case Status::kAchieved:
      return "achieved";
    case Status::kExceeded:
      return "exceeded";
  }
  return "not achieved";
}

std::optional<Status> EvaluateStatus(double value, const Target& target, Direction direction) {
  if (!std::isfinite(value)) return std::nullopt;
  const auto achieved_if = [](bool holds) {
    return holds ? Status::kAchieved : Status::kNotAchieved;
  };
  switch (target.kind()) {
    case TargetKind::kAtLeast:
      return achieved_if(Compare(value, target.low()) >= 0);
    case TargetKind::kGreater:
      return achieved_if(Compare(value, target.low()) > 0);
    case TargetKind::kAtMost:
      return achieved_if(Compare(value, target.low()) <= 0);
    case TargetKind::kLess:
      return achieved_if(Compare(value, target.low()) < 0);
    case TargetKind::kExact:
    case TargetKind::kRange: {
      int side = 0;  // where the value lies against the target's number or band
      if (Compare(value, target.low()) < 0) {
        side = -1;
      } else if (Compare(value, target.high()) > 0) {
        side = 1;
      }
      if (side == 0) return Status::kAchieved;
      const std::optional<bool> better = IsBetter(side, direction);
      if (!better) {
        if (target.kind() == TargetKind::kRange) return Status::kNotAchieved;
        return std::nullopt;
      }
      return *better ? Status::kExceeded : Status::kNotAchieved;
    }
  }
  return std::nullopt;
}

std::optional<double> PercentOfPlan(double value, double plan) {
  if (!std::isfinite(value) || !std::isfinite(plan) || plan == 0) return std::nullopt;
  return value / plan * 100;
}

std::optional<double> PercentOfPlan(double value, const Target& target) {
  if (!target.is_single_number()) return std::nullopt;
  return PercentOfPlan(value, target.low());
}

Change CompareWithPrevious(double current, double previous) {
  Change change;
  change.current = current;
  change.previous = previous;
  change.absolute = current - previous;
  if (previous != 0) change.relative_percent = change.absolute / std::fabs(previous) * 100;
  return change;
}

std::optional<double> CumulativeToDate(AggregationType aggregation,
                                       std::span<const std::optional<double>> figures) {
  double sum = 0;
  int present = 0;
  std::optional<double> last;
  for (const std::optional<double>& figure : figures) {
    if (!figure) continue;
    sum += *figure;
    ++present;
    last = figure;
  }
  if (present == 0) return std::nullopt;
  switch (aggregation) {
    case AggregationType::kSum:
      return sum;
    case AggregationType::kLast:
      return last;
    case AggregationType::kAverage:
    case AggregationType::kAverageSumOrgUnit:
      return sum / present;
    case AggregationType::kNone:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace solieu::plan
