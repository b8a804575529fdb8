// The CSV reader on DHIS2's own fixtures (reference/dhis2/datavalueset/*.csv) and on RFC 4180
// quoting, byte order marks, line ends and malformed input: every problem is a UserError naming
// the file and line.
#include "exchange/csv_data_value_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "core/error.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ReadFile;

std::vector<RawDataValue> ReadText(const std::string& text, size_t chunk_size = 7,
                                   bool* had_header = nullptr) {
  std::istringstream in(text);
  CsvDataValueReader reader(in, "t.csv", chunk_size);
  EXPECT_TRUE(reader.Header().data_set.empty());
  std::vector<RawDataValue> rows;
  RawDataValue row;
  while (reader.Next(&row)) rows.push_back(row);
  if (had_header) *had_header = reader.had_header_row();
  return rows;
}

std::vector<RawDataValue> ReadFixture(const std::string& name, size_t chunk_size = 7,
                                      bool* had_header = nullptr) {
  return ReadText(ReadFile(Dhis2Fixture("datavalueset/" + name)), chunk_size, had_header);
}

UserError ErrorOf(const std::string& text, size_t chunk_size = 7) {
  try {
    ReadText(text, chunk_size);
  } catch (const UserError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return UserError("", "", "");
}

TEST(CsvDataValueReaderTest, ReadsDhis2FixtureBFieldByField) {
  bool had_header = false;
  std::vector<RawDataValue> rows = ReadFixture("dataValueSetB.csv", 7, &had_header);
  EXPECT_TRUE(had_header);
  ASSERT_EQ(rows.size(), 12u);
  const RawDataValue& first = rows[0];
  EXPECT_EQ(first.index, 1);
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.data_element, "f7n9E0hX8qk");
  EXPECT_EQ(first.period, "201201");
  EXPECT_EQ(first.org_unit, "DiszpKrYNg8");
  EXPECT_EQ(first.category_option_combo, "");
  EXPECT_EQ(first.attribute_option_combo, "");
  EXPECT_EQ(first.value, "10001");
  EXPECT_EQ(first.stored_by, "john");
  EXPECT_EQ(first.comment, "comment");
  EXPECT_FALSE(first.followup);
  EXPECT_FALSE(first.deleted);
  EXPECT_EQ(rows[5].data_element, "Ix2HsbDMLea");
  EXPECT_EQ(rows[5].org_unit, "BdfsJfj87js");
  EXPECT_EQ(rows[5].value, "10006");
  EXPECT_EQ(rows[11].index, 12);
  EXPECT_EQ(rows[11].line, 13);
  EXPECT_EQ(rows[11].data_element, "eY5ehpbEsB7");
  EXPECT_EQ(rows[11].period, "201202");
  EXPECT_EQ(rows[11].value, "10012");
}

TEST(CsvDataValueReaderTest, ReadsEveryCsvFixtureWithOrWithoutHeader) {
  struct Expected {
    const char* name;
    size_t rows;
    bool header;
  };
  for (const Expected& e :
       {Expected{"dataValueSetB.csv", 12, true}, Expected{"dataValueSetBNoHeader.csv", 12, false},
        Expected{"dataValueSetWithDataSetHeader.csv", 3, true},
        Expected{"dataValueSetBooleanTest.csv", 18, true},
        Expected{"dataValueSetBooleanDuplicatesTest.csv", 18, true}}) {
    SCOPED_TRACE(e.name);
    for (size_t chunk : {1u, 7u, 65536u}) {
      bool had_header = !e.header;
      std::vector<RawDataValue> rows = ReadFixture(e.name, chunk, &had_header);
      EXPECT_EQ(rows.size(), e.rows);
      EXPECT_EQ(had_header, e.header);
    }
  }
  // No header: the first row is data, on line 1, the same as B's second line.
  std::vector<RawDataValue> no_header = ReadFixture("dataValueSetBNoHeader.csv");
  EXPECT_EQ(no_header[0].line, 1);
  EXPECT_EQ(no_header[0].value, "10001");
  EXPECT_EQ(no_header[11].value, "10012");
  // A header of 11 columns (with "deleted") over rows of 10, as DHIS2 accepts.
  std::vector<RawDataValue> data_set = ReadFixture("dataValueSetWithDataSetHeader.csv");
  EXPECT_EQ(data_set[2].line, 4);
  EXPECT_EQ(data_set[2].value, "10003");
  EXPECT_FALSE(data_set[2].deleted);
  // Boolean values are passed through as written; the import checks them.
  std::vector<RawDataValue> booleans = ReadFixture("dataValueSetBooleanTest.csv");
  EXPECT_EQ(booleans[1].value, "True");
  EXPECT_EQ(booleans[11].value, "not true");
}

