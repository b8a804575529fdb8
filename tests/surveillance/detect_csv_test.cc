// The CSV side of `solieu detect`: reading units, every input error, NA for weeks without enough
// history, output format, and an end-to-end run against the R reference.
#include "surveillance/detect_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/error.h"
#include "reference_data.h"

namespace solieu::surveillance {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "solieu_detect_" + name + ".csv";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return path;
}

// Expects ReadUnitSeriesCsv to fail with `code` at `where` (relative to the file path).
void ExpectReadError(const std::string& name, const std::string& content, const std::string& code,
                     const std::string& where_suffix) {
  const std::string path = WriteTemp(name, content);
  try {
    ReadUnitSeriesCsv(path);
    ADD_FAILURE() << "expected " << code;
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.where(), path + where_suffix) << e.what();
  }
}

TEST(DetectCsv, ReadsUnitsInAnyRowOrder) {
  const std::string path = WriteTemp("order",
                                     "observed,unit,idx,note\n"
                                     "5,Xã A,2,x\n"
                                     "1,\"Xã, B\",1,\n"
                                     "3,Xã A,1,y\n"
                                     "0,\"Xã, B\",2,\n"
                                     "7,Xã A,3,\n");
  const std::vector<UnitSeries> units = ReadUnitSeriesCsv(path);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit, "Xã A");
  EXPECT_EQ(units[0].counts, (std::vector<std::int64_t>{3, 5, 7}));
  EXPECT_EQ(units[1].unit, "Xã, B");
  EXPECT_EQ(units[1].counts, (std::vector<std::int64_t>{1, 0}));
}

TEST(DetectCsv, InputErrorsNameFileLineAndColumn) {
  ExpectReadError("missing", "unit,idx\nA,1\n", "csv.missing_column", ":1");
  ExpectReadError("fraction", "unit,idx,observed\nA,1,2\nA,2,2.5\n", "detect.bad_count",
                  ":3 observed");
  ExpectReadError("text", "unit,idx,observed\nA,1,NA\n", "detect.bad_count", ":2 observed");
  ExpectReadError("emptycount", "unit,idx,observed\nA,1,\n", "detect.bad_count", ":2 observed");
  ExpectReadError("negative", "unit,idx,observed\nA,1,-3\n", "detect.negative_count",
                  ":2 observed");
  ExpectReadError("badidx", "unit,idx,observed\nA,0,3\n", "detect.bad_idx", ":2 idx");
  ExpectReadError("textidx", "unit,idx,observed\nA,w1,3\n", "detect.bad_idx", ":2 idx");
  ExpectReadError("duplicate", "unit,idx,observed\nA,1,3\nA,2,3\nB,1,0\nA,2,4\n",
                  "detect.duplicate_idx", ":5 idx");
  ExpectReadError("gap", "unit,idx,observed\nA,1,3\nA,2,3\nA,4,4\n", "detect.idx_gap", ":4 idx");
  ExpectReadError("start", "unit,idx,observed\nA,2,3\nA,3,3\n", "detect.idx_gap", ":2 idx");
  ExpectReadError("noname", "unit,idx,observed\n,1,3\n", "detect.empty_unit", ":2 unit");
  ExpectReadError("fields", "unit,idx,observed\nA,1\n", "csv.wrong_field_count", ":2");
}

TEST(DetectCsv, MissingFileIsAUserError) {
  EXPECT_THROW(ReadUnitSeriesCsv(::testing::TempDir() + "does_not_exist.csv"), UserError);
}

