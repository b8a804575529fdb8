// Aggregation over the real Điện Biên structure: sums over the tree and over time, each
// aggregation type, and the two views of the 2025 reform.
#include "engine/aggregator.h"

#include <gtest/gtest.h>

#include "dien_bien_fixture.h"

namespace solieu {
namespace {

class AggregatorTest : public DienBienTest {
 protected:
  AggregatorTest() : table_(folder_->metadata, *hierarchy_) {}

  const DataElement& ElementOf(AggregationType type, bool default_combo = true) const {
    for (const auto& d : folder_->metadata.data_elements) {
      if (d.aggregation_type == type && d.value_type != ValueType::kText &&
          (!default_combo || d.category_combo_uid == DefaultCategoryComboUid())) {
        return d;
      }
    }
    throw std::runtime_error("the configuration has no such element");
  }

  // The option combos of a disaggregated element, in the configuration's order.
  std::vector<std::string> OptionCombosOf(const DataElement& element) const {
    std::vector<std::string> out;
    for (const auto& c : folder_->metadata.category_option_combos) {
      if (c.combo_uid == element.category_combo_uid) out.push_back(c.uid);
    }
    return out;
  }

  void Put(const DataElement& element, const std::string& unit_code, const Period& period,
           double value, const std::string& option_combo_uid = DefaultCategoryOptionComboUid()) {
    DataValueWrite w;
    w.key = {element.uid, period.Id(), hierarchy_->FindByCode(unit_code, period.start())->uid,
             option_combo_uid, DefaultCategoryOptionComboUid()};
    w.period_start = period.start();
    w.period_end = period.end();
    w.value = std::to_string(value);
    table_.Apply({w});
  }

  std::optional<double> Value(const DataElement& element, const Period& period, int unit,
                              Structure structure, Date structure_date = Date(2026, 1, 1)) {
    OrgView view(*hierarchy_, structure, structure_date);
    AggregateRequest request{{{table_.ElementIndex(element.uid)}}, {period}, {unit}};
    return Aggregate(table_, view, request).At(0, 0, 0);
  }

