#include "publish/report_context.h"

#include <filesystem>

#include "core/error.h"
#include "plan/target.h"
#include "report/vn_number.h"

namespace solieu {

ReportContext::ReportContext(const Analytics& analytics, std::vector<TargetRecord> targets,
                             std::string config_dir, const OrgUnit& org_unit, Date structure_date)
    : analytics_(analytics),
      config_dir_(std::move(config_dir)),
      org_unit_(org_unit),
      structure_date_(structure_date) {
  for (TargetRecord& t : targets) {
    const Indicator* indicator = analytics_.FindIndicator(t.indicator_uid);
    if (indicator == nullptr) continue;
    targets_[{indicator->code, t.period, t.org_unit_uid}] = std::move(t.target);
  }
}

std::string ReportContext::DefinitionPath(const std::string& name) const {
  return (std::filesystem::path(config_dir_) / "reports" / name).string();
}

std::optional<double> ReportContext::Value(const std::string& code, const Period& period) const {
  return Values(code, {period}).front();
}

std::vector<std::optional<double>> ReportContext::Values(const std::string& code,
                                                         const std::vector<Period>& periods,
                                                         Structure structure) const {
  if (Hides(code)) return std::vector<std::optional<double>>(periods.size());
  AnalyticsQuery query;
  query.dx = {code};
  query.periods = periods;
  query.org_units = {org_unit_.uid};
  query.structure = structure;
  query.structure_date = structure_date_;
  AnalyticsResult result = analytics_.Query(query);
  std::vector<std::optional<double>> out;
  for (size_t p = 0; p < periods.size(); ++p) out.push_back(result.At(0, p, 0));
  return out;
}

bool ReportContext::Hides(const std::string& code) const {
  if (!hidden_.contains(code)) return false;
  hid_any_ = true;
  return true;
}

std::optional<std::string> ReportContext::Target(const std::string& indicator_code,
                                                 const Period& period) const {
  auto it = targets_.find({indicator_code, period.Id(), org_unit_.uid});
  if (it == targets_.end()) return std::nullopt;
  return it->second;
}

std::string TargetDisplayVi(const std::string& stored_text) {
  plan::Target target = plan::Target::ParseMachine(stored_text);
  auto number = [&](double v) { return report::FormatViTrailing(v, target.decimals()); };
  switch (target.kind()) {
    case plan::TargetKind::kExact:
      return number(target.low());
    case plan::TargetKind::kAtLeast:
      return "≥" + number(target.low());
    case plan::TargetKind::kGreater:
      return ">" + number(target.low());
    case plan::TargetKind::kAtMost:
      return "≤" + number(target.low());
    case plan::TargetKind::kLess:
      return "<" + number(target.low());
    case plan::TargetKind::kRange:
      return number(target.low()) + "-" + number(target.high());
  }
  return stored_text;
}

}  // namespace solieu