TEST(DetectCsv, EarlyWeeksAreNotAvailable) {
  DetectArguments a;
  a.method = "ears-c1";
  const DetectOptions options = ParseDetectArguments(a);
  const UnitSeries series{"A", {1, 2, 3, 4, 5, 6, 7, 12, 0}};
  const std::vector<DetectionRow> rows = DetectUnit(series, options);
  ASSERT_EQ(rows.size(), 9u);
  for (int i = 0; i < 7; ++i) {
    EXPECT_FALSE(rows[i].upperbound.has_value());
    EXPECT_FALSE(rows[i].alarm.has_value());
  }
  EXPECT_EQ(rows[7].idx, 8);
  EXPECT_EQ(rows[7].alarm, true);
  EXPECT_TRUE(rows[8].upperbound.has_value());
  // A unit too short for any evaluation still gets its rows, all NA.
  const std::vector<DetectionRow> short_rows = DetectUnit({"B", {1, 0, 2}}, options);
  ASSERT_EQ(short_rows.size(), 3u);
  EXPECT_FALSE(short_rows[2].alarm.has_value());
}

TEST(DetectCsv, RangeBeyondTheSeriesIsAnError) {
  DetectArguments a;
  a.method = "threshold";
  a.range = "2:10";
  const DetectOptions options = ParseDetectArguments(a);
  try {
    DetectUnit({"A", {1, 2, 3}}, options);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "detect.range_beyond_series");
    EXPECT_EQ(e.where(), "--range");
  }
  a.range = "5:";
  EXPECT_THROW(DetectUnit({"A", {1, 2, 3}}, ParseDetectArguments(a)), UserError);
  a.range = "2:3";
  EXPECT_EQ(DetectUnit({"A", {1, 2, 3}}, ParseDetectArguments(a)).size(), 2u);
}

TEST(DetectCsv, OutputFormat) {
  std::vector<DetectionRow> rows;
  rows.push_back({"Xã \"A\", 1", 3, 4, 2.123456789012345678, true});
  rows.push_back({"B", 1, 0, std::nullopt, std::nullopt});
  rows.push_back({"B", 2, 1, 3.0, false});
  std::ostringstream out;
  WriteDetectionsCsv(rows, out);
  EXPECT_EQ(out.str(),
            "unit,idx,observed,upperbound,alarm\n"
            "\"Xã \"\"A\"\", 1\",3,4,2.12345678901235,1\n"
            "B,1,0,NA,NA\n"
            "B,2,1,3,0\n");
}

TEST(DetectCsv, EndToEndMatchesTheReference) {
  // input_series.csv has extra columns (dataset, year, week), which are ignored.
  DetectArguments a;
  a.method = "ears-c3";
  a.range = "12:";
  std::ostringstream out;
  RunDetectCsv(testing::ReferencePath("input_series.csv"), ParseDetectArguments(a), out);
  std::map<std::string, std::string> ours;  // "unit idx" -> "upperbound,alarm"
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "unit,idx,observed,upperbound,alarm");
  int count = 0;
  while (std::getline(lines, line)) {
    const size_t c1 = line.find(',');
    const size_t c2 = line.find(',', c1 + 1);
    const size_t c3 = line.find(',', c2 + 1);
    ours[line.substr(0, c2)] = line.substr(c3 + 1);
    ++count;
  }
  EXPECT_EQ(count, 301 + 284);
  int compared = 0;
  for (const auto& row : testing::ReadReferenceCsv("ears_C3.csv")) {
    if (row.at("minSigma") != "0") continue;
    const std::string value = ours.at(row.at("unit") + "," + row.at("idx"));
    const size_t comma = value.find(',');
    const double upper = *testing::ParseNumber(value.substr(0, comma));
    EXPECT_LE(testing::RelativeError(upper, *testing::ParseNumber(row.at("upperbound"))), 1e-13);
    EXPECT_EQ(value.substr(comma + 1), row.at("alarm"));
    ++compared;
  }
  EXPECT_EQ(compared, 585);
}

TEST(DetectCsv, NothingIsWrittenWhenAUnitFails) {
  const std::string path = WriteTemp("partial", "unit,idx,observed\nA,1,1\nA,2,1\nB,1,2\n");
  DetectArguments a;
  a.method = "threshold";
  a.range = "1:2";  // B has one week only
  std::ostringstream out;
  EXPECT_THROW(RunDetectCsv(path, ParseDetectArguments(a), out), UserError);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace solieu::surveillance
