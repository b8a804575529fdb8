// core/data_value: one stored figure and its audit trail, keyed as DHIS2 keys it: data element,
// period, org unit, category option combo, attribute option combo. Depends on: core/date.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace solieu {

struct DataValueKey {
  std::string data_element_uid;
  std::string period;  // canonical DHIS2 period id ("202101", "2021Q1", "2021-01-01/P9M")
  std::string org_unit_uid;
  std::string category_option_combo_uid;
  std::string attribute_option_combo_uid;

  friend bool operator==(const DataValueKey&, const DataValueKey&) = default;
};

struct DataValue {
  DataValueKey key;
  std::string value;  // machine form: "1250", "65.7", "true"
  std::string comment;
  std::string stored_by;
  std::string last_updated;  // ISO 8601 UTC, set by the store
};

// A value to write. An absent value deletes the stored one.
struct DataValueWrite {
  DataValueKey key;
  Date period_start;  // the period's span, kept beside its id for date-range queries
  Date period_end;
  std::optional<std::string> value;
  std::string comment;
};

enum class AuditAction { kCreate, kUpdate, kDelete };

struct AuditEntry {
  long long id = 0;
  DataValueKey key;
  AuditAction action = AuditAction::kCreate;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::string changed_by;
  std::string changed_at;  // ISO 8601 UTC
  std::string client;      // the address the write came from, "cli", or empty (before it was kept)
};

// A plan figure: the target of an indicator for a period and org unit, verbatim ("≥95").
struct TargetRecord {
  std::string indicator_uid;
  std::string period;  // canonical period id: "2025", "2021-01-01/P5Y"
  std::string org_unit_uid;
  std::string target;
  std::string source;  // where the figure comes from (a decision, a report)
};

}  // namespace solieu
