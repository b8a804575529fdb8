// exchange/period_lock: the hook through which approval and locking (issue 4, item 9) will refuse
// writes to a checked period. There is no locking yet: imports run with no PeriodLock, so nothing
// is locked; the import already asks every row and reports a refusal as conflict E7642.
// Depends on: core/data_value.
#pragma once

#include <optional>
#include <string>

#include "core/data_value.h"

namespace solieu {

struct LockReason {
  std::string vi;
  std::string en;
};

class PeriodLock {
 public:
  virtual ~PeriodLock() = default;
  // Why a write to `key` is refused, or nullopt when the period is open for it. `data_set_uid` is
  // the data set the file reports for, empty when it names none.
  virtual std::optional<LockReason> Locked(const DataValueKey& key,
                                           const std::string& data_set_uid) const = 0;
};

}  // namespace solieu
