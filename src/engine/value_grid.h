// engine/value_grid: the answer to a query: one optional value per (item, period, org unit) cell,
// stored flat. "No value" is a real answer (nothing reported, or a division by zero), never a 0.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace solieu {

class ValueGrid {
 public:
  ValueGrid(size_t items, size_t periods, size_t units)
      : periods_(periods), units_(units), values_(items * periods * units) {}
  const std::optional<double>& At(size_t item, size_t period, size_t unit) const {
    return values_[(item * periods_ + period) * units_ + unit];
  }
  std::optional<double>& At(size_t item, size_t period, size_t unit) {
    return values_[(item * periods_ + period) * units_ + unit];
  }

 private:
  size_t periods_, units_;
  std::vector<std::optional<double>> values_;
};

}  // namespace solieu
