#include "cli_runner.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/csv_reader.h"

namespace solieu::testing {
namespace {

namespace fs = std::filesystem;

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

CommandResult RunSolieu(const std::vector<std::string>& args, const fs::path& scratch) {
  std::string command = Quote(std::string(SOLIEU_BINARY_DIR) + "/solieu");
  for (const auto& a : args) command += " " + Quote(a);
  fs::path err_path = scratch / ("stderr-" + std::to_string(::getpid()) + ".txt");
  command += " 2>" + Quote(err_path.string());
  CommandResult r{};
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err_path);
  return r;
}

const std::string& DemoStore() {
  static const std::string path = []() -> std::string {
    // Under ctest a fixture has built it once for every test process.
    if (const char* shared = std::getenv("SOLIEU_TEST_DEMO_STORE"); shared && fs::exists(shared)) {
      return shared;
    }
    fs::path dir = fs::temp_directory_path() / ("solieu_demo_store_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string store = (dir / "demo.db").string();
    CommandResult r = RunSolieu(
        {"demo", "--store", store, "--config", std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien",
         "--demo", std::string(SOLIEU_SOURCE_DIR) + "/demo/dien-bien"},
        dir);
    if (r.exit_code != 0) {
      ADD_FAILURE() << "solieu demo failed: " << r.err;
      return std::string();
    }
    return store;
  }();
  return path;
}

std::string TextThroughLibreOffice(const fs::path& document, bool* skipped) {
  *skipped = std::system("command -v soffice > /dev/null 2>&1") != 0;
  if (*skipped) return {};
  fs::path folder = document.parent_path();
  fs::path profile = folder / ("lo-profile-" + document.stem().string());
  std::string convert = "timeout 240 soffice -env:UserInstallation=file://" + profile.string() +
                        " --headless --norestore --convert-to pdf --outdir " +
                        Quote(folder.string()) + " " + Quote(document.string()) +
                        " > /dev/null 2>&1";
  if (std::system(convert.c_str()) != 0) return {};
  fs::path pdf = folder / (document.stem().string() + ".pdf");
  fs::path text = folder / (document.stem().string() + ".txt");
  std::string extract = "pdftotext -layout " + Quote(pdf.string()) + " " + Quote(text.string());
  if (std::system(extract.c_str()) != 0) return {};
  return ReadFile(text);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in, "report.csv");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) rows.push_back(fields);
  return rows;
}

void DemoReportTest::SetUp() {
  scratch_ = fs::temp_directory_path() /
             ("solieu_report_test_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(scratch_);
  fs::create_directories(scratch_);
  ASSERT_FALSE(DemoStore().empty());
}

void DemoReportTest::TearDown() {
  fs::remove_all(scratch_);
}

CommandResult DemoReportTest::Report(std::vector<std::string> args) const {
  args.insert(args.begin(), {"--store", DemoStore(), "report"});
  args.insert(args.end(), {"--config", std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien"});
  return RunSolieu(args, scratch_);
}

std::string SeedCellVi(const std::string& machine) {
  bool number = !machine.empty();
  size_t dot = std::string::npos;
  for (size_t i = 0; i < machine.size(); ++i) {
    char c = machine[i];
    if (c == '.' && dot == std::string::npos && i > 0) {
      dot = i;
    } else if (!(c >= '0' && c <= '9') && !(c == '-' && i == 0)) {
      number = false;
    }
  }
  if (!number) return machine;
  std::string whole = machine.substr(0, dot);
  std::string sign;
  if (!whole.empty() && whole[0] == '-') {
    sign = "-";
    whole.erase(0, 1);
  }
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  return sign + grouped + (dot == std::string::npos ? "" : "," + machine.substr(dot + 1));
}

}  // namespace solieu::testing
