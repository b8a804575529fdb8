#include "demo/demo_builder.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <set>

#include "config/config_loader.h"
#include "config/data_values_file.h"
#include "core/csv_reader.h"
#include "core/error.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/uid.h"
#include "demo/demo_users.h"
#include "demo/subset_rules.h"
#include "demo/weekly_reports.h"
#include "plan/target.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kProvinceCode = "11";

// A stable pseudo-random number in [0, 1) from a text, so the demo is the same on every machine.
double Unit01(std::string_view key) {
  std::string uid = DeriveUid("demo", key);
  unsigned long long h = 1469598103934665603ULL;
  for (char c : uid) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<double>(h % 1000003ULL) / 1000003.0;
}

// Splits an integer total into parts proportional to `weights` that add up exactly to the total
// (largest remainder), so every synthetic breakdown sums back to the seed's figure.
std::vector<long long> Apportion(long long total, const std::vector<double>& weights) {
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<long long> parts(weights.size(), 0);
  if (weights.empty() || sum <= 0) return parts;
  std::vector<std::pair<double, size_t>> remainders;
  long long given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    double exact = static_cast<double>(total) * weights[i] / sum;
    parts[i] = static_cast<long long>(std::floor(exact));
    given += parts[i];
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (long long k = 0; k < total - given; ++k) {
    ++parts[remainders[static_cast<size_t>(k) % remainders.size()].second];
  }
  return parts;
}

// The same split for integer weights, in exact arithmetic: when the total is at most the weights'
// sum, no part exceeds its weight (a part is its exact share rounded down, plus one only where that
// share has a fraction), so a subset shared out along the room its totals leave never passes them.
// Products of a count and a room pass 64 bits only for absurd figures, but must not overflow then.
__extension__ using Wide = __int128;

std::vector<long long> ApportionWithin(long long total, const std::vector<long long>& weights) {
  Wide sum = 0;
  for (long long w : weights) sum += w;
  std::vector<long long> parts(weights.size(), 0);
  if (weights.empty() || sum <= 0) return parts;
  std::vector<std::pair<Wide, size_t>> remainders;
  long long given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    Wide exact = static_cast<Wide>(total) * weights[i];
    parts[i] = static_cast<long long>(exact / sum);
    given += parts[i];
    remainders.emplace_back(exact % sum, i);
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (long long k = 0; k < total - given; ++k) {
    ++parts[remainders[static_cast<size_t>(k) % remainders.size()].second];
  }
  return parts;
}

// How much a subset may still take in one cell (period id, station uid) without passing a total.
using CellRoom = std::function<long long(const std::string& period, const std::string& station)>;

class Generator {
 public:
  Generator(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy)
      : hierarchy_(hierarchy) {
    for (const auto& d : metadata.data_elements) elements_[d.uid] = &d;
  }

