// generate/metadata_json: the dataset's metadata as a DHIS2 metadata package (the JSON of
// /api/metadata), which src/exchange's ReadDhis2Metadata reads back: organisationUnits (level =
// depth: 1 province, 2 commune, 3 facility; no district level since 2025) with
// organisationUnitLevels, organisationUnitGroups, categoryOptions, categories, categoryCombos,
// categoryOptionCombos, dataElements, indicatorTypes + indicators, dataSets. Names are the
// Vietnamese ones, with "en" and "vi" NAME translations. There is no metadata writer in exchange
// yet; this one writes only what the generator makes. Depends on: core, Boost.JSON.
#pragma once

#include <string>

#include "core/metadata.h"

namespace solieu::generate {

std::string MetadataJson(const MetadataSnapshot& metadata);

// Writes MetadataJson to `path`; throws UserError naming the path if it cannot.
void WriteMetadataJson(const MetadataSnapshot& metadata, const std::string& path);

}  // namespace solieu::generate
