#include "reporting/completeness.h"

#include <map>
#include <set>
#include <utility>

#include "core/error.h"

namespace solieu::reporting {

std::optional<double> Completeness::Rate() const {
  if (expected == 0) return std::nullopt;
  return 100.0 * static_cast<double>(received) / static_cast<double>(expected);
}

std::optional<double> Completeness::RateOnTime() const {
  if (expected == 0) return std::nullopt;
  return 100.0 * static_cast<double>(on_time) / static_cast<double>(expected);
}

std::vector<Period> DataSetPeriodsWithin(const DataSet& data_set, const Period& period) {
  auto type = FixedPeriodTypeNamed(data_set.period_type);
  if (!type) {
    throw UserError("reporting.unknown_period_type",
                    "bộ dữ liệu " + data_set.code + " có loại kỳ '" + data_set.period_type +
                        "' chưa được hỗ trợ",
                    "data set " + data_set.code + " has an unsupported period type '" +
                        data_set.period_type + "'",
                    "dataSet");
  }
  std::vector<Period> out;
  for (const Period& p : Period::Covering(*type, period.start(), period.end())) {
    if (period.Contains(p)) out.push_back(p);
  }
  if (out.empty()) {
    throw UserError("reporting.period_too_short",
                    "kỳ " + period.Id() + " ngắn hơn kỳ báo cáo của bộ dữ liệu " + data_set.code +
                        " (" + data_set.period_type + ")",
                    "period " + period.Id() + " is shorter than data set " + data_set.code +
                        "'s reporting period (" + data_set.period_type + ")",
                    "period");
  }
  return out;
}

Completeness ComputeCompleteness(const OrgHierarchy& hierarchy, const DataSet& data_set,
                                 const std::vector<CompletionRecord>& completions,
                                 const OrgUnit& unit, const Period& period) {
  std::map<std::pair<std::string, std::string>, Date> completed_on;
  for (const CompletionRecord& c : completions) {
    if (c.key.data_set_uid == data_set.uid) {
      completed_on[{c.key.org_unit_uid, c.key.period}] = c.completed_on;
    }
  }
  Completeness out;
  for (const Period& p : DataSetPeriodsWithin(data_set, period)) {
    const Date day = p.end();
    std::set<std::string> subtree;
    if (unit.validity.Contains(day)) {
      subtree.insert(unit.uid);
      for (const OrgUnit* u : hierarchy.DescendantsOf(unit, day)) subtree.insert(u->uid);
    }
    const Date deadline = day.AddDays(data_set.expiry_days);
    for (const std::string& assigned : data_set.org_unit_uids) {
      const OrgUnit* u = hierarchy.FindByUid(assigned);
      if (u == nullptr || !u->validity.Contains(day) || !subtree.count(assigned)) continue;
      ++out.expected;
      auto found = completed_on.find({assigned, p.Id()});
      if (found == completed_on.end()) {
        out.missing.push_back({assigned, p});
        continue;
      }
      ++out.received;
      if (data_set.expiry_days == 0 || found->second <= deadline) ++out.on_time;
    }
  }
  return out;
}

}  // namespace solieu::reporting