  // The values a province figure becomes: itself when it cannot be shared out exactly, else its
  // synthetic shares per health station (and per month, for sums over a period longer than one).
  // With `room` (a subset of other figures), the shares follow the room its totals leave in each
  // cell when that room holds the figure; `*fitted` says whether it did.
  std::vector<DataValueWrite> Expand(const DataValueWrite& w, const CellRoom* room = nullptr,
                                     bool* fitted = nullptr) {
    if (fitted != nullptr) *fitted = false;
    const OrgUnit* unit = hierarchy_.FindByUid(w.key.org_unit_uid);
    const DataElement* element = elements_.at(w.key.data_element_uid);
    bool integer = element->value_type == ValueType::kInteger ||
                   element->value_type == ValueType::kIntegerZeroOrPositive;
    if (unit == nullptr || unit->code != kProvinceCode || !integer || !w.value) return {w};
    long long total = std::stoll(*w.value);
    if (total <= 0) return {w};  // a zero stays one stored zero at the province, not nothing
    auto period = Period::Parse(w.key.period);
    std::vector<Period> months = {*period};
    if (element->aggregation_type == AggregationType::kSum && period->days() > 31) {
      months = period->Split(PeriodType::kMonth);
      if (months.empty()) months = {*period};
    } else if (element->aggregation_type != AggregationType::kSum &&
               element->aggregation_type != AggregationType::kLast &&
               element->aggregation_type != AggregationType::kAverageSumOrgUnit) {
      return {w};
    }
    for (const Period& m : months) {
      if (StationsOn(m.start()).empty()) return {w};
    }
    if (room != nullptr) {
      std::vector<std::pair<size_t, const OrgUnit*>> cells;
      std::vector<long long> rooms;
      long long available = 0;
      for (size_t i = 0; i < months.size(); ++i) {
        for (const OrgUnit* s : StationsOn(months[i].start())) {
          cells.emplace_back(i, s);
          rooms.push_back(std::max(0LL, (*room)(months[i].Id(), s->uid)));
          available = std::min(available + rooms.back(), total);  // no overflow
        }
      }
      if (available >= total) {
        if (fitted != nullptr) *fitted = true;
        std::vector<long long> shares = ApportionWithin(total, rooms);
        std::vector<DataValueWrite> out;
        for (size_t c = 0; c < cells.size(); ++c) {
          if (shares[c] == 0 && element->aggregation_type == AggregationType::kSum) continue;
          out.push_back(Share(w, months[cells[c].first], *cells[c].second, shares[c]));
        }
        return out;
      }
    }
    std::vector<double> month_weights;
    double phase = Unit01(element->code) * 2 * std::numbers::pi;
    for (const Period& m : months) {
      month_weights.push_back(
          1.0 + 0.25 * std::sin(phase + 2 * std::numbers::pi * m.start().month() / 12.0));
    }
    std::vector<long long> per_month = Apportion(total, month_weights);
    std::vector<DataValueWrite> out;
    for (size_t i = 0; i < months.size(); ++i) {
      const std::vector<const OrgUnit*>& stations = StationsOn(months[i].start());
      std::vector<double> weights;
      for (const OrgUnit* s : stations) weights.push_back(StationWeight(*s));
      std::vector<long long> shares = Apportion(per_month[i], weights);
      for (size_t k = 0; k < stations.size(); ++k) {
        if (shares[k] == 0 && element->aggregation_type == AggregationType::kSum) continue;
        out.push_back(Share(w, months[i], *stations[k], shares[k]));
      }
    }
    return out;
  }

 private:
  static DataValueWrite Share(const DataValueWrite& w, const Period& period, const OrgUnit& station,
                              long long value) {
    DataValueWrite part = w;
    part.key.period = period.Id();
    part.period_start = period.start();
    part.period_end = period.end();
    part.key.org_unit_uid = station.uid;
    part.value = std::to_string(value);
    part.comment = kSyntheticComment;
    return part;
  }

  // The commune health stations open on a day, in code order.
  const std::vector<const OrgUnit*>& StationsOn(Date day) {
    auto [it, inserted] = stations_.try_emplace(day.days_since_epoch());
    if (inserted) {
      for (const OrgUnit& u : hierarchy_.units()) {
        if (u.facility_type == "tyt" && u.validity.Contains(day)) it->second.push_back(&u);
      }
    }
    return it->second;
  }

  // A station's synthetic size. A station opened by a merge weighs what its predecessors
  // weighed, so the same figures look alike before and after the reform.
  double StationWeight(const OrgUnit& station) {
    auto it = weights_.find(station.uid);
    if (it != weights_.end()) return it->second;
    double weight = 0;
    for (const auto& p : hierarchy_.PredecessorsOf(station))
      weight += StationWeight(*p.unit) * p.share;
    if (weight == 0) weight = 0.4 + 1.2 * Unit01(station.code);
    weights_[station.uid] = weight;
    return weight;
  }

  const OrgHierarchy& hierarchy_;
  std::map<std::string, const DataElement*> elements_;
  std::map<int, std::vector<const OrgUnit*>> stations_;
  std::map<std::string, double> weights_;
};

