#include "surveillance/parameters.h"

#include <cmath>

namespace solieu::surveillance {

UserError BadParameter(std::string_view name, std::string message_vi, std::string message_en) {
  return UserError("surveillance.bad_parameter", std::move(message_vi), std::move(message_en),
                   std::string(name));
}

WeekRange ResolveRange(const std::optional<WeekRange>& range, int first_week, int series_length) {
  const WeekRange resolved = range.value_or(WeekRange{first_week, series_length});
  const std::string shown = std::to_string(resolved.first) + ":" + std::to_string(resolved.last);
  if (resolved.first > resolved.last) {
    throw BadParameter("range", "khoảng tuần " + shown + " rỗng (tuần đầu sau tuần cuối)",
                       "the week range " + shown + " is empty (first after last)");
  }
  if (resolved.first < first_week) {
    throw BadParameter(
        "range",
        "khoảng tuần " + shown + " bắt đầu quá sớm: cần ít nhất " + std::to_string(first_week - 1) +
            " tuần số liệu trước đó (tuần đầu >= " + std::to_string(first_week) + ")",
        "the week range " + shown + " starts too early: it needs " +
            std::to_string(first_week - 1) +
            " weeks of history (first >= " + std::to_string(first_week) + ")");
  }
  if (resolved.last > series_length) {
    throw BadParameter("range",
                       "khoảng tuần " + shown + " vượt quá độ dài chuỗi số liệu (" +
                           std::to_string(series_length) + " tuần)",
                       "the week range " + shown + " goes beyond the series (" +
                           std::to_string(series_length) + " weeks)");
  }
  return resolved;
}

void CheckProbability(std::string_view name, double alpha) {
  if (!(alpha > 0 && alpha < 1)) {
    throw BadParameter(name, std::string(name) + " phải nằm trong khoảng (0, 1)",
                       std::string(name) + " must be strictly between 0 and 1");
  }
}

}  // namespace solieu::surveillance
