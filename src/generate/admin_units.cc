// generate/admin_units: reading the reference list of provinces and communes.
#include "generate/admin_units.h"

#include <unordered_map>
#include <unordered_set>

#include "core/csv_reader.h"
#include "core/error.h"
#include "core/text.h"

namespace solieu::generate {
namespace {

[[noreturn]] void Bad(const CsvTable& t, std::string_view column, const std::string& vi,
                      const std::string& en) {
  throw UserError("generate.bad_admin_units", vi, en, t.Where(column));
}

std::string Code(const CsvTable& t, std::string_view column) {
  std::string code = t.Get(column);
  bool digits = !code.empty() && code.size() <= 10 &&
                code.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) {
    Bad(t, column, "mã '" + code + "' không hợp lệ (cần chữ số)",
        "invalid code '" + code + "' (digits expected)");
  }
  return code;
}

std::string Name(const CsvTable& t, std::string_view column) {
  std::string name = ToNfc(t.Get(column));
  if (name.empty()) Bad(t, column, "thiếu tên", "the name is missing");
  return name;
}

}  // namespace

AdminUnits ReadAdminUnits(const std::string& path) {
  const std::vector<std::string> columns = {"province_code", "province_name", "commune_code",
                                            "commune_name"};
  CsvTable t(path, columns, columns);
  AdminUnits units;
  std::unordered_map<std::string, int> province_index;
  std::unordered_set<std::string> commune_codes;
  while (t.Next()) {
    std::string province_code = Code(t, "province_code");
    std::string province_name = Name(t, "province_name");
    auto [it, added] = province_index.emplace(province_code, units.provinces.size());
    if (added) {
      units.provinces.push_back({province_code, province_name});
    } else if (units.provinces[it->second].name != province_name) {
      Bad(t, "province_name",
          "tỉnh mã " + province_code + " đã có tên '" + units.provinces[it->second].name + "'",
          "province " + province_code + " already has the name '" +
              units.provinces[it->second].name + "'");
    }
    AdminCommune commune{Code(t, "commune_code"), Name(t, "commune_name"), it->second};
    if (!commune_codes.insert(commune.code).second) {
      Bad(t, "commune_code", "mã xã " + commune.code + " xuất hiện hai lần",
          "commune code " + commune.code + " appears twice");
    }
    units.communes.push_back(std::move(commune));
  }
  if (units.communes.empty()) {
    throw UserError("generate.bad_admin_units", "tệp không có xã nào", "the file lists no commune",
                    path);
  }
  return units;
}

std::string CommuneType(const std::string& name) {
  for (const char* type : {"Đặc khu", "Phường", "Xã"}) {
    std::string prefix = std::string(type) + " ";
    if (name.starts_with(prefix)) return type;
  }
  return "";
}

}  // namespace solieu::generate
