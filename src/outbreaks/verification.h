// outbreaks/verification: what an epidemiologist decides about an alert — discard it, monitor
// it, or declare an outbreak — which decisions each state allows, and the outbreak record a
// declaration opens (place and disease of the alert; start, cases and deaths from its weeks
// unless given). Depends on: core, store records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "store/surveillance_records.h"

namespace solieu::outbreaks {

enum class Decision { kDiscard, kMonitor, kOutbreak };

// "discard", "monitor", "outbreak"; nullopt otherwise.
std::optional<Decision> ParseDecision(std::string_view text);
AlertStatus StatusAfter(Decision decision);

// Open alerts take any decision; monitored ones may be discarded, declared or monitored again;
// discarded alerts and declared outbreaks are final. Throws UserError
// ("surveillance.alert_closed") naming the alert's status otherwise.
void CheckDecisionAllowed(const AlertRecord& alert, Decision decision);

// What a person may give for an outbreak record; absent fields take the defaults.
struct OutbreakInput {
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::optional<std::int64_t> cases;
  std::optional<std::int64_t> deaths;
  std::optional<std::string> actions;
};

// Throws UserError naming the field for negative counts, deaths above cases, an end before the
// start, a start or an end in the future (after `today`), actions over 20,000 bytes.
void ValidateOutbreak(const OutbreakRecord& outbreak, Date today);

// `observed_cases` and `observed_deaths`: the counts of the alert's weeks in the stored data.
OutbreakRecord OutbreakForAlert(const AlertRecord& alert, Date first_week_start,
                                std::int64_t observed_cases, std::int64_t observed_deaths,
                                const OutbreakInput& input);

// `outbreak` with the given fields changed.
OutbreakRecord ApplyInput(OutbreakRecord outbreak, const OutbreakInput& input);

}  // namespace solieu::outbreaks
