// The detection rules' parameters as one line of configuration ("baseline=7;min-sigma=1"): the
// same options and errors as `solieu detect`, the error naming the option as "--name".
#include <gtest/gtest.h>

#include "core/error.h"
#include "surveillance/detect_options.h"

namespace solieu::surveillance {
namespace {

// Expects a UserError naming `option`.
void ExpectBad(const std::string& method, const std::string& parameters, const char* option) {
  try {
    ParseDetectParameters(method, parameters);
    ADD_FAILURE() << "accepted " << method << " '" << parameters << "'";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "detect.bad_option") << parameters;
    EXPECT_EQ(e.where(), option) << parameters;
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
  }
}

TEST(DetectParameters, EarsLine) {
  DetectOptions o = ParseDetectParameters("ears-c3-textbook", "baseline=7;min-sigma=1");
  EXPECT_EQ(o.method, DetectMethod::kEarsC3Textbook);
  EXPECT_EQ(o.ears.method, EarsMethod::kC3Textbook);
  EXPECT_EQ(o.ears.baseline, 7);
  EXPECT_EQ(o.ears.min_sigma, 1.0);
  EXPECT_EQ(o.ears.alpha, 0.025);
  EXPECT_FALSE(o.range.first);
  EXPECT_FALSE(o.range.last);

  o = ParseDetectParameters("ears-c1", "baseline=10;alpha=0.01");
  EXPECT_EQ(o.method, DetectMethod::kEarsC1);
  EXPECT_EQ(o.ears.method, EarsMethod::kC1);
  EXPECT_EQ(o.ears.baseline, 10);
  EXPECT_EQ(o.ears.alpha, 0.01);

  o = ParseDetectParameters("ears-c2", "");
  EXPECT_EQ(o.ears.method, EarsMethod::kC2);
  EXPECT_EQ(o.ears.baseline, 7);
  EXPECT_EQ(o.ears.alpha, 0.001);

  o = ParseDetectParameters("ears-c3", "min-sigma=0.5");
  EXPECT_EQ(o.ears.method, EarsMethod::kC3R);
  EXPECT_EQ(o.ears.min_sigma, 0.5);
}

TEST(DetectParameters, FarringtonLine) {
  DetectOptions o = ParseDetectParameters(
      "farrington-flexible",
      "b=3;w=2;no-periods=5;past-weeks-not-included=10;alpha=0.05;limit54=3,2;powertrans=1/2;"
      "threshold-method=muan;reweight=false;trend=false;weights-threshold=2;"
      "p-threshold-trend=0.1;frequency=52");
  EXPECT_EQ(o.method, DetectMethod::kFarringtonFlexible);
  const FarringtonParams& p = o.farrington;
  EXPECT_EQ(p.b, 3);
  EXPECT_EQ(p.w, 2);
  EXPECT_EQ(p.no_periods, 5);
  EXPECT_EQ(p.past_weeks_not_included, 10);
  EXPECT_EQ(p.alpha, 0.05);
  EXPECT_EQ(p.limit54_cases, 3);
  EXPECT_EQ(p.limit54_weeks, 2);
  EXPECT_EQ(p.powertrans, PowerTransform::kSquareRoot);
  EXPECT_EQ(p.threshold_method, ThresholdMethod::kMuan);
  EXPECT_FALSE(p.reweight);
  EXPECT_FALSE(p.trend);
  EXPECT_EQ(p.weights_threshold, 2.0);
  EXPECT_EQ(p.p_threshold_trend, 0.1);
  EXPECT_EQ(p.frequency, 52);
}

TEST(DetectParameters, FarringtonDefaultsAreNoufailys) {
  const DetectOptions o = ParseDetectParameters("farrington-flexible", "b=4;w=3;alpha=0.01");
  const FarringtonParams defaults = FarringtonParams::NoufailyConfig();
  EXPECT_EQ(o.farrington.b, 4);
  EXPECT_EQ(o.farrington.w, 3);
  EXPECT_EQ(o.farrington.alpha, 0.01);
  EXPECT_EQ(o.farrington.no_periods, defaults.no_periods);
  EXPECT_EQ(o.farrington.past_weeks_not_included, defaults.past_weeks_not_included);
  EXPECT_EQ(o.farrington.limit54_cases, defaults.limit54_cases);
  EXPECT_EQ(o.farrington.limit54_weeks, defaults.limit54_weeks);
}

TEST(DetectParameters, ThresholdLine) {
  DetectOptions o = ParseDetectParameters("threshold", "min-count=3");
  EXPECT_EQ(o.method, DetectMethod::kThreshold);
  EXPECT_EQ(o.threshold.min_count, 3);
  o = ParseDetectParameters("threshold", "");
  EXPECT_EQ(o.threshold.min_count, 1);
}

TEST(DetectParameters, SpacesAndEmptyItemsAreIgnored) {
  const DetectOptions o = ParseDetectParameters("ears-c1", " baseline=5 ; ;min-sigma=2;");
  EXPECT_EQ(o.ears.baseline, 5);
  EXPECT_EQ(o.ears.min_sigma, 2.0);
}

TEST(DetectParameters, UnknownMethod) {
  ExpectBad("ears-c4", "", "--method");
  ExpectBad("", "baseline=7", "--method");
}

TEST(DetectParameters, UnknownName) {
  ExpectBad("ears-c1", "baseline=7;window=3", "--window");
  // The run decides which weeks it scores: no range in a rule.
  ExpectBad("ears-c1", "range=1:10", "--range");
  // Names are written without their dashes.
  ExpectBad("ears-c1", "--baseline=7", "----baseline");
}

TEST(DetectParameters, MissingEqualsOrValue) {
  ExpectBad("ears-c1", "baseline", "--baseline");
  ExpectBad("ears-c1", "baseline=7;min-sigma", "--min-sigma");
  ExpectBad("ears-c1", "baseline=", "--baseline");
}

TEST(DetectParameters, RepeatedName) {
  ExpectBad("ears-c1", "baseline=7;baseline=8", "--baseline");
  ExpectBad("farrington-flexible", "b=4;w=3;b=4", "--b");
}

TEST(DetectParameters, OptionThatDoesNotApplyToTheMethod) {
  ExpectBad("ears-c1", "b=4", "--b");
  ExpectBad("ears-c3-textbook", "min-count=2", "--min-count");
  ExpectBad("farrington-flexible", "baseline=7", "--baseline");
  ExpectBad("threshold", "alpha=0.05", "--alpha");
}

TEST(DetectParameters, BadValue) {
  ExpectBad("ears-c1", "baseline=seven", "--baseline");
  ExpectBad("ears-c1", "baseline=7.5", "--baseline");
  ExpectBad("ears-c1", "baseline=2", "--baseline");  // at least 3 weeks
  ExpectBad("ears-c1", "alpha=1.5", "--alpha");
  ExpectBad("farrington-flexible", "limit54=5", "--limit54");
  ExpectBad("farrington-flexible", "powertrans=3/4", "--powertrans");
  ExpectBad("farrington-flexible", "reweight=maybe", "--reweight");
  ExpectBad("threshold", "min-count=0", "--min-count");
}

}  // namespace
}  // namespace solieu::surveillance
