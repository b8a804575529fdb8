// engine/value_table: every numeric data value in memory, one compact record per value, grouped
// by data element so a query scans only the elements it needs. Built from the store and kept
// current by applying the same writes the store receives.
// Depends on: core.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"

namespace solieu {

struct ValueRecord {
  std::int32_t unit;             // index into OrgHierarchy::units()
  std::int32_t start;            // period start, days since epoch
  std::int32_t end;              // period end (inclusive)
  std::int32_t option_combo;     // index into the table's option combos
  std::int32_t attribute_combo;  // likewise
  double value;
};

class ValueTable {
 public:
  ValueTable(const MetadataSnapshot& metadata, const OrgHierarchy& hierarchy);

  // Adds, replaces or (for an absent value) removes values; keys naming unknown objects and
  // non-numeric values (TEXT) are skipped: they have no place in aggregates.
  void Apply(const std::vector<DataValueWrite>& writes);

  int ElementIndex(const std::string& uid_or_code) const;      // -1 if unknown
  int OptionComboIndex(const std::string& uid_or_code) const;  // -1 if unknown
  int UnitIndex(const std::string& uid) const;                 // -1 if unknown
  const std::vector<ValueRecord>& RecordsOf(int element) const {
    return records_[static_cast<size_t>(element)];
  }
  const DataElement& Element(int element) const { return elements_[static_cast<size_t>(element)]; }
  size_t size() const;

 private:
  void Put(int element, const ValueRecord& record, bool erase);

  std::vector<DataElement> elements_;
  std::unordered_map<std::string, int> element_index_;  // by uid and by code
  std::unordered_map<std::string, int> combo_index_;    // option combos, by uid and code
  std::unordered_map<std::string, int> unit_index_;
  std::vector<std::vector<ValueRecord>> records_;
  // (element, unit, start, end, coc, aoc) -> position in records_[element]
  struct KeyHash {
    size_t operator()(const std::array<std::int32_t, 6>& k) const;
  };
  std::unordered_map<std::array<std::int32_t, 6>, size_t, KeyHash> position_;
};

// The numeric form of a stored value: numbers as they are, booleans as 1/0, text none.
std::optional<double> NumericValue(ValueType type, const std::string& text);

}  // namespace solieu
