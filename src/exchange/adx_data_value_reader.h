// exchange/adx_data_value_reader: IHE ADX (namespace urn:ihe:qrph:adx:2015) data read as a stream,
// on the expat plumbing of exchange/expat_stream (DOCTYPE and entities refused, a fixed-size chunk
// at a time, memory bounded by one chunk's rows and one tag). Each <dataValue> becomes a
// RawDataValue carrying its <group>'s fields. Depends on: exchange/data_value_source,
// exchange/expat_stream, exchange/id_scheme.
//
// Accepted, as DHIS2's AdxDataService reads it:
//   <adx xmlns="urn:ihe:qrph:adx:2015" exported="...">
//     <group dataSet=".." orgUnit=".." period="2020-01-01/P1M" [completeDate=".."]
//            [attributeOptionCombo=".." | CATEGORY="OPTION" ...]>
//       <dataValue dataElement=".." value=".." [categoryOptionCombo=".." | CATEGORY="OPTION" ...]>
//         <annotation>text</annotation>
//       </dataValue>
//     </group>
//   </adx>
// Every group attribute other than dataSet, orgUnit, period, completeDate and attributeOptionCombo
// names a category of the attribute option combo (RawDataValue::attribute_options), every
// dataValue attribute other than dataElement, value and categoryOptionCombo a category of the
// disaggregation (category_options); the attribute name is the category's id under the
// categoryIdScheme, its value the option's under the categoryOptionIdScheme. Prefixed attributes
// (xsi:..., xmlns) are skipped. The annotation goes to RawDataValue::annotation; the import takes
// it as the value of a non-numeric data element (DHIS2 writes value="0" for those) and as the
// comment of a numeric one. A root in another namespace, a group without dataSet, and a root that
// is not <adx> (a DXF2 <dataValueSet> says to use --format xml) are refused with UserError naming
// the line; a group's missing period or org unit is the import's conflict on each of its rows.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "exchange/data_value_source.h"
#include "exchange/id_scheme.h"

namespace solieu {

inline constexpr std::string_view kAdxNamespace = "urn:ihe:qrph:adx:2015";

// ADX names objects by code unless told otherwise (DHIS2's ADX import and export default the
// general idScheme to CODE): `schemes` with `general` set to CODE when it is unset.
IdSchemes AdxIdSchemes(IdSchemes schemes);

class AdxDataValueReader final : public DataValueSource {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;

  // Reads `in` (which must outlive the reader) `chunk_size` bytes at a time. `source_name` names
  // the input in error messages, usually the file path.
  AdxDataValueReader(std::istream& in, std::string source_name,
                     size_t chunk_size = kDefaultChunkSize);
  ~AdxDataValueReader() override;

  // Always empty: ADX has no file-level data set, period or id schemes.
  const DataValueSetHeader& Header() override;
  bool Next(RawDataValue* row) override;

  // The most rows parsed and not yet returned at any one time: the rows of one chunk at most.
  size_t max_pending_rows() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu
