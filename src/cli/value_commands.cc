#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/org_hierarchy.h"
#include "core/period.h"
#include "core/value_check.h"

namespace solieu::cli {
namespace {

struct KeyOptions {
  std::string data_element;
  std::string period;
  std::string org_unit;
  std::string option_combo = "default";
};

void AddKeyOptions(CLI::App* command, KeyOptions* key) {
  command->add_option("--de", key->data_element, "Data element code")->required();
  command->add_option("--pe", key->period, "Period id: 202101, 2021Q1, 2021, 2021W5 ...")
      ->required();
  command->add_option("--ou", key->org_unit, "Org unit code (as of the period's start)")
      ->required();
  command->add_option("--coc", key->option_combo, "Category option combo code (default: default)");
}

struct ResolvedKey {
  DataValueKey key;
  Period period;
  const DataElement* element;
};

ResolvedKey Resolve(const MetadataSnapshot& m, const OrgHierarchy& hierarchy,
                    const KeyOptions& options) {
  auto period = Period::Parse(options.period);
  if (!period) {
    throw UserError("cli.invalid_period", "kỳ '" + options.period + "' không hợp lệ",
                    "invalid period '" + options.period + "'", "--pe");
  }
  const DataElement& element = FindDataElement(m, options.data_element);
  const OrgUnit* unit = hierarchy.FindByCode(options.org_unit, period->start());
  if (unit == nullptr) {
    throw UserError(
        "cli.unknown_org_unit",
        "không có đơn vị mã '" + options.org_unit + "' vào ngày " + period->start().ToString(),
        "no org unit with code '" + options.org_unit + "' on " + period->start().ToString(),
        "--ou");
  }
  const CategoryOptionCombo& coc = FindOptionCombo(m, element, options.option_combo);
  return {{element.uid, period->Id(), unit->uid, coc.uid, DefaultCategoryOptionComboUid()},
          *period,
          &element};
}

std::string CurrentUser() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user ? user : "unknown");
}

}  // namespace

void AddValueCommands(CLI::App& app) {
  auto* value = app.add_subcommand("value", "Giá trị số liệu / data values");
  value->require_subcommand(1);

  auto* put = value->add_subcommand("put", "Ghi một giá trị / write one value");
  static KeyOptions put_key;
  static std::string put_value;
  static std::string put_comment;
  AddKeyOptions(put, &put_key);
  put->add_option("--value", put_value, "The value in machine form (1250, 65.7, true)")->required();
  put->add_option("--comment", put_comment, "A comment kept with the value");
  put->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
    ResolvedKey k = Resolve(m, hierarchy, put_key);
    ValueProblem problem;
    auto checked = CheckValue(k.element->value_type, put_value, &problem);
    if (!checked) throw UserError("cli.invalid_value", problem.vi, problem.en, "--value");
    DataValueWrite write{k.key, k.period.start(), k.period.end(), *checked, put_comment};
    WriteCounts counts = store->PutValues({write}, CurrentUser(), "cli");
    std::cout << (counts.created   ? "đã tạo / created"
                  : counts.updated ? "đã cập nhật / updated"
                                   : "không đổi / unchanged")
              << "\n";
  });

  auto* get = value->add_subcommand("get", "Đọc một giá trị / read one value");
  static KeyOptions get_key;
  static Format get_format = Format::kTable;
  AddKeyOptions(get, &get_key);
  AddFormatOption(get, &get_format);
  get->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
    ResolvedKey k = Resolve(m, hierarchy, get_key);
    auto stored = store->GetValue(k.key);
    if (!stored) {
      throw UserError("cli.no_value", "chưa có giá trị cho khóa này",
                      "no value stored for this key");
    }
    Listing listing{{"data_element", "period", "org_unit", "category_option_combo", "value",
                     "comment", "stored_by", "last_updated"},
                    {{get_key.data_element, k.key.period, get_key.org_unit, get_key.option_combo,
                      stored->value, stored->comment, stored->stored_by, stored->last_updated}}};
    Print(listing, get_format, std::cout);
  });

  auto* audit = value->add_subcommand("audit", "Lịch sử thay đổi / the audit trail of one value");
  static KeyOptions audit_key;
  static Format audit_format = Format::kTable;
  AddKeyOptions(audit, &audit_key);
  AddFormatOption(audit, &audit_format);
  audit->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
    ResolvedKey k = Resolve(m, hierarchy, audit_key);
    Listing listing{
        {"id", "action", "old_value", "new_value", "changed_by", "changed_at", "client"}, {}};
    static const char* kActions[] = {"CREATE", "UPDATE", "DELETE"};
    for (const AuditEntry& e : store->AuditTrail(k.key)) {
      listing.rows.push_back({std::to_string(e.id), kActions[static_cast<int>(e.action)],
                              e.old_value.value_or(""), e.new_value.value_or(""), e.changed_by,
                              e.changed_at, e.client});
    }
    Print(listing, audit_format, std::cout);
  });

  auto* list = value->add_subcommand("list", "Liệt kê giá trị / list values");
  static std::string list_de;
  static std::string list_from;
  static std::string list_to;
  static Format list_format = Format::kTable;
  list->add_option("--de", list_de, "Only this data element (code)");
  list->add_option("--from", list_from, "Periods starting on or after YYYY-MM-DD");
  list->add_option("--to", list_to, "Periods ending on or before YYYY-MM-DD");
  AddFormatOption(list, &list_format);
  list->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    ValueQuery query;
    if (!list_de.empty()) query.data_element_uids.push_back(FindDataElement(m, list_de).uid);
    auto parse_date = [](const std::string& text, const char* option) -> std::optional<Date> {
      if (text.empty()) return std::nullopt;
      auto day = Date::Parse(text);
      if (!day) {
        throw UserError("cli.invalid_date", "ngày '" + text + "' không hợp lệ (YYYY-MM-DD)",
                        "invalid date '" + text + "' (YYYY-MM-DD)", option);
      }
      return day;
    };
    query.from = parse_date(list_from, "--from");
    query.to = parse_date(list_to, "--to");
    std::map<std::string, std::string> code_of;
    for (const auto& d : m.data_elements) code_of[d.uid] = d.code;
    for (const auto& u : m.org_units) code_of[u.uid] = u.code;
    for (const auto& c : m.category_option_combos) code_of[c.uid] = c.code;
    Listing listing{{"data_element", "period", "org_unit", "category_option_combo", "value",
                     "comment", "stored_by", "last_updated"},
                    {}};
    for (const DataValue& v : store->QueryValues(query)) {
      listing.rows.push_back({code_of[v.key.data_element_uid], v.key.period,
                              code_of[v.key.org_unit_uid], code_of[v.key.category_option_combo_uid],
                              v.value, v.comment, v.stored_by, v.last_updated});
    }
    Print(listing, list_format, std::cout);
  });
}

}  // namespace solieu::cli
