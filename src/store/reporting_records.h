// store/reporting_records: what the reporting workflow keeps per data set, period and org unit:
// the registration of a form as complete (when, by whom: the input of completeness and
// timeliness), its approval by a higher level (which locks it), and a log of each change with the
// user and client address. Plain records; the rules live in reporting/. Depends on: core only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace solieu {

// One form: a data set for a period at an org unit. Periods are DHIS2 ids ("202509", "2025W36").
struct ReportKey {
  std::string data_set_uid;
  std::string period;
  std::string org_unit_uid;
  friend bool operator==(const ReportKey&, const ReportKey&) = default;
};

struct CompletionRecord {
  ReportKey key;
  Date period_start;
  Date period_end;
  std::string completed_at;  // ISO 8601 UTC
  Date completed_on;         // the day, UTC, for timeliness
  std::string completed_by;
};

struct ApprovalRecord {
  ReportKey key;
  Date period_start;
  Date period_end;
  std::string approved_at;
  std::string approved_by;
};

struct ReportingEvent {
  std::string at;
  std::string username;
  std::string client;
  std::string action;  // "complete", "uncomplete", "approve", "unapprove"
  ReportKey key;
};

class ReportingRecords {
 public:
  virtual ~ReportingRecords() = default;

  // Inserts or replaces the completion and logs `event`, in one transaction.
  virtual void PutCompletion(const CompletionRecord& completion, const ReportingEvent& event) = 0;
  // Removes it (if any) and logs `event`; returns whether there was one.
  virtual bool DeleteCompletion(const ReportKey& key, const ReportingEvent& event) = 0;
  virtual std::optional<CompletionRecord> FindCompletion(const ReportKey& key) = 0;
  // Of one data set, for periods that lie within from..to.
  virtual std::vector<CompletionRecord> Completions(const std::string& data_set_uid, Date from,
                                                    Date to) = 0;

  virtual void PutApproval(const ApprovalRecord& approval, const ReportingEvent& event) = 0;
  virtual bool DeleteApproval(const ReportKey& key, const ReportingEvent& event) = 0;
  virtual std::optional<ApprovalRecord> FindApproval(const ReportKey& key) = 0;
  // Every approval, for the lock to consult.
  virtual std::vector<ApprovalRecord> Approvals() = 0;

  virtual std::vector<ReportingEvent> Events(const ReportKey& key) = 0;  // oldest first
  // Every event logged after the event `after` (ids increase in commit order), oldest first, at
  // most `limit`, each with its id: how a server learns of forms other processes completed.
  virtual std::vector<std::pair<long long, ReportingEvent>> EventsAfter(long long after,
                                                                        int limit) = 0;
  virtual long long LastEventId() = 0;  // 0 before the first event
};

}  // namespace solieu
