// store: durable storage behind one small interface, so the domain code never sees SQL and a
// PostgreSQL implementation can follow the SQLite one. Owns: schema migrations, transactions.
// Depends on: core only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"

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

  // Writes the values in one transaction with one audit row per change. All or nothing: a key that
  // names an unknown object throws UserError and nothing is written.
  virtual WriteCounts PutValues(const std::vector<DataValueWrite>& writes,
                                const std::string& user) = 0;
  virtual std::optional<DataValue> GetValue(const DataValueKey& key) = 0;
  virtual std::vector<DataValue> QueryValues(const ValueQuery& query) = 0;
  // Oldest first.
  virtual std::vector<AuditEntry> AuditTrail(const DataValueKey& key) = 0;

  // Inserts or replaces targets by (indicator, period, org unit) in one transaction.
  virtual void PutTargets(const std::vector<TargetRecord>& targets, const std::string& user) = 0;
  virtual std::vector<TargetRecord> LoadTargets() = 0;

 protected:
  Store() = default;
};

}  // namespace solieu
