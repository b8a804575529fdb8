#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/org_hierarchy.h"

namespace solieu::cli {
namespace {

Date ParseDateOption(const std::string& text, const char* option) {
  auto day = Date::Parse(text);
  if (!day) {
    throw UserError("cli.invalid_date", "ngày '" + text + "' không hợp lệ (YYYY-MM-DD)",
                    "invalid date '" + text + "' (YYYY-MM-DD)", option);
  }
  return *day;
}

Date Today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::FromDays(static_cast<int>(now.time_since_epoch().count()));
}

OrgHierarchy LoadHierarchy(Store& store) {
  MetadataSnapshot m = store.LoadMetadata();
  return OrgHierarchy(std::move(m.org_units), std::move(m.parent_links), std::move(m.org_events));
}

}  // namespace

void AddOrgCommands(CLI::App& app) {
  auto* org = app.add_subcommand("org", "Đơn vị / org units");
  org->require_subcommand(1);

  auto* tree = org->add_subcommand("tree", "Cây đơn vị tại một ngày / the org tree as of a date");
  static std::string as_of;
  static std::string root;
  static Format tree_format = Format::kTable;
  tree->add_option("--as-of", as_of, "YYYY-MM-DD (default: today)");
  tree->add_option("--root", root, "Only this unit and what is below it (a code)");
  AddFormatOption(tree, &tree_format);
  tree->callback([] {
    Date day = as_of.empty() ? Today() : ParseDateOption(as_of, "--as-of");
    auto store = OpenStore();
    OrgHierarchy hierarchy = LoadHierarchy(*store);
    std::vector<const OrgUnit*> units;
    if (root.empty()) {
      units = hierarchy.TreeAsOf(day);
    } else {
      const OrgUnit* top = hierarchy.FindByCode(root, day);
      if (top == nullptr) {
        throw UserError("cli.unknown_org_unit",
                        "không có đơn vị mã '" + root + "' vào ngày " + day.ToString(),
                        "no org unit with code '" + root + "' on " + day.ToString(), "--root");
      }
      units = hierarchy.DescendantsOf(*top, day);
      units.insert(units.begin(), top);
    }
    Listing listing{{"code", "name", "level", "parent_code"}, {}};
    for (const OrgUnit* unit : units) {
      const OrgUnit* parent = hierarchy.ParentOf(*unit, day);
      listing.rows.push_back({unit->code, unit->name_vi, std::string(OrgLevelName(unit->level)),
                              parent ? parent->code : ""});
    }
    Print(listing, tree_format, std::cout);
  });

  auto* show = org->add_subcommand("show", "Một đơn vị và lịch sử / one unit and its history");
  static std::string code;
  static std::string show_as_of;
  static Format show_format = Format::kTable;
  show->add_option("code", code, "The unit's code")->required();
  show->add_option("--as-of", show_as_of,
                   "YYYY-MM-DD: which unit holds a reused code (default: the latest)");
  AddFormatOption(show, &show_format);
  show->callback([] {
    auto store = OpenStore();
    OrgHierarchy hierarchy = LoadHierarchy(*store);
    const OrgUnit* unit = show_as_of.empty()
                              ? hierarchy.FindLatestByCode(code)
                              : hierarchy.FindByCode(code, ParseDateOption(show_as_of, "--as-of"));
    if (unit == nullptr) {
      throw UserError("cli.unknown_org_unit", "không có đơn vị mã '" + code + "'",
                      "no org unit with code '" + code + "'", "code");
    }
    auto when = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string(); };
    Listing listing{{"relation", "code", "name", "level", "date", "share"}, {}};
    listing.rows.push_back({"unit", unit->code, unit->name_vi,
                            std::string(OrgLevelName(unit->level)),
                            when(unit->validity.from) + ".." + when(unit->validity.to), ""});
    for (const auto& t : hierarchy.PredecessorsOf(*unit)) {
      listing.rows.push_back({"predecessor", t.unit->code, t.unit->name_vi,
                              std::string(OrgLevelName(t.unit->level)), t.date.ToString(),
                              std::to_string(t.share)});
    }
    for (const auto& t : hierarchy.SuccessorsOf(*unit)) {
      listing.rows.push_back({"successor", t.unit->code, t.unit->name_vi,
                              std::string(OrgLevelName(t.unit->level)), t.date.ToString(),
                              std::to_string(t.share)});
    }
    Print(listing, show_format, std::cout);
  });
}

}  // namespace solieu::cli
