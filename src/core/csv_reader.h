// core/csv_reader: a streaming RFC 4180 reader that knows the physical line of every record, so
// errors can say "file:line column". Written by hand because the Debian C/C++ CSV libraries do not
// report line numbers of quoted multi-line records. Depends on: core/error.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace solieu {

class CsvReader {
 public:
  // `source_name` is used in error messages (usually the file path).
  CsvReader(std::istream& in, std::string source_name);

  // Reads the next record into `fields`; false at end of input. Throws UserError on a malformed
  // record (an unterminated quote, text after a closing quote, invalid UTF-8).
  bool Next(std::vector<std::string>* fields);

  // The physical line (1-based) on which the last record returned by Next started.
  int line() const { return record_line_; }
  const std::string& source_name() const { return source_name_; }

 private:
  std::istream& in_;
  std::string source_name_;
  int next_line_ = 1;
  int record_line_ = 0;
  bool first_ = true;
};

// A CSV file whose first record is a header: access by column name, with errors naming the place.
class CsvTable {
 public:
  // Throws UserError if the file cannot be opened, or has a column not in `allowed`, or lacks one
  // of `required`. An empty `allowed` allows any column.
  CsvTable(const std::string& path, const std::vector<std::string>& required,
           const std::vector<std::string>& allowed);

  bool Next();  // advances to the next data record; rows of only empty cells are skipped
  int line() const { return reader_.line(); }
  bool Has(std::string_view column) const;
  // The cell, trimmed of surrounding spaces; empty if the column is absent.
  std::string Get(std::string_view column) const;
  // "path:line column" for error messages.
  std::string Where(std::string_view column) const;
  const std::string& path() const { return path_; }

 private:
  int Index(std::string_view column) const;

  std::string path_;
  std::unique_ptr<std::istream> stream_;
  CsvReader reader_;
  std::vector<std::string> header_;
  std::vector<std::string> row_;
};

// True if `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace solieu
