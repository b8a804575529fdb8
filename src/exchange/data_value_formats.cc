#include "exchange/data_value_formats.h"

#include <algorithm>

#include "core/error.h"
#include "exchange/adx_data_value_reader.h"
#include "exchange/csv_data_value_reader.h"
#include "exchange/json_data_value_reader.h"
#include "exchange/xlsx_data_value_reader.h"
#include "exchange/xml_data_value_reader.h"

namespace solieu {

std::unique_ptr<DataValueSource> OpenDataValueSource(std::string_view format, std::istream& in,
                                                     const std::string& source_name) {
  if (format == "json") return std::make_unique<JsonDataValueReader>(in, source_name);
  if (format == "xml") return std::make_unique<XmlDataValueReader>(in, source_name);
  if (format == "csv") return std::make_unique<CsvDataValueReader>(in, source_name);
  if (format == "adx") return std::make_unique<AdxDataValueReader>(in, source_name);
  if (format == "xlsx") return std::make_unique<XlsxDataValueReader>(in, source_name);
  std::string supported;
  for (const std::string& name : DataValueFormats()) {
    supported += (supported.empty() ? "" : ", ") + name;
  }
  throw UserError(
      "exchange.unknown_format",
      "định dạng '" + std::string(format) + "' chưa được hỗ trợ (có: " + supported + ")",
      "format '" + std::string(format) + "' is not supported yet (supported: " + supported + ")",
      "--format");
}

std::vector<std::string> DataValueFormats() {
  return {"json", "xml", "csv", "adx", "xlsx"};
}

std::string DataValueFormatForPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "json";
  }
  std::string name(path.substr(slash == std::string_view::npos ? 0 : slash + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  if (name.ends_with(".adx") || name.ends_with(".adx.xml")) return "adx";
  std::string extension = name.substr(name.rfind('.') + 1);
  if (extension == "xml" || extension == "csv" || extension == "xlsx") return extension;
  return "json";
}

}  // namespace solieu
