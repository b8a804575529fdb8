// outbreaks/detection_rules: the detector and parameters the configuration assigns to a disease at
// an org level, the most specific rule winning (the disease's own, then the one for every priority
// disease, then the one for every disease). Depends on: core/metadata, surveillance/detect_options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "core/org_unit.h"
#include "surveillance/detect_options.h"

namespace solieu::outbreaks {

struct ScoringRule {
  std::string method;      // as written: "ears-c3-textbook"
  std::string parameters;  // as written: "baseline=7;min-sigma=1"
  surveillance::DetectOptions options;
};

class DetectionRules {
 public:
  // Throws UserError naming the rule's disease and level when its method or parameters are bad.
  explicit DetectionRules(const MetadataSnapshot& metadata);

  // nullopt: the disease is not scored at this level.
  const ScoringRule* For(const Disease& disease, OrgLevel level) const;

  // The longest history (in weeks, the scored week included) any rule needs to score a week.
  int WeeksOfHistoryNeeded() const;

 private:
  struct Entry {
    DetectionRule rule;
    ScoringRule scoring;
  };
  std::vector<Entry> entries_;
};

}  // namespace solieu::outbreaks
