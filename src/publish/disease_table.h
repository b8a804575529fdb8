// publish/disease_table: the notifiable-disease table: cases and deaths in the period against the
// same period a year earlier, and the differences.
#pragma once

#include "core/period.h"
#include "publish/report_context.h"
#include "report/report_table.h"

namespace solieu {

report::ReportDocument BuildDiseaseTable(const ReportContext& context, const Period& period);

}  // namespace solieu
