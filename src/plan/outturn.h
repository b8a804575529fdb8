// plan/outturn: the estimated outturn ("ước thực hiện") of a period not yet closed, projected from
// the months in hand by a named method, and always flagged as an estimate with its basis.
// Meant for flows (data elements aggregated by sum: visits, cases, doses); a stock or a rate is
// reported as its latest value, not projected. Depends on: core/period.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/period.h"

namespace solieu::plan {

enum class OutturnMethod {
  // sum so far / months in hand * months in the period.
  kLinear,
  // sum so far / share, where share = last year's same months / last year's whole period: keeps
  // the season (a year whose first quarter held 20% of last year's total is projected at 5x).
  kSamePeriodShare,
};

// "linear", "same-period-share".
std::string_view OutturnMethodName(OutturnMethod method);
bool ParseOutturnMethod(std::string_view name, OutturnMethod* out);
// "ngoại suy tuyến tính", "theo tỷ trọng cùng kỳ năm trước".
std::string_view OutturnMethodLabelVi(OutturnMethod method);

struct Outturn {
  double value = 0;
  OutturnMethod method = OutturnMethod::kLinear;
  int months_used = 0;       // months in hand the projection rests on
  int months_in_period = 0;  // 12 for a year, 3 for a quarter
  // False only when every month of the period was in hand (the value is then the actual sum).
  bool is_estimate = true;
};

// `months_in_hand` are the figures of the period's first months in order (January, February, ...
// for a year). Both return nullopt when no month is in hand. They throw std::invalid_argument
// when `period` is not made of whole months (a day or a week) or more months are given than it
// has: those are the caller's mistakes, not the data's.
std::optional<Outturn> EstimateLinear(const Period& period, std::span<const double> months_in_hand);

// `last_year_months` are the figures of every month of the same period last year
// (Period::SameLastYear), in order; std::invalid_argument if their number differs from the
// period's. Also nullopt when last year's total or its share for the months in hand is not
// positive: there is no season to scale by.
std::optional<Outturn> EstimateBySamePeriodShare(const Period& period,
                                                 std::span<const double> months_in_hand,
                                                 std::span<const double> last_year_months);

}  // namespace solieu::plan
