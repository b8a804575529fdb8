// generate/value_stream: the value model and its streaming iterator.
#include "generate/value_stream.h"

#include <cmath>
#include <string>

#include "core/error.h"
#include "generate/prng.h"

namespace solieu::generate {
namespace {

// cos(2 pi k / 12), written out so the season does not depend on libm's cos.
const double kCos12[12] = {1.0,  std::sqrt(3.0) / 2,  0.5,  0.0, -0.5, -std::sqrt(3.0) / 2,
                           -1.0, -std::sqrt(3.0) / 2, -0.5, 0.0, 0.5,  std::sqrt(3.0) / 2};

double Season(const ElementProfile& e, int calendar_month, int shift) {
  if (e.peak_month == 0) return 1.0;
  int k = ((calendar_month - e.peak_month - shift) % 12 + 12) % 12;
  return 1.0 + e.amplitude * kCos12[k];
}

double Expected(const NationalDataset& d, double scale) {
  double per_kind[kFacilityKinds] = {};
  for (int k = 0; k < kFacilityKinds; ++k) {
    for (const ElementProfile& e : d.elements) {
      per_kind[k] += ScaleOdds(e.kind_share[k], scale) * static_cast<double>(e.coc_uids.size()) *
                     ScaleOdds(e.cell_presence, scale);
    }
  }
  double total = 0;
  for (const FacilityProfile& f : d.facilities) {
    total += ScaleOdds(f.reliability, scale) * per_kind[static_cast<int>(f.kind)];
  }
  return total * d.months;
}

}  // namespace

ValuePlan PlanValues(const NationalDataset& d, const GenerateOptions& options) {
  ValuePlan plan;
  double cells = 0;
  for (const ElementProfile& e : d.elements) cells += static_cast<double>(e.coc_uids.size());
  plan.capacity = cells * static_cast<double>(d.facilities.size()) * d.months;
  if (!options.values) {
    plan.expected = Expected(d, 1.0);
    return plan;
  }
  const double target = static_cast<double>(*options.values);
  double lo = 1e-9, hi = 1e9;
  if (Expected(d, hi) < target) {
    long long need = static_cast<long long>(
        std::ceil(options.elements * target / plan.capacity * 1.05));  // headroom: 5 %
    std::string cap = std::to_string(static_cast<long long>(plan.capacity));
    throw UserError(
        "generate.too_many_values",
        "--values " + std::to_string(*options.values) + " vượt quá sức chứa " + cap +
            " giá trị của " + std::to_string(options.elements) + " phần tử x " +
            std::to_string(options.years) + " năm; cần khoảng --elements " + std::to_string(need),
        "--values " + std::to_string(*options.values) + " exceeds the " + cap + " values that " +
            std::to_string(options.elements) + " elements x " + std::to_string(options.years) +
            " years can hold; use about --elements " + std::to_string(need),
        "--values");
  }
  // Expected() rises with the scale; bisect on a log scale (the geometric mean is the midpoint).
  for (int i = 0; i < 80; ++i) {
    double mid = std::sqrt(lo * hi);
    (Expected(d, mid) < target ? lo : hi) = mid;
  }
  plan.scale = hi;
  plan.expected = Expected(d, hi);
  return plan;
}

ValueStream::ValueStream(const NationalDataset& dataset, const ValuePlan& plan, std::uint64_t seed)
    : d_(dataset), seed_(seed), scale_(plan.scale) {
  month_chance_.reserve(d_.facilities.size());
  for (const FacilityProfile& f : d_.facilities) {
    month_chance_.push_back(ScaleOdds(f.reliability, scale_));
  }
  if (!d_.elements.empty()) {
    EnterElement();
    EnterMonth();
  }
}

void ValueStream::EnterElement() {
  const ElementProfile& e = d_.elements[e_];
  for (int k = 0; k < kFacilityKinds; ++k) kind_chance_[k] = ScaleOdds(e.kind_share[k], scale_);
  cell_chance_ = ScaleOdds(e.cell_presence, scale_);
}

void ValueStream::EnterMonth() {
  const ElementProfile& e = d_.elements[e_];
  const int calendar_month = m_ % 12 + 1;
  season_[0] = Season(e, calendar_month, 0);
  season_[1] = e.rainy ? Season(e, calendar_month, 3) : season_[0];
  trend_ = 1.0 + 0.03 * (m_ / 12);
}

bool ValueStream::Next(GeneratedValue* out) {
  const int elements = static_cast<int>(d_.elements.size());
  const int facilities = static_cast<int>(d_.facilities.size());
  while (e_ < elements) {
    const ElementProfile& e = d_.elements[e_];
    const int cells = static_cast<int>(e.coc_uids.size());
    if (!cell_open_) {
      // Find the next facility that reports this element and this month.
      for (; f_ < facilities; ++f_) {
        const FacilityProfile& f = d_.facilities[f_];
        if (Unit(Draw(seed_, DrawTag::kReportsElement, e_, f_)) >=
            kind_chance_[static_cast<int>(f.kind)]) {
          continue;
        }
        if (Unit(Draw(seed_, DrawTag::kReportsMonth, f_, m_)) >= month_chance_[f_]) continue;
        base_ = e.rate * f.size * season_[f.region_shift != 0 ? 1 : 0] * trend_;
        cell_open_ = true;
        c_ = 0;
        break;
      }
      if (!cell_open_) {
        f_ = 0;
        if (++m_ == d_.months) {
          m_ = 0;
          if (++e_ == elements) return false;
          EnterElement();
        }
        EnterMonth();
        continue;
      }
    }
    while (c_ < cells) {
      const int c = c_++;
      UnitStream u(Draw(seed_, DrawTag::kCellPresent, e_, m_, f_, c));
      if (u.Next() >= cell_chance_) continue;
      out->element = e_;
      out->month = m_;
      out->facility = f_;
      out->coc = c;
      out->value = PoissonCount(base_ * e.coc_shares[c], u);
      return true;
    }
    cell_open_ = false;
    ++f_;
  }
  return false;
}

}  // namespace solieu::generate
