#include "core/csv_reader.h"

#include <algorithm>
#include <fstream>

#include "core/error.h"

namespace solieu {

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    unsigned int code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(extra) >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      code = (code << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range code points.
    if ((extra == 1 && code < 0x80) || (extra == 2 && code < 0x800) ||
        (extra == 3 && (code < 0x10000 || code > 0x10FFFF)) || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

CsvReader::CsvReader(std::istream& in, std::string source_name)
    : in_(in), source_name_(std::move(source_name)) {}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  int c = in_.get();
  if (c == EOF) return false;
  record_line_ = next_line_;
  if (first_) {
    first_ = false;
    // A UTF-8 byte-order mark, as Excel writes it, is not part of the first column's name.
    if (c == 0xEF && in_.peek() == 0xBB) {
      in_.get();
      if (in_.get() != 0xBF) {
        throw UserError("csv.bad_bom", "dấu BOM UTF-8 không hợp lệ",
                        "malformed UTF-8 byte-order mark", source_name_ + ":1");
      }
      c = in_.get();
      if (c == EOF) return false;
    }
  }
  std::string field;
  bool quoted = false;
  bool after_quote = false;  // a quoted field was closed; only a separator or line end may follow
  auto finish_field = [&] {
    if (!IsValidUtf8(field)) {
      throw UserError("csv.bad_utf8", "văn bản không phải UTF-8 hợp lệ", "text is not valid UTF-8",
                      source_name_ + ":" + std::to_string(record_line_) + " column " +
                          std::to_string(fields->size() + 1));
    }
    fields->push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  for (;; c = in_.get()) {
    if (quoted) {
      if (c == EOF) {
        throw UserError("csv.unterminated_quote", "dấu ngoặc kép không được đóng",
                        "unterminated quoted field",
                        source_name_ + ":" + std::to_string(record_line_));
      }
      if (c == '"') {
        if (in_.peek() == '"') {
          in_.get();
          field.push_back('"');
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++next_line_;
        field.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (c == EOF || c == '\n' || (c == '\r' && in_.peek() == '\n')) {
      if (c == '\r') in_.get();
      if (c != EOF) ++next_line_;
      finish_field();
      return true;
    }
    if (c == ',') {
      finish_field();
      continue;
    }
    if (after_quote) {
      throw UserError("csv.text_after_quote", "có ký tự sau dấu ngoặc kép đóng",
                      "characters after a closing quote",
                      source_name_ + ":" + std::to_string(next_line_));
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      continue;
    }
    field.push_back(static_cast<char>(c));
  }
}

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

std::unique_ptr<std::istream> OpenOrThrow(const std::string& path) {
  auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*stream) {
    throw UserError("file.cannot_open", "không mở được tệp", "cannot open the file", path);
  }
  return stream;
}

}  // namespace

CsvTable::CsvTable(const std::string& path, const std::vector<std::string>& required,
                   const std::vector<std::string>& allowed)
    : path_(path), stream_(OpenOrThrow(path)), reader_(*stream_, path) {
  if (!reader_.Next(&header_)) {
    throw UserError("csv.empty", "tệp rỗng, thiếu dòng tiêu đề", "empty file, no header row",
                    path + ":1");
  }
  for (auto& h : header_) h = Trim(h);
  for (size_t i = 0; i < header_.size(); ++i) {
    const std::string& name = header_[i];
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw UserError("csv.unknown_column", "cột '" + name + "' không được hỗ trợ",
                      "unknown column '" + name + "'", path + ":1");
    }
    if (std::find(header_.begin(), header_.begin() + static_cast<long>(i), name) !=
        header_.begin() + static_cast<long>(i)) {
      throw UserError("csv.duplicate_column", "cột '" + name + "' bị lặp",
                      "duplicate column '" + name + "'", path + ":1");
    }
  }
  for (const auto& name : required) {
    if (std::find(header_.begin(), header_.end(), name) == header_.end()) {
      throw UserError("csv.missing_column", "thiếu cột bắt buộc '" + name + "'",
                      "missing required column '" + name + "'", path + ":1");
    }
  }
}

bool CsvTable::Next() {
  while (reader_.Next(&row_)) {
    bool all_empty =
        std::all_of(row_.begin(), row_.end(), [](const std::string& f) { return Trim(f).empty(); });
    if (all_empty) continue;
    if (row_.size() != header_.size()) {
      throw UserError("csv.wrong_field_count",
                      "dòng có " + std::to_string(row_.size()) + " cột, tiêu đề có " +
                          std::to_string(header_.size()),
                      "the record has " + std::to_string(row_.size()) +
                          " fields but the header has " + std::to_string(header_.size()),
                      path_ + ":" + std::to_string(reader_.line()));
    }
    return true;
  }
  return false;
}

int CsvTable::Index(std::string_view column) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return static_cast<int>(i);
  }
  return -1;
}

bool CsvTable::Has(std::string_view column) const {
  return Index(column) >= 0;
}

std::string CsvTable::Get(std::string_view column) const {
  int i = Index(column);
  if (i < 0 || static_cast<size_t>(i) >= row_.size()) return {};
  return Trim(row_[static_cast<size_t>(i)]);
}

std::string CsvTable::Where(std::string_view column) const {
  return path_ + ":" + std::to_string(reader_.line()) + " " + std::string(column);
}

}  // namespace solieu
