// generate/national_dataset: building the national metadata and the per-object model parameters.
#include "generate/national_dataset.h"

#include <array>
#include <string_view>

#include "core/error.h"
#include "core/uid.h"
#include "generate/prng.h"

namespace solieu::generate {
namespace {

enum class ComboKind { kDefault, kSex, kSexAge };

// One figure a facility reports monthly. Rates are per month at a facility of size 1 (a commune
// health station of average size); kind shares are the chance a facility of each kind reports it
// (station, private clinic, polyclinic, health centre, hospital): bigger facilities report more.
struct Template {
  std::string_view code, name_vi, name_en, unit_vi, unit_en;
  ComboKind combo;
  ValueType type;
  double rate;
  int peak_month;
  double amplitude;
  bool rainy;
  std::array<double, kFacilityKinds> kind_share;
  std::array<double, 4> age_share;  // 0-4, 5-14, 15-49, 50+ (sex x age combos only)
};

constexpr std::array<double, kFacilityKinds> kPrimary = {0.92, 0.55, 0.85, 0.95, 0.97};
constexpr std::array<double, kFacilityKinds> kMaternal = {0.80, 0.10, 0.55, 0.95, 0.97};
constexpr std::array<double, kFacilityKinds> kInpatient = {0.15, 0.02, 0.30, 0.95, 0.99};
constexpr std::array<double, kFacilityKinds> kProgramme = {0.75, 0.05, 0.40, 0.95, 0.90};
constexpr std::array<double, 4> kAllAges = {0.15, 0.15, 0.45, 0.25};
constexpr std::array<double, 4> kChildren = {0.35, 0.25, 0.25, 0.15};
constexpr std::array<double, 4> kOlder = {0.005, 0.005, 0.29, 0.70};
constexpr std::array<double, 4> kNone = {};

// clang-format off
constexpr Template kCatalogue[] = {
  {"OPD_VISITS", "Lượt khám bệnh", "Outpatient visits", "lượt", "visits", ComboKind::kSexAge, ValueType::kInteger, 260, 0, 0, false, kPrimary, kAllAges},
  {"FEVER", "Số ca sốt", "Fever cases", "ca", "cases", ComboKind::kSexAge, ValueType::kInteger, 24, 7, 0.5, true, kPrimary, kChildren},
  {"DIARRHOEA", "Số ca tiêu chảy", "Diarrhoea cases", "ca", "cases", ComboKind::kSexAge, ValueType::kInteger, 11, 7, 0.6, true, kPrimary, kChildren},
  {"DENGUE", "Số ca sốt xuất huyết Dengue", "Dengue fever cases", "ca", "cases", ComboKind::kDefault, ValueType::kInteger, 0.9, 8, 0.9, true, kProgramme, kNone},
  {"ANC4", "Phụ nữ đẻ được khám thai từ 4 lần", "Deliveries with 4+ antenatal visits", "người", "women", ComboKind::kDefault, ValueType::kInteger, 3.4, 0, 0, false, kMaternal, kNone},
  {"DELIVERIES", "Số phụ nữ đẻ", "Deliveries", "người", "women", ComboKind::kDefault, ValueType::kInteger, 4.0, 0, 0, false, kMaternal, kNone},
  {"LIVE_BIRTHS", "Số trẻ đẻ sống", "Live births", "trẻ", "children", ComboKind::kSex, ValueType::kInteger, 4.0, 0, 0, false, kMaternal, kNone},
  {"FULL_IMM", "Trẻ dưới 1 tuổi được tiêm chủng đầy đủ", "Fully immunised children under 1", "trẻ", "children", ComboKind::kSex, ValueType::kInteger, 3.6, 0, 0, false, kProgramme, kNone},
  {"ADMISSIONS", "Lượt điều trị nội trú", "Inpatient admissions", "lượt", "admissions", ComboKind::kSexAge, ValueType::kInteger, 16, 0, 0, false, kInpatient, kAllAges},
  {"INPATIENT_DAYS", "Ngày điều trị nội trú", "Inpatient days", "ngày", "days", ComboKind::kDefault, ValueType::kNumber, 95, 0, 0, false, kInpatient, kNone},
  {"MALARIA_TESTS", "Số lam xét nghiệm sốt rét", "Malaria slides tested", "lam", "slides", ComboKind::kDefault, ValueType::kInteger, 6, 8, 0.4, true, kProgramme, kNone},
  {"MALARIA_POS", "Ca sốt rét dương tính", "Malaria positive cases", "ca", "cases", ComboKind::kDefault, ValueType::kInteger, 0.2, 8, 0.8, true, kProgramme, kNone},
  {"PNEUMONIA_U5", "Viêm phổi trẻ dưới 5 tuổi", "Pneumonia in children under 5", "ca", "cases", ComboKind::kSex, ValueType::kInteger, 3, 1, 0.4, false, kPrimary, kNone},
  {"ILI", "Hội chứng cúm", "Influenza-like illness", "ca", "cases", ComboKind::kSexAge, ValueType::kInteger, 8, 2, 0.35, false, kPrimary, kAllAges},
  {"HFMD", "Bệnh tay chân miệng", "Hand, foot and mouth disease", "ca", "cases", ComboKind::kSex, ValueType::kInteger, 0.7, 10, 0.5, false, kProgramme, kNone},
  {"DEATHS", "Tử vong tại cơ sở", "Deaths at the facility", "người", "persons", ComboKind::kSexAge, ValueType::kInteger, 0.3, 1, 0.15, false, kInpatient, kOlder},
  {"HYPERTENSION", "Người tăng huyết áp được quản lý", "Hypertension patients managed", "người", "persons", ComboKind::kSexAge, ValueType::kInteger, 21, 0, 0, false, kPrimary, kOlder},
  {"DIABETES", "Người đái tháo đường được quản lý", "Diabetes patients managed", "người", "persons", ComboKind::kSexAge, ValueType::kInteger, 8, 0, 0, false, kPrimary, kOlder},
  {"TB_NOTIFIED", "Người bệnh lao được phát hiện", "TB cases notified", "người", "persons", ComboKind::kSex, ValueType::kInteger, 0.5, 3, 0.1, false, kProgramme, kNone},
  {"FP_NEW_USERS", "Người mới sử dụng biện pháp tránh thai", "New family planning users", "người", "persons", ComboKind::kDefault, ValueType::kInteger, 6, 0, 0, false, kMaternal, kNone},
  {"MALNUTRITION_U5", "Trẻ dưới 5 tuổi suy dinh dưỡng được phát hiện", "Malnourished children under 5 found", "trẻ", "children", ComboKind::kSex, ValueType::kInteger, 1.5, 6, 0.2, false, kProgramme, kNone},
  {"HIV_TESTS", "Lượt xét nghiệm HIV", "HIV tests", "lượt", "tests", ComboKind::kSexAge, ValueType::kInteger, 5, 0, 0, false, kProgramme, kAllAges},
};
// clang-format on
constexpr int kCatalogueSize = static_cast<int>(std::size(kCatalogue));

struct KindInfo {
  std::string_view type, code_prefix, name_vi, name_en, group_code, group_vi, group_en;
  double size, reliability;
};
constexpr KindInfo kKinds[kFacilityKinds] = {
    {"tyt", "TYT", "Trạm Y tế", "Health station", "G_TYT", "Trạm Y tế (mô phỏng)",
     "Health stations (synthetic)", 1.0, 0.93},
    {"private_clinic", "PK", "Phòng khám tư nhân mô phỏng", "Synthetic private clinic", "G_PK",
     "Phòng khám tư nhân (mô phỏng)", "Private clinics (synthetic)", 0.4, 0.72},
    {"pkdkkv", "PKDKKV", "Phòng khám đa khoa khu vực mô phỏng", "Synthetic regional polyclinic",
     "G_PKDKKV", "Phòng khám đa khoa khu vực (mô phỏng)", "Regional polyclinics (synthetic)", 1.8,
     0.88},
    {"ttyt", "TTYT", "Trung tâm Y tế mô phỏng", "Synthetic health centre", "G_TTYT",
     "Trung tâm Y tế (mô phỏng)", "Health centres (synthetic)", 5.0, 0.96},
    {"hospital", "BV", "Bệnh viện mô phỏng", "Synthetic hospital", "G_BV", "Bệnh viện (mô phỏng)",
     "Hospitals (synthetic)", 14.0, 0.97},
};

constexpr std::string_view kFacilityNote =
    "cơ sở mô phỏng (synthetic): sinh bởi solieu generate / synthetic facility made by solieu "
    "generate";

std::string OrgUid(const std::string& code) {
  // As the configuration loader derives it for a unit without an opening date.
  return DeriveUid("organisationUnit", code + "@");
}

std::string WithoutPrefix(const std::string& name, std::string_view prefix) {
  std::string p = std::string(prefix) + " ";
  return name.starts_with(p) ? name.substr(p.size()) : name;
}

std::string ProvinceNameEn(const std::string& name) {
  if (name.starts_with("Thành phố ")) return WithoutPrefix(name, "Thành phố") + " City";
  if (name.starts_with("Tỉnh ")) return WithoutPrefix(name, "Tỉnh") + " Province";
  return name;
}

std::string CommuneNameEn(const std::string& name, const std::string& type) {
  if (type == "Phường") return WithoutPrefix(name, type) + " Ward";
  if (type == "Xã") return WithoutPrefix(name, type) + " Commune";
  if (type == "Đặc khu") return WithoutPrefix(name, type) + " Special Zone";
  return name;
}

template <typename T>
T Named(std::string uid, std::string code, std::string vi, std::string en) {
  T o;
  o.uid = std::move(uid);
  o.code = std::move(code);
  o.name_vi = std::move(vi);
  o.name_en = std::move(en);
  return o;
}

void AddDefaults(MetadataSnapshot& m) {
  // DHIS2's own uids for the default option, category, combo and option combo, as config does.
  auto option = Named<CategoryOption>("xYerKDKCefk", "default", "mặc định", "default");
  auto category = Named<Category>("GLevLNI9wkl", "default", "mặc định", "default");
  category.option_uids = {option.uid};
  auto combo = Named<CategoryCombo>(DefaultCategoryComboUid(), "default", "mặc định", "default");
  combo.category_uids = {category.uid};
  auto coc =
      Named<CategoryOptionCombo>(DefaultCategoryOptionComboUid(), "default", "mặc định", "default");
  coc.combo_uid = combo.uid;
  coc.option_uids = {option.uid};
  m.category_options.push_back(option);
  m.categories.push_back(category);
  m.category_combos.push_back(combo);
  m.category_option_combos.push_back(coc);
}

struct Disaggregations {
  std::string sex_combo, sex_age_combo;
  std::vector<std::string> sex_cocs, sex_age_cocs;  // option combo uids, in product order
};

Disaggregations AddDisaggregations(MetadataSnapshot& m) {
  struct Opt {
    const char *code, *vi, *en;
  };
  const Opt sexes[] = {{"NAM", "Nam", "Male"}, {"NU", "Nữ", "Female"}};
  const Opt ages[] = {{"TUOI_0_4", "0-4 tuổi", "0-4 years"},
                      {"TUOI_5_14", "5-14 tuổi", "5-14 years"},
                      {"TUOI_15_49", "15-49 tuổi", "15-49 years"},
                      {"TUOI_50_TRO_LEN", "Từ 50 tuổi", "50 years and over"}};
  auto option = [&](const Opt& o) {
    auto opt = Named<CategoryOption>(DeriveUid("categoryOption", o.code), o.code, o.vi, o.en);
    m.category_options.push_back(opt);
    return opt;
  };
  auto sex = Named<Category>(DeriveUid("category", "G_SEX"), "G_SEX", "Giới tính", "Sex");
  std::vector<CategoryOption> sex_options, age_options;
  for (const Opt& o : sexes) sex_options.push_back(option(o));
  for (const Opt& o : ages) age_options.push_back(option(o));
  for (const auto& o : sex_options) sex.option_uids.push_back(o.uid);
  auto age = Named<Category>(DeriveUid("category", "G_AGE"), "G_AGE", "Nhóm tuổi", "Age group");
  for (const auto& o : age_options) age.option_uids.push_back(o.uid);
  m.categories.push_back(sex);
  m.categories.push_back(age);

  Disaggregations d;
  auto sex_combo =
      Named<CategoryCombo>(DeriveUid("categoryCombo", "G_SEX"), "G_SEX", "Giới tính", "Sex");
  sex_combo.category_uids = {sex.uid};
  auto sex_age_combo = Named<CategoryCombo>(DeriveUid("categoryCombo", "G_SEX_AGE"), "G_SEX_AGE",
                                            "Giới tính và nhóm tuổi", "Sex and age group");
  sex_age_combo.category_uids = {sex.uid, age.uid};
  d.sex_combo = sex_combo.uid;
  d.sex_age_combo = sex_age_combo.uid;
  // The same codes and uids the configuration loader would give these combos.
  for (const auto& s : sex_options) {
    auto coc = Named<CategoryOptionCombo>(DeriveUid("categoryOptionCombo", "G_SEX/" + s.code),
                                          s.code, s.name_vi, s.name_en);
    coc.combo_uid = sex_combo.uid;
    coc.option_uids = {s.uid};
    d.sex_cocs.push_back(coc.uid);
    m.category_option_combos.push_back(coc);
  }
  for (const auto& s : sex_options) {
    for (const auto& a : age_options) {
      std::string code = s.code + "_" + a.code;
      auto coc =
          Named<CategoryOptionCombo>(DeriveUid("categoryOptionCombo", "G_SEX_AGE/" + code), code,
                                     s.name_vi + ", " + a.name_vi, s.name_en + ", " + a.name_en);
      coc.combo_uid = sex_age_combo.uid;
      coc.option_uids = {s.uid, a.uid};
      d.sex_age_cocs.push_back(coc.uid);
      m.category_option_combos.push_back(coc);
    }
  }
  m.category_combos.push_back(sex_combo);
  m.category_combos.push_back(sex_age_combo);
  return d;
}

// Central provinces (Thanh Hóa to Khánh Hòa) have their rains in autumn, three months after the
// north and the south.
int RegionShift(const std::string& province_code) {
  int code = std::stoi(province_code);
  return code >= 38 && code <= 56 ? 3 : 0;
}

void AddIndicators(MetadataSnapshot& m, const std::vector<ElementProfile>& elements) {
  auto has = [&](std::string_view code) {
    for (const auto& e : elements) {
      if (e.code == code) return true;
    }
    return false;
  };
  struct Ratio {
    const char *code, *vi, *en, *num, *den;
    double factor;
    const char* unit;
    Direction direction;
  };
  const Ratio ratios[] = {
      {"I_G_FEVER_PER_1000_OPD", "Ca sốt trên 1000 lượt khám", "Fever cases per 1000 visits",
       "G_FEVER", "G_OPD_VISITS", 1000, "‰", Direction::kNone},
      {"I_G_DIARRHOEA_PER_1000_OPD", "Ca tiêu chảy trên 1000 lượt khám",
       "Diarrhoea cases per 1000 visits", "G_DIARRHOEA", "G_OPD_VISITS", 1000, "‰",
       Direction::kLowerIsBetter},
      {"I_G_ANC4_RATE", "Tỷ lệ phụ nữ đẻ được khám thai từ 4 lần",
       "Deliveries with 4+ antenatal visits", "G_ANC4", "G_DELIVERIES", 100, "%",
       Direction::kHigherIsBetter},
      {"I_G_FULL_IMM_RATE", "Tỷ lệ trẻ dưới 1 tuổi tiêm chủng đầy đủ",
       "Fully immunised children under 1 per live birth", "G_FULL_IMM", "G_LIVE_BIRTHS", 100, "%",
       Direction::kHigherIsBetter},
      {"I_G_MALARIA_POSITIVITY", "Tỷ lệ lam dương tính sốt rét", "Malaria slide positivity",
       "G_MALARIA_POS", "G_MALARIA_TESTS", 100, "%", Direction::kLowerIsBetter},
      {"I_G_ALOS", "Số ngày điều trị nội trú trung bình", "Average length of stay",
       "G_INPATIENT_DAYS", "G_ADMISSIONS", 1, "ngày", Direction::kNone},
      {"I_G_DEATHS_PER_1000_ADM", "Tử vong trên 1000 lượt nội trú", "Deaths per 1000 admissions",
       "G_DEATHS", "G_ADMISSIONS", 1000, "‰", Direction::kLowerIsBetter},
      {"I_G_SEX_RATIO_BIRTH", "Tỷ số giới tính khi sinh (nam/100 nữ)",
       "Sex ratio at birth (boys per 100 girls)", "G_LIVE_BIRTHS.NAM", "G_LIVE_BIRTHS.NU", 100, "",
       Direction::kNone},
  };
  auto element_of = [](std::string_view item) { return item.substr(0, item.find('.')); };
  for (const Ratio& r : ratios) {
    if (!has(element_of(r.num)) || !has(element_of(r.den))) continue;
    auto i =
        Named<Indicator>(DeriveUid("indicator", r.code), r.code, std::string(r.vi) + " (mô phỏng)",
                         std::string(r.en) + " (synthetic)");
    i.numerator = std::string("#{") + r.num + "}";
    i.denominator = std::string("#{") + r.den + "}";
    i.factor = r.factor;
    i.unit_vi = i.unit_en = r.unit;
    i.decimals = 1;
    i.direction = r.direction;
    m.indicators.push_back(std::move(i));
  }
  // Plain totals up to 20 indicators, so the "20 indicators x 34 provinces" shape has its 20.
  for (size_t e = 0; e < m.data_elements.size() && m.indicators.size() < 20; ++e) {
    const DataElement& d = m.data_elements[e];
    std::string code = "I_" + d.code;
    auto i = Named<Indicator>(DeriveUid("indicator", code), code, d.name_vi, d.name_en);
    i.numerator = "#{" + d.code + "}";
    i.denominator = "1";
    i.factor = 1;
    i.unit_vi = d.unit_vi;
    i.unit_en = d.unit_en;
    i.decimals = 0;
    m.indicators.push_back(std::move(i));
  }
}

}  // namespace

void CheckOptions(const GenerateOptions& o) {
  auto bad = [](const std::string& option, const std::string& vi, const std::string& en) {
    throw UserError("generate.bad_option", vi, en, option);
  };
  if (o.years < 1 || o.years > 50)
    bad("--years", "--years phải từ 1 đến 50", "--years must be between 1 and 50");
  if (o.end_year < 1900 || o.end_year > 2100)
    bad("--end-year", "--end-year phải từ 1900 đến 2100", "--end-year must be 1900 to 2100");
  if (o.elements < 1 || o.elements > 5000)
    bad("--elements", "--elements phải từ 1 đến 5000", "--elements must be between 1 and 5000");
  if (o.facilities < 1 || o.facilities > 1000000)
    bad("--facilities", "--facilities phải từ 1 đến 1.000.000",
        "--facilities must be between 1 and 1,000,000");
  if (o.values && (*o.values < 1 || *o.values > 100000000000LL))
    bad("--values", "--values phải từ 1 đến 100 tỷ", "--values must be between 1 and 100 billion");
}

NationalDataset BuildNationalDataset(const AdminUnits& units, const GenerateOptions& options) {
  CheckOptions(options);
  const int communes = static_cast<int>(units.communes.size());
  if (options.facilities < communes) {
    throw UserError("generate.bad_option",
                    "--facilities phải ít nhất bằng số xã (" + std::to_string(communes) +
                        "): mỗi xã có một trạm y tế",
                    "--facilities must be at least the number of communes (" +
                        std::to_string(communes) + "): each has a health station",
                    "--facilities");
  }
  NationalDataset d;
  MetadataSnapshot& m = d.metadata;
  d.first_year = options.end_year - options.years + 1;
  d.months = 12 * options.years;

  for (const AdminProvince& p : units.provinces) {
    OrgUnit u;
    u.uid = OrgUid(p.code);
    u.code = p.code;
    u.name_vi = p.name;
    u.name_en = ProvinceNameEn(p.name);
    u.level = OrgLevel::kProvince;
    u.commune_type = p.name.starts_with("Thành phố") ? "Thành phố" : "Tỉnh";
    d.province_uids.push_back(u.uid);
    m.org_units.push_back(std::move(u));
  }
  for (const AdminCommune& c : units.communes) {
    OrgUnit u;
    u.uid = OrgUid(c.code);
    u.code = c.code;
    u.name_vi = c.name;
    u.commune_type = CommuneType(c.name);
    u.name_en = CommuneNameEn(c.name, u.commune_type);
    u.level = OrgLevel::kCommune;
    m.parent_links.push_back({u.uid, d.province_uids[c.province], {}});
    d.commune_uids.push_back(u.uid);
    d.commune_province.push_back(c.province);
    m.org_units.push_back(std::move(u));
  }

  // Facilities: a station per commune, and the rest spread over the communes by weight (wards
  // hold more clinics and hospitals than rural communes), split exactly by running totals.
  std::vector<long long> weight(communes);
  long long total_weight = 0;
  for (int c = 0; c < communes; ++c) {
    std::string type = CommuneType(units.communes[c].name);
    weight[c] = type == "Phường" ? 4 : type == "Xã" ? 2 : 1;
    total_weight += weight[c];
  }
  const long long extras = options.facilities - communes;
  long long running = 0;
  std::vector<OrgUnitGroup> groups(kFacilityKinds);
  for (int k = 0; k < kFacilityKinds; ++k) {
    groups[k] = Named<OrgUnitGroup>(
        DeriveUid("organisationUnitGroup", kKinds[k].group_code), std::string(kKinds[k].group_code),
        std::string(kKinds[k].group_vi), std::string(kKinds[k].group_en));
  }
  for (int c = 0; c < communes; ++c) {
    const AdminCommune& commune = units.communes[c];
    long long before = running * extras / total_weight;
    running += weight[c];
    long long count = 1 + running * extras / total_weight - before;
    const bool ward = CommuneType(commune.name) == "Phường";
    for (long long i = 0; i < count; ++i) {
      FacilityKind kind = FacilityKind::kStation;
      if (i > 0) {
        double u = Unit(Draw(options.seed, DrawTag::kFacilityKind, c, i));
        kind = u < 0.08   ? FacilityKind::kHospital
               : u < 0.14 ? FacilityKind::kHealthCentre
               : u < 0.34 ? FacilityKind::kPolyclinic
                          : FacilityKind::kPrivateClinic;
      }
      const KindInfo& info = kKinds[static_cast<int>(kind)];
      OrgUnit u;
      u.level = OrgLevel::kFacility;
      u.facility_type = std::string(info.type);
      u.note = std::string(kFacilityNote);
      if (kind == FacilityKind::kStation) {
        u.code = "TYT" + commune.code;
        u.name_vi = "Trạm Y tế " + commune.name;
        u.name_en = CommuneNameEn(commune.name, CommuneType(commune.name)) + " Health Station";
      } else {
        std::string n = std::to_string(i);
        u.code = std::string(info.code_prefix) + commune.code + "-" + n;
        u.name_vi = std::string(info.name_vi) + " số " + n + " " + commune.name;
        u.name_en = std::string(info.name_en) + " " + n + ", " +
                    CommuneNameEn(commune.name, CommuneType(commune.name));
      }
      u.uid = OrgUid(u.code);
      const int f = static_cast<int>(d.facilities.size());
      // Sizes skewed to the right (u^2): most facilities near the floor, a few large ones.
      double s = Unit(Draw(options.seed, DrawTag::kFacilitySize, f));
      double r = Unit(Draw(options.seed, DrawTag::kFacilityReliability, f));
      FacilityProfile p;
      p.commune = c;
      p.province = commune.province;
      p.kind = kind;
      p.size = info.size * (0.35 + 1.9 * s * s) * (ward ? 1.3 : 1.0);
      p.reliability = info.reliability * (0.9 + 0.1 * r) + (ward ? 0.02 : 0.0);
      if (p.reliability > 0.995) p.reliability = 0.995;
      p.region_shift = RegionShift(units.provinces[commune.province].code);
      d.facilities.push_back(p);
      d.facility_uids.push_back(u.uid);
      groups[static_cast<int>(kind)].member_uids.push_back(u.uid);
      m.parent_links.push_back({u.uid, d.commune_uids[c], {}});
      m.org_units.push_back(std::move(u));
    }
  }
  for (auto& g : groups) m.org_unit_groups.push_back(std::move(g));

  AddDefaults(m);
  Disaggregations dis = AddDisaggregations(m);
  for (int e = 0; e < options.elements; ++e) {
    const Template& t = kCatalogue[e % kCatalogueSize];
    const int set = e / kCatalogueSize + 1;
    std::string suffix = set == 1 ? "" : "_" + std::to_string(set);
    auto de = Named<DataElement>("", "G_" + std::string(t.code) + suffix, std::string(t.name_vi),
                                 std::string(t.name_en));
    if (set > 1) {
      de.name_vi += " (nhóm " + std::to_string(set) + ")";
      de.name_en += " (set " + std::to_string(set) + ")";
    }
    de.uid = DeriveUid("dataElement", de.code);
    de.value_type = t.type;
    de.aggregation_type = AggregationType::kSum;
    de.unit_vi = std::string(t.unit_vi);
    de.unit_en = std::string(t.unit_en);
    de.description = "Phần tử mô phỏng (synthetic) của solieu generate / synthetic element";

    ElementProfile p;
    p.uid = de.uid;
    p.code = de.code;
    // Later sets of the catalogue differ in scale so they are not copies of the first.
    p.rate = t.rate * (set == 1 ? 1.0 : 0.5 + Unit(Draw(options.seed, DrawTag::kElementRate, e)));
    p.peak_month = t.peak_month;
    p.amplitude = t.amplitude;
    p.rainy = t.rainy;
    for (int k = 0; k < kFacilityKinds; ++k) p.kind_share[k] = t.kind_share[k];
    switch (t.combo) {
      case ComboKind::kDefault:
        de.category_combo_uid = DefaultCategoryComboUid();
        p.coc_uids = {DefaultCategoryOptionComboUid()};
        p.coc_shares = {1.0};
        p.cell_presence = 1.0;
        break;
      case ComboKind::kSex:
        de.category_combo_uid = dis.sex_combo;
        p.coc_uids = dis.sex_cocs;
        p.coc_shares = {0.51, 0.49};
        p.cell_presence = 0.97;
        break;
      case ComboKind::kSexAge:
        de.category_combo_uid = dis.sex_age_combo;
        p.coc_uids = dis.sex_age_cocs;
        for (double sex : {0.48, 0.52}) {
          for (double age : t.age_share) p.coc_shares.push_back(sex * age);
        }
        p.cell_presence = 0.9;
        break;
    }
    m.data_elements.push_back(std::move(de));
    d.elements.push_back(std::move(p));
  }

  auto ds = Named<DataSet>(DeriveUid("dataSet", "DS_G_MONTHLY"), "DS_G_MONTHLY",
                           "Báo cáo tháng của cơ sở y tế (mô phỏng)",
                           "Monthly facility report (synthetic)");
  ds.period_type = "Monthly";
  ds.expiry_days = 15;
  ds.assigned_to = "level:facility";
  for (const auto& e : m.data_elements) ds.data_element_uids.push_back(e.uid);
  ds.org_unit_uids = d.facility_uids;
  m.data_sets.push_back(std::move(ds));

  AddIndicators(m, d.elements);
  return d;
}

}  // namespace solieu::generate
