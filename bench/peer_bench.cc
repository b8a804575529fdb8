// solieu's side of the side-by-side analytics benchmark (bench/peer_bench.sh runs it, then DuckDB
// and PostgreSQL on the same file): loads the generated national dataset (SYNTHETIC: `solieu
// generate --analytics-only`) into the in-memory engine the server uses (Analytics, the
// ValueTable behind it), then times the five dashboard query shapes through Analytics::Query, the
// call behind /api/analytics:
//   q1  1 element x 34 provinces x 60 months      q2  1 element x 3,321 communes x 60 months
//   q3  20 elements x 34 provinces x 5 years      q4  one commune's full profile (every element x
//   q5  1 element x its option combos x 34 provinces x 12 months (a pivot)      60 months)
// It picks the query parameters and writes them to DIR/results/queries.json for the peers, then
// writes solieu.json (load time, peak RSS, medians) and solieu-qN.csv (the cells, sorted) beside
// them, which the peers' answers are diffed against.
//
// Values come from DIR/analytics.csv (the file the peers load), or with --generate straight from
// the generator (same seed and options as `solieu generate`, so the same values): at 1 billion
// values the CSV (~85 GB) does not fit on this machine's disk.
//
// Usage: solieu_peer_bench --data DIR [--runs 5] [--warmup 1]
//        solieu_peer_bench --data DIR --generate --seed 42 --years 5 --end-year 2025
//                          --elements 40 --values N
#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/period.h"
#include "engine/analytics.h"
#include "exchange/dhis2_metadata_reader.h"
#include "generate/admin_units.h"
#include "generate/national_dataset.h"
#include "generate/progress.h"
#include "generate/value_stream.h"

namespace solieu {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Peak resident set of this process (VmHWM), the figure compared with the peers' peaks.
long long PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
  }
  return 0;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Feeds DataValueWrites to the engine a batch at a time, as the store loader does.
class Loader {
 public:
  Loader(Analytics* analytics, double expected)
      : analytics_(analytics), progress_(&std::cerr, expected) {
    batch_.resize(kBatch);
  }

  DataValueWrite& Next() { return batch_[filled_]; }
  void Commit() {
    if (++filled_ == kBatch) Flush();
  }
  void Finish() {
    Flush();
    progress_.Finish();
  }
  long long done() const { return progress_.done(); }

  // Period bounds by id: the files hold a few dozen distinct months.
  const Period& PeriodOf(const std::string& id) {
    auto it = periods_.find(id);
    if (it == periods_.end()) {
      auto parsed = Period::Parse(id);
      if (!parsed) throw std::runtime_error("not a period: " + id);
      it = periods_.emplace(id, *parsed).first;
    }
    return it->second;
  }

 private:
  static constexpr size_t kBatch = 65536;  // as the store loader (server::LoadAnalytics)
  void Flush() {
    if (filled_ == 0) return;
    batch_.resize(filled_);
    analytics_->Apply(batch_);
    progress_.Add(static_cast<long long>(filled_));
    batch_.resize(kBatch);
    filled_ = 0;
  }

  Analytics* analytics_;
  generate::Progress progress_;
  std::vector<DataValueWrite> batch_;
  size_t filled_ = 0;
  std::map<std::string, Period> periods_;
};

const std::string kDefaultAoc = DefaultCategoryOptionComboUid();

// value,dataelement,categoryoptioncombo,period,monthstart,year,facility,commune,province
void LoadCsv(const std::string& path, Loader* loader) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("cannot open " + path);
  std::vector<char> buffer(16 << 20);
  size_t kept = 0;  // bytes of an unfinished line carried to the next read
  bool header = true;
  long long line_number = 0;
  std::string_view fields[9];
  for (;;) {
    size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, file);
    size_t end = kept + got;
    if (got == 0 && kept == 0) break;
    if (got == 0) buffer[end++] = '\n';  // a last line without its newline
    size_t line_start = 0;
    for (;;) {
      const char* nl =
          static_cast<const char*>(std::memchr(buffer.data() + line_start, '\n', end - line_start));
      if (nl == nullptr) break;
      std::string_view line(buffer.data() + line_start,
                            static_cast<size_t>(nl - (buffer.data() + line_start)));
      line_start = static_cast<size_t>(nl - buffer.data()) + 1;
      ++line_number;
      if (header) {
        header = false;
        continue;
      }
      int n = 0;
      size_t from = 0;
      while (n < 9) {
        size_t comma = line.find(',', from);
        fields[n++] = line.substr(from, comma == std::string_view::npos ? line.npos : comma - from);
        if (comma == std::string_view::npos) break;
        from = comma + 1;
      }
      if (n != 9) {
        throw std::runtime_error(path + ":" + std::to_string(line_number) + ": expected 9 fields");
      }
      DataValueWrite& w = loader->Next();
      w.value = std::string(fields[0]);
      w.key.data_element_uid.assign(fields[1]);
      w.key.category_option_combo_uid.assign(fields[2]);
      w.key.period.assign(fields[3]);
      w.key.org_unit_uid.assign(fields[6]);
      w.key.attribute_option_combo_uid = kDefaultAoc;
      const Period& period = loader->PeriodOf(w.key.period);
      w.period_start = period.start();
      w.period_end = period.end();
      loader->Commit();
    }
    kept = end - line_start;
    std::memmove(buffer.data(), buffer.data() + line_start, kept);
    if (got == 0) break;
  }
  std::fclose(file);
}

