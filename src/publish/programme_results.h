// publish/programme_results: programme result sentences with their plans: 'Tổng số lần khám bệnh
// 700 lượt, đạt 23,3% KH'.
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildProgrammeResults(const ReportContext& context, const Period& period);

}  // namespace solieu
