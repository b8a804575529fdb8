#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "config/config_loader.h"

namespace solieu::cli {

void AddInitCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "init", "Tạo kho dữ liệu và nạp thư mục cấu hình / create a store and load a configuration");
  static std::string config_dir;
  command->add_option("--config", config_dir, "Configuration folder, e.g. config/dien-bien");
  command->callback([] {
    // Read and validate the whole folder before the store is touched: a bad file changes nothing.
    std::optional<ConfigFolder> folder;
    if (!config_dir.empty()) folder = LoadConfigFolder(config_dir);
    auto store = OpenStore();
    std::cout << "Kho dữ liệu / store: " << Globals().store << " (schema " << store->SchemaVersion()
              << ")\n";
    if (!folder) return;
    MetadataChanges changes = store->ApplyMetadata(folder->metadata);
    WriteCounts values = store->PutValues(folder->values, "config");
    std::cout << "Cấu hình / configuration " << config_dir << ": " << changes.created
              << " mới / created, " << changes.updated << " cập nhật / updated, "
              << changes.unchanged << " không đổi / unchanged\n"
              << "Giá trị tham chiếu / reference values: " << values.created << " mới / created, "
              << values.updated << " cập nhật / updated, " << values.unchanged
              << " không đổi / unchanged\n";
  });
}

}  // namespace solieu::cli
