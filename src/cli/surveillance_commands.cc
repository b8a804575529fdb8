// solieu surveillance run|alerts|outbreaks: the weekly outbreak run over the stored weekly
// reports (for one week, a range of weeks to catch up, or by default the last complete week),
// and the alerts and outbreak records it leads to.
#include <iostream>
#include <map>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "engine/analytics.h"
#include "outbreaks/weekly_run.h"

namespace solieu::cli {
namespace {

Period ParseWeekOption(const std::string& text, const char* option) {
  auto week = Period::Parse(text);
  if (!week || week->type() != PeriodType::kWeek) {
    throw UserError("cli.not_a_week", "'" + text + "' không phải một tuần ISO (ví dụ 2025W14)",
                    "'" + text + "' is not an ISO week (e.g. 2025W14)", option);
  }
  return *week;
}

struct RunOptions {
  std::string week;
  std::string to;
  std::string user = "cli";
};

void Run(const RunOptions& o) {
  Period first = o.week.empty() ? Period::Containing(PeriodType::kWeek, TodayUtc()).Previous()
                                : ParseWeekOption(o.week, "--week");
  Period last = o.to.empty() ? first : ParseWeekOption(o.to, "--to");
  if (last.start() < first.start()) {
    throw UserError("cli.empty_range", "tuần cuối (--to) trước tuần đầu (--week)",
                    "the last week (--to) is before the first (--week)", "--to");
  }
  auto store = OpenStore();
  std::unique_ptr<Analytics> analytics = LoadAnalytics(*store);
  outbreaks::DetectionRules rules(analytics->metadata());
  int weeks = 0;
  for (Period week = first; week.start() <= last.start(); week = week.Next()) ++weeks;
  int done = 0;
  for (Period week = first; week.start() <= last.start(); week = week.Next()) {
    std::string started = UtcTimestampNow();
    outbreaks::WeekScan scan = outbreaks::ScanWeek(*analytics, rules, week);
    SurveillanceRun run = outbreaks::SaveScan(*store, scan, o.user, started);
    ++done;
    std::cerr << "[" << done << "/" << weeks << "] " << week.Id() << ": " << run.series_scored
              << " chuỗi đã chấm / series scored, " << run.series_skipped
              << " thiếu lịch sử / too short, " << run.signals << " tín hiệu / signals\n";
  }
}

}  // namespace

void AddSurveillanceCommands(CLI::App& app) {
  auto* group =
      app.add_subcommand("surveillance", "Giám sát dịch hằng tuần / weekly outbreak surveillance");
  group->require_subcommand(1);

  auto run_options = std::make_shared<RunOptions>();
  auto* run = group->add_subcommand(
      "run", "Chấm điểm các chuỗi tuần và lưu tín hiệu / score the weekly series, store signals");
  run->add_option("--week", run_options->week,
                  "ISO week, e.g. 2025W14 (default: the last complete week)");
  run->add_option("--to", run_options->to, "Last ISO week of a range to run week by week");
  run->add_option("--user", run_options->user, "Who runs it (recorded with the run)");
  run->callback([run_options] { Run(*run_options); });

  static Format alerts_format = Format::kTable;
  static std::string status;
  static std::string disease_code;
  auto* alerts = group->add_subcommand("alerts", "Danh sách cảnh báo / list alerts");
  alerts->add_option("--status", status, "open, monitoring, discarded or outbreak");
  alerts->add_option("--disease", disease_code, "Disease code, e.g. MEASLES");
  AddFormatOption(alerts, &alerts_format);
  alerts->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    AlertFilter filter;
    if (!status.empty()) {
      auto parsed = ParseAlertStatus(status);
      if (!parsed) {
        throw UserError("cli.bad_status",
                        "trạng thái '" + status +
                            "' không có (open, monitoring, discarded, "
                            "outbreak)",
                        "no status '" + status + "' (open, monitoring, discarded, outbreak)",
                        "--status");
      }
      filter.statuses.push_back(*parsed);
    }
    if (!disease_code.empty()) {
      const Disease* disease = outbreaks::FindDisease(m, disease_code);
      if (disease == nullptr) {
        throw UserError("cli.unknown_disease", "không có bệnh mã '" + disease_code + "'",
                        "no disease with code '" + disease_code + "'", "--disease");
      }
      filter.disease_uid = disease->uid;
    }
    std::map<std::string, const OrgUnit*> units;
    for (const OrgUnit& unit : m.org_units) units[unit.uid] = &unit;
    std::map<std::string, const Disease*> diseases;
    for (const Disease& disease : m.diseases) diseases[disease.uid] = &disease;
    Listing listing{{"id", "disease", "org_unit", "org_unit_name", "status", "first_week",
                     "last_week", "weeks", "max_observed", "verified_by"},
                    {}};
    for (const AlertRecord& a : store->Surveillance().ListAlerts(filter)) {
      const OrgUnit* unit = units[a.org_unit_uid];
      listing.rows.push_back({std::to_string(a.id), diseases[a.disease_uid]->code,
                              unit ? unit->code : a.org_unit_uid, unit ? unit->name_vi : "",
                              std::string(AlertStatusName(a.status)), a.first_period, a.last_period,
                              std::to_string(a.signal_count), std::to_string(a.max_observed),
                              a.verified_by});
    }
    Print(listing, alerts_format, std::cout);
  });

  static Format outbreaks_format = Format::kTable;
  auto* outbreaks_list =
      group->add_subcommand("outbreaks", "Danh sách ổ dịch / list outbreak records");
  AddFormatOption(outbreaks_list, &outbreaks_format);
  outbreaks_list->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    std::map<std::string, std::string> unit_code, disease_code_of;
    for (const OrgUnit& unit : m.org_units) unit_code[unit.uid] = unit.code;
    for (const Disease& disease : m.diseases) disease_code_of[disease.uid] = disease.code;
    Listing listing{{"id", "disease", "org_unit", "start_date", "end_date", "cases", "deaths",
                     "alert", "declared_by"},
                    {}};
    for (const OutbreakRecord& o : store->Surveillance().ListOutbreaks("", {})) {
      listing.rows.push_back({std::to_string(o.id), disease_code_of[o.disease_uid],
                              unit_code[o.org_unit_uid], o.start_date.ToString(),
                              o.end_date ? o.end_date->ToString() : "", std::to_string(o.cases),
                              std::to_string(o.deaths),
                              o.alert_id ? std::to_string(*o.alert_id) : "", o.declared_by});
    }
    Print(listing, outbreaks_format, std::cout);
  });
}

}  // namespace solieu::cli
