// exchange/write_scope: the hook through which a caller limits an import to the org units its user
// may write (the server: a clerk's own station, a manager's subtree). A row outside is refused as
// DHIS2 refuses it, conflict E7617. Depends on: core/org_unit, core/period.
#pragma once

#include <string>

#include "core/metadata.h"
#include "core/org_unit.h"
#include "core/period.h"

namespace solieu {

class WriteScope {
 public:
  virtual ~WriteScope() = default;
  // Whether values of `unit` for `period` may be written.
  virtual bool Allows(const OrgUnit& unit, const Period& period) const = 0;
  // Whether the user may write values of `element` (one restricted to a user group they are not
  // in: the HIV figures); a row refused here is conflict SL7609.
  virtual bool AllowsElement(const DataElement& element) const {
    (void)element;
    return true;
  }
  // The user, for the conflict's message.
  virtual std::string User() const = 0;
};

}  // namespace solieu
