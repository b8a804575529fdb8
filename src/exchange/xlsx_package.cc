#include "exchange/xlsx_package.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"

namespace solieu {

namespace {

// The archive's bytes and a read position: what minizip's I/O hooks see as "the file".
struct MemoryFile {
  std::string bytes;
  size_t position = 0;
};

constexpr unsigned long long kRatioCheckFrom = 1u << 20;

voidpf OpenMemory(voidpf opaque, const void* /*filename*/, int mode) {
  // Read only: a writer would corrupt the caller's bytes.
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  static_cast<MemoryFile*>(opaque)->position = 0;
  return opaque;
}

uLong ReadMemory(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* memory = static_cast<MemoryFile*>(stream);
  size_t available = memory->bytes.size() - memory->position;
  size_t count = std::min<size_t>(available, size);
  std::memcpy(buffer, memory->bytes.data() + memory->position, count);
  memory->position += count;
  return static_cast<uLong>(count);
}

uLong WriteMemory(voidpf, voidpf, const void*, uLong) {
  return 0;
}

ZPOS64_T TellMemory(voidpf /*opaque*/, voidpf stream) {
  return static_cast<MemoryFile*>(stream)->position;
}

long SeekMemory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* memory = static_cast<MemoryFile*>(stream);
  unsigned long long base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = memory->position;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = memory->bytes.size();
      break;
    default:
      return -1;
  }
  if (offset > memory->bytes.size() || base + offset > memory->bytes.size()) return -1;
  memory->position = static_cast<size_t>(base + offset);
  return 0;
}

int CloseMemory(voidpf, voidpf) {
  return 0;
}

int ErrorMemory(voidpf, voidpf) {
  return 0;
}

std::string Megabytes(unsigned long long bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

}  // namespace

struct XlsxPackage::Memory : MemoryFile {};

XlsxPackage::XlsxPackage(std::string bytes, std::string source_name)
    : memory_(std::make_unique<Memory>()), source_name_(std::move(source_name)) {
  memory_->bytes = std::move(bytes);
  zlib_filefunc64_def hooks{};
  hooks.zopen64_file = OpenMemory;
  hooks.zread_file = ReadMemory;
  hooks.zwrite_file = WriteMemory;
  hooks.ztell64_file = TellMemory;
  hooks.zseek64_file = SeekMemory;
  hooks.zclose_file = CloseMemory;
  hooks.zerror_file = ErrorMemory;
  hooks.opaque = static_cast<MemoryFile*>(memory_.get());
  zip_ = unzOpen2_64("", &hooks);
  if (zip_ == nullptr) {
    Unreadable("", "tệp không phải .xlsx (không đọc được như tệp zip, hoặc tệp bị cắt cụt)",
               "the file is not an .xlsx (it cannot be read as a zip archive, or it is truncated)");
  }
  try {
    ReadDirectory();
  } catch (...) {  // the destructor does not run for a constructor that throws
    unzClose(zip_);
    zip_ = nullptr;
    throw;
  }
}

