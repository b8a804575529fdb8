// exchange/metadata_import: `solieu metadata import`: a DHIS2 metadata package read
// (exchange/dhis2_metadata_reader), checked against what is stored (the merged org tree must be
// consistent), compared object by object with the store to count what it creates and updates per
// type, then applied with one Store::ApplyMetadata call (one transaction: all or nothing).
// Depends on: store, exchange/dhis2_metadata_reader.
#pragma once

#include <map>
#include <string>

#include "exchange/dhis2_metadata_reader.h"
#include "store/store.h"

namespace solieu {

struct TypeChanges {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

struct MetadataImportResult {
  Dhis2Package package;
  std::map<std::string, TypeChanges> changes;  // per DHIS2 collection ("dataElements")
  bool dry_run = false;
};

// Throws UserError for a file that cannot be read or is not a metadata package, and for a package
// whose org units contradict the stored ones (the store is then unchanged).
MetadataImportResult ImportDhis2Metadata(Store& store, const std::string& path,
                                         const Dhis2MetadataOptions& options, bool dry_run);

// The same for package text already in memory; `source_name` names it in errors.
MetadataImportResult ImportDhis2MetadataText(Store& store, std::string_view json,
                                             const std::string& source_name,
                                             const Dhis2MetadataOptions& options, bool dry_run);

}  // namespace solieu
