// exchange/data_value_import: imports a stream of data values (any format's DataValueSource) into
// the store as DHIS2's dataValueSets import does: ids resolved under the id schemes, every row
// checked, the import strategy applied, one Store::PutValues call (one transaction) for all writes,
// and an ImportSummary shaped like DHIS2's. Depends on: core, store, exchange/data_value_source,
// exchange/import_summary, exchange/import_conflicts, exchange/metadata_index,
// exchange/period_lock.
//
// Checks, in order; a row stops at its first conflict (codes in import_conflicts.h): data element,
// period, org unit (by code or name as of the period), option combo (empty: default), attribute
// option combo (empty: the header's, else default); a value present (deletes need none) and valid
// for the element's value type (core/value_check; DHIS2's boolean spellings True/TRUE/t/f/1/0 are
// accepted), a comment of at most 50,000 characters; the option combo in the element's category
// combo; the org unit open on some day of the period; when the header names a data set: the
// element in it, the period of its period type, the org unit assigned to it; the WriteScope hook
// (E7617); the PeriodLock hook.
// After reading, rows repeating a key (element, period, org unit, option combo, attribute option
// combo) are all rejected: which one is right cannot be told. Row fields win over header fields.
// ADX rows (data_value_source.h) bring their own data set, checked like the header's, and may name
// their option combos by category options instead (SL7605-SL7607); a non-numeric ADX value is its
// <annotation> (SL7608 without one).
// Spreadsheet rows (exchange/xlsx_data_value_reader.h) name their cell in every conflict (in the
// messages and as objects "cell"); a value problem the reader saw (text in a number cell) is E7619.
//
// Strategies, against the stored value: CREATE_AND_UPDATE creates, updates, or — equal value and
// comment — ignores; CREATE ignores rows whose key is stored; UPDATE ignores rows whose key is not;
// DELETE removes stored values and ignores missing ones. A row with "deleted": true is a delete
// under any strategy but CREATE. Rows a strategy skips are counted "ignored" and listed in
// rejectedIndexes, without a conflict, as DHIS2 does.
//
// Atomicity. DHIS2's dataValueSets import stores every valid row and reports the others (status
// WARNING); its atomicMode parameter belongs to the metadata importer. solieu is atomic by default
// (DHIS2 atomicMode ALL): any conflict and nothing is stored, status ERROR, importCount imported =
// updated = deleted = 0 and ignored = every row read. keep_good (atomicMode NONE, `--keep-good`)
// stores the good rows, status WARNING, the rejected rows counted as ignored. Header conflicts
// (unknown data set / org unit / attribute option combo, unsupported id scheme) and a malformed
// file abort the whole import, as in DHIS2, whatever the mode. dry_run does everything but the
// write: the counts are those a real run would give.
//
// Not stored (the store has no place for them): storedBy (the store records `user`), followup,
// completeDate. DHIS2's zeroIsSignificant is not modelled: zeros are stored like other values.
//
// Memory: rows are kept in a compact form (about 48 bytes plus the value's text) until the write;
// the reader's buffer is bounded (json_data_value_reader.h). The write itself is one vector of
// DataValueWrite, because Store::PutValues takes the whole transaction at once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "exchange/data_value_source.h"
#include "exchange/id_scheme.h"
#include "exchange/import_summary.h"
#include "exchange/period_lock.h"
#include "exchange/write_scope.h"
#include "store/store.h"

namespace solieu {

struct DataValueImportOptions {
  IdSchemes id_schemes;  // the file's own schemes override these
  ImportStrategy strategy = ImportStrategy::kCreateAndUpdate;
  bool dry_run = false;
  bool keep_good = false;  // DHIS2 atomicMode NONE; default ALL
  std::string user = "import";
  std::string client;  // the address the file came from, for the audit rows ("" when local)
  const PeriodLock* lock = nullptr;   // nullptr: nothing is locked (no locking exists yet)
  const WriteScope* scope = nullptr;  // nullptr: every org unit may be written
  // Called with the writes once the store has committed them (not on a dry run), so a caller can
  // keep an in-memory engine current: a batch at a time, several calls for a large import.
  std::function<void(const std::vector<DataValueWrite>&)> on_written;
};

// Never throws for bad input: every problem with the file is in the summary. Throws only when the
// store itself fails (UserError for a store that cannot be read).
ImportSummary ImportDataValues(Store& store, DataValueSource& source,
                               const DataValueImportOptions& options);

}  // namespace solieu