void XlsxPackage::ReadDirectory() {
  unsigned long long declared = 0;
  for (int status = unzGoToFirstFile(zip_); status != UNZ_END_OF_LIST_OF_FILE;
       status = unzGoToNextFile(zip_)) {
    if (status != UNZ_OK) {
      Unreadable("", "mục lục của tệp zip bị hỏng", "the zip archive's directory is corrupt");
    }
    if (entries_.size() >= kMaxEntries) {
      Unreadable("",
                 "tệp có hơn " + std::to_string(kMaxEntries) + " phần; một biểu nhập có khoảng 10",
                 "the archive has more than " + std::to_string(kMaxEntries) +
                     " parts; an entry sheet has about 10");
    }
    unz_file_info64 info{};
    char name[1024];
    if (unzGetCurrentFileInfo64(zip_, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
      Unreadable("", "mục lục của tệp zip bị hỏng", "the zip archive's directory is corrupt");
    }
    Entry entry{std::string(name, strnlen(name, sizeof name)), info.compressed_size,
                info.uncompressed_size};
    declared += entry.uncompressed;
    if (declared > kMaxUncompressedBytes) {
      throw UserError("exchange.xlsx_too_large",
                      "tệp .xlsx khi giải nén lớn hơn " + Megabytes(kMaxUncompressedBytes) +
                          ": không nhận (một biểu nhập chỉ vài trăm KB)",
                      "the .xlsx inflates to more than " + Megabytes(kMaxUncompressedBytes) +
                          ": refused (an entry sheet is a few hundred KB)",
                      source_name_ + ": " + entry.name);
    }
    if (entry.uncompressed > kRatioCheckFrom &&
        static_cast<double>(entry.uncompressed) >
            kMaxCompressionRatio * static_cast<double>(entry.compressed)) {
      throw UserError("exchange.xlsx_too_large",
                      "phần '" + entry.name + "' nén quá mức (" + Megabytes(entry.uncompressed) +
                          " từ " + std::to_string(entry.compressed) +
                          " byte): có thể là bom zip, không nhận",
                      "part '" + entry.name + "' is compressed suspiciously well (" +
                          Megabytes(entry.uncompressed) + " from " +
                          std::to_string(entry.compressed) + " bytes): a zip bomb? refused",
                      source_name_ + ": " + entry.name);
    }
    entries_.push_back(std::move(entry));
  }
}

XlsxPackage::~XlsxPackage() {
  if (zip_ != nullptr) unzClose(zip_);
}

bool XlsxPackage::Has(std::string_view part) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.name == part; });
}

std::vector<std::string> XlsxPackage::Parts() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) out.push_back(e.name);
  return out;
}

std::string XlsxPackage::Read(std::string_view part) {
  const std::string name(part);
  auto entry = std::find_if(entries_.begin(), entries_.end(),
                            [&](const Entry& e) { return e.name == part; });
  if (entry == entries_.end() || unzLocateFile(zip_, name.c_str(), 1) != UNZ_OK) {
    Unreadable(name, "thiếu phần này của tệp .xlsx", "the .xlsx lacks this part");
  }
  if (unzOpenCurrentFile(zip_) != UNZ_OK) {
    Unreadable(name, "không mở được phần này (hỏng, mã hóa hoặc nén theo cách lạ)",
               "cannot open this part (corrupt, encrypted or an unknown compression method)");
  }
  std::string out;
  out.reserve(static_cast<size_t>(std::min<unsigned long long>(entry->uncompressed, 1u << 20)));
  char buffer[64 * 1024];
  for (;;) {
    int read = unzReadCurrentFile(zip_, buffer, sizeof buffer);
    if (read < 0) {
      unzCloseCurrentFile(zip_);
      Unreadable(name, "phần này không giải nén được (tệp hỏng hoặc bị cắt cụt)",
                 "this part does not inflate (the file is corrupt or truncated)");
    }
    if (read == 0) break;
    // minizip stops at the declared size; the budget bounds what every part adds up to.
    if (inflated_ + out.size() + static_cast<size_t>(read) > kMaxUncompressedBytes) {
      unzCloseCurrentFile(zip_);
      throw UserError("exchange.xlsx_too_large",
                      "tệp .xlsx khi giải nén lớn hơn " + Megabytes(kMaxUncompressedBytes),
                      "the .xlsx inflates to more than " + Megabytes(kMaxUncompressedBytes),
                      source_name_ + ": " + name);
    }
    out.append(buffer, static_cast<size_t>(read));
  }
  if (unzCloseCurrentFile(zip_) != UNZ_OK) {  // UNZ_CRCERROR among others
    Unreadable(name, "phần này hỏng (sai mã kiểm tra CRC)", "this part is corrupt (bad CRC)");
  }
  inflated_ += out.size();
  return out;
}

void XlsxPackage::Unreadable(const std::string& part, const std::string& why_vi,
                             const std::string& why_en) const {
  throw UserError(
      "exchange.xlsx_unreadable",
      "không đọc được tệp .xlsx" + (part.empty() ? "" : " (phần '" + part + "')") + ": " + why_vi,
      "cannot read the .xlsx" + (part.empty() ? "" : " (part '" + part + "')") + ": " + why_en,
      part.empty() ? source_name_ : source_name_ + ": " + part);
}

}  // namespace solieu
