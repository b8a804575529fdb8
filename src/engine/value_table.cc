#include "engine/value_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/error.h"

namespace solieu {
namespace {

constexpr size_t kMaxCombos = 65536;   // a record names its combos in 16 bits
constexpr size_t kMaxPeriods = 65536;  // and its period
// Below these sizes an overlay, its tombstones or unused doubles are not worth a merge.
constexpr size_t kMinOverlay = 4096;

std::uint64_t SpanKey(std::int32_t start, std::int32_t end) {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(start)) << 32 |
         static_cast<std::uint32_t>(end);
}

}  // namespace

std::optional<double> NumericValue(ValueType type, const std::string& text) {
  if (type == ValueType::kText) return std::nullopt;
  if (type == ValueType::kBoolean) return text == "true" ? 1.0 : 0.0;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

ValueTable::ValueTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy)
    : elements_(metadata.data_elements),
      unit_count_(hierarchy.units().size()),
      columns_(metadata.data_elements.size()) {
  if (metadata.category_option_combos.size() > kMaxCombos) {
    throw UserError("engine.too_many_option_combos",
                    "bộ máy phân tích chỉ chứa được tối đa 65.536 nhóm phân tổ (category option "
                    "combo); siêu dữ liệu có " +
                        std::to_string(metadata.category_option_combos.size()),
                    "the analytics engine holds at most 65,536 category option combos; the "
                    "metadata has " +
                        std::to_string(metadata.category_option_combos.size()),
                    "category option combos");
  }
  for (size_t i = 0; i < elements_.size(); ++i) {
    element_index_[elements_[i].uid] = static_cast<int>(i);
    element_index_.emplace(elements_[i].code, static_cast<int>(i));
  }
  for (size_t i = 0; i < metadata.category_option_combos.size(); ++i) {
    const auto& coc = metadata.category_option_combos[i];
    combo_index_[coc.uid] = static_cast<int>(i);
    combo_index_.emplace(coc.code, static_cast<int>(i));
  }
  for (size_t i = 0; i < hierarchy.units().size(); ++i) {
    unit_index_[hierarchy.units()[i].uid] = static_cast<int>(i);
  }
}

int ValueTable::ElementIndex(const std::string& key) const {
  auto it = element_index_.find(key);
  return it == element_index_.end() ? -1 : it->second;
}

int ValueTable::OptionComboIndex(const std::string& key) const {
  auto it = combo_index_.find(key);
  return it == combo_index_.end() ? -1 : it->second;
}

int ValueTable::UnitIndex(const std::string& uid) const {
  auto it = unit_index_.find(uid);
  return it == unit_index_.end() ? -1 : it->second;
}

size_t ValueTable::size() const {
  size_t n = 0;
  for (const Column& c : columns_)
    n += c.keys.size() - c.erased + c.pending.size() - c.pending_erased;
  return n;
}

size_t ValueTable::MemoryBytes() const {
  size_t bytes = columns_.capacity() * sizeof(Column) + periods_.capacity() * sizeof(PeriodSpan) +
                 // a node per period plus the bucket array, as libstdc++ lays them out
                 period_index_.size() * 32 + period_index_.bucket_count() * sizeof(void*);
  for (const Column& c : columns_) {
    bytes += c.keys.capacity() * sizeof(std::uint64_t) +
             c.attribute_combos.capacity() * sizeof(std::uint16_t) +
             c.codes.capacity() * sizeof(std::int32_t) + c.doubles.capacity() * sizeof(double) +
             c.pending.capacity() * sizeof(Pending);
  }
  return bytes;
}

std::int32_t ValueTable::Encode(Column* column, double value) {
  if (value >= kFirstDirect && value <= INT32_MAX && value == std::trunc(value) &&
      !(value == 0 && std::signbit(value))) {
    return static_cast<std::int32_t>(value);
  }
  column->doubles.push_back(value);
  return static_cast<std::int32_t>(static_cast<std::int64_t>(kErased) + 1 +
                                   static_cast<std::int64_t>(column->doubles.size() - 1));
}

void ValueTable::Release(Column* column, std::int32_t code) {
  if (code != kErased && code < kFirstDirect) ++column->dead_doubles;
}

