#include <algorithm>

#include "core/error.h"
#include "core/org_hierarchy.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ExchangeTest;

template <typename T>
const T* ByUid(const std::vector<T>& objects, const std::string& uid) {
  auto it = std::find_if(objects.begin(), objects.end(), [&](const T& o) { return o.uid == uid; });
  return it == objects.end() ? nullptr : &*it;
}

class Dhis2MetadataTest : public ExchangeTest {};

TEST_F(Dhis2MetadataTest, ImportsTheE2ePackages) {
  MetadataImportResult setup =
      ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/setup_metadata.json").string(), {}, false);
  EXPECT_EQ(setup.package.read.at("organisationUnits"), 5);
  EXPECT_EQ(setup.changes.at("organisationUnits").created, 5);
  EXPECT_EQ(setup.package.read.at("dataElements"), 2);
  EXPECT_EQ(setup.package.skipped.at("dataElements"), 1);  // the TRACKER one
  EXPECT_EQ(setup.changes.at("dataElements").created, 1);
  EXPECT_EQ(setup.package.unsupported.at("optionSets"), 1);
  EXPECT_EQ(setup.package.unsupported.at("options"), 2);
  EXPECT_EQ(setup.package.unsupported.at("categoryOptionGroupSets"), 1);
  EXPECT_EQ(setup.package.level_names.at(3), "Chiefdom");

  MetadataImportResult malaria =
      ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/metadata.json").string(), {}, false);
  EXPECT_EQ(malaria.changes.at("dataElements").created, 75);
  EXPECT_EQ(malaria.changes.at("dataSets").created, 2);
  EXPECT_EQ(malaria.changes.at("categoryCombos").created, 3);
  EXPECT_EQ(malaria.changes.at("categoryOptionCombos").created, 12);
  EXPECT_EQ(malaria.changes.at("indicators").created, 19);
  EXPECT_EQ(malaria.package.validation_rules.size(), 12u);
  EXPECT_TRUE(malaria.package.not_stored.contains("validationRules"));
  EXPECT_TRUE(malaria.package.not_stored.contains("indicatorTypes"));
  EXPECT_EQ(malaria.package.unsupported.at("legendSets"), 2);
  EXPECT_EQ(malaria.package.unsupported.at("dataElementGroups"), 7);
  EXPECT_EQ(malaria.package.validation_rules[0].uid, "p5591gkdyU4");
  EXPECT_EQ(malaria.package.validation_rules[0].op, "equal_to");
  EXPECT_EQ(malaria.package.validation_rules[0].left_expression, "#{oNqsWW6eD3L}");

  MetadataSnapshot m = store_->LoadMetadata();
  // Org units: levels by DHIS2 depth, names in both languages, validity, facility type.
  const OrgUnit* sierra_leone = ByUid(m.org_units, "ImspTQPwCqd");
  const OrgUnit* bo = ByUid(m.org_units, "O6uvpzGd5pu");
  const OrgUnit* badjia = ByUid(m.org_units, "YuQRtpLP10I");
  const OrgUnit* ngelehun = ByUid(m.org_units, "DiszpKrYNg8");
  ASSERT_TRUE(sierra_leone && bo && badjia && ngelehun);
  EXPECT_EQ(sierra_leone->level, OrgLevel::kProvince);
  EXPECT_EQ(bo->level, OrgLevel::kDistrict);
  EXPECT_EQ(badjia->level, OrgLevel::kCommune);
  EXPECT_EQ(ngelehun->level, OrgLevel::kFacility);
  EXPECT_EQ(ngelehun->facility_type, "tyt");
  EXPECT_EQ(ngelehun->code, "OU_559");
  EXPECT_EQ(ngelehun->name_vi, "Ngelehun CHC");
  EXPECT_EQ(ngelehun->name_en, "Ngelehun CHC");
  EXPECT_EQ(bo->validity.from, Date(1990, 2, 1));
  // Badjia opened in 1970, before Bo (1990): the link starts when Bo opens.
  OrgHierarchy tree(m.org_units, m.parent_links, m.org_events);
  EXPECT_EQ(tree.ParentOf(*badjia, Date(2019, 12, 1)), tree.FindByUid("O6uvpzGd5pu"));
  EXPECT_EQ(tree.ParentOf(*badjia, Date(1980, 1, 1)), nullptr);
  EXPECT_EQ(tree.DescendantsOf(*tree.FindByUid("ImspTQPwCqd"), Date(2019, 12, 1)).size(), 4u);

  // Data elements, combos, data sets, indicators.
  const DataElement* funding = ByUid(m.data_elements, "tpz77FcntKx");
  ASSERT_NE(funding, nullptr);
  EXPECT_EQ(funding->code, "TA_GEN_EXT_FUND");
  EXPECT_EQ(funding->value_type, ValueType::kIntegerZeroOrPositive);
  EXPECT_EQ(funding->category_combo_uid, DefaultCategoryComboUid());
  const CategoryOptionCombo* female_15 = ByUid(m.category_option_combos, "kQBGXKMwoqR");
  ASSERT_NE(female_15, nullptr);
  EXPECT_EQ(female_15->combo_uid, "IvYR8mc6prX");
  // Put in the combo's category order (age, then sex), although DHIS2 lists sex first.
  EXPECT_EQ(female_15->option_uids, (std::vector<std::string>{"wTpH7wugXzZ", "FFA9e1yIXCT"}));
  EXPECT_EQ(female_15->code, "kQBGXKMwoqR");  // no code in the package: the uid
  const DataSet* monthly = ByUid(m.data_sets, "VEM58nY22sO");
  ASSERT_NE(monthly, nullptr);
  EXPECT_EQ(monthly->period_type, "Monthly");
  EXPECT_EQ(monthly->data_element_uids.size(), 66u);
  EXPECT_EQ(monthly->org_unit_uids.size(), 4u);
  const Indicator* rdt = ByUid(m.indicators, "K1DkT2kokjD");
  ASSERT_NE(rdt, nullptr);
  EXPECT_EQ(rdt->numerator, "#{pmRn0GsUfr6}");
  EXPECT_EQ(rdt->denominator, "#{DPNsg3wjxGm}+#{pmRn0GsUfr6}");
  EXPECT_EQ(rdt->factor, 100);
  // The defaults keep DHIS2's uids and solieu's names.
  const CategoryOptionCombo* default_coc =
      ByUid(m.category_option_combos, DefaultCategoryOptionComboUid());
  ASSERT_NE(default_coc, nullptr);
  EXPECT_EQ(default_coc->name_vi, "mặc định");
}

