#include "engine/analytics.h"

#include <array>
#include <map>

#include "core/error.h"
#include "engine/aggregator.h"
#include "engine/reporting_rates.h"

namespace solieu {
namespace {

constexpr int kMaxIndicatorDepth = 16;  // N{...} nesting; deeper means a cycle

// One dx entry of a query, resolved.
struct DxEntry {
  int indicator = -1;  // index into the compiled indicators, or -1 for a data element
  DataItem item{-1};
  int data_set = -1;  // for a reporting-rate item, with its metric
  ReportingRateMetric metric = ReportingRateMetric::kReportingRate;
};

}  // namespace

Analytics::Analytics(MetadataSnapshot metadata)
    : metadata_(std::move(metadata)),
      hierarchy_(metadata_.org_units, metadata_.parent_links, metadata_.org_events),
      values_(metadata_, hierarchy_),
      forms_(metadata_, hierarchy_) {
  for (const Indicator& indicator : metadata_.indicators) {
    try {
      indicators_.push_back({&indicator, Expression::Parse(indicator.numerator),
                             Expression::Parse(indicator.denominator)});
    } catch (const UserError& e) {
      throw UserError(e.code(), e.message_vi(), e.message_en(), "indicator " + indicator.code);
    }
    indicator_index_[indicator.uid] = indicators_.size() - 1;
    indicator_index_.emplace(indicator.code, indicators_.size() - 1);
  }
  for (const Constant& c : metadata_.constants) {
    constants_[c.uid] = c.value;
    constants_.emplace(c.code, c.value);
  }
  for (const OrgUnitGroup& g : metadata_.org_unit_groups) {
    std::vector<int> members;
    for (const std::string& uid : g.member_uids) members.push_back(values_.UnitIndex(uid));
    group_members_[g.uid] = members;
    group_members_.emplace(g.code, std::move(members));
  }
}

const Indicator* Analytics::FindIndicator(const std::string& key) const {
  auto it = indicator_index_.find(key);
  return it == indicator_index_.end() ? nullptr : indicators_[it->second].indicator;
}

std::shared_ptr<const ResolvedStructure> Analytics::ResolvedOn(Date day) const {
  std::lock_guard lock(resolved_mutex_);
  auto found = resolved_.find(day.days_since_epoch());
  if (found != resolved_.end()) return found->second;
  // Queries ask for today's structure, or now and then an as-of date: a few days are kept.
  if (resolved_.size() >= 8) resolved_.clear();
  return resolved_.emplace(day.days_since_epoch(), OrgView::ResolveAll(hierarchy_, day))
      .first->second;
}

AnalyticsResult Analytics::Run(const AnalyticsQuery& query,
                               const std::vector<ExpressionRequest>& expressions) const {
  // Resolve the query's items and every data item the indicators need.
  std::map<std::array<int, 3>, size_t> slot_of;  // (element, coc, aoc) -> aggregate item
  AggregateRequest request;
  auto slot = [&](const DataItem& item) {
    std::array<int, 3> key{item.element, item.option_combo, item.attribute_combo};
    auto [it, inserted] = slot_of.emplace(key, request.items.size());
    if (inserted) request.items.push_back(item);
    return it->second;
  };
  auto data_item = [&](const std::string& element, const std::string& coc,
                       const std::string& aoc) -> std::optional<DataItem> {
    DataItem item{values_.ElementIndex(element)};
    if (item.element < 0) return std::nullopt;
    if (!coc.empty() && coc != "*") item.option_combo = values_.OptionComboIndex(coc);
    if (!aoc.empty() && aoc != "*") item.attribute_combo = values_.OptionComboIndex(aoc);
    if ((!coc.empty() && coc != "*" && item.option_combo < 0) ||
        (!aoc.empty() && aoc != "*" && item.attribute_combo < 0)) {
      return std::nullopt;
    }
    return item;
  };
  std::vector<bool> visited(indicators_.size(), false);
  std::function<void(size_t)> collect;
  auto collect_items = [&](const Expression& e) {
    for (const ExpressionItem& item : e.Items()) {
      if (item.kind == ItemKind::kDataElement) {
        if (auto d = data_item(item.id, item.category_option_combo, item.attribute_option_combo)) {
          slot(*d);
        }
      } else if (item.kind == ItemKind::kIndicator) {
        auto it = indicator_index_.find(item.id);
        if (it != indicator_index_.end()) collect(it->second);
      }
    }
  };
  collect = [&](size_t index) {
    if (visited[index]) return;
    visited[index] = true;
    collect_items(indicators_[index].numerator);
    collect_items(indicators_[index].denominator);
  };
  for (const ExpressionRequest& e : expressions) collect_items(*e.expression);
  std::vector<DxEntry> entries;
  for (const std::string& dx : query.dx) {
    DxEntry entry;
    auto it = indicator_index_.find(dx);
    if (it != indicator_index_.end()) {
      entry.indicator = static_cast<int>(it->second);
      collect(it->second);
    } else if (size_t last_dot = dx.rfind('.');
               last_dot != std::string::npos &&
               ParseReportingRateMetric(std::string_view(dx).substr(last_dot + 1), &entry.metric) &&
               forms_.DataSetIndex(dx.substr(0, last_dot)) >= 0) {
      entry.data_set = forms_.DataSetIndex(dx.substr(0, last_dot));
    } else {
      size_t dot = dx.find('.');
      auto item =
          data_item(dx.substr(0, dot), dot == std::string::npos ? "" : dx.substr(dot + 1), "");
      if (!item) {
        throw UserError("analytics.unknown_dx", "không có chỉ số hay phần tử dữ liệu '" + dx + "'",
                        "no indicator or data element '" + dx + "'", "dx");
      }
      entry.item = *item;
      slot(*item);
    }
    entries.push_back(entry);
  }
  request.periods = query.periods;
  for (const std::string& uid : query.org_units) {
    int unit = values_.UnitIndex(uid);
    if (unit < 0) {
      throw UserError("analytics.unknown_org_unit", "không có đơn vị '" + uid + "'",
                      "no org unit '" + uid + "'", "ou");
    }
    request.units.push_back(unit);
  }

  OrgView view = query.structure == Structure::kOnDate
                     ? OrgView(hierarchy_, query.structure_date, ResolvedOn(query.structure_date))
                     : OrgView(hierarchy_, query.structure, query.structure_date);
  AggregateResult aggregate = Aggregate(values_, view, request);

  // How many members of a group lie in (or are) a unit on a day.
  std::map<std::tuple<const std::vector<int>*, int, int>, double> group_counts;
  auto group_count = [&](const std::vector<int>& members, int unit, Date day) {
    auto key = std::make_tuple(&members, unit, day.days_since_epoch());
    auto it = group_counts.find(key);
    if (it != group_counts.end()) return it->second;
    double count = 0;
    const OrgUnit& target = hierarchy_.units()[static_cast<size_t>(unit)];
    for (int m : members) {
      if (m < 0) continue;
      const OrgUnit* cursor = &hierarchy_.units()[static_cast<size_t>(m)];
      if (!cursor->validity.Contains(day)) continue;
      for (size_t steps = 0; cursor != nullptr && steps <= hierarchy_.size(); ++steps) {
        if (cursor == &target) {
          ++count;
          break;
        }
        cursor = hierarchy_.ParentOf(*cursor, day);
      }
    }
    group_counts.emplace(key, count);
    return count;
  };

  // Form counts per data set, for the whole grid, counted when first needed.
  std::map<int, std::vector<FormCounts>> form_counts;
  auto reporting_value = [&](int data_set, ReportingRateMetric metric, size_t p,
                             size_t u) -> std::optional<double> {
    auto it = form_counts.find(data_set);
    if (it == form_counts.end()) {
      it = form_counts
               .emplace(data_set, CountForms(forms_, data_set, hierarchy_, view, request.periods,
                                             request.units))
               .first;
    }
    return ReportingMetricValue(it->second[p * request.units.size() + u], metric);
  };

  std::function<std::optional<double>(size_t, size_t, size_t, int)> evaluate;
  // The value of one expression item in cell (p, u); `depth` counts N{...} nesting.
  auto item_value = [&](const ExpressionItem& item, size_t p, size_t u,
                        int depth) -> std::optional<double> {
    const Period& period = request.periods[p];
    Date day = query.structure == Structure::kOnDate ? query.structure_date : period.end();
    switch (item.kind) {
      case ItemKind::kDataElement: {
        auto d = data_item(item.id, item.category_option_combo, item.attribute_option_combo);
        if (!d) return std::nullopt;
        return aggregate.At(slot_of.at({d->element, d->option_combo, d->attribute_combo}), p, u);
      }
      case ItemKind::kConstant: {
        auto it = constants_.find(item.id);
        return it == constants_.end() ? std::nullopt : std::optional<double>(it->second);
      }
      case ItemKind::kOrgUnitGroupCount: {
        auto it = group_members_.find(item.id);
        if (it == group_members_.end()) return std::nullopt;
        return group_count(it->second, request.units[u], day);
      }
      case ItemKind::kIndicator: {
        auto it = indicator_index_.find(item.id);
        if (it == indicator_index_.end()) return std::nullopt;
        return evaluate(it->second, p, u, depth + 1);
      }
      case ItemKind::kReportingRate: {
        int data_set = forms_.DataSetIndex(item.id);
        if (data_set < 0) return std::nullopt;
        return reporting_value(data_set, item.metric, p, u);
      }
    }
    return std::nullopt;
  };
  evaluate = [&](size_t index, size_t p, size_t u, int depth) -> std::optional<double> {
    if (depth > kMaxIndicatorDepth) return std::nullopt;
    auto lookup = [&](const ExpressionItem& item) { return item_value(item, p, u, depth); };
    const CompiledIndicator& c = indicators_[index];
    double days = request.periods[p].days();
    return IndicatorValue(c.numerator.EvaluateWith(lookup, days),
                          c.denominator.EvaluateWith(lookup, days), c.indicator->factor);
  };

  AnalyticsResult result(entries.size() + expressions.size(), request.periods.size(),
                         request.units.size());
  for (size_t e = 0; e < entries.size(); ++e) {
    for (size_t p = 0; p < request.periods.size(); ++p) {
      for (size_t u = 0; u < request.units.size(); ++u) {
        const DxEntry& entry = entries[e];
        result.At(e, p, u) =
            entry.indicator >= 0 ? evaluate(static_cast<size_t>(entry.indicator), p, u, 0)
            : entry.data_set >= 0
                ? reporting_value(entry.data_set, entry.metric, p, u)
                : aggregate.At(slot_of.at({entry.item.element, entry.item.option_combo,
                                           entry.item.attribute_combo}),
                               p, u);
      }
    }
  }
  std::vector<std::optional<double>> values;
  for (size_t x = 0; x < expressions.size(); ++x) {
    const Expression& e = *expressions[x].expression;
    const MissingValueStrategy strategy = expressions[x].strategy;
    for (size_t p = 0; p < request.periods.size(); ++p) {
      for (size_t u = 0; u < request.units.size(); ++u) {
        values.clear();
        bool any_data_missing = false;
        for (const ExpressionItem& item : e.Items()) {
          values.push_back(item_value(item, p, u, 0));
          any_data_missing = any_data_missing || (item.IsData() && !values.back().has_value());
        }
        if (strategy == MissingValueStrategy::kSkipIfAnyValueMissing && any_data_missing) continue;
        result.At(entries.size() + x, p, u) =
            e.Evaluate(values, request.periods[p].days(), strategy);
      }
    }
  }
  return result;
}

}  // namespace solieu
