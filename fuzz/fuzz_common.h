// fuzz/fuzz_common: what every libFuzzer target here shares. A target feeds the input through a
// real reader to its end and catches solieu::UserError, the one exception bad input may raise;
// anything else (another exception, a crash, an ASan or UBSan report, a leak) fails the run.
// Depends on: core/error, exchange/data_value_source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "exchange/data_value_source.h"

namespace solieu::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A small read chunk that varies with the input's size, so chunk boundaries fall everywhere: inside
// tokens, multi-byte UTF-8 sequences, CRLF pairs, quotes and tags.
inline size_t ChunkSize(size_t size) {
  return 1 + size % 31;
}

// Reads the header and every row to the end of the input, touching each field so a reader that
// hands out a dangling or uninitialised string is caught.
inline void Drain(DataValueSource& source) {
  size_t total = 0;
  const DataValueSetHeader& header = source.Header();
  total += header.data_set.size() + header.period.size() + header.org_unit.size();
  for (const auto& [name, value] : header.id_schemes) total += name.size() + value.size();
  RawDataValue row;
  while (source.Next(&row)) {
    total += row.data_element.size() + row.period.size() + row.org_unit.size() +
             row.category_option_combo.size() + row.attribute_option_combo.size() +
             row.value.size() + row.comment.size() + row.stored_by.size();
    total += static_cast<size_t>(row.followup) + static_cast<size_t>(row.deleted);
  }
  // Keep the reads.
  asm volatile("" : : "r"(total) : "memory");
}

}  // namespace solieu::fuzz
