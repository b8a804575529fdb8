#include "quality/outliers.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace solieu::quality {
namespace {

constexpr double kModifiedZConstant = 0.6745;

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::string_view OutlierMethodName(OutlierMethod method) {
  switch (method) {
    case OutlierMethod::kZScore:
      return "z";
    case OutlierMethod::kModifiedZScore:
      return "modified-z";
    case OutlierMethod::kMinMax:
      return "min-max";
  }
  return "z";
}

bool ParseOutlierMethod(std::string_view name, OutlierMethod* out) {
  for (OutlierMethod m :
       {OutlierMethod::kZScore, OutlierMethod::kModifiedZScore, OutlierMethod::kMinMax}) {
    if (OutlierMethodName(m) == name) {
      *out = m;
      return true;
    }
  }
  return false;
}

double DefaultThreshold(OutlierMethod method) {
  switch (method) {
    case OutlierMethod::kZScore:
      return 3;
    case OutlierMethod::kModifiedZScore:
      return 3.5;
    case OutlierMethod::kMinMax:
      return 2;
  }
  return 3;
}

std::vector<SeriesOutlier> FindOutliers(std::span<const double> series, OutlierMethod method,
                                        double threshold, bool non_negative) {
  std::vector<SeriesOutlier> out;
  if (series.empty()) return out;
  const double n = static_cast<double>(series.size());
  double mean = 0;
  for (double x : series) mean += x;
  mean /= n;
  double squares = 0;
  for (double x : series) squares += (x - mean) * (x - mean);
  const double sd = std::sqrt(squares / n);

  if (method == OutlierMethod::kModifiedZScore) {
    const double median = Median({series.begin(), series.end()});
    std::vector<double> deviations;
    for (double x : series) deviations.push_back(std::fabs(x - median));
    const double mad = Median(std::move(deviations));
    if (mad == 0) return out;
    const double half_width = threshold * mad / kModifiedZConstant;
    for (size_t i = 0; i < series.size(); ++i) {
      const double score = kModifiedZConstant * (series[i] - median) / mad;
      if (std::fabs(score) > threshold) {
        out.push_back({i, series[i], median, score, median - half_width, median + half_width});
      }
    }
    return out;
  }
  if (sd == 0) return out;
  double lower = mean - threshold * sd;
  const double upper = mean + threshold * sd;
  if (method == OutlierMethod::kMinMax && non_negative) lower = std::max(0.0, lower);
  for (size_t i = 0; i < series.size(); ++i) {
    const double score = (series[i] - mean) / sd;
    const bool outlier = method == OutlierMethod::kZScore ? std::fabs(score) > threshold
                                                          : series[i] < lower || series[i] > upper;
    if (outlier) out.push_back({i, series[i], mean, score, lower, upper});
  }
  return out;
}

std::vector<Outlier> DetectOutliers(const Analytics& analytics,
                                    const std::vector<std::string>& element_uids,
                                    const OrgUnit& root, Date first, Date last,
                                    OutlierMethod method, double threshold) {
  const OrgHierarchy& hierarchy = analytics.hierarchy();
  const ValueTable& table = analytics.values();
  const MetadataSnapshot& metadata = analytics.metadata();
  std::map<int, const CategoryOptionCombo*> combo_of;
  for (const CategoryOptionCombo& c : metadata.category_option_combos) {
    int index = table.OptionComboIndex(c.uid);
    if (index >= 0) combo_of.emplace(index, &c);
  }
  auto under_root = [&](int unit, Date day) {
    const OrgUnit* cursor = &hierarchy.units()[static_cast<size_t>(unit)];
    for (size_t steps = 0; cursor != nullptr && steps <= hierarchy.size(); ++steps) {
      if (cursor == &root) return true;
      cursor = hierarchy.ParentOf(*cursor, day);
    }
    return false;
  };

  std::vector<Outlier> out;
  for (const std::string& uid : element_uids) {
    const int element = table.ElementIndex(uid);
    if (element < 0) continue;
    const DataElement* data_element = nullptr;
    for (const DataElement& d : metadata.data_elements) {
      if (d.uid == table.Element(element).uid) data_element = &d;
    }
    if (data_element == nullptr) continue;
    const bool non_negative = data_element->value_type == ValueType::kIntegerZeroOrPositive;
    // (unit, option combo, attribute combo, period type) -> (period, value), in any order.
    std::map<std::tuple<int, int, int, PeriodType>, std::vector<std::pair<Period, double>>> series;
    table.ForEach(element, [&](const ValueRecord& r) {
      const PeriodSpan& span = table.PeriodAt(r.period);
      const Date start = Date::FromDays(span.start), end = Date::FromDays(span.end);
      if (start < first || last < end) return;
      auto period = Period::FromSpan(start, end);
      if (!period || !under_root(r.unit, end)) return;
      series[{r.unit, r.option_combo, r.attribute_combo, period->type()}].emplace_back(*period,
                                                                                       r.value);
    });
    for (auto& [key, points] : series) {
      std::sort(points.begin(), points.end());
      std::vector<double> values;
      for (const auto& point : points) values.push_back(point.second);
      for (const SeriesOutlier& s : FindOutliers(values, method, threshold, non_negative)) {
        auto combo = combo_of.find(std::get<1>(key));
        out.push_back({data_element, combo == combo_of.end() ? nullptr : combo->second,
                       &hierarchy.units()[static_cast<size_t>(std::get<0>(key))],
                       points[s.index].first, s});
      }
    }
  }
  auto sort_key = [](const Outlier& o) {
    return std::make_tuple(o.element->code, o.org_unit->code, o.org_unit->uid,
                           o.option_combo ? o.option_combo->code : std::string(), o.period.start(),
                           o.period.Id());
  };
  std::sort(out.begin(), out.end(),
            [&](const Outlier& a, const Outlier& b) { return sort_key(a) < sort_key(b); });
  return out;
}

}  // namespace solieu::quality