std::vector<TargetRecord> ReadTargets(const std::string& path, const MetadataSnapshot& metadata,
                                      const OrgHierarchy& hierarchy) {
  std::map<std::string, std::string> indicators;
  for (const auto& i : metadata.indicators) indicators[i.code] = i.uid;
  CsvTable t(path, {"indicator", "period", "org_unit", "target"},
             {"indicator", "period", "org_unit", "target", "source"});
  std::vector<TargetRecord> out;
  while (t.Next()) {
    auto indicator = indicators.find(t.Get("indicator"));
    if (indicator == indicators.end()) {
      throw UserError("demo.unknown_indicator", "không có chỉ số mã '" + t.Get("indicator") + "'",
                      "no indicator with code '" + t.Get("indicator") + "'", t.Where("indicator"));
    }
    auto period = Period::Parse(t.Get("period"));
    if (!period) {
      throw UserError("demo.invalid_period", "kỳ '" + t.Get("period") + "' không hợp lệ",
                      "invalid period '" + t.Get("period") + "'", t.Where("period"));
    }
    const OrgUnit* unit = hierarchy.FindByCode(t.Get("org_unit"), period->start());
    if (unit == nullptr) unit = hierarchy.FindLatestByCode(t.Get("org_unit"));
    if (unit == nullptr) {
      throw UserError("demo.unknown_org_unit", "không có đơn vị mã '" + t.Get("org_unit") + "'",
                      "no org unit with code '" + t.Get("org_unit") + "'", t.Where("org_unit"));
    }
    plan::Target::ParseMachine(t.Get("target"), t.Where("target"));  // refuses non-targets
    out.push_back({indicator->second, period->Id(), unit->uid, t.Get("target"), t.Get("source")});
  }
  return out;
}

// A seed that the weekly reports must add up to: the cases of a disease at the province over a
// period (two months of 2021, the year 2025).
struct WeeklyTotal {
  std::string element_uid;
  std::string coc_uid;
  Period period;
  long long cases = 0;
};

std::optional<WeeklyTotal> WeeklyTotalOf(const MetadataSnapshot& m, const OrgHierarchy& hierarchy,
                                         const DataValueWrite& w) {
  const OrgUnit* unit = hierarchy.FindByUid(w.key.org_unit_uid);
  if (unit == nullptr || unit->code != kProvinceCode || !w.value) return std::nullopt;
  bool disease = false;
  for (const Disease& d : m.diseases)
    disease = disease || d.data_element_uid == w.key.data_element_uid;
  if (!disease) return std::nullopt;
  for (const CategoryOptionCombo& coc : m.category_option_combos) {
    if (coc.uid == w.key.category_option_combo_uid && coc.code != "MAC") return std::nullopt;
  }
  auto period = Period::Parse(w.key.period);
  if (!period) return std::nullopt;
  return WeeklyTotal{w.key.data_element_uid, w.key.category_option_combo_uid, *period,
                     std::stoll(*w.value)};
}

// Whether a seed is deaths from a notifiable disease at the province: the weekly reports carry
// those too, each death in a week and station that reported cases of the disease.
bool IsWeeklyDeaths(const MetadataSnapshot& m, const OrgHierarchy& hierarchy,
                    const DataValueWrite& w) {
  const OrgUnit* unit = hierarchy.FindByUid(w.key.org_unit_uid);
  if (unit == nullptr || unit->code != kProvinceCode || !w.value || std::stoll(*w.value) <= 0)
    return false;
  bool disease = false;
  for (const Disease& d : m.diseases)
    disease = disease || d.data_element_uid == w.key.data_element_uid;
  if (!disease || !Period::Parse(w.key.period)) return false;
  for (const CategoryOptionCombo& coc : m.category_option_combos) {
    if (coc.uid == w.key.category_option_combo_uid) return coc.code == "TU_VONG";
  }
  return false;
}

