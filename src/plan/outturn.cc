#include "plan/outturn.h"

#include <numeric>
#include <stdexcept>
#include <string>

namespace solieu::plan {
namespace {

// The number of months of `period`, checked against the months given for it.
int MonthsIn(const Period& period, std::size_t months_given) {
  const std::size_t months = period.Split(PeriodType::kMonth).size();
  if (months == 0) {
    throw std::invalid_argument("outturn: period " + period.Id() + " is not made of whole months");
  }
  if (months_given > months) {
    throw std::invalid_argument("outturn: " + std::to_string(months_given) +
                                " months given for period " + period.Id() + " of " +
                                std::to_string(months) + " months");
  }
  return static_cast<int>(months);
}

double Sum(std::span<const double> figures) {
  return std::accumulate(figures.begin(), figures.end(), 0.0);
}

Outturn Make(double value, OutturnMethod method, int used, int months) {
  Outturn outturn;
  outturn.value = value;
  outturn.method = method;
  outturn.months_used = used;
  outturn.months_in_period = months;
  outturn.is_estimate = used < months;
  return outturn;
}

}  // namespace

std::string_view OutturnMethodName(OutturnMethod method) {
  switch (method) {
    case OutturnMethod::kLinear:
      return "linear";
    case OutturnMethod::kSamePeriodShare:
      return "same-period-share";
  }
  return "linear";
}

bool ParseOutturnMethod(std::string_view name, OutturnMethod* out) {
  for (OutturnMethod method : {OutturnMethod::kLinear, OutturnMethod::kSamePeriodShare}) {
    if (name == OutturnMethodName(method)) {
      *out = method;
      return true;
    }
  }
  return false;
}

std::string_view OutturnMethodLabelVi(OutturnMethod method) {
  switch (method) {
    case OutturnMethod::kLinear:
      return "ngoại suy tuyến tính";
    case OutturnMethod::kSamePeriodShare:
      return "theo tỷ trọng cùng kỳ năm trước";
  }
  return "ngoại suy tuyến tính";
}

std::optional<Outturn> EstimateLinear(const Period& period,
                                      std::span<const double> months_in_hand) {
  const int months = MonthsIn(period, months_in_hand.size());
  const int used = static_cast<int>(months_in_hand.size());
  if (used == 0) return std::nullopt;
  const double so_far = Sum(months_in_hand);
  // The whole period in hand is the actual; multiplying first keeps whole figures exact.
  const double value = used == months ? so_far : so_far * months / used;
  return Make(value, OutturnMethod::kLinear, used, months);
}

std::optional<Outturn> EstimateBySamePeriodShare(const Period& period,
                                                 std::span<const double> months_in_hand,
                                                 std::span<const double> last_year_months) {
  const int months = MonthsIn(period, months_in_hand.size());
  if (last_year_months.size() != static_cast<std::size_t>(months)) {
    throw std::invalid_argument("outturn: " + std::to_string(last_year_months.size()) +
                                " months of last year given for period " + period.Id() + " of " +
                                std::to_string(months) + " months");
  }
  const int used = static_cast<int>(months_in_hand.size());
  if (used == 0) return std::nullopt;
  const double so_far = Sum(months_in_hand);
  if (used == months) return Make(so_far, OutturnMethod::kSamePeriodShare, used, months);
  const double last_year_total = Sum(last_year_months);
  const double last_year_same_months = Sum(last_year_months.first(months_in_hand.size()));
  if (!(last_year_total > 0) || !(last_year_same_months > 0)) return std::nullopt;
  // so_far / (same_months / total), multiplied first so whole figures stay exact.
  return Make(so_far * last_year_total / last_year_same_months, OutturnMethod::kSamePeriodShare,
              used, months);
}

}  // namespace solieu::plan
