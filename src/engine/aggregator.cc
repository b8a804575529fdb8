#include "engine/aggregator.h"

#include <array>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace solieu {
namespace {

// Integers at full share are added exactly (a national total of counts is the exact count);
// everything else, as doubles, apart, so a lone 65.7 comes back as 65.7.
struct Accumulator {
  std::int64_t exact = 0;
  double rest = 0;
  long count = 0;
  void Add(double value, bool exact_integer) {
    if (exact_integer) {
      exact += static_cast<std::int64_t>(value);
    } else {
      rest += value;
    }
  }
  double Total() const { return static_cast<double>(exact) + rest; }
};

// A requested position a source unit's values count towards, with the share they bring.
struct Target {
  size_t slot;
  double share;
};

// One requested item's cells while its element is scanned.
struct ItemCells {
  // For LAST: per (cell, source unit, option combo, attribute combo) the latest period and its
  // value. The latest period is the one ending last; of two ending together, the longer (a
  // year's closing stock and its fourth quarter's are the same figure).
  struct Latest {
    int end;
    int start;
    double value;
    bool exact;
  };

  ItemCells(size_t index_in_request, const DataItem& requested, size_t n_cells)
      : index(index_in_request), item(requested), cells(n_cells) {}

  bool Wants(const ValueRecord& r) const {
    return (item.option_combo < 0 || r.option_combo == item.option_combo) &&
           (item.attribute_combo < 0 || r.attribute_combo == item.attribute_combo);
  }

  // Adds one stored value to the requested periods that contain its period (`periods`), at the
  // requested units it counts towards (`targets`).
  void Take(const ValueRecord& r, const std::vector<size_t>& periods,
            const std::vector<Target>& targets, AggregationType type, const ValueTable& table,
            size_t n_units) {
    for (const Target& t : targets) {
      const bool unscaled = type == AggregationType::kAverage || t.share == 1.0;
      const double scaled = unscaled ? r.value : r.value * t.share;
      const bool exact = r.integral && unscaled;
      for (size_t p : periods) {
        size_t cell = p * n_units + t.slot;
        switch (type) {
          case AggregationType::kLast: {
            const PeriodSpan& span = table.PeriodAt(r.period);
            auto [slot, inserted] = latest.try_emplace(
                {static_cast<long long>(cell), r.unit, r.option_combo, r.attribute_combo},
                Latest{span.end, span.start, scaled, exact});
            Latest& held = slot->second;
            if (!inserted &&
                (span.end > held.end || (span.end == held.end && span.start < held.start))) {
              held = {span.end, span.start, scaled, exact};
            }
            break;
          }
          case AggregationType::kAverageSumOrgUnit:
            per_period[{cell, r.period}].Add(scaled, exact);
            break;
          default:
            cells[cell].Add(scaled, exact);
            break;
        }
        ++cells[cell].count;
      }
    }
  }

  void WriteInto(AggregationType type, size_t n_periods, size_t n_units, AggregateResult* result) {
    for (const auto& [key, entry] : latest) {
      cells[static_cast<size_t>(key[0])].Add(entry.value, entry.exact);
    }
    std::vector<Accumulator> period_means(type == AggregationType::kAverageSumOrgUnit ? cells.size()
                                                                                      : 0);
    for (const auto& [key, sum] : per_period) {
      period_means[key.first].rest += sum.Total();
      ++period_means[key.first].count;
    }
    for (size_t p = 0; p < n_periods; ++p) {
      for (size_t u = 0; u < n_units; ++u) {
        const Accumulator& a = cells[p * n_units + u];
        if (a.count == 0) continue;
        std::optional<double>& out = result->At(index, p, u);
        switch (type) {
          case AggregationType::kAverage:
            out = a.Total() / static_cast<double>(a.count);
            break;
          case AggregationType::kAverageSumOrgUnit: {
            const Accumulator& m = period_means[p * n_units + u];
            out = m.Total() / static_cast<double>(m.count);
            break;
          }
          case AggregationType::kNone:
            if (a.count == 1) out = a.Total();
            break;
          default:
            out = a.Total();
            break;
        }
      }
    }
  }

  size_t index;  // in the request
  DataItem item;
  std::vector<Accumulator> cells;
  std::map<std::array<long long, 4>, Latest> latest;
  // For AVERAGE_SUM_ORG_UNIT: per (cell, reported period) the sum over units.
  std::map<std::pair<size_t, int>, Accumulator> per_period;
};

}  // namespace

