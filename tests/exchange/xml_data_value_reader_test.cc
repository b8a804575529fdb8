// The DXF2 XML reader on DHIS2's own fixtures (reference/dhis2/datavalueset/*.xml) and on
// malformed or hostile input: every problem is a UserError naming the file and line.
#include "exchange/xml_data_value_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.h"
#include "exchange_test_support.h"

namespace solieu {
namespace {

using testing::Dhis2Fixture;
using testing::ReadFile;

struct Read {
  DataValueSetHeader header;
  std::vector<RawDataValue> rows;
};

Read ReadText(const std::string& text, size_t chunk_size = XmlDataValueReader::kDefaultChunkSize) {
  std::istringstream in(text);
  XmlDataValueReader reader(in, "t.xml", chunk_size);
  Read out;
  out.header = reader.Header();
  RawDataValue row;
  while (reader.Next(&row)) out.rows.push_back(row);
  return out;
}

Read ReadFixture(const std::string& name, size_t chunk_size = 7) {
  return ReadText(ReadFile(Dhis2Fixture("datavalueset/" + name)), chunk_size);
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

TEST(XmlDataValueReaderTest, ReadsDhis2FixtureAFieldByField) {
  Read r = ReadFixture("dataValueSetA.xml");
  EXPECT_EQ(r.header.data_set, "pBOMPrpg1QX");
  EXPECT_EQ(r.header.period, "");
  EXPECT_TRUE(r.header.id_schemes.empty());
  ASSERT_EQ(r.rows.size(), 3u);
  const RawDataValue& first = r.rows[0];
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
  // The second and third tags span two lines: a row's line is where its tag starts.
  EXPECT_EQ(r.rows[1].line, 3);
  EXPECT_EQ(r.rows[1].org_unit, "BdfsJfj87js");
  EXPECT_EQ(r.rows[1].value, "10002");
  EXPECT_EQ(r.rows[2].index, 3);
  EXPECT_EQ(r.rows[2].line, 5);
  EXPECT_EQ(r.rows[2].period, "201202");
  EXPECT_EQ(r.rows[2].value, "10003");
}

TEST(XmlDataValueReaderTest, ReadsHeaderDefaultsIdSchemesAndMissingValues) {
  // A licence comment of 29 lines and a blank line before the root element.
  Read cat_combo = ReadFixture("dataValueSetACatCombo.xml");
  EXPECT_EQ(cat_combo.header.data_set, "pBOMPrpg1QX");
  EXPECT_EQ(cat_combo.header.complete_date, "2012-01-09");
  EXPECT_EQ(cat_combo.header.period, "201201");
  EXPECT_EQ(cat_combo.header.org_unit, "DiszpKrYNg8");
  ASSERT_EQ(cat_combo.rows.size(), 3u);
  EXPECT_EQ(cat_combo.rows[0].line, 32);
  EXPECT_EQ(cat_combo.rows[0].category_option_combo, "kjuiHgy67hg");
  EXPECT_EQ(cat_combo.rows[1].category_option_combo, "Gad33qy67g5");
  EXPECT_EQ(cat_combo.rows[2].category_option_combo, "");
  EXPECT_EQ(cat_combo.rows[0].period, "");  // the header's, applied by the import

  Read code = ReadFixture("dataValueSetACode.xml");
  ASSERT_EQ(code.header.id_schemes.size(), 1u);
  EXPECT_EQ(code.header.id_schemes[0].first, "idScheme");
  EXPECT_EQ(code.header.id_schemes[0].second, "code");
  EXPECT_EQ(code.header.org_unit, "OU_A");
  EXPECT_EQ(code.rows[1].data_element, "DE_B");

  Read null_values = ReadFixture("dataValueSetANull.xml");
  ASSERT_EQ(null_values.rows.size(), 3u);
  EXPECT_EQ(null_values.rows[0].value, "");
  EXPECT_EQ(null_values.rows[1].value, "");
  EXPECT_EQ(null_values.rows[1].comment, "");
  EXPECT_EQ(null_values.rows[2].value, "10003");

  Read aoc = ReadFixture("dataValueSetD.xml");
  EXPECT_EQ(aoc.header.attribute_option_combo, "kjuiHgy67hg");

  Read schemes = ReadFixture("dataValueSetBAttributeIdScheme.xml");
  ASSERT_EQ(schemes.header.id_schemes.size(), 2u);
  EXPECT_EQ(schemes.header.id_schemes[0].first, "dataElementIdScheme");
  EXPECT_EQ(schemes.header.id_schemes[1].second, "ATTRIBUTE:uh6H2ff562G");

  Read non_strict = ReadFixture("dataValueSetNonStrict.xml");
  EXPECT_EQ(non_strict.rows[1].attribute_option_combo, "Gad33qy67g5");
  EXPECT_EQ(non_strict.rows[1].period, "2012Q2");
}

TEST(XmlDataValueReaderTest, ReadsEveryXmlFixtureWhateverTheChunkSize) {
  const std::vector<std::pair<std::string, size_t>> expected = {
      {"dataValueSetA.xml", 3},
      {"dataValueSetACatCombo.xml", 3},
      {"dataValueSetACode.xml", 3},
      {"dataValueSetANull.xml", 3},
      {"dataValueSetAUpdate.xml", 3},
      {"dataValueSetB.xml", 12},
      {"dataValueSetBAttribute.xml", 12},
      {"dataValueSetBAttributeIdScheme.xml", 12},
      {"dataValueSetBCode.xml", 12},
      {"dataValueSetC.xml", 3},
      {"dataValueSetCCode.xml", 3},
      {"dataValueSetD.xml", 3},
      {"dataValueSetD2.xml", 3},
      {"dataValueSetE.xml", 3},
      {"dataValueSetF.xml", 4},
      {"dataValueSetG.xml", 4},
      {"dataValueSetH.xml", 3},
      {"dataValueSetIllegalCoc.xml", 1},
      {"dataValueSetIllegalOrgUnit.xml", 1},
      {"dataValueSetInvalid.xml", 3},
      {"dataValueSetNonStrict.xml", 3},
  };
  for (const auto& [name, count] : expected) {
    SCOPED_TRACE(name);
    Read whole = ReadFixture(name, XmlDataValueReader::kDefaultChunkSize);
    ASSERT_EQ(whole.rows.size(), count);
    for (size_t chunk : {1u, 7u, 100u}) {
      Read pieces = ReadFixture(name, chunk);
      ASSERT_EQ(pieces.rows.size(), count);
      for (size_t i = 0; i < count; ++i) {
        EXPECT_EQ(pieces.rows[i].line, whole.rows[i].line);
        EXPECT_EQ(pieces.rows[i].data_element, whole.rows[i].data_element);
        EXPECT_EQ(pieces.rows[i].value, whole.rows[i].value);
      }
    }
  }
  Read b = ReadFixture("dataValueSetB.xml");
  EXPECT_EQ(b.rows[11].index, 12);
  EXPECT_EQ(b.rows[11].line, 13);
  EXPECT_EQ(b.rows[11].data_element, "eY5ehpbEsB7");
  EXPECT_EQ(b.rows[11].org_unit, "BdfsJfj87js");
  EXPECT_EQ(b.rows[11].period, "201202");
  EXPECT_EQ(b.rows[11].value, "10012");
}

TEST(XmlDataValueReaderTest, ReadsFlagsEscapesPrefixesAndSkipsUnknownElements) {
  Read r = ReadText(
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<d:dataValueSet xmlns:d=\"http://dhis2.org/schema/dxf/2.0\" orgUnitIdScheme=\"CODE\">\n"
      "  <d:dataValue dataElement=\"A\" value=\"1\" followUp=\"TRUE\" deleted=\"true\"/>\n"
      "  <other><dataValue dataElement=\"nested, skipped\"/></other>\n"
      "  <d:dataValue dataElement=\"B\" value=\"&lt;5 &amp; &quot;x&quot;\" "
      "comment=\"d\xC3\xB2ng 1&#10;d\xC3\xB2ng 2\" followup=\"false\" deleted=\"no\">\n"
      "    <value>child text is not DHIS2's format and is ignored</value>\n"
      "  </d:dataValue>\n"
      "</d:dataValueSet>\n");
  ASSERT_EQ(r.header.id_schemes.size(), 1u);
  EXPECT_EQ(r.header.id_schemes[0].first, "orgUnitIdScheme");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_TRUE(r.rows[0].followup);
  EXPECT_TRUE(r.rows[0].deleted);
  EXPECT_EQ(r.rows[1].line, 5);
  EXPECT_EQ(r.rows[1].value, "<5 & \"x\"");
  EXPECT_EQ(r.rows[1].comment, "dòng 1\ndòng 2");
  EXPECT_FALSE(r.rows[1].followup);
  EXPECT_FALSE(r.rows[1].deleted);

  Read empty = ReadText("<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\"/>");
  EXPECT_TRUE(empty.rows.empty());
}

TEST(XmlDataValueReaderTest, MalformedXmlGivesTheLineAndExpatsMessage) {
  UserError mismatched = ErrorOf(
      "<dataValueSet>\n  <dataValue dataElement=\"a\" value=\"1\"/>\n  <dataValue "
      "dataElement=\"b\">\n</dataValueSet>\n");
  EXPECT_EQ(mismatched.code(), "exchange.malformed_xml");
  EXPECT_EQ(mismatched.where(), "t.xml:4");
  EXPECT_NE(mismatched.message_en().find("mismatched tag"), std::string::npos);
  EXPECT_NE(mismatched.message_vi().find("lỗi cú pháp XML"), std::string::npos);

  UserError unquoted = ErrorOf("<dataValueSet>\n\n<dataValue value=1/>\n</dataValueSet>");
  EXPECT_EQ(unquoted.where(), "t.xml:3");

  // Every truncation of a real file is an error, never a crash or a silent success.
  std::string fixture = ReadFile(Dhis2Fixture("datavalueset/dataValueSetB.xml"));
  for (size_t cut : {1u, 20u, 60u, 500u, 1500u}) {
    UserError e = ErrorOf(fixture.substr(0, cut));
    EXPECT_EQ(e.code(), "exchange.malformed_xml");
    EXPECT_NE(e.where().find("t.xml:"), std::string::npos);
  }
  EXPECT_NE(ErrorOf(fixture.substr(0, 500)).message_en().find("unclosed token"), std::string::npos);
  UserError between_rows = ErrorOf(fixture.substr(0, fixture.find("/>") + 3));
  EXPECT_NE(between_rows.message_en().find("no element found"), std::string::npos);
  EXPECT_EQ(between_rows.where(), "t.xml:3");

  EXPECT_NE(ErrorOf("").message_en().find("empty"), std::string::npos);
  EXPECT_NE(ErrorOf("not xml at all").message_en().find("syntax error"), std::string::npos);
  EXPECT_NE(ErrorOf("<dataValueSet/><dataValueSet/>").message_en().find("junk after"),
            std::string::npos);
  EXPECT_NE(ErrorOf("<dataValueSet><dataValue value=\"\xFF\"/></dataValueSet>")
                .message_en()
                .find("invalid token"),
            std::string::npos);
  EXPECT_NE(ErrorOf("<dataValueSet><dataValue value=\"&undefined;\"/></dataValueSet>")
                .message_en()
                .find("undefined entity"),
            std::string::npos);

  UserError adx = ErrorOf(ReadFile(Dhis2Fixture("adx/importA.adx.xml")));
  EXPECT_NE(adx.message_en().find("root element is <adx>"), std::string::npos);
  EXPECT_NE(adx.message_vi().find("không phải <dataValueSet>"), std::string::npos);
}

TEST(XmlDataValueReaderTest, RefusesDoctypesAndEntitiesBillionLaughs) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE dataValueSet [\n"
      "  <!ENTITY lol \"lol\">\n"
      "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "]>\n"
      "<dataValueSet><dataValue dataElement=\"a\" value=\"&lol3;\"/></dataValueSet>\n";
  for (size_t chunk : {1u, 7u, 4096u}) {
    UserError e = ErrorOf(laughs, chunk);
    EXPECT_EQ(e.code(), "exchange.malformed_xml");
    EXPECT_EQ(e.where(), "t.xml:2");
    EXPECT_NE(e.message_en().find("DOCTYPE"), std::string::npos);
    EXPECT_NE(e.message_vi().find("không được có DOCTYPE"), std::string::npos);
  }
  // An external entity (XXE) and a bare DOCTYPE are refused the same way.
  EXPECT_NE(ErrorOf("<!DOCTYPE d SYSTEM \"file:///etc/passwd\">\n<dataValueSet/>")
                .message_en()
                .find("DOCTYPE"),
            std::string::npos);
}

TEST(XmlDataValueReaderTest, MemoryIsBoundedByOneChunkAndOneTag) {
  std::string rows;
  for (int i = 0; i < 5000; ++i) rows += "<dataValue dataElement=\"a\" value=\"1\"/>\n";
  std::istringstream in("<dataValueSet>\n" + rows + "</dataValueSet>");
  XmlDataValueReader reader(in, "t.xml", 4096);
  RawDataValue row;
  long long n = 0;
  while (reader.Next(&row)) ++n;
  EXPECT_EQ(n, 5000);
  EXPECT_LE(reader.max_pending_rows(), 4096u / 38 + 2);

  // A tag expat would have to hold whole, past the bound: refused, naming where it starts.
  std::string huge = "<dataValueSet>\n<dataValue value=\"" +
                     std::string(XmlDataValueReader::kMaxTagBytes + 200 * 1024, '1') +
                     "\"/></dataValueSet>";
  UserError e = ErrorOf(huge, 64 * 1024);
  EXPECT_NE(e.message_en().find("longer than"), std::string::npos);
  EXPECT_EQ(e.where(), "t.xml:2");
}

}  // namespace
}  // namespace solieu
