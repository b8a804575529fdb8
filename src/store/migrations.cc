#include "store/migrations.h"

#include <cctype>

namespace solieu {
namespace {

// Integer surrogate keys inside the store, DHIS2-style uids at its boundary. Dates are ISO text.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE org_unit (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'facility')),
  facility_type TEXT NOT NULL DEFAULT '',
  commune_type TEXT NOT NULL DEFAULT '',
  opened TEXT,
  closed TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX org_unit_code ON org_unit (code);

CREATE TABLE org_unit_parent (
  child_id INTEGER NOT NULL REFERENCES org_unit (id),
  parent_id INTEGER NOT NULL REFERENCES org_unit (id),
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to TEXT,
  PRIMARY KEY (child_id, valid_from)
);
CREATE INDEX org_unit_parent_parent ON org_unit_parent (parent_id);

CREATE TABLE org_unit_event (
  id INTEGER PRIMARY KEY,
  event_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  old_id INTEGER NOT NULL REFERENCES org_unit (id),
  new_id INTEGER NOT NULL REFERENCES org_unit (id),
  share REAL NOT NULL CHECK (share > 0 AND share <= 1),
  UNIQUE (old_id, new_id, event_date)
);

CREATE TABLE org_unit_group (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE org_unit_group_member (
  group_id INTEGER NOT NULL REFERENCES org_unit_group (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  PRIMARY KEY (group_id, org_unit_id)
);

CREATE TABLE category_option (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE category_option_in_category (
  category_id INTEGER NOT NULL REFERENCES category (id),
  option_id INTEGER NOT NULL REFERENCES category_option (id),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (category_id, option_id)
);
CREATE TABLE category_combo (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE category_in_combo (
  combo_id INTEGER NOT NULL REFERENCES category_combo (id),
  category_id INTEGER NOT NULL REFERENCES category (id),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (combo_id, category_id)
);
CREATE TABLE category_option_combo (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  combo_id INTEGER NOT NULL REFERENCES category_combo (id),
  UNIQUE (combo_id, code)
);
CREATE TABLE category_option_combo_option (
  coc_id INTEGER NOT NULL REFERENCES category_option_combo (id),
  option_id INTEGER NOT NULL REFERENCES category_option (id),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (coc_id, option_id)
);

CREATE TABLE data_element (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  value_type TEXT NOT NULL,
  aggregation_type TEXT NOT NULL,
  category_combo_id INTEGER NOT NULL REFERENCES category_combo (id),
  unit_vi TEXT NOT NULL DEFAULT '',
  unit_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  numerator TEXT NOT NULL,
  denominator TEXT NOT NULL,
  factor REAL NOT NULL,
  unit_vi TEXT NOT NULL DEFAULT '',
  unit_en TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'none')),
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE constant (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  value REAL NOT NULL
);

CREATE TABLE data_set (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  period_type TEXT NOT NULL,
  expiry_days INTEGER NOT NULL DEFAULT 0,
  assigned_to TEXT NOT NULL DEFAULT ''
);
CREATE TABLE data_set_element (
  data_set_id INTEGER NOT NULL REFERENCES data_set (id),
  data_element_id INTEGER NOT NULL REFERENCES data_element (id),
  PRIMARY KEY (data_set_id, data_element_id)
);
CREATE TABLE data_set_org_unit (
  data_set_id INTEGER NOT NULL REFERENCES data_set (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  PRIMARY KEY (data_set_id, org_unit_id)
);

CREATE TABLE disease (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  icd10 TEXT NOT NULL,
  data_element_id INTEGER NOT NULL REFERENCES data_element (id),
  priority INTEGER NOT NULL DEFAULT 0,
  report_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE period (
  id INTEGER PRIMARY KEY,
  iso TEXT NOT NULL UNIQUE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL
);

CREATE TABLE data_value (
  data_element_id INTEGER NOT NULL REFERENCES data_element (id),
  period_id INTEGER NOT NULL REFERENCES period (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  coc_id INTEGER NOT NULL REFERENCES category_option_combo (id),
  aoc_id INTEGER NOT NULL REFERENCES category_option_combo (id),
  value TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  stored_by TEXT NOT NULL,
  created TEXT NOT NULL,
  last_updated TEXT NOT NULL,
  PRIMARY KEY (data_element_id, period_id, org_unit_id, coc_id, aoc_id)
) WITHOUT ROWID;
CREATE INDEX data_value_org_unit ON data_value (org_unit_id, period_id);

CREATE TABLE data_value_audit (
  id INTEGER PRIMARY KEY,
  data_element_id INTEGER NOT NULL REFERENCES data_element (id),
  period_id INTEGER NOT NULL REFERENCES period (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  coc_id INTEGER NOT NULL REFERENCES category_option_combo (id),
  aoc_id INTEGER NOT NULL REFERENCES category_option_combo (id),
  action TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
  old_value TEXT,
  new_value TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX data_value_audit_key
  ON data_value_audit (data_element_id, period_id, org_unit_id, coc_id, aoc_id);
)sql";

// Plans: the target of an indicator for a period (a year, a five-year period) and an org unit,
// kept verbatim as the reports write it ("<15", "≥95", "0,4-0,5").
constexpr std::string_view kTargets = R"sql(
CREATE TABLE target (
  indicator_id INTEGER NOT NULL REFERENCES indicator (id),
  period TEXT NOT NULL,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  target TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (indicator_id, period, org_unit_id)
);
)sql";

// The server's users: accounts bound to org units, browser sessions, personal API tokens and every
// login attempt. Secrets are stored only as hashes; times of sessions and attempts are Unix
// seconds because the expiry and lock-out rules compare them.
constexpr std::string_view kUsers = R"sql(
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'province-data-manager',
                                     'facility-data-clerk', 'viewer')),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE app_user_org_unit (
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  PRIMARY KEY (user_id, org_unit_id)
);
CREATE TABLE user_session (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_hash TEXT NOT NULL,
  client TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE login_attempt (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  client TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'locked'))
);
CREATE INDEX login_attempt_username ON login_attempt (username, at);
CREATE INDEX login_attempt_client ON login_attempt (client, at);
)sql";

// Outbreak surveillance: the detection rules of the configuration, the weekly runs, their signals,
// the alerts that group them, verification and outbreak records, and the log of people's changes.
constexpr std::string_view kSurveillance = R"sql(
CREATE TABLE detection_rule (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  disease_id INTEGER REFERENCES disease (id),
  priority_only INTEGER NOT NULL DEFAULT 0,
  level TEXT NOT NULL CHECK (level IN ('commune', 'district', 'province')),
  method TEXT NOT NULL,
  parameters TEXT NOT NULL DEFAULT ''
);

CREATE TABLE surveillance_run (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  run_by TEXT NOT NULL,
  series_scored INTEGER NOT NULL,
  series_skipped INTEGER NOT NULL,
  signals INTEGER NOT NULL
);

CREATE TABLE surveillance_alert (
  id INTEGER PRIMARY KEY,
  disease_id INTEGER NOT NULL REFERENCES disease (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'monitoring', 'discarded', 'outbreak')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  verified_by TEXT NOT NULL DEFAULT '',
  verified_at TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX surveillance_alert_place ON surveillance_alert (disease_id, org_unit_id);

CREATE TABLE surveillance_signal (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES surveillance_run (id),
  alert_id INTEGER NOT NULL REFERENCES surveillance_alert (id),
  disease_id INTEGER NOT NULL REFERENCES disease (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  observed INTEGER NOT NULL CHECK (observed >= 0),
  expected REAL,
  upper_bound REAL,
  algorithm TEXT NOT NULL,
  parameters TEXT NOT NULL,
  UNIQUE (disease_id, org_unit_id, period, algorithm)
);
CREATE INDEX surveillance_signal_alert ON surveillance_signal (alert_id, period_start);

CREATE TABLE outbreak (
  id INTEGER PRIMARY KEY,
  disease_id INTEGER NOT NULL REFERENCES disease (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  start_date TEXT NOT NULL,
  end_date TEXT,
  cases INTEGER NOT NULL CHECK (cases >= 0),
  deaths INTEGER NOT NULL CHECK (deaths >= 0 AND deaths <= cases),
  actions TEXT NOT NULL DEFAULT '',
  alert_id INTEGER UNIQUE REFERENCES surveillance_alert (id),
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE surveillance_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  client TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  alert_id INTEGER REFERENCES surveillance_alert (id),
  outbreak_id INTEGER REFERENCES outbreak (id),
  detail TEXT NOT NULL DEFAULT ''
);
)sql";

// DHIS2 validation rules of the configuration (config/README.md, validation_rules.csv).
constexpr std::string_view kValidationRules = R"sql(
CREATE TABLE validation_rule (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  instruction_vi TEXT NOT NULL DEFAULT '',
  instruction_en TEXT NOT NULL DEFAULT '',
  importance TEXT NOT NULL CHECK (importance IN ('HIGH', 'MEDIUM', 'LOW')),
  period_type TEXT NOT NULL,
  left_expression TEXT NOT NULL,
  left_missing_value_strategy TEXT NOT NULL CHECK (left_missing_value_strategy IN
    ('SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP')),
  operator TEXT NOT NULL CHECK (operator IN ('equal_to', 'not_equal_to', 'greater_than',
    'greater_than_or_equal_to', 'less_than', 'less_than_or_equal_to', 'compulsory_pair',
    'exclusive_pair')),
  right_expression TEXT NOT NULL,
  right_missing_value_strategy TEXT NOT NULL CHECK (right_missing_value_strategy IN
    ('SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP'))
);
)sql";

// The reporting workflow: forms registered complete (completeness and timeliness), approvals by
// a higher level (which lock the form), and the log of both.
constexpr std::string_view kReporting = R"sql(
CREATE TABLE data_set_completion (
  data_set_id INTEGER NOT NULL REFERENCES data_set (id),
  period TEXT NOT NULL,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  completed_at TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  completed_by TEXT NOT NULL,
  PRIMARY KEY (data_set_id, period, org_unit_id)
);
CREATE INDEX data_set_completion_span ON data_set_completion (data_set_id, period_start);

CREATE TABLE data_set_approval (
  data_set_id INTEGER NOT NULL REFERENCES data_set (id),
  period TEXT NOT NULL,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  PRIMARY KEY (data_set_id, period, org_unit_id)
);

CREATE TABLE data_set_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  client TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL CHECK (action IN ('complete', 'uncomplete', 'approve', 'unapprove')),
  data_set_id INTEGER NOT NULL REFERENCES data_set (id),
  period TEXT NOT NULL,
  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id)
);
CREATE INDEX data_set_event_form ON data_set_event (data_set_id, period, org_unit_id);
)sql";

// What administrators and users change in accounts and tokens.
constexpr std::string_view kAdminEvents = R"sql(
CREATE TABLE admin_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  client TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
)sql";

// The client address of each value change (rows written before stay NULL); user groups, the data
// elements restricted to one (HIV figures) and the accounts in each; an index to purge expired
// sessions. Exports and metadata edits are logged in admin_event (migration 7).
constexpr std::string_view kAuditClientAndUserGroups = R"sql(
ALTER TABLE data_value_audit ADD COLUMN client TEXT;
ALTER TABLE data_element ADD COLUMN user_group TEXT NOT NULL DEFAULT '';
CREATE TABLE user_group (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE
);
CREATE TABLE app_user_group (
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES user_group (id),
  PRIMARY KEY (user_id, group_id)
);
CREATE INDEX user_session_last_seen ON user_session (last_seen_at);
CREATE INDEX admin_event_action ON admin_event (action, id);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema: org units with history, metadata, data values, audit", kInitialSchema},
      {2, "targets per indicator, period and org unit", kTargets},
      {3, "users, org-unit bindings, sessions, API tokens, login attempts", kUsers},
      {4, "outbreak surveillance: detection rules, runs, signals, alerts, outbreaks",
       kSurveillance},
      {5, "validation rules", kValidationRules},
      {6, "complete data set registrations, approvals, their log", kReporting},
      {7, "the log of account and token changes", kAdminEvents},
      {8, "client address in the value audit, user groups, restricted data elements",
       kAuditClientAndUserGroups},
  };
  return migrations;
}

std::string PostgresSchemaSql(std::string_view sqlite_sql) {
  std::string out(sqlite_sql);
  auto replace_words = [&out](std::string_view from, std::string_view to) {
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      bool starts = at == 0 || !is_word(out[at - 1]);
      bool ends = at + from.size() == out.size() || !is_word(out[at + from.size()]);
      if (starts && ends) {
        out.replace(at, from.size(), to);
        at += to.size();
      } else {
        at += from.size();
      }
    }
  };
  replace_words("INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  replace_words("INTEGER", "BIGINT");
  replace_words("REAL", "DOUBLE PRECISION");
  replace_words("WITHOUT ROWID", "");
  return out;
}

}  // namespace solieu
