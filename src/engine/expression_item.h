// engine/expression_item: one value an indicator expression refers to, such as #{LIVE_BIRTHS.DTTS}
// or OUG{TYT}. The analytics engine looks each distinct item up once per evaluation.
// Depends on: the standard library only.
#pragma once

#include <string>
#include <string_view>

namespace solieu {

enum class ItemKind {
  kDataElement,        // #{de}, #{de.coc}, #{de.*.aoc}, #{de.coc.aoc}
  kConstant,           // C{constant}
  kOrgUnitGroupCount,  // OUG{group}: how many units of the group lie in the org unit
  kIndicator,          // N{indicator}: another indicator's value
  kReportingRate,      // R{dataSet.METRIC}
};

// The metrics DHIS2 allows after the data set in R{dataSet.METRIC}.
enum class ReportingRateMetric {
  kReportingRate,
  kReportingRateOnTime,
  kActualReports,
  kActualReportsOnTime,
  kExpectedReports,
};

std::string_view ReportingRateMetricName(ReportingRateMetric metric);  // "REPORTING_RATE", ...
bool ParseReportingRateMetric(std::string_view name, ReportingRateMetric* out);

// Ids are written as they appear between the braces: uids or codes, whichever the expression
// uses; resolving them is the caller's business.
struct ExpressionItem {
  ItemKind kind = ItemKind::kDataElement;
  std::string id;  // data element, constant, org unit group, indicator or data set
  // Only for kDataElement; empty means "all" (DHIS2 writes it as an omitted part or "*").
  std::string category_option_combo;
  std::string attribute_option_combo;
  // Only for kReportingRate.
  ReportingRateMetric metric = ReportingRateMetric::kReportingRate;

  // Data values (data elements, indicators, reporting rates) may be missing for a period and
  // org unit, and the missing-value strategy decides what that means. Constants and org unit
  // group counts are not data: they always exist when the configuration is valid.
  bool IsData() const {
    return kind != ItemKind::kConstant && kind != ItemKind::kOrgUnitGroupCount;
  }

  // The canonical DHIS2 spelling, e.g. "#{de.*.aoc}", "R{ds.REPORTING_RATE}".
  std::string ToString() const;

  friend bool operator==(const ExpressionItem&, const ExpressionItem&) = default;
};

}  // namespace solieu
