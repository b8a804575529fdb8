// exchange/json_data_value_reader: DHIS2 dataValueSets JSON read as a stream. Boost.JSON's
// incremental parser (basic_parser) is fed a fixed-size chunk at a time and calls back for every
// token; each completed dataValue object becomes a RawDataValue and nothing else is kept, so a
// 1 GB file needs one chunk plus the rows of that chunk, never the document.
// Depends on: exchange/data_value_source, core/error, Boost.JSON.
//
// Accepted: a top-level object with the header fields (dataSet, completeDate, period, orgUnit,
// attributeOptionCombo, idScheme and the per-object id schemes) and "dataValues", an array of
// objects with dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value,
// comment, storedBy, followup and deleted. Numbers and booleans are taken as their text (DHIS2's
// Jackson does the same); other keys are skipped whatever they hold. Header fields that give rows
// their defaults must come before "dataValues" (DHIS2's exports write them first): a streamed row
// cannot wait for them. Malformed input — a syntax error, a truncated file, invalid UTF-8, nesting
// deeper than 32, an object where a text belongs, a text over kMaxFieldBytes — throws UserError
// naming the file and line.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "exchange/data_value_source.h"

namespace solieu {

class JsonDataValueReader final : public DataValueSource {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;
  // The longest text one field may hold. A data value is at most 50,000 characters; anything near
  // this bound is not a data value set, and the bound keeps memory bounded.
  static constexpr size_t kMaxFieldBytes = 1 << 20;

  // Reads `in` (which must outlive the reader) `chunk_size` bytes at a time. `source_name` names
  // the input in error messages, usually the file path.
  JsonDataValueReader(std::istream& in, std::string source_name,
                      size_t chunk_size = kDefaultChunkSize);
  ~JsonDataValueReader() override;

  const DataValueSetHeader& Header() override;
  bool Next(RawDataValue* row) override;

  // The most rows parsed and not yet returned at any one time: the rows of one chunk at most.
  size_t max_pending_rows() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu
