// engine/value_table: every numeric data value in memory, grouped by data element so a query
// scans only the elements it needs, in about 14 bytes a value so that a national HMIS (a billion
// values) fits in memory. Built from the store and kept current by applying the same writes the
// store receives.
//
// Layout of one element's column (why: a per-value hash index and 32-byte records cost ~100 B a
// value; see docs/BENCHMARKS.md, "Engine at national scale"):
//  - records sorted by key (unit, period, option combo, attribute combo), as parallel arrays: the
//    key packed in 64 bits (unit 32, period 16, option combo 16), the attribute combo in 16 bits
//    and the value in a 32-bit code. Periods are interned table-wide (a (start, end) pair per
//    index), so a record names its period in 16 bits.
//  - a value code holds an integer in [-2^30, 2^31) as itself (most health figures are counts);
//    any other value (65.7, 1e-9, 2^40, -0.0) is an index into the column's exact doubles, so
//    every value reads back exactly as it was written.
//  - replace and erase find the record by binary search and change it in place (an erased record
//    is a tombstone until the next merge); a new key goes to a small sorted overlay, merged into
//    the sorted records when it outgrows an eighth of them, so a bulk load costs a few copies of
//    the data and a live write a binary search.
// Depends on: core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"

namespace solieu {

// A period as the table knows it: its first and last day, days since the epoch.
struct PeriodSpan {
  std::int32_t start;
  std::int32_t end;  // inclusive
};

// One stored value as it is read back.
struct ValueRecord {
  int unit;             // index into OrgHierarchy::units()
  int period;           // index into ValueTable::PeriodAt
  int option_combo;     // index into the table's option combos
  int attribute_combo;  // likewise
  double value;         // exactly as written
  bool integral;        // value is an integer in [-2^30, 2^31): sums may add it exactly
};

class ValueTable {
 public:
  // Throws UserError when the metadata has more option combos than a record can name (65,535).
  ValueTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy);

  // Adds, replaces or (for an absent value) removes values; keys naming unknown objects and
  // non-numeric values (TEXT) are skipped: they have no place in aggregates. Later writes of one
  // key in a batch win. Throws UserError (before changing anything) when the batch would bring
  // more than 65,536 distinct periods.
  void Apply(const std::vector<DataValueWrite>& writes);
  // Merges every element's overlay and drops tombstones: call after a bulk load so the table
  // holds only its sorted records.
  void Compact();

  int ElementIndex(const std::string& uid_or_code) const;      // -1 if unknown
  int OptionComboIndex(const std::string& uid_or_code) const;  // -1 if unknown
  int UnitIndex(const std::string& uid) const;                 // -1 if unknown
  const DataElement& Element(int element) const { return elements_[static_cast<size_t>(element)]; }
  size_t ElementCount() const { return elements_.size(); }
  size_t UnitCount() const { return unit_count_; }
  size_t PeriodCount() const { return periods_.size(); }
  const PeriodSpan& PeriodAt(int period) const { return periods_[static_cast<size_t>(period)]; }

  // Calls f(const ValueRecord&) for every value of the element, in no promised order (in practice
  // grouped by unit).
  template <typename F>
  void ForEach(int element, F&& f) const;
  // Calls f(const ValueRecord&) for every value of the element entered for `unit`.
  template <typename F>
  void ForEachOfUnit(int element, int unit, F&& f) const;

  size_t size() const;
  // Bytes held by the values (columns, overlays, exact doubles, the period table), by capacity.
  size_t MemoryBytes() const;

 private:
  static constexpr std::int32_t kErased = INT32_MIN;
  static constexpr std::int32_t kFirstDirect = -(1 << 30);  // codes from here on are the value

  // An overlay entry: a key not among the column's sorted records.
  struct Pending {
    std::uint64_t key;
    std::uint16_t attribute_combo;
    std::int32_t code;
  };

  struct Column {
    std::vector<std::uint64_t> keys;  // unit << 32 | period << 16 | option combo, sorted
    std::vector<std::uint16_t> attribute_combos;
    std::vector<std::int32_t> codes;
    std::vector<double> doubles;   // values that are not a direct code
    std::vector<Pending> pending;  // sorted by (key, attribute combo)
    size_t erased = 0;             // tombstones among keys
    size_t pending_erased = 0;     // tombstones in pending
    size_t dead_doubles = 0;       // doubles no code points to any more
  };

  // One write resolved to a column.
  struct Incoming {
    std::uint64_t key;
    std::uint16_t attribute_combo;
    bool erase;
    double value;
  };

  static std::uint64_t Key(int unit, int period, int option_combo) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(unit)) << 32 |
           static_cast<std::uint64_t>(period) << 16 | static_cast<std::uint64_t>(option_combo);
  }
  static double Decode(const Column& column, std::int32_t code) {
    return code >= kFirstDirect ? static_cast<double>(code)
                                : column.doubles[static_cast<size_t>(code - kErased - 1)];
  }
  template <typename F>
  static void Visit(const Column& column, std::uint64_t key, std::uint16_t aoc, std::int32_t code,
                    F& f) {
    if (code == kErased) return;
    f(ValueRecord{static_cast<int>(key >> 32), static_cast<int>((key >> 16) & 0xFFFF),
                  static_cast<int>(key & 0xFFFF), aoc, Decode(column, code), code >= kFirstDirect});
  }

  static std::int32_t Encode(Column* column, double value);
  static void Release(Column* column, std::int32_t code);
  static void ApplyToColumn(Column* column, std::vector<Incoming>* batch);
  static void Merge(Column* column);

  std::vector<DataElement> elements_;
  std::unordered_map<std::string, int> element_index_;  // by uid and by code
  std::unordered_map<std::string, int> combo_index_;    // option combos, by uid and code
  std::unordered_map<std::string, int> unit_index_;
  size_t unit_count_ = 0;
  std::vector<PeriodSpan> periods_;
  std::unordered_map<std::uint64_t, std::uint16_t> period_index_;  // start << 32 | end
  std::vector<Column> columns_;
};

template <typename F>
void ValueTable::ForEach(int element, F&& f) const {
  const Column& c = columns_[static_cast<size_t>(element)];
  for (size_t i = 0; i < c.keys.size(); ++i)
    Visit(c, c.keys[i], c.attribute_combos[i], c.codes[i], f);
  for (const Pending& p : c.pending) Visit(c, p.key, p.attribute_combo, p.code, f);
}

template <typename F>
void ValueTable::ForEachOfUnit(int element, int unit, F&& f) const {
  const Column& c = columns_[static_cast<size_t>(element)];
  const std::uint64_t first = Key(unit, 0, 0), next = Key(unit + 1, 0, 0);
  size_t lo = 0, hi = c.keys.size();
  while (lo < hi) {  // the first key of the unit
    size_t mid = lo + (hi - lo) / 2;
    if (c.keys[mid] < first)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < c.keys.size() && c.keys[i] < next; ++i) {
    Visit(c, c.keys[i], c.attribute_combos[i], c.codes[i], f);
  }
  lo = 0, hi = c.pending.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c.pending[mid].key < first)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < c.pending.size() && c.pending[i].key < next; ++i) {
    Visit(c, c.pending[i].key, c.pending[i].attribute_combo, c.pending[i].code, f);
  }
}

// The numeric form of a stored value: numbers as they are, booleans as 1/0, text none.
std::optional<double> NumericValue(ValueType type, const std::string& text);

}  // namespace solieu
