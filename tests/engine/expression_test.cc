#include "engine/expression.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"

// Counts heap allocations so a test can prove that Evaluate makes none. The frees sit behind a
// function the compiler does not inline, so it does not mistake malloc/free here for a mismatch.
namespace {
std::atomic<long> g_allocations{0};
[[gnu::noinline]] void Release(void* p) noexcept {
  std::free(p);
}
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
void operator delete(void* p) noexcept {
  Release(p);
}
void operator delete[](void* p) noexcept {
  Release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  Release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  Release(p);
}
// The nothrow forms too (std::stable_sort's buffer in engine/value_table uses them): left to the
// runtime, they would allocate with its new and free here with free().
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  Release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  Release(p);
}

namespace solieu {
namespace {

using Values = std::map<std::string, std::optional<double>>;
constexpr auto kSkipIfAll = MissingValueStrategy::kSkipIfAllValuesMissing;
constexpr auto kSkipIfAny = MissingValueStrategy::kSkipIfAnyValueMissing;
constexpr auto kNeverSkip = MissingValueStrategy::kNeverSkip;

// Evaluates `text` with items looked up by their canonical spelling; items not in `values` are
// missing.
std::optional<double> Eval(const std::string& text, const Values& values = {},
                           MissingValueStrategy strategy = kSkipIfAll, double days = kUnknownDays) {
  const Expression expression = Expression::Parse(text);
  return expression.EvaluateWith(
      [&](const ExpressionItem& item) -> std::optional<double> {
        const auto found = values.find(item.ToString());
        return found == values.end() ? std::nullopt : found->second;
      },
      days, strategy);
}

double Value(const std::string& text, const Values& values = {},
             MissingValueStrategy strategy = kSkipIfAll) {
  const std::optional<double> result = Eval(text, values, strategy);
  EXPECT_TRUE(result.has_value()) << text;
  return result.value_or(std::numeric_limits<double>::quiet_NaN());
}

// ---- Syntax, precedence and associativity ---------------------------------------------------

TEST(ExpressionTest, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(Value("1+2*3"), 7);
  EXPECT_EQ(Value("(1+2)*3"), 9);
  EXPECT_EQ(Value("10-4-3"), 3);    // left-associative
  EXPECT_EQ(Value("100/10/5"), 2);  // left-associative
  EXPECT_EQ(Value("2*3%4"), 2);     // same level as *, left to right
  EXPECT_EQ(Value("7%4"), 3);
  EXPECT_EQ(Value("-7%4"), -3);    // sign of the dividend, like Java's %
  EXPECT_EQ(Value("2^3^2"), 512);  // right-associative
  EXPECT_EQ(Value("-2^2"), -4);    // DHIS2: ^ binds tighter than unary minus
  EXPECT_EQ(Value("2^-1"), 0.5);   // ... and its right side may be unary
  EXPECT_EQ(Value("(-2)^2"), 4);
  EXPECT_EQ(Value("2*-3"), -6);
  EXPECT_EQ(Value("--3"), 3);
  EXPECT_EQ(Value("+3"), 3);
  EXPECT_EQ(Value("-(1+2)"), -3);
  EXPECT_EQ(Value("1 - -1"), 2);
  EXPECT_EQ(Value("0*-1"), 0);
  EXPECT_FALSE(std::signbit(Value("0*-1")));
}

TEST(ExpressionTest, NumberLiterals) {
  EXPECT_EQ(Value("12"), 12);
  EXPECT_EQ(Value("1.25"), 1.25);
  EXPECT_EQ(Value(".5"), 0.5);
  EXPECT_EQ(Value("1."), 1);
  EXPECT_EQ(Value("1e3"), 1000);
  EXPECT_EQ(Value("2.5E-1"), 0.25);
  EXPECT_EQ(Value("30.4167"), 30.4167);
  EXPECT_EQ(Value("true + true"), 2);
  EXPECT_EQ(Value("false"), 0);
}

TEST(ExpressionTest, ComparisonAndLogicPrecedence) {
  EXPECT_EQ(Value("1+2<4"), 1);   // arithmetic before comparison
  EXPECT_EQ(Value("1<2==1"), 1);  // < before ==
  EXPECT_EQ(Value("2>1 == 3>2"), 1);
  EXPECT_EQ(Value("1==1 && 0==1 || 1"), 1);  // && before ||
  EXPECT_EQ(Value("1 || 0 && 0"), 1);
  EXPECT_EQ(Value("0 && 1 || 0"), 0);
  EXPECT_EQ(Value("!0"), 1);
  EXPECT_EQ(Value("!1 + 1"), 1);  // unary before +
  EXPECT_EQ(Value("not 1 or 1"), 1);
  EXPECT_EQ(Value("1 and 0"), 0);
  EXPECT_EQ(Value("3 <= 3"), 1);
  EXPECT_EQ(Value("3 >= 4"), 0);
  EXPECT_EQ(Value("3 != 4"), 1);
  EXPECT_EQ(Value("1 < 2 < 3"), 1);  // (1<2)<3
}

TEST(ExpressionTest, WhitespaceAnywhere) {
  const Values values = {{"#{a.b}", 4}, {"#{c}", 1}};
  EXPECT_EQ(Value(" \t#{ a . b }\r\n+\n#{c} ", values), 5);
  EXPECT_EQ(Value("if ( 1 , 2 , 3 )"), 2);
  EXPECT_EQ(Value("#{a.b}\xC2\xA0+\xC2\xA0#{c}", values), 5);  // no-break spaces
  EXPECT_EQ(Value("#{a.b}+\r #{c}", values), 5);               // as in DHIS2's own metadata
}

// ---- Items ---------------------------------------------------------------------------------

TEST(ExpressionTest, ItemsAreDistinctInOrderOfFirstAppearance) {
  const Expression e = Expression::Parse(
      "#{b} + #{a.*} + #{a} + #{a.*.*} + C{k} + #{b} + OUG{TYT} + N{ind} + R{ds.ACTUAL_REPORTS}");
  const std::vector<ExpressionItem>& items = e.Items();
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].ToString(), "#{b}");
  EXPECT_EQ(items[1].ToString(), "#{a}");
  EXPECT_EQ(items[2].kind, ItemKind::kConstant);
  EXPECT_EQ(items[2].id, "k");
  EXPECT_EQ(items[3].kind, ItemKind::kOrgUnitGroupCount);
  EXPECT_EQ(items[4].kind, ItemKind::kIndicator);
  EXPECT_EQ(items[5].kind, ItemKind::kReportingRate);
  EXPECT_EQ(items[5].id, "ds");
  EXPECT_EQ(items[5].metric, ReportingRateMetric::kActualReports);
  EXPECT_FALSE(e.UsesDays());
}

