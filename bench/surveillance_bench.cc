// Outbreak detection at national scale: one week scored for every notifiable disease in every
// commune of Vietnam (31 diseases x 3,321 communes = 102,951 series) on SYNTHETIC weekly counts
// (seasonal Poisson with a seeded generator, 5 years of history), with each algorithm; and the
// throughput on the R reference series, to set beside R's own run (bench/surveillance_vs_r.sh).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "surveillance/ears.h"
#include "surveillance/farrington_flexible.h"

namespace solieu::surveillance {
namespace {

constexpr int kDiseases = 31;
constexpr int kCommunes = 3321;
constexpr int kWeeks = 5 * 52;

// Deterministic synthetic series: a seasonal mean between 0.05 and 8 cases a week, varying by
// disease and commune, Poisson counts.
const std::vector<std::vector<std::int64_t>>& NationalSeries() {
  static const std::vector<std::vector<std::int64_t>> series = [] {
    std::vector<std::vector<std::int64_t>> out;
    out.reserve(static_cast<size_t>(kDiseases) * kCommunes);
    std::mt19937_64 random(20261123);
    std::uniform_real_distribution<double> level(0.05, 8.0);
    for (int d = 0; d < kDiseases; ++d) {
      for (int c = 0; c < kCommunes; ++c) {
        double base = level(random);
        std::vector<std::int64_t> counts(kWeeks);
        for (int w = 0; w < kWeeks; ++w) {
          double mean = base * (1.0 + 0.5 * std::sin(2 * M_PI * (w + d) / 52.0));
          counts[static_cast<size_t>(w)] = std::poisson_distribution<std::int64_t>(mean)(random);
        }
        out.push_back(std::move(counts));
      }
    }
    return out;
  }();
  return series;
}

void ScoreLastWeekEars(benchmark::State& state, EarsMethod method) {
  const auto& all = NationalSeries();
  EarsParams params;
  params.method = method;
  params.range = WeekRange{kWeeks, kWeeks};
  long alarms = 0;
  for (auto _ : state) {
    for (const auto& s : all) {
      auto weeks = RunEars(CountSeries(s), params);
      alarms += weeks.back().alarm.value_or(false);
    }
  }
  state.counters["series"] = static_cast<double>(all.size());
  state.counters["alarms_per_run"] = static_cast<double>(alarms) / state.iterations();
}

void BM_NationalWeekEarsC1(benchmark::State& s) {
  ScoreLastWeekEars(s, EarsMethod::kC1);
}
void BM_NationalWeekEarsC3(benchmark::State& s) {
  ScoreLastWeekEars(s, EarsMethod::kC3Textbook);
}

void BM_NationalWeekFarringtonFlexible(benchmark::State& state) {
  const auto& all = NationalSeries();
  FarringtonParams params = FarringtonParams::NoufailyConfig();
  params.range = WeekRange{kWeeks, kWeeks};
  long alarms = 0;
  for (auto _ : state) {
    for (const auto& s : all) {
      auto weeks = RunFarringtonFlexible(CountSeries(s), params);
      alarms += weeks.back().alarm.value_or(false);
    }
  }
  state.counters["series"] = static_cast<double>(all.size());
  state.counters["alarms_per_run"] = static_cast<double>(alarms) / state.iterations();
}

BENCHMARK(BM_NationalWeekEarsC1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_NationalWeekEarsC3)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_NationalWeekFarringtonFlexible)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace solieu::surveillance

BENCHMARK_MAIN();
