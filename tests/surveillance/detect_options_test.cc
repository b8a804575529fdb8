// Parsing of `solieu detect` options: defaults per method and an error for every bad value.
#include "surveillance/detect_options.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace solieu::surveillance {
namespace {

DetectArguments Method(const char* method) {
  DetectArguments a;
  a.method = method;
  return a;
}

// Expects a UserError naming `option`.
void ExpectBad(const DetectArguments& a, const char* option) {
  try {
    ParseDetectArguments(a);
    ADD_FAILURE() << "expected an error on " << option;
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "detect.bad_option");
    EXPECT_EQ(e.where(), option);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
  }
}

TEST(DetectOptions, EarsMethodsAndTheirDefaultAlpha) {
  DetectOptions o = ParseDetectArguments(Method("ears-c1"));
  EXPECT_EQ(o.method, DetectMethod::kEarsC1);
  EXPECT_EQ(o.ears.method, EarsMethod::kC1);
  EXPECT_EQ(o.ears.alpha, 0.001);
  EXPECT_EQ(o.ears.baseline, 7);
  EXPECT_EQ(o.ears.min_sigma, 0.0);
  o = ParseDetectArguments(Method("ears-c2"));
  EXPECT_EQ(o.ears.method, EarsMethod::kC2);
  EXPECT_EQ(o.ears.alpha, 0.001);
  o = ParseDetectArguments(Method("ears-c3"));
  EXPECT_EQ(o.ears.method, EarsMethod::kC3R);  // "ears-c3" is R's C3
  EXPECT_EQ(o.ears.alpha, 0.025);
  o = ParseDetectArguments(Method("ears-c3-textbook"));
  EXPECT_EQ(o.ears.method, EarsMethod::kC3Textbook);
  EXPECT_EQ(o.ears.alpha, 0.025);
}

TEST(DetectOptions, EarsValues) {
  DetectArguments a = Method("ears-c1");
  a.baseline = "10";
  a.min_sigma = "0.5";
  a.alpha = "0.01";
  a.range = "20:30";
  const DetectOptions o = ParseDetectArguments(a);
  EXPECT_EQ(o.ears.baseline, 10);
  EXPECT_EQ(o.ears.min_sigma, 0.5);
  EXPECT_EQ(o.ears.alpha, 0.01);
  EXPECT_EQ(o.range.first, 20);
  EXPECT_EQ(o.range.last, 30);
}

TEST(DetectOptions, FarringtonDefaultsAreNoufaily) {
  const DetectOptions o = ParseDetectArguments(Method("farrington-flexible"));
  const FarringtonParams n = FarringtonParams::NoufailyConfig();
  EXPECT_EQ(o.farrington.b, n.b);
  EXPECT_EQ(o.farrington.no_periods, 10);
  EXPECT_EQ(o.farrington.past_weeks_not_included, 26);
  EXPECT_EQ(o.farrington.alpha, 0.05);
  EXPECT_EQ(o.farrington.threshold_method, ThresholdMethod::kNbPlugin);
  EXPECT_EQ(o.farrington.frequency, 52);
}

TEST(DetectOptions, FarringtonValues) {
  DetectArguments a = Method("farrington-flexible");
  a.b = "5";
  a.w = "2";
  a.no_periods = "1";
  a.past_weeks_not_included = "2";
  a.reweight = "false";
  a.weights_threshold = "1";
  a.trend = "FALSE";
  a.p_threshold_trend = "0.05";
  a.limit54 = "3,2";
  a.powertrans = "1/2";
  a.threshold_method = "delta";
  a.alpha = "0.01";
  a.frequency = "12";
  const FarringtonParams p = ParseDetectArguments(a).farrington;
  EXPECT_EQ(p.b, 5);
  EXPECT_EQ(p.w, 2);
  EXPECT_EQ(p.no_periods, 1);
  EXPECT_EQ(p.past_weeks_not_included, 2);
  EXPECT_FALSE(p.reweight);
  EXPECT_EQ(p.weights_threshold, 1.0);
  EXPECT_FALSE(p.trend);
  EXPECT_EQ(p.p_threshold_trend, 0.05);
  EXPECT_EQ(p.limit54_cases, 3);
  EXPECT_EQ(p.limit54_weeks, 2);
  EXPECT_EQ(p.powertrans, PowerTransform::kSquareRoot);
  EXPECT_EQ(p.threshold_method, ThresholdMethod::kDelta);
  EXPECT_EQ(p.alpha, 0.01);
  EXPECT_EQ(p.frequency, 12);
  a.powertrans = "none";
  a.threshold_method = "muan";
  EXPECT_EQ(ParseDetectArguments(a).farrington.powertrans, PowerTransform::kNone);
  EXPECT_EQ(ParseDetectArguments(a).farrington.threshold_method, ThresholdMethod::kMuan);
}

TEST(DetectOptions, OpenRanges) {
  DetectArguments a = Method("threshold");
  a.range = "5:";
  EXPECT_EQ(ParseDetectArguments(a).range.first, 5);
  EXPECT_FALSE(ParseDetectArguments(a).range.last.has_value());
  a.range = ":9";
  EXPECT_FALSE(ParseDetectArguments(a).range.first.has_value());
  EXPECT_EQ(ParseDetectArguments(a).range.last, 9);
}

TEST(DetectOptions, Errors) {
  ExpectBad(Method(""), "--method");
  ExpectBad(Method("cusum"), "--method");
  DetectArguments a = Method("ears-c1");
  a.alpha = "abc";
  ExpectBad(a, "--alpha");
  a.alpha = "1.5";
  ExpectBad(a, "--alpha");
  a.alpha = "0.01x";
  ExpectBad(a, "--alpha");
  a = Method("ears-c1");
  a.baseline = "2";
  ExpectBad(a, "--baseline");
  a.baseline = "7.5";
  ExpectBad(a, "--baseline");
  a = Method("ears-c2");
  a.min_sigma = "-1";
  ExpectBad(a, "--min-sigma");
  a = Method("ears-c1");
  a.b = "4";  // a Farrington option on an EARS method
  ExpectBad(a, "--b");
  a = Method("farrington-flexible");
  a.baseline = "7";
  ExpectBad(a, "--baseline");
  a = Method("threshold");
  a.alpha = "0.05";
  ExpectBad(a, "--alpha");
  for (const char* range : {"12", "12-30", "30:12", "0:5", "a:b", ":", "1:2:3"}) {
    a = Method("ears-c1");
    a.range = range;
    ExpectBad(a, "--range");
  }
  a = Method("farrington-flexible");
  a.no_periods = "60";
  ExpectBad(a, "--no-periods");
  a = Method("farrington-flexible");
  a.reweight = "maybe";
  ExpectBad(a, "--reweight");
  a = Method("farrington-flexible");
  a.limit54 = "5";
  ExpectBad(a, "--limit54");
  a.limit54 = "5,0";
  ExpectBad(a, "--limit54");
  a = Method("farrington-flexible");
  a.powertrans = "3/4";
  ExpectBad(a, "--powertrans");
  a = Method("farrington-flexible");
  a.threshold_method = "quantile";
  ExpectBad(a, "--threshold-method");
  a = Method("farrington-flexible");
  a.past_weeks_not_included = "-1";
  ExpectBad(a, "--past-weeks-not-included");
  a = Method("threshold");
  a.min_count = "0";
  ExpectBad(a, "--min-count");
}

}  // namespace
}  // namespace solieu::surveillance