TEST(ExpressionTest, DataElementOperandsAndCodes) {
  const Expression e = Expression::Parse(
      "#{LIVE_BIRTHS.NAM_DTTS} + #{de.*.aoc} + #{de.coc.aoc} + #{de.coc.*} + #{AB-1_x}");
  const std::vector<ExpressionItem>& items = e.Items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].id, "LIVE_BIRTHS");
  EXPECT_EQ(items[0].category_option_combo, "NAM_DTTS");
  EXPECT_EQ(items[0].attribute_option_combo, "");
  EXPECT_EQ(items[1].category_option_combo, "");
  EXPECT_EQ(items[1].attribute_option_combo, "aoc");
  EXPECT_EQ(items[1].ToString(), "#{de.*.aoc}");
  EXPECT_EQ(items[2].ToString(), "#{de.coc.aoc}");
  EXPECT_EQ(items[3].ToString(), "#{de.coc}");
  EXPECT_EQ(items[4].id, "AB-1_x");
  for (const ExpressionItem& item : items) EXPECT_EQ(item.kind, ItemKind::kDataElement);
}

TEST(ExpressionTest, EveryReportingRateMetric) {
  for (const char* metric : {"REPORTING_RATE", "REPORTING_RATE_ON_TIME", "ACTUAL_REPORTS",
                             "ACTUAL_REPORTS_ON_TIME", "EXPECTED_REPORTS"}) {
    const std::string text = std::string("R{BfMAe6Itzgt.") + metric + "}";
    const Expression e = Expression::Parse(text);
    ASSERT_EQ(e.Items().size(), 1u);
    EXPECT_EQ(e.Items()[0].ToString(), text);
  }
}

TEST(ExpressionTest, EvaluatesItemsInItemsOrder) {
  const Expression e = Expression::Parse("(#{a} - #{b}) / C{k} * OUG{g} + [days]");
  EXPECT_TRUE(e.UsesDays());
  const std::vector<std::optional<double>> values = {10, 4, 2, 3};
  EXPECT_EQ(e.Evaluate(values, 31), 9 + 31);
  EXPECT_EQ(e.Evaluate(values), std::nullopt);  // [days] not given
}

TEST(ExpressionTest, EvaluateRejectsTheWrongNumberOfValues) {
  const Expression e = Expression::Parse("#{a} + #{b}");
  const std::vector<std::optional<double>> one = {1};
  EXPECT_THROW(e.Evaluate(one), std::invalid_argument);
}

TEST(ExpressionTest, TextIsKept) {
  EXPECT_EQ(Expression::Parse(" #{a} ").Text(), " #{a} ");
}

// ---- Functions -----------------------------------------------------------------------------

