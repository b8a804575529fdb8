// generate/national_dataset: the metadata of the synthetic national dataset and what the value
// model needs to know about each object. The real 34 provinces and 3,321 communes (as roots and
// their children: the store has no country level, and a "province"-level country would make
// LEVEL-1 mean two things, so a national figure is the sum over the 34 roots); facilities under the
// communes (one commune health station each, then hospitals, health centres, polyclinics and
// private clinics up to the requested count, every one named and noted as synthetic); N monthly
// data elements cycled from a catalogue of primary-care and hospital figures, disaggregated by sex,
// by sex x age group (2 x 4) or not at all; one monthly data set over every facility; indicators
// over the elements. Units are open-ended: every year of data sits on the 2025 structure.
// Depends on: core, generate/admin_units, generate/prng.
#pragma once

#include "core/synthetic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/metadata.h"
#include "generate/admin_units.h"

namespace solieu::generate {

struct GenerateOptions {
  std::uint64_t seed = 42;
  int years = 5;
  int end_year = 2025;
  int elements = 40;
  int facilities = 12000;
  std::optional<long long> values;  // the total to aim for; absent: the model's own sparsity
};

// Throws UserError naming the option for a value out of range.
void CheckOptions(const GenerateOptions& options);

// Facility kinds in the order of the catalogue's per-kind columns.
enum class FacilityKind { kStation, kPrivateClinic, kPolyclinic, kHealthCentre, kHospital };
inline constexpr int kFacilityKinds = 5;

struct FacilityProfile {
  int commune = 0;  // index into NationalDataset::communes
  int province = 0;
  FacilityKind kind = FacilityKind::kStation;
  double size = 1;         // multiplies every expected count
  double reliability = 1;  // chance of reporting a given month, before scaling
  int region_shift = 0;    // months the rainy season is late here (central provinces)
};

struct ElementProfile {
  std::string uid;
  std::string code;
  double rate = 1;       // expected count per month at a facility of size 1
  int peak_month = 0;    // 1..12; 0 = no seasonality
  double amplitude = 0;  // seasonal swing, 0..1
  bool rainy = false;    // follows the rainy season (shifted in central provinces)
  double kind_share[kFacilityKinds] = {};  // chance a facility of that kind reports it
  std::vector<std::string> coc_uids;       // the element's option combos
  std::vector<double> coc_shares;          // their share of the element's count (sum 1)
  double cell_presence = 1;                // chance an option combo cell is filled, before scaling
};

struct NationalDataset {
  MetadataSnapshot metadata;
  std::vector<std::string> province_uids;
  std::vector<std::string> commune_uids;
  std::vector<int> commune_province;  // per commune, its province index
  std::vector<std::string> facility_uids;
  std::vector<FacilityProfile> facilities;
  std::vector<ElementProfile> elements;
  int first_year = 0;
  int months = 0;  // 12 x years
};

NationalDataset BuildNationalDataset(const AdminUnits& units, const GenerateOptions& options);

// Every generated value says so in its comment (core/synthetic's convention).
inline constexpr const char* kGeneratedComment = kSyntheticNationalComment;

}  // namespace solieu::generate
