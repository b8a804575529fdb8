// publish/annex_02: Phụ lục 02: the five-year plan and its yearly steps (rows of
// config/<province>/reports/annex_02.csv).
//
// The period is the plan's period, "2026-01-01/P5Y" (any multi-year period; see annex_01.h for
// why a single year is refused). Layout, as the 2025 report prints it: STT | Chỉ tiêu | Đơn vị tính
// | Ước thực hiện <previous period> | Mục tiêu giai đoạn <period> (the target stored under the
// period) | KẾ HOẠCH TỪNG NĂM over KH <year> ... (the targets stored under each year).
//
// "Ước thực hiện 2021-2025" is the indicator's figure in the last year of the previous period
// (2025, which holds the estimated outturn), on that year's structure: every row of the printed
// annex is an end-of-period figure (population, rates, communes), none a five-year total.
//
// The definition file: kind, stt, indicator, name_vi, unit_vi, decimals, note_vi; kind and a
// name-only row as in annex_01.h; decimals (one number) for the "Ước thực hiện" figure; targets
// print as written. note_vi ("TW dự kiến không giao") is printed in one cell merged over the
// trailing years that have no plan, as the report prints it; if every year has a plan, the note
// becomes a footnote.
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildAnnex02(const ReportContext& context, const Period& period);

}  // namespace solieu
