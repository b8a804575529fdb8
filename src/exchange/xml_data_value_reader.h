// exchange/xml_data_value_reader: DHIS2 dataValueSets XML (DXF2) read as a stream. expat is fed a
// fixed-size chunk at a time; each <dataValue> start tag becomes a RawDataValue and nothing else is
// kept, so a 1 GB file needs one chunk, the rows of that chunk and at most one tag, never the
// document. Depends on: exchange/data_value_source, exchange/id_scheme, core/error, expat.
//
// Accepted: a root element dataValueSet (in DHIS2's namespace http://dhis2.org/schema/dxf/2.0 or
// none; a prefix is ignored) whose attributes are the header (dataSet, completeDate, period,
// orgUnit, attributeOptionCombo, idScheme and the per-object id schemes), and dataValue children
// whose attributes are dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo,
// value, storedBy, comment, followup (DHIS2 writes followUp; both are read) and deleted, as
// DHIS2's own XmlDataValueSetReader reads them. Other attributes and elements are skipped.
//
// Refused with UserError naming the file and line: malformed XML (expat's message in English, a
// Vietnamese one beside it), a DOCTYPE or any entity declaration (no entity expansion at all, so no
// "billion laughs"), another root element, an empty file, and a single tag longer than
// kMaxTagBytes (expat must hold a tag whole).
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "exchange/data_value_source.h"

namespace solieu {

class XmlDataValueReader final : public DataValueSource {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;
  // The longest tag (a dataValue with its attributes), comment or other markup accepted. A data
  // value is at most 50,000 characters; the bound keeps memory bounded.
  static constexpr size_t kMaxTagBytes = 2 << 20;

  // Reads `in` (which must outlive the reader) `chunk_size` bytes at a time. `source_name` names
  // the input in error messages, usually the file path.
  XmlDataValueReader(std::istream& in, std::string source_name,
                     size_t chunk_size = kDefaultChunkSize);
  ~XmlDataValueReader() override;

  const DataValueSetHeader& Header() override;
  bool Next(RawDataValue* row) override;

  // The most rows parsed and not yet returned at any one time: the rows of one chunk at most.
  size_t max_pending_rows() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu
