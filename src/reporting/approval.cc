#include "reporting/approval.h"

#include <algorithm>

namespace solieu::reporting {

bool BoundAbove(const OrgHierarchy& hierarchy, const std::vector<std::string>& root_uids,
                const OrgUnit& unit, Date day) {
  for (const OrgUnit* up = hierarchy.ParentOf(unit, day); up != nullptr;
       up = hierarchy.ParentOf(*up, day)) {
    if (std::find(root_uids.begin(), root_uids.end(), up->uid) != root_uids.end()) return true;
  }
  return false;
}

ApprovalLock::ApprovalLock(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy,
                           std::vector<ApprovalRecord> approvals)
    : metadata_(metadata), hierarchy_(hierarchy), approvals_(std::move(approvals)) {}

const ApprovalRecord* ApprovalLock::Find(const std::string& element_uid,
                                         const std::string& data_set_uid, const Period& period,
                                         const std::string& org_unit_uid) const {
  if (approvals_.empty()) return nullptr;
  const OrgUnit* unit = hierarchy_.FindByUid(org_unit_uid);
  if (unit == nullptr) return nullptr;
  const Date day = period.end();
  for (const ApprovalRecord& a : approvals_) {
    if (!(a.period_start <= period.start() && period.end() <= a.period_end)) continue;
    if (!data_set_uid.empty() && a.key.data_set_uid != data_set_uid) {
      continue;
    }
    if (!element_uid.empty()) {
      const DataSet* data_set = nullptr;
      for (const DataSet& d : metadata_.data_sets) {
        if (d.uid == a.key.data_set_uid) data_set = &d;
      }
      if (data_set == nullptr ||
          std::find(data_set->data_element_uids.begin(), data_set->data_element_uids.end(),
                    element_uid) == data_set->data_element_uids.end()) {
        continue;
      }
    }
    bool covered = a.key.org_unit_uid == unit->uid;
    for (const OrgUnit* up = hierarchy_.ParentOf(*unit, day); !covered && up != nullptr;
         up = hierarchy_.ParentOf(*up, day)) {
      covered = up->uid == a.key.org_unit_uid;
    }
    if (covered) return &a;
  }
  return nullptr;
}

std::optional<LockReason> ApprovalLock::Locked(const DataValueKey& key,
                                               const std::string& /*data_set_uid*/) const {
  // A value is locked by the approval of any data set holding its element, whichever data set the
  // file names: the approved figure is the same value.
  auto period = Period::Parse(key.period);
  if (!period) return std::nullopt;
  const ApprovalRecord* a = Find(key.data_element_uid, "", *period, key.org_unit_uid);
  if (a == nullptr) return std::nullopt;
  return LockReason{"đã được " + a->approved_by + " phê duyệt lúc " + a->approved_at + " (kỳ " +
                        a->key.period + "); cần hủy phê duyệt trước khi sửa",
                    "approved by " + a->approved_by + " at " + a->approved_at + " (period " +
                        a->key.period + "); the approval must be withdrawn first"};
}

const ApprovalRecord* ApprovalLock::Covering(const ReportKey& key) const {
  auto period = Period::Parse(key.period);
  if (!period) return nullptr;
  return Find("", key.data_set_uid, *period, key.org_unit_uid);
}

}  // namespace solieu::reporting
