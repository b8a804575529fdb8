// store/surveillance_records: what outbreak surveillance keeps: the weekly runs, the signals they
// raise, the alerts that group repeated signals for one disease and place, the verification of
// each alert, and outbreak (ổ dịch) records, with a log of every change made by a person. Plain
// records and their storage; the rules that decide them live in outbreaks/.
// Depends on: core only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace solieu {

// One week a detector flagged for a disease and an org unit.
struct SignalRecord {
  std::int64_t id = 0;  // set by the store
  std::string disease_uid;
  std::string org_unit_uid;
  std::string period;  // the ISO week, "2025W14"
  Date period_start;
  std::int64_t observed = 0;
  std::optional<double> expected;     // the baseline mean or the model's prediction
  std::optional<double> upper_bound;  // alarm iff observed > upper_bound
  std::string algorithm;              // "ears-c3-textbook", "farrington-flexible", "threshold"
  std::string parameters;             // the parameters used, "baseline=7;min-sigma=1"
  std::int64_t run_id = 0;
  std::int64_t alert_id = 0;
};

enum class AlertStatus {
  kOpen,        // raised, not yet verified
  kMonitoring,  // verified: not (yet) an outbreak, watched
  kDiscarded,   // verified: no event (a data error, an expected rise)
  kOutbreak,    // verified: an outbreak record was opened
};
std::string_view AlertStatusName(AlertStatus status);  // "open", "monitoring", ...
std::optional<AlertStatus> ParseAlertStatus(std::string_view name);

struct AlertRecord {
  std::int64_t id = 0;
  std::string disease_uid;
  std::string org_unit_uid;
  AlertStatus status = AlertStatus::kOpen;
  std::string created_at;
  std::string updated_at;
  std::string verified_by;  // empty until verified
  std::string verified_at;
  std::string note;
  // Derived from the alert's signals.
  std::string first_period;
  std::string last_period;
  Date last_period_start;
  int signal_count = 0;
  std::int64_t max_observed = 0;
  std::optional<std::int64_t> outbreak_id;
  bool outbreak_ongoing = false;  // the outbreak has no end date yet
};

struct OutbreakRecord {
  std::int64_t id = 0;
  std::string disease_uid;
  std::string org_unit_uid;
  Date start_date;
  std::optional<Date> end_date;  // nullopt while the outbreak is going on
  std::int64_t cases = 0;
  std::int64_t deaths = 0;
  std::string actions;  // the response, as the CDC writes it
  std::optional<std::int64_t> alert_id;
  std::string declared_by;
  std::string declared_at;
  std::string updated_by;
  std::string updated_at;
};

struct SurveillanceRun {
  std::int64_t id = 0;
  std::string period;  // the ISO week scored
  std::string started_at;
  std::string finished_at;
  std::string run_by;
  std::int64_t series_scored = 0;
  std::int64_t series_skipped = 0;  // too little history for the rule's method
  std::int64_t signals = 0;
};

// Where a signal goes: to an existing alert, or to a new one for its disease and place.
struct SignalPlacement {
  SignalRecord signal;
  std::optional<std::int64_t> alert_id;  // nullopt: open a new alert
};

// One change made by a person, kept for the audit: who, when, from where, what.
struct SurveillanceEvent {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::string client;
  std::string action;  // "verify_alert", "declare_outbreak", "update_outbreak"
  std::optional<std::int64_t> alert_id;
  std::optional<std::int64_t> outbreak_id;
  std::string detail;  // what changed, as JSON text
};

struct AlertFilter {
  std::vector<AlertStatus> statuses;       // empty: any
  std::string disease_uid;                 // empty: any
  std::vector<std::string> org_unit_uids;  // empty: any
};

class SurveillanceRecords {
 public:
  virtual ~SurveillanceRecords() = default;

  // Stores a run and its signals in one transaction. A signal already stored for the same disease,
  // unit, week and algorithm (a re-run) is updated in place and keeps its alert; otherwise it joins
  // `alert_id`, or a new open alert (one per disease and unit within the call). Returns the run.
  virtual SurveillanceRun SaveRun(SurveillanceRun run,
                                  const std::vector<SignalPlacement>& signals) = 0;
  virtual std::vector<SurveillanceRun> ListRuns(int limit) = 0;  // newest first

  virtual std::vector<AlertRecord> ListAlerts(const AlertFilter& filter) = 0;  // newest first
  virtual std::optional<AlertRecord> FindAlert(std::int64_t id) = 0;
  virtual std::vector<SignalRecord> SignalsOfAlert(std::int64_t alert_id) = 0;  // by week

  // Sets the alert's status, verifier and note, opens `outbreak` if given (linked to the alert)
  // and records `event`, in one transaction. Returns the outbreak's id when one was opened.
  virtual std::optional<std::int64_t> VerifyAlert(std::int64_t alert_id, AlertStatus status,
                                                  const std::string& note,
                                                  const std::optional<OutbreakRecord>& outbreak,
                                                  const SurveillanceEvent& event) = 0;

  virtual std::vector<OutbreakRecord> ListOutbreaks(const std::string& disease_uid,
                                                    const std::vector<std::string>& org_units) = 0;
  virtual std::optional<OutbreakRecord> FindOutbreak(std::int64_t id) = 0;
  // Inserts (id 0) or replaces an outbreak record and records `event`, in one transaction.
  virtual std::int64_t PutOutbreak(const OutbreakRecord& outbreak,
                                   const SurveillanceEvent& event) = 0;

  virtual std::vector<SurveillanceEvent> Events(std::optional<std::int64_t> alert_id,
                                                std::optional<std::int64_t> outbreak_id) = 0;
};

}  // namespace solieu
