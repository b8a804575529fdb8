// solieu demo: the complete Điện Biên demo store (configuration, the seeds' figures and targets,
// synthetic values below the province).
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "demo/demo_builder.h"

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
              << " giá trị mô phỏng / synthetic values (labelled so in their comment)\n";
    auto store = OpenStore();
    WriteDemo(demo, *store, [](const std::string& step) {
      std::cout << "  " << step << "\n" << std::flush;
    });
    std::cout << "Kho dữ liệu mẫu / demo store: " << Globals().store << "\n";
  });
}

}  // namespace solieu::cli
