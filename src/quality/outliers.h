// quality/outliers: suspicious values among the stored values of data elements.
//
// A series is every stored value of one data element, option combo and attribute option combo
// for one org unit, of one period type, within a date range. Each value is scored against its own
// series (the value itself included), as DHIS2's outlier detection does:
//  - z-score ("z", default threshold 3): z = (x - mean) / sd, sd the population standard
//    deviation; an outlier when |z| > threshold. Bounds mean -/+ threshold * sd.
//  - modified z-score ("modified-z", default 3.5; Iglewicz and Hoaglin):
//    M = 0.6745 * (x - median) / MAD, MAD the median of |x - median|; an outlier when
//    |M| > threshold. Bounds median -/+ threshold * MAD / 0.6745.
//  - min-max ("min-max", default factor 2): bounds generated as DHIS2's min-max generation does,
//    mean -/+ factor * sd (DHIS2's system setting "factorDeviation", default 2), the lower bound
//    not below 0 for elements that cannot be negative; an outlier when outside the bounds. The
//    score reported is the z-score.
// A series whose spread is 0 (sd or MAD) has no outliers.
// Depends on: core, engine.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/metadata.h"
#include "core/org_unit.h"
#include "core/period.h"
#include "engine/analytics.h"

namespace solieu::quality {

enum class OutlierMethod { kZScore, kModifiedZScore, kMinMax };
std::string_view OutlierMethodName(OutlierMethod method);  // "z", "modified-z", "min-max"
bool ParseOutlierMethod(std::string_view name, OutlierMethod* out);
double DefaultThreshold(OutlierMethod method);  // 3, 3.5, 2

struct SeriesOutlier {
  size_t index;  // position in the series
  double value;
  double centre;  // mean (z, min-max) or median (modified-z)
  double score;   // z or modified z
  double lower;   // bounds a value may lie within
  double upper;
};

// The outliers of one series, in series order. Pure.
std::vector<SeriesOutlier> FindOutliers(std::span<const double> series, OutlierMethod method,
                                        double threshold, bool non_negative = false);

struct Outlier {
  const DataElement* element;               // points into the analytics' metadata
  const CategoryOptionCombo* option_combo;  // nullptr if unknown to the metadata
  const OrgUnit* org_unit;                  // points into the analytics' hierarchy
  Period period;
  SeriesOutlier stats;
};

// The outliers among the stored values of `element_uids` for `root` and every unit below it
// (a unit counts when it is below root on its value's last day) whose periods lie within
// first..last. Ordered by element code, org unit code, option combo code, period start.
std::vector<Outlier> DetectOutliers(const Analytics& analytics,
                                    const std::vector<std::string>& element_uids,
                                    const OrgUnit& root, Date first, Date last,
                                    OutlierMethod method, double threshold);

}  // namespace solieu::quality
