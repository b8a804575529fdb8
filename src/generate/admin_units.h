// generate/admin_units: the real provinces and communes of Vietnam from 1 July 2025 read from the
// reference CSV (province_code, province_name, commune_code, commune_name), names in NFC.
// Depends on: core (CsvTable, UserError, NFC).
#pragma once

#include <string>
#include <vector>

namespace solieu::generate {

struct AdminProvince {
  std::string code;  // "01"
  std::string name;  // "Thành phố Hà Nội"
};

struct AdminCommune {
  std::string code;  // "00004"
  std::string name;  // "Phường Ba Đình"
  int province = 0;  // index into AdminUnits::provinces
};

struct AdminUnits {
  std::vector<AdminProvince> provinces;  // in file order
  std::vector<AdminCommune> communes;    // in file order
};

// Throws UserError naming the file, line and column for a missing column, an empty or non-numeric
// code, a commune code seen twice, or a province code with two names.
AdminUnits ReadAdminUnits(const std::string& path);

// "Xã", "Phường" or "Đặc khu": the commune's type, from the start of its name; empty if none.
std::string CommuneType(const std::string& name);

}  // namespace solieu::generate
