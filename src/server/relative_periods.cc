#include "server/relative_periods.h"

namespace solieu::server {
namespace {

// The `count` periods of `type` ending `offset` periods before the one that holds `today`.
std::vector<Period> Last(PeriodType type, Date today, int count, int offset) {
  Period current = Period::Containing(type, today);
  std::vector<Period> out;
  for (int i = count + offset - 1; i >= offset; --i) out.push_back(current.Shifted(-i));
  return out;
}

}  // namespace

std::optional<std::vector<Period>> RelativePeriods(std::string_view name, Date today) {
  struct Rule {
    std::string_view name;
    PeriodType type;
    int count;
    int offset;  // 0: ends with the current period; 1: with the one before
  };
  static constexpr Rule kRules[] = {
      {"THIS_WEEK", PeriodType::kWeek, 1, 0},
      {"LAST_WEEK", PeriodType::kWeek, 1, 1},
      {"LAST_4_WEEKS", PeriodType::kWeek, 4, 1},
      {"LAST_12_WEEKS", PeriodType::kWeek, 12, 1},
      {"LAST_52_WEEKS", PeriodType::kWeek, 52, 1},
      {"THIS_MONTH", PeriodType::kMonth, 1, 0},
      {"LAST_MONTH", PeriodType::kMonth, 1, 1},
      {"LAST_3_MONTHS", PeriodType::kMonth, 3, 1},
      {"LAST_6_MONTHS", PeriodType::kMonth, 6, 1},
      {"LAST_12_MONTHS", PeriodType::kMonth, 12, 1},
      {"THIS_QUARTER", PeriodType::kQuarter, 1, 0},
      {"LAST_QUARTER", PeriodType::kQuarter, 1, 1},
      {"LAST_4_QUARTERS", PeriodType::kQuarter, 4, 1},
      {"THIS_SIX_MONTH", PeriodType::kSixMonth, 1, 0},
      {"LAST_SIX_MONTH", PeriodType::kSixMonth, 1, 1},
      {"THIS_YEAR", PeriodType::kYear, 1, 0},
      {"LAST_YEAR", PeriodType::kYear, 1, 1},
      {"LAST_5_YEARS", PeriodType::kYear, 5, 1},
      {"LAST_10_YEARS", PeriodType::kYear, 10, 1},
  };
  for (const Rule& rule : kRules) {
    if (rule.name == name) return Last(rule.type, today, rule.count, rule.offset);
  }
  if (name == "MONTHS_THIS_YEAR") {
    return Period::Year(today.year()).Split(PeriodType::kMonth);
  }
  if (name == "QUARTERS_THIS_YEAR") {
    return Period::Year(today.year()).Split(PeriodType::kQuarter);
  }
  return std::nullopt;
}

}  // namespace solieu::server
