#include "exchange/xml_data_value_reader.h"

#include <expat.h>

#include <algorithm>
#include <deque>
#include <new>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "exchange/id_scheme.h"

namespace solieu {
namespace {

// The name without a namespace prefix ("dxf:dataValue" -> "dataValue").
std::string_view LocalName(const XML_Char* name) {
  std::string_view text(name);
  size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

bool IsTrue(std::string_view text) {
  return text.size() == 4 && (text[0] == 't' || text[0] == 'T') &&
         (text[1] == 'r' || text[1] == 'R') && (text[2] == 'u' || text[2] == 'U') &&
         (text[3] == 'e' || text[3] == 'E');
}

struct PendingError {
  std::string vi;
  std::string en;
  long long line = 0;
};

}  // namespace

class XmlDataValueReader::Impl {
 public:
  Impl(std::istream& in, std::string source_name, size_t chunk_size)
      : in_(in),
        source_name_(std::move(source_name)),
        buffer_(chunk_size == 0 ? 1 : chunk_size),
        parser_(XML_ParserCreate(nullptr)) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Impl::OnStart, &Impl::OnEnd);
    XML_SetStartDoctypeDeclHandler(parser_, &Impl::OnDoctype);
    XML_SetEntityDeclHandler(parser_, &Impl::OnEntityDecl);
    // Everything else (text, comments, the XML declaration) only marks progress, for the bound
    // on what expat must buffer. The "Expand" variant keeps the predefined entities expanding.
    XML_SetDefaultHandlerExpand(parser_, &Impl::OnOther);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }

  ~Impl() { XML_ParserFree(parser_); }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

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

 private:
  static Impl* Self(void* data) { return static_cast<Impl*>(data); }

  static void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    Self(data)->StartElement(LocalName(name), attributes);
  }
  static void XMLCALL OnEnd(void* data, const XML_Char*) {
    Impl* self = Self(data);
    self->MarkProgress();
    --self->depth_;
  }
  static void XMLCALL OnOther(void* data, const XML_Char*, int) { Self(data)->MarkProgress(); }
  static void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*,
                                int) {
    Self(data)->Stop(
        "tệp có khai báo DOCTYPE; tệp dataValueSet không được có DOCTYPE hay thực thể (entity)",
        "the file has a DOCTYPE declaration; a dataValueSet file may declare no DOCTYPE or entity");
  }
  static void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int,
                                   const XML_Char*, const XML_Char*, const XML_Char*,
                                   const XML_Char*) {
    Self(data)->Stop("tệp khai báo thực thể (entity); điều này không được phép",
                     "the file declares an entity, which is not allowed");
  }

  // Errors cannot be thrown through expat's C frames: the handler records one and stops the
  // parser, and FeedChunk throws it once XML_Parse has returned.
  void Stop(std::string vi, std::string en) {
    if (pending_) return;
    pending_ = PendingError{std::move(vi), std::move(en),
                            static_cast<long long>(XML_GetCurrentLineNumber(parser_))};
    XML_StopParser(parser_, XML_FALSE);
  }

  void MarkProgress() {
    // An empty element's end event has no bytes of its own: never move backwards.
    parsed_up_to_ =
        std::max(parsed_up_to_, static_cast<long long>(XML_GetCurrentByteIndex(parser_)) +
                                    XML_GetCurrentByteCount(parser_));
  }

  void StartElement(std::string_view name, const XML_Char** attributes) {
    MarkProgress();
    if (pending_) return;
    ++depth_;
    if (depth_ == 1) {
      if (name != "dataValueSet") {
        Stop("phần tử gốc là <" + std::string(name) +
                 ">, không phải <dataValueSet> (tệp không phải dataValueSet DXF2)",
             "the root element is <" + std::string(name) +
                 ">, not <dataValueSet> (the file is not a DXF2 dataValueSet)");
        return;
      }
      ReadHeader(attributes);
      header_complete_ = true;
      return;
    }
    if (depth_ != 2 || name != "dataValue") return;  // skipped, with everything inside it
    RawDataValue row;
    row.index = ++row_count_;
    row.line = static_cast<long long>(XML_GetCurrentLineNumber(parser_));
    for (const XML_Char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (key.starts_with("xmlns")) continue;
      key = LocalName(a[0]);
      const XML_Char* value = a[1];
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

  void ReadHeader(const XML_Char** attributes) {
    for (const XML_Char** a = attributes; a[0] != nullptr; a += 2) {
      std::string_view key(a[0]);
      if (key.starts_with("xmlns")) continue;
      key = LocalName(a[0]);
      const XML_Char* value = a[1];
      if (key == "dataSet") header_.data_set = value;
      if (key == "completeDate") header_.complete_date = value;
      if (key == "period") header_.period = value;
      if (key == "orgUnit") header_.org_unit = value;
      if (key == "attributeOptionCombo") header_.attribute_option_combo = value;
      if (IsIdSchemeParameter(key)) header_.id_schemes.emplace_back(std::string(key), value);
    }
  }

  [[noreturn]] void Fail(const std::string& vi, const std::string& en, long long line) {
    failed_ = true;
    throw UserError("exchange.malformed_xml", vi, en, source_name_ + ":" + std::to_string(line));
  }

  void FeedChunk() {
    if (failed_) {
      throw UserError("exchange.malformed_xml", "không đọc tiếp được tệp sau lỗi trước",
                      "the file cannot be read past the earlier error", source_name_);
    }
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    size_t size = static_cast<size_t>(in_.gcount());
    if (size == 0 && in_.bad()) Fail("không đọc được tệp", "the file cannot be read", 1);
    bool last = size == 0;
    if (last) {
      input_ended_ = true;
      if (total_bytes_ == 0) Fail("tệp rỗng", "the file is empty", 1);
    }
    total_bytes_ += static_cast<long long>(size);
    if (XML_Parse(parser_, buffer_.data(), static_cast<int>(size), last ? XML_TRUE : XML_FALSE) !=
        XML_STATUS_OK) {
      if (pending_) Fail(pending_->vi, pending_->en, pending_->line);
      XML_Error code = XML_GetErrorCode(parser_);
      std::string what = XML_ErrorString(code);
      std::string column = std::to_string(XML_GetCurrentColumnNumber(parser_) + 1);
      Fail("lỗi cú pháp XML ở cột " + column + " (tệp sai định dạng hoặc bị cắt ngang): " + what,
           "XML syntax error at column " + column + ": " + what,
           static_cast<long long>(XML_GetCurrentLineNumber(parser_)));
    }
    if (total_bytes_ - parsed_up_to_ > static_cast<long long>(kMaxTagBytes)) {
      Fail("một thẻ hoặc chú thích XML dài quá " + std::to_string(kMaxTagBytes) + " byte",
           "an XML tag or comment is longer than " + std::to_string(kMaxTagBytes) + " bytes",
           static_cast<long long>(XML_GetCurrentLineNumber(parser_)));
    }
  }

  std::istream& in_;
  std::string source_name_;
  std::vector<char> buffer_;
  XML_Parser parser_;

  int depth_ = 0;
  DataValueSetHeader header_;
  bool header_complete_ = false;
  long long row_count_ = 0;
  std::deque<RawDataValue> rows_;
  size_t max_pending_rows_ = 0;

  std::optional<PendingError> pending_;
  long long total_bytes_ = 0;
  long long parsed_up_to_ = 0;  // the end of the last event expat reported
  bool input_ended_ = false;
  bool failed_ = false;
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
