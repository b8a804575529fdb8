#include "exchange/expat_stream.h"

#include <expat.h>

#include <algorithm>
#include <new>

#include "core/error.h"

namespace solieu {

struct ExpatStream::Callbacks {
  static ExpatStream* Self(void* data) { return static_cast<ExpatStream*>(data); }
  static XML_Parser Parser(ExpatStream* self) { return static_cast<XML_Parser>(self->parser_); }

  static void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    ExpatStream* self = Self(data);
    self->MarkProgress();
    if (self->pending_) return;
    self->StartElement(LocalName(name), attributes);
  }
  static void XMLCALL OnEnd(void* data, const XML_Char* name) {
    ExpatStream* self = Self(data);
    self->MarkProgress();
    if (self->pending_) return;
    self->EndElement(LocalName(name));
  }
  static void XMLCALL OnText(void* data, const XML_Char* text, int size) {
    ExpatStream* self = Self(data);
    self->MarkProgress();
    if (self->pending_) return;
    self->Text(std::string_view(text, static_cast<size_t>(size)));
  }
  static void XMLCALL OnOther(void* data, const XML_Char*, int) { Self(data)->MarkProgress(); }
  static void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*,
                                int) {
    ExpatStream* self = Self(data);
    self->Stop("tệp có khai báo DOCTYPE; " + self->document_vi_ +
                   " không được có DOCTYPE hay thực thể (entity)",
               "the file has a DOCTYPE declaration; " + self->document_en_ +
                   " may declare no DOCTYPE or entity");
  }
  static void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int,
                                   const XML_Char*, const XML_Char*, const XML_Char*,
                                   const XML_Char*) {
    Self(data)->Stop("tệp khai báo thực thể (entity); điều này không được phép",
                     "the file declares an entity, which is not allowed");
  }
};

ExpatStream::ExpatStream(std::istream& in, std::string source_name, size_t chunk_size,
                         std::string document_vi, std::string document_en)
    : in_(in),
      source_name_(std::move(source_name)),
      document_vi_(std::move(document_vi)),
      document_en_(std::move(document_en)),
      buffer_(chunk_size == 0 ? 1 : chunk_size),
      parser_(XML_ParserCreate(nullptr)) {
  if (parser_ == nullptr) throw std::bad_alloc();
  XML_Parser parser = static_cast<XML_Parser>(parser_);
  XML_SetUserData(parser, this);
  XML_SetElementHandler(parser, &Callbacks::OnStart, &Callbacks::OnEnd);
  XML_SetCharacterDataHandler(parser, &Callbacks::OnText);
  XML_SetStartDoctypeDeclHandler(parser, &Callbacks::OnDoctype);
  XML_SetEntityDeclHandler(parser, &Callbacks::OnEntityDecl);
  // Everything else (comments, the XML declaration) only marks progress, for the bound on what
  // expat must buffer. The "Expand" variant keeps the predefined entities expanding.
  XML_SetDefaultHandlerExpand(parser, &Callbacks::OnOther);
  XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

ExpatStream::~ExpatStream() {
  XML_ParserFree(static_cast<XML_Parser>(parser_));
}

std::string_view ExpatStream::LocalName(const char* name) {
  std::string_view text(name);
  size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

void ExpatStream::Stop(std::string vi, std::string en) {
  if (pending_) return;
  pending_ = PendingError{std::move(vi), std::move(en), CurrentLine()};
  XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

long long ExpatStream::CurrentLine() const {
  return static_cast<long long>(XML_GetCurrentLineNumber(static_cast<XML_Parser>(parser_)));
}

void ExpatStream::MarkProgress() {
  XML_Parser parser = static_cast<XML_Parser>(parser_);
  // An empty element's end event has no bytes of its own: never move backwards.
  parsed_up_to_ = std::max(parsed_up_to_, static_cast<long long>(XML_GetCurrentByteIndex(parser)) +
                                              XML_GetCurrentByteCount(parser));
}

void ExpatStream::Fail(const std::string& vi, const std::string& en, long long line) {
  failed_ = true;
  throw UserError("exchange.malformed_xml", vi, en, source_name_ + ":" + std::to_string(line));
}

bool ExpatStream::FeedChunk() {
  if (failed_) {
    throw UserError("exchange.malformed_xml", "không đọc tiếp được tệp sau lỗi trước",
                    "the file cannot be read past the earlier error", source_name_);
  }
  if (input_ended_) return false;
  XML_Parser parser = static_cast<XML_Parser>(parser_);
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  size_t size = static_cast<size_t>(in_.gcount());
  if (size == 0 && in_.bad()) Fail("không đọc được tệp", "the file cannot be read", 1);
  bool last = size == 0;
  if (last) {
    input_ended_ = true;
    if (total_bytes_ == 0) Fail("tệp rỗng", "the file is empty", 1);
  }
  total_bytes_ += static_cast<long long>(size);
  if (XML_Parse(parser, buffer_.data(), static_cast<int>(size), last ? XML_TRUE : XML_FALSE) !=
      XML_STATUS_OK) {
    if (pending_) Fail(pending_->vi, pending_->en, pending_->line);
    XML_Error code = XML_GetErrorCode(parser);
    std::string what = XML_ErrorString(code);
    std::string column = std::to_string(XML_GetCurrentColumnNumber(parser) + 1);
    Fail("lỗi cú pháp XML ở cột " + column + " (tệp sai định dạng hoặc bị cắt ngang): " + what,
         "XML syntax error at column " + column + ": " + what, CurrentLine());
  }
  if (total_bytes_ - parsed_up_to_ > static_cast<long long>(kMaxTagBytes)) {
    Fail("một thẻ hoặc chú thích XML dài quá " + std::to_string(kMaxTagBytes) + " byte",
         "an XML tag or comment is longer than " + std::to_string(kMaxTagBytes) + " bytes",
         CurrentLine());
  }
  return !input_ended_;
}

}  // namespace solieu
