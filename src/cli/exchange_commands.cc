// `solieu import`, `solieu export` and `solieu metadata import`: DHIS2 data exchange (exchange/).
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/import_validation.h"
#include "core/error.h"
#include "core/org_hierarchy.h"
#include "exchange/adx_data_value_reader.h"
#include "exchange/data_value_export.h"
#include "exchange/data_value_formats.h"
#include "exchange/data_value_import.h"
#include "exchange/metadata_import.h"
#include "exchange/xlsx_entry_sheet.h"
#include "reporting/approval.h"

namespace solieu::cli {
namespace {

std::string CurrentUser(const char* prefix) {
  const char* user = std::getenv("USER");
  return std::string(prefix) + (user ? user : "unknown");
}

// The id-scheme options DHIS2 takes, as --id-scheme, --org-unit-id-scheme, ...
struct IdSchemeOptions {
  std::string general, data_element, org_unit, option_combo, attribute_option_combo, data_set,
      category, category_option;
};

void AddIdSchemeOptions(CLI::App* command, IdSchemeOptions* o, bool with_adx) {
  const char* help = "UID (default; ADX: CODE), CODE or NAME";
  command->add_option("--id-scheme", o->general, std::string("Every object: ") + help);
  command->add_option("--data-element-id-scheme", o->data_element, help);
  command->add_option("--org-unit-id-scheme", o->org_unit, help);
  command->add_option("--category-option-combo-id-scheme", o->option_combo, help);
  command->add_option("--attribute-option-combo-id-scheme", o->attribute_option_combo, help);
  command->add_option("--data-set-id-scheme", o->data_set, help);
  if (with_adx) {
    command->add_option("--category-id-scheme", o->category, std::string("ADX: ") + help);
    command->add_option("--category-option-id-scheme", o->category_option,
                        std::string("ADX: ") + help);
  }
}

IdSchemes ParseIdSchemes(const IdSchemeOptions& o) {
  IdSchemes out;
  auto set = [&](const std::string& text, const char* parameter, const char* option) {
    if (text.empty()) return;
    if (!SetIdScheme(&out, parameter, text)) {
      throw UserError("cli.invalid_id_scheme",
                      "cách định danh '" + text + "' không hợp lệ (UID, CODE, NAME)",
                      "invalid id scheme '" + text + "' (UID, CODE, NAME)", option);
    }
  };
  set(o.general, "idScheme", "--id-scheme");
  set(o.data_element, "dataElementIdScheme", "--data-element-id-scheme");
  set(o.org_unit, "orgUnitIdScheme", "--org-unit-id-scheme");
  set(o.option_combo, "categoryOptionComboIdScheme", "--category-option-combo-id-scheme");
  set(o.attribute_option_combo, "attributeOptionComboIdScheme",
      "--attribute-option-combo-id-scheme");
  set(o.data_set, "dataSetIdScheme", "--data-set-id-scheme");
  set(o.category, "categoryIdScheme", "--category-id-scheme");
  set(o.category_option, "categoryOptionIdScheme", "--category-option-id-scheme");
  return out;
}

void AddSummaryFormatOption(CLI::App* command, std::string* format) {
  command->add_option("--summary-format", *format, "json (default) or table")
      ->check(CLI::IsMember({"json", "table"}, CLI::ignore_case));
}

std::string RowList(const std::vector<long long>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < 10; ++i) {
    out += (i ? ", " : "") + std::to_string(rows[i]);
  }
  if (rows.size() > 10) out += ", … (+" + std::to_string(rows.size() - 10) + ")";
  return out;
}

void PrintImportTable(const ImportSummary& s, std::ostream& out) {
  out << "Trạng thái / status: " << ImportStatusName(s.status) << "\n"
      << "  " << s.description_vi << "\n  " << s.description_en << "\n"
      << "Đã nhập mới / imported: " << s.import_count.imported
      << "   Đã cập nhật / updated: " << s.import_count.updated
      << "   Bỏ qua / ignored: " << s.import_count.ignored
      << "   Đã xóa / deleted: " << s.import_count.deleted << "\n";
  if (s.conflicts.empty()) return;
  out << "Xung đột / conflicts:\n";
  Listing listing{{"rows", "errorCode", "property", "object", "message_vi", "message_en"}, {}};
  for (const ImportConflict& c : s.conflicts) {
    listing.rows.push_back(
        {RowList(c.rows), c.error_code, c.property, c.object, c.message_vi, c.message_en});
  }
  Print(listing, Format::kTable, out);
}

boost::json::object MetadataJson(const MetadataImportResult& r) {
  boost::json::object out;
  out["status"] = "OK";
  out["dryRun"] = r.dry_run;
  boost::json::object types;
  for (const auto& [collection, read] : r.package.read) {
    boost::json::object t;
    t["read"] = read;
    auto changes = r.changes.find(collection);
    if (changes != r.changes.end()) {
      t["created"] = changes->second.created;
      t["updated"] = changes->second.updated;
      t["unchanged"] = changes->second.unchanged;
    }
    auto skipped = r.package.skipped.find(collection);
    t["skipped"] = skipped == r.package.skipped.end() ? 0 : skipped->second;
    types[collection] = std::move(t);
  }
  for (const auto& [collection, changes] : r.changes) {
    if (types.contains(collection)) continue;  // added by solieu (the default objects)
    boost::json::object t;
    t["read"] = 0;
    t["created"] = changes.created;
    t["updated"] = changes.updated;
    t["unchanged"] = changes.unchanged;
    t["skipped"] = 0;
    types[collection] = std::move(t);
  }
  out["types"] = std::move(types);
  boost::json::object not_stored;
  for (const auto& [collection, why] : r.package.not_stored) {
    not_stored[collection] = {{"message_vi", why.vi}, {"message_en", why.en}};
  }
  out["notStored"] = std::move(not_stored);
  boost::json::object unsupported;
  for (const auto& [collection, size] : r.package.unsupported) unsupported[collection] = size;
  out["unsupported"] = std::move(unsupported);
  boost::json::array notes;
  for (const BilingualNote& n : r.package.notes) {
    notes.push_back({{"message_vi", n.vi}, {"message_en", n.en}});
  }
  out["notes"] = std::move(notes);
  boost::json::array rules;
  for (const Dhis2ValidationRule& v : r.package.validation_rules) {
    rules.push_back({{"id", v.uid},
                     {"name", v.name},
                     {"operator", v.op},
                     {"leftSide", v.left_expression},
                     {"rightSide", v.right_expression},
                     {"periodType", v.period_type},
                     {"importance", v.importance}});
  }
  out["validationRules"] = std::move(rules);
  return out;
}

void PrintMetadataTable(const MetadataImportResult& r, const std::string& path, std::ostream& out) {
  out << "Nhập gói siêu dữ liệu DHIS2 / DHIS2 metadata import: " << path
      << (r.dry_run ? " (chạy thử, không ghi / dry run, nothing stored)" : "") << "\n";
  Listing listing{{"loại / type", "đọc / read", "tạo / created", "cập nhật / updated",
                   "không đổi / unchanged", "bỏ qua / skipped"},
                  {}};
  std::set<std::string> collections;
  for (const auto& [c, n] : r.package.read) collections.insert(c);
  for (const auto& [c, n] : r.changes) collections.insert(c);
  for (const std::string& c : collections) {
    auto read = r.package.read.find(c);
    auto changes = r.changes.find(c);
    auto skipped = r.package.skipped.find(c);
    bool stored = changes != r.changes.end();
    listing.rows.push_back(
        {c, std::to_string(read == r.package.read.end() ? 0 : read->second),
         stored ? std::to_string(changes->second.created) : "-",
         stored ? std::to_string(changes->second.updated) : "-",
         stored ? std::to_string(changes->second.unchanged) : "-",
         std::to_string(skipped == r.package.skipped.end() ? 0 : skipped->second)});
  }
  Print(listing, Format::kTable, out);
  for (const auto& [collection, why] : r.package.not_stored) {
    out << "Không lưu thành đối tượng riêng / not stored as objects: " << collection << ": "
        << why.vi << " / " << why.en << "\n";
  }
  if (!r.package.unsupported.empty()) {
    out << "Chưa hỗ trợ, không nhập / unsupported, not imported:";
    for (const auto& [collection, size] : r.package.unsupported) {
      out << " " << collection << " (" << size << ")";
    }
    out << "\n";
  }
  if (!r.package.notes.empty()) {
    out << "Ghi chú / notes:\n";
    for (const BilingualNote& n : r.package.notes)
      out << "  - " << n.vi << "\n    " << n.en << "\n";
  }
}

}  // namespace

