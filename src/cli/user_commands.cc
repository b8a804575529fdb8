// solieu user add|list and solieu token create: accounts and personal API tokens, from the
// command line (the administrator's tools until the web app has its own).
#include <chrono>
#include <iostream>
#include <sstream>

#include "auth/credentials.h"
#include "auth/password.h"
#include "auth/role.h"
#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/org_hierarchy.h"

namespace solieu::cli {
namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string ReadPasswordLine() {
  std::string password;
  if (!std::getline(std::cin, password)) {
    throw UserError("cli.no_password", "không đọc được mật khẩu từ stdin",
                    "no password on standard input", "--password-stdin");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

void AddUserCommands(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Người dùng / user accounts");
  user->require_subcommand(1);

  struct AddOptions {
    std::string username;
    std::string role;
    std::string org;
    std::string as_of;
    std::string groups;
    bool password_stdin = false;
  };
  auto add_options = std::make_shared<AddOptions>();
  auto* add = user->add_subcommand("add", "Tạo hoặc cập nhật người dùng / create or update a user");
  add->add_option("--username", add_options->username, "Login name")->required();
  add->add_option("--role", add_options->role,
                  "administrator, province-data-manager, facility-data-clerk or viewer")
      ->required();
  add->add_option("--org", add_options->org,
                  "Org unit codes (or uids) the user is bound to, comma-separated")
      ->required();
  add->add_option("--as-of", add_options->as_of,
                  "Resolve codes as of this date (default: the latest unit with the code)");
  add->add_option("--groups", add_options->groups,
                  "User groups, comma-separated (hiv: may see the HIV figures); default none");
  add->add_flag("--password-stdin", add_options->password_stdin,
                "Read the password from the first line of standard input")
      ->required();
  add->callback([add_options] {
    const AddOptions& o = *add_options;
    if (o.username.empty() || o.username.size() > 128 ||
        o.username.find_first_of(" \t\r\n") != std::string::npos) {
      throw UserError("cli.bad_username", "tên đăng nhập phải có 1-128 ký tự, không có dấu cách",
                      "the username must be 1-128 characters without spaces", "--username");
    }
    if (!ParseRole(o.role)) {
      throw UserError("cli.bad_role",
                      "vai trò '" + o.role +
                          "' không có (administrator, province-data-manager, "
                          "facility-data-clerk, viewer)",
                      "no role '" + o.role +
                          "' (administrator, province-data-manager, facility-data-clerk, viewer)",
                      "--role");
    }
    std::optional<Date> as_of;
    if (!o.as_of.empty()) {
      as_of = Date::Parse(o.as_of);
      if (!as_of) {
        throw UserError("cli.invalid_date", "ngày '" + o.as_of + "' không hợp lệ",
                        "invalid date '" + o.as_of + "'", "--as-of");
      }
    }
    std::string password = ReadPasswordLine();
    CheckPasswordPolicy(password, o.username);
    std::string hash = HashPassword(password);
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    OrgHierarchy hierarchy(m.org_units, m.parent_links, m.org_events);
    UserAccount account{o.username, hash, o.role, {}, false, SplitCommas(o.groups)};
    for (const std::string& code : SplitCommas(o.org)) {
      const OrgUnit* unit = hierarchy.FindByUid(code);
      if (unit == nullptr) {
        unit = as_of ? hierarchy.FindByCode(code, *as_of) : hierarchy.FindLatestByCode(code);
      }
      if (unit == nullptr) {
        throw UserError("cli.unknown_org_unit", "không có đơn vị mã '" + code + "'",
                        "no org unit with code '" + code + "'", "--org");
      }
      account.org_unit_uids.push_back(unit->uid);
    }
    if (account.org_unit_uids.empty()) {
      throw UserError("cli.no_org_unit", "cần ít nhất một đơn vị",
                      "at least one org unit is needed", "--org");
    }
    bool existed = store->FindUser(o.username).has_value();
    store->PutUser(account);
    std::cout << (existed ? "đã cập nhật / updated " : "đã tạo / created ") << o.username << "\n";
  });

  static Format list_format = Format::kTable;
  auto* list = user->add_subcommand("list", "Liệt kê người dùng / list users");
  AddFormatOption(list, &list_format);
  list->callback([] {
    auto store = OpenStore();
    MetadataSnapshot m = store->LoadMetadata();
    std::map<std::string, std::string> code_of;
    for (const auto& u : m.org_units) code_of[u.uid] = u.code;
    Listing listing{{"username", "role", "org_units", "groups", "disabled"}, {}};
    for (const UserAccount& account : store->ListUsers()) {
      std::string units;
      for (const std::string& uid : account.org_unit_uids) {
        units += (units.empty() ? "" : ",") + code_of[uid];
      }
      std::string groups;
      for (const std::string& group : account.groups) groups += (groups.empty() ? "" : ",") + group;
      listing.rows.push_back(
          {account.username, account.role, units, groups, account.disabled ? "yes" : "no"});
    }
    Print(listing, list_format, std::cout);
  });

  auto* token = app.add_subcommand("token", "Mã truy cập API / personal API tokens");
  token->require_subcommand(1);
  struct TokenOptions {
    std::string username;
    std::string label;
  };
  auto token_options = std::make_shared<TokenOptions>();
  auto* create = token->add_subcommand(
      "create", "Tạo mã truy cập (chỉ in một lần) / create a token (printed once)");
  create->add_option("--username", token_options->username, "The token's user")->required();
  create->add_option("--label", token_options->label, "What the token is for");
  create->callback([token_options] {
    auto store = OpenStore();
    if (!store->FindUser(token_options->username)) {
      throw UserError("cli.unknown_user", "không có người dùng '" + token_options->username + "'",
                      "no user '" + token_options->username + "'", "--username");
    }
    IssuedApiToken issued =
        NewApiToken(token_options->username, token_options->label, NowSeconds());
    store->PutApiToken(issued.record);
    std::cerr << "Mã chỉ hiện một lần; hãy lưu lại / shown once; keep it safe. Dùng / use: "
                 "Authorization: Bearer TOKEN\n";
    std::cout << issued.token << "\n";
  });
}

}  // namespace solieu::cli
