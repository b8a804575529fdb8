#include "report/text_file.h"

#include <fstream>

#include "core/error.h"

namespace solieu::report {

void WriteTextFile(const std::filesystem::path& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (out) out.close();
  if (!out) {
    throw UserError("report.write_failed", "Không ghi được tệp báo cáo",
                    "cannot write the report file", path.string());
  }
}

}  // namespace solieu::report