void LoadGenerated(const generate::NationalDataset& dataset, const generate::ValuePlan& plan,
                   std::uint64_t seed, Loader* loader) {
  std::vector<Period> periods;
  std::vector<std::string> ids;
  for (int m = 0; m < dataset.months; ++m) {
    periods.push_back(Period::Month(dataset.first_year + m / 12, m % 12 + 1));
    ids.push_back(periods.back().Id());
  }
  generate::ValueStream stream(dataset, plan, seed);
  generate::GeneratedValue v;
  while (stream.Next(&v)) {
    const generate::ElementProfile& e = dataset.elements[static_cast<size_t>(v.element)];
    DataValueWrite& w = loader->Next();
    w.value = std::to_string(v.value);
    w.key.data_element_uid = e.uid;
    w.key.category_option_combo_uid = e.coc_uids[static_cast<size_t>(v.coc)];
    w.key.period = ids[static_cast<size_t>(v.month)];
    w.key.org_unit_uid = dataset.facility_uids[static_cast<size_t>(v.facility)];
    w.key.attribute_option_combo_uid = kDefaultAoc;
    w.period_start = periods[static_cast<size_t>(v.month)].start();
    w.period_end = periods[static_cast<size_t>(v.month)].end();
    loader->Commit();
  }
}

// The five queries: the AnalyticsQuery, how to print a cell's key, and the SQL peers' parameters.
struct Query {
  std::string name;
  AnalyticsQuery query;
  // Key columns of a cell, in the peers' SELECT order.
  std::function<std::string(size_t item, size_t period, size_t unit)> key;
};

struct Plan {
  std::vector<Query> queries;
  boost::json::object parameters;
};