  ValueTable table_;
};

const Date kBefore(2024, 6, 1);
const Date kAfter(2025, 8, 1);

// The acceptance case: Nà Nhạn (03317) was merged into the new Xã Mường Phăng (03325).
TEST_F(AggregatorTest, OldCommuneValueFollowsTheViewOfHistory) {
  const DataElement& element = ElementOf(AggregationType::kSum);
  Put(element, "03317", Period::Month(2024, 3), 12);
  int new_commune = Unit("03325", kAfter);
  int old_district = Unit("094", kBefore);  // TP. Điện Biên Phủ
  int province = Unit("11", kAfter);
  Period year = Period::Year(2024);
  EXPECT_EQ(Value(element, year, new_commune, Structure::kOnDate), 12);
  EXPECT_EQ(Value(element, year, old_district, Structure::kOnDate), std::nullopt);
  EXPECT_EQ(Value(element, year, old_district, Structure::kAsItWas), 12);
  EXPECT_EQ(Value(element, year, new_commune, Structure::kAsItWas), std::nullopt);
  EXPECT_EQ(Value(element, year, province, Structure::kAsItWas), 12);
  EXPECT_EQ(Value(element, year, province, Structure::kOnDate), 12);
  // On the structure of a date before the reform, the old commune is itself.
  EXPECT_EQ(Value(element, year, Unit("03317", kBefore), Structure::kOnDate, kBefore), 12);
}

TEST_F(AggregatorTest, MergedCommunesAddUpAndFacilitiesRollIntoTheirCommune) {
  const DataElement& element = ElementOf(AggregationType::kSum);
  Put(element, "03317", Period::Month(2024, 1), 5);
  Put(element, "03325", Period::Month(2024, 2), 7);  // the old Mường Phăng
  Put(element, "03326", Period::Month(2024, 3), 11);
  Put(element, "TYT03326", Period::Month(2024, 3), 2);  // its health station, below it
  Put(element, "03325", Period::Month(2025, 8), 100);   // the new Mường Phăng
  int new_commune = Unit("03325", kAfter);
  EXPECT_EQ(Value(element, Period::Quarter(2024, 1), new_commune, Structure::kOnDate), 25);
  EXPECT_EQ(Value(element, Period::Year(2025), new_commune, Structure::kOnDate), 100);
  EXPECT_EQ(Value(element, Period::MultiYear(2024, 2025), new_commune, Structure::kOnDate), 125);
  EXPECT_EQ(Value(element, Period::Quarter(2024, 1), Unit("03326", kBefore), Structure::kAsItWas),
            13);
  // A quarter does not contain a yearly value, and a month does not split a quarter.
  EXPECT_EQ(Value(element, Period::Month(2024, 4), new_commune, Structure::kOnDate), std::nullopt);
}

TEST_F(AggregatorTest, LastTakesEachUnitsLatestValueThenSumsUnits) {
  const DataElement& element = ElementOf(AggregationType::kLast);
  Put(element, "03317", Period::Month(2024, 1), 10);
  Put(element, "03317", Period::Month(2024, 3), 14);
  Put(element, "03326", Period::Month(2024, 2), 6);
  int new_commune = Unit("03325", kAfter);
  EXPECT_EQ(Value(element, Period::Quarter(2024, 1), new_commune, Structure::kOnDate), 20);
  EXPECT_EQ(Value(element, Period::Month(2024, 1), new_commune, Structure::kOnDate), 10);
}

TEST_F(AggregatorTest, LastPrefersTheLongerPeriodWhenTwoEndTogether) {
  const DataElement& element = ElementOf(AggregationType::kLast);
  Put(element, "03317", Period::Quarter(2024, 4), 9);
  Put(element, "03317", Period::Year(2024), 11);
  Put(element, "03317", Period::Month(2024, 11), 3);
  int new_commune = Unit("03325", kAfter);
  EXPECT_EQ(Value(element, Period::Year(2024), new_commune, Structure::kOnDate), 11);
  EXPECT_EQ(Value(element, Period::Quarter(2024, 4), new_commune, Structure::kOnDate), 9);
}

// A pivot asks for an element's total beside each of its option combos, interleaved with other
// elements; every item gets its own figure.
TEST_F(AggregatorTest, EachOptionComboOfAPivotGetsItsOwnFigureBesideTheTotal) {
  const DataElement* disaggregated = nullptr;
  for (const auto& d : folder_->metadata.data_elements) {
    if (d.aggregation_type == AggregationType::kSum && d.value_type != ValueType::kText &&
        OptionCombosOf(d).size() >= 2) {
      disaggregated = &d;
      break;
    }
  }
  ASSERT_NE(disaggregated, nullptr) << "the configuration has no disaggregated element";
  const std::vector<std::string> combos = OptionCombosOf(*disaggregated);
  const DataElement& last = ElementOf(AggregationType::kLast);
  Put(*disaggregated, "03317", Period::Month(2024, 1), 3, combos[0]);
  Put(*disaggregated, "03326", Period::Month(2024, 2), 4, combos[0]);
  Put(*disaggregated, "03317", Period::Month(2024, 2), 10, combos[1]);
  Put(last, "03317", Period::Month(2024, 1), 50);
  Put(last, "03317", Period::Month(2024, 3), 70);

  const int element = table_.ElementIndex(disaggregated->uid);
  const int first = table_.OptionComboIndex(combos[0]);
  const int second = table_.OptionComboIndex(combos[1]);
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  const int new_commune = Unit("03325", kAfter);
  const int province = Unit("11", kAfter);
  OrgView view(*hierarchy_, Structure::kOnDate, Date(2026, 1, 1));
  AggregateRequest request{{{element, second},
                            {table_.ElementIndex(last.uid)},
                            {element},
                            {element, first},
                            {element, second}},
                           {Period::Month(2024, 1), Period::Quarter(2024, 1)},
                           {new_commune, province}};
  AggregateResult result = Aggregate(table_, view, request);
  for (int u = 0; u < 2; ++u) {
    EXPECT_EQ(result.At(0, 0, u), std::nullopt);  // nothing of the second combo in January
    EXPECT_EQ(result.At(0, 1, u), 10);
    EXPECT_EQ(result.At(1, 0, u), 50);
    EXPECT_EQ(result.At(1, 1, u), 70);
    EXPECT_EQ(result.At(2, 0, u), 3);
    EXPECT_EQ(result.At(2, 1, u), 17);
    EXPECT_EQ(result.At(3, 0, u), 3);
    EXPECT_EQ(result.At(3, 1, u), 7);
    EXPECT_EQ(result.At(4, 1, u), 10);
  }
}

TEST_F(AggregatorTest, ReplacingAndDeletingAValueUpdatesTheTotals) {
  const DataElement& element = ElementOf(AggregationType::kSum);
  Put(element, "03317", Period::Month(2024, 1), 5);
  Put(element, "03317", Period::Month(2024, 1), 8);
  int province = Unit("11", kAfter);
  EXPECT_EQ(Value(element, Period::Year(2024), province, Structure::kOnDate), 8);
  DataValueWrite remove;
  remove.key = {element.uid, "202401", hierarchy_->FindByCode("03317", kBefore)->uid,
                DefaultCategoryOptionComboUid(), DefaultCategoryOptionComboUid()};
  remove.period_start = Date(2024, 1, 1);
  remove.period_end = Date(2024, 1, 31);
  table_.Apply({remove});
  EXPECT_EQ(Value(element, Period::Year(2024), province, Structure::kOnDate), std::nullopt);
  EXPECT_EQ(table_.size(), 0u);
}

}  // namespace
}  // namespace solieu