TEST(ExpressionTest, IfChoosesABranch) {
  EXPECT_EQ(Value("if(1, 2, 3)"), 2);
  EXPECT_EQ(Value("if(0, 2, 3)"), 3);
  EXPECT_EQ(Value("if(-0.5, 2, 3)"), 2);  // any non-zero is true
  EXPECT_EQ(Value("if(#{a} > 5, #{a} * 2, #{a})", {{"#{a}", 6}}), 12);
  EXPECT_EQ(Value("if(#{a} > 5, #{a} * 2, #{a})", {{"#{a}", 4}}), 4);
  EXPECT_EQ(Value("1 + if(1, 2, 3) * 2"), 5);
}

TEST(ExpressionTest, NestedIf) {
  const std::string grade = "if(#{x} < 10, 1, if(#{x} < 20, 2, if(#{x} < 30, 3, 4)))";
  EXPECT_EQ(Value(grade, {{"#{x}", 5}}), 1);
  EXPECT_EQ(Value(grade, {{"#{x}", 15}}), 2);
  EXPECT_EQ(Value(grade, {{"#{x}", 25}}), 3);
  EXPECT_EQ(Value(grade, {{"#{x}", 35}}), 4);
  EXPECT_EQ(Value("if(if(0, 1, 0), 10, if(1, 20, 30))"), 20);
}

TEST(ExpressionTest, IfWithoutAConditionHasNoValue) {
  // A gap never silently picks a branch; the untaken branch may have no value.
  EXPECT_EQ(Eval("if(#{a} > 0, 1, 2)", {}, kSkipIfAny), std::nullopt);
  EXPECT_EQ(Eval("if(1, 5, 1/0)"), 5);
  EXPECT_EQ(Eval("if(0, 1/0, 5)"), 5);
  EXPECT_EQ(Eval("if(1/0, 1, 2)"), std::nullopt);
}

TEST(ExpressionTest, IsNullAndIsNotNullSeeGapsUnderEveryStrategy) {
  for (MissingValueStrategy strategy : {kSkipIfAny, kNeverSkip}) {
    EXPECT_EQ(Eval("isNull(#{a})", {}, strategy), 1);
    EXPECT_EQ(Eval("isNotNull(#{a})", {}, strategy), 0);
    EXPECT_EQ(Eval("isNull(#{a})", {{"#{a}", 0}}, strategy), 0);
    EXPECT_EQ(Eval("isNotNull(#{a})", {{"#{a}", 0}}, strategy), 1);
  }
  // Under the default a gap beside a reported value still reads as a gap inside isNull.
  EXPECT_EQ(Eval("isNull(#{a}) + #{b}", {{"#{b}", 5}}), 6);
  EXPECT_EQ(Eval("if(isNull(#{a}), #{b}, #{a})", {{"#{b}", 5}}), 5);
  EXPECT_EQ(Eval("isNull(1/0)"), 1);
  EXPECT_EQ(Eval("isNull(C{k})"), 1);
  EXPECT_EQ(Eval("isNull(removeZeros(#{a}))", {{"#{a}", 0}}), 1);
}

TEST(ExpressionTest, FirstNonNull) {
  const Values values = {{"#{b}", 7}, {"#{c}", 9}};
  EXPECT_EQ(Eval("firstNonNull(#{a}, #{b}, #{c})", values), 7);
  EXPECT_EQ(Eval("firstNonNull(#{c}, #{b})", values), 9);
  EXPECT_EQ(Eval("firstNonNull(#{a}, 0)", {}, kSkipIfAny), 0);
  EXPECT_EQ(Eval("firstNonNull(#{a}, 0)", {}, kNeverSkip), 0);
  EXPECT_EQ(Eval("firstNonNull(#{a}, #{b})", {}, kSkipIfAny), std::nullopt);
  EXPECT_EQ(Eval("firstNonNull(42)"), 42);
  EXPECT_EQ(Eval("firstNonNull(1/0, 2, 3)"), 2);
  // Under the default, a reported #{b} lets the missing #{a} read as 0 outside firstNonNull only.
  EXPECT_EQ(Eval("firstNonNull(#{a}, 100) + #{a} + #{b}", values), 100 + 0 + 7);
}

TEST(ExpressionTest, GreatestAndLeast) {
  EXPECT_EQ(Value("greatest(3, 9, -1, 4)"), 9);
  EXPECT_EQ(Value("least(3, 9, -1, 4)"), -1);
  EXPECT_EQ(Value("greatest(5)"), 5);
  EXPECT_EQ(Value("greatest(#{a} - #{b}, 0)", {{"#{a}", 3}, {"#{b}", 5}}), 0);
  EXPECT_EQ(Value("least(2 * 3, 10) + greatest(1, 2)"), 8);
  EXPECT_EQ(Eval("greatest(#{a}, 0)", {}, kSkipIfAny), std::nullopt);  // no invented 0
  EXPECT_EQ(Eval("least(1/0, 3)"), std::nullopt);
}

