// server/relative_periods: DHIS2's relative period names as analytics requests use them
// ("pe:LAST_12_MONTHS;THIS_YEAR"), turned into fixed periods relative to a day. As in DHIS2, the
// LAST_ forms end with the period before the current one: on 2025-08-15, LAST_12_MONTHS is
// 202408..202507 and THIS_YEAR is 2025. Depends on: core/period.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/period.h"

namespace solieu::server {

// nullopt when `name` is not a supported relative period.
std::optional<std::vector<Period>> RelativePeriods(std::string_view name, Date today);

}  // namespace solieu::server
