#include "store/surveillance_records.h"

namespace solieu {

std::string_view AlertStatusName(AlertStatus status) {
  switch (status) {
    case AlertStatus::kOpen:
      return "open";
    case AlertStatus::kMonitoring:
      return "monitoring";
    case AlertStatus::kDiscarded:
      return "discarded";
    case AlertStatus::kOutbreak:
      return "outbreak";
  }
  return "open";
}

std::optional<AlertStatus> ParseAlertStatus(std::string_view name) {
  for (AlertStatus status : {AlertStatus::kOpen, AlertStatus::kMonitoring, AlertStatus::kDiscarded,
                             AlertStatus::kOutbreak}) {
    if (AlertStatusName(status) == name) return status;
  }
  return std::nullopt;
}

}  // namespace solieu
