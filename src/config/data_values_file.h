// config/data_values_file: reads a file of data values written by people (the configuration's
// data_values.csv, the demo's province figures): codes instead of uids, org units resolved as of
// the period's start, values checked against their element's type. All or nothing: the first bad
// row throws a UserError naming file, line and column.
#pragma once

#include <string>
#include <vector>

#include "core/data_value.h"
#include "core/metadata.h"
#include "core/org_hierarchy.h"

namespace solieu {

// Columns: data_element, category_option_combo (empty = default), org_unit, period, value,
// comment.
std::vector<DataValueWrite> ReadDataValuesFile(const std::string& path,
                                               const MetadataSnapshot& metadata,
                                               const OrgHierarchy& hierarchy);

}  // namespace solieu
