// The two ways a view on a date's structure gets its units: resolved one by one as a query meets
// them, or all at once (OrgView::ResolveAll), as Analytics shares them between queries.
#include "engine/org_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "dien_bien_fixture.h"

namespace solieu {
namespace {

using OrgViewTest = DienBienTest;

void ExpectSame(const std::vector<Contribution>& a, const std::vector<Contribution>& b,
                size_t unit) {
  ASSERT_EQ(a.size(), b.size()) << "unit " << unit;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].unit, b[i].unit) << "unit " << unit;
    EXPECT_DOUBLE_EQ(a[i].share, b[i].share) << "unit " << unit;
  }
}

TEST_F(OrgViewTest, EveryUnitResolvedAtOnceCountsTowardsWhatItCountsTowardsOneByOne) {
  // Before the 2025 reform (districts) and after it (merged communes).
  for (Date day : {Date(2024, 6, 1), Date(2026, 1, 1)}) {
    OrgView lazy(*hierarchy_, Structure::kOnDate, day);
    OrgView shared(*hierarchy_, day, OrgView::ResolveAll(*hierarchy_, day));
    for (size_t unit = 0; unit < hierarchy_->size(); ++unit) {
      const int u = static_cast<int>(unit);
      ExpectSame(shared.ContributionsOf(u, day), lazy.ContributionsOf(u, day), unit);
    }
  }
  // Nà Nhạn (03317) was merged into the new Mường Phăng (03325): on 2026's structure its values
  // go there and up to the province, not to its old district.
  OrgView today(*hierarchy_, Date(2026, 1, 1), OrgView::ResolveAll(*hierarchy_, Date(2026, 1, 1)));
  std::vector<int> towards;
  for (const Contribution& c : today.ContributionsOf(Unit("03317", Date(2024, 6, 1)), {})) {
    towards.push_back(c.unit);
  }
  EXPECT_NE(std::find(towards.begin(), towards.end(), Unit("03325", Date(2026, 1, 1))),
            towards.end());
  EXPECT_NE(std::find(towards.begin(), towards.end(), Unit("11", Date(2026, 1, 1))), towards.end());
  EXPECT_EQ(std::find(towards.begin(), towards.end(), Unit("094", Date(2024, 6, 1))),
            towards.end());
}

}  // namespace
}  // namespace solieu
