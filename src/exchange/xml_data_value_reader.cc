#include "exchange/xml_data_value_reader.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <vector>

#include "exchange/expat_stream.h"
#include "exchange/id_scheme.h"

namespace solieu {
namespace {

bool IsTrue(std::string_view text) {
  return text.size() == 4 && (text[0] == 't' || text[0] == 'T') &&
         (text[1] == 'r' || text[1] == 'R') && (text[2] == 'u' || text[2] == 'U') &&
         (text[3] == 'e' || text[3] == 'E');
}

}  // namespace

class XmlDataValueReader::Impl final : public ExpatStream {
 public:
  Impl(std::istream& in, std::string source_name, size_t chunk_size)
      : ExpatStream(in, std::move(source_name), chunk_size, "tệp dataValueSet",
                    "a dataValueSet file") {}

  const DataValueSetHeader& Header() {
    while (!header_complete_ && FeedChunk()) {
    }
    return header_;
  }

  bool Next(RawDataValue* row) {
    while (rows_.empty() && FeedChunk()) {
    }
    if (rows_.empty()) return false;
    *row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

  size_t max_pending_rows() const { return max_pending_rows_; }

 private:
  void EndElement(std::string_view) override { --depth_; }

  void StartElement(std::string_view name, const char** attributes) override {
    ++depth_;
    if (depth_ == 1) {
      if (name != "dataValueSet") {
        std::string hint_vi, hint_en;
        if (name == "adx") {
          hint_vi = "; đây là tệp ADX: dùng --format adx";
          hint_en = "; this is an ADX file: use --format adx";
        }
        Stop("phần tử gốc là <" + std::string(name) +
                 ">, không phải <dataValueSet> (tệp không phải dataValueSet DXF2)" + hint_vi,
             "the root element is <" + std::string(name) +
                 ">, not <dataValueSet> (the file is not a DXF2 dataValueSet)" + hint_en);
        return;
      }
      ReadHeader(attributes);
      header_complete_ = true;
      return;
    }
    if (depth_ != 2 || name != "dataValue") return;  // skipped, with everything inside it
    RawDataValue row;
    row.index = ++row_count_;
    row.line = CurrentLine();
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (key.starts_with("xmlns")) continue;
      key = LocalName(a[0]);
      const char* value = a[1];
      if (key == "dataElement") row.data_element = value;
      if (key == "period") row.period = value;
      if (key == "orgUnit") row.org_unit = value;
      if (key == "categoryOptionCombo") row.category_option_combo = value;
      if (key == "attributeOptionCombo") row.attribute_option_combo = value;
      if (key == "value") row.value = value;
      if (key == "storedBy") row.stored_by = value;
      if (key == "comment") row.comment = value;
      if (key == "followup" || key == "followUp") row.followup = IsTrue(value);
      if (key == "deleted") row.deleted = IsTrue(value);
    }
    rows_.push_back(std::move(row));
    max_pending_rows_ = std::max(max_pending_rows_, rows_.size());
  }

  void ReadHeader(const char** attributes) {
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (key.starts_with("xmlns")) continue;
      key = LocalName(a[0]);
      const char* value = a[1];
      if (key == "dataSet") header_.data_set = value;
      if (key == "completeDate") header_.complete_date = value;
      if (key == "period") header_.period = value;
      if (key == "orgUnit") header_.org_unit = value;
      if (key == "attributeOptionCombo") header_.attribute_option_combo = value;
      if (IsIdSchemeParameter(key)) header_.id_schemes.emplace_back(std::string(key), value);
    }
  }

  int depth_ = 0;
  DataValueSetHeader header_;
  bool header_complete_ = false;
  long long row_count_ = 0;
  std::deque<RawDataValue> rows_;
  size_t max_pending_rows_ = 0;
};

XmlDataValueReader::XmlDataValueReader(std::istream& in, std::string source_name, size_t chunk_size)
    : impl_(std::make_unique<Impl>(in, std::move(source_name), chunk_size)) {}

XmlDataValueReader::~XmlDataValueReader() = default;

const DataValueSetHeader& XmlDataValueReader::Header() {
  return impl_->Header();
}

bool XmlDataValueReader::Next(RawDataValue* row) {
  return impl_->Next(row);
}

size_t XmlDataValueReader::max_pending_rows() const {
  return impl_->max_pending_rows();
}

}  // namespace solieu
