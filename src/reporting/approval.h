// reporting/approval: approval by a higher level and the lock it puts on the form. A form (data
// set, period, org unit) may be approved by an administrator or province data manager bound to a
// unit strictly above it; once approved, every value of the data set's elements for that org unit
// and the units below it, in periods inside the approved one, is locked until the approval is
// withdrawn. Depends on: core, store/reporting_records, exchange/period_lock.
#pragma once

#include <string>
#include <vector>

#include "core/metadata.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "exchange/period_lock.h"
#include "store/reporting_records.h"

namespace solieu::reporting {

// Whether one of `root_uids` lies strictly above `unit` on `day`.
bool BoundAbove(const OrgHierarchy& hierarchy, const std::vector<std::string>& root_uids,
                const OrgUnit& unit, Date day);

class ApprovalLock final : public PeriodLock {
 public:
  // Keeps references to `metadata` and `hierarchy`.
  ApprovalLock(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy,
               std::vector<ApprovalRecord> approvals);

  std::optional<LockReason> Locked(const DataValueKey& key,
                                   const std::string& data_set_uid) const override;

  // The approval that locks the form itself or a form above it, if any.
  const ApprovalRecord* Covering(const ReportKey& key) const;

 private:
  const ApprovalRecord* Find(const std::string& element_uid, const std::string& data_set_uid,
                             const Period& period, const std::string& org_unit_uid) const;

  const MetadataSnapshot& metadata_;
  const OrgHierarchy& hierarchy_;
  std::vector<ApprovalRecord> approvals_;
};

}  // namespace solieu::reporting
