// solieu serve: the HTTP server (src/server) in the foreground until SIGINT or SIGTERM.
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "server/solieu_server.h"

namespace solieu::cli {

void AddServeCommand(CLI::App& app) {
  struct Options {
    server::ServerConfig config;
    int idle_minutes = 30;
    int session_hours = 12;
    int workers = 0;
    int surveillance_hours = 6;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "serve", "Chạy máy chủ web và API / run the web server and JSON API (Ctrl-C stops it)");
  command->add_option("--listen", options->config.listen,
                      "ADDRESS:PORT to listen on (default 127.0.0.1:8080)");
  command->add_option("--web", options->config.web_dir, "Folder of the web app's static files");
  command->add_option("--config", options->config.config_dir,
                      "Configuration folder with reports/*.csv (default config/dien-bien)");
  command->add_flag("--behind-tls", options->config.behind_tls,
                    "Behind a TLS proxy (nginx): Secure cookies and HSTS (docs/SERVER.md)");
  command
      ->add_option("--session-idle-minutes", options->idle_minutes,
                   "Sessions end after this many idle minutes (default 30)")
      ->check(CLI::Range(1, 24 * 60));
  command
      ->add_option("--session-hours", options->session_hours,
                   "Sessions end this many hours after login (default 12)")
      ->check(CLI::Range(1, 24 * 30));
  command
      ->add_option("--workers", options->workers,
                   "Worker threads for requests (default: 2 per core, at least 4)")
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--surveillance-hours", options->surveillance_hours,
                   "Score the last complete week every N hours, from start (default 6; 0: only "
                   "on demand)")
      ->check(CLI::Range(0, 24 * 7));
  command->callback([options] {
    server::ServerConfig config = options->config;
    config.store = Globals().store;
    // The report definitions are read at each request: fix the folder now, so that a relative
    // path means the same whatever happens later, and a wrong one is said at start, not at the
    // first report.
    std::error_code error;
    config.config_dir = std::filesystem::absolute(config.config_dir, error).lexically_normal();
    if (error ||
        !std::filesystem::is_directory(std::filesystem::path(config.config_dir) / "reports")) {
      throw UserError("cli.bad_config_dir",
                      "không thấy thư mục cấu hình '" + options->config.config_dir +
                          "' (cần có reports/); hãy cho --config",
                      "no configuration folder '" + options->config.config_dir +
                          "' (with reports/); give --config",
                      "--config");
    }
    config.sessions.idle_seconds = options->idle_minutes * 60LL;
    config.sessions.absolute_seconds = options->session_hours * 3600LL;
    config.surveillance_interval = std::chrono::hours(options->surveillance_hours);
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    config.http.worker_threads = options->workers > 0 ? options->workers : std::max(4, 2 * cores);
    std::cerr << "Đang nạp kho dữ liệu / loading the store " << config.store << "...\n";
    server::SolieuServer server(config);
    std::cerr << "solieu: phục vụ tại / serving on http://"
              << config.listen.substr(0, config.listen.rfind(':')) << ":" << server.port()
              << "  (Ctrl-C để dừng / to stop)\n";
    server.Run();
    std::cerr << "solieu: đã dừng / stopped\n";
  });
}

}  // namespace solieu::cli