AggregateResult Aggregate(const ValueTable& table, OrgView& view, const AggregateRequest& request) {
  const size_t n_periods = request.periods.size();
  const size_t n_units = request.units.size();
  AggregateResult result(request.items.size(), n_periods, n_units);
  std::unordered_map<int, std::vector<size_t>> requested_slots;  // unit -> request positions
  for (size_t i = 0; i < n_units; ++i) requested_slots[request.units[i]].push_back(i);
  auto targets_from = [&](const std::vector<Contribution>& contributions) {
    std::vector<Target> out;
    for (const Contribution& c : contributions) {
      auto slots = requested_slots.find(c.unit);
      if (slots == requested_slots.end()) continue;
      for (size_t u : slots->second) out.push_back({u, c.share});
    }
    return out;
  };

  // The requested periods that contain each stored period. Stored periods are interned (ten
  // years of days is 3,650), so all are resolved up front and the scan only indexes.
  std::vector<std::vector<size_t>> hits(table.PeriodCount());
  for (size_t stored = 0; stored < hits.size(); ++stored) {
    const PeriodSpan& span = table.PeriodAt(static_cast<int>(stored));
    for (size_t p = 0; p < n_periods; ++p) {
      const Period& requested = request.periods[p];
      if (requested.start().days_since_epoch() <= span.start &&
          span.end <= requested.end().days_since_epoch()) {
        hits[stored].push_back(p);
      }
    }
  }
  auto hits_of = [&](int period) -> const std::vector<size_t>& {
    return hits[static_cast<size_t>(period)];
  };

  // Where a unit's values go. On a date's structure that depends on the unit alone, so every
  // unit is resolved up front and units reaching no requested position are never read; as it
  // was, it depends on the period too, and is cached per (unit, day) and per run of one unit.
  const bool on_date = view.structure() == Structure::kOnDate;
  const Date any_day = view.structure_date();
  std::vector<std::vector<Target>> unit_targets(on_date ? table.UnitCount() : 0);
  std::vector<int> relevant_units;
  if (on_date) {
    for (size_t unit = 0; unit < table.UnitCount(); ++unit) {
      unit_targets[unit] = targets_from(view.ContributionsOf(static_cast<int>(unit), any_day));
      if (!unit_targets[unit].empty()) relevant_units.push_back(static_cast<int>(unit));
    }
  }
  std::map<std::pair<int, int>, std::vector<Target>> dated_targets;  // (unit, period end)
  std::vector<const std::vector<Target>*> run_targets(on_date ? 0 : table.PeriodCount(), nullptr);
  std::vector<int> run_touched;
  int run_unit = -1;
  auto dated_targets_of = [&](int unit, int period) -> const std::vector<Target>& {
    if (unit != run_unit) {
      for (int p : run_touched) run_targets[static_cast<size_t>(p)] = nullptr;
      run_touched.clear();
      run_unit = unit;
    }
    const std::vector<Target>*& cached = run_targets[static_cast<size_t>(period)];
    if (cached == nullptr) {
      const int end = table.PeriodAt(period).end;
      auto it = dated_targets.find({unit, end});
      if (it == dated_targets.end()) {
        it = dated_targets
                 .emplace(std::make_pair(unit, end),
                          targets_from(view.ContributionsOf(unit, Date::FromDays(end))))
                 .first;
      }
      cached = &it->second;
      run_touched.push_back(period);
    }
    return *cached;
  };
  auto targets_of = [&](int unit, int period) -> const std::vector<Target>& {
    return on_date ? unit_targets[static_cast<size_t>(unit)] : dated_targets_of(unit, period);
  };
  // Few relevant units (one commune's profile): look each one's records up; many: one scan.
  const bool by_unit = on_date && relevant_units.size() * 16 < table.UnitCount();

  // Items of one element (its option combos in a pivot, its total beside them) share one scan.
  std::map<int, std::vector<size_t>> items_of_element;
  for (size_t i = 0; i < request.items.size(); ++i) {
    if (request.items[i].element >= 0) items_of_element[request.items[i].element].push_back(i);
  }
  for (const auto& element_items : items_of_element) {
    const int element = element_items.first;  // a named copy: lambdas below capture it
    const std::vector<size_t>& item_indexes = element_items.second;
    const AggregationType type = table.Element(element).aggregation_type;
    std::vector<ItemCells> items;
    items.reserve(item_indexes.size());
    for (size_t i : item_indexes) items.emplace_back(i, request.items[i], n_periods * n_units);

    auto scan = [&](auto&& visit) {
      if (by_unit) {
        for (int unit : relevant_units) table.ForEachOfUnit(element, unit, visit);
      } else {
        table.ForEach(element, visit);
      }
    };
    // One item (most queries) keeps the loop over items out of the scan's inner path.
    if (items.size() == 1) {
      ItemCells& only = items.front();
      scan([&](const ValueRecord& r) {
        if (!only.Wants(r)) return;
        const std::vector<size_t>& periods = hits_of(r.period);
        if (periods.empty()) return;
        only.Take(r, periods, targets_of(r.unit, r.period), type, table, n_units);
      });
    } else {
      scan([&](const ValueRecord& r) {
        const std::vector<size_t>& periods = hits_of(r.period);
        if (periods.empty()) return;
        const std::vector<Target>* targets = nullptr;
        for (ItemCells& item : items) {
          if (!item.Wants(r)) continue;
          if (targets == nullptr) targets = &targets_of(r.unit, r.period);
          item.Take(r, periods, *targets, type, table, n_units);
        }
      });
    }
    for (ItemCells& item : items) item.WriteInto(type, n_periods, n_units, &result);
  }
  return result;
}

}  // namespace solieu
