// solieu generate: the synthetic national dataset (issue 8) into a new store or into files for
// the benchmark peers; see generate/generate.h.
#include <unistd.h>

#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/error.h"
#include "generate/generate.h"

namespace solieu::cli {

void AddGenerateCommand(CLI::App& app) {
  struct Options {
    generate::GenerateOptions generate;
    long long values = 0;
    std::string output_dir;
    std::string admin_units = SOLIEU_ADMIN_UNITS_CSV;
    bool progress = false;
    bool analytics_only = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "generate",
      "Sinh bộ dữ liệu quốc gia mô phỏng / generate the synthetic national dataset (34 provinces, "
      "3,321 communes, ~12,000 facilities), into a new store (--store) or files (--output-dir)");
  command->add_option("--seed", options->generate.seed, "Seed (same seed, same data; default 42)");
  command->add_option("--years", options->generate.years, "Years of monthly data (default 5)");
  command->add_option("--end-year", options->generate.end_year, "Last year (default 2025)");
  command->add_option("--elements", options->generate.elements, "Data elements (default 40)");
  command->add_option("--facilities", options->generate.facilities,
                      "Facilities, one health station per commune included (default 12000)");
  command->add_option("--values", options->values,
                      "Total values to aim for (within ~5 %); default: the model's own sparsity");
  command->add_option("--output-dir", options->output_dir,
                      "Write metadata.json, datavalues.csv and analytics.csv here");
  command->add_flag("--analytics-only", options->analytics_only,
                    "With --output-dir: metadata.json and analytics.csv only");
  command->add_option("--admin-units", options->admin_units,
                      "The provinces and communes CSV (province_code, province_name, "
                      "commune_code, commune_name)");
  command->add_flag("--progress", options->progress,
                    "Progress line on stderr (also when stderr is a terminal)");
  command->callback([options, command] {
    const bool to_store = command->get_parent()->get_option("--store")->count() > 0;
    const bool to_files = !options->output_dir.empty();
    if (to_store == to_files) {
      throw UserError("generate.output",
                      "hãy chọn đúng một nơi ghi: --store KHO hoặc --output-dir THƯ_MỤC",
                      "name exactly one output: --store LOCATION or --output-dir DIR",
                      "--store / --output-dir");
    }
    if (options->analytics_only && !to_files) {
      throw UserError("generate.output", "--analytics-only chỉ dùng với --output-dir",
                      "--analytics-only goes with --output-dir only", "--analytics-only");
    }
    if (command->get_option("--values")->count() > 0) options->generate.values = options->values;
    generate::CheckOptions(options->generate);
    // Everything is read and checked before the store or the folder is touched.
    generate::AdminUnits units = generate::ReadAdminUnits(options->admin_units);
    generate::NationalDataset dataset = generate::BuildNationalDataset(units, options->generate);
    generate::ValuePlan plan = generate::PlanValues(dataset, options->generate);
    std::cerr << "Bộ dữ liệu / dataset: " << units.provinces.size() << " tỉnh / provinces, "
              << units.communes.size() << " xã / communes, " << dataset.facilities.size()
              << " cơ sở / facilities, " << dataset.elements.size() << " phần tử / elements, "
              << dataset.months << " tháng / months from " << dataset.first_year << "; ~"
              << generate::Thousands(static_cast<long long>(plan.expected))
              << " giá trị dự kiến / values expected\n";
    const bool show = options->progress || isatty(STDERR_FILENO) != 0;
    generate::Progress progress(show ? &std::cerr : nullptr, plan.expected);
    generate::GenerateSummary summary;
    if (to_files) {
      summary = generate::GenerateFiles(dataset, plan, options->generate.seed, options->output_dir,
                                        !options->analytics_only, progress);
    } else {
      auto store = OpenStore();
      summary =
          generate::GenerateIntoStore(dataset, plan, options->generate.seed, *store, progress);
    }
    std::cout << generate::Thousands(summary.values) << " giá trị mô phỏng / synthetic values in "
              << summary.seconds << " s ("
              << static_cast<long long>(summary.seconds > 0 ? summary.values / summary.seconds : 0)
              << "/s; metadata / siêu dữ liệu " << summary.metadata_seconds << " s) -> "
              << (to_files ? options->output_dir : Globals().store) << "\n";
  });
}

}  // namespace solieu::cli
