#include "engine/aggregator.h"

#include <array>
#include <map>
#include <unordered_map>

namespace solieu {
namespace {

struct Accumulator {
  double sum = 0;
  long count = 0;
};

}  // namespace

AggregateResult Aggregate(const ValueTable& table, OrgView& view, const AggregateRequest& request) {
  const size_t n_periods = request.periods.size();
  const size_t n_units = request.units.size();
  AggregateResult result(request.items.size(), n_periods, n_units);
  std::unordered_map<int, std::vector<size_t>> requested_slots;  // unit -> request positions
  for (size_t i = 0; i < n_units; ++i) requested_slots[request.units[i]].push_back(i);

  for (size_t item_index = 0; item_index < request.items.size(); ++item_index) {
    const DataItem& item = request.items[item_index];
    if (item.element < 0) continue;
    const AggregationType type = table.Element(item.element).aggregation_type;
    std::vector<Accumulator> cells(n_periods * n_units);
    // For LAST: per (cell, source unit, option combo, attribute combo) the latest period and its
    // value. The latest period is the one ending last; of two ending together, the longer (a
    // year's closing stock and its fourth quarter's are the same figure).
    struct Latest {
      int end;
      int start;
      double value;
    };
    std::map<std::array<long long, 4>, Latest> latest;
    // For AVERAGE_SUM_ORG_UNIT: per (cell, reported period) the sum over units.
    std::map<std::pair<size_t, std::pair<int, int>>, double> per_period;
    // The requested periods that contain a record's period, cached per distinct span.
    std::map<std::pair<int, int>, std::vector<size_t>> periods_of_span;

    for (const ValueRecord& r : table.RecordsOf(item.element)) {
      if (item.option_combo >= 0 && r.option_combo != item.option_combo) continue;
      if (item.attribute_combo >= 0 && r.attribute_combo != item.attribute_combo) continue;
      auto span = std::make_pair(r.start, r.end);
      auto found = periods_of_span.find(span);
      if (found == periods_of_span.end()) {
        std::vector<size_t> hits;
        for (size_t p = 0; p < n_periods; ++p) {
          const Period& period = request.periods[p];
          if (period.start().days_since_epoch() <= r.start &&
              r.end <= period.end().days_since_epoch()) {
            hits.push_back(p);
          }
        }
        found = periods_of_span.emplace(span, std::move(hits)).first;
      }
      if (found->second.empty()) continue;
      for (const Contribution& c : view.ContributionsOf(r.unit, Date::FromDays(r.end))) {
        auto slots = requested_slots.find(c.unit);
        if (slots == requested_slots.end()) continue;
        double scaled = type == AggregationType::kAverage ? r.value : r.value * c.share;
        for (size_t p : found->second) {
          for (size_t u : slots->second) {
            size_t cell = p * n_units + u;
            switch (type) {
              case AggregationType::kLast: {
                auto [slot, inserted] = latest.try_emplace(
                    {static_cast<long long>(cell), r.unit, r.option_combo, r.attribute_combo},
                    Latest{r.end, r.start, scaled});
                Latest& held = slot->second;
                if (!inserted &&
                    (r.end > held.end || (r.end == held.end && r.start < held.start))) {
                  held = {r.end, r.start, scaled};
                }
                break;
              }
              case AggregationType::kAverageSumOrgUnit:
                per_period[{cell, span}] += scaled;
                break;
              default:
                cells[cell].sum += scaled;
                break;
            }
            ++cells[cell].count;
          }
        }
      }
    }
    for (const auto& [key, entry] : latest) cells[static_cast<size_t>(key[0])].sum += entry.value;
    std::vector<Accumulator> period_means(type == AggregationType::kAverageSumOrgUnit ? cells.size()
                                                                                      : 0);
    for (const auto& [key, sum] : per_period) {
      period_means[key.first].sum += sum;
      ++period_means[key.first].count;
    }
    for (size_t p = 0; p < n_periods; ++p) {
      for (size_t u = 0; u < n_units; ++u) {
        const Accumulator& a = cells[p * n_units + u];
        if (a.count == 0) continue;
        std::optional<double>& out = result.At(item_index, p, u);
        switch (type) {
          case AggregationType::kAverage:
            out = a.sum / static_cast<double>(a.count);
            break;
          case AggregationType::kAverageSumOrgUnit: {
            const Accumulator& m = period_means[p * n_units + u];
            out = m.sum / static_cast<double>(m.count);
            break;
          }
          case AggregationType::kNone:
            if (a.count == 1) out = a.sum;
            break;
          default:
            out = a.sum;
            break;
        }
      }
    }
  }
  return result;
}

}  // namespace solieu
