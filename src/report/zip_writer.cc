#include "report/zip_writer.h"

#include <minizip/zip.h>

#include <string>

#include "core/error.h"

namespace solieu::report {

ZipWriter::ZipWriter(const std::filesystem::path& path) : path_(path) {
  zip_ = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
  if (zip_ == nullptr) Fail();
}

ZipWriter::~ZipWriter() {
  if (zip_ == nullptr) return;
  zipClose(static_cast<zipFile>(zip_), nullptr);
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

void ZipWriter::Add(std::string_view name, std::string_view contents) {
  zip_fileinfo info{};
  info.tmz_date.tm_year = 1980;
  info.tmz_date.tm_mday = 1;
  const std::string entry(name);
  auto* zip = static_cast<zipFile>(zip_);
  if (zipOpenNewFileInZip(zip, entry.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                          Z_DEFAULT_COMPRESSION) != ZIP_OK ||
      zipWriteInFileInZip(zip, contents.data(), static_cast<unsigned>(contents.size())) != ZIP_OK ||
      zipCloseFileInZip(zip) != ZIP_OK) {
    Fail();
  }
}

void ZipWriter::Close() {
  const int status = zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  if (status != ZIP_OK) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    Fail();
  }
}

void ZipWriter::Fail() const {
  throw UserError("report.write_failed", "Không ghi được tệp nén báo cáo",
                  "cannot write the zip archive", path_.string());
}

}  // namespace solieu::report
