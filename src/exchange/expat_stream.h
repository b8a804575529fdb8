// exchange/expat_stream: the expat plumbing the streaming XML readers share (DXF2 dataValueSets,
// ADX). expat is fed a fixed-size chunk at a time and calls the subclass's element and text
// handlers; errors found in a handler stop the parser and are thrown, naming the file and line,
// once expat has returned (nothing is thrown through expat's C frames). Depends on: core/error,
// expat.
//
// Refused with UserError "exchange.malformed_xml" naming the file and line: malformed XML (expat's
// message in English, a Vietnamese one beside it), a DOCTYPE or any entity declaration (no entity
// expansion at all, so no "billion laughs"), an empty file, and a single tag, comment or text run
// longer than kMaxTagBytes (expat must hold a tag whole).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace solieu {

class ExpatStream {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;
  // The longest tag (a dataValue with its attributes), comment or other markup accepted. A data
  // value is at most 50,000 characters; the bound keeps memory bounded.
  static constexpr size_t kMaxTagBytes = 2 << 20;

  // `document_vi` / `document_en` name the document in messages ("tệp dataValueSet").
  ExpatStream(std::istream& in, std::string source_name, size_t chunk_size, std::string document_vi,
              std::string document_en);
  virtual ~ExpatStream();

  ExpatStream(const ExpatStream&) = delete;
  ExpatStream& operator=(const ExpatStream&) = delete;

  // The name without a namespace prefix ("dxf:dataValue" -> "dataValue").
  static std::string_view LocalName(const char* name);

 protected:
  // Attributes come as expat gives them: name, value, name, value, ..., nullptr.
  virtual void StartElement(std::string_view name, const char** attributes) = 0;
  virtual void EndElement(std::string_view /*name*/) {}
  virtual void Text(std::string_view /*text*/) {}

  // Feeds the next chunk; returns false once the input has ended (and was parsed whole).
  // Throws UserError for malformed input or an error a handler recorded with Stop.
  bool FeedChunk();
  bool input_ended() const { return input_ended_; }

  // From a handler: records the error at the current line and stops the parser.
  void Stop(std::string vi, std::string en);
  bool stopped() const { return pending_.has_value(); }
  long long CurrentLine() const;
  const std::string& source_name() const { return source_name_; }

 private:
  struct Callbacks;
  struct PendingError {
    std::string vi;
    std::string en;
    long long line = 0;
  };

  [[noreturn]] void Fail(const std::string& vi, const std::string& en, long long line);
  void MarkProgress();

  std::istream& in_;
  std::string source_name_;
  std::string document_vi_;
  std::string document_en_;
  std::vector<char> buffer_;
  void* parser_;  // XML_Parser, kept out of the header

  std::optional<PendingError> pending_;
  long long total_bytes_ = 0;
  long long parsed_up_to_ = 0;  // the end of the last event expat reported
  bool input_ended_ = false;
  bool failed_ = false;
};

}  // namespace solieu