TEST(ExpressionTest, RemoveZeros) {
  EXPECT_EQ(Eval("removeZeros(#{a})", {{"#{a}", 0}}), std::nullopt);
  EXPECT_EQ(Eval("removeZeros(#{a})", {{"#{a}", 3}}), 3);
  EXPECT_EQ(Eval("removeZeros(#{a} - #{b})", {{"#{a}", 3}, {"#{b}", 3}}), std::nullopt);
  EXPECT_EQ(Eval("removeZeros(1/0)"), std::nullopt);
  EXPECT_EQ(Eval("firstNonNull(removeZeros(0), 5)"), 5);
}

TEST(ExpressionTest, Days) {
  EXPECT_EQ(Eval("[days]", {}, kSkipIfAll, 30), 30);
  EXPECT_EQ(Eval("#{bed_days} / (#{beds} * [days]) * 100", {{"#{bed_days}", 300}, {"#{beds}", 10}},
                 kSkipIfAll, 30),
            100);
  EXPECT_EQ(Eval("[days]"), std::nullopt);
  EXPECT_EQ(Eval("1 / [days]", {}, kSkipIfAll, 0), std::nullopt);
}

// ---- Missing values and impossible arithmetic ------------------------------------------------

TEST(ExpressionTest, MissingValueStrategies) {
  struct Case {
    const char* text;
    Values values;
    std::optional<double> skip_if_all, skip_if_any, never_skip;
  };
  const std::vector<Case> cases = {
      {"#{a} + #{b}", {{"#{a}", 3}, {"#{b}", 4}}, 7, 7, 7},
      {"#{a} + #{b}", {{"#{a}", 3}}, 3, std::nullopt, 3},
      {"#{a} + #{b}", {}, std::nullopt, std::nullopt, 0},
      {"#{a}", {}, std::nullopt, std::nullopt, 0},
      {"#{a} * 100", {}, std::nullopt, std::nullopt, 0},
      {"#{a} / #{b}", {}, std::nullopt, std::nullopt, std::nullopt},  // 0 / 0
      {"#{a} / #{b}", {{"#{a}", 5}}, std::nullopt, std::nullopt, std::nullopt},
      {"#{a} / #{b}", {{"#{b}", 5}}, 0, std::nullopt, 0},
      // Constants and org unit group counts are not data: they neither rescue nor get zeroed.
      {"#{a} + C{k}", {{"C{k}", 2}}, std::nullopt, std::nullopt, 2},
      {"#{a} + C{k}", {{"#{a}", 1}}, std::nullopt, std::nullopt, std::nullopt},
      {"OUG{g}", {{"OUG{g}", 12}}, 12, 12, 12},
      {"5", {}, 5, 5, 5},
      // Indicators and reporting rates are data.
      {"N{i} + R{ds.REPORTING_RATE}", {{"N{i}", 1}}, 1, std::nullopt, 1},
      // The functions that see gaps.
      {"firstNonNull(#{a}, -1) + #{b}", {{"#{b}", 1}}, 0, 0, 0},
      {"isNull(#{a})", {}, std::nullopt, 1, 1},  // all data missing: skipped first
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Eval(c.text, c.values, kSkipIfAll), c.skip_if_all) << c.text;
    EXPECT_EQ(Eval(c.text, c.values, kSkipIfAny), c.skip_if_any) << c.text;
    EXPECT_EQ(Eval(c.text, c.values, kNeverSkip), c.never_skip) << c.text;
  }
}

TEST(ExpressionTest, DefaultStrategyIsSkipIfAllValuesMissing) {
  const Expression e = Expression::Parse("#{a} + #{b}");
  const std::vector<std::optional<double>> one_missing = {3, std::nullopt};
  const std::vector<std::optional<double>> all_missing = {std::nullopt, std::nullopt};
  EXPECT_EQ(e.Evaluate(one_missing), 3);
  EXPECT_EQ(e.Evaluate(all_missing), std::nullopt);
}

TEST(ExpressionTest, NonFiniteInputsCountAsMissing) {
  const Expression e = Expression::Parse("#{a} + #{b}");
  const std::vector<std::optional<double>> values = {std::numeric_limits<double>::quiet_NaN(),
                                                     std::numeric_limits<double>::infinity()};
  EXPECT_EQ(e.Evaluate(values), std::nullopt);
  EXPECT_EQ(e.Evaluate(values, kUnknownDays, kNeverSkip), 0);
}