Plan MakePlan(const MetadataSnapshot& m, const OrgHierarchy& hierarchy) {
  // Provinces are the roots; communes their children (metadata.json has no district level).
  std::vector<std::string> provinces, communes;
  std::map<std::string, int> children;
  for (const ParentLink& link : m.parent_links) ++children[link.parent_uid];
  std::map<std::string, bool> has_parent;
  for (const ParentLink& link : m.parent_links) has_parent[link.child_uid] = true;
  for (const OrgUnit& u : hierarchy.units()) {
    if (!has_parent.count(u.uid)) provinces.push_back(u.uid);
  }
  std::map<std::string, bool> is_province;
  for (const std::string& p : provinces) is_province[p] = true;
  for (const ParentLink& link : m.parent_links) {
    if (is_province.count(link.parent_uid)) communes.push_back(link.child_uid);
  }
  // The profiled commune: the one with the most facilities (the first such in file order).
  std::string busiest;
  for (const std::string& c : communes) {
    if (busiest.empty() || children[c] > children[busiest]) busiest = c;
  }
  if (m.data_elements.size() < 20 || provinces.empty() || communes.empty()) {
    throw std::runtime_error("the metadata needs 20 data elements, provinces and communes");
  }
  // The pivot's element: the first with the most option combos.
  auto combos_of = [&](const DataElement& d) {
    std::vector<std::string> out;
    for (const CategoryOptionCombo& c : m.category_option_combos) {
      if (c.combo_uid == d.category_combo_uid) out.push_back(c.uid);
    }
    return out;
  };
  const DataElement* pivot = &m.data_elements[0];
  for (const DataElement& d : m.data_elements) {
    if (combos_of(d).size() > combos_of(*pivot).size()) pivot = &d;
  }
  std::vector<std::string> pivot_combos = combos_of(*pivot);

  std::vector<Period> months, years, months_2025;
  for (int y = 2021; y <= 2025; ++y) {
    years.push_back(Period::Year(y));
    for (int mo = 1; mo <= 12; ++mo) months.push_back(Period::Month(y, mo));
  }
  for (int mo = 1; mo <= 12; ++mo) months_2025.push_back(Period::Month(2025, mo));

  Plan plan;
  auto& ps = plan.parameters;
  const std::string& q1_element = m.data_elements[0].uid;
  const std::string& q2_element = m.data_elements[1].uid;
  ps["q1"] = {{"dataelement", q1_element}};
  ps["q2"] = {{"dataelement", q2_element}};
  boost::json::array twenty;
  std::vector<std::string> twenty_uids;
  for (size_t i = 0; i < 20; ++i) {
    twenty.push_back(boost::json::string(m.data_elements[i].uid));
    twenty_uids.push_back(m.data_elements[i].uid);
  }
  ps["q3"] = {{"dataelements", twenty}, {"years", {2021, 2022, 2023, 2024, 2025}}};
  ps["q4"] = {{"commune", busiest}};
  ps["q5"] = {{"dataelement", pivot->uid}, {"year", 2025}};

  std::vector<std::string> all_elements;
  for (const DataElement& d : m.data_elements) all_elements.push_back(d.uid);
  std::vector<std::string> pivot_dx;
  for (const std::string& c : pivot_combos) pivot_dx.push_back(pivot->uid + "." + c);

  auto ids = [](const std::vector<Period>& list) {
    std::vector<std::string> out;
    for (const Period& p : list) out.push_back(p.Id());
    return out;
  };
  auto month_ids = std::make_shared<std::vector<std::string>>(ids(months));
  auto year_ids = std::make_shared<std::vector<std::string>>(ids(years));
  auto months_2025_ids = std::make_shared<std::vector<std::string>>(ids(months_2025));
  auto p = std::make_shared<std::vector<std::string>>(provinces);
  auto c = std::make_shared<std::vector<std::string>>(communes);
  auto tw = std::make_shared<std::vector<std::string>>(twenty_uids);
  auto all = std::make_shared<std::vector<std::string>>(all_elements);
  auto pc = std::make_shared<std::vector<std::string>>(pivot_combos);

  plan.queries.push_back(
      {"q1", {{q1_element}, months, provinces}, [=](size_t, size_t pe, size_t u) {
         return (*p)[u] + "," + (*month_ids)[pe];
       }});
  plan.queries.push_back({"q2", {{q2_element}, months, communes}, [=](size_t, size_t pe, size_t u) {
                            return (*c)[u] + "," + (*month_ids)[pe];
                          }});
  plan.queries.push_back(
      {"q3", {twenty_uids, years, provinces}, [=](size_t i, size_t pe, size_t u) {
         return (*tw)[i] + "," + (*p)[u] + "," + (*year_ids)[pe];
       }});
  plan.queries.push_back(
      {"q4", {all_elements, months, {busiest}}, [=](size_t i, size_t pe, size_t) {
         return (*all)[i] + "," + (*month_ids)[pe];
       }});
  plan.queries.push_back(
      {"q5", {pivot_dx, months_2025, provinces}, [=](size_t i, size_t pe, size_t u) {
         return (*pc)[i] + "," + (*p)[u] + "," + (*months_2025_ids)[pe];
       }});
  return plan;
}