void AddExchangeCommands(CLI::App& app) {
  // solieu import
  auto* import = app.add_subcommand(
      "import", "Nhập giá trị từ tệp DHIS2 dataValueSets / import a dataValueSets file");
  static std::string import_file;
  static std::string import_format;  // empty: from the file's extension
  static bool dry_run = false;
  static std::string strategy = "CREATE_AND_UPDATE";
  static IdSchemeOptions import_schemes;
  static bool keep_good = false;
  static bool skip_validation = false;
  static std::string summary_format = "json";
  import->add_option("file", import_file, "The file to import")->required();
  import->add_option("--format", import_format,
                     "File format: json, xml (DXF2), csv, adx or xlsx (an entry sheet; default: "
                     "from the file's extension .json/.xml/.csv/.adx/.adx.xml/.xlsx, else json)");
  import->add_flag("--dry-run", dry_run, "Check and count, store nothing");
  import->add_option("--strategy", strategy,
                     "CREATE_AND_UPDATE (default), CREATE, UPDATE or DELETE");
  AddIdSchemeOptions(import, &import_schemes, true);
  import->add_flag("--keep-good,--partial", keep_good,
                   "Store the good rows and list the bad (DHIS2 atomicMode NONE); default: "
                   "all or nothing");
  import->add_flag("--skip-validation", skip_validation,
                   "Do not check the validation rules after a committed import");
  AddSummaryFormatOption(import, &summary_format);
  import->callback([] {
    DataValueImportOptions options;
  options.id_schemes = ParseIdSchemes(import_schemes);
  auto parsed = ParseImportStrategy(strategy);
  if (!parsed) {
    throw UserError(
        "cli.invalid_strategy", "chiến lược nhập '" + strategy + "' không hợp lệ",
        "invalid import strategy '" + strategy + "' (CREATE, UPDATE, CREATE_AND_UPDATE, DELETE)",
        "--strategy");
  }
  options.strategy = *parsed;
  options.dry_run = dry_run;
  options.keep_good = keep_good;
  options.user = CurrentUser("import:");
  options.client = "cli";
  std::ifstream in(import_file, std::ios::binary);
  if (!in) {
    throw UserError("cli.cannot_open", "không mở được tệp '" + import_file + "'",
                    "cannot open file '" + import_file + "'", import_file);
  }
  std::string format = import_format.empty() ? DataValueFormatForPath(import_file) : import_format;
  // ADX names objects by code unless told otherwise, as in DHIS2.
  if (format == "adx") options.id_schemes = AdxIdSchemes(options.id_schemes);
  auto source = OpenDataValueSource(format, in, import_file);
  auto store = OpenStore();
  // Approved forms are locked for the command line too (conflict E7642).
  MetadataSnapshot metadata = store->LoadMetadata();
  OrgHierarchy hierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
  reporting::ApprovalLock lock(metadata, hierarchy, store->Reporting().Approvals());
  options.lock = &lock;
  quality::WrittenCells written;
  if (!skip_validation) {
    options.on_written = [&written](const std::vector<DataValueWrite>& w) { written.Add(w); };
  }
  ImportSummary summary = ImportDataValues(*store, *source, options);
  if (!skip_validation) ValidateImport(*store, metadata, written, &summary);
  if (summary_format == "table") {
    PrintImportTable(summary, std::cout);
  } else {
    std::cout << boost::json::serialize(ToJson(summary)) << "\n";
  }
  std::cout.flush();
  if (summary.status == ImportStatus::kError) throw CLI::RuntimeError(1);
});

// solieu export
auto* export_command = app.add_subcommand(
    "export", "Xuất giá trị ra tệp DHIS2 dataValueSets / export a dataValueSets file");
static std::string export_format;  // empty: from the output file's extension, else json
static std::vector<std::string> data_sets, data_elements, periods, org_units,
    attribute_option_combos;
static std::string start_date, end_date, output;
static bool children = false;
static IdSchemeOptions export_schemes;
export_command->add_option(
    "--format", export_format,
    "File format: json, xml (DXF2), csv or adx (default: from the -o file's extension, else "
    "json)");
export_command->add_option("--data-set", data_sets, "Data set(s), comma-separated")->delimiter(',');
export_command->add_option("--data-element", data_elements, "Data element(s), comma-separated")
    ->delimiter(',');
export_command->add_option("--period", periods, "Period(s): 202101,202102 or 2021Q1")
    ->delimiter(',');
export_command->add_option("--start-date", start_date, "Periods within start..end (YYYY-MM-DD)");
export_command->add_option("--end-date", end_date, "Periods within start..end (YYYY-MM-DD)");
export_command->add_option("--org-unit", org_units, "Org unit(s), comma-separated")->delimiter(',');
export_command->add_flag("--children", children, "And every unit below them");
export_command
    ->add_option("--attribute-option-combo", attribute_option_combos,
                 "Only these attribute option combo(s), comma-separated")
    ->delimiter(',');
AddIdSchemeOptions(export_command, &export_schemes, true);
export_command->add_option("-o,--output", output, "Output file (default: standard output)");
export_command->callback([] {
  std::string format_name = export_format.empty() ? DataValueFormatForPath(output) : export_format;
  auto format = ParseDataValueExportFormat(format_name);
  if (!format) {
    throw UserError(
        "cli.unknown_format",
        "định dạng '" + format_name + "' chưa được hỗ trợ (có: json, xml, csv, adx)",
        "format '" + format_name + "' is not supported yet (supported: json, xml, csv, adx)",
        "--format");
  }
  DataValueExportRequest request;
  request.data_sets = data_sets;
  request.data_elements = data_elements;
  request.periods = periods;
  request.org_units = org_units;
  request.children = children;
  request.attribute_option_combos = attribute_option_combos;
  request.id_schemes = ParseIdSchemes(export_schemes);
  // ADX names objects by code unless told otherwise, as in DHIS2.
  if (*format == DataValueExportFormat::kAdx) {
    request.id_schemes = AdxIdSchemes(request.id_schemes);
  }
  auto parse_date = [](const std::string& text, const char* option) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    auto day = Date::Parse(text);
    if (!day) {
      throw UserError("cli.invalid_date", "ngày '" + text + "' không hợp lệ (YYYY-MM-DD)",
                      "invalid date '" + text + "' (YYYY-MM-DD)", option);
    }
    return day;
  };
  request.start_date = parse_date(start_date, "--start-date");
  request.end_date = parse_date(end_date, "--end-date");
  auto store = OpenStore();
  if (output.empty()) {
    ExportDataValueSet(*store, request, *format, std::cout);
    return;
  }
  std::ostringstream text;
  long long count = ExportDataValueSet(*store, request, *format, text);
  std::ofstream file(output, std::ios::binary);
  file << text.str();
  if (!file) {
    throw UserError("cli.cannot_write", "không ghi được tệp '" + output + "'",
                    "cannot write file '" + output + "'", output);
  }
  std::cerr << "Đã xuất / exported " << count << " giá trị / values -> " << output << "\n";
});

