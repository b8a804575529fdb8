#include "core/org_hierarchy.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace solieu {
namespace {

const Date kReform(2025, 7, 1);

OrgUnit Unit(std::string uid, std::string code, OrgLevel level, std::optional<Date> opened,
             std::optional<Date> closed) {
  OrgUnit u;
  u.uid = std::move(uid);
  u.code = std::move(code);
  u.name_vi = u.code;
  u.name_en = u.code;
  u.level = level;
  u.validity = {opened, closed};
  return u;
}

// A province with one district (closed at the reform) holding two communes that merge into one
// new commune which reuses the first commune's code, and a health centre moved up a level.
class OrgHierarchyTest : public ::testing::Test {
 protected:
  OrgHierarchyTest()
      : hierarchy_({Unit("P", "11", OrgLevel::kProvince, std::nullopt, std::nullopt),
                    Unit("D", "094", OrgLevel::kDistrict, std::nullopt, kReform),
                    Unit("A", "03325", OrgLevel::kCommune, std::nullopt, kReform),
                    Unit("B", "03326", OrgLevel::kCommune, std::nullopt, kReform),
                    Unit("N", "03325", OrgLevel::kCommune, kReform, std::nullopt),
                    Unit("T", "TTYT094", OrgLevel::kFacility, std::nullopt, std::nullopt)},
                   {{"D", "P", {std::nullopt, kReform}},
                    {"A", "D", {std::nullopt, kReform}},
                    {"B", "D", {std::nullopt, kReform}},
                    {"N", "P", {kReform, std::nullopt}},
                    {"T", "D", {std::nullopt, kReform}},
                    {"T", "P", {kReform, std::nullopt}}},
                   {{kReform, OrgEventKind::kMerge, "A", "N", 1.0},
                    {kReform, OrgEventKind::kMerge, "B", "N", 1.0}}) {}

  OrgHierarchy hierarchy_;
};

TEST_F(OrgHierarchyTest, ReusedCodeResolvesByDate) {
  EXPECT_EQ(hierarchy_.FindByCode("03325", Date(2025, 6, 30))->uid, "A");
  EXPECT_EQ(hierarchy_.FindByCode("03325", kReform)->uid, "N");
  EXPECT_EQ(hierarchy_.FindByCode("03326", kReform), nullptr);
  EXPECT_EQ(hierarchy_.FindLatestByCode("03325")->uid, "N");
}

TEST_F(OrgHierarchyTest, TreeAsOfADateFollowsParentLinks) {
  auto before = hierarchy_.TreeAsOf(Date(2025, 6, 30));
  ASSERT_EQ(before.size(), 5u);  // P, D, A, B, T
  EXPECT_EQ(before[0]->uid, "P");
  EXPECT_EQ(before[1]->uid, "D");
  auto after = hierarchy_.TreeAsOf(kReform);
  ASSERT_EQ(after.size(), 3u);  // P, N, T
  EXPECT_EQ(hierarchy_.ParentOf(*hierarchy_.FindByUid("T"), Date(2025, 6, 30))->uid, "D");
  EXPECT_EQ(hierarchy_.ParentOf(*hierarchy_.FindByUid("T"), kReform)->uid, "P");
}

TEST_F(OrgHierarchyTest, DescendantsOnlyIncludeUnitsOpenThatDay) {
  const OrgUnit& province = *hierarchy_.FindByUid("P");
  EXPECT_EQ(hierarchy_.DescendantsOf(province, Date(2024, 1, 1)).size(), 4u);
  EXPECT_EQ(hierarchy_.DescendantsOf(province, kReform).size(), 2u);
  EXPECT_TRUE(hierarchy_.ChildrenOf(*hierarchy_.FindByUid("D"), kReform).empty());
}

TEST_F(OrgHierarchyTest, SuccessorsAndPredecessors) {
  auto successors = hierarchy_.SuccessorsOf(*hierarchy_.FindByUid("B"));
  ASSERT_EQ(successors.size(), 1u);
  EXPECT_EQ(successors[0].unit->uid, "N");
  EXPECT_EQ(successors[0].date, kReform);
  auto predecessors = hierarchy_.PredecessorsOf(*hierarchy_.FindByUid("N"));
  ASSERT_EQ(predecessors.size(), 2u);
  EXPECT_EQ(predecessors[0].unit->uid, "A");
  EXPECT_EQ(predecessors[1].unit->uid, "B");
}

TEST(OrgHierarchyValidationTest, OneCodeForTwoUnitsOnOneDayIsRejected) {
  EXPECT_THROW(OrgHierarchy({Unit("A", "1", OrgLevel::kCommune, std::nullopt, kReform),
                             Unit("B", "1", OrgLevel::kCommune, Date(2025, 6, 1), std::nullopt)},
                            {}, {}),
               UserError);
}

TEST(OrgHierarchyValidationTest, ParentClosedBeforeChildIsRejected) {
  try {
    OrgHierarchy({Unit("D", "094", OrgLevel::kDistrict, std::nullopt, kReform),
                  Unit("C", "1", OrgLevel::kCommune, std::nullopt, std::nullopt)},
                 {{"C", "D", {std::nullopt, std::nullopt}}}, {});
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "org.parent_not_open");
  }
}

TEST(OrgHierarchyValidationTest, CycleIsRejected) {
  EXPECT_THROW(OrgHierarchy({Unit("A", "1", OrgLevel::kCommune, std::nullopt, std::nullopt),
                             Unit("B", "2", OrgLevel::kCommune, std::nullopt, std::nullopt)},
                            {{"A", "B", {}}, {"B", "A", {}}}, {}),
               UserError);
}

TEST(OrgHierarchyValidationTest, EventMustJoinUnitsAcrossItsDate) {
  try {
    OrgHierarchy({Unit("A", "1", OrgLevel::kCommune, std::nullopt, Date(2025, 1, 1)),
                  Unit("N", "2", OrgLevel::kCommune, kReform, std::nullopt)},
                 {}, {{kReform, OrgEventKind::kMerge, "A", "N", 1.0}});
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "org.event_dates");
  }
}

TEST(OrgHierarchyValidationTest, SplitSharesOverOneAreRejected) {
  EXPECT_THROW(OrgHierarchy({Unit("A", "1", OrgLevel::kCommune, std::nullopt, kReform),
                             Unit("X", "2", OrgLevel::kCommune, kReform, std::nullopt),
                             Unit("Y", "3", OrgLevel::kCommune, kReform, std::nullopt)},
                            {},
                            {{kReform, OrgEventKind::kSplit, "A", "X", 0.7},
                             {kReform, OrgEventKind::kSplit, "A", "Y", 0.6}}),
               UserError);
}

}  // namespace
}  // namespace solieu
