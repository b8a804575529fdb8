#include "cli/cli_common.h"

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <iostream>

#include "core/error.h"
#include "core/period.h"
#include "core/synthetic.h"
#include "engine/analytics.h"
#include "server/live_analytics.h"

namespace solieu::cli {

GlobalOptions& Globals() {
  static GlobalOptions options;
  return options;
}

std::unique_ptr<Store> OpenStore() {
  const std::string& location = Globals().store;
  if (location.find("://") == std::string::npos) {
    std::filesystem::path parent = std::filesystem::path(location).parent_path();
    std::error_code ignored;
    if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  }
  return Store::Open(location);
}

void AddFormatOption(CLI::App* command, Format* format) {
  static const std::map<std::string, Format> kNames = {
      {"table", Format::kTable}, {"csv", Format::kCsv}, {"json", Format::kJson}};
  command->add_option("--format", *format, "Output format: table, csv or json")
      ->transform(CLI::CheckedTransformer(kNames, CLI::ignore_case));
}

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width in code points, good enough for aligned Vietnamese text in a terminal.
size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

void Print(const Listing& listing, Format format, std::ostream& out) {
  switch (format) {
    case Format::kCsv: {
      for (size_t i = 0; i < listing.columns.size(); ++i) {
        out << (i ? "," : "") << CsvField(listing.columns[i]);
      }
      out << "\n";
      for (const auto& row : listing.rows) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(row[i]);
        out << "\n";
      }
      return;
    }
    case Format::kJson: {
      boost::json::array array;
      for (const auto& row : listing.rows) {
        boost::json::object object;
        for (size_t i = 0; i < row.size(); ++i) object[listing.columns[i]] = row[i];
        array.push_back(std::move(object));
      }
      out << boost::json::serialize(array) << "\n";
      return;
    }
    case Format::kTable: {
      std::vector<size_t> widths(listing.columns.size());
      for (size_t i = 0; i < widths.size(); ++i) widths[i] = Width(listing.columns[i]);
      for (const auto& row : listing.rows) {
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
      }
      auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
          out << cells[i];
          if (i + 1 < cells.size()) out << std::string(widths[i] - Width(cells[i]) + 2, ' ');
        }
        out << "\n";
      };
      line(listing.columns);
      for (const auto& row : listing.rows) line(row);
      return;
    }
  }
}

std::unique_ptr<Analytics> LoadAnalytics(Store& store, bool* synthetic) {
  return server::LoadAnalytics(store, synthetic);
}

const DataElement& FindDataElement(const MetadataSnapshot& m, const std::string& code) {
  for (const DataElement& d : m.data_elements) {
    if (d.code == code || d.uid == code) return d;
  }
  throw UserError("cli.unknown_data_element", "không có phần tử dữ liệu mã '" + code + "'",
                  "no data element with code '" + code + "'", "--de");
}

const CategoryOptionCombo& FindOptionCombo(const MetadataSnapshot& m, const DataElement& element,
                                           const std::string& code) {
  for (const CategoryOptionCombo& c : m.category_option_combos) {
    if (c.combo_uid == element.category_combo_uid && (c.code == code || c.uid == code)) return c;
  }
  throw UserError("cli.unknown_option_combo",
                  "tổ hợp phân tổ '" + code + "' không thuộc phần tử dữ liệu " + element.code,
                  "option combo '" + code + "' is not one of data element " + element.code + "'s",
                  "--coc");
}

}  // namespace solieu::cli