// solieu entry-sheet: the Excel form a commune fills; `solieu import` reads it back.
auto* entry_sheet = app.add_subcommand(
    "entry-sheet", "Tạo biểu nhập Excel của một bộ dữ liệu / write an Excel entry sheet");
static std::string sheet_data_set, sheet_org_unit, sheet_period, sheet_output;
entry_sheet->add_option("--data-set", sheet_data_set, "Data set: code or uid")->required();
entry_sheet->add_option("--org-unit", sheet_org_unit, "Org unit: code or uid")->required();
entry_sheet->add_option("--period", sheet_period, "Period of the data set's type: 202508")
    ->required();
entry_sheet->add_option("-o,--output", sheet_output, "The .xlsx to write")->required();
entry_sheet->callback([] {
  auto store = OpenStore();
  std::string bytes = WriteEntrySheet(*store, sheet_data_set, sheet_org_unit, sheet_period);
  std::ofstream file(sheet_output, std::ios::binary);
  file << bytes;
  if (!file) {
    throw UserError("cli.cannot_write", "không ghi được tệp '" + sheet_output + "'",
                    "cannot write file '" + sheet_output + "'", sheet_output);
  }
  std::cerr << "Đã tạo biểu nhập / entry sheet written -> " << sheet_output << "\n";
});