TEST(ExpressionTest, DivisionByZeroAndOtherImpossibleArithmeticHaveNoValue) {
  EXPECT_EQ(Eval("1/0"), std::nullopt);
  EXPECT_EQ(Eval("0/0"), std::nullopt);
  EXPECT_EQ(Eval("-1/0"), std::nullopt);
  EXPECT_EQ(Eval("5%0"), std::nullopt);
  EXPECT_EQ(Eval("#{a}/#{b}", {{"#{a}", 5}, {"#{b}", 0}}), std::nullopt);
  EXPECT_EQ(Eval("1/(#{a}-#{a})", {{"#{a}", 5}}), std::nullopt);
  EXPECT_EQ(Eval("(1/0) * 0"), std::nullopt);  // a gap is not rescued by * 0
  EXPECT_EQ(Eval("(1/0)^0"), std::nullopt);    // nor by ^0 (pow(NaN, 0) would be 1)
  EXPECT_EQ(Eval("1^(1/0)"), std::nullopt);
  EXPECT_EQ(Eval("(-8)^0.5"), std::nullopt);
  EXPECT_EQ(Eval("10^400"), std::nullopt);    // overflow
  EXPECT_EQ(Eval("1/10^400"), std::nullopt);  // not a silent 0
  EXPECT_EQ(Eval("1e308 * 10"), std::nullopt);
  EXPECT_EQ(Eval("1/0 == 1/0"), std::nullopt);
  EXPECT_EQ(Eval("!(1/0)"), std::nullopt);
  EXPECT_EQ(Eval("-(1/0)"), std::nullopt);
  EXPECT_EQ(Eval("0^0"), 1);
}

TEST(ExpressionTest, IndicatorValue) {
  EXPECT_EQ(IndicatorValue(25, 1000, 1000), 25);
  EXPECT_EQ(IndicatorValue(1, 4, 100), 25);
  EXPECT_EQ(IndicatorValue(0, 4, 100), 0);
  EXPECT_EQ(IndicatorValue(1, 0, 100), std::nullopt);
  EXPECT_EQ(IndicatorValue(std::nullopt, 4, 100), std::nullopt);
  EXPECT_EQ(IndicatorValue(1, std::nullopt, 100), std::nullopt);
  EXPECT_EQ(IndicatorValue(1e308, 1e-308, 100), std::nullopt);
}

// ---- Errors ---------------------------------------------------------------------------------

struct ErrorCase {
  std::string text;
  std::string code;
  int position;
  std::string expected_en;  // a part of the English message
};

void ExpectError(const ErrorCase& c) {
  try {
    Expression::Parse(c.text);
    ADD_FAILURE() << "expected an error for: " << c.text;
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), c.code) << c.text;
    const std::string position = std::to_string(c.position);
    EXPECT_EQ(e.message_en().rfind("position " + position + ": ", 0), 0u)
        << c.text << " -> " << e.message_en();
    EXPECT_EQ(e.message_vi().rfind("vị trí " + position + ": ", 0), 0u)
        << c.text << " -> " << e.message_vi();
    EXPECT_NE(e.message_en().find(c.expected_en), std::string::npos)
        << c.text << " -> " << e.message_en();
  }
}

TEST(ExpressionErrorTest, MessageIsBilingualWithTheColumn) {
  try {
    Expression::Parse("(1 + 2");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "expression.syntax");
    EXPECT_EQ(std::string(e.what()), "vị trí 7: thiếu ')' / position 7: expected ')'");
    EXPECT_EQ(e.where(), "");
  }
}

