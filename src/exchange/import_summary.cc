#include "exchange/import_summary.h"

#include <array>
#include <boost/json/array.hpp>
#include <cctype>

namespace solieu {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

boost::json::array ZeroBased(const std::vector<long long>& rows) {
  boost::json::array out;
  for (long long row : rows) out.push_back(row - 1);
  return out;
}

}  // namespace

std::string_view ImportStatusName(ImportStatus status) {
  switch (status) {
    case ImportStatus::kSuccess:
      return "SUCCESS";
    case ImportStatus::kWarning:
      return "WARNING";
    case ImportStatus::kError:
      return "ERROR";
  }
  return "ERROR";
}

std::string_view ImportStrategyName(ImportStrategy strategy) {
  switch (strategy) {
    case ImportStrategy::kCreate:
      return "CREATE";
    case ImportStrategy::kUpdate:
      return "UPDATE";
    case ImportStrategy::kCreateAndUpdate:
      return "CREATE_AND_UPDATE";
    case ImportStrategy::kDelete:
      return "DELETE";
  }
  return "CREATE_AND_UPDATE";
}

std::optional<ImportStrategy> ParseImportStrategy(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, ImportStrategy>, 8> kNames{{
      {"CREATE", ImportStrategy::kCreate},
      {"NEW", ImportStrategy::kCreate},
      {"UPDATE", ImportStrategy::kUpdate},
      {"UPDATES", ImportStrategy::kUpdate},
      {"CREATE_AND_UPDATE", ImportStrategy::kCreateAndUpdate},
      {"NEW_AND_UPDATES", ImportStrategy::kCreateAndUpdate},
      {"DELETE", ImportStrategy::kDelete},
      {"DELETES", ImportStrategy::kDelete},
  }};
  for (const auto& [name, strategy] : kNames) {
    if (EqualsIgnoreCase(name, text)) return strategy;
  }
  return std::nullopt;
}

boost::json::object ToJson(const ImportSummary& summary) {
  boost::json::object out;
  out["responseType"] = "ImportSummary";
  out["status"] = ImportStatusName(summary.status);
  out["description"] = summary.description_en;
  out["description_vi"] = summary.description_vi;

  boost::json::object schemes;
  const IdSchemes& s = summary.id_schemes;
  schemes["idScheme"] = IdSchemeName(s.general.value_or(IdScheme::kUid));
  schemes["dataElementIdScheme"] = IdSchemeName(s.ForDataElements());
  schemes["orgUnitIdScheme"] = IdSchemeName(s.ForOrgUnits());
  schemes["categoryOptionComboIdScheme"] = IdSchemeName(s.ForOptionCombos());
  schemes["attributeOptionComboIdScheme"] = IdSchemeName(s.ForAttributeOptionCombos());
  schemes["dataSetIdScheme"] = IdSchemeName(s.ForDataSets());
  boost::json::object options;
  options["idSchemes"] = std::move(schemes);
  options["dryRun"] = summary.dry_run;
  options["importStrategy"] = ImportStrategyName(summary.strategy);
  options["atomicMode"] = summary.keep_good ? "NONE" : "ALL";
  out["importOptions"] = std::move(options);

  boost::json::object count;
  count["imported"] = summary.import_count.imported;
  count["updated"] = summary.import_count.updated;
  count["ignored"] = summary.import_count.ignored;
  count["deleted"] = summary.import_count.deleted;
  out["importCount"] = std::move(count);

  boost::json::array conflicts;
  for (const ImportConflict& c : summary.conflicts) {
    boost::json::object conflict;
    conflict["object"] = c.object;
    boost::json::object objects;
    for (const auto& [kind, id] : c.objects) objects[kind] = id;
    conflict["objects"] = std::move(objects);
    conflict["value"] = c.message_en;
    conflict["errorCode"] = c.error_code;
    if (!c.property.empty()) conflict["property"] = c.property;
    if (!c.rows.empty()) {
      conflict["indexes"] = ZeroBased(c.rows);
      conflict["rows"] = boost::json::array(c.rows.begin(), c.rows.end());
      bool any_line = false;
      for (long long line : c.lines) any_line = any_line || line > 0;
      if (any_line) conflict["lines"] = boost::json::array(c.lines.begin(), c.lines.end());
    }
    conflict["message_vi"] = c.message_vi;
    conflict["message_en"] = c.message_en;
    conflicts.push_back(std::move(conflict));
  }
  out["conflicts"] = std::move(conflicts);
  out["rejectedIndexes"] = ZeroBased(summary.rejected_rows);
  out["dataSetComplete"] = "false";
  boost::json::array violations;
  for (const ImportViolation& v : summary.violations) {
    auto number = [](const std::optional<double>& x) {
      return x ? boost::json::value(*x) : boost::json::value(nullptr);
    };
    violations.push_back(boost::json::object{{"rule", v.rule_code},
                                             {"name", v.name_vi},
                                             {"nameEn", v.name_en},
                                             {"orgUnit", v.org_unit_uid},
                                             {"orgUnitCode", v.org_unit_code},
                                             {"period", v.period},
                                             {"leftSide", number(v.left)},
                                             {"operator", v.op},
                                             {"rightSide", number(v.right)},
                                             {"importance", v.importance}});
  }
  out["validationViolations"] = std::move(violations);
  return out;
}

}  // namespace solieu
