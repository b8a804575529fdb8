#include <iostream>
#include <map>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"

namespace solieu::cli {
namespace {

std::string FormatNumber(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

Listing ListKind(const MetadataSnapshot& m, const std::string& kind) {
  std::map<std::string, std::string> combo_code;
  for (const auto& c : m.category_combos) combo_code[c.uid] = c.code;
  std::map<std::string, std::string> element_code;
  for (const auto& d : m.data_elements) element_code[d.uid] = d.code;
  Listing out;
  if (kind == "data-elements") {
    out.columns = {"code",           "uid",        "name_vi",
                   "name_en",        "value_type", "aggregation_type",
                   "category_combo", "unit_vi"};
    for (const auto& d : m.data_elements) {
      out.rows.push_back({d.code, d.uid, d.name_vi, d.name_en,
                          std::string(ValueTypeName(d.value_type)),
                          std::string(AggregationTypeName(d.aggregation_type)),
                          combo_code[d.category_combo_uid], d.unit_vi});
    }
  } else if (kind == "indicators") {
    out.columns = {"code",        "uid",    "name_vi", "name_en",  "numerator",
                   "denominator", "factor", "unit_vi", "decimals", "direction"};
    for (const auto& i : m.indicators) {
      out.rows.push_back({i.code, i.uid, i.name_vi, i.name_en, i.numerator, i.denominator,
                          FormatNumber(i.factor), i.unit_vi, std::to_string(i.decimals),
                          std::string(DirectionName(i.direction))});
    }
  } else if (kind == "data-sets") {
    out.columns = {"code", "uid", "name_vi", "period_type", "expiry_days", "elements", "org_units"};
    for (const auto& d : m.data_sets) {
      out.rows.push_back({d.code, d.uid, d.name_vi, d.period_type, std::to_string(d.expiry_days),
                          std::to_string(d.data_element_uids.size()),
                          std::to_string(d.org_unit_uids.size())});
    }
  } else if (kind == "category-combos") {
    out.columns = {"code", "uid", "name_vi", "name_en", "categories"};
    for (const auto& c : m.category_combos) {
      out.rows.push_back(
          {c.code, c.uid, c.name_vi, c.name_en, std::to_string(c.category_uids.size())});
    }
  } else if (kind == "option-combos") {
    out.columns = {"category_combo", "code", "uid", "name_vi", "name_en"};
    for (const auto& c : m.category_option_combos) {
      out.rows.push_back({combo_code[c.combo_uid], c.code, c.uid, c.name_vi, c.name_en});
    }
  } else if (kind == "org-unit-groups") {
    out.columns = {"code", "uid", "name_vi", "name_en", "members"};
    for (const auto& g : m.org_unit_groups) {
      out.rows.push_back(
          {g.code, g.uid, g.name_vi, g.name_en, std::to_string(g.member_uids.size())});
    }
  } else if (kind == "constants") {
    out.columns = {"code", "uid", "name_vi", "name_en", "value"};
    for (const auto& c : m.constants) {
      out.rows.push_back({c.code, c.uid, c.name_vi, c.name_en, FormatNumber(c.value)});
    }
  } else if (kind == "diseases") {
    out.columns = {"report_order", "code",         "name_vi", "name_en",
                   "icd10",        "data_element", "priority"};
    for (const auto& d : m.diseases) {
      out.rows.push_back({std::to_string(d.report_order), d.code, d.name_vi, d.name_en, d.icd10,
                          element_code[d.data_element_uid], d.priority ? "true" : "false"});
    }
  } else {
    throw UserError("cli.unknown_kind", "loại siêu dữ liệu '" + kind + "' không có",
                    "unknown metadata kind '" + kind +
                        "' (data-elements, indicators, data-sets, category-combos, option-combos, "
                        "org-unit-groups, constants, diseases)",
                    "kind");
  }
  return out;
}

}  // namespace

void AddMetadataCommands(CLI::App& app) {
  auto* metadata = app.add_subcommand("metadata", "Siêu dữ liệu / metadata");
  metadata->require_subcommand(1);
  auto* list = metadata->add_subcommand("list", "Liệt kê / list one kind of object");
  static std::string kind;
  static Format list_format = Format::kTable;
  list->add_option("kind", kind,
                   "data-elements, indicators, data-sets, category-combos, option-combos, "
                   "org-unit-groups, constants, diseases")
      ->required();
  AddFormatOption(list, &list_format);
  list->callback([] {
    auto store = OpenStore();
    Print(ListKind(store->LoadMetadata(), kind), list_format, std::cout);
  });

  auto* show = metadata->add_subcommand("show", "Một đối tượng / one object, by code or uid");
  static std::string show_kind;
  static std::string code;
  static Format show_format = Format::kTable;
  show->add_option("kind", show_kind, "as for list")->required();
  show->add_option("code", code, "code or uid")->required();
  AddFormatOption(show, &show_format);
  show->callback([] {
    auto store = OpenStore();
    Listing all = ListKind(store->LoadMetadata(), show_kind);
    size_t code_column = all.columns[0] == "code" ? 0 : 1;
    Listing one{{"field", "value"}, {}};
    for (const auto& row : all.rows) {
      bool match =
          row[code_column] == code || std::find(row.begin(), row.end(), code) - row.begin() == 1;
      if (!match) continue;
      for (size_t i = 0; i < row.size(); ++i) one.rows.push_back({all.columns[i], row[i]});
      Print(one, show_format, std::cout);
      return;
    }
    throw UserError("cli.not_found", "không có " + show_kind + " mã '" + code + "'",
                    "no " + show_kind + " with code '" + code + "'", "code");
  });
}

}  // namespace solieu::cli
