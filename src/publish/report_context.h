// publish/report_context: what every department report is built from: the analytics engine over
// the stored values, the stored targets, the province's report definitions (config/<province>/
// reports/*.csv: which indicator on which row, printed how), and the org unit and view asked for.
// Depends on: core, engine, plan, report.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/period.h"
#include "engine/analytics.h"

namespace solieu {

class ReportContext {
 public:
  ReportContext(const Analytics& analytics, std::vector<TargetRecord> targets,
                std::string config_dir, const OrgUnit& org_unit, Date structure_date);

  const Analytics& analytics() const { return analytics_; }
  const OrgUnit& org_unit() const { return org_unit_; }
  // The report definition file config/<province>/reports/<name>.
  std::string DefinitionPath(const std::string& name) const;

  // The indicator or data element's value for a period at the report's org unit, on the
  // structure of the report's date. Throws UserError for an unknown code.
  std::optional<double> Value(const std::string& code, const Period& period) const;
  // The same for several periods at once (one engine query). A multi-year annex asks for each
  // year on its own structure (kAsItWas): a share of communes in 2022 is over the 129 of 2022.
  std::vector<std::optional<double>> Values(const std::string& code,
                                            const std::vector<Period>& periods,
                                            Structure structure = Structure::kOnDate) const;
  // The stored target text for an indicator, period and the report's org unit, if any.
  std::optional<std::string> Target(const std::string& indicator_code, const Period& period) const;
  // Whether any value behind this report is synthetic demo data (so the report says so).
  bool HasSyntheticData() const { return has_synthetic_; }
  void MarkSynthetic(bool value) { has_synthetic_ = value; }
  // Codes and uids whose values the report leaves blank (figures restricted to a user group the
  // reader is not in), and whether any row asked for one (so the report can say so).
  void Hide(std::set<std::string, std::less<>> codes) { hidden_ = std::move(codes); }
  bool HidAny() const { return hid_any_; }
  // Whether `code`'s values are hidden (and then notes that a row asked for one).
  bool Hides(const std::string& code) const;

 private:
  const Analytics& analytics_;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> targets_;
  std::string config_dir_;
  const OrgUnit& org_unit_;
  Date structure_date_;
  bool has_synthetic_ = false;
  std::set<std::string, std::less<>> hidden_;
  mutable bool hid_any_ = false;
};

// A target as the reports print it: "≥95", "<15", "0,4-0,5", "667.258".
std::string TargetDisplayVi(const std::string& stored_text);

}  // namespace solieu
