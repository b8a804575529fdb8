// config/config_loader: reads a configuration folder (format: config/README.md) into a validated
// MetadataSnapshot and the reference data values it carries. Every problem is a UserError that
// names the file, line and column. Reading never touches a store, so a bad folder changes nothing.
#pragma once

#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"

namespace solieu {

struct ConfigFolder {
  MetadataSnapshot metadata;
  std::vector<DataValueWrite> values;  // from data_values.csv, keys resolved to uids
};

ConfigFolder LoadConfigFolder(const std::string& directory);

}  // namespace solieu
