// publish/annex_02: Phụ lục 02: the five-year plan and its yearly steps (rows of
// config/<province>/reports/annex_02.csv).
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildAnnex02(const ReportContext& context, const Period& period);

}  // namespace solieu
