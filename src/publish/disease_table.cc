#include "publish/disease_table.h"

#include "core/error.h"

namespace solieu {

report::ReportDocument BuildDiseaseTable(const ReportContext&, const Period&) {
  throw UserError("report.not_built", "báo cáo này chưa được xây dựng",
                  "this report is not built yet");
}

}  // namespace solieu
