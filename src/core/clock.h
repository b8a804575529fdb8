// core/clock: the one way the system writes "now": ISO 8601 UTC with milliseconds
// ("2026-11-23T14:22:40.123Z"), for audit rows, sessions and access logs.
#pragma once

#include <string>

namespace solieu {

std::string UtcTimestampNow();

}  // namespace solieu
