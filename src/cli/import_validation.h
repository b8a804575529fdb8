// cli/import_validation: `solieu import`'s check of the validation rules after a committed import:
// loads into an engine only the values the touched rules read, over the periods written, and adds
// the violations at the written units and periods to the summary (quality/import_validation).
#pragma once

#include "core/metadata.h"
#include "exchange/import_summary.h"
#include "quality/import_validation.h"
#include "store/store.h"

namespace solieu::cli {

void ValidateImport(Store& store, const MetadataSnapshot& metadata,
                    const quality::WrittenCells& written, ImportSummary* summary);

}  // namespace solieu::cli
