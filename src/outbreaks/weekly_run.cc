#include "outbreaks/weekly_run.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "core/error.h"
#include "outbreaks/alert_linking.h"

namespace solieu::outbreaks {
namespace {

void RequireWeek(const Period& week, const char* where) {
  if (week.type() != PeriodType::kWeek) {
    throw UserError("surveillance.not_a_week",
                    "kỳ '" + week.Id() + "' không phải một tuần ISO (ví dụ 2025W14)",
                    "period '" + week.Id() + "' is not an ISO week (e.g. 2025W14)", where);
  }
}

const DataElement* ElementOf(const MetadataSnapshot& metadata, const Disease& disease) {
  for (const DataElement& element : metadata.data_elements) {
    if (element.uid == disease.data_element_uid) return &element;
  }
  return nullptr;
}

std::string DxOf(const MetadataSnapshot& metadata, const Disease& disease, const char* option) {
  const DataElement* element = ElementOf(metadata, disease);
  if (element == nullptr) {
    throw UserError("surveillance.no_element",
                    "bệnh '" + disease.code + "' không có phần tử dữ liệu",
                    "disease '" + disease.code + "' has no data element", "disease");
  }
  return element->code + "." + option;
}

std::vector<Period> WeeksUpTo(const Period& last, int weeks) {
  std::vector<Period> out;
  out.reserve(static_cast<size_t>(weeks));
  for (int i = weeks - 1; i >= 0; --i) out.push_back(last.Shifted(-i));
  return out;
}

// A count from an aggregated cell: split shares can make it fractional; nothing reported is 0.
std::int64_t CountOf(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value) || *value <= 0) return 0;
  return std::llround(*value);
}

}  // namespace

const Disease* FindDisease(const MetadataSnapshot& metadata, const std::string& uid_or_code) {
  for (const Disease& disease : metadata.diseases) {
    if (disease.uid == uid_or_code || disease.code == uid_or_code) return &disease;
  }
  return nullptr;
}

WeekScan ScanWeek(const Analytics& analytics, const DetectionRules& rules, const Period& week) {
  RequireWeek(week, "week");
  WeekScan scan;
  scan.week = week;
  const MetadataSnapshot& metadata = analytics.metadata();
  if (metadata.diseases.empty()) return scan;
  const Date day = week.end();
  std::vector<const OrgUnit*> units;
  for (const OrgUnit* unit : analytics.hierarchy().TreeAsOf(day)) {
    if (unit->level != OrgLevel::kFacility) units.push_back(unit);
  }
  AnalyticsQuery query;
  for (const Disease& disease : metadata.diseases) {
    query.dx.push_back(DxOf(metadata, disease, kCasesOption));
  }
  const int history = rules.WeeksOfHistoryNeeded();
  query.periods = WeeksUpTo(week, history);
  for (const OrgUnit* unit : units) query.org_units.push_back(unit->uid);
  query.structure = Structure::kOnDate;
  query.structure_date = day;
  AnalyticsResult grid = analytics.Query(query);

  std::vector<std::int64_t> counts(static_cast<size_t>(history));
  for (size_t d = 0; d < metadata.diseases.size(); ++d) {
    const Disease& disease = metadata.diseases[d];
    for (size_t u = 0; u < units.size(); ++u) {
      const ScoringRule* rule = rules.For(disease, units[u]->level);
      if (rule == nullptr) continue;
      for (size_t p = 0; p < counts.size(); ++p) counts[p] = CountOf(grid.At(d, p, u));
      std::optional<WeekScore> score = ScoreLastWeek(counts, rule->options);
      if (!score) {
        ++scan.series_skipped;
        continue;
      }
      ++scan.series_scored;
      if (score->alarm.value_or(false)) {
        SignalRecord signal;
        signal.disease_uid = disease.uid;
        signal.org_unit_uid = units[u]->uid;
        signal.period = week.Id();
        signal.period_start = week.start();
        signal.observed = score->observed;
        signal.expected = score->expected;
        signal.upper_bound = score->upper_bound;
        signal.algorithm = rule->method;
        signal.parameters = rule->parameters;
        scan.signals.push_back(std::move(signal));
      }
    }
  }
  return scan;
}

SurveillanceRun SaveScan(Store& store, const WeekScan& scan, const std::string& run_by,
                         const std::string& started_at) {
  SurveillanceRecords& records = store.Surveillance();
  std::vector<AlertRecord> alerts = records.ListAlerts(
      {{AlertStatus::kOpen, AlertStatus::kMonitoring, AlertStatus::kOutbreak}, "", {}});
  SurveillanceRun run;
  run.period = scan.week.Id();
  run.started_at = started_at;
  run.finished_at = UtcTimestampNow();
  run.run_by = run_by;
  run.series_scored = scan.series_scored;
  run.series_skipped = scan.series_skipped;
  return records.SaveRun(run, PlaceSignals(scan.signals, alerts));
}

std::vector<std::int64_t> WeeklyCounts(const Analytics& analytics, const Disease& disease,
                                       const std::string& org_unit_uid, const Period& last,
                                       int weeks, const char* option) {
  RequireWeek(last, "to");
  AnalyticsQuery query;
  query.dx.push_back(DxOf(analytics.metadata(), disease, option));
  query.periods = WeeksUpTo(last, weeks);
  query.org_units.push_back(org_unit_uid);
  query.structure = Structure::kOnDate;
  query.structure_date = last.end();
  AnalyticsResult grid = analytics.Query(query);
  std::vector<std::int64_t> counts(static_cast<size_t>(weeks));
  for (size_t p = 0; p < counts.size(); ++p) counts[p] = CountOf(grid.At(0, p, 0));
  return counts;
}

SeriesChart ChartSeries(const Analytics& analytics, const DetectionRules& rules,
                        const Disease& disease, const OrgUnit& unit, const Period& from,
                        const Period& to) {
  RequireWeek(from, "from");
  RequireWeek(to, "to");
  SeriesChart chart;
  for (Period week = from; week.start() <= to.start(); week = week.Next()) {
    chart.weeks.push_back(week);
    if (chart.weeks.size() > 520) {
      throw UserError("surveillance.range_too_long", "khoảng tuần dài quá 520 tuần (10 năm)",
                      "the range of weeks is longer than 520 weeks (10 years)", "from");
    }
  }
  if (chart.weeks.empty()) {
    throw UserError("surveillance.empty_range", "tuần bắt đầu sau tuần kết thúc",
                    "the first week is after the last", "from");
  }
  const int shown = static_cast<int>(chart.weeks.size());
  chart.rule = rules.For(disease, unit.level);
  const int history = chart.rule ? FirstScorableWeek(chart.rule->options) - 1 : 0;
  std::vector<std::int64_t> counts =
      WeeklyCounts(analytics, disease, unit.uid, to, history + shown);
  if (chart.rule == nullptr) {
    for (int i = 0; i < shown; ++i) {
      chart.scores.push_back({i + 1, counts[static_cast<size_t>(history + i)], {}, {}, {}});
    }
    return chart;
  }
  for (WeekScore score : ScoreWeeks(counts, chart.rule->options, history + 1)) {
    score.idx -= history;
    chart.scores.push_back(score);
  }
  return chart;
}

}  // namespace solieu::outbreaks