void ValueTable::Merge(Column* column) {
  Column& c = *column;
  const size_t n = c.keys.size() - c.erased + c.pending.size() - c.pending_erased;
  size_t live_doubles = 0;
  for (std::int32_t code : c.codes) live_doubles += code != kErased && code < kFirstDirect;
  for (const Pending& p : c.pending) live_doubles += p.code != kErased && p.code < kFirstDirect;
  // Reserved to the exact size, so a merged column carries no spare capacity.
  std::vector<std::uint64_t> keys;
  std::vector<std::uint16_t> attribute_combos;
  std::vector<std::int32_t> codes;
  std::vector<double> doubles;
  keys.reserve(n);
  attribute_combos.reserve(n);
  codes.reserve(n);
  doubles.reserve(live_doubles);
  auto emit = [&](std::uint64_t key, std::uint16_t aoc, std::int32_t code) {
    if (code == kErased) return;
    if (code < kFirstDirect) {
      doubles.push_back(c.doubles[static_cast<size_t>(code - kErased - 1)]);
      code = static_cast<std::int32_t>(static_cast<std::int64_t>(kErased) + 1 +
                                       static_cast<std::int64_t>(doubles.size() - 1));
    }
    keys.push_back(key);
    attribute_combos.push_back(aoc);
    codes.push_back(code);
  };
  // The overlay never holds a key of the sorted records, so the two interleave without ties.
  size_t i = 0, j = 0;
  while (i < c.keys.size() || j < c.pending.size()) {
    bool take_main =
        j == c.pending.size() ||
        (i < c.keys.size() &&
         (c.keys[i] < c.pending[j].key ||
          (c.keys[i] == c.pending[j].key && c.attribute_combos[i] < c.pending[j].attribute_combo)));
    if (take_main) {
      emit(c.keys[i], c.attribute_combos[i], c.codes[i]);
      ++i;
    } else {
      emit(c.pending[j].key, c.pending[j].attribute_combo, c.pending[j].code);
      ++j;
    }
  }
  c.keys = std::move(keys);
  c.attribute_combos = std::move(attribute_combos);
  c.codes = std::move(codes);
  c.doubles = std::move(doubles);
  std::vector<Pending>().swap(c.pending);  // "= {}" would keep the capacity
  c.erased = c.pending_erased = c.dead_doubles = 0;
}

void ValueTable::ApplyToColumn(Column* column, std::vector<Incoming>* batch) {
  Column& c = *column;
  auto before = [](std::uint64_t k1, std::uint16_t a1, std::uint64_t k2, std::uint16_t a2) {
    return k1 < k2 || (k1 == k2 && a1 < a2);
  };
  // Stable, so of two writes of one key the later stays last; keep only that one.
  std::stable_sort(batch->begin(), batch->end(), [&](const Incoming& a, const Incoming& b) {
    return before(a.key, a.attribute_combo, b.key, b.attribute_combo);
  });
  size_t kept = 0;
  for (size_t i = 0; i < batch->size(); ++i) {
    const Incoming& w = (*batch)[i];
    if (i + 1 < batch->size() && (*batch)[i + 1].key == w.key &&
        (*batch)[i + 1].attribute_combo == w.attribute_combo) {
      continue;
    }
    (*batch)[kept++] = w;
  }
  batch->resize(kept);

  // Changes one held code in place; `tombstones` counts the erased codes of its array.
  auto change = [&](std::int32_t* code, size_t* tombstones, const Incoming& w) {
    if (*code == kErased) {
      if (w.erase) return;
      --*tombstones;
    } else {
      Release(&c, *code);
    }
    if (w.erase) {
      *code = kErased;
      ++*tombstones;
    } else {
      *code = Encode(&c, w.value);
    }
  };
  std::vector<Pending> inserts;  // new keys, sorted because the batch is
  for (const Incoming& w : *batch) {
    size_t lo = 0, hi = c.keys.size();
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (before(c.keys[mid], c.attribute_combos[mid], w.key, w.attribute_combo))
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < c.keys.size() && c.keys[lo] == w.key && c.attribute_combos[lo] == w.attribute_combo) {
      change(&c.codes[lo], &c.erased, w);
      continue;
    }
    lo = 0, hi = c.pending.size();
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      const Pending& p = c.pending[mid];
      if (before(p.key, p.attribute_combo, w.key, w.attribute_combo))
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < c.pending.size() && c.pending[lo].key == w.key &&
        c.pending[lo].attribute_combo == w.attribute_combo) {
      change(&c.pending[lo].code, &c.pending_erased, w);
      continue;
    }
    if (!w.erase) inserts.push_back({w.key, w.attribute_combo, Encode(&c, w.value)});
  }
  // Merge the new keys into the overlay from the back, in place.
  if (!inserts.empty()) {
    size_t old = c.pending.size();
    c.pending.resize(old + inserts.size());
    size_t i = old, j = inserts.size(), out = c.pending.size();
    while (j > 0) {
      if (i > 0 && before(inserts[j - 1].key, inserts[j - 1].attribute_combo, c.pending[i - 1].key,
                          c.pending[i - 1].attribute_combo)) {
        c.pending[--out] = c.pending[--i];
      } else {
        c.pending[--out] = inserts[--j];
      }
    }
  }
  const size_t limit = std::max(kMinOverlay, c.keys.size() / 8);
  if (c.pending.size() > limit || c.erased > limit ||
      c.dead_doubles > std::max(kMinOverlay, c.doubles.size() / 2)) {
    Merge(&c);
  }
}

