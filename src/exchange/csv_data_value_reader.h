// exchange/csv_data_value_reader: DHIS2 dataValueSets CSV read as a stream, a fixed-size chunk at
// a time, one record in memory. Depends on: exchange/data_value_source, core/error, core/csv_reader
// (UTF-8 check).
//
// Columns by position, as DHIS2 reads them: dataelement, period, orgunit, categoryoptioncombo,
// attributeoptioncombo, value, storedby, lastupdated, comment, followup, deleted. A record has
// kMinFields to kMaxFields fields: the trailing ones after value may be left out (DHIS2's own
// fixtures have a header of 11 columns over rows of 10). The first record is a header row, and
// skipped, when its first cell is "dataelement" in any case (DHIS2 writes "dataelement", some
// tools "dataElement"); otherwise it is data. RFC 4180 quoting: quoted fields may hold commas,
// doubled quotes and line breaks; a row's line is the physical line where it starts. A UTF-8 byte
// order mark is skipped, CRLF and LF both end a record, blank rows (every cell empty) are skipped.
// Ids and flags are trimmed of spaces; value and comment are kept as written. followup and
// deleted are true when they read "true" in any case. The CSV has no header fields: Header() is
// empty.
//
// Refused with UserError naming the file and line: a record with a wrong number of fields, an
// unterminated quote, text after a closing quote, invalid UTF-8, a field longer than
// kMaxFieldBytes.
//
// Why not core/csv_reader's CsvReader: it reads character by character from the stream and keeps
// a field as long as the input makes it, so an unterminated quote near the start of a large file
// would hold the rest of the file in memory; this reader's memory is bounded.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "exchange/data_value_source.h"

namespace solieu {

class CsvDataValueReader final : public DataValueSource {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;
  static constexpr size_t kMaxFieldBytes = 1 << 20;
  static constexpr size_t kMinFields = 6;  // up to value
  static constexpr size_t kMaxFields = 11;

  // Reads `in` (which must outlive the reader) `chunk_size` bytes at a time. `source_name` names
  // the input in error messages, usually the file path.
  CsvDataValueReader(std::istream& in, std::string source_name,
                     size_t chunk_size = kDefaultChunkSize);
  ~CsvDataValueReader() override;

  const DataValueSetHeader& Header() override;
  bool Next(RawDataValue* row) override;

  // Whether the first record was a header row (known once Next has been called).
  bool had_header_row() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu
