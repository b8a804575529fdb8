#include "engine/expression_item.h"

#include <array>
#include <utility>

namespace solieu {
namespace {

constexpr std::array<std::pair<ReportingRateMetric, std::string_view>, 5> kMetricNames = {{
    {ReportingRateMetric::kReportingRate, "REPORTING_RATE"},
    {ReportingRateMetric::kReportingRateOnTime, "REPORTING_RATE_ON_TIME"},
    {ReportingRateMetric::kActualReports, "ACTUAL_REPORTS"},
    {ReportingRateMetric::kActualReportsOnTime, "ACTUAL_REPORTS_ON_TIME"},
    {ReportingRateMetric::kExpectedReports, "EXPECTED_REPORTS"},
}};

}  // namespace

std::string_view ReportingRateMetricName(ReportingRateMetric metric) {
  for (const auto& [value, name] : kMetricNames) {
    if (value == metric) return name;
  }
  return "REPORTING_RATE";
}

bool ParseReportingRateMetric(std::string_view name, ReportingRateMetric* out) {
  for (const auto& [value, metric_name] : kMetricNames) {
    if (metric_name == name) {
      *out = value;
      return true;
    }
  }
  return false;
}

std::string ExpressionItem::ToString() const {
  switch (kind) {
    case ItemKind::kDataElement: {
      std::string out = "#{" + id;
      if (!category_option_combo.empty() || !attribute_option_combo.empty()) {
        out += '.';
        out += category_option_combo.empty() ? "*" : category_option_combo;
      }
      if (!attribute_option_combo.empty()) out += '.' + attribute_option_combo;
      return out + '}';
    }
    case ItemKind::kConstant:
      return "C{" + id + '}';
    case ItemKind::kOrgUnitGroupCount:
      return "OUG{" + id + '}';
    case ItemKind::kIndicator:
      return "N{" + id + '}';
    case ItemKind::kReportingRate:
      return "R{" + id + '.' + std::string(ReportingRateMetricName(metric)) + '}';
  }
  return {};
}

}  // namespace solieu
