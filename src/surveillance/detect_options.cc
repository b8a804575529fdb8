#include "surveillance/detect_options.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "core/error.h"

namespace solieu::surveillance {
namespace {

UserError BadOption(const std::string& option, const std::string& vi, const std::string& en) {
  return UserError("detect.bad_option", vi, en, option);
}

UserError NotANumber(const std::string& option, const std::string& text, const char* kind_vi,
                     const char* kind_en) {
  return BadOption(option, "giá trị '" + text + "' không phải " + kind_vi,
                   "the value '" + text + "' is not " + kind_en);
}

int ParseInt(const std::string& option, const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    throw NotANumber(option, text, "một số nguyên", "an integer");
  }
  return value;
}

double ParseDouble(const std::string& option, const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    throw NotANumber(option, text, "một số", "a number");
  }
  return value;
}

bool ParseBool(const std::string& option, const std::string& text) {
  if (text == "true" || text == "TRUE" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "FALSE" || text == "0" || text == "no") return false;
  throw BadOption(option, "giá trị '" + text + "' phải là true hoặc false",
                  "the value '" + text + "' must be true or false");
}

RangeOption ParseRange(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos || text.find(':', colon + 1) != std::string::npos || text == ":") {
    throw BadOption("--range", "khoảng tuần '" + text + "' phải có dạng TỪ:ĐẾN, ví dụ 12:312",
                    "the week range '" + text + "' must look like FROM:TO, e.g. 12:312");
  }
  RangeOption range;
  const std::string first = text.substr(0, colon);
  const std::string last = text.substr(colon + 1);
  if (!first.empty()) range.first = ParseInt("--range", first);
  if (!last.empty()) range.last = ParseInt("--range", last);
  if ((range.first && *range.first < 1) || (range.last && *range.last < 1)) {
    throw BadOption("--range", "chỉ số tuần bắt đầu từ 1", "week indices start at 1");
  }
  if (range.first && range.last && *range.first > *range.last) {
    throw BadOption("--range", "khoảng tuần '" + text + "' rỗng (tuần đầu sau tuần cuối)",
                    "the week range '" + text + "' is empty (first after last)");
  }
  return range;
}

DetectMethod ParseMethod(const std::string& text) {
  static const std::pair<const char*, DetectMethod> kMethods[] = {
      {"ears-c1", DetectMethod::kEarsC1},
      {"ears-c2", DetectMethod::kEarsC2},
      {"ears-c3", DetectMethod::kEarsC3},
      {"ears-c3-textbook", DetectMethod::kEarsC3Textbook},
      {"farrington-flexible", DetectMethod::kFarringtonFlexible},
      {"threshold", DetectMethod::kThreshold},
  };
  for (const auto& [name, method] : kMethods) {
    if (text == name) return method;
  }
  const std::string known =
      "ears-c1, ears-c2, ears-c3, ears-c3-textbook, farrington-flexible, threshold";
  throw BadOption("--method", "phương pháp '" + text + "' không được hỗ trợ (chọn: " + known + ")",
                  "unknown method '" + text + "' (choose: " + known + ")");
}

// The command-line option for a detector parameter named as in R (the `where` of its errors).
std::string OptionName(const std::string& parameter) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"baseline", "--baseline"},
      {"minSigma", "--min-sigma"},
      {"alpha", "--alpha"},
      {"frequency", "--frequency"},
      {"b", "--b"},
      {"w", "--w"},
      {"noPeriods", "--no-periods"},
      {"pastWeeksNotIncluded", "--past-weeks-not-included"},
      {"weightsThreshold", "--weights-threshold"},
      {"pThresholdTrend", "--p-threshold-trend"},
      {"limit54", "--limit54"},
      {"minCount", "--min-count"},
  };
  for (const auto& [name, option] : kNames) {
    if (parameter == name) return option;
  }
  return parameter;
}

bool IsEars(DetectMethod m) {
  return m == DetectMethod::kEarsC1 || m == DetectMethod::kEarsC2 || m == DetectMethod::kEarsC3 ||
         m == DetectMethod::kEarsC3Textbook;
}

