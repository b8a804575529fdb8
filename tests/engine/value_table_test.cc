// The compact value table: values read back exactly whatever their form, replace and erase in
// place or in the overlay, merges that keep every value, and aggregates that match a plain sum
// over what was written, on the real Điện Biên structure.
#include "engine/value_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <tuple>

#include "core/error.h"
#include "dien_bien_fixture.h"
#include "engine/aggregator.h"

namespace solieu {
namespace {

class ValueTableTest : public DienBienTest {
 protected:
  ValueTableTest() : table_(folder_->metadata, *hierarchy_) {}

  const DataElement& SumElement(ValueType type = ValueType::kNumber) const {
    for (const auto& d : folder_->metadata.data_elements) {
      if (d.aggregation_type == AggregationType::kSum && d.value_type == type &&
          d.category_combo_uid == DefaultCategoryComboUid()) {
        return d;
      }
    }
    throw std::runtime_error("the configuration has no such element");
  }

  static DataValueWrite Write(const DataElement& element, const OrgUnit& unit, const Period& period,
                              std::optional<std::string> value,
                              const std::string& coc = DefaultCategoryOptionComboUid(),
                              const std::string& aoc = DefaultCategoryOptionComboUid()) {
    DataValueWrite w;
    w.key = {element.uid, period.Id(), unit.uid, coc, aoc};
    w.period_start = period.start();
    w.period_end = period.end();
    w.value = std::move(value);
    return w;
  }

  // Every record of an element as (unit, period start, period end, coc, aoc) -> value.
  using Contents = std::map<std::tuple<int, int, int, int, int>, double>;
  Contents ContentsOf(const DataElement& element) const {
    Contents out;
    table_.ForEach(table_.ElementIndex(element.uid), [&](const ValueRecord& r) {
      const PeriodSpan& span = table_.PeriodAt(r.period);
      auto [it, inserted] = out.emplace(
          std::make_tuple(r.unit, span.start, span.end, r.option_combo, r.attribute_combo),
          r.value);
      EXPECT_TRUE(inserted) << "a key held twice";
    });
    return out;
  }

  // The health stations open today.
  std::vector<const OrgUnit*> Facilities() const {
    std::vector<const OrgUnit*> out;
    for (const OrgUnit& u : hierarchy_->units()) {
      // Open on the structure date the totals are taken on, so each is its own total.
      if (u.code.rfind("TYT", 0) == 0 && u.validity.Contains(Date(2026, 1, 1))) {
        out.push_back(&u);
      }
    }
    return out;
  }

  int IndexOf(const OrgUnit& unit) const {
    return static_cast<int>(&unit - hierarchy_->units().data());
  }

  std::optional<double> Total(const DataElement& element, const Period& period, int unit) {
    OrgView view(*hierarchy_, Structure::kOnDate, Date(2026, 1, 1));
    AggregateRequest request{{{table_.ElementIndex(element.uid)}}, {period}, {unit}};
    return Aggregate(table_, view, request).At(0, 0, 0);
  }

