// engine/form_table: the forms registered complete (a data set for a period at an org unit, with
// the day it was completed), the input of DHIS2's reporting-rate items. Fed like the values: by
// whoever loads the engine from a store, and kept current by applying each registration or
// withdrawal the store accepted. The engine never reads the store itself.
// Depends on: core.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"

namespace solieu {

// A form registered complete on `completed_on`, or (nullopt) its registration withdrawn.
struct FormCompletionWrite {
  std::string data_set;      // uid or code
  std::string org_unit_uid;  // the unit that reported
  Date period_start;
  Date period_end;
  std::optional<Date> completed_on;
};

class FormTable {
 public:
  FormTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy);

  // Registrations naming an unknown data set or org unit are skipped: nothing can expect them.
  void Apply(const std::vector<FormCompletionWrite>& writes);

  int DataSetIndex(const std::string& uid_or_code) const;  // -1 if unknown
  const DataSet& DataSetAt(int index) const { return data_sets_[static_cast<size_t>(index)]; }
  // The org units assigned the data set, as indexes into OrgHierarchy::units() (unknown uids
  // left out).
  const std::vector<int>& AssignedUnits(int index) const {
    return assigned_[static_cast<size_t>(index)];
  }
  // The day the form was completed, if it is registered complete.
  std::optional<Date> CompletedOn(int data_set, int unit, Date period_start, Date period_end) const;
  size_t size() const { return completed_.size(); }

 private:
  struct KeyHash {
    size_t operator()(const std::array<std::int32_t, 4>& k) const;
  };

  std::vector<DataSet> data_sets_;
  std::vector<std::vector<int>> assigned_;
  std::unordered_map<std::string, int> data_set_index_;  // by uid and by code
  std::unordered_map<std::string, int> unit_index_;
  // (data set, unit, period start, period end) -> completed on, days since epoch
  std::unordered_map<std::array<std::int32_t, 4>, std::int32_t, KeyHash> completed_;
};

}  // namespace solieu
