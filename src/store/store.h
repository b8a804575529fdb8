// store: durable storage behind one small interface, so the domain code never sees SQL and a
// PostgreSQL implementation can follow the SQLite one. Owns: schema migrations, transactions.
// Depends on: core only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "store/reporting_records.h"
#include "store/surveillance_records.h"

namespace solieu {

// How a configuration load changed the store.
struct MetadataChanges {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

// What to read back: empty fields match everything.
struct ValueQuery {
  std::vector<std::string> data_element_uids;
  std::vector<std::string> org_unit_uids;
  std::optional<Date> from;  // periods that start on or after
  std::optional<Date> to;    // periods that end on or before
};

struct WriteCounts {
  int created = 0;
  int updated = 0;
  int deleted = 0;
  int unchanged = 0;  // a value equal to the stored one: no write, no audit row
};

// Accounts, sessions and tokens (the server's users). Secrets never reach the store: passwords
// arrive as argon2id hash strings, session ids, CSRF tokens and API tokens as SHA-256 hex digests.
// Times are Unix seconds, set by the caller, so the expiry rules can be tested with a fake clock.
struct UserAccount {
  std::string username;
  std::string password_hash;
  std::string role;                        // "administrator", "province-data-manager", ...
  std::vector<std::string> org_unit_uids;  // the roots of the subtrees the user may see
  bool disabled = false;
  std::vector<std::string> groups;  // user groups ("hiv"): data elements restricted to them
};

struct SessionRecord {
  std::string id_hash;
  std::string username;
  std::string csrf_hash;
  std::string client;  // the address the session was opened from
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

struct ApiTokenRecord {
  std::string token_hash;
  std::string username;
  std::string label;
  std::int64_t created_at = 0;
  std::int64_t id = 0;  // set by the store
};

// A change an administrator or a user made to accounts and tokens, for the audit.
struct AdminEvent {
  std::string at;
  std::string username;  // who did it
  std::string client;
  std::string action;  // "put_user", "create_token", "revoke_token", "export_...", "put_..."
  std::string target;  // the account concerned
  std::string detail;  // what changed, as JSON text (never a secret)
};

enum class LoginOutcome { kSuccess, kFailure, kLocked };

struct LoginAttempt {
  std::string username;
  std::string client;
  std::int64_t at = 0;
  LoginOutcome outcome = LoginOutcome::kFailure;
};

// A value change as committed: the audit row's id (increasing in commit order, because every
// write holds the store's write lock until it commits) and the write it made.
struct ValueChange {
  long long id = 0;
  DataValueWrite write;
};

class Store {
 public:
  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A SQLite file path (created if missing, migrated to the current schema); later also a
  // postgresql:// URL. Throws UserError for a location that cannot be opened.
  static std::unique_ptr<Store> Open(const std::string& location);

  virtual int SchemaVersion() = 0;

  // Everything stored, references as uids.
  virtual MetadataSnapshot LoadMetadata() = 0;
  // Inserts or updates every object of `snapshot` (matched by uid) in one transaction; objects
  // not in the snapshot are kept. All or nothing.
  virtual MetadataChanges ApplyMetadata(const MetadataSnapshot& snapshot) = 0;

  // Writes the values in one transaction with one audit row per change, naming the user and the
  // client address the writes came from ("cli" for the command line). All or nothing: a key that
  // names an unknown object throws UserError and nothing is written.
  virtual WriteCounts PutValues(const std::vector<DataValueWrite>& writes, const std::string& user,
                                const std::string& client) = 0;
  WriteCounts PutValues(const std::vector<DataValueWrite>& writes, const std::string& user) {
    return PutValues(writes, user, "");
  }
  // The next batch of one logical write, or nullptr when none is left; a batch stays valid until
  // the next call.
  using WriteBatches = std::function<const std::vector<DataValueWrite>*()>;
  // PutValues for writes too many to hold at once (a large import): every batch in the one
  // transaction, so that a failure in any batch stores none of them.
  virtual WriteCounts PutValueBatches(const WriteBatches& next, const std::string& user,
                                      const std::string& client) = 0;
  virtual std::optional<DataValue> GetValue(const DataValueKey& key) = 0;
  virtual std::vector<DataValue> QueryValues(const ValueQuery& query) = 0;
  // Every stored value, at most `batch_size` at a time in key order, as writes carrying the
  // period's span and the comment (`sink` may move from them): memory does not grow with the
  // number of values, which a national store counts in billions. Not one snapshot: values written
  // during the scan may or may not be seen (the change follower replays them after).
  using ValueSink = std::function<void(std::vector<DataValueWrite>& batch)>;
  virtual void ScanValues(size_t batch_size, const ValueSink& sink) = 0;
  // Oldest first.
  virtual std::vector<AuditEntry> AuditTrail(const DataValueKey& key) = 0;

