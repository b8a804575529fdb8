// surveillance/farrington_reference_weeks: which past weeks the Farrington model for week k is
// fitted to, and the seasonal period each belongs to: the "blocks" of farringtonFlexible.
// Depends on: the standard library only.
#pragma once

#include <vector>

namespace solieu::surveillance {

struct ReferenceWeekLayout {
  int b = 0;                        // years back
  int w = 0;                        // half-width of each window
  int no_periods = 1;               // seasonal periods per year (1: windows only)
  int past_weeks_not_included = 0;  // weeks k - this .. k are left out
  int frequency = 52;               // weeks per year
};

struct ReferenceWeeks {
  std::vector<int> idx;     // 1-based week indices, increasing
  std::vector<int> period;  // 1 .. no_periods; no_periods is the period of the week evaluated
};

// For week k (1-based, k > frequency * b + w): the windows of 2w + 1 weeks centred one, two, ...
// b years before k, and the current window k - w .. k, all in period no_periods. With
// no_periods > 1, the weeks between consecutive windows are cut into no_periods - 1 consecutive
// periods 1, 2, ..., of equal length, the first ones one week longer when the division is not
// exact. Finally weeks k - past_weeks_not_included .. k are dropped.
// Requires no_periods == 1 or no_periods <= frequency - 2w (each period at least one week).
ReferenceWeeks SelectReferenceWeeks(int k, const ReferenceWeekLayout& layout);

}  // namespace solieu::surveillance
