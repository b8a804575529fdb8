// generate/value_stream: the monthly values of the national dataset, produced one at a time in
// (data element, month, facility, option combo) order, so nothing grows with the number of values.
// The model: a facility reports an element or not (by its kind: hospitals report more elements),
// a facility misses whole months (its reliability), a disaggregated cell may be blank; the count is
// Poisson around rate x facility size x season (a rainy-season peak for fever, diarrhoea, dengue,
// malaria, three months later in the central provinces) x a 3 %/year trend x the combo's share.
// A target total moves every reporting chance by one odds multiplier found by bisection over the
// exact expected count. Depends on: generate/national_dataset, generate/prng, core/error.
#pragma once

#include <cstdint>
#include <vector>

#include "generate/national_dataset.h"

namespace solieu::generate {

struct ValuePlan {
  double scale = 1;     // the odds multiplier on every reporting chance
  double expected = 0;  // values expected at that scale
  double capacity = 0;  // values if every facility reported every cell every month
};

// The plan for `options.values` (or scale 1 without it). Throws UserError naming --values when
// the target exceeds the capacity of the elements and years asked for, saying how many elements
// would hold it.
ValuePlan PlanValues(const NationalDataset& dataset, const GenerateOptions& options);

struct GeneratedValue {
  int element = 0;
  int month = 0;  // 0 = January of the first year
  int facility = 0;
  int coc = 0;  // index into the element's coc_uids
  std::int64_t value = 0;
};

class ValueStream {
 public:
  ValueStream(const NationalDataset& dataset, const ValuePlan& plan, std::uint64_t seed);

  // The next value; false when every one has been produced.
  bool Next(GeneratedValue* out);

 private:
  void EnterElement();
  void EnterMonth();

  const NationalDataset& d_;
  std::uint64_t seed_;
  double scale_;
  std::vector<double> month_chance_;  // per facility
  double kind_chance_[kFacilityKinds] = {};
  double cell_chance_ = 1;
  double season_[2] = {1, 1};  // this month's multiplier without and with the central shift
  double trend_ = 1;
  int e_ = 0, m_ = 0, f_ = 0, c_ = 0;
  bool cell_open_ = false;  // true while the cells of (e_, m_, f_) are being produced
  double base_ = 0;         // the expected count of (e_, m_, f_) before the combo's share
};

}  // namespace solieu::generate
