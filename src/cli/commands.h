// cli/commands: each command group adds its subcommands to the `solieu` app.
#pragma once

#include <CLI/CLI.hpp>

namespace solieu::cli {

void AddInitCommand(CLI::App& app);
void AddOrgCommands(CLI::App& app);
void AddMetadataCommands(CLI::App& app);
void AddValueCommands(CLI::App& app);
void AddAnalyticsCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddReportCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddUserCommands(CLI::App& app);
void AddExchangeCommands(CLI::App& app);
void AddSurveillanceCommands(CLI::App& app);
void AddQualityCommands(CLI::App& app);
void AddGenerateCommand(CLI::App& app);

}  // namespace solieu::cli
