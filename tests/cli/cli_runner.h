// Shared by the CLI test suites: run the real `solieu` binary, build the demo store once per
// process, and read a .docx/.xlsx back through LibreOffice and pdftotext.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace solieu::testing {

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs build/solieu with `args`; stderr goes to a file in `scratch`.
CommandResult RunSolieu(const std::vector<std::string>& args, const std::filesystem::path& scratch);

// The path of a demo store built once per test process with `solieu demo` (empty if it failed;
// the failure is reported through gtest).
const std::string& DemoStore();

// The text LibreOffice prints for a document (headless PDF conversion, then pdftotext -layout);
// nullopt-like empty string with `skipped` set when soffice is not installed.
std::string TextThroughLibreOffice(const std::filesystem::path& document, bool* skipped);

// Machine number "1250" / "65.70" printed the Vietnamese way with its own decimals: "1.250",
// "65,70"; anything else (a target such as "<15") unchanged.
std::string SeedCellVi(const std::string& machine);

// The rows of a CSV text (RFC 4180), as `solieu report --format csv` prints them.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// A test that reads the shared demo store through `solieu report`, with a scratch folder of its
// own that is removed afterwards.
class DemoReportTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // solieu --store DEMO report ARGS... --config config/dien-bien
  CommandResult Report(std::vector<std::string> args) const;

  std::filesystem::path scratch_;
};

}  // namespace solieu::testing
