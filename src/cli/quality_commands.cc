// solieu validate | outliers: data quality over stored values: the configuration's DHIS2
// validation rules for an org subtree and periods, and suspicious values of data elements
// (z-score, modified z-score, min-max). Findings are listed and exit 0; exit 1 is a user error.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "engine/analytics.h"
#include "quality/outliers.h"
#include "quality/validation.h"

namespace solieu::cli {
namespace {

// Machine form: integers without decimals, others with up to 6, trailing zeros dropped.
std::string Number(std::optional<double> value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(6);
  out << std::fixed << *value;
  std::string text = out.str();
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

Period ParsePeriodOption(const std::string& text, const char* option) {
  auto period = Period::Parse(text);
  if (!period) {
    throw UserError("cli.invalid_period", "kỳ '" + text + "' không hợp lệ",
                    "invalid period '" + text + "'", option);
  }
  return *period;
}

const OrgUnit& ResolveUnit(const OrgHierarchy& hierarchy, const std::string& code, Date day) {
  const OrgUnit* unit = hierarchy.FindByCode(code, day);
  if (unit == nullptr) unit = hierarchy.FindLatestByCode(code);
  if (unit == nullptr) {
    throw UserError("cli.unknown_org_unit", "không có đơn vị mã '" + code + "'",
                    "no org unit with code '" + code + "'", "--org");
  }
  return *unit;
}

// Prints "[i/n] ..." on stderr for runs long enough to need it.
void Progress(const char* what, size_t done, size_t total) {
  if (total < 12) return;
  if (done == total || done % std::max<size_t>(1, total / 20) == 0) {
    std::cerr << "[" << done << "/" << total << "] " << what << "\n";
  }
}

struct ValidateOptions {
  std::string org;
  std::vector<std::string> periods;
  std::string from, to;
  std::vector<std::string> rules;
  Format format = Format::kTable;
};

void RunValidate(const ValidateOptions& o) {
  if (o.periods.empty() && (o.from.empty() || o.to.empty())) {
    throw UserError("cli.missing_period", "cần --period hoặc cả --from và --to",
                    "give --period, or both --from and --to", "--period");
  }
  if (!o.periods.empty() && (!o.from.empty() || !o.to.empty())) {
    throw UserError("cli.conflicting_options", "--period không dùng cùng --from/--to",
                    "--period cannot be combined with --from/--to", "--period");
  }
  std::vector<Period> explicit_periods;
  for (const std::string& p : o.periods)
    explicit_periods.push_back(ParsePeriodOption(p, "--period"));
  std::optional<Period> from, to;
  if (!o.from.empty()) {
    from = ParsePeriodOption(o.from, "--from");
    to = ParsePeriodOption(o.to, "--to");
    if (to->end() < from->start()) {
      throw UserError("cli.empty_range", "kỳ cuối (--to) trước kỳ đầu (--from)",
                      "the last period (--to) is before the first (--from)", "--to");
    }
  }

  auto store = OpenStore();
  std::unique_ptr<Analytics> analytics = LoadAnalytics(*store);
  const MetadataSnapshot& m = analytics->metadata();
  std::vector<ValidationRule> rules;
  for (const std::string& code : o.rules) {
    auto it =
        std::find_if(m.validation_rules.begin(), m.validation_rules.end(),
                     [&](const ValidationRule& r) { return r.code == code || r.uid == code; });
    if (it == m.validation_rules.end()) {
      throw UserError("cli.unknown_rule", "không có quy tắc kiểm tra mã '" + code + "'",
                      "no validation rule with code '" + code + "'", "--rule");
    }
    rules.push_back(*it);
  }
  if (o.rules.empty()) rules = m.validation_rules;

  std::vector<Period> periods = explicit_periods;
  if (from) {
    std::set<std::string> types;
    for (const ValidationRule& r : rules) types.insert(r.period_type);
    for (PeriodType type : {PeriodType::kDay, PeriodType::kWeek, PeriodType::kMonth,
                            PeriodType::kQuarter, PeriodType::kSixMonth, PeriodType::kYear}) {
      if (!types.count(std::string(PeriodTypeName(type)))) continue;
      for (const Period& p : Period::Covering(type, from->start(), to->end())) {
        if (from->start() <= p.start() && p.end() <= to->end()) periods.push_back(p);
      }
    }
  }
  Date last = periods.empty() ? to->end() : periods.front().end();
  for (const Period& p : periods) last = std::max(last, p.end());
  const OrgUnit& root = ResolveUnit(analytics->hierarchy(), o.org, last);

  std::vector<quality::Violation> violations = quality::RunValidation(
      *analytics, rules, root, periods,
      [](size_t done, size_t total) { Progress("kỳ đã kiểm tra / periods checked", done, total); });
  Listing listing{{"rule", "rule_name", "importance", "period", "org_unit", "org_unit_name", "left",
                   "operator", "right"},
                  {}};
  for (const quality::Violation& v : violations) {
    listing.rows.push_back({v.rule->code, v.rule->name_vi,
                            std::string(ValidationImportanceName(v.importance)), v.period.Id(),
                            v.org_unit->code, v.org_unit->name_vi, Number(v.left),
                            std::string(ValidationOperatorName(v.rule->op)), Number(v.right)});
  }
  Print(listing, o.format, std::cout);
  std::cerr << violations.size() << " vi phạm / violations (" << rules.size()
            << " quy tắc / rules, " << periods.size() << " kỳ / periods)\n";
}

struct OutlierOptions {
  std::vector<std::string> elements;
  std::string data_set;
  std::string org;
  std::string from, to;
  std::string method = "z";
  std::optional<double> threshold;
  Format format = Format::kTable;
};

void RunOutliers(const OutlierOptions& o) {
  quality::OutlierMethod method;
  if (!quality::ParseOutlierMethod(o.method, &method)) {
    throw UserError("cli.invalid_method",
                    "phương pháp '" + o.method + "' phải là z, modified-z hoặc min-max",
                    "method '" + o.method + "' must be z, modified-z or min-max", "--method");
  }
  const double threshold = o.threshold.value_or(quality::DefaultThreshold(method));
  if (!(threshold > 0) || !std::isfinite(threshold)) {
    throw UserError("cli.invalid_threshold", "ngưỡng phải là số dương",
                    "the threshold must be a positive number", "--threshold");
  }
  if (o.elements.empty() && o.data_set.empty()) {
    throw UserError("cli.missing_data_element", "cần --de hoặc --data-set",
                    "give --de or --data-set", "--de");
  }
  Period from = ParsePeriodOption(o.from, "--from");
  Period to = ParsePeriodOption(o.to, "--to");
  if (to.end() < from.start()) {
    throw UserError("cli.empty_range", "kỳ cuối (--to) trước kỳ đầu (--from)",
                    "the last period (--to) is before the first (--from)", "--to");
  }
  auto store = OpenStore();
  std::unique_ptr<Analytics> analytics = LoadAnalytics(*store);
  const MetadataSnapshot& m = analytics->metadata();
  std::vector<std::string> uids;
  for (const std::string& code : o.elements) uids.push_back(FindDataElement(m, code).uid);
  if (!o.data_set.empty()) {
    auto it = std::find_if(m.data_sets.begin(), m.data_sets.end(), [&](const DataSet& d) {
      return d.code == o.data_set || d.uid == o.data_set;
    });
    if (it == m.data_sets.end()) {
      throw UserError("cli.unknown_data_set", "không có bộ dữ liệu mã '" + o.data_set + "'",
                      "no data set with code '" + o.data_set + "'", "--data-set");
    }
    uids.insert(uids.end(), it->data_element_uids.begin(), it->data_element_uids.end());
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  const OrgHierarchy& hierarchy = analytics->hierarchy();
  const OrgUnit* root = nullptr;
  if (!o.org.empty()) {
    root = &ResolveUnit(hierarchy, o.org, to.end());
  } else {
    for (const OrgUnit& u : hierarchy.units()) {
      if (u.level == OrgLevel::kProvince &&
          (root == nullptr || root->validity.from < u.validity.from)) {
        root = &u;
      }
    }
    if (root == nullptr) {
      throw UserError("cli.missing_org_unit", "kho không có đơn vị cấp tỉnh; hãy cho --org",
                      "the store has no province; give --org", "--org");
    }
  }
  std::vector<quality::Outlier> outliers =
      quality::DetectOutliers(*analytics, uids, *root, from.start(), to.end(), method, threshold);
  Listing listing{{"data_element", "category_option_combo", "period", "org_unit", "org_unit_name",
                   "value", "centre", "score", "lower", "upper", "method"},
                  {}};
  for (const quality::Outlier& x : outliers) {
    listing.rows.push_back({x.element->code, x.option_combo ? x.option_combo->code : "",
                            x.period.Id(), x.org_unit->code, x.org_unit->name_vi,
                            Number(x.stats.value), Number(x.stats.centre), Number(x.stats.score),
                            Number(x.stats.lower), Number(x.stats.upper),
                            std::string(quality::OutlierMethodName(method))});
  }
  Print(listing, o.format, std::cout);
  std::cerr << outliers.size() << " giá trị bất thường / outliers\n";
}

}  // namespace

void AddQualityCommands(CLI::App& app) {
  {
    auto o = std::make_shared<ValidateOptions>();
    auto* command = app.add_subcommand(
        "validate", "Kiểm tra quy tắc / run the validation rules for an org subtree and periods");
    command->add_option("--org", o->org, "Org unit code: it and every unit below it")->required();
    command->add_option("--period", o->periods, "A period (2025W14, 202503, 2025; repeatable)");
    command->add_option("--from", o->from, "First period of a range (each rule's own periods)");
    command->add_option("--to", o->to, "Last period of the range");
    command->add_option("--rule", o->rules, "Only this rule (code; repeatable)");
    AddFormatOption(command, &o->format);
    command->callback([o] { RunValidate(*o); });
  }
  {
    auto o = std::make_shared<OutlierOptions>();
    auto* command = app.add_subcommand(
        "outliers", "Giá trị bất thường / outliers among stored values of data elements");
    command->add_option("--de", o->elements, "Data element code (repeatable)");
    command->add_option("--data-set", o->data_set, "Every data element of this data set");
    command->add_option("--org", o->org, "Org unit code (default: the province)");
    command->add_option("--from", o->from, "First period (e.g. 202401)")->required();
    command->add_option("--to", o->to, "Last period (e.g. 202512)")->required();
    command->add_option("--method", o->method, "z (default), modified-z or min-max");
    command->add_option("--threshold", o->threshold,
                        "z: 3, modified-z: 3.5, min-max: the sd factor, 2 (defaults)");
    AddFormatOption(command, &o->format);
    command->callback([o] { RunOutliers(*o); });
  }
}

}  // namespace solieu::cli
