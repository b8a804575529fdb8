#include "publish/report_cells.h"

#include <charconv>

#include "core/error.h"
#include "report/vn_number.h"

namespace solieu {

report::ReportCell NumberCell(const std::optional<double>& value, int decimals) {
  if (!value) return {.text = "-", .align = report::Align::kCenter};
  double printed = report::RoundAsPrinted(*value, decimals);
  return {.text = report::FormatViTrailing(printed, decimals),
          .value = printed,
          .align = report::Align::kCenter};
}

report::ReportCell TargetCell(const std::optional<std::string>& stored_target) {
  if (!stored_target) return {.text = "", .align = report::Align::kCenter};
  return {.text = TargetDisplayVi(*stored_target), .align = report::Align::kCenter};
}

int DecimalsCell(const CsvTable& rows, std::string_view column) {
  std::string text = rows.Get(column);
  int decimals = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), decimals);
  if (ec != std::errc() || end != text.data() + text.size() || decimals < 0 || decimals > 6) {
    throw UserError("report.bad_definition", "số chữ số thập phân phải từ 0 đến 6",
                    "decimals must be 0 to 6", rows.Where(column));
  }
  return decimals;
}

std::optional<double> ValueOrThrow(const ReportContext& context, const CsvTable& rows,
                                   const std::string& code, const Period& period) {
  try {
    return context.Value(code, period);
  } catch (const UserError& e) {
    throw UserError(e.code(), e.message_vi(), e.message_en(), rows.Where("indicator"));
  }
}

void AddStandardFootnotes(const ReportContext& context, report::ReportDocument* document,
                          bool estimate) {
  if (estimate) {
    document->footnotes.push_back(
        "Số liệu năm báo cáo là ước thực hiện (estimate), tổng hợp từ số liệu đã nhập.");
  }
  if (context.HasSyntheticData()) {
    document->footnotes.push_back(
        "Số liệu tổng hợp (synthetic) — kho dữ liệu mẫu: số liệu tỉnh lấy từ báo cáo của Sở Y tế, "
        "số liệu xã và tháng là dữ liệu mô phỏng.");
  }
}

}  // namespace solieu