void ValueTable::Compact() {
  for (Column& c : columns_) {
    if (!c.pending.empty() || c.erased > 0 || c.dead_doubles > 0) Merge(&c);
  }
}

void ValueTable::Apply(const std::vector<DataValueWrite>& writes) {
  // Resolve every write first, so a refused batch changes nothing.
  struct Resolved {
    int element, unit, coc, aoc;
    std::uint64_t span;
    bool erase;
    double value;
  };
  std::vector<Resolved> resolved;
  resolved.reserve(writes.size());
  std::unordered_map<std::uint64_t, std::uint16_t> new_periods;
  for (const DataValueWrite& w : writes) {
    int element = ElementIndex(w.key.data_element_uid);
    int unit = UnitIndex(w.key.org_unit_uid);
    int coc = OptionComboIndex(w.key.category_option_combo_uid);
    int aoc = OptionComboIndex(w.key.attribute_option_combo_uid);
    if (element < 0 || unit < 0 || coc < 0 || aoc < 0) continue;
    Resolved r{element,
               unit,
               coc,
               aoc,
               SpanKey(w.period_start.days_since_epoch(), w.period_end.days_since_epoch()),
               !w.value.has_value(),
               0};
    if (w.value) {
      auto number = NumericValue(Element(element).value_type, *w.value);
      if (!number) continue;
      r.value = *number;
    }
    if (!period_index_.contains(r.span) && !new_periods.contains(r.span)) {
      if (periods_.size() + new_periods.size() >= kMaxPeriods) {
        throw UserError("engine.too_many_periods",
                        "bộ máy phân tích chỉ chứa được tối đa 65.536 kỳ báo cáo khác nhau; giá "
                        "trị kỳ " +
                            w.key.period + " không được nạp",
                        "the analytics engine holds at most 65,536 distinct periods; the value for "
                        "period " +
                            w.key.period + " was not loaded",
                        "period " + w.key.period);
      }
      new_periods.emplace(r.span, static_cast<std::uint16_t>(periods_.size() + new_periods.size()));
    }
    resolved.push_back(r);
  }
  std::map<int, std::vector<Incoming>> batches;
  for (const auto& [span, index] : new_periods) period_index_.emplace(span, index);
  periods_.resize(periods_.size() + new_periods.size());
  for (const auto& [span, index] : new_periods) {
    periods_[index] = {static_cast<std::int32_t>(span >> 32), static_cast<std::int32_t>(span)};
  }
  for (const Resolved& r : resolved) {
    batches[r.element].push_back({Key(r.unit, period_index_.at(r.span), r.coc),
                                  static_cast<std::uint16_t>(r.aoc), r.erase, r.value});
  }
  std::vector<Resolved>().swap(resolved);
  for (auto& [element, batch] : batches) {
    Column& c = columns_[static_cast<size_t>(element)];
    // A code names at most 2^30 - 1 doubles; a column near that first drops its unused ones
    // (a merge changes no value, so a refusal still leaves the table as it was).
    constexpr size_t kMaxDoubles = (size_t{1} << 30) - 1;
    if (c.doubles.size() + batch.size() >= kMaxDoubles) Merge(&c);
    if (c.doubles.size() + batch.size() >= kMaxDoubles) {
      throw UserError("engine.too_many_decimal_values",
                      "phần tử dữ liệu " + Element(element).code +
                          " có quá nhiều giá trị không nguyên (tối đa 2^30) để nạp vào bộ máy "
                          "phân tích",
                      "data element " + Element(element).code +
                          " has too many non-integer values (at most 2^30) for the analytics "
                          "engine",
                      "data element " + Element(element).code);
    }
  }
  for (auto& [element, batch] : batches) {
    ApplyToColumn(&columns_[static_cast<size_t>(element)], &batch);
    std::vector<Incoming>().swap(batch);
  }
}

}  // namespace solieu