TEST(ExpressionErrorTest, SyntaxErrorsNameThePositionAndWhatWasExpected) {
  const std::string syntax = "expression.syntax";
  const std::vector<ErrorCase> cases = {
      {"", syntax, 1, "expected an expression"},
      {"   ", syntax, 4, "expected an expression"},
      {"(1 + 2", syntax, 7, "expected ')'"},
      {"((#{a})", syntax, 8, "expected ')'"},
      {"(1 + 2))", syntax, 8, "unexpected ')'"},
      {")", syntax, 1, "expected a value"},
      {"()", syntax, 2, "expected a value"},
      {"1 +", syntax, 4, "expected a value"},
      {"#{a} * ", syntax, 8, "found the end"},
      {"1 + * 2", syntax, 5, "found '*'"},
      {"1 2", syntax, 3, "expected an operator or the end of the expression, found '2'"},
      {"#{a} #{b}", syntax, 6, "expected an operator"},
      {"1, 2", syntax, 2, "unexpected ','"},
      {"foo(1)", syntax, 1, "unknown function 'foo'"},
      {"1 + sum(#{a})", syntax, 5, "unknown function 'sum'"},
      {"LIVE_BIRTHS / 2", syntax, 1, "unknown name 'LIVE_BIRTHS'"},
      {"if", syntax, 3, "expected '(' after if"},
      {"if(1, 2)", syntax, 8, "expected ',' (if takes 3 arguments)"},
      {"if(1, 2, 3, 4)", syntax, 11, "expected ')' (if takes 3 arguments)"},
      {"isNull(#{a}, #{b})", syntax, 12, "expected ')' (isNull takes 1 argument)"},
      {"greatest()", syntax, 10, "expected a value"},
      {"least(1,)", syntax, 9, "expected a value"},
      {"removeZeros(1", syntax, 14, "expected ')'"},
      {"#{}", syntax, 3, "expected an id inside the braces"},
      {"1 + #{ }", syntax, 8, "expected an id inside the braces"},
      {"#{a..b}", syntax, 5, "expected an id before '.'"},
      {"#{.a}", syntax, 3, "expected an id before '.'"},
      {"#{a.}", syntax, 5, "expected an id inside the braces"},
      {"#{a", syntax, 4, "expected '}'"},
      {"#{a.b + 1", syntax, 7, "expected '.' or '}'"},
      {"#{", syntax, 3, "expected an id and '}'"},
      {"#a", syntax, 2, "expected '{' after '#'"},
      {"#{a.b.c.d}", syntax, 8, "at most three ids"},
      {"#{*}", syntax, 3, "expected an id, not '*'"},
      {"#{a b}", syntax, 5, "expected '.' or '}'"},
      {"#{a/b}", syntax, 4, "expected '.' or '}'"},
      {"#{a$}", syntax, 4, "expected '.' or '}'"},
      {"#{$}", syntax, 3, "unexpected character in an id: '$'"},
      {"C{a.b}", syntax, 4, "this item takes one id"},
      {"C{*}", syntax, 3, "expected an id, not '*'"},
      {"OUG{}", syntax, 5, "expected an id inside the braces"},
      {"R{ds}", syntax, 5, "expected '.' and a metric"},
      {"R{ds.RATE}", syntax, 6, "expected one of REPORTING_RATE"},
      {"R{ds.REPORTING_RATE.x}", syntax, 20, "expected '}' after the reporting metric"},
      {"X{a}", syntax, 1, "unknown item type X{...}"},
      {"[day]", syntax, 1, "expected '[days]'"},
      {"1 = 1", syntax, 3, "expected '=='"},
      {"1 & 1", syntax, 3, "expected '&&'"},
      {"1 | 1", syntax, 3, "expected '||'"},
      {"1 $ 2", syntax, 3, "unexpected character '$'"},
      {"#{a} + đ", syntax, 8, "unexpected character 'đ'"},  // columns count characters
      {"#{đ} + 1", syntax, 3, "unexpected character in an id: 'đ'"},
      {"\"text\"", syntax, 1, "unexpected character '\"'"},
      {"1 + \x01", syntax, 5, "unexpected character 0x01"},
      {"1 + \xFF", syntax, 5, "unexpected character 0xFF"},
      {"1e999", syntax, 1, "number out of range"},
      {"2e", syntax, 2, "found 'e'"},
      {"1.2.3", syntax, 4, "found '.3'"},
  };
  for (const ErrorCase& c : cases) ExpectError(c);
}

TEST(ExpressionErrorTest, TrackerItemsAreNotSupported) {
  const std::string unsupported = "expression.unsupported";
  ExpectError({"D{prog.de}", unsupported, 1, "D{...} (program data elements) is not supported"});
  ExpectError({"1 + I{pi}", unsupported, 5, "I{...} (program indicators) is not supported"});
  ExpectError({"A{prog.attr}", unsupported, 1, "A{...}"});
  ExpectError({"V{event_count}", unsupported, 1, "V{...}"});
  ExpectError({"d2:count(#{a.b})", unsupported, 1, "d2: functions"});
}

TEST(ExpressionErrorTest, DeepNestingIsRefusedNotACrash) {
  ExpectError({std::string(1000, '(') + "1" + std::string(1000, ')'), "expression.too_complex", 41,
               "nested too deeply"});
  ExpectError({std::string(100000, '-') + "1", "expression.too_complex", 41, "nested too deeply"});
  // Forty levels are fine.
  EXPECT_EQ(Value(std::string(39, '(') + "1" + std::string(39, ')')), 1);
  // A long flat expression is not nesting.
  std::string sum = "0";
  for (int i = 0; i < 5000; ++i) sum += "+#{a}";
  EXPECT_EQ(Value(sum, {{"#{a}", 1}}), 5000);
  std::string many = "greatest(0";
  for (int i = 0; i < 5000; ++i) many.append(",").append(std::to_string(i));
  EXPECT_EQ(Value(many + ")"), 4999);
}

