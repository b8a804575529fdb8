#include "publish/key_indicators.h"

#include "core/csv_reader.h"
#include "core/error.h"
#include "plan/target.h"
#include "publish/report_cells.h"
#include "report/vn_number.h"

namespace solieu {

std::vector<KeyIndicator> BuildKeyIndicators(const ReportContext& context, const Period& year,
                                             int first_year) {
  if (year.type() != PeriodType::kYear || first_year > year.year()) {
    throw UserError("report.period_type", "chỉ tiêu chính cần một kỳ năm (ví dụ 2025)",
                    "the key indicators need a yearly period (e.g. 2025)", "year");
  }
  std::vector<Period> years;
  for (int y = first_year; y <= year.year(); ++y) years.push_back(Period::Year(y));
  CsvTable rows(context.DefinitionPath("indicators_year.csv"),
                {"stt", "indicator", "name_vi", "unit_vi", "decimals"},
                {"stt", "indicator", "name_vi", "unit_vi", "decimals", "note"});
  std::vector<KeyIndicator> out;
  while (rows.Next()) {
    KeyIndicator key;
    std::string code = rows.Get("indicator");
    key.indicator = context.analytics().FindIndicator(code);
    if (key.indicator == nullptr) {
      throw UserError("report.unknown_indicator", "không có chỉ số '" + code + "'",
                      "no indicator '" + code + "'", rows.Where("indicator"));
    }
    key.name_vi = rows.Get("name_vi");
    key.unit_vi = rows.Get("unit_vi");
    key.decimals = DecimalsCell(rows, "decimals");
    // Earlier years on their own structure, as the multi-year annexes print them: a share of
    // communes in 2024 is over the 129 communes of 2024, not the 45 of today. The year itself as
    // the yearly table prints it.
    std::vector<std::optional<double>> values = context.Values(code, years, Structure::kAsItWas);
    values.back() = context.Value(code, year);
    for (size_t i = 0; i < years.size(); ++i) key.trend.emplace_back(years[i], values[i]);
    key.value = values.back();
    if (values.size() >= 2) key.last_year = values[values.size() - 2];
    key.target = context.Target(code, year);
    if (key.value && key.target) {
      key.status =
          plan::EvaluateStatus(report::RoundAsPrinted(*key.value, key.decimals),
                               plan::Target::ParseMachine(*key.target), key.indicator->direction);
    }
    out.push_back(std::move(key));
  }
  return out;
}

}  // namespace solieu
