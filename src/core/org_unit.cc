#include "core/org_unit.h"

namespace solieu {

std::string_view OrgLevelName(OrgLevel level) {
  switch (level) {
    case OrgLevel::kProvince:
      return "province";
    case OrgLevel::kDistrict:
      return "district";
    case OrgLevel::kCommune:
      return "commune";
    case OrgLevel::kFacility:
      return "facility";
  }
  return "?";
}

std::optional<OrgLevel> ParseOrgLevel(std::string_view name) {
  for (OrgLevel level :
       {OrgLevel::kProvince, OrgLevel::kDistrict, OrgLevel::kCommune, OrgLevel::kFacility}) {
    if (OrgLevelName(level) == name) return level;
  }
  return std::nullopt;
}

bool Validity::Overlaps(const Validity& other) const {
  bool starts_before_other_ends = !from || !other.to || *from < *other.to;
  bool other_starts_before_this_ends = !other.from || !to || *other.from < *to;
  return starts_before_other_ends && other_starts_before_this_ends;
}

std::string_view OrgEventKindName(OrgEventKind kind) {
  return kind == OrgEventKind::kMerge ? "merge" : "split";
}

}  // namespace solieu
