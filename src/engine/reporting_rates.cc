#include "engine/reporting_rates.h"

#include <unordered_map>

namespace solieu {

std::vector<FormCounts> CountForms(const FormTable& forms, int data_set,
                                   const OrgHierarchy& hierarchy, OrgView& view,
                                   const std::vector<Period>& periods,
                                   const std::vector<int>& units) {
  std::vector<FormCounts> out(periods.size() * units.size());
  const DataSet& ds = forms.DataSetAt(data_set);
  const std::optional<PeriodType> type = FixedPeriodTypeNamed(ds.period_type);
  if (!type || units.empty()) return out;
  std::unordered_multimap<int, size_t> columns;  // unit -> its columns in the request
  for (size_t u = 0; u < units.size(); ++u) columns.emplace(units[u], u);
  for (size_t p = 0; p < periods.size(); ++p) {
    for (const Period& q : Period::Covering(*type, periods[p].start(), periods[p].end())) {
      if (!periods[p].Contains(q)) continue;
      const Date day = q.end();
      const Date deadline = day.AddDays(ds.expiry_days);
      for (int unit : forms.AssignedUnits(data_set)) {
        if (!hierarchy.units()[static_cast<size_t>(unit)].validity.Contains(day)) continue;
        const std::optional<Date> completed = forms.CompletedOn(data_set, unit, q.start(), day);
        const bool on_time = completed && (ds.expiry_days == 0 || *completed <= deadline);
        for (const Contribution& c : view.ContributionsOf(unit, day)) {
          auto [first, last] = columns.equal_range(c.unit);
          for (auto it = first; it != last; ++it) {
            FormCounts& cell = out[p * units.size() + it->second];
            cell.expected += c.share;
            if (completed) cell.actual += c.share;
            if (on_time) cell.actual_on_time += c.share;
          }
        }
      }
    }
  }
  return out;
}

std::optional<double> ReportingMetricValue(const FormCounts& counts, ReportingRateMetric metric) {
  if (counts.expected <= 0) return std::nullopt;
  switch (metric) {
    case ReportingRateMetric::kReportingRate:
      return 100.0 * counts.actual / counts.expected;
    case ReportingRateMetric::kReportingRateOnTime:
      return 100.0 * counts.actual_on_time / counts.expected;
    case ReportingRateMetric::kActualReports:
      return counts.actual;
    case ReportingRateMetric::kActualReportsOnTime:
      return counts.actual_on_time;
    case ReportingRateMetric::kExpectedReports:
      return counts.expected;
  }
  return std::nullopt;
}

}  // namespace solieu
