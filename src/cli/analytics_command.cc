// solieu analytics: any pivot of indicators / data elements x periods x org units, as rows.
#include <cmath>
#include <iostream>
#include <sstream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "engine/analytics.h"

namespace solieu::cli {
namespace {

struct AnalyticsOptions {
  std::vector<std::string> dimensions;
  std::vector<std::string> filters;
  std::string structure = "today";
  std::string as_of;
  Format format = Format::kTable;
};

std::vector<std::string> SplitItems(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string MachineNumber(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;  // half away from zero
  std::ostringstream out;
  out.precision(decimals);
  out << std::fixed << rounded;
  std::string text = out.str();
  if (text == "-0" || text.rfind("-0.", 0) == 0) {
    if (text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  }
  return text;
}

void Run(const AnalyticsOptions& options) {
  std::vector<std::string> dx, pe, ou;
  auto take = [&](const std::string& spec, const char* option) {
    size_t colon = spec.find(':');
    std::string name = spec.substr(0, colon);
    if (colon == std::string::npos || (name != "dx" && name != "pe" && name != "ou")) {
      throw UserError("cli.bad_dimension", "chiều '" + spec + "' phải có dạng dx:, pe: hoặc ou:",
                      "dimension '" + spec + "' must be dx:, pe: or ou:", option);
    }
    auto items = SplitItems(spec.substr(colon + 1));
    auto& target = name == "dx" ? dx : name == "pe" ? pe : ou;
    target.insert(target.end(), items.begin(), items.end());
  };
  for (const auto& d : options.dimensions) take(d, "--dimension");
  // A filter of one item narrows the query exactly as a one-item dimension does; aggregating
  // over several filter items (DHIS2's summed filter periods) is not supported yet.
  for (const auto& f : options.filters) {
    if (SplitItems(f.substr(f.find(':') == std::string::npos ? 0 : f.find(':') + 1)).size() != 1) {
      throw UserError(
          "cli.filter_items", "bộ lọc '" + f + "' chỉ được có một mục",
          "filter '" + f + "' must have exactly one item (several are not supported yet)",
          "--filter");
    }
    take(f, "--filter");
  }
  if (dx.empty() || pe.empty() || ou.empty()) {
    throw UserError("cli.missing_dimension", "cần đủ ba chiều dx, pe và ou",
                    "the dx, pe and ou dimensions are all required", "--dimension");
  }
  AnalyticsQuery query;
  query.dx = dx;
  if (options.structure == "today") {
    query.structure = Structure::kOnDate;
  } else if (options.structure == "as-it-was") {
    query.structure = Structure::kAsItWas;
  } else {
    throw UserError("cli.bad_structure", "--structure phải là today hoặc as-it-was",
                    "--structure must be today or as-it-was", "--structure");
  }
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  query.structure_date = Date::FromDays(static_cast<int>(now.time_since_epoch().count()));
  if (!options.as_of.empty()) {
    auto day = Date::Parse(options.as_of);
    if (!day) {
      throw UserError("cli.invalid_date", "ngày '" + options.as_of + "' không hợp lệ",
                      "invalid date '" + options.as_of + "'", "--as-of");
    }
    query.structure_date = *day;
  }
  for (const std::string& id : pe) {
    auto period = Period::Parse(id);
    if (!period) {
      throw UserError("cli.invalid_period", "kỳ '" + id + "' không hợp lệ",
                      "invalid period '" + id + "'", "pe");
    }
    query.periods.push_back(*period);
  }
  auto store = OpenStore();
  std::unique_ptr<Analytics> loaded = LoadAnalytics(*store);
  const Analytics& analytics = *loaded;

  const OrgHierarchy& hierarchy = analytics.hierarchy();
  Date first = query.periods.front().start(), last = query.periods.front().end();
  for (const Period& p : query.periods) {
    first = std::min(first, p.start());
    last = std::max(last, p.end());
  }
  Validity span{first, last.AddDays(1)};
  std::vector<const OrgUnit*> units;
  std::vector<std::string> roots, levels;
  for (const std::string& id : ou) (id.rfind("LEVEL-", 0) == 0 ? levels : roots).push_back(id);
  auto unit_for = [&](const std::string& code) {
    const OrgUnit* u = query.structure == Structure::kOnDate
                           ? hierarchy.FindByCode(code, query.structure_date)
                           : hierarchy.FindByCode(code, last);
    if (u == nullptr && query.structure == Structure::kAsItWas) {
      u = hierarchy.FindByCode(code, first);
    }
    if (u == nullptr) {
      throw UserError("cli.unknown_org_unit", "không có đơn vị mã '" + code + "'",
                      "no org unit with code '" + code + "' in this view", "ou");
    }
    return u;
  };
  for (const std::string& code : roots) {
    if (levels.empty()) units.push_back(unit_for(code));
  }
  for (const std::string& level_text : levels) {
    int level = std::atoi(level_text.c_str() + 6);
    if (level < 1 || level > 4) {
      throw UserError("cli.bad_level", "cấp '" + level_text + "' phải từ LEVEL-1 đến LEVEL-4",
                      "level '" + level_text + "' must be LEVEL-1 to LEVEL-4", "ou");
    }
    for (const OrgUnit& u : hierarchy.units()) {
      bool open = query.structure == Structure::kOnDate ? u.validity.Contains(query.structure_date)
                                                        : u.validity.Overlaps(span);
      if (!open || static_cast<int>(u.level) != level) continue;
      bool under_root = roots.empty();
      for (const std::string& code : roots) {
        const OrgUnit* root = unit_for(code);
        Date day = query.structure == Structure::kOnDate
                       ? query.structure_date
                       : std::min(last, u.validity.to ? u.validity.to->AddDays(-1) : last);
        for (const OrgUnit* c = &u; c != nullptr && !under_root; c = hierarchy.ParentOf(*c, day)) {
          under_root = c == root;
        }
      }
      if (under_root) units.push_back(&u);
    }
  }
  for (const OrgUnit* u : units) query.org_units.push_back(u->uid);

  AnalyticsResult result = analytics.Query(query);
  Listing listing{{"dx", "pe", "ou", "ou_name", "value"}, {}};
  for (size_t d = 0; d < dx.size(); ++d) {
    const Indicator* indicator = analytics.FindIndicator(dx[d]);
    for (size_t p = 0; p < query.periods.size(); ++p) {
      for (size_t u = 0; u < units.size(); ++u) {
        const auto& value = result.At(d, p, u);
        if (!value) continue;
        listing.rows.push_back(
            {dx[d], query.periods[p].Id(), units[u]->code, units[u]->name_vi,
             indicator ? MachineNumber(*value, indicator->decimals) : MachineNumber(*value, 6)});
      }
    }
  }
  for (auto& row : listing.rows) {  // trailing zeros of data element values carry no meaning
    if (!analytics.FindIndicator(row[0]) && row[4].find('.') != std::string::npos) {
      row[4].erase(row[4].find_last_not_of('0') + 1);
      if (row[4].back() == '.') row[4].pop_back();
    }
  }
  Print(listing, options.format, std::cout);
}

}  // namespace

void AddAnalyticsCommand(CLI::App& app) {
  auto options = std::make_shared<AnalyticsOptions>();
  auto* command = app.add_subcommand(
      "analytics", "Bảng tổng hợp / any pivot: dx x pe x ou, on today's structure or as it was");
  command
      ->add_option("--dimension", options->dimensions,
                   "dx:ID;ID  pe:202101;2025Q1  ou:CODE;LEVEL-3 (repeatable)")
      ->required();
  command->add_option("--filter", options->filters, "Like --dimension; one item each");
  command->add_option("--structure", options->structure, "today (default) or as-it-was");
  command->add_option("--as-of", options->as_of, "The date of 'today's' structure (YYYY-MM-DD)");
  AddFormatOption(command, &options->format);
  command->callback([options] { Run(*options); });
}

}  // namespace solieu::cli
