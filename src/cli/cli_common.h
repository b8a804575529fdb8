// cli/cli_common: what every command shares: the global --store option, --format table|csv|json
// output, and resolving codes typed by a person into stored objects.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "store/store.h"

namespace solieu {
class Analytics;
}

namespace solieu::cli {

struct GlobalOptions {
  std::string store = "data/solieu.db";
};

GlobalOptions& Globals();

// Opens the store named by --store, creating its folder if needed.
std::unique_ptr<Store> OpenStore();

enum class Format { kTable, kCsv, kJson };

// Adds --format table|csv|json to a listing command.
void AddFormatOption(CLI::App* command, Format* format);

struct Listing {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Table: aligned columns for a person; CSV: RFC 4180 with a header row; JSON: an array of objects.
void Print(const Listing& listing, Format format, std::ostream& out);

// Builds the analytics engine over everything in the store. `synthetic` (optional) is set when
// any stored value is synthetic demo data.
std::unique_ptr<Analytics> LoadAnalytics(Store& store, bool* synthetic = nullptr);

// Lookups by code, throwing UserError naming the code when there is none.
const DataElement& FindDataElement(const MetadataSnapshot& m, const std::string& code);
const CategoryOptionCombo& FindOptionCombo(const MetadataSnapshot& m, const DataElement& element,
                                           const std::string& code);

}  // namespace solieu::cli
