// exchange/data_value_formats: the data value file formats by name, so that the CLI and later the
// server choose a reader without knowing them. A new format is one reader class and one line in
// data_value_formats.cc. Depends on: exchange/data_value_source and the readers.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/data_value_source.h"

namespace solieu {

// "json", "xml" (DXF2), "csv", "adx" or "xlsx" (a filled entry sheet). Throws UserError naming the
// supported formats for any other.
std::unique_ptr<DataValueSource> OpenDataValueSource(std::string_view format, std::istream& in,
                                                     const std::string& source_name);

std::vector<std::string> DataValueFormats();

// The format a file name implies by its extension, in any case: ".adx" and ".adx.xml" -> "adx",
// ".xml" -> "xml", ".csv" -> "csv", ".xlsx" -> "xlsx", anything else (".json" included) -> "json".
// An ADX file named .xml is refused by the XML reader with a message that says to use --format adx.
std::string DataValueFormatForPath(std::string_view path);

}  // namespace solieu
