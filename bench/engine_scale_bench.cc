// The in-memory engine at national scale (issue 8, point 4), on SYNTHETIC data: a generated
// national hierarchy (34 provinces, 3,321 communes, 12,000 facilities) and N generated monthly
// values (2021-2025, four disaggregations per element, INTEGER counts as most health figures are,
// a few decimals), put through ValueTable::Apply in batches of a million as a store load would.
// Reports the bytes a value costs (RSS growth over N from /proc/self/statm, and the table's own
// accounting), the build time, and the dashboard query shapes:
//  - one indicator x the province level x 60 months, and x the commune level x 60 months;
//  - 20 indicators x 34 provinces x 5 years;
//  - one commune's full profile (every element x 60 months);
//  - a pivot with disaggregation (one element x 4 option combos x 34 provinces x 12 months).
// N comes from SOLIEU_BENCH_VALUES (default 10,000,000). Run by hand, Release or RelWithDebInfo:
//   SOLIEU_BENCH_VALUES=100000000 build-rel/bench/solieu_engine_scale_bench
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/uid.h"
#include "engine/aggregator.h"
#include "engine/value_table.h"

namespace solieu {
namespace {

constexpr int kProvinces = 34;
constexpr int kCommunes = 3321;
constexpr int kFacilities = 12000;
constexpr int kCombos = 4;  // sex x two age groups, say
constexpr int kMonths = 60;

size_t ResidentBytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<size_t>(resident) * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// A cheap deterministic hash for sparsity and values.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

struct National {
  size_t n_values = 0;
  int n_elements = 0;
  MetadataSnapshot metadata;
  OrgHierarchy hierarchy{{}, {}, {}};
  std::unique_ptr<ValueTable> table;
  std::vector<int> provinces, communes;
  double build_seconds = 0;
  size_t rss_growth = 0;

