// solieu demo: the complete Điện Biên demo store (configuration, the seeds' figures and targets,
// synthetic values below the province).
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "demo/demo_builder.h"
#include "engine/analytics.h"
#include "outbreaks/weekly_run.h"

namespace solieu::cli {

void AddDemoCommand(CLI::App& app) {
  struct Options {
    std::string config = "config/dien-bien";
    std::string demo = "demo/dien-bien";
  };
  auto options = std::make_shared<Options>();
  auto* command =
      app.add_subcommand("demo", "Tạo kho dữ liệu mẫu Điện Biên / build the Điện Biên demo store");
  command->add_option("--config", options->config, "Configuration folder");
  command->add_option("--demo", options->demo, "Demo folder (seed figures and targets)");
  command->callback([options] {
    std::cout << "Đọc cấu hình và số liệu mẫu / reading configuration and demo figures...\n"
              << std::flush;
    DemoData demo = BuildDemoData(options->config, options->demo);
    std::cout << "  " << demo.seed_values << " giá trị theo báo cáo / figures from the reports, "
              << demo.synthetic_values
              << " giá trị mô phỏng / synthetic values (labelled so in their comment), "
              << demo.weekly_values.size()
              << " báo cáo tuần mô phỏng / synthetic weekly disease counts\n";
    auto store = OpenStore();
    WriteDemo(demo, *store, [](const std::string& step) {
      std::cout << "  " << step << "\n" << std::flush;
    });
    // Score the weeks since the 2025 reform so the demo opens with its alerts (the two measles
    // outbreaks among them), as the weekly run would have left them.
    std::unique_ptr<Analytics> analytics = LoadAnalytics(*store);
    outbreaks::DetectionRules rules(analytics->metadata());
    const Period first = Period::Week(2025, 27), last = Period::Week(2025, 52);
    for (Period week = first; week.start() <= last.start(); week = week.Next()) {
      std::string started = UtcTimestampNow();
      outbreaks::WeekScan scan = outbreaks::ScanWeek(*analytics, rules, week);
      SurveillanceRun run = outbreaks::SaveScan(*store, scan, "demo", started);
      std::cout << "  giám sát tuần / weekly surveillance " << week.Id() << ": " << run.signals
                << " tín hiệu / signals\n"
                << std::flush;
    }
    std::cout << "Kho dữ liệu mẫu / demo store: " << Globals().store << "\n";
  });
}

}  // namespace solieu::cli
