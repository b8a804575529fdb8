#include "cli/detect_command.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "core/error.h"
#include "surveillance/detect_csv.h"
#include "surveillance/detect_options.h"

namespace solieu {
namespace {

struct DetectCommandState {
  surveillance::DetectArguments arguments;
  std::string input;
  std::string output;
};

void Run(const DetectCommandState& state) {
  const surveillance::DetectOptions options = surveillance::ParseDetectArguments(state.arguments);
  if (state.output.empty()) {
    surveillance::RunDetectCsv(state.input, options, std::cout);
    return;
  }
  // Compute everything first, so a failure leaves no half-written output file behind.
  std::ostringstream buffer;
  surveillance::RunDetectCsv(state.input, options, buffer);
  std::ofstream out(state.output, std::ios::binary | std::ios::trunc);
  out << buffer.str();
  out.close();
  if (!out) {
    throw UserError("file.cannot_write", "không ghi được tệp kết quả",
                    "cannot write the output file", state.output);
  }
}

}  // namespace

void AddDetectCommand(CLI::App& app) {
  auto state = std::make_shared<DetectCommandState>();
  surveillance::DetectArguments& a = state->arguments;
  CLI::App* cmd = app.add_subcommand("detect",
                                     "Phát hiện ổ dịch trên số ca theo tuần / Outbreak detection "
                                     "on weekly counts (CSV: unit, idx, "
                                     "observed)");
  cmd->add_option("--method", a.method,
                  "ears-c1 | ears-c2 | ears-c3 (R's C3) | ears-c3-textbook | farrington-flexible | "
                  "threshold")
      ->required();
  cmd->add_option("--input", state->input, "CSV with columns unit, idx (1-based week), observed")
      ->required();
  cmd->add_option("--output", state->output, "Output CSV (default: standard output)");
  cmd->add_option("--range", a.range, "Weeks to report, FROM:TO (1-based; default: all)");
  cmd->add_option("--baseline", a.baseline, "EARS: weeks in the baseline (default 7)");
  cmd->add_option("--min-sigma", a.min_sigma, "EARS: floor under the baseline sd (default 0)");
  cmd->add_option("--alpha", a.alpha,
                  "EARS: 0.001 (C1, C2), 0.025 (C3); Farrington: 0.05 (defaults)");
  cmd->add_option("--frequency", a.frequency, "Farrington: weeks per year (default 52)");
  cmd->add_option("--b", a.b, "Farrington: years back (default 4)");
  cmd->add_option("--w", a.w, "Farrington: half-window in weeks (default 3)");
  cmd->add_option("--no-periods", a.no_periods, "Farrington: seasonal periods (default 10)");
  cmd->add_option("--past-weeks-not-included", a.past_weeks_not_included,
                  "Farrington: latest weeks left out of the fit (default 26)");
  cmd->add_option("--reweight", a.reweight,
                  "Farrington: down-weight past outbreaks (default true)");
  cmd->add_option("--weights-threshold", a.weights_threshold,
                  "Farrington: Anscombe residual threshold (default 2.58)");
  cmd->add_option("--trend", a.trend, "Farrington: allow a time trend (default true)");
  cmd->add_option("--p-threshold-trend", a.p_threshold_trend,
                  "Farrington: keep the trend if p < this (default 1)");
  cmd->add_option(
      "--limit54", a.limit54,
      "Farrington: no alarm below CASES in the last WEEKS, as CASES,WEEKS (default 5,4)");
  cmd->add_option("--powertrans", a.powertrans, "Farrington: none | 1/2 | 2/3 (default 2/3)");
  cmd->add_option("--threshold-method", a.threshold_method,
                  "Farrington: delta | nbplugin | muan (default nbplugin)");
  cmd->add_option("--min-count", a.min_count, "threshold: alarm when count >= this (default 1)");
  cmd->callback([state] { Run(*state); });
}

}  // namespace solieu