  National() {
    const char* env = std::getenv("SOLIEU_BENCH_VALUES");
    n_values = env != nullptr ? std::strtoull(env, nullptr, 10) : 10'000'000;
    const size_t keys_per_element = size_t{kFacilities} * kMonths * kCombos;
    // At least 20 elements (the dashboard's 20 indicators), at most 90% of keys reported.
    n_elements = std::max<int>(
        20, static_cast<int>((n_values * 10 / 9 + keys_per_element - 1) / keys_per_element));
    const double reported =
        static_cast<double>(n_values) / (static_cast<double>(keys_per_element) * n_elements);

    auto unit = [&](const std::string& code, OrgLevel level, const std::string& parent) {
      OrgUnit u;
      u.code = code;
      u.uid = DeriveUid("orgUnit", code);
      u.name_vi = u.name_en = "synthetic " + code;
      u.level = level;
      metadata.org_units.push_back(u);
      if (!parent.empty())
        metadata.parent_links.push_back({u.uid, DeriveUid("orgUnit", parent), {}});
    };
    for (int p = 0; p < kProvinces; ++p) unit("P" + std::to_string(p), OrgLevel::kProvince, "");
    for (int c = 0; c < kCommunes; ++c) {
      unit("C" + std::to_string(c), OrgLevel::kCommune, "P" + std::to_string(c % kProvinces));
    }
    for (int f = 0; f < kFacilities; ++f) {
      unit("F" + std::to_string(f), OrgLevel::kFacility, "C" + std::to_string(f % kCommunes));
    }
    CategoryOptionCombo none;
    none.uid = DefaultCategoryOptionComboUid();
    none.code = "default";
    metadata.category_option_combos.push_back(none);
    for (int c = 0; c < kCombos; ++c) {
      CategoryOptionCombo combo;
      combo.code = "COC" + std::to_string(c);
      combo.uid = DeriveUid("categoryOptionCombo", combo.code);
      metadata.category_option_combos.push_back(combo);
    }
    for (int e = 0; e < n_elements; ++e) {
      DataElement d;
      d.code = "DE" + std::to_string(e);
      d.uid = DeriveUid("dataElement", d.code);
      d.value_type = ValueType::kNumber;
      metadata.data_elements.push_back(d);
    }
    hierarchy = OrgHierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
    for (size_t i = 0; i < hierarchy.units().size(); ++i) {
      const OrgUnit& u = hierarchy.units()[i];
      if (u.level == OrgLevel::kProvince) provinces.push_back(static_cast<int>(i));
      if (u.level == OrgLevel::kCommune) communes.push_back(static_cast<int>(i));
    }

    malloc_trim(0);
    const size_t rss_before = ResidentBytes();
    const auto start = std::chrono::steady_clock::now();
    table = std::make_unique<ValueTable>(metadata, hierarchy);
    std::vector<DataValueWrite> batch;
    batch.reserve(1'000'000);
    const std::string aoc = DefaultCategoryOptionComboUid();
    std::vector<Period> months;
    for (int m = 0; m < kMonths; ++m) months.push_back(Period::Month(2021 + m / 12, 1 + m % 12));
    size_t written = 0;
    const std::uint64_t threshold =
        static_cast<std::uint64_t>(std::min(1.0, reported) * 18446744073709551615.0);
    for (int e = 0; e < n_elements && written < n_values; ++e) {
      const DataElement& d = metadata.data_elements[static_cast<size_t>(e)];
      for (int f = 0; f < kFacilities && written < n_values; ++f) {
        const OrgUnit& u = metadata.org_units[static_cast<size_t>(kProvinces + kCommunes + f)];
        for (int m = 0; m < kMonths && written < n_values; ++m) {
          for (int c = 0; c < kCombos && written < n_values; ++c) {
            const std::uint64_t h =
                Mix((static_cast<std::uint64_t>(e) << 40) ^ (static_cast<std::uint64_t>(f) << 16) ^
                    static_cast<std::uint64_t>(m * kCombos + c));
            if (h > threshold) continue;  // not reported
            // Seasonal counts; one value in 200 has a decimal part (a rate or a weight).
            const int season = 10 + (m % 12 < 6 ? m % 12 : 12 - m % 12) * 3;
            std::string value = std::to_string(static_cast<int>(h % 50) + season);
            if (h % 200 == 0) value += ".5";
            DataValueWrite w;
            w.key = {d.uid, months[static_cast<size_t>(m)].Id(), u.uid,
                     metadata.category_option_combos[static_cast<size_t>(1 + c)].uid, aoc};
            w.period_start = months[static_cast<size_t>(m)].start();
            w.period_end = months[static_cast<size_t>(m)].end();
            w.value = std::move(value);
            batch.push_back(std::move(w));
            ++written;
            if (batch.size() == 1'000'000) {
              table->Apply(batch);
              batch.clear();
            }
          }
        }
      }
    }
    table->Apply(batch);
    std::vector<DataValueWrite>().swap(batch);
    table->Compact();
    build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    malloc_trim(0);
    rss_growth = ResidentBytes() - rss_before;
    std::cerr << "synthetic national data: " << table->size() << " values, " << n_elements
              << " elements, " << hierarchy.size() << " org units; built in " << build_seconds
              << " s; RSS growth " << static_cast<double>(rss_growth) / 1e6 << " MB ("
              << static_cast<double>(rss_growth) / static_cast<double>(table->size())
              << " B/value); table accounting "
              << static_cast<double>(table->MemoryBytes()) / static_cast<double>(table->size())
              << " B/value\n";
  }
};

National& Shared() {
  static National national;
  return national;
}

void Report(benchmark::State& state, const National& n, size_t cells) {
  state.counters["values"] = static_cast<double>(n.table->size());
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["rss_B_per_value"] =
      static_cast<double>(n.rss_growth) / static_cast<double>(n.table->size());
  state.counters["table_B_per_value"] =
      static_cast<double>(n.table->MemoryBytes()) / static_cast<double>(n.table->size());
  state.counters["build_s"] = n.build_seconds;
}

std::vector<Period> Months() {
  std::vector<Period> out;
  for (int m = 0; m < kMonths; ++m) out.push_back(Period::Month(2021 + m / 12, 1 + m % 12));
  return out;
}

AggregateResult Run(const National& n, const AggregateRequest& request) {
  // A view per query, as Analytics makes one.
  OrgView view(n.hierarchy, Structure::kOnDate, Date(2026, 1, 1));
  return Aggregate(*n.table, view, request);
}

void BM_OneIndicatorProvinces60Months(benchmark::State& state) {
  National& n = Shared();
  AggregateRequest request{{{0}}, Months(), n.provinces};
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, request));
  Report(state, n, request.periods.size() * request.units.size());
}

void BM_OneIndicatorCommunes60Months(benchmark::State& state) {
  National& n = Shared();
  AggregateRequest request{{{1}}, Months(), n.communes};
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, request));
  Report(state, n, request.periods.size() * request.units.size());
}

void BM_20Indicators34Provinces5Years(benchmark::State& state) {
  National& n = Shared();
  AggregateRequest request;
  for (int e = 0; e < 20; ++e) request.items.push_back({e});
  for (int y = 2021; y <= 2025; ++y) request.periods.push_back(Period::Year(y));
  request.units = n.provinces;
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, request));
  Report(state, n, request.items.size() * request.periods.size() * request.units.size());
}

void BM_OneCommuneFullProfile(benchmark::State& state) {
  National& n = Shared();
  AggregateRequest request;
  for (int e = 0; e < n.n_elements; ++e) request.items.push_back({e});
  request.periods = Months();
  request.units = {n.communes[1234]};
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, request));
  Report(state, n, request.items.size() * request.periods.size());
}

void BM_PivotDisaggregation34Provinces12Months(benchmark::State& state) {
  National& n = Shared();
  AggregateRequest request;
  for (int c = 1; c <= kCombos; ++c) request.items.push_back({2, c});
  for (int m = 1; m <= 12; ++m) request.periods.push_back(Period::Month(2025, m));
  request.units = n.provinces;
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, request));
  Report(state, n, request.items.size() * request.periods.size() * request.units.size());
}

BENCHMARK(BM_OneIndicatorProvinces60Months)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OneIndicatorCommunes60Months)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_20Indicators34Provinces5Years)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OneCommuneFullProfile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PivotDisaggregation34Provinces12Months)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace solieu

BENCHMARK_MAIN();