// Rejects options given for a method they do not apply to: silently ignoring `--baseline 4` on a
// Farrington run would leave the user believing it was used.
void RejectInapplicable(const DetectArguments& a, const std::string& method_name, bool ears,
                        bool farrington, bool threshold) {
  struct Owner {
    const std::string* value;
    const char* option;
    bool applies;
  };
  const Owner owners[] = {
      {&a.baseline, "--baseline", ears},
      {&a.min_sigma, "--min-sigma", ears},
      {&a.alpha, "--alpha", ears || farrington},
      {&a.frequency, "--frequency", farrington},
      {&a.b, "--b", farrington},
      {&a.w, "--w", farrington},
      {&a.no_periods, "--no-periods", farrington},
      {&a.past_weeks_not_included, "--past-weeks-not-included", farrington},
      {&a.reweight, "--reweight", farrington},
      {&a.weights_threshold, "--weights-threshold", farrington},
      {&a.trend, "--trend", farrington},
      {&a.p_threshold_trend, "--p-threshold-trend", farrington},
      {&a.limit54, "--limit54", farrington},
      {&a.powertrans, "--powertrans", farrington},
      {&a.threshold_method, "--threshold-method", farrington},
      {&a.min_count, "--min-count", threshold},
  };
  for (const Owner& owner : owners) {
    if (!owner.value->empty() && !owner.applies) {
      throw BadOption(
          owner.option,
          std::string("tùy chọn ") + owner.option + " không áp dụng cho phương pháp " + method_name,
          std::string("the option ") + owner.option + " does not apply to method " + method_name);
    }
  }
}

FarringtonParams ParseFarrington(const DetectArguments& a) {
  FarringtonParams p = FarringtonParams::NoufailyConfig();
  if (!a.frequency.empty()) p.frequency = ParseInt("--frequency", a.frequency);
  if (!a.b.empty()) p.b = ParseInt("--b", a.b);
  if (!a.w.empty()) p.w = ParseInt("--w", a.w);
  if (!a.no_periods.empty()) p.no_periods = ParseInt("--no-periods", a.no_periods);
  if (!a.past_weeks_not_included.empty()) {
    p.past_weeks_not_included = ParseInt("--past-weeks-not-included", a.past_weeks_not_included);
  }
  if (!a.reweight.empty()) p.reweight = ParseBool("--reweight", a.reweight);
  if (!a.weights_threshold.empty()) {
    p.weights_threshold = ParseDouble("--weights-threshold", a.weights_threshold);
  }
  if (!a.trend.empty()) p.trend = ParseBool("--trend", a.trend);
  if (!a.p_threshold_trend.empty()) {
    p.p_threshold_trend = ParseDouble("--p-threshold-trend", a.p_threshold_trend);
  }
  if (!a.alpha.empty()) p.alpha = ParseDouble("--alpha", a.alpha);
  if (!a.limit54.empty()) {
    const size_t comma = a.limit54.find(',');
    if (comma == std::string::npos) {
      throw BadOption("--limit54", "limit54 phải có dạng SỐ_CA,SỐ_TUẦN, ví dụ 5,4",
                      "limit54 must look like CASES,WEEKS, e.g. 5,4");
    }
    p.limit54_cases = ParseInt("--limit54", a.limit54.substr(0, comma));
    p.limit54_weeks = ParseInt("--limit54", a.limit54.substr(comma + 1));
  }
  if (!a.powertrans.empty()) {
    if (a.powertrans == "none" || a.powertrans == "1") {
      p.powertrans = PowerTransform::kNone;
    } else if (a.powertrans == "1/2") {
      p.powertrans = PowerTransform::kSquareRoot;
    } else if (a.powertrans == "2/3") {
      p.powertrans = PowerTransform::kTwoThirds;
    } else {
      throw BadOption("--powertrans", "powertrans phải là none, 1/2 hoặc 2/3",
                      "powertrans must be none, 1/2 or 2/3");
    }
  }
  if (!a.threshold_method.empty()) {
    const std::string& m = a.threshold_method;
    if (m == "delta") {
      p.threshold_method = ThresholdMethod::kDelta;
    } else if (m == "nbplugin" || m == "nbPlugin") {
      p.threshold_method = ThresholdMethod::kNbPlugin;
    } else if (m == "muan") {
      p.threshold_method = ThresholdMethod::kMuan;
    } else {
      throw BadOption("--threshold-method", "threshold-method phải là delta, nbplugin hoặc muan",
                      "threshold-method must be delta, nbplugin or muan");
    }
  }
  return p;
}

}  // namespace

