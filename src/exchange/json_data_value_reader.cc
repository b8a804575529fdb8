#include "exchange/json_data_value_reader.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <cstring>
#include <deque>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "exchange/id_scheme.h"

namespace solieu {
namespace {

using boost::json::error_code;
using boost::json::string_view;

// Where the parser is in the document's fixed shape.
enum class Place { kBeforeDocument, kTop, kDataValues, kRow, kAfterDocument };

// The header fields a row takes its defaults from: they must not come after the rows.
bool IsRowDefault(std::string_view key) {
  return key == "dataSet" || key == "period" || key == "orgUnit" || key == "attributeOptionCombo" ||
         IsIdSchemeParameter(key);
}

}  // namespace

class JsonDataValueReader::Impl {
 public:
  Impl(std::istream& in, std::string source_name, size_t chunk_size)
      : in_(in),
        source_name_(std::move(source_name)),
        buffer_(chunk_size == 0 ? 1 : chunk_size),
        parser_(boost::json::parse_options{}, this) {}

  const DataValueSetHeader& Header() {
    while (!header_complete_ && !input_ended_) FeedChunk();
    return header_;
  }

  bool Next(RawDataValue* row) {
    while (rows_.empty() && !input_ended_) FeedChunk();
    if (rows_.empty()) return false;
    *row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

  size_t max_pending_rows() const { return max_pending_rows_; }

  // The SAX handler Boost.JSON calls; it forwards to the Impl.
  struct Handler {
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = 4096;
    static constexpr std::size_t max_string_size = kMaxFieldBytes;

    explicit Handler(Impl* owner) : impl(owner) {}
    Impl* impl;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return impl->BeginStructure(true); }
    bool on_object_end(std::size_t, error_code&) { return impl->EndStructure(); }
    bool on_array_begin(error_code&) { return impl->BeginStructure(false); }
    bool on_array_end(std::size_t, error_code&) { return impl->EndStructure(); }
    bool on_key_part(string_view s, std::size_t, error_code&) {
      impl->key_.append(s.data(), s.size());
      return true;
    }
    bool on_key(string_view s, std::size_t, error_code&) {
      impl->key_.append(s.data(), s.size());
      impl->OnKey();
      return true;
    }
    bool on_string_part(string_view s, std::size_t, error_code&) {
      impl->text_.append(s.data(), s.size());
      return true;
    }
    bool on_string(string_view s, std::size_t, error_code&) {
      impl->text_.append(s.data(), s.size());
      return impl->OnScalar(false);
    }
    bool on_number_part(string_view s, error_code&) {
      impl->text_.append(s.data(), s.size());
      return true;
    }
    bool on_int64(std::int64_t, string_view s, error_code&) { return OnNumber(s); }
    bool on_uint64(std::uint64_t, string_view s, error_code&) { return OnNumber(s); }
    bool on_double(double, string_view s, error_code&) { return OnNumber(s); }
    bool on_bool(bool b, error_code&) {
      impl->text_ = b ? "true" : "false";
      return impl->OnScalar(false);
    }
    bool on_null(error_code&) {
      impl->text_.clear();
      return impl->OnScalar(true);
    }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }

   private:
    bool OnNumber(string_view s) {
      impl->text_.append(s.data(), s.size());
      return impl->OnScalar(false);
    }
  };

 private:
  [[noreturn]] void Fail(const std::string& vi, const std::string& en) {
    failed_ = true;
    throw UserError("exchange.malformed_json", vi, en, Where());
  }

  std::string Where() const { return source_name_ + ":" + std::to_string(line_); }

  std::string RowName() const { return std::to_string(row_.index) + " (" + Where() + ")"; }

  void OnKey() {
    if (skip_depth_ > 0) {
      key_.clear();
      return;
    }
    target_ = nullptr;
    flag_ = nullptr;
    if (place_ == Place::kTop) {
      if (rows_started_ && IsRowDefault(key_)) {
        Fail("trường đầu tệp '" + key_ + "' nằm sau danh sách dataValues; hãy đặt nó trước",
             "header field '" + key_ + "' comes after the dataValues list; put it first");
      }
      if (key_ == "dataSet") target_ = &header_.data_set;
      if (key_ == "completeDate") target_ = &header_.complete_date;
      if (key_ == "period") target_ = &header_.period;
      if (key_ == "orgUnit") target_ = &header_.org_unit;
      if (key_ == "attributeOptionCombo") target_ = &header_.attribute_option_combo;
      if (IsIdSchemeParameter(key_)) {
        header_.id_schemes.emplace_back(key_, std::string());
        target_ = &header_.id_schemes.back().second;
      }
    } else if (place_ == Place::kRow) {
      if (key_ == "dataElement") target_ = &row_.data_element;
      if (key_ == "period") target_ = &row_.period;
      if (key_ == "orgUnit") target_ = &row_.org_unit;
      if (key_ == "categoryOptionCombo") target_ = &row_.category_option_combo;
      if (key_ == "attributeOptionCombo") target_ = &row_.attribute_option_combo;
      if (key_ == "value") target_ = &row_.value;
      if (key_ == "comment") target_ = &row_.comment;
      if (key_ == "storedBy") target_ = &row_.stored_by;
      if (key_ == "followup") flag_ = &row_.followup;
      if (key_ == "deleted") flag_ = &row_.deleted;
    }
  }

