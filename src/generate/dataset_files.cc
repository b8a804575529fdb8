// generate/dataset_files: streaming the dataset's CSV files.
#include "generate/dataset_files.h"

#include <charconv>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace solieu::generate {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

std::string TwoDigits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

[[noreturn]] void WriteFailed(const std::string& path) {
  throw UserError("generate.write_failed",
                  "không ghi được tệp (" + std::string(std::strerror(errno)) + ")",
                  "cannot write the file (" + std::string(std::strerror(errno)) + ")", path);
}

void AppendInt(std::string& out, std::int64_t n) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, end);
}

}  // namespace

DatasetFiles::DatasetFiles(const std::string& dir, const NationalDataset& dataset, bool datavalues)
    : d_(dataset), datavalues_(datavalues) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw UserError("generate.write_failed", "không tạo được thư mục (" + ec.message() + ")",
                    "cannot create the folder (" + ec.message() + ")", dir);
  }
  for (int m = 0; m < d_.months; ++m) {
    int year = d_.first_year + m / 12, month = m % 12 + 1;
    period_ids_.push_back(std::to_string(year) + TwoDigits(month));
    month_starts_.push_back(std::to_string(year) + "-" + TwoDigits(month) + "-01");
    years_.push_back(std::to_string(year));
  }
  std::filesystem::path base(dir);
  if (datavalues_) {
    Open(values_, (base / kDataValuesFile).string(),
         "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
         "lastupdated,comment\n");
  }
  Open(analytics_, (base / kAnalyticsFile).string(),
       "value,dataelement,categoryoptioncombo,period,monthstart,year,facility,commune,province\n");
}

DatasetFiles::~DatasetFiles() {
  for (Output* out : {&values_, &analytics_}) {
    if (out->file != nullptr) std::fclose(out->file);
  }
}

void DatasetFiles::Open(Output& out, const std::string& path, const std::string& header) {
  out.path = path;
  out.file = std::fopen(path.c_str(), "wb");
  if (out.file == nullptr) WriteFailed(path);
  out.buffer.reserve(kFlushBytes + 4096);
  out.buffer = header;
}

void DatasetFiles::Flush(Output& out) {
  if (out.buffer.empty()) return;
  if (std::fwrite(out.buffer.data(), 1, out.buffer.size(), out.file) != out.buffer.size()) {
    WriteFailed(out.path);
  }
  out.buffer.clear();
}

void DatasetFiles::Write(const GeneratedValue& v) {
  const ElementProfile& e = d_.elements[v.element];
  const std::string& coc = e.coc_uids[v.coc];
  const std::string& facility = d_.facility_uids[v.facility];
  const FacilityProfile& f = d_.facilities[v.facility];
  if (datavalues_) {
    std::string& b = values_.buffer;
    b += e.uid;
    b += ',';
    b += period_ids_[v.month];
    b += ',';
    b += facility;
    b += ',';
    b += coc;
    b += ',';
    b += default_aoc_;
    b += ',';
    AppendInt(b, v.value);
    b += ",generate,,";
    b += kGeneratedComment;
    b += '\n';
    if (b.size() >= kFlushBytes) Flush(values_);
  }
  std::string& a = analytics_.buffer;
  AppendInt(a, v.value);
  a += ',';
  a += e.uid;
  a += ',';
  a += coc;
  a += ',';
  a += period_ids_[v.month];
  a += ',';
  a += month_starts_[v.month];
  a += ',';
  a += years_[v.month];
  a += ',';
  a += facility;
  a += ',';
  a += d_.commune_uids[f.commune];
  a += ',';
  a += d_.province_uids[f.province];
  a += '\n';
  if (a.size() >= kFlushBytes) Flush(analytics_);
}

void DatasetFiles::Close() {
  for (Output* out : {&values_, &analytics_}) {
    if (out->file == nullptr) continue;
    Flush(*out);
    int closed = std::fclose(out->file);
    out->file = nullptr;
    if (closed != 0) WriteFailed(out->path);
  }
}

}  // namespace solieu::generate
