#include "exchange/id_scheme.h"

#include <array>
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

using Field = std::optional<IdScheme> IdSchemes::*;

constexpr std::array<std::pair<std::string_view, Field>, 8> kParameters{{
    {"idScheme", &IdSchemes::general},
    {"dataElementIdScheme", &IdSchemes::data_element},
    {"orgUnitIdScheme", &IdSchemes::org_unit},
    {"categoryOptionComboIdScheme", &IdSchemes::category_option_combo},
    {"attributeOptionComboIdScheme", &IdSchemes::attribute_option_combo},
    {"dataSetIdScheme", &IdSchemes::data_set},
    {"categoryIdScheme", &IdSchemes::category},
    {"categoryOptionIdScheme", &IdSchemes::category_option},
}};

}  // namespace

std::string_view IdSchemeName(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::kUid:
      return "UID";
    case IdScheme::kCode:
      return "CODE";
    case IdScheme::kName:
      return "NAME";
  }
  return "UID";
}

std::optional<IdScheme> ParseIdScheme(std::string_view text) {
  if (EqualsIgnoreCase(text, "UID") || EqualsIgnoreCase(text, "ID")) return IdScheme::kUid;
  if (EqualsIgnoreCase(text, "CODE")) return IdScheme::kCode;
  if (EqualsIgnoreCase(text, "NAME")) return IdScheme::kName;
  return std::nullopt;
}

IdSchemes IdSchemes::OverriddenBy(const IdSchemes& over) const {
  IdSchemes out = *this;
  for (const auto& [name, field] : kParameters) {
    if (over.*field) out.*field = over.*field;
  }
  return out;
}

bool SetIdScheme(IdSchemes* schemes, std::string_view parameter, std::string_view value) {
  for (const auto& [name, field] : kParameters) {
    if (name != parameter) continue;
    auto scheme = ParseIdScheme(value);
    if (!scheme) return false;
    schemes->*field = scheme;
    return true;
  }
  return false;
}

bool IsIdSchemeParameter(std::string_view name) {
  for (const auto& [parameter, field] : kParameters) {
    if (parameter == name) return true;
  }
  return false;
}

}  // namespace solieu
