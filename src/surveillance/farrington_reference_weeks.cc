#include "surveillance/farrington_reference_weeks.h"

#include <cstddef>

namespace solieu::surveillance {

ReferenceWeeks SelectReferenceWeeks(int k, const ReferenceWeekLayout& layout) {
  const int p = layout.no_periods;
  const int w = layout.w;
  const int start = k - layout.b * layout.frequency - w;  // earliest week of any window
  // period_of[i] for week start + i; 0 means "not a reference week".
  std::vector<int> period_of(static_cast<std::size_t>(k - start + 1), 0);
  auto set = [&](int from, int to, int value) {
    for (int week = from; week <= to; ++week) period_of[week - start] = value;
  };
  set(k - w, k, p);
  for (int year = 1; year <= layout.b; ++year) {
    const int centre = k - year * layout.frequency;
    set(centre - w, centre + w, p);
    if (p == 1) continue;
    // The weeks between this window and the next one (a year later) form periods 1 .. p - 1.
    const int gap = layout.frequency - 2 * w - 1;
    const int length = gap / (p - 1);
    const int longer = gap % (p - 1);
    int first = centre + w + 1;
    for (int j = 1; j <= p - 1; ++j) {
      const int len = length + (j <= longer ? 1 : 0);
      set(first, first + len - 1, j);
      first += len;
    }
  }
  ReferenceWeeks out;
  const int last_included = k - layout.past_weeks_not_included - 1;
  for (int week = start; week <= last_included; ++week) {
    const int period = period_of[week - start];
    if (period == 0) continue;
    out.idx.push_back(week);
    out.period.push_back(period);
  }
  return out;
}

}  // namespace solieu::surveillance
