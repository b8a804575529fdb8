// exchange/id_scheme: how an exchanged file names metadata objects — by uid, code or name — per
// object type, as DHIS2's idScheme, dataElementIdScheme, orgUnitIdScheme, ... parameters do.
// Depends on: the standard library only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace solieu {

enum class IdScheme { kUid, kCode, kName };

std::string_view IdSchemeName(IdScheme scheme);  // "UID", "CODE", "NAME"
// Case-insensitive "UID" (or "ID"), "CODE", "NAME". DHIS2's "ATTRIBUTE:<uid>" is not supported
// (the metadata model has no attribute values), so it gives nullopt like any other text.
std::optional<IdScheme> ParseIdScheme(std::string_view text);

// The schemes of one import or export. A per-object scheme takes precedence over the general one,
// and the general one over UID, as in DHIS2. The attribute option combo falls back to the
// category option combo's scheme first (DHIS2's categoryOptionComboIdScheme covers both).
struct IdSchemes {
  std::optional<IdScheme> general;                 // idScheme
  std::optional<IdScheme> data_element;            // dataElementIdScheme
  std::optional<IdScheme> org_unit;                // orgUnitIdScheme
  std::optional<IdScheme> category_option_combo;   // categoryOptionComboIdScheme
  std::optional<IdScheme> attribute_option_combo;  // attributeOptionComboIdScheme
  std::optional<IdScheme> data_set;                // dataSetIdScheme
  std::optional<IdScheme> category;                // categoryIdScheme (ADX only)
  std::optional<IdScheme> category_option;         // categoryOptionIdScheme (ADX only)

  IdScheme ForDataElements() const { return data_element.value_or(General()); }
  IdScheme ForOrgUnits() const { return org_unit.value_or(General()); }
  IdScheme ForOptionCombos() const { return category_option_combo.value_or(General()); }
  IdScheme ForAttributeOptionCombos() const {
    return attribute_option_combo.value_or(ForOptionCombos());
  }
  IdScheme ForDataSets() const { return data_set.value_or(General()); }
  IdScheme ForCategories() const { return category.value_or(General()); }
  IdScheme ForCategoryOptions() const { return category_option.value_or(General()); }

  // These schemes with every field that `over` sets replaced: a file's own schemes over the
  // command line's, as DHIS2 lets a payload override the request.
  IdSchemes OverriddenBy(const IdSchemes& over) const;

 private:
  IdScheme General() const { return general.value_or(IdScheme::kUid); }
};

// Sets the field named by DHIS2's parameter name ("idScheme", "orgUnitIdScheme", ...). False when
// the name is not an id-scheme parameter or the value is not a supported scheme.
bool SetIdScheme(IdSchemes* schemes, std::string_view parameter, std::string_view value);

// True when `name` is one of DHIS2's id-scheme parameter names.
bool IsIdSchemeParameter(std::string_view name);

}  // namespace solieu
