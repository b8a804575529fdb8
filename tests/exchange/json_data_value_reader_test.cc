#include "exchange/json_data_value_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "core/error.h"

namespace solieu {
namespace {

struct Read {
  DataValueSetHeader header;
  std::vector<RawDataValue> rows;
};

Read ReadAll(const std::string& text, size_t chunk_size = JsonDataValueReader::kDefaultChunkSize) {
  std::istringstream in(text);
  JsonDataValueReader reader(in, "t.json", chunk_size);
  Read out;
  out.header = reader.Header();
  RawDataValue row;
  while (reader.Next(&row)) out.rows.push_back(row);
  return out;
}

// The UserError a malformed text gives (fails the test if it gives none).
UserError ErrorOf(const std::string& text, size_t chunk_size = 7) {
  try {
    ReadAll(text, chunk_size);
  } catch (const UserError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return UserError("", "", "");
}

const char kSet[] = R"({
  "dataSet": "VEM58nY22sO",
  "completeDate": "2019-06-05",
  "period": "201911",
  "orgUnit": "O6uvpzGd5pu",
  "orgUnitIdScheme": "CODE",
  "unknownHeader": {"nested": [1, 2, {"deeper": true}]},
  "dataValues": [
    {
      "dataElement": "BjDrgVrkBI3",
      "categoryOptionCombo": "oPcWGgS2Liz",
      "value": "1000",
      "followup": false
    },
    {"dataElement": "Md3xk3vlABx", "period": "201912", "orgUnit": "DiszpKrYNg8",
     "attributeOptionCombo": "HllvX50cXC0", "value": 12.5, "comment": "Quan trọng \u00e1",
     "storedBy": "admin", "followup": true, "deleted": "true", "extra": {"a": [1]}},
    {"dataElement": "x", "value": true},
    {"dataElement": "y", "value": null}
  ]
})";

TEST(JsonDataValueReaderTest, ReadsHeaderAndRows) {
  Read r = ReadAll(kSet);
  EXPECT_EQ(r.header.data_set, "VEM58nY22sO");
  EXPECT_EQ(r.header.complete_date, "2019-06-05");
  EXPECT_EQ(r.header.period, "201911");
  EXPECT_EQ(r.header.org_unit, "O6uvpzGd5pu");
  ASSERT_EQ(r.header.id_schemes.size(), 1u);
  EXPECT_EQ(r.header.id_schemes[0].first, "orgUnitIdScheme");
  EXPECT_EQ(r.header.id_schemes[0].second, "CODE");
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[0].index, 1);
  EXPECT_EQ(r.rows[0].line, 9);
  EXPECT_EQ(r.rows[0].data_element, "BjDrgVrkBI3");
  EXPECT_EQ(r.rows[0].category_option_combo, "oPcWGgS2Liz");
  EXPECT_EQ(r.rows[0].period, "");  // the header's, applied by the import
  EXPECT_EQ(r.rows[0].value, "1000");
  EXPECT_FALSE(r.rows[0].followup);
  const RawDataValue& second = r.rows[1];
  EXPECT_EQ(second.index, 2);
  EXPECT_EQ(second.line, 15);
  EXPECT_EQ(second.period, "201912");
  EXPECT_EQ(second.org_unit, "DiszpKrYNg8");
  EXPECT_EQ(second.attribute_option_combo, "HllvX50cXC0");
  EXPECT_EQ(second.value, "12.5");  // numbers keep their text
  EXPECT_EQ(second.comment, "Quan trọng á");
  EXPECT_EQ(second.stored_by, "admin");
  EXPECT_TRUE(second.followup);
  EXPECT_TRUE(second.deleted);
  EXPECT_EQ(r.rows[2].value, "true");
  EXPECT_EQ(r.rows[3].value, "");
}

TEST(JsonDataValueReaderTest, AnyChunkSizeGivesTheSameRows) {
  Read whole = ReadAll(kSet);
  for (size_t chunk : {1u, 2u, 3u, 5u, 7u, 13u, 64u}) {
    Read pieces = ReadAll(kSet, chunk);
    ASSERT_EQ(pieces.rows.size(), whole.rows.size()) << chunk;
    for (size_t i = 0; i < whole.rows.size(); ++i) {
      EXPECT_EQ(pieces.rows[i].data_element, whole.rows[i].data_element) << chunk;
      EXPECT_EQ(pieces.rows[i].value, whole.rows[i].value) << chunk;
      EXPECT_EQ(pieces.rows[i].comment, whole.rows[i].comment) << chunk;
      EXPECT_EQ(pieces.rows[i].line, whole.rows[i].line) << chunk;
    }
  }
}

