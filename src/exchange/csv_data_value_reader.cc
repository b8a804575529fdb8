#include "exchange/csv_data_value_reader.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/csv_reader.h"
#include "core/error.h"

namespace solieu {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

const char kColumns[] =
    "dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value[, storedby, "
    "lastupdated, comment, followup, deleted]";

}  // namespace

class CsvDataValueReader::Impl {
 public:
  Impl(std::istream& in, std::string source_name, size_t chunk_size)
      : in_(in), source_name_(std::move(source_name)), buffer_(chunk_size == 0 ? 1 : chunk_size) {}

  const DataValueSetHeader& Header() { return header_; }

  bool Next(RawDataValue* row) {
    if (failed_) {
      throw UserError("exchange.malformed_csv", "không đọc tiếp được tệp sau lỗi trước",
                      "the file cannot be read past the earlier error", source_name_);
    }
    try {
      return ReadRow(row);
    } catch (const UserError&) {
      failed_ = true;
      throw;
    }
  }

  bool had_header_row() const { return had_header_row_; }

 private:
  bool ReadRow(RawDataValue* row) {
    long long line = 0;
    while (ReadRecord(&fields_, &line)) {
      if (std::all_of(fields_.begin(), fields_.end(),
                      [](const std::string& f) { return f.empty(); })) {
        continue;  // a blank row, as spreadsheets leave at the end
      }
      bool first = !seen_record_;
      seen_record_ = true;
      if (first && EqualsIgnoringCase(Trim(fields_[0]), "dataelement")) {
        had_header_row_ = true;
        continue;
      }
      if (fields_.size() < kMinFields) {
        Fail("dòng có " + std::to_string(fields_.size()) + " trường; cần từ " +
                 std::to_string(kMinFields) + " đến " + std::to_string(kMaxFields) + " (" +
                 kColumns + ")",
             "the row has " + std::to_string(fields_.size()) + " fields; " +
                 std::to_string(kMinFields) + " to " + std::to_string(kMaxFields) +
                 " are needed (" + kColumns + ")",
             line);
      }
      *row = RawDataValue{};
      row->index = ++row_count_;
      row->line = line;
      row->data_element = Trim(fields_[0]);
      row->period = Trim(fields_[1]);
      row->org_unit = Trim(fields_[2]);
      row->category_option_combo = Trim(fields_[3]);
      row->attribute_option_combo = Trim(fields_[4]);
      row->value = std::move(fields_[5]);
      if (fields_.size() > 6) row->stored_by = Trim(fields_[6]);
      // 7: lastupdated, which an import does not take (the store stamps its own time).
      if (fields_.size() > 8) row->comment = std::move(fields_[8]);
      if (fields_.size() > 9) row->followup = EqualsIgnoringCase(Trim(fields_[9]), "true");
      if (fields_.size() > 10) row->deleted = EqualsIgnoringCase(Trim(fields_[10]), "true");
      return true;
    }
    return false;
  }

  // One RFC 4180 record into `fields`, and the line it starts on; false at the end of the input.
  bool ReadRecord(std::vector<std::string>* fields, long long* line) {
    fields->clear();
    int c = Get();
    if (at_start_) {
      at_start_ = false;
      // A UTF-8 byte order mark, as Excel writes it, is not part of the first field.
      if (c == 0xEF && Peek() == 0xBB) {
        Get();
        if (Get() != 0xBF) Fail("dấu BOM UTF-8 không hợp lệ", "malformed UTF-8 byte order mark", 1);
        c = Get();
      }
    }
    if (c < 0) return false;
    *line = line_;
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;   // the field opened with a quote
    bool after_quote = false;  // its closing quote was read: only a separator or line end follow
    auto finish_field = [&] {
      if (fields->size() == kMaxFields) {
        Fail("dòng có nhiều hơn " + std::to_string(kMaxFields) + " trường (" + kColumns + ")",
             "the row has more than " + std::to_string(kMaxFields) + " fields (" + kColumns + ")",
             *line);
      }
      if (!IsValidUtf8(field)) {
        failed_ = true;
        throw UserError("exchange.malformed_csv", "văn bản không phải UTF-8 hợp lệ",
                        "text is not valid UTF-8",
                        source_name_ + ":" + std::to_string(*line) + " column " +
                            std::to_string(fields->size() + 1));
      }
      fields->push_back(std::move(field));
      field.clear();
      was_quoted = false;
      after_quote = false;
    };
    auto append = [&](int ch) {
      if (field.size() >= kMaxFieldBytes) {
        Fail("một trường dài quá " + std::to_string(kMaxFieldBytes) +
                 " byte (có thể thiếu dấu ngoặc kép đóng)",
             "a field is longer than " + std::to_string(kMaxFieldBytes) +
                 " bytes (an unclosed quote?)",
             *line);
      }
      field.push_back(static_cast<char>(ch));
    };
    for (;; c = Get()) {
      if (in_quotes) {
        if (c < 0) {
          Fail("dấu ngoặc kép mở ở dòng này không được đóng trước khi hết tệp",
               "a quote opened on this line is not closed before the end of the file", *line);
        }
        if (c == '"') {
          if (Peek() == '"') {
            Get();
            append('"');
          } else {
            in_quotes = false;
            after_quote = true;
          }
          continue;
        }
        if (c == '\n') ++line_;
        append(c);
        continue;
      }
      if (c < 0 || c == '\n' || (c == '\r' && Peek() == '\n')) {
        if (c == '\r') Get();
        if (c >= 0) ++line_;
        finish_field();
        return true;
      }
      if (c == ',') {
        finish_field();
        continue;
      }
      if (after_quote) {
        Fail("có ký tự sau dấu ngoặc kép đóng (trong trường, dấu ngoặc kép phải viết đôi \"\")",
             "characters after a closing quote (a quote inside a field is written twice \"\")",
             line_);
      }
      if (c == '"' && field.empty() && !was_quoted) {
        in_quotes = true;
        was_quoted = true;
        continue;
      }
      append(c);
    }
  }

  int Get() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_++]);
  }

  int Peek() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }

  // Refills the (fully consumed) buffer; false at the end of the input.
  bool Fill() {
    if (input_ended_) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    pos_ = 0;
    end_ = static_cast<size_t>(in_.gcount());
    if (end_ == 0) {
      input_ended_ = true;
      if (in_.bad()) Fail("không đọc được tệp", "the file cannot be read", line_);
      return false;
    }
    return true;
  }

  [[noreturn]] void Fail(const std::string& vi, const std::string& en, long long line) {
    failed_ = true;
    throw UserError("exchange.malformed_csv", vi, en, source_name_ + ":" + std::to_string(line));
  }

  std::istream& in_;
  std::string source_name_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool at_start_ = true;
  bool input_ended_ = false;

  DataValueSetHeader header_;  // a CSV file has none
  std::vector<std::string> fields_;
  long long line_ = 1;  // the physical line being read
  long long row_count_ = 0;
  bool seen_record_ = false;
  bool had_header_row_ = false;
  bool failed_ = false;
};

CsvDataValueReader::CsvDataValueReader(std::istream& in, std::string source_name, size_t chunk_size)
    : impl_(std::make_unique<Impl>(in, std::move(source_name), chunk_size)) {}

CsvDataValueReader::~CsvDataValueReader() = default;

const DataValueSetHeader& CsvDataValueReader::Header() {
  return impl_->Header();
}

bool CsvDataValueReader::Next(RawDataValue* row) {
  return impl_->Next(row);
}

bool CsvDataValueReader::had_header_row() const {
  return impl_->had_header_row();
}

}  // namespace solieu