TEST(CsvDataValueReaderTest, QuotingLineEndsAndByteOrderMark) {
  bool had_header = false;
  std::vector<RawDataValue> rows = ReadText(
      "\xEF\xBB\xBF"
      "dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value,storedBy,"
      "lastUpdated,comment,followUp,deleted\r\n"
      "DE1,202401,OU1,,,\"1,5\",\"an \"\"admin\"\"\",2024-01-01,\"d\xC3\xB2ng 1\r\n"
      "d\xC3\xB2ng 2\n"
      "d\xC3\xB2ng 3\",TRUE,True\r\n"
      "\r\n"
      "  DE2 , 202402 ,OU1,coc,aoc,  7  \n"
      ",,,,,,,,,,\n"
      "DE3,202403,OU1,,,,,,,false,false",
      3, &had_header);
  EXPECT_TRUE(had_header);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].value, "1,5");
  EXPECT_EQ(rows[0].stored_by, "an \"admin\"");
  EXPECT_EQ(rows[0].comment, "dòng 1\r\ndòng 2\ndòng 3");
  EXPECT_TRUE(rows[0].followup);
  EXPECT_TRUE(rows[0].deleted);
  // The row after a quoted field of three lines and a blank line starts on line 6.
  EXPECT_EQ(rows[1].index, 2);
  EXPECT_EQ(rows[1].line, 6);
  EXPECT_EQ(rows[1].data_element, "DE2");
  EXPECT_EQ(rows[1].period, "202402");
  EXPECT_EQ(rows[1].category_option_combo, "coc");
  EXPECT_EQ(rows[1].attribute_option_combo, "aoc");
  EXPECT_EQ(rows[1].value, "  7  ");  // values are the import's to check, as written
  EXPECT_EQ(rows[2].line, 8);         // the row of empty cells is skipped
  EXPECT_EQ(rows[2].value, "");
  EXPECT_FALSE(rows[2].deleted);

  EXPECT_TRUE(ReadText("").empty());
  EXPECT_TRUE(ReadText("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(ReadText("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,"
                       "value\n")
                  .empty());
}

TEST(CsvDataValueReaderTest, WrongFieldCountsAndBrokenQuotesNameTheLine) {
  UserError few = ErrorOf("DE1,202401,OU1,,,1\nDE1,202402,OU1,5\n");
  EXPECT_EQ(few.code(), "exchange.malformed_csv");
  EXPECT_EQ(few.where(), "t.csv:2");
  EXPECT_NE(few.message_en().find("has 4 fields"), std::string::npos);
  EXPECT_NE(few.message_vi().find("dòng có 4 trường"), std::string::npos);

  UserError many = ErrorOf("dataelement,period\nDE1,202401,OU1,,,1,s,l,c,false,false,extra\n");
  EXPECT_EQ(many.where(), "t.csv:2");
  EXPECT_NE(many.message_en().find("more than 11 fields"), std::string::npos);

  // An unterminated quote names the line where the quoted field's row starts.
  UserError open = ErrorOf("DE1,202401,OU1,,,1\nDE1,202402,OU1,,,\"2\nDE1,202403,OU1,,,3\n");
  EXPECT_EQ(open.where(), "t.csv:2");
  EXPECT_NE(open.message_en().find("not closed"), std::string::npos);
  EXPECT_NE(open.message_vi().find("không được đóng"), std::string::npos);

  UserError after = ErrorOf("DE1,202401,OU1,,,\"1\"x\n");
  EXPECT_EQ(after.where(), "t.csv:1");
  EXPECT_NE(after.message_en().find("after a closing quote"), std::string::npos);

  UserError utf8 = ErrorOf("DE1,202401,OU1,,,\xC3\n");
  EXPECT_EQ(utf8.where(), "t.csv:1 column 6");
  EXPECT_NE(utf8.message_en().find("UTF-8"), std::string::npos);

  // A field past the bound (an unclosed quote in a large file) stops reading, naming its row.
  std::string huge =
      "a,b,c,,,1\na,b,c,,,\"" + std::string(CsvDataValueReader::kMaxFieldBytes + 1, 'x') + "\"\n";
  UserError long_field = ErrorOf(huge, 65536);
  EXPECT_EQ(long_field.where(), "t.csv:2");
  EXPECT_NE(long_field.message_en().find("longer than"), std::string::npos);

  // Rows returned before an error stay valid; reading on repeats no row.
  std::istringstream in("DE1,202401,OU1,,,1\nbad\n");
  CsvDataValueReader reader(in, "t.csv");
  RawDataValue row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(row.value, "1");
  EXPECT_THROW(reader.Next(&row), UserError);
  EXPECT_THROW(reader.Next(&row), UserError);
}

}  // namespace
}  // namespace solieu
