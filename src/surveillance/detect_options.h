// surveillance/detect_options: the method and parameters of `solieu detect`, parsed from the
// command line's text with a bilingual UserError for every bad value. Kept apart from the CLI
// library so the rules (defaults per method, which options apply to which method) are tested
// without it. Depends on: core/error and the detectors' parameter structs.
#pragma once

#include <optional>
#include <string>

#include "surveillance/ears.h"
#include "surveillance/farrington_flexible.h"
#include "surveillance/threshold.h"

namespace solieu::surveillance {

enum class DetectMethod {
  kEarsC1,              // "ears-c1"
  kEarsC2,              // "ears-c2"
  kEarsC3,              // "ears-c3": R's C3 (EarsMethod::kC3R), matching the reference outputs
  kEarsC3Textbook,      // "ears-c3-textbook": the textbook C3
  kFarringtonFlexible,  // "farrington-flexible"
  kThreshold,           // "threshold": alarm when the count reaches --min-count
};

// The option values as typed; an empty string means "not given".
struct DetectArguments {
  std::string method;
  std::string range;  // "FROM:TO", "FROM:" or ":TO", 1-based week indices
  // EARS
  std::string baseline;
  std::string min_sigma;
  std::string alpha;  // EARS and Farrington
  // Farrington flexible
  std::string frequency;
  std::string b;
  std::string w;
  std::string no_periods;
  std::string past_weeks_not_included;
  std::string reweight;
  std::string weights_threshold;
  std::string trend;
  std::string p_threshold_trend;
  std::string limit54;           // "CASES,WEEKS"
  std::string powertrans;        // "none" (or "1"), "1/2", "2/3"
  std::string threshold_method;  // "delta", "nbplugin", "muan"
  // Threshold rule
  std::string min_count;
};

// The weeks to report for every unit; an open end means the first or last week of the unit.
struct RangeOption {
  std::optional<int> first;
  std::optional<int> last;
};

struct DetectOptions {
  DetectMethod method = DetectMethod::kEarsC3Textbook;
  RangeOption range;
  EarsParams ears;              // for the EARS methods (method and alpha already set)
  FarringtonParams farrington;  // for farrington-flexible (the Noufaily 2013 defaults)
  ThresholdParams threshold;    // for threshold
};

// Throws UserError (code "detect.bad_option", where = the option, e.g. "--alpha") for an unknown
// method, an unparsable or out-of-range value, or an option that does not apply to the method.
DetectOptions ParseDetectArguments(const DetectArguments& arguments);

// The same options written as one line of configuration, "baseline=7;min-sigma=1" (the option
// names without their dashes, separated by ';'), as the weekly run's detection rules hold them.
// No range: the run decides which week it scores. Errors as ParseDetectArguments.
DetectOptions ParseDetectParameters(const std::string& method, const std::string& parameters);

}  // namespace solieu::surveillance