TEST_F(Dhis2MetadataTest, ImportingAgainChangesNothing) {
  LoadE2eMetadata();
  std::string before = Fingerprint();
  MetadataImportResult again =
      ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/metadata.json").string(), {}, false);
  for (const auto& [collection, changes] : again.changes) {
    EXPECT_EQ(changes.created, 0) << collection;
    EXPECT_EQ(changes.updated, 0) << collection;
  }
  EXPECT_EQ(again.changes.at("dataElements").unchanged, 75);
  MetadataImportResult setup =
      ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/setup_metadata.json").string(), {}, false);
  EXPECT_EQ(setup.changes.at("organisationUnits").unchanged, 5);
}

TEST_F(Dhis2MetadataTest, TranslationsLevelsAndTypes) {
  MetadataImportResult r = ImportMetadataText(R"({
    "organisationUnits": [
      {"id": "VnNation001", "name": "Viet Nam", "level": 1},
      {"id": "DienBien001", "code": "11", "name": "Dien Bien", "level": 2,
       "parent": {"id": "VnNation001"},
       "translations": [{"property": "NAME", "locale": "vi", "value": "Tỉnh Điện Biên"}]},
      {"id": "Hospital001", "name": "Dien Bien Provincial Hospital", "parent": {"id": "DienBien001"},
       "path": "/VnNation001/DienBien001/Hospital001"}
    ],
    "dataElements": [
      {"id": "Positive001", "name": "Positive", "valueType": "INTEGER_POSITIVE",
       "aggregationType": "LAST_AVERAGE_ORG_UNIT", "domainType": "AGGREGATE"},
      {"id": "FileDe00001", "name": "A file", "valueType": "FILE_RESOURCE"},
      {"id": "NoComboDe01", "name": "Bad combo", "categoryCombo": {"id": "MissingCmb1"}}
    ],
    "constants": [{"id": "Constant001", "name": "Pi", "value": 3.14}],
    "somethingNew": [{"id": "x"}]
  })");
  MetadataSnapshot m = store_->LoadMetadata();
  const OrgUnit* dien_bien = ByUid(m.org_units, "DienBien001");
  ASSERT_NE(dien_bien, nullptr);
  EXPECT_EQ(dien_bien->name_vi, "Tỉnh Điện Biên");
  EXPECT_EQ(dien_bien->name_en, "Dien Bien");
  EXPECT_EQ(dien_bien->level, OrgLevel::kDistrict);  // level 2 with the default province level 1
  const OrgUnit* hospital = ByUid(m.org_units, "Hospital001");
  ASSERT_NE(hospital, nullptr);
  EXPECT_EQ(hospital->level, OrgLevel::kCommune);  // depth 3 from the path
  EXPECT_EQ(hospital->code, "Hospital001");
  const DataElement* positive = ByUid(m.data_elements, "Positive001");
  ASSERT_NE(positive, nullptr);
  EXPECT_EQ(positive->value_type, ValueType::kIntegerZeroOrPositive);
  EXPECT_EQ(positive->aggregation_type, AggregationType::kLast);
  EXPECT_EQ(ByUid(m.data_elements, "FileDe00001"), nullptr);
  EXPECT_EQ(ByUid(m.data_elements, "NoComboDe01"), nullptr);
  EXPECT_EQ(r.package.skipped.at("dataElements"), 2);
  EXPECT_EQ(r.package.unsupported.at("somethingNew"), 1);
  ASSERT_NE(ByUid(m.constants, "Constant001"), nullptr);
  EXPECT_DOUBLE_EQ(ByUid(m.constants, "Constant001")->value, 3.14);
  EXPECT_GE(r.package.notes.size(), 3u);

  // With the province at DHIS2 level 2, the nation above it is taken as a province too, and
  // level 5 is a facility.
  Dhis2MetadataOptions options;
  options.province_level = 2;
  auto fresh = Store::Open((dir_ / "second.db").string());
  ImportDhis2MetadataText(*fresh, R"({"organisationUnits": [
      {"id": "VnNation001", "name": "Viet Nam", "level": 1},
      {"id": "DienBien001", "name": "Dien Bien", "level": 2, "parent": {"id": "VnNation001"}},
      {"id": "Facility001", "name": "Muong Phang Health Station", "level": 5,
       "parent": {"id": "DienBien001"}}]})",
                          "p.json", options, false);
  MetadataSnapshot second = fresh->LoadMetadata();
  EXPECT_EQ(ByUid(second.org_units, "VnNation001")->level, OrgLevel::kProvince);
  EXPECT_EQ(ByUid(second.org_units, "DienBien001")->level, OrgLevel::kProvince);
  EXPECT_EQ(ByUid(second.org_units, "Facility001")->level, OrgLevel::kFacility);
  EXPECT_EQ(ByUid(second.org_units, "Facility001")->facility_type, "tyt");
}