TEST(JsonDataValueReaderTest, AcceptsByteOrderMarkEmptyAndNullLists) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBF{\"dataValues\": [{\"value\": \"1\"}]}").rows.size(), 1u);
  EXPECT_TRUE(ReadAll("{\"dataValues\": []}").rows.empty());
  EXPECT_TRUE(ReadAll("{\"dataValues\": null}").rows.empty());
  EXPECT_TRUE(ReadAll("{}").rows.empty());
  EXPECT_TRUE(ReadAll("  {\"dataValues\": []}  \n\n").rows.empty());
}

TEST(JsonDataValueReaderTest, MalformedInputGivesACleanErrorWithThePlace) {
  // Truncated, at several points.
  std::string set = kSet;
  for (size_t cut : {size_t{1}, size_t{40}, size_t{300}, set.size() - 2}) {
    UserError e = ErrorOf(set.substr(0, cut));
    EXPECT_EQ(e.code(), "exchange.malformed_json") << cut;
    EXPECT_NE(e.where().find("t.json:"), std::string::npos);
  }
  EXPECT_NE(ErrorOf(set.substr(0, 300)).message_en().find("truncated"), std::string::npos);
  EXPECT_NE(ErrorOf("").message_en().find("empty"), std::string::npos);
  // Syntax.
  EXPECT_EQ(ErrorOf("{\"dataValues\": [{\"value\": \"1\",}]}").code(), "exchange.malformed_json");
  EXPECT_EQ(ErrorOf("not json").code(), "exchange.malformed_json");
  UserError line = ErrorOf("{\n\"dataValues\": [\n{\"value\": 1 2}\n]}");
  EXPECT_EQ(line.where(), "t.json:3");
  // Wrong types.
  EXPECT_NE(ErrorOf("[1, 2]").message_en().find("not a dataValueSet"), std::string::npos);
  EXPECT_NE(ErrorOf("\"text\"").message_en().find("not a dataValueSet"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"dataValues\": {}}").message_en().find("must be an array"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{\"dataValues\": 5}").message_en().find("must be an array"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{\"dataValues\": [\"x\"]}").message_en().find("must be an object"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{\"dataValues\": [[]]}").message_en().find("must be an object"),
            std::string::npos);
  UserError value_object = ErrorOf("{\"dataValues\": [{}, {\"value\": {\"a\": 1}}]}");
  EXPECT_NE(value_object.message_en().find("field 'value' of data value 2"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"period\": [\"201901\"], \"dataValues\": []}")
                .message_en()
                .find("header field 'period' must be a text"),
            std::string::npos);
  // Deep nesting, even where it would be skipped.
  std::string deep = "{\"x\": " + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_NE(ErrorOf(deep).message_en().find("nests too deeply"), std::string::npos);
  std::string deep_rows = "{\"dataValues\": [" + std::string(100, '[');
  EXPECT_EQ(ErrorOf(deep_rows).code(), "exchange.malformed_json");
  // Invalid UTF-8: a lone continuation byte, an overlong encoding, a truncated sequence.
  for (const char* bad : {"\x80", "\xC0\xAF", "\xE1\x80", "\xED\xA0\x80"}) {
    std::string text = std::string("{\"dataValues\": [{\"comment\": \"a") + bad + "b\"}]}";
    EXPECT_NE(ErrorOf(text).message_en().find("invalid UTF-8"), std::string::npos);
  }
  // Text after the document; a header field after the rows; an endless text.
  EXPECT_NE(ErrorOf("{\"dataValues\": []} {}").message_en().find("after the end"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{\"dataValues\": [], \"orgUnit\": \"x\"}")
                .message_en()
                .find("comes after the dataValues"),
            std::string::npos);
  std::string huge = "{\"dataValues\": [{\"value\": \"" +
                     std::string(JsonDataValueReader::kMaxFieldBytes + 10, '9') + "\"}]}";
  EXPECT_NE(ErrorOf(huge, 4096).message_en().find("longer than"), std::string::npos);
  std::string long_key = "{\"" + std::string(5000, 'k') + "\": 1, \"dataValues\": []}";
  EXPECT_NE(ErrorOf(long_key).message_en().find("a key is longer"), std::string::npos);
}

TEST(JsonDataValueReaderTest, KeepsOnlyOneChunkOfRowsAtATime) {
  std::string text = "{\"dataValues\": [";
  for (int i = 0; i < 20000; ++i) {
    text += (i ? "," : "");
    text += "{\"dataElement\": \"abcdefghijk\", \"value\": \"" + std::to_string(i) + "\"}";
  }
  text += "]}";
  std::istringstream in(text);
  JsonDataValueReader reader(in, "t.json", 4096);
  RawDataValue row;
  long long count = 0;
  while (reader.Next(&row)) {
    ASSERT_EQ(row.value, std::to_string(count));
    ++count;
  }
  EXPECT_EQ(count, 20000);
  // A 4 KiB chunk holds at most ~4096 / 45 rows of this size.
  EXPECT_LE(reader.max_pending_rows(), 4096u / 45 + 1);
}

}  // namespace
}  // namespace solieu
