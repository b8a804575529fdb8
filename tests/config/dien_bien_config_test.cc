// The Điện Biên configuration folder as the department relies on it: the real 129 -> 45 reform,
// and a metadata object for every figure of the seeds' tables.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "config/config_loader.h"
#include "core/csv_reader.h"
#include "core/org_hierarchy.h"

namespace solieu {
namespace {

const std::string kConfig = std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien";
const Date kLastDayBefore(2025, 6, 30);
const Date kReform(2025, 7, 1);

class DienBienConfigTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new ConfigFolder(LoadConfigFolder(kConfig));
    const MetadataSnapshot& m = folder_->metadata;
    hierarchy_ = new OrgHierarchy(m.org_units, m.parent_links, m.org_events);
  }
  static void TearDownTestSuite() {
    delete hierarchy_;
    delete folder_;
  }

  static int Count(const std::vector<const OrgUnit*>& units, OrgLevel level) {
    int n = 0;
    for (const OrgUnit* u : units) n += u->level == level;
    return n;
  }

  static ConfigFolder* folder_;
  static OrgHierarchy* hierarchy_;
};

ConfigFolder* DienBienConfigTest::folder_ = nullptr;
OrgHierarchy* DienBienConfigTest::hierarchy_ = nullptr;

TEST_F(DienBienConfigTest, TreeBeforeTheReformHasTenDistrictsAnd129Communes) {
  auto tree = hierarchy_->TreeAsOf(kLastDayBefore);
  EXPECT_EQ(Count(tree, OrgLevel::kProvince), 1);
  EXPECT_EQ(Count(tree, OrgLevel::kDistrict), 10);
  EXPECT_EQ(Count(tree, OrgLevel::kCommune), 129);
  EXPECT_EQ(tree.front()->code, "11");
}

TEST_F(DienBienConfigTest, TreeFromTheReformHas45CommunesAndNoDistricts) {
  auto tree = hierarchy_->TreeAsOf(kReform);
  EXPECT_EQ(Count(tree, OrgLevel::kDistrict), 0);
  EXPECT_EQ(Count(tree, OrgLevel::kCommune), 45);
  for (const OrgUnit* u : tree) {
    if (u->level == OrgLevel::kCommune) {
      EXPECT_EQ(hierarchy_->ParentOf(*u, kReform)->code, "11") << u->code;
    }
  }
}

TEST_F(DienBienConfigTest, DistrictDienBienPhuHas12CommunesThenCloses) {
  const OrgUnit* district = hierarchy_->FindByCode("094", Date(2025, 6, 1));
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->name_vi, "Thành phố Điện Biên Phủ");
  auto below = hierarchy_->ChildrenOf(*district, Date(2025, 6, 1));
  EXPECT_EQ(Count(below, OrgLevel::kCommune), 12);
  EXPECT_EQ(district->validity.to, kReform);
  EXPECT_EQ(hierarchy_->FindByCode("094", kReform), nullptr);
}

TEST_F(DienBienConfigTest, NewMuongPhangHasItsThreePredecessors) {
  const OrgUnit* merged = hierarchy_->FindByCode("03325", kReform);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->name_vi, "Xã Mường Phăng");
  auto predecessors = hierarchy_->PredecessorsOf(*merged);
  std::set<std::string> codes;
  for (const auto& p : predecessors) {
    EXPECT_EQ(p.kind, OrgEventKind::kMerge);
    EXPECT_EQ(p.date, kReform);
    EXPECT_EQ(p.unit->level, OrgLevel::kCommune);
    codes.insert(p.unit->code);
  }
  EXPECT_EQ(codes, (std::set<std::string>{"03317", "03325", "03326"}));
}

TEST_F(DienBienConfigTest, ReusedCode03325ResolvesToTheRightUnitOnAnyDate) {
  const OrgUnit* old_unit = hierarchy_->FindByCode("03325", Date(2021, 3, 15));
  const OrgUnit* new_unit = hierarchy_->FindByCode("03325", Date(2026, 1, 1));
  ASSERT_NE(old_unit, nullptr);
  ASSERT_NE(new_unit, nullptr);
  EXPECT_NE(old_unit->uid, new_unit->uid);
  EXPECT_EQ(old_unit, hierarchy_->FindByCode("03325", kLastDayBefore));
  EXPECT_EQ(new_unit, hierarchy_->FindByCode("03325", kReform));
  EXPECT_EQ(hierarchy_->ParentOf(*old_unit, kLastDayBefore)->code, "094");
  auto successors = hierarchy_->SuccessorsOf(*old_unit);
  ASSERT_EQ(successors.size(), 1u);
  EXPECT_EQ(successors[0].unit, new_unit);
}