// ---- Robustness -----------------------------------------------------------------------------

// Parses `text`; on success evaluates it under every strategy with values from `random`.
// Anything but a UserError with an expression.* code, or a non-finite result, fails. Returns
// whether `text` parsed.
bool ParseAndEvaluateAnything(const std::string& text, std::mt19937& random) {
  try {
    const Expression e = Expression::Parse(text);
    std::vector<std::optional<double>> values(e.Items().size());
    std::uniform_int_distribution<int> pick(0, 5);
    for (std::optional<double>& value : values) {
      const int kind = pick(random);
      if (kind == 0) value = std::nullopt;
      if (kind == 1) value = 0;
      if (kind >= 2) value = static_cast<double>(random() % 2000) - 500;
    }
    for (MissingValueStrategy strategy : {kSkipIfAll, kSkipIfAny, kNeverSkip}) {
      const std::optional<double> result = e.Evaluate(values, 31, strategy);
      if (result.has_value()) {
        EXPECT_TRUE(std::isfinite(*result)) << text;
      }
    }
    return true;
  } catch (const UserError& e) {
    EXPECT_EQ(e.code().rfind("expression.", 0), 0u) << text;
    EXPECT_FALSE(e.message_en().empty());
    return false;
  }
}

TEST(ExpressionFuzzTest, RandomTextEitherParsesOrFailsCleanly) {
  std::mt19937 random(20250701);
  const std::string alphabet = "#{}.*()+-*/%^!<>=&|, \t\r\n0123456789.eEaAbCNRDIOUG_[days]ifxyz'\"";
  // Whole tokens, so that a fair share of the strings are expressions and evaluation is fuzzed.
  const std::vector<std::string> tokens = {"#{a}",
                                           "#{b.c}",
                                           "#{a.*.d}",
                                           "C{k}",
                                           "OUG{g}",
                                           "N{i}",
                                           "R{ds.REPORTING_RATE}",
                                           "[days]",
                                           "0",
                                           "1",
                                           "2.5",
                                           "-",
                                           "+",
                                           "*",
                                           "/",
                                           "%",
                                           "^",
                                           "!",
                                           "<",
                                           "<=",
                                           "==",
                                           "!=",
                                           "&&",
                                           "||",
                                           "(",
                                           ")",
                                           ",",
                                           "if(",
                                           "isNull(",
                                           "isNotNull(",
                                           "firstNonNull(",
                                           "greatest(",
                                           "least(",
                                           "removeZeros(",
                                           " "};
  std::uniform_int_distribution<int> length(0, 40);
  int parsed = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string text;
    const int n = length(random);
    for (int k = 0; k < n; ++k) {
      switch (i % 3) {
        case 0:
          text += static_cast<char>(random() & 0xFF);
          break;
        case 1:
          text += alphabet[random() % alphabet.size()];
          break;
        case 2:
          text += tokens[random() % tokens.size()];
          break;
      }
    }
    parsed += ParseAndEvaluateAnything(text, random);
    if (HasFailure()) return;
  }
  EXPECT_GT(parsed, 100);
}