// The cells with a value, as the peers print them: key columns, then the integral sum.
std::vector<std::string> Cells(const Query& q, const AnalyticsResult& result) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < q.query.dx.size(); ++i) {
    for (size_t pe = 0; pe < q.query.periods.size(); ++pe) {
      for (size_t u = 0; u < q.query.org_units.size(); ++u) {
        const std::optional<double>& v = result.At(i, pe, u);
        if (!v) continue;
        if (*v != static_cast<double>(static_cast<long long>(*v))) {
          throw std::runtime_error(q.name + ": a sum is not an integer");
        }
        lines.push_back(q.key(i, pe, u) + "," + std::to_string(static_cast<long long>(*v)));
      }
    }
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

int Run(int argc, char** argv) {
  std::string data;
  int runs = 5, warmup = 1;
  bool from_generator = false;
  generate::GenerateOptions options;
  long long values = 0;
  std::string admin_units = SOLIEU_ADMIN_UNITS_CSV;
  CLI::App app("solieu's side of the side-by-side analytics benchmark (synthetic data)");
  app.add_option("--data", data, "The generated folder (analytics.csv, metadata.json)")->required();
  app.add_option("--runs", runs, "Timed runs of each query");
  app.add_option("--warmup", warmup, "Untimed runs before them");
  app.add_flag("--generate", from_generator, "Values from the generator, not analytics.csv");
  app.add_option("--seed", options.seed);
  app.add_option("--years", options.years);
  app.add_option("--end-year", options.end_year);
  app.add_option("--elements", options.elements);
  app.add_option("--values", values);
  app.add_option("--admin-units", admin_units);
  CLI11_PARSE(app, argc, argv);

  const std::filesystem::path dir(data), results = dir / "results";
  std::filesystem::create_directories(results);

  std::unique_ptr<Analytics> analytics;
  const Clock::time_point start = Clock::now();
  std::string source;
  if (from_generator) {
    if (values > 0) options.values = values;
    generate::CheckOptions(options);
    generate::NationalDataset dataset =
        generate::BuildNationalDataset(generate::ReadAdminUnits(admin_units), options);
    generate::ValuePlan plan = generate::PlanValues(dataset, options);
    analytics = std::make_unique<Analytics>(dataset.metadata);
    std::cerr << "loading ~" << generate::Thousands(static_cast<long long>(plan.expected))
              << " generated values (seed " << options.seed << ")\n";
    Loader loader(analytics.get(), plan.expected);
    LoadGenerated(dataset, plan, options.seed, &loader);
    loader.Finish();
    source = "the generator in-process (seed " + std::to_string(options.seed) + ")";
  } else {
    std::string json = ReadFile((dir / "metadata.json").string());
    Dhis2Package package = ReadDhis2Metadata(json, "metadata.json", {}, {});
    analytics = std::make_unique<Analytics>(std::move(package.snapshot));
    const auto csv = dir / "analytics.csv";
    const double expected = static_cast<double>(std::filesystem::file_size(csv)) / 86.0;
    std::cerr << "loading " << csv.string() << "\n";
    Loader loader(analytics.get(), expected);
    LoadCsv(csv.string(), &loader);
    loader.Finish();
    source = "analytics.csv";
  }
  analytics->Compact();
  malloc_trim(0);
  const double load_seconds = SecondsSince(start);
  const size_t loaded = analytics->values().size();
  const size_t table_bytes = analytics->values().MemoryBytes();
  std::cerr << "loaded " << generate::Thousands(static_cast<long long>(loaded)) << " values in "
            << load_seconds << " s; table " << static_cast<double>(table_bytes) / 1e9 << " GB ("
            << static_cast<double>(table_bytes) / static_cast<double>(loaded)
            << " B/value); peak RSS " << static_cast<double>(PeakResidentBytes()) / 1e9 << " GB\n";

  Plan plan = MakePlan(analytics->metadata(), analytics->hierarchy());
  boost::json::object parameters = plan.parameters;
  parameters["values"] = loaded;
  parameters["warmup"] = warmup;
  parameters["runs"] = runs;
  WriteText(results / "queries.json", boost::json::serialize(parameters) + "\n");

  boost::json::array query_results;
  for (const Query& q : plan.queries) {
    std::vector<double> times;
    AnalyticsResult last(0, 0, 0);
    for (int r = 0; r < warmup + runs; ++r) {
      const Clock::time_point t = Clock::now();
      AnalyticsResult result = analytics->Query(q.query);
      const double ms = SecondsSince(t) * 1000;
      if (r >= warmup) times.push_back(ms);
      last = std::move(result);
    }
    std::vector<std::string> cells = Cells(q, last);
    std::string text;
    for (const std::string& line : cells) text += line + "\n";
    WriteText(results / ("solieu-" + q.name + ".csv"), text);
    boost::json::array runs_ms;
    for (double t : times) runs_ms.push_back(t);
    query_results.push_back({{"name", q.name},
                             {"cells", cells.size()},
                             {"runs_ms", runs_ms},
                             {"median_ms", Median(times)}});
    std::cerr << q.name << ": " << cells.size() << " cells, median " << Median(times) << " ms\n";
  }
  boost::json::object out{
      {"peer", "solieu"},
      {"version", "engine (Analytics::Query), RelWithDebInfo or Release build"},
      {"values", loaded},
      {"load_seconds", load_seconds},
      {"peak_rss_bytes", PeakResidentBytes()},
      {"storage_bytes", nullptr},
      {"notes", "values from " + source + "; in memory, " +
                    std::to_string(static_cast<double>(table_bytes) / static_cast<double>(loaded)) +
                    " B/value in the value table; queries on one thread"},
      {"queries", query_results}};
  WriteText(results / "solieu.json", boost::json::serialize(out) + "\n");
  return 0;
}

}  // namespace
}  // namespace solieu

int main(int argc, char** argv) {
  try {
    return solieu::Run(argc, argv);
  } catch (const solieu::UserError& e) {
    std::cerr << "error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
