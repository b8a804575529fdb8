// The department's heavy reads on the Điện Biên demo data (the seeds' figures plus the synthetic
// monthly values per health station, ~188,000 values), in memory:
//  - the whole yearly indicator table (table 1.1) built from stored data;
//  - a pivot of 45 communes x 60 months x 20 indicators on today's structure;
//  - the same pivot on the structure as it was (129 old communes before July 2025).
#include <benchmark/benchmark.h>

#include <iostream>

#include "demo/demo_builder.h"
#include "engine/analytics.h"
#include "publish/indicators_year.h"

namespace solieu {
namespace {

const std::string kConfig = std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien";
const std::string kDemo = std::string(SOLIEU_SOURCE_DIR) + "/demo/dien-bien";

struct Fixture {
  DemoData demo = BuildDemoData(kConfig, kDemo);
  Analytics analytics{demo.metadata};
  Fixture() { analytics.Apply(demo.values); }
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

void BM_YearlyIndicatorTable(benchmark::State& state) {
  Fixture& f = Shared();
  const OrgUnit* province = f.analytics.hierarchy().FindByCode("11", Date(2025, 12, 31));
  ReportContext context(f.analytics, f.demo.targets, kConfig, *province, Date(2025, 12, 31));
  for (auto _ : state) {
    report::ReportDocument document = BuildIndicatorsYear(context, Period::Year(2025), true, true);
    benchmark::DoNotOptimize(document);
  }
  state.counters["values"] = static_cast<double>(f.analytics.values().size());
}

AnalyticsQuery Pivot(const Analytics& analytics, Structure structure) {
  AnalyticsQuery query;
  // 20 indicators over the counts that the demo shares out per health station and month.
  for (const char* code : {"I_MMR",
                           "I_IMR",
                           "I_IMR_DTTS",
                           "I_U5MR",
                           "I_U5MR_DTTS",
                           "I_CBR",
                           "I_NATURAL_INCREASE",
                           "I_SRB",
                           "I_FULL_IMMUNIZATION",
                           "I_BEDS_PER_10K",
                           "I_DOCTORS_PER_10K",
                           "I_BHYT_COVERAGE",
                           "I_EHR_COVERAGE",
                           "I_UNDERWEIGHT",
                           "I_UNDERWEIGHT_DTTS",
                           "I_STUNTING",
                           "I_STUNTING_DTTS",
                           "I_POP_AVG",
                           "I_COMMUNES_NC_RATE",
                           "I_TYT_DOCTOR_RATE"}) {
    query.dx.push_back(code);
  }
  query.periods = Period::Covering(PeriodType::kMonth, Date(2021, 1, 1), Date(2025, 12, 31));
  query.structure = structure;
  query.structure_date = Date(2025, 7, 1);
  for (const OrgUnit& u : analytics.hierarchy().units()) {
    if (u.level == OrgLevel::kCommune && u.validity.Contains(Date(2025, 7, 1))) {
      query.org_units.push_back(u.uid);
    }
  }
  return query;
}

void BM_Pivot45Communes60Months20Indicators(benchmark::State& state) {
  Fixture& f = Shared();
  AnalyticsQuery query = Pivot(f.analytics, Structure::kOnDate);
  size_t cells = 0;
  for (auto _ : state) {
    AnalyticsResult result = f.analytics.Query(query);
    benchmark::DoNotOptimize(result);
    cells = query.dx.size() * query.periods.size() * query.org_units.size();
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["cells_per_s"] =
      benchmark::Counter(static_cast<double>(cells), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_LoadDemoIntoEngine(benchmark::State& state) {
  Fixture& f = Shared();
  for (auto _ : state) {
    Analytics analytics(f.demo.metadata);
    analytics.Apply(f.demo.values);
    benchmark::DoNotOptimize(analytics);
  }
  state.counters["values"] = static_cast<double>(f.demo.values.size());
}

BENCHMARK(BM_YearlyIndicatorTable)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pivot45Communes60Months20Indicators)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadDemoIntoEngine)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace solieu

BENCHMARK_MAIN();
