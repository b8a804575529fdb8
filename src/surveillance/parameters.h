// surveillance/parameters: checks shared by every detector's parameters, so each bad value is
// reported the same way: a UserError naming the parameter, in Vietnamese and English.
// Depends on: core/error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "surveillance/count_series.h"

namespace solieu::surveillance {

// A UserError with code "surveillance.bad_parameter" whose `where` is the parameter's name.
UserError BadParameter(std::string_view name, std::string message_vi, std::string message_en);

// The weeks to evaluate: `range` if given, else first_week .. series_length. Throws BadParameter
// ("range") unless first_week <= first <= last <= series_length.
WeekRange ResolveRange(const std::optional<WeekRange>& range, int first_week, int series_length);

// Throws BadParameter(name) unless 0 < alpha < 1.
void CheckProbability(std::string_view name, double alpha);

}  // namespace solieu::surveillance
