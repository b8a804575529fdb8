#include "demo/weekly_reports.h"

#include <cmath>
#include <map>
#include <numbers>
#include <random>

#include "core/error.h"

namespace solieu {
namespace {

// Mean weekly cases at one commune health station, in the season's middle. Invented, of the
// order the province's two-month tables show (diarrhoea and influenza common, measles rare, the
// priority diseases absent); diseases not listed have none (COVID-19 among them: the province's
// cases came in a few outbreaks, not as a steady background).
double BaseRate(const std::string& disease_code) {
  static const std::map<std::string, double> rates = {
      {"DIARRHOEA", 1.6},   {"INFLUENZA", 1.2},    {"VARICELLA", 0.15},  {"HFMD", 0.12},
      {"MUMPS", 0.05},      {"SHIGELLOSIS", 0.03}, {"AMOEBIASIS", 0.03}, {"VIRAL_HEPATITIS", 0.02},
      {"DENGUE", 0.02},     {"MEASLES", 0.01},     {"MALARIA", 0.005},   {"PERTUSSIS", 0.005},
      {"ADENOVIRUS", 0.01},
  };
  auto it = rates.find(disease_code);
  return it == rates.end() ? 0.0 : it->second;
}

// A disease's own season: its peak week of the year, from its code, so diseases differ.
double SeasonalFactor(const std::string& disease_code, const Period& week) {
  unsigned sum = 0;
  for (unsigned char c : disease_code) sum = sum * 31 + c;
  double phase = static_cast<double>(sum % 52);
  double day_of_year = static_cast<double>(week.start().days_since_epoch() % 365);
  return 1.0 + 0.5 * std::cos(2 * std::numbers::pi * (day_of_year / 365.0 - phase / 52.0));
}

const DataElement& ElementOf(const MetadataSnapshot& m, const Disease& disease) {
  for (const DataElement& e : m.data_elements) {
    if (e.uid == disease.data_element_uid) return e;
  }
  throw UserError("demo.no_element", "bệnh '" + disease.code + "' không có phần tử dữ liệu",
                  "disease '" + disease.code + "' has no data element");
}

std::string CasesComboUid(const MetadataSnapshot& m, const DataElement& element) {
  for (const CategoryOptionCombo& coc : m.category_option_combos) {
    if (coc.combo_uid == element.category_combo_uid && coc.code == "MAC") return coc.uid;
  }
  throw UserError("demo.no_cases_option",
                  "phần tử '" + element.code + "' không có phương án phân tổ MAC (mắc)",
                  "element '" + element.code + "' has no MAC (cases) option combo");
}

void RequireWeek(const Period& p, const char* where) {
  if (p.type() != PeriodType::kWeek) {
    throw UserError("demo.not_a_week", "kỳ '" + p.Id() + "' không phải tuần ISO",
                    "period '" + p.Id() + "' is not an ISO week", where);
  }
}

}  // namespace

std::vector<DataValueWrite> SyntheticWeeklyReports(const MetadataSnapshot& metadata,
                                                   const OrgHierarchy& hierarchy,
                                                   const WeeklyReportOptions& options) {
  RequireWeek(options.first_week, "first_week");
  RequireWeek(options.last_week, "last_week");
  if (options.last_week.start() < options.first_week.start()) {
    throw UserError("demo.empty_range", "tuần cuối trước tuần đầu",
                    "the last week is before the first", "last_week");
  }
  struct DiseaseColumn {
    const Disease* disease;
    std::string element_uid;
    std::string coc_uid;
    double rate;
  };
  std::vector<DiseaseColumn> columns;
  std::map<std::string, size_t> column_of;
  for (const Disease& disease : metadata.diseases) {
    const DataElement& element = ElementOf(metadata, disease);
    column_of[disease.code] = columns.size();
    columns.push_back(
        {&disease, element.uid, CasesComboUid(metadata, element), BaseRate(disease.code)});
  }
  // (week id, station uid, column) -> extra cases
  std::map<std::tuple<std::string, std::string, size_t>, std::int64_t> extra;
  for (const InjectedCluster& cluster : options.clusters) {
    RequireWeek(cluster.first_week, "cluster.first_week");
    auto column = column_of.find(cluster.disease_code);
    if (column == column_of.end()) {
      throw UserError("demo.unknown_disease", "không có bệnh '" + cluster.disease_code + "'",
                      "no disease '" + cluster.disease_code + "'");
    }
    Period week = cluster.first_week;
    for (std::int64_t cases : cluster.cases) {
      if (week.start() < options.first_week.start() || options.last_week.start() < week.start()) {
        throw UserError(
            "demo.cluster_outside",
            "tuần " + week.Id() + " của ổ dịch giả lập nằm ngoài khoảng tạo số liệu",
            "week " + week.Id() + " of the injected cluster is outside the weeks generated",
            "clusters");
      }
      const OrgUnit* commune = hierarchy.FindByCode(cluster.commune_code, week.end());
      const OrgUnit* station = nullptr;
      if (commune != nullptr) {
        for (const OrgUnit* child : hierarchy.ChildrenOf(*commune, week.end())) {
          if (child->facility_type == "tyt") station = child;
        }
      }
      if (station == nullptr) {
        throw UserError(
            "demo.no_station",
            "xã '" + cluster.commune_code + "' không có trạm y tế trong tuần " + week.Id(),
            "commune '" + cluster.commune_code + "' has no health station in week " + week.Id());
      }
      extra[{week.Id(), station->uid, column->second}] += cases;
      week = week.Next();
    }
  }

  std::mt19937_64 random(options.seed);
  std::vector<DataValueWrite> out;
  for (Period week = options.first_week; week.start() <= options.last_week.start();
       week = week.Next()) {
    const std::string id = week.Id();
    for (const OrgUnit& station : hierarchy.units()) {
      if (station.facility_type != "tyt" || !station.validity.Contains(week.end())) continue;
      for (size_t c = 0; c < columns.size(); ++c) {
        std::int64_t cases = 0;
        double mean = columns[c].rate * SeasonalFactor(columns[c].disease->code, week);
        if (mean > 0) cases = std::poisson_distribution<std::int64_t>(mean)(random);
        if (auto it = extra.find({id, station.uid, c}); it != extra.end()) cases += it->second;
        if (cases == 0) continue;
        DataValueWrite write;
        write.key.data_element_uid = columns[c].element_uid;
        write.key.period = id;
        write.key.org_unit_uid = station.uid;
        write.key.category_option_combo_uid = columns[c].coc_uid;
        write.key.attribute_option_combo_uid = DefaultCategoryOptionComboUid();
        write.period_start = week.start();
        write.period_end = week.end();
        write.value = std::to_string(cases);
        write.comment = kSyntheticWeeklyComment;
        out.push_back(std::move(write));
      }
    }
  }
  return out;
}

}  // namespace solieu
