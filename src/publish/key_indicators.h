// publish/key_indicators: the year's key indicators as the dashboard shows them: the rows of the
// yearly indicator table (config/<province>/reports/indicators_year.csv) as figures rather than
// printed cells: value, target, status, last year's value and the trend since a first year. The
// status is judged on the value rounded as the table prints it, so the dashboard and the printed
// report never disagree. Depends on: core, engine, plan, publish/report_context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "core/period.h"
#include "plan/comparison.h"
#include "publish/report_context.h"

namespace solieu {

struct KeyIndicator {
  const Indicator* indicator = nullptr;
  std::string name_vi;  // as the report definition words it
  std::string unit_vi;
  int decimals = 0;
  std::optional<double> value;        // the year's
  std::optional<std::string> target;  // stored text, e.g. "≥95"
  std::optional<plan::Status> status;
  std::optional<double> last_year;
  std::vector<std::pair<Period, std::optional<double>>> trend;  // first_year .. year
};

// Throws UserError for a year that is not a yearly period or first_year after it, and for a
// definition line naming an unknown indicator (with its file and line).
std::vector<KeyIndicator> BuildKeyIndicators(const ReportContext& context, const Period& year,
                                             int first_year);

}  // namespace solieu