TEST_F(DienBienConfigTest, EveryOldCommuneHasExactlyOneSuccessor) {
  int old_communes = 0;
  for (const OrgUnit* u : hierarchy_->TreeAsOf(kLastDayBefore)) {
    if (u->level != OrgLevel::kCommune) continue;
    ++old_communes;
    auto successors = hierarchy_->SuccessorsOf(*u);
    ASSERT_EQ(successors.size(), 1u) << u->code;
    EXPECT_TRUE(successors[0].unit->validity.Contains(kReform)) << u->code;
  }
  EXPECT_EQ(old_communes, 129);
}

// demo/dien-bien/seed_map.csv names the object that carries every figure of the seeds' tables.
TEST_F(DienBienConfigTest, EveryFigureOfTheSeedTablesHasAnObjectWithItsUnit) {
  std::map<std::string, std::string> unit_by_code;
  std::map<std::string, std::string> kind_by_code;
  for (const auto& i : folder_->metadata.indicators) {
    unit_by_code[i.code] = i.unit_vi;
    kind_by_code[i.code] = "indicator";
  }
  for (const auto& d : folder_->metadata.data_elements) {
    unit_by_code.emplace(d.code, d.unit_vi);
    kind_by_code.emplace(d.code, "data_element");
  }
  auto normalise = [](std::string unit) {
    for (size_t pos; (pos = unit.find("%o")) != std::string::npos;) unit.replace(pos, 2, "‰");
    std::string out;
    for (char c : unit) {
      if (c == ' ') continue;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    // Case-fold the Vietnamese capitals the units use.
    for (auto [upper, lower] :
         {std::pair<std::string, std::string>{"Đ", "đ"}, {"Ư", "ư"}, {"Ơ", "ơ"}}) {
      for (size_t pos; (pos = out.find(upper)) != std::string::npos;)
        out.replace(pos, upper.size(), lower);
    }
    return out;
  };
  const std::string seed_data = std::string(SOLIEU_SHARED_DIR) + "/seed-data/";
  std::map<std::string, int> mapped_rows;
  CsvTable map(std::string(SOLIEU_SOURCE_DIR) + "/demo/dien-bien/seed_map.csv",
               {"source", "row", "code", "kind"}, {});
  std::map<std::pair<std::string, int>, std::pair<std::string, std::string>> entries;
  while (map.Next()) {
    entries[{map.Get("source"), std::stoi(map.Get("row"))}] = {map.Get("code"), map.Get("note")};
    if (map.Get("kind") == "none") continue;
    ASSERT_TRUE(unit_by_code.count(map.Get("code")))
        << map.Where("code") << ": no indicator or data element '" << map.Get("code") << "'";
    EXPECT_EQ(kind_by_code[map.Get("code")], map.Get("kind")) << map.Where("kind");
  }
  for (const std::string source :
       {"targets_2025_table11", "annex01_2021_2025", "annex02_plan_2026_2030", "diseases_2021_feb",
        "program_results_2021q1", "program_results_2025"}) {
    CsvTable table(seed_data + source + ".csv", {}, {});
    int row = 0;
    while (table.Next()) {
      ++row;
      auto it = entries.find({source, row});
      ASSERT_NE(it, entries.end()) << source << " row " << row << " is not mapped";
      const auto& [code, note] = it->second;
      std::string seed_unit = table.Get("unit_vi");
      if (!table.Has("unit_vi") || seed_unit.empty() || code.empty()) continue;
      if (note.rfind("unit:", 0) == 0) continue;  // a documented difference
      EXPECT_EQ(normalise(unit_by_code[code]), normalise(seed_unit))
          << source << " row " << row << " ("
          << table.Get(table.Has("indicator_vi") ? "indicator_vi" : "measure_vi") << ") -> "
          << code;
    }
    mapped_rows[source] = row;
  }
  EXPECT_EQ(mapped_rows["targets_2025_table11"], 22);
  EXPECT_EQ(mapped_rows["annex01_2021_2025"], 29);
  EXPECT_EQ(mapped_rows["diseases_2021_feb"], 31);
}

TEST_F(DienBienConfigTest, ThirtyOneNotifiableDiseasesWithIcd10AndCasesDeaths) {
  const auto& m = folder_->metadata;
  EXPECT_EQ(m.diseases.size(), 31u);
  std::map<std::string, const DataElement*> elements;
  for (const auto& d : m.data_elements) elements[d.uid] = &d;
  for (const auto& d : m.diseases) {
    EXPECT_FALSE(d.icd10.empty()) << d.code;
    ASSERT_TRUE(elements.count(d.data_element_uid)) << d.code;
    int option_combos = 0;
    for (const auto& coc : m.category_option_combos) {
      option_combos += coc.combo_uid == elements[d.data_element_uid]->category_combo_uid;
    }
    EXPECT_EQ(option_combos, 2) << d.code << ": cases and deaths";
  }
}

}  // namespace
}  // namespace solieu