  // The key of the value now being read, consumed by it.
  std::string TakeKey() {
    std::string key = std::move(key_);
    key_.clear();
    return key;
  }

  bool BeginStructure(bool is_object) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    switch (place_) {
      case Place::kBeforeDocument:
        if (!is_object) {
          Fail("tệp không phải một dataValueSet (đối tượng JSON có dataValues)",
               "the file is not a dataValueSet (a JSON object with dataValues)");
        }
        place_ = Place::kTop;
        return true;
      case Place::kTop: {
        std::string key = TakeKey();
        if (key == "dataValues") {
          if (is_object) Fail("dataValues phải là một mảng", "dataValues must be an array");
          place_ = Place::kDataValues;
          rows_started_ = true;
          header_complete_ = true;
          return true;
        }
        if (target_ != nullptr) {
          Fail("trường đầu tệp '" + key + "' phải là văn bản",
               "header field '" + key + "' must be a text");
        }
        skip_depth_ = 1;
        return true;
      }
      case Place::kDataValues:
        if (!is_object) {
          Fail("mỗi phần tử của dataValues phải là một đối tượng",
               "each element of dataValues must be an object");
        }
        row_ = RawDataValue{};
        row_.index = ++row_count_;
        row_.line = line_;
        place_ = Place::kRow;
        return true;
      case Place::kRow: {
        std::string key = TakeKey();
        if (target_ != nullptr || flag_ != nullptr) {
          Fail("trường '" + key + "' của giá trị thứ " + RowName() + " phải là văn bản",
               "field '" + key + "' of data value " + RowName() + " must be a text");
        }
        skip_depth_ = 1;
        return true;
      }
      case Place::kAfterDocument:
        break;
    }
    return true;
  }

  bool EndStructure() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    switch (place_) {
      case Place::kTop:
        place_ = Place::kAfterDocument;
        header_complete_ = true;
        break;
      case Place::kDataValues:
        place_ = Place::kTop;
        break;
      case Place::kRow:
        rows_.push_back(std::move(row_));
        max_pending_rows_ = std::max(max_pending_rows_, rows_.size());
        place_ = Place::kDataValues;
        break;
      case Place::kBeforeDocument:
      case Place::kAfterDocument:
        break;
    }
    return true;
  }

  bool OnScalar(bool is_null) {
    std::string text = std::move(text_);
    text_.clear();
    if (skip_depth_ > 0) return true;
    switch (place_) {
      case Place::kBeforeDocument:
        Fail("tệp không phải một dataValueSet (đối tượng JSON có dataValues)",
             "the file is not a dataValueSet (a JSON object with dataValues)");
      case Place::kTop: {
        std::string key = TakeKey();
        if (key == "dataValues") {
          if (is_null) {
            rows_started_ = true;
            return true;
          }
          Fail("dataValues phải là một mảng", "dataValues must be an array");
        }
        if (target_ != nullptr) *target_ = std::move(text);
        target_ = nullptr;
        return true;
      }
      case Place::kDataValues:
        Fail("mỗi phần tử của dataValues phải là một đối tượng",
             "each element of dataValues must be an object");
      case Place::kRow:
        TakeKey();
        if (target_ != nullptr) *target_ = std::move(text);
        if (flag_ != nullptr) *flag_ = text == "true" || text == "TRUE" || text == "True";
        target_ = nullptr;
        flag_ = nullptr;
        return true;
      case Place::kAfterDocument:
        break;
    }
    return true;
  }

  void FeedChunk() {
    if (failed_) {
      throw UserError("exchange.malformed_json", "không đọc tiếp được tệp sau lỗi trước",
                      "the file cannot be read past the earlier error", Where());
    }
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    size_t size = static_cast<size_t>(in_.gcount());
    if (size == 0) {
      if (in_.bad()) Fail("không đọc được tệp", "the file cannot be read");
      Finish();
      return;
    }
    const char* data = buffer_.data();
    if (total_bytes_ == 0 && size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
      data += 3;  // a UTF-8 byte order mark, as Windows editors write
      size -= 3;
    }
    total_bytes_ += size;
    // Fed a line at a time, so that each row knows the line it starts on.
    while (size > 0) {
      const void* newline = std::memchr(data, '\n', size);
      size_t piece =
          newline ? static_cast<size_t>(static_cast<const char*>(newline) - data) + 1 : size;
      Feed(data, piece);
      if (newline) ++line_;
      data += piece;
      size -= piece;
    }
  }

  void Feed(const char* data, size_t size) {
    if (place_ != Place::kAfterDocument) {
      error_code ec;
      size_t used = parser_.write_some(true, data, size, ec);
      if (ec) FailSyntax(ec);
      data += used;
      size -= used;
    }
    for (size_t i = 0; i < size; ++i) {
      if (data[i] != ' ' && data[i] != '\n' && data[i] != '\r' && data[i] != '\t') {
        Fail("có dữ liệu thừa sau khi tài liệu JSON đã kết thúc",
             "there is text after the end of the JSON document");
      }
    }
  }

  void Finish() {
    input_ended_ = true;
    if (total_bytes_ == 0) Fail("tệp rỗng", "the file is empty");
    if (place_ != Place::kAfterDocument) {
      error_code ec;
      static const char kNothing[1] = {0};
      parser_.write_some(false, kNothing, 0, ec);
      if (ec) FailSyntax(ec);
      if (place_ != Place::kAfterDocument) {
        Fail("tệp JSON bị cắt ngang (kết thúc giữa chừng)", "the JSON file is truncated");
      }
    }
  }

  [[noreturn]] void FailSyntax(const error_code& ec) {
    if (ec == boost::json::error::incomplete) {
      Fail("tệp JSON bị cắt ngang (kết thúc giữa chừng)", "the JSON file is truncated");
    }
    if (ec == boost::json::error::too_deep) {
      Fail("JSON lồng nhau quá sâu (tối đa 32 mức)",
           "the JSON nests too deeply (at most 32 levels)");
    }
    if (ec == boost::json::error::key_too_large) {
      Fail("một khóa dài quá " + std::to_string(Handler::max_key_size) + " byte",
           "a key is longer than " + std::to_string(Handler::max_key_size) + " bytes");
    }
    if (ec == boost::json::error::string_too_large) {
      Fail("một văn bản dài quá " + std::to_string(kMaxFieldBytes) + " byte",
           "a text is longer than " + std::to_string(kMaxFieldBytes) + " bytes");
    }
    if (ec == boost::json::error::syntax && !rows_started_ && total_bytes_ < 4) {
      Fail("tệp không phải JSON", "the file is not JSON");
    }
    Fail("lỗi cú pháp JSON hoặc UTF-8 không hợp lệ (" + ec.message() + ")",
         "JSON syntax error or invalid UTF-8 (" + ec.message() + ")");
  }

  std::istream& in_;
  std::string source_name_;
  std::vector<char> buffer_;
  boost::json::basic_parser<Handler> parser_;

  Place place_ = Place::kBeforeDocument;
  int skip_depth_ = 0;  // > 0 inside a value that is skipped
  std::string key_;
  std::string text_;
  std::string* target_ = nullptr;  // where the value of the current key goes; null: discarded
  bool* flag_ = nullptr;           // a boolean field instead

  DataValueSetHeader header_;
  bool header_complete_ = false;
  bool rows_started_ = false;
  RawDataValue row_;
  long long row_count_ = 0;
  std::deque<RawDataValue> rows_;
  size_t max_pending_rows_ = 0;

  long long line_ = 1;
  size_t total_bytes_ = 0;
  bool input_ended_ = false;
  bool failed_ = false;
};

JsonDataValueReader::JsonDataValueReader(std::istream& in, std::string source_name,
                                         size_t chunk_size)
    : impl_(std::make_unique<Impl>(in, std::move(source_name), chunk_size)) {}

JsonDataValueReader::~JsonDataValueReader() = default;

const DataValueSetHeader& JsonDataValueReader::Header() {
  return impl_->Header();
}

bool JsonDataValueReader::Next(RawDataValue* row) {
  return impl_->Next(row);
}

size_t JsonDataValueReader::max_pending_rows() const {
  return impl_->max_pending_rows();
}

}  // namespace solieu
