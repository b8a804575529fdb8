// outbreaks/alert_linking: repeated signals for the same disease and place make one alert, not
// one per week. A signal joins its disease and place's active alert (open, monitoring, or
// declared an outbreak that has not ended); only when there is none does it open a new alert.
// A discarded alert stays closed: a later signal opens a new one. Depends on: store records.
#pragma once

#include <vector>

#include "store/surveillance_records.h"

namespace solieu::outbreaks {

bool IsActive(const AlertRecord& alert);

// Where each signal goes, given the alerts stored so far (any status).
std::vector<SignalPlacement> PlaceSignals(const std::vector<SignalRecord>& signals,
                                          const std::vector<AlertRecord>& alerts);

}  // namespace solieu::outbreaks
