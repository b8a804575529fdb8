#include "outbreaks/verification.h"

#include "core/error.h"

namespace solieu::outbreaks {
namespace {

constexpr size_t kMaxActionsBytes = 20000;

std::string StatusVi(AlertStatus status) {
  switch (status) {
    case AlertStatus::kOpen:
      return "chưa xác minh";
    case AlertStatus::kMonitoring:
      return "đang theo dõi";
    case AlertStatus::kDiscarded:
      return "đã loại bỏ";
    case AlertStatus::kOutbreak:
      return "đã công bố ổ dịch";
  }
  return "";
}

}  // namespace

std::optional<Decision> ParseDecision(std::string_view text) {
  if (text == "discard") return Decision::kDiscard;
  if (text == "monitor") return Decision::kMonitor;
  if (text == "outbreak") return Decision::kOutbreak;
  return std::nullopt;
}

AlertStatus StatusAfter(Decision decision) {
  switch (decision) {
    case Decision::kDiscard:
      return AlertStatus::kDiscarded;
    case Decision::kMonitor:
      return AlertStatus::kMonitoring;
    case Decision::kOutbreak:
      return AlertStatus::kOutbreak;
  }
  return AlertStatus::kOpen;
}

void CheckDecisionAllowed(const AlertRecord& alert, Decision /*decision*/) {
  if (alert.status == AlertStatus::kOpen || alert.status == AlertStatus::kMonitoring) return;
  throw UserError("surveillance.alert_closed",
                  "cảnh báo số " + std::to_string(alert.id) + " " + StatusVi(alert.status) +
                      " (bởi " + alert.verified_by + " lúc " + alert.verified_at +
                      "); không xác minh lại được",
                  "alert " + std::to_string(alert.id) + " is already " +
                      std::string(AlertStatusName(alert.status)) + " (by " + alert.verified_by +
                      " at " + alert.verified_at + "); it cannot be verified again",
                  "decision");
}

void ValidateOutbreak(const OutbreakRecord& outbreak, Date today) {
  if (outbreak.cases < 0) {
    throw UserError("surveillance.invalid_outbreak", "số ca mắc không được âm",
                    "the number of cases cannot be negative", "cases");
  }
  if (outbreak.deaths < 0) {
    throw UserError("surveillance.invalid_outbreak", "số ca tử vong không được âm",
                    "the number of deaths cannot be negative", "deaths");
  }
  if (outbreak.deaths > outbreak.cases) {
    throw UserError("surveillance.invalid_outbreak",
                    "số tử vong (" + std::to_string(outbreak.deaths) + ") lớn hơn số mắc (" +
                        std::to_string(outbreak.cases) + ")",
                    "deaths (" + std::to_string(outbreak.deaths) + ") exceed cases (" +
                        std::to_string(outbreak.cases) + ")",
                    "deaths");
  }
  if (today < outbreak.start_date) {
    throw UserError("surveillance.invalid_outbreak",
                    "ngày bắt đầu " + outbreak.start_date.ToString() + " ở tương lai",
                    "the start date " + outbreak.start_date.ToString() + " is in the future",
                    "startDate");
  }
  if (outbreak.end_date && today < *outbreak.end_date) {
    throw UserError("surveillance.invalid_outbreak",
                    "ngày kết thúc " + outbreak.end_date->ToString() +
                        " ở tương lai; chỉ ghi khi ổ dịch đã kết thúc",
                    "the end date " + outbreak.end_date->ToString() +
                        " is in the future; record it once the outbreak is over",
                    "endDate");
  }
  if (outbreak.end_date && *outbreak.end_date < outbreak.start_date) {
    throw UserError("surveillance.invalid_outbreak",
                    "ngày kết thúc " + outbreak.end_date->ToString() + " trước ngày bắt đầu " +
                        outbreak.start_date.ToString(),
                    "the end date " + outbreak.end_date->ToString() + " is before the start date " +
                        outbreak.start_date.ToString(),
                    "endDate");
  }
  if (outbreak.actions.size() > kMaxActionsBytes) {
    throw UserError("surveillance.invalid_outbreak",
                    "phần biện pháp dài quá " + std::to_string(kMaxActionsBytes) + " byte",
                    "the actions are longer than " + std::to_string(kMaxActionsBytes) + " bytes",
                    "actions");
  }
}

OutbreakRecord ApplyInput(OutbreakRecord outbreak, const OutbreakInput& input) {
  if (input.start_date) outbreak.start_date = *input.start_date;
  if (input.end_date) outbreak.end_date = *input.end_date;
  if (input.cases) outbreak.cases = *input.cases;
  if (input.deaths) outbreak.deaths = *input.deaths;
  if (input.actions) outbreak.actions = *input.actions;
  return outbreak;
}

OutbreakRecord OutbreakForAlert(const AlertRecord& alert, Date first_week_start,
                                std::int64_t observed_cases, std::int64_t observed_deaths,
                                const OutbreakInput& input) {
  OutbreakRecord outbreak;
  outbreak.disease_uid = alert.disease_uid;
  outbreak.org_unit_uid = alert.org_unit_uid;
  outbreak.alert_id = alert.id;
  outbreak.start_date = first_week_start;
  outbreak.cases = observed_cases;
  outbreak.deaths = observed_deaths;
  return ApplyInput(std::move(outbreak), input);
}

}  // namespace solieu::outbreaks