  ValueTable table_;
};

TEST_F(ValueTableTest, ValuesThatAreNotSmallIntegersReadBackExactly) {
  const DataElement& element = SumElement();
  const std::vector<std::string> texts = {
      "65.7",  "0.1",           "1e-9",       "-3",          "-2.5",        "1099511627776",
      "-0.0",  "2147483647",    "2147483648", "-1073741824", "-1073741825", "12",
      "1e300", "-1099511627776"};
  auto facilities = Facilities();
  ASSERT_GE(facilities.size(), texts.size());
  std::vector<DataValueWrite> writes;
  for (size_t i = 0; i < texts.size(); ++i) {
    writes.push_back(Write(element, *facilities[i], Period::Month(2024, 3), texts[i]));
  }
  table_.Apply(writes);
  ASSERT_EQ(table_.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const double expected = std::stod(texts[i]);
    int seen = 0;
    table_.ForEachOfUnit(table_.ElementIndex(element.uid), IndexOf(*facilities[i]),
                         [&](const ValueRecord& r) {
                           ++seen;
                           EXPECT_EQ(r.value, expected) << texts[i];
                           EXPECT_EQ(std::signbit(r.value), std::signbit(expected)) << texts[i];
                         });
    EXPECT_EQ(seen, 1) << texts[i];
    // Aggregated alone, a value is itself: 65.7 stays 65.7, not the float nearest to it.
    EXPECT_EQ(Total(element, Period::Year(2024), IndexOf(*facilities[i])), expected) << texts[i];
  }
}

TEST_F(ValueTableTest, ReplaceAndEraseWorkInTheSortedRecordsAndInTheOverlay) {
  const DataElement& element = SumElement();
  const OrgUnit& station = *Facilities().front();
  const int unit = IndexOf(station);
  // Enough keys that they are merged into the sorted records, then one more in the overlay.
  std::vector<DataValueWrite> writes;
  for (int day = 0; day < 5000; ++day) {
    writes.push_back(
        Write(element, station, Period::Day(Date(2020, 1, 1).AddDays(day)), std::to_string(day)));
  }
  table_.Apply(writes);
  const Period overlay_day = Period::Day(Date(2040, 1, 1));
  table_.Apply({Write(element, station, overlay_day, "7")});
  ASSERT_EQ(table_.size(), 5001u);

  const Period sorted_day = Period::Day(Date(2020, 1, 1).AddDays(100));
  table_.Apply({Write(element, station, sorted_day, "65.7")});   // integer -> double
  table_.Apply({Write(element, station, overlay_day, "0.25")});  // in the overlay
  EXPECT_EQ(Total(element, sorted_day, unit), 65.7);
  EXPECT_EQ(Total(element, overlay_day, unit), 0.25);
  table_.Apply({Write(element, station, sorted_day, "3")});  // double -> integer
  EXPECT_EQ(Total(element, sorted_day, unit), 3);
  EXPECT_EQ(table_.size(), 5001u);

  table_.Apply({Write(element, station, sorted_day, std::nullopt),
                Write(element, station, overlay_day, std::nullopt)});
  EXPECT_EQ(Total(element, sorted_day, unit), std::nullopt);
  EXPECT_EQ(Total(element, overlay_day, unit), std::nullopt);
  EXPECT_EQ(table_.size(), 4999u);
  // Erasing what is not there changes nothing; writing an erased key again brings it back.
  table_.Apply({Write(element, station, Period::Day(Date(1990, 1, 1)), std::nullopt)});
  EXPECT_EQ(table_.size(), 4999u);
  table_.Apply({Write(element, station, sorted_day, "9")});
  EXPECT_EQ(Total(element, sorted_day, unit), 9);
  EXPECT_EQ(table_.size(), 5000u);
  table_.Compact();
  EXPECT_EQ(table_.size(), 5000u);
  EXPECT_EQ(Total(element, sorted_day, unit), 9);
  EXPECT_EQ(Total(element, overlay_day, unit), std::nullopt);
}

TEST_F(ValueTableTest, TheLastWriteOfAKeyInABatchWins) {
  const DataElement& element = SumElement();
  const OrgUnit& station = *Facilities().front();
  const Period month = Period::Month(2024, 5);
  table_.Apply({Write(element, station, month, "1"), Write(element, station, month, "2.5"),
                Write(element, station, month, std::nullopt), Write(element, station, month, "4")});
  EXPECT_EQ(Total(element, month, IndexOf(station)), 4);
  table_.Apply({Write(element, station, month, "5"), Write(element, station, month, std::nullopt)});
  EXPECT_EQ(Total(element, month, IndexOf(station)), std::nullopt);
  EXPECT_EQ(table_.size(), 0u);
}

TEST_F(ValueTableTest, ManyWritesForcingMergesKeepExactlyWhatWasWritten) {
  const DataElement& element = SumElement();
  const auto facilities = Facilities();
  const auto& combos = folder_->metadata.category_option_combos;
  std::mt19937 random(20261204);
  // The model: what the table must hold, by (unit, start, end, coc, aoc).
  Contents model;
  for (int round = 0; round < 60; ++round) {
    std::vector<DataValueWrite> batch;
    const int batch_size = round % 3 == 0 ? 2000 : 1 + static_cast<int>(random() % 50);
    for (int i = 0; i < batch_size; ++i) {
      const OrgUnit& unit = *facilities[random() % facilities.size()];
      const Period month = Period::Month(2015 + static_cast<int>(random() % 10),
                                         1 + static_cast<int>(random() % 12));
      const int coc = static_cast<int>(random() % std::min<size_t>(combos.size(), 3));
      const int aoc = static_cast<int>(random() % std::min<size_t>(combos.size(), 2));
      auto key = std::make_tuple(IndexOf(unit), month.start().days_since_epoch(),
                                 month.end().days_since_epoch(), coc, aoc);
      std::optional<std::string> text;
      switch (random() % 4) {
        case 0:
          break;  // erase
        case 1:
          text = std::to_string(random() % 1000) + ".5";
          break;
        default:
          text = std::to_string(random() % 100000);
          break;
      }
      batch.push_back(Write(element, unit, month, text, combos[static_cast<size_t>(coc)].uid,
                            combos[static_cast<size_t>(aoc)].uid));
      if (text) {
        model[key] = std::stod(*text);
      } else {
        model.erase(key);
      }
    }
    table_.Apply(batch);
    ASSERT_EQ(table_.size(), model.size()) << "round " << round;
  }
  EXPECT_EQ(ContentsOf(element), model);
  table_.Compact();
  EXPECT_EQ(ContentsOf(element), model);
  EXPECT_EQ(table_.size(), model.size());
}

// The aggregate of a commune (looked up unit by unit) and of the province (one scan) equal the
// plain sum over the written values of the units under them, exactly: counts add as integers.
TEST_F(ValueTableTest, AggregatesEqualAPlainSumOverTheWrittenValues) {
  const DataElement& element = SumElement(ValueType::kIntegerZeroOrPositive);
  const auto facilities = Facilities();
  std::mt19937 random(8);
  std::map<std::pair<int, int>, long long> written;  // (unit, month) -> value
  std::vector<DataValueWrite> writes;
  for (const OrgUnit* unit : facilities) {
    for (int month = 1; month <= 12; ++month) {
      if (random() % 5 == 0) continue;
      long long value = 1000000 + static_cast<long long>(random() % 1000000);
      writes.push_back(Write(element, *unit, Period::Month(2025, month), std::to_string(value)));
      written[{IndexOf(*unit), month}] = value;
    }
  }
  table_.Apply(writes);
  OrgView view(*hierarchy_, Structure::kOnDate, Date(2026, 1, 1));
  const OrgUnit& province = *hierarchy_->FindByCode("11", Date(2026, 1, 1));
  const OrgUnit& commune = *hierarchy_->FindByCode("03325", Date(2026, 1, 1));
  for (const OrgUnit* target : {&province, &commune}) {
    long long expected = 0;
    for (const auto& [key, value] : written) {
      if (key.second > 6) continue;  // the first half-year
      for (const Contribution& c : view.ContributionsOf(key.first, Date(2025, 6, 30))) {
        if (c.unit == IndexOf(*target)) expected += value;
      }
    }
    ASSERT_GT(expected, 0) << target->code;
    EXPECT_EQ(Total(element, Period::SixMonth(2025, 1), IndexOf(*target)),
              static_cast<double>(expected))
        << target->code;
  }
}

TEST_F(ValueTableTest, ABatchBringingTooManyPeriodsIsRefusedAndChangesNothing) {
  const DataElement& element = SumElement();
  const OrgUnit& station = *Facilities().front();
  table_.Apply({Write(element, station, Period::Month(2024, 1), "5")});
  std::vector<DataValueWrite> writes;
  for (int day = 0; day < 65536; ++day) {
    writes.push_back(Write(element, station, Period::Day(Date(1900, 1, 1).AddDays(day)), "1"));
  }
  try {
    table_.Apply(writes);
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "engine.too_many_periods");
    EXPECT_NE(std::string(e.what()).find("65,536"), std::string::npos) << e.what();
  }
  EXPECT_EQ(table_.size(), 1u);
  EXPECT_EQ(Total(element, Period::Month(2024, 1), IndexOf(station)), 5);
  // One period fewer fits.
  writes.pop_back();
  writes.pop_back();
  table_.Apply(writes);
  EXPECT_EQ(table_.size(), 65535u);
}

// The budget that lets a billion values fit in this machine's 24 GB: integer counts cost at
// most 16 bytes each once loaded (an overlay left allocated after a merge once made it 32).
TEST_F(ValueTableTest, IntegerValuesCostAtMostSixteenBytesEach) {
  const DataElement& element = SumElement();
  std::vector<DataValueWrite> writes;
  for (const OrgUnit* unit : Facilities()) {
    for (int day = 0; day < 730; ++day) {
      writes.push_back(Write(element, *unit, Period::Day(Date(2024, 1, 1).AddDays(day)),
                             std::to_string(day * 7)));
    }
  }
  const size_t empty = table_.MemoryBytes();  // a column per element, whatever it holds
  table_.Apply(writes);
  table_.Compact();
  ASSERT_EQ(table_.size(), writes.size());
  EXPECT_LE(static_cast<double>(table_.MemoryBytes() - empty) / static_cast<double>(table_.size()),
            16.0);
}

}  // namespace
}  // namespace solieu
