// exchange/xlsx_package: an .xlsx (Office Open XML) package opened from memory as the zip archive
// it is, with the limits that make a hostile upload harmless: the archive is read through minizip's
// memory I/O hooks (no temporary file), each part is inflated only when asked for, and no more
// than kMaxUncompressedBytes are ever inflated. Depends on: core/error, minizip.
//
// Refused with UserError "exchange.xlsx_unreadable" naming the source and the part: not a zip
// (or a truncated one), a part that does not inflate or fails its CRC (corrupt, encrypted, an
// unknown compression method), more than kMaxEntries parts. Refused with
// "exchange.xlsx_too_large": parts declaring more than kMaxUncompressedBytes in all, or a part over
// 1 MB inflating to more than kMaxCompressionRatio times its compressed size (a zip bomb).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace solieu {

class XlsxPackage {
 public:
  static constexpr size_t kMaxUncompressedBytes = 50u << 20;
  static constexpr size_t kMaxEntries = 10000;
  // Worksheet XML of a real form inflates about 5-20 times; 100 leaves room and still stops a
  // bomb, whose ratio is in the thousands.
  static constexpr double kMaxCompressionRatio = 100;

  // Takes the archive's bytes. Throws UserError (above) when they are no zip or break a limit.
  XlsxPackage(std::string bytes, std::string source_name);
  ~XlsxPackage();
  XlsxPackage(const XlsxPackage&) = delete;
  XlsxPackage& operator=(const XlsxPackage&) = delete;

  // Part names as the archive spells them ("xl/workbook.xml"), compared exactly.
  bool Has(std::string_view part) const;
  std::vector<std::string> Parts() const;
  // The inflated part. Throws UserError when it is absent or corrupt, or the inflated total
  // would pass kMaxUncompressedBytes.
  std::string Read(std::string_view part);

  const std::string& source_name() const { return source_name_; }

 private:
  struct Entry {
    std::string name;
    unsigned long long compressed = 0;
    unsigned long long uncompressed = 0;
  };
  struct Memory;

  void ReadDirectory();  // checks every part's declared sizes
  [[noreturn]] void Unreadable(const std::string& part, const std::string& why_vi,
                               const std::string& why_en) const;

  std::unique_ptr<Memory> memory_;
  void* zip_ = nullptr;  // unzFile, kept out of the header
  std::string source_name_;
  std::vector<Entry> entries_;
  size_t inflated_ = 0;
};

}  // namespace solieu