// Spreads a deaths seed over the weekly reports of its disease inside its period, in proportion
// to their cases and never above them (deaths <= cases per week and station, as the weekly rules
// check). False, adding nothing, when the weeks hold fewer cases than the deaths.
bool FitWeeklyDeaths(const MetadataSnapshot& m, const DataValueWrite& deaths,
                     std::vector<DataValueWrite>* weekly) {
  std::string cases_coc;
  for (const CategoryOptionCombo& coc : m.category_option_combos) {
    if (coc.code != "MAC") continue;
    for (const CategoryOptionCombo& other : m.category_option_combos) {
      if (other.uid == deaths.key.category_option_combo_uid && other.combo_uid == coc.combo_uid)
        cases_coc = coc.uid;
    }
  }
  Period period = *Period::Parse(deaths.key.period);
  std::vector<size_t> cells;
  std::vector<long long> cases;
  for (size_t i = 0; i < weekly->size(); ++i) {
    const DataValueWrite& v = (*weekly)[i];
    if (v.key.data_element_uid != deaths.key.data_element_uid ||
        v.key.category_option_combo_uid != cases_coc ||
        !period.Contains(*Period::FromSpan(v.period_start, v.period_end))) {
      continue;
    }
    cells.push_back(i);
    cases.push_back(std::stoll(*v.value));
  }
  long long total = std::stoll(*deaths.value);
  long long available = 0;
  for (long long c : cases) available += c;
  if (available < total) return false;
  std::vector<long long> parts = ApportionWithin(total, cases);
  for (size_t k = 0; k < cells.size(); ++k) {
    if (parts[k] == 0) continue;
    DataValueWrite v = (*weekly)[cells[k]];
    v.key.category_option_combo_uid = deaths.key.category_option_combo_uid;
    v.key.attribute_option_combo_uid = deaths.key.attribute_option_combo_uid;
    v.value = std::to_string(parts[k]);
    weekly->push_back(std::move(v));
  }
  return true;
}

// Rescales the weekly reports of the total's disease in the weeks inside its period so they add
// up to it exactly (largest remainder, in proportion to the generated counts; spread evenly over
// the stations and weeks when nothing was generated). Counts that become 0 are dropped.
void FitWeeklyToTotal(const OrgHierarchy& hierarchy, const WeeklyTotal& total,
                      std::vector<DataValueWrite>* weekly) {
  std::vector<size_t> cells;
  std::vector<double> weights;
  for (size_t i = 0; i < weekly->size(); ++i) {
    const DataValueWrite& v = (*weekly)[i];
    if (v.key.data_element_uid != total.element_uid ||
        v.key.category_option_combo_uid != total.coc_uid ||
        !total.period.Contains(*Period::FromSpan(v.period_start, v.period_end))) {
      continue;
    }
    cells.push_back(i);
    weights.push_back(std::stod(*v.value));
  }
  if (cells.empty() && total.cases > 0) {
    std::vector<Period> weeks;
    for (Period week = Period::Containing(PeriodType::kWeek, total.period.start());
         week.start() <= total.period.end(); week = week.Next()) {
      if (total.period.Contains(week)) weeks.push_back(week);
    }
    for (const Period& week : weeks) {
      for (const OrgUnit& station : hierarchy.units()) {
        if (station.facility_type != "tyt" || !station.validity.Contains(week.end())) continue;
        DataValueWrite v;
        v.key = {total.element_uid, week.Id(), station.uid, total.coc_uid,
                 DefaultCategoryOptionComboUid()};
        v.period_start = week.start();
        v.period_end = week.end();
        v.value = "1";
        v.comment = kSyntheticWeeklyComment;
        cells.push_back(weekly->size());
        weights.push_back(1.0);
        weekly->push_back(std::move(v));
      }
    }
  }
  std::vector<long long> parts = Apportion(total.cases, weights);
  for (size_t k = 0; k < cells.size(); ++k) (*weekly)[cells[k]].value = std::to_string(parts[k]);
  std::erase_if(*weekly, [](const DataValueWrite& v) { return *v.value == "0"; });
}

}  // namespace

