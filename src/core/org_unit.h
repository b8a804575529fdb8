// core/org_unit: the org-unit records with history: units with validity ranges, parent links valid
// over date ranges, and the merge/split events that say which old units became which new ones.
// Validity is half-open: [opened, closed). Depends on: core/date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace solieu {

enum class OrgLevel { kProvince = 1, kDistrict = 2, kCommune = 3, kFacility = 4 };

std::string_view OrgLevelName(OrgLevel level);  // "province", "district", "commune", "facility"
std::optional<OrgLevel> ParseOrgLevel(std::string_view name);

// A half-open date range; an absent bound is open-ended.
struct Validity {
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // exclusive

  bool Contains(Date day) const { return (!from || *from <= day) && (!to || day < *to); }
  bool Overlaps(const Validity& other) const;
};

struct OrgUnit {
  std::string uid;
  std::string code;  // may be reused by a later unit; unique on any one day
  std::string name_vi;
  std::string name_en;
  OrgLevel level = OrgLevel::kFacility;
  std::string facility_type;  // facilities only: "tyt", "ttyt", "hospital", ...
  std::string commune_type;   // "Xã", "Phường", "Huyện", ...
  Validity validity;          // opened .. closed
  std::string note;
};

struct ParentLink {
  std::string child_uid;
  std::string parent_uid;
  Validity validity;
};

enum class OrgEventKind { kMerge, kSplit };

// On `date` (the first day of the new structure) `old_uid` passed into `new_uid`, whole (merge)
// or in part (split, with the share of the old unit that went to the new one).
struct OrgEvent {
  Date date;
  OrgEventKind kind = OrgEventKind::kMerge;
  std::string old_uid;
  std::string new_uid;
  double share = 1.0;
};

std::string_view OrgEventKindName(OrgEventKind kind);  // "merge", "split"

}  // namespace solieu