DetectOptions ParseDetectArguments(const DetectArguments& a) {
  if (a.method.empty()) {
    throw BadOption("--method", "thiếu phương pháp phát hiện", "the detection method is missing");
  }
  DetectOptions options;
  options.method = ParseMethod(a.method);
  const bool ears = IsEars(options.method);
  const bool farrington = options.method == DetectMethod::kFarringtonFlexible;
  const bool threshold = options.method == DetectMethod::kThreshold;
  RejectInapplicable(a, a.method, ears, farrington, threshold);
  if (!a.range.empty()) options.range = ParseRange(a.range);

  if (ears) {
    switch (options.method) {
      case DetectMethod::kEarsC1:
        options.ears.method = EarsMethod::kC1;
        break;
      case DetectMethod::kEarsC2:
        options.ears.method = EarsMethod::kC2;
        break;
      case DetectMethod::kEarsC3:
        options.ears.method = EarsMethod::kC3R;
        break;
      default:
        options.ears.method = EarsMethod::kC3Textbook;
        break;
    }
    if (!a.baseline.empty()) options.ears.baseline = ParseInt("--baseline", a.baseline);
    if (!a.min_sigma.empty()) options.ears.min_sigma = ParseDouble("--min-sigma", a.min_sigma);
    options.ears.alpha =
        a.alpha.empty() ? DefaultEarsAlpha(options.ears.method) : ParseDouble("--alpha", a.alpha);
  }
  if (farrington) options.farrington = ParseFarrington(a);
  if (threshold && !a.min_count.empty()) {
    options.threshold.min_count = ParseInt("--min-count", a.min_count);
  }
  // The detectors own their parameter rules; check them now, before any file is read, and name
  // the command-line option in the error.
  try {
    if (ears) ValidateEarsParams(options.ears);
    if (farrington) ValidateFarringtonParams(options.farrington);
    if (threshold) ValidateThresholdParams(options.threshold);
  } catch (const UserError& e) {
    throw BadOption(OptionName(e.where()), e.message_vi(), e.message_en());
  }
  return options;
}

DetectOptions ParseDetectParameters(const std::string& method, const std::string& parameters) {
  DetectArguments a;
  a.method = method;
  const std::pair<const char*, std::string DetectArguments::*> fields[] = {
      {"baseline", &DetectArguments::baseline},
      {"min-sigma", &DetectArguments::min_sigma},
      {"alpha", &DetectArguments::alpha},
      {"frequency", &DetectArguments::frequency},
      {"b", &DetectArguments::b},
      {"w", &DetectArguments::w},
      {"no-periods", &DetectArguments::no_periods},
      {"past-weeks-not-included", &DetectArguments::past_weeks_not_included},
      {"reweight", &DetectArguments::reweight},
      {"weights-threshold", &DetectArguments::weights_threshold},
      {"trend", &DetectArguments::trend},
      {"p-threshold-trend", &DetectArguments::p_threshold_trend},
      {"limit54", &DetectArguments::limit54},
      {"powertrans", &DetectArguments::powertrans},
      {"threshold-method", &DetectArguments::threshold_method},
      {"min-count", &DetectArguments::min_count},
  };
  size_t start = 0;
  while (start < parameters.size()) {
    size_t end = parameters.find(';', start);
    if (end == std::string::npos) end = parameters.size();
    std::string item = parameters.substr(start, end - start);
    start = end + 1;
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (item.empty()) continue;
    size_t equals = item.find('=');
    std::string name = item.substr(0, equals);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (equals == std::string::npos || equals + 1 == item.size() || name.empty()) {
      throw BadOption("--" + name, "tham số '" + item + "' phải có dạng TÊN=GIÁ_TRỊ",
                      "parameter '" + item + "' must be NAME=VALUE");
    }
    std::string DetectArguments::*field = nullptr;
    for (const auto& [known, member] : fields) {
      if (name == known) field = member;
    }
    if (field == nullptr) {
      throw BadOption("--" + name, "tham số '" + name + "' không có trong các tùy chọn phát hiện",
                      "unknown detection parameter '" + name + "'");
    }
    if (!(a.*field).empty()) {
      throw BadOption("--" + name, "tham số '" + name + "' được ghi hai lần",
                      "parameter '" + name + "' is given twice");
    }
    std::string value = item.substr(equals + 1);
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    a.*field = value;
  }
  return ParseDetectArguments(a);
}

}  // namespace solieu::surveillance
