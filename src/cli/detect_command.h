// cli/detect_command: `solieu detect`, outbreak detection on a CSV of weekly counts per unit.
// Depends on: surveillance (detect_options, detect_csv), CLI11.
#pragma once

#include <CLI/CLI.hpp>

namespace solieu {

// Adds the `detect` subcommand. Its callback throws solieu::UserError for bad input.
void AddDetectCommand(CLI::App& app);

}  // namespace solieu
