// The `solieu` command. Exit codes: 0 success, 1 a user error (message on stderr, in Vietnamese
// and English), 2 an internal error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/detect_command.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App app{"solieu: số liệu y tế tỉnh / provincial health statistics"};
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--store", solieu::cli::Globals().store,
                 "Store: a SQLite file path (default data/solieu.db) or a postgresql:// URI");
  solieu::cli::AddInitCommand(app);
  solieu::cli::AddOrgCommands(app);
  solieu::cli::AddMetadataCommands(app);
  solieu::cli::AddValueCommands(app);
  solieu::cli::AddAnalyticsCommand(app);
  solieu::cli::AddDemoCommand(app);
  solieu::cli::AddReportCommand(app);
  solieu::cli::AddServeCommand(app);
  solieu::cli::AddUserCommands(app);
  solieu::cli::AddExchangeCommands(app);
  solieu::cli::AddSurveillanceCommands(app);
  solieu::cli::AddQualityCommands(app);
  solieu::cli::AddGenerateCommand(app);
  solieu::AddDetectCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 1;
  } catch (const solieu::UserError& e) {
    std::cerr << "solieu: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "solieu: lỗi nội bộ / internal error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
