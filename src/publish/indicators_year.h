// publish/indicators_year: the yearly indicator table (the seeds' table 1.1 "Thực hiện các chỉ
// tiêu được giao"): STT, Chỉ tiêu, Đơn vị tính, KH năm, (Ước) TH năm, one row per line of
// config/<province>/reports/indicators_year.csv (stt, indicator, name_vi, unit_vi, decimals).
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

// `year` is a yearly period. `estimate` prints the value column as "Ước TH" (the year's figures
// are not final) rather than "TH". `with_status` adds a column "Đánh giá": đạt / không đạt /
// vượt, from the printed value, the target and the indicator's direction.
report::ReportDocument BuildIndicatorsYear(const ReportContext& context, const Period& year,
                                           bool estimate, bool with_status = false);

}  // namespace solieu