// A random valid expression, `depth` levels deep at most.
std::string RandomExpression(std::mt19937& random, int depth) {
  static const std::vector<std::string> leaves = {"0",
                                                  "1",
                                                  "2.5",
                                                  "1e3",
                                                  ".5",
                                                  "#{a}",
                                                  "#{b.c}",
                                                  "#{a.*.d}",
                                                  "#{LIVE_BIRTHS.NAM_DTTS}",
                                                  "C{k}",
                                                  "OUG{g}",
                                                  "N{i}",
                                                  "R{ds.REPORTING_RATE}",
                                                  "[days]",
                                                  "true"};
  static const std::vector<std::string> binary = {
      "+", "-", "*", "/", "%", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||", " and ", " or "};
  const auto sub = [&] { return RandomExpression(random, depth - 1); };
  switch (depth <= 0 ? 0 : random() % 10) {
    case 0:
      return leaves[random() % leaves.size()];
    case 1:
    case 2:
      return sub() + binary[random() % binary.size()] + sub();
    case 3:
      return std::string(random() % 2 ? "-" : "!") + sub();
    case 4:
      return "(" + sub() + ")";
    case 5:
      return "if(" + sub() + ", " + sub() + ", " + sub() + ")";
    case 6:
      return std::string(random() % 2 ? "isNull(" : "isNotNull(") + sub() + ")";
    case 7:
      return "firstNonNull(" + sub() + "," + sub() + "," + sub() + ")";
    case 8:
      return std::string(random() % 2 ? "greatest(" : "least(") + sub() + "," + sub() + ")";
    default:
      return "removeZeros(" + sub() + ")";
  }
}

TEST(ExpressionFuzzTest, RandomValidExpressionsParseAndEvaluate) {
  std::mt19937 random(99);
  for (int i = 0; i < 10000; ++i) {
    const std::string text = RandomExpression(random, 1 + i % 5);
    ASSERT_NO_THROW(Expression::Parse(text)) << text;
    ASSERT_TRUE(ParseAndEvaluateAnything(text, random)) << text;
    if (HasFailure()) return;
  }
}

TEST(ExpressionFuzzTest, MutationsOfValidExpressionsEitherParseOrFailCleanly) {
  const std::vector<std::string> seeds = {
      "#{LIVE_BIRTHS.NAM_DTTS}+#{LIVE_BIRTHS.NAM_KHONG_DTTS}",
      "(#{a} - #{b.c.d}) / C{k} * 100",
      "if(isNull(#{a}), firstNonNull(#{b}, 0), greatest(#{a}, least(1, 2)))",
      "removeZeros(#{de.*.aoc}) / [days] ^ -2 % 7",
      "R{ds.REPORTING_RATE_ON_TIME} >= 80 && !(N{ind} != 3) || OUG{TYT} < 2",
      "-1",
      ".5e3 + 1. - 0",
  };
  const std::string inserts = "#{}.*()+-*/%^!<>=&|, 0a_[]";
  std::mt19937 random(7);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[random() % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = text.empty() ? 0 : random() % (text.size() + 1);
      switch (random() % 4) {
        case 0:  // delete
          if (at < text.size()) text.erase(at, 1 + random() % 3);
          break;
        case 1:  // insert
          text.insert(at, 1, inserts[random() % inserts.size()]);
          break;
        case 2:  // replace with any byte
          if (at < text.size()) text[at] = static_cast<char>(random() & 0xFF);
          break;
        case 3:  // duplicate a piece
          if (at < text.size()) text.insert(at, text.substr(at, 1 + random() % 8));
          break;
      }
    }
    parsed += ParseAndEvaluateAnything(text, random);
    if (HasFailure()) return;
  }
  EXPECT_GT(parsed, 2000);
}

// ---- DHIS2's own metadata ----------------------------------------------------------------------

TEST(ExpressionMetadataTest, EveryIndicatorInTheDhis2DemoMetadataParsesAndEvaluates) {
  const std::string path = std::string(SOLIEU_SHARED_DIR) + "/reference/dhis2/e2e/metadata.json";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const boost::json::value metadata = boost::json::parse(buffer.str());
  const boost::json::array& indicators = metadata.at("indicators").as_array();
  ASSERT_FALSE(indicators.empty());

  int expressions = 0;
  for (const boost::json::value& indicator : indicators) {
    for (const char* side : {"numerator", "denominator"}) {
      const std::string text(indicator.at(side).as_string());
      SCOPED_TRACE(std::string(indicator.at("id").as_string()) + " " + side + ": " + text);
      const Expression e = Expression::Parse(text);
      ++expressions;
      std::vector<std::optional<double>> values;
      for (std::size_t i = 0; i < e.Items().size(); ++i) values.push_back(10.0 * (i + 1));
      const std::optional<double> value = e.Evaluate(values, 30);
      ASSERT_TRUE(value.has_value());
      EXPECT_TRUE(std::isfinite(*value));
      std::vector<std::optional<double>> none(e.Items().size());
      for (MissingValueStrategy strategy : {kSkipIfAll, kSkipIfAny, kNeverSkip}) {
        const std::optional<double> missing = e.Evaluate(none, 30, strategy);
        if (missing.has_value()) {
          EXPECT_TRUE(std::isfinite(*missing));
        }
      }
    }
  }
  EXPECT_EQ(expressions, 2 * static_cast<int>(indicators.size()));
}

// ---- Evaluation cost ----------------------------------------------------------------------

TEST(ExpressionTest, EvaluateDoesNotAllocate) {
  const Expression e = Expression::Parse(
      "if(isNull(#{a}), firstNonNull(#{b}, 0), greatest(#{a}, least(#{c}, 2))) / [days] + "
      "removeZeros(#{d.e}) * C{k} + OUG{g} ^ 2 % 7");
  const std::vector<std::optional<double>> values = {1, std::nullopt, 3, 4, 5, 6};
  ASSERT_EQ(values.size(), e.Items().size());
  double sum = 0;
  const long before = g_allocations.load();
  for (int i = 0; i < 1000; ++i) {
    for (MissingValueStrategy strategy : {kSkipIfAll, kSkipIfAny, kNeverSkip}) {
      sum += e.Evaluate(values, 30, strategy).value_or(0);
    }
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_GT(sum, 0);
}

}  // namespace
}  // namespace solieu
