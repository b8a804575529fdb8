#include "exchange/data_value_formats.h"

#include "core/error.h"
#include "exchange/json_data_value_reader.h"

namespace solieu {

std::unique_ptr<DataValueSource> OpenDataValueSource(std::string_view format, std::istream& in,
                                                     const std::string& source_name) {
  if (format == "json") return std::make_unique<JsonDataValueReader>(in, source_name);
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
  return {"json"};
}

}  // namespace solieu
