#include "publish/annex_01.h"

#include "core/error.h"

namespace solieu {

report::ReportDocument BuildAnnex01(const ReportContext&, const Period&) {
  throw UserError("report.not_built", "báo cáo này chưa được xây dựng",
                  "this report is not built yet");
}

}  // namespace solieu
