#include "outbreaks/detection_rules.h"

#include <algorithm>

#include "core/error.h"
#include "outbreaks/series_scoring.h"

namespace solieu::outbreaks {

DetectionRules::DetectionRules(const MetadataSnapshot& metadata) {
  for (const DetectionRule& rule : metadata.detection_rules) {
    Entry entry{rule, {rule.method, rule.parameters, {}}};
    try {
      entry.scoring.options = surveillance::ParseDetectParameters(rule.method, rule.parameters);
    } catch (const UserError& e) {
      std::string disease =
          rule.disease_uid.empty() ? (rule.priority_only ? "priority" : "*") : rule.disease_uid;
      throw UserError("surveillance.bad_rule",
                      "quy tắc phát hiện (" + disease + ", " + rule.level + "): " + e.message_vi(),
                      "detection rule (" + disease + ", " + rule.level + "): " + e.message_en(),
                      e.where());
    }
    entries_.push_back(std::move(entry));
  }
}

const ScoringRule* DetectionRules::For(const Disease& disease, OrgLevel level) const {
  const std::string_view level_name = OrgLevelName(level);
  const ScoringRule* best = nullptr;
  int best_rank = 0;
  for (const Entry& entry : entries_) {
    if (entry.rule.level != level_name) continue;
    int rank = 0;
    if (entry.rule.disease_uid == disease.uid) {
      rank = 3;
    } else if (entry.rule.disease_uid.empty() && entry.rule.priority_only && disease.priority) {
      rank = 2;
    } else if (entry.rule.disease_uid.empty() && !entry.rule.priority_only) {
      rank = 1;
    }
    if (rank > best_rank) {
      best_rank = rank;
      best = &entry.scoring;
    }
  }
  return best;
}

int DetectionRules::WeeksOfHistoryNeeded() const {
  int weeks = 1;
  for (const Entry& entry : entries_) {
    weeks = std::max(weeks, FirstScorableWeek(entry.scoring.options));
  }
  return weeks;
}

}  // namespace solieu::outbreaks
