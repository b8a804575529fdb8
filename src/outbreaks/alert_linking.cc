#include "outbreaks/alert_linking.h"

#include <map>
#include <string>
#include <utility>

namespace solieu::outbreaks {

bool IsActive(const AlertRecord& alert) {
  switch (alert.status) {
    case AlertStatus::kOpen:
    case AlertStatus::kMonitoring:
      return true;
    case AlertStatus::kOutbreak:
      return alert.outbreak_ongoing;
    case AlertStatus::kDiscarded:
      return false;
  }
  return false;
}

std::vector<SignalPlacement> PlaceSignals(const std::vector<SignalRecord>& signals,
                                          const std::vector<AlertRecord>& alerts) {
  // The newest active alert of each disease and place (there is at most one unless someone
  // declared an outbreak by hand next to an open alert).
  std::map<std::pair<std::string, std::string>, std::int64_t> active;
  for (const AlertRecord& alert : alerts) {
    if (!IsActive(alert)) continue;
    auto key = std::make_pair(alert.disease_uid, alert.org_unit_uid);
    auto [it, inserted] = active.emplace(key, alert.id);
    if (!inserted && alert.id > it->second) it->second = alert.id;
  }
  std::vector<SignalPlacement> out;
  out.reserve(signals.size());
  for (const SignalRecord& signal : signals) {
    SignalPlacement placement{signal, std::nullopt};
    auto it = active.find({signal.disease_uid, signal.org_unit_uid});
    if (it != active.end()) placement.alert_id = it->second;
    out.push_back(std::move(placement));
  }
  return out;
}

}  // namespace solieu::outbreaks