// solieu metadata import (the metadata group is added by AddMetadataCommands)
CLI::App* metadata = nullptr;
try {
  metadata = app.get_subcommand("metadata");
} catch (const CLI::OptionNotFound&) {
  metadata = app.add_subcommand("metadata", "Siêu dữ liệu / metadata");
  metadata->require_subcommand(1);
}
auto* metadata_import = metadata->add_subcommand(
    "import", "Nhập gói siêu dữ liệu DHIS2 (JSON) / import a DHIS2 metadata package");
static std::string metadata_file;
static bool metadata_dry_run = false;
static int province_level = 1;
static std::string metadata_summary = "table";
metadata_import->add_option("file", metadata_file, "The package (JSON)")->required();
metadata_import->add_flag("--dry-run", metadata_dry_run, "Read and count, store nothing");
metadata_import->add_option("--province-level", province_level,
                            "The DHIS2 org unit level that is a province (default 1)");
metadata_import->add_option("--summary-format", metadata_summary, "table (default) or json")
    ->check(CLI::IsMember({"json", "table"}, CLI::ignore_case));
metadata_import->callback([] {
  auto store = OpenStore();
  Dhis2MetadataOptions options;
  options.province_level = province_level;
  MetadataImportResult result =
      ImportDhis2Metadata(*store, metadata_file, options, metadata_dry_run);
  if (metadata_summary == "json") {
    std::cout << boost::json::serialize(MetadataJson(result)) << "\n";
  } else {
    PrintMetadataTable(result, metadata_file, std::cout);
  }
});
}  // namespace solieu::cli

}  // namespace solieu::cli
