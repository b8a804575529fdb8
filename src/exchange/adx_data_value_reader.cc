#include "exchange/adx_data_value_reader.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <vector>

#include "exchange/expat_stream.h"

namespace solieu {
namespace {

// Attributes a reader skips: namespace declarations and prefixed (foreign) attributes.
bool Foreign(std::string_view name) {
  return name.starts_with("xmlns") || name.find(':') != std::string_view::npos;
}

}  // namespace

IdSchemes AdxIdSchemes(IdSchemes schemes) {
  if (!schemes.general) schemes.general = IdScheme::kCode;
  return schemes;
}

class AdxDataValueReader::Impl final : public ExpatStream {
 public:
  Impl(std::istream& in, std::string source_name, size_t chunk_size)
      : ExpatStream(in, std::move(source_name), chunk_size, "tệp ADX", "an ADX file") {}

  const DataValueSetHeader& Header() {
    while (!root_seen_ && FeedChunk()) {
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
  // The element names here come without prefix; the root's namespace is checked on its own.
  void StartElement(std::string_view name, const char** attributes) override {
    ++depth_;
    if (depth_ == 1) return StartRoot(name, attributes);
    if (depth_ == 2 && name == "group") return StartGroup(attributes);
    if (depth_ == 3 && in_group_ && name == "dataValue") return StartDataValue(attributes);
    if (depth_ == 4 && in_value_ && name == "annotation") {
      in_annotation_ = true;
      value_.annotation.emplace();
    }
  }

  void EndElement(std::string_view) override {
    if (depth_ == 4 && in_annotation_) in_annotation_ = false;
    if (depth_ == 3 && in_value_) {
      in_value_ = false;
      rows_.push_back(std::move(value_));
      value_ = {};
      max_pending_rows_ = std::max(max_pending_rows_, rows_.size());
    }
    if (depth_ == 2) in_group_ = false;
    --depth_;
  }

  void Text(std::string_view text) override {
    if (!in_annotation_) return;
    if (value_.annotation->size() + text.size() > kMaxTagBytes) {
      return Stop("chú thích (annotation) dài quá " + std::to_string(kMaxTagBytes) + " byte",
                  "an annotation is longer than " + std::to_string(kMaxTagBytes) + " bytes");
    }
    value_.annotation->append(text);
  }

  void StartRoot(std::string_view name, const char** attributes) {
    if (name != "adx") {
      std::string hint_vi, hint_en;
      if (name == "dataValueSet") {
        hint_vi = "; đây là tệp dataValueSet DXF2: dùng --format xml";
        hint_en = "; this is a DXF2 dataValueSet file: use --format xml";
      }
      return Stop("phần tử gốc là <" + std::string(name) +
                      ">, không phải <adx> (tệp không phải ADX)" + hint_vi,
                  "the root element is <" + std::string(name) +
                      ">, not <adx> (the file is not ADX)" + hint_en);
    }
    // The root's tag as expat gave it is not at hand here: look for a declaration of either form.
    std::string declared;
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (key == "xmlns" || key.starts_with("xmlns:")) {
        if (std::string_view(a[1]) == kAdxNamespace) return RootDone();
        if (key == "xmlns") declared = a[1];
      }
    }
    if (!declared.empty()) {
      return Stop("phần tử <adx> thuộc không gian tên '" + declared + "', không phải " +
                      std::string(kAdxNamespace),
                  "the <adx> element is in namespace '" + declared + "', not " +
                      std::string(kAdxNamespace));
    }
    RootDone();
  }

  void RootDone() { root_seen_ = true; }

  void StartGroup(const char** attributes) {
    in_group_ = true;
    group_ = {};
    bool has_data_set = false;
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (Foreign(key)) continue;
      const char* value = a[1];
      if (key == "dataSet") {
        group_.data_set = value;
        has_data_set = true;
      } else if (key == "period") {
        group_.period = value;
      } else if (key == "orgUnit") {
        group_.org_unit = value;
      } else if (key == "attributeOptionCombo") {
        group_.attribute_option_combo = value;
      } else if (key == "completeDate") {
        // Not stored (data_value_import.h).
      } else {
        group_.attribute_options.emplace_back(std::string(key), value);
      }
    }
    if (!has_data_set || group_.data_set.empty()) {
      Stop("nhóm <group> thiếu thuộc tính dataSet (ADX bắt buộc có)",
           "a <group> has no dataSet attribute (ADX requires one)");
    }
  }

  void StartDataValue(const char** attributes) {
    in_value_ = true;
    value_ = {};
    value_.adx = true;
    value_.index = ++row_count_;
    value_.line = CurrentLine();
    value_.data_set = group_.data_set;
    value_.period = group_.period;
    value_.org_unit = group_.org_unit;
    value_.attribute_option_combo = group_.attribute_option_combo;
    value_.attribute_options = group_.attribute_options;
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (Foreign(key)) continue;
      const char* value = a[1];
      if (key == "dataElement") {
        value_.data_element = value;
      } else if (key == "value") {
        value_.value = value;
      } else if (key == "categoryOptionCombo") {
        value_.category_option_combo = value;
      } else {
        value_.category_options.emplace_back(std::string(key), value);
      }
    }
  }

  int depth_ = 0;
  bool root_seen_ = false;
  bool in_group_ = false;
  bool in_value_ = false;
  bool in_annotation_ = false;
  DataValueSetHeader header_;
  RawDataValue group_;  // the current group's fields
  RawDataValue value_;  // the data value being read
  long long row_count_ = 0;
  std::deque<RawDataValue> rows_;
  size_t max_pending_rows_ = 0;
};

AdxDataValueReader::AdxDataValueReader(std::istream& in, std::string source_name, size_t chunk_size)
    : impl_(std::make_unique<Impl>(in, std::move(source_name), chunk_size)) {}

AdxDataValueReader::~AdxDataValueReader() = default;

const DataValueSetHeader& AdxDataValueReader::Header() {
  return impl_->Header();
}

bool AdxDataValueReader::Next(RawDataValue* row) {
  return impl_->Next(row);
}

size_t AdxDataValueReader::max_pending_rows() const {
  return impl_->max_pending_rows();
}

}  // namespace solieu
