// report/zip_writer: writes a zip archive of in-memory parts (an OOXML package such as .docx)
// through minizip, owning the handle. Entries are deflated, without zip64 extras, dated
// 1980-01-01 so the same document gives the same bytes. Depends on: minizip, core/error.
#pragma once

#include <filesystem>
#include <string_view>

namespace solieu::report {

class ZipWriter {
 public:
  // Creates (replaces) the archive. Throws UserError (code "report.write_failed").
  explicit ZipWriter(const std::filesystem::path& path);
  // Without a successful Close(), the partial archive is closed and deleted.
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds one entry named with '/' separators, e.g. "word/document.xml". Throws UserError.
  void Add(std::string_view name, std::string_view contents);
  // Finishes the central directory. Throws UserError.
  void Close();

 private:
  [[noreturn]] void Fail() const;

  std::filesystem::path path_;
  void* zip_ = nullptr;  // minizip's zipFile, kept opaque so callers need not see <minizip/zip.h>
};

}  // namespace solieu::report
