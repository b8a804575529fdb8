// core/synthetic: how generated (synthetic) values are told from reported ones: by the comment
// every generated value carries. Reports, exports and the UI label data as synthetic when any of
// it is. Depends on: the standard library only.
#pragma once

#include <string_view>

namespace solieu {

// Monthly shares of the seeds' province figures (demo/demo_builder).
inline constexpr const char* kSyntheticComment =
    "dữ liệu mô phỏng (synthetic): phân bổ từ số liệu tỉnh / share of the province figure";

// Generated weekly disease reports (demo/weekly_reports).
inline constexpr const char* kSyntheticWeeklyComment =
    "dữ liệu mô phỏng (synthetic): báo cáo tuần sinh ngẫu nhiên / generated weekly report";

// The synthetic national dataset (generate/, `solieu generate`).
inline constexpr const char* kSyntheticNationalComment =
    "dữ liệu mô phỏng (synthetic): bộ dữ liệu quốc gia / generated national dataset";

inline bool IsSyntheticComment(std::string_view comment) {
  return comment == kSyntheticComment || comment == kSyntheticWeeklyComment ||
         comment == kSyntheticNationalComment;
}

}  // namespace solieu
