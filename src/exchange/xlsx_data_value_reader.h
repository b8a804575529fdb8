// exchange/xlsx_data_value_reader: a filled Excel entry sheet (exchange/xlsx_entry_sheet.h) read
// back as data values, so that `solieu import FILE.xlsx` and POST /api/dataValueSets go through the
// same import as every other format. Debian has no C++ xlsx reader: the package is opened with
// minizip from memory (exchange/xlsx_package, with its size and zip-bomb limits) and its parts
// (xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/sharedStrings.xml, the two worksheets) are
// parsed with expat (exchange/expat_stream), keeping only the cells the keys name.
// Depends on: exchange/data_value_source, exchange/xlsx_package, exchange/expat_stream,
// exchange/xlsx_entry_sheet (the layout), core/error.
//
// Read as Excel and LibreOffice save: shared or inline strings, numbers as "1250" or "1.25E3"
// (written back in machine form: "1250"), booleans, formulas (the cached value), any styles. The
// keys (data set, org unit, period; per input cell the data element and option combo) come from the
// hidden sheet "_solieu" by cell reference, under the uid scheme. One RawDataValue per filled input
// cell, in the order of the keys: `line` is the sheet row, `cell` the reference ("D12"), `comment`
// the text of the row's "Ghi chú" cell. An empty cell is no value (not a delete). Text in a number
// cell ("1.250") carries a value problem, which the import turns into conflict E7619 naming the
// cell; so does a formula error (#DIV/0!).
//
// Refused with UserError, naming the file (and part): more than kMaxFileBytes, anything
// XlsxPackage refuses (not a zip, truncated, corrupt, a zip bomb), malformed XML, and
// "exchange.not_entry_sheet" for a workbook without a sound "_solieu" sheet ("this is not a
// solieu entry sheet") or whose form sheet is missing.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "exchange/data_value_source.h"

namespace solieu {

class XlsxDataValueReader final : public DataValueSource {
 public:
  // The archive itself; a filled entry sheet is tens of KB.
  static constexpr size_t kMaxFileBytes = 50u << 20;
  // Input cells the keys may list; a form has a few hundred.
  static constexpr size_t kMaxKeys = 100000;

  // Reads `in` whole (bounded by kMaxFileBytes) on the first call of Header or Next.
  XlsxDataValueReader(std::istream& in, std::string source_name);
  ~XlsxDataValueReader() override;

  const DataValueSetHeader& Header() override;
  bool Next(RawDataValue* row) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu
