#include "core/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/error.h"

namespace solieu {
namespace {

std::vector<std::vector<std::string>> ReadAll(const std::string& text,
                                              std::vector<int>* lines = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in, "test.csv");
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(reader.line());
  }
  return out;
}

TEST(CsvReaderTest, QuotedFieldsWithCommasQuotesAndNewlinesKeepLineNumbers) {
  std::vector<int> lines;
  auto rows = ReadAll("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\r\nlast,row", &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][0], "x, y");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2][0], "two\nlines");
  EXPECT_EQ(rows[3][1], "row");
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 5}));
}

TEST(CsvReaderTest, SkipsUtf8ByteOrderMarkAndKeepsVietnamese) {
  auto rows = ReadAll(
      "\xEF\xBB\xBF"
      "code,name\n03325,Xã Mường Phăng\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "code");
  EXPECT_EQ(rows[1][1], "Xã Mường Phăng");
}

TEST(CsvReaderTest, EmptyTrailingFieldIsKept) {
  auto rows = ReadAll("a,b,\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size(), 3u);
}

TEST(CsvReaderTest, UnterminatedQuoteNamesTheRecordLine) {
  try {
    ReadAll("a,b\nok,1\n\"open,2\n");
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "csv.unterminated_quote");
    EXPECT_EQ(e.where(), "test.csv:3");
  }
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  EXPECT_THROW(ReadAll("\"a\"b,c\n"), UserError);
}

TEST(CsvReaderTest, InvalidUtf8IsAnErrorNamingTheColumn) {
  try {
    ReadAll("a,b\nok,\xC3\x28\n");
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "csv.bad_utf8");
    EXPECT_EQ(e.where(), "test.csv:2 column 2");
  }
}

TEST(Utf8Test, RejectsOverlongSurrogatesAndTruncation) {
  EXPECT_TRUE(IsValidUtf8("Điện Biên ‰"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE1\xBB"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace solieu