  // Value changes committed after the audit row `after`, oldest first, at most `limit`: how a
  // server learns of the writes other processes made to the same database.
  virtual std::vector<ValueChange> ValueChangesAfter(long long after, int limit) = 0;
  virtual long long LastValueChangeId() = 0;  // 0 before the first change

  // Inserts or replaces targets by (indicator, period, org unit) in one transaction.
  virtual void PutTargets(const std::vector<TargetRecord>& targets, const std::string& user) = 0;
  virtual std::vector<TargetRecord> LoadTargets() = 0;

  // Inserts or replaces the account named `account.username`, with its org-unit bindings and
  // groups. Throws UserError for an unknown org unit or a group no data element is restricted to.
  virtual void PutUser(const UserAccount& account) = 0;
  virtual std::optional<UserAccount> FindUser(const std::string& username) = 0;
  virtual std::vector<UserAccount> ListUsers() = 0;  // by username

  virtual void PutSession(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> FindSession(const std::string& id_hash) = 0;
  virtual void TouchSession(const std::string& id_hash, std::int64_t last_seen_at) = 0;
  virtual void DeleteSession(const std::string& id_hash) = 0;
  // Deletes the sessions last seen before `idle_before` or opened before `created_before` (both
  // expired by the session rules); returns how many.
  virtual int PurgeSessions(std::int64_t idle_before, std::int64_t created_before) = 0;

  virtual void PutApiToken(const ApiTokenRecord& token) = 0;
  virtual std::optional<ApiTokenRecord> FindApiToken(const std::string& token_hash) = 0;
  virtual std::vector<ApiTokenRecord> ListApiTokens(const std::string& username) = 0;  // by id
  // Removes the token `id` of `username`; false when there is none. A revoked token fails at once.
  virtual bool DeleteApiToken(std::int64_t id, const std::string& username) = 0;

  virtual void RecordAdminEvent(const AdminEvent& event) = 0;
  virtual std::vector<AdminEvent> AdminEvents(int limit) = 0;  // newest first
  // The events whose action starts with `action_prefix` ("export"), newest first.
  virtual std::vector<AdminEvent> AdminEventsLike(const std::string& action_prefix, int limit) = 0;

  // The user groups data elements are restricted to (from the configuration), by code.
  virtual std::vector<std::string> UserGroups() = 0;
  // Values stored for the data element (any period, unit or combo): a value type may change only
  // while there are none.
  virtual long long CountValues(const std::string& data_element_uid) = 0;

  // Every login attempt is kept: it is the login audit and the input of the lock-out rule.
  virtual void RecordLoginAttempt(const LoginAttempt& attempt) = 0;
  // Attempts at or after `since`, oldest first, for one username or (when `username` is empty)
  // from one client address.
  virtual std::vector<LoginAttempt> LoginAttemptsSince(std::int64_t since,
                                                       const std::string& username,
                                                       const std::string& client) = 0;

  // Signals, alerts and outbreak records, on the same connection and file.
  virtual SurveillanceRecords& Surveillance() = 0;
  // Completed and approved forms, on the same connection and file.
  virtual ReportingRecords& Reporting() = 0;

 protected:
  Store() = default;
};

}  // namespace solieu
