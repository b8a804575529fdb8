// publish/annex_01: Phụ lục 01: five years of results against the five-year targets (rows of
// config/<province>/reports/annex_01.csv).
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildAnnex01(const ReportContext& context, const Period& period);

}  // namespace solieu
