// core/clock: the one way the system writes "now": ISO 8601 UTC with milliseconds
// ("2026-11-23T14:22:40.123Z"), for audit rows, sessions and access logs, and today's date.
#pragma once

#include <string>

#include "core/date.h"

namespace solieu {

std::string UtcTimestampNow();
Date TodayUtc();

}  // namespace solieu