TEST_F(Dhis2MetadataTest, ACodeHeldByAnotherObjectIsReplacedByTheUid) {
  ImportMetadataText(
      R"({"constants": [{"id": "ConstantAAA", "code": "K", "name": "A", "value": 1}]})");
  MetadataImportResult r = ImportMetadataText(
      R"({"constants": [{"id": "ConstantBBB", "code": "K", "name": "B", "value": 2}]})");
  MetadataSnapshot m = store_->LoadMetadata();
  EXPECT_EQ(ByUid(m.constants, "ConstantAAA")->code, "K");
  EXPECT_EQ(ByUid(m.constants, "ConstantBBB")->code, "ConstantBBB");
  ASSERT_FALSE(r.package.notes.empty());
  EXPECT_NE(r.package.notes[0].en.find("code already held"), std::string::npos);
}

TEST_F(Dhis2MetadataTest, BadPackagesFailCleanlyAndStoreNothing) {
  LoadE2eMetadata();
  std::string before = Fingerprint();
  auto fails = [&](const std::string& text, const std::string& code) {
    try {
      ImportMetadataText(text);
      ADD_FAILURE() << "no error for " << text.substr(0, 100);
    } catch (const UserError& e) {
      EXPECT_EQ(e.code(), code) << e.what();
    }
    EXPECT_EQ(Fingerprint(), before);
  };
  fails("{\"organisationUnits\": [", "exchange.metadata_json");
  fails("[]", "exchange.metadata_shape");
  fails(std::string("{\"x\": \"\xC3\x28\"}"), "exchange.metadata_json");
  fails("{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}", "exchange.metadata_json");
  // A second unit with Bo's code, open at the same time: the tree would contradict itself.
  fails(R"({"organisationUnits": [{"id": "AnotherBo01", "code": "OU_264", "name": "Bo 2"}]})",
        "org.code_overlap");
  // Wrong types inside a well-formed package are skipped, not fatal.
  MetadataImportResult odd = ImportMetadataText(
      R"({"dataElements": [5, "x", {"name": "no id"}], "organisationUnits": {"id": "x"}})");
  EXPECT_EQ(odd.package.skipped.at("dataElements"), 1);
}

}  // namespace
}  // namespace solieu