DemoData BuildDemoData(const std::string& config_dir, const std::string& demo_dir) {
  ConfigFolder folder = LoadConfigFolder(config_dir);
  OrgHierarchy hierarchy(folder.metadata.org_units, folder.metadata.parent_links,
                         folder.metadata.org_events);
  DemoData demo;
  std::vector<DataValueWrite> seeds = ReadDataValuesFile(
      (fs::path(demo_dir) / "province_values.csv").string(), folder.metadata, hierarchy);
  demo.seed_values = seeds.size();
  demo.targets =
      ReadTargets((fs::path(demo_dir) / "targets.csv").string(), folder.metadata, hierarchy);
  Generator generator(folder.metadata, hierarchy);
  auto key_of = [](const DataValueKey& k) {
    return k.data_element_uid + "|" + k.period + "|" + k.org_unit_uid + "|" +
           k.category_option_combo_uid + "|" + k.attribute_option_combo_uid;
  };
  std::set<std::string> shared_out;  // province figures now held by their synthetic shares
  std::vector<DataValueWrite> generated;
  // The seeds' disease cases are totals of the weekly reports (the disease table is a two-month
  // aggregate of them): those figures are met by the weekly reports below, not by monthly shares.
  std::vector<WeeklyTotal> weekly_totals;
  // A figure that a validation rule says is part of another (deliveries at a facility of all
  // deliveries) is shared out after its totals, along the room they leave in each station-month,
  // so the synthetic values pass the configuration's own checks; shared out independently, their
  // roundings and seasons would break hundreds of them.
  std::vector<SubsetRule> subset_rules = SubsetRules(folder.metadata);
  std::vector<int> ranks = TotalsFirstRanks(subset_rules, seeds);
  std::vector<size_t> order(seeds.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  // Synthetic values per (element, option combo or "" for all of them, period, station).
  std::map<std::string, long long> cell_values;
  auto cell_key = [](const std::string& element, const std::string& coc, const std::string& period,
                     const std::string& station) {
    return element + "|" + coc + "|" + period + "|" + station;
  };
  auto item_value = [&](const RuleItem& item, const std::string& period,
                        const std::string& station) {
    auto it = cell_values.find(cell_key(item.element_uid, item.coc_uid, period, station));
    return it == cell_values.end() ? 0LL : it->second;
  };
  std::vector<std::vector<DataValueWrite>> expanded(seeds.size());
  std::vector<size_t> weekly_deaths;  // seeds met by the weekly reports, after their cases
  for (size_t index : order) {
    const DataValueWrite& w = seeds[index];
    if (auto total = WeeklyTotalOf(folder.metadata, hierarchy, w)) {
      weekly_totals.push_back(*total);
      if (total->cases > 0) {
        shared_out.insert(key_of(w.key));
        continue;
      }
    }
    if (IsWeeklyDeaths(folder.metadata, hierarchy, w)) {
      weekly_deaths.push_back(index);
      continue;
    }
    std::vector<const SubsetRule*> parts_of;
    for (const SubsetRule& r : subset_rules) {
      if (Covers(r.subset, w.key)) parts_of.push_back(&r);
    }
    CellRoom room = [&](const std::string& period, const std::string& station) {
      long long least = std::numeric_limits<long long>::max();
      for (const SubsetRule* r : parts_of) {
        least = std::min(
            least, item_value(r->total, period, station) - item_value(r->subset, period, station));
      }
      return least;
    };
    bool fitted = false;
    expanded[index] = generator.Expand(w, parts_of.empty() ? nullptr : &room, &fitted);
    bool shared =
        std::any_of(expanded[index].begin(), expanded[index].end(),
                    [](const DataValueWrite& v) { return v.comment == kSyntheticComment; });
    if (!parts_of.empty() && !fitted && shared) demo.unfitted_subsets.push_back(w);
    for (const DataValueWrite& v : expanded[index]) {
      if (v.comment != kSyntheticComment) continue;
      long long value = std::stoll(*v.value);
      cell_values[cell_key(v.key.data_element_uid, v.key.category_option_combo_uid, v.key.period,
                           v.key.org_unit_uid)] += value;
      cell_values[cell_key(v.key.data_element_uid, "", v.key.period, v.key.org_unit_uid)] += value;
    }
  }
  for (size_t index = 0; index < seeds.size(); ++index) {
    for (DataValueWrite& v : expanded[index]) {
      if (v.comment == kSyntheticComment) {
        ++demo.synthetic_values;
        shared_out.insert(key_of(seeds[index].key));
      }
      generated.push_back(std::move(v));
    }
  }
  // The seeds' disease table (two months of 2021) lists every notifiable disease, a blank cell
  // meaning no case; the yearly programme report names only some diseases. So within a seed period
  // shorter than a year, a disease without a figure had no case, and its weekly reports are none.
  std::set<std::pair<std::string, std::string>> seeded;  // (element, period)
  std::map<std::string, WeeklyTotal> table_periods;      // period id -> a total to copy
  for (const WeeklyTotal& total : weekly_totals) {
    seeded.emplace(total.element_uid, total.period.Id());
    if (total.period.type() != PeriodType::kYear) table_periods.emplace(total.period.Id(), total);
  }
  for (const auto& [id, example] : table_periods) {
    for (const Disease& disease : folder.metadata.diseases) {
      if (seeded.count({disease.data_element_uid, id})) continue;
      WeeklyTotal none = example;
      none.element_uid = disease.data_element_uid;
      none.cases = 0;
      weekly_totals.push_back(none);
    }
  }
  // A reference figure of the configuration (the province's population) that the demo shares out
  // must not also stay at the province, or every total would count it twice.
  for (DataValueWrite& v : folder.values) {
    if (!shared_out.count(key_of(v.key))) demo.values.push_back(std::move(v));
  }
  for (DataValueWrite& v : generated) demo.values.push_back(std::move(v));
  // The seeds name two measles outbreaks of 2025 (program_results_2025.csv, footnote 1: 215 cases
  // at Xã Mường Mùn, 120 at Xã Mường Chà); their weekly course here is invented.
  WeeklyReportOptions weekly{Period::Week(2021, 1), Period::Week(2025, 52), 2025, {}};
  weekly.clusters.push_back(
      {"MEASLES", "03268", Period::Week(2025, 36), {5, 10, 18, 30, 40, 42, 32, 20, 12, 6}});
  weekly.clusters.push_back(
      {"MEASLES", "03166", Period::Week(2025, 40), {3, 6, 12, 20, 26, 24, 15, 9, 5}});
  demo.weekly_values = SyntheticWeeklyReports(folder.metadata, hierarchy, weekly);
  for (const WeeklyTotal& total : weekly_totals) {
    FitWeeklyToTotal(hierarchy, total, &demo.weekly_values);
  }
  for (size_t index : weekly_deaths) {
    const DataValueWrite& w = seeds[index];
    if (FitWeeklyDeaths(folder.metadata, w, &demo.weekly_values)) continue;
    // More deaths than the weeks' cases: the seed breaks deaths <= cases itself; kept by month.
    demo.unfitted_subsets.push_back(w);
    for (DataValueWrite& v : generator.Expand(w)) {
      if (v.comment == kSyntheticComment) ++demo.synthetic_values;
      demo.values.push_back(std::move(v));
    }
  }
  demo.metadata = std::move(folder.metadata);
  return demo;
}

void WriteDemo(const DemoData& demo, Store& store,
               const std::function<void(const std::string&)>& progress) {
  MetadataChanges changes = store.ApplyMetadata(demo.metadata);
  progress("siêu dữ liệu / metadata: " + std::to_string(changes.created) + " mới / created, " +
           std::to_string(changes.updated) + " cập nhật / updated");
  constexpr size_t kBatch = 20000;
  for (size_t start = 0; start < demo.values.size(); start += kBatch) {
    size_t end = std::min(demo.values.size(), start + kBatch);
    std::vector<DataValueWrite> batch(demo.values.begin() + static_cast<long>(start),
                                      demo.values.begin() + static_cast<long>(end));
    store.PutValues(batch, "demo");
    progress("giá trị / values: " + std::to_string(end) + "/" + std::to_string(demo.values.size()));
  }
  for (size_t start = 0; start < demo.weekly_values.size(); start += kBatch) {
    size_t end = std::min(demo.weekly_values.size(), start + kBatch);
    std::vector<DataValueWrite> batch(demo.weekly_values.begin() + static_cast<long>(start),
                                      demo.weekly_values.begin() + static_cast<long>(end));
    store.PutValues(batch, "demo");
    progress("báo cáo tuần (mô phỏng) / weekly reports (synthetic): " + std::to_string(end) + "/" +
             std::to_string(demo.weekly_values.size()));
  }
  store.PutTargets(demo.targets, "demo");
  progress("chỉ tiêu kế hoạch / targets: " + std::to_string(demo.targets.size()));
  WriteDemoUsers(demo.metadata, store, progress);
}

}  // namespace solieu
