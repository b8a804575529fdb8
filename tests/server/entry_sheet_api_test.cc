// GET /api/dataSets/{id}/entrySheet and a filled sheet POSTed back to /api/dataValueSets over real
// HTTP: the clerk downloads the station's form prefilled, fills it and imports it; another
// station's form is 403 to download and conflict E7617 to import; bad parameters are 400/404.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/org_hierarchy.h"
#include "exchange/xlsx_entry_sheet.h"
#include "exchange/xlsx_package.h"
#include "report/zip_writer.h"
#include "test_server.h"

namespace solieu::testing {
namespace {

namespace json = boost::json;
namespace http = boost::beast::http;
namespace fs = std::filesystem;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kDataSet = "DS_MCH_M";  // monthly, assigned to the health stations

class EntrySheetApiTest : public ::testing::Test {
 protected:
  EntrySheetApiTest() : clerk_(server_.port()), manager_(server_.port()) {
    EXPECT_EQ(clerk_.Login("tyt.muongphang").status, 200);
    EXPECT_EQ(manager_.Login("thongke").status, 200);
    // The layout the server writes, from the same metadata: which cell holds which value.
    auto store = server_.OpenStore();
    metadata_ = store->LoadMetadata();
    OrgHierarchy hierarchy(metadata_.org_units, metadata_.parent_links, metadata_.org_events);
    EntrySheetForm form =
        ResolveEntrySheetForm(metadata_, hierarchy, kDataSet, kOwnFacility, kPeriod);
    WriteEntrySheet(metadata_, form, {}, &cells_);
  }

  static std::string Target(const std::string& data_set, const std::string& unit,
                            const std::string& period = kPeriod) {
    return "/api/dataSets/" + data_set + "/entrySheet?orgUnit=" + unit + "&period=" + period;
  }

  // The sheet with `value` typed into its first input cell.
  std::string Filled(const std::string& sheet, const std::string& value) {
    XlsxPackage package(sheet, "sheet.xlsx");
    std::map<std::string, std::string> parts;
    for (const std::string& name : package.Parts()) parts[name] = package.Read(name);
    std::string& xml = parts.at("xl/worksheets/sheet1.xml");
    const std::string ref = cells_.at(0).cell;
    size_t start = xml.find("<c r=\"" + ref + "\"");
    EXPECT_NE(start, std::string::npos);
    size_t close = xml.find('>', start);
    size_t end = xml[close - 1] == '/' ? close + 1 : xml.find("</c>", start) + 4;
    xml.replace(start, end - start, "<c r=\"" + ref + "\"><v>" + value + "</v></c>");
    const fs::path file = server_.dir() / ("filled" + std::to_string(++files_) + ".xlsx");
    {
      report::ZipWriter zip(file);
      for (const auto& [name, contents] : parts) zip.Add(name, contents);
      zip.Close();
    }
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  std::optional<std::string> Stored(const std::string& facility) {
    auto store = server_.OpenStore();
    auto value = store->GetValue({cells_.at(0).data_element_uid, kPeriod, server_.OrgUid(facility),
                                  cells_.at(0).option_combo_uid, DefaultCategoryOptionComboUid()});
    if (!value) return std::nullopt;
    return value->value + " by " + value->stored_by;
  }

  TestServer server_;
  ApiClient clerk_;
  ApiClient manager_;
  MetadataSnapshot metadata_;
  std::vector<EntrySheetCell> cells_;
  int files_ = 0;
};

TEST_F(EntrySheetApiTest, ClerkDownloadsFillsAndImportsTheStationsForm) {
  HttpResult sheet = clerk_.Get(Target(kDataSet, kOwnFacility), {{"Accept-Encoding", "identity"}});
  ASSERT_EQ(sheet.status, 200) << sheet.body.substr(0, 300);
  EXPECT_EQ(sheet.Header("content-type"), kXlsx);
  EXPECT_NE(sheet.Header("content-disposition").find("bieu-nhap-DS_MCH_M-TYT03325-202508.xlsx"),
            std::string::npos);
  EXPECT_EQ(sheet.body.substr(0, 2), "PK");

  HttpResult imported = clerk_.Send(http::verb::post, "/api/dataValueSets",
                                    Filled(sheet.body, "1250"), {{"Content-Type", kXlsx}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  json::value summary = json::parse(imported.body);
  EXPECT_EQ(summary.at("status").as_string(), "SUCCESS");
  EXPECT_EQ(summary.at("importCount").at("imported").as_int64(), 1);
  EXPECT_EQ(Stored(kOwnFacility), "1250 by tyt.muongphang");

  // Downloaded again, the form holds the value.
  HttpResult again = clerk_.Get(Target(kDataSet, kOwnFacility), {{"Accept-Encoding", "identity"}});
  ASSERT_EQ(again.status, 200);
  XlsxPackage package(again.body, "again.xlsx");
  std::string xml = package.Read("xl/worksheets/sheet1.xml");
  size_t cell = xml.find("<c r=\"" + cells_.at(0).cell + "\"");
  ASSERT_NE(cell, std::string::npos);
  EXPECT_EQ(xml.substr(xml.find('>', cell) + 1, 12), "<v>1250</v><");

  // Both downloads are in the admin event log, the second with its prefilled value.
  auto store = server_.OpenStore();
  std::vector<AdminEvent> events = store->AdminEventsLike("export_entry_sheet", 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_NE(events[0].detail.find("\"prefilledValues\":1"), std::string::npos) << events[0].detail;
}

TEST_F(EntrySheetApiTest, AnotherStationsFormIsRefused) {
  HttpResult forbidden =
      clerk_.Get(Target(kDataSet, kOtherFacility), {{"Accept-Encoding", "identity"}});
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;

  // The manager may download it; the clerk may not import it.
  HttpResult sheet =
      manager_.Get(Target(kDataSet, kOtherFacility), {{"Accept-Encoding", "identity"}});
  ASSERT_EQ(sheet.status, 200) << sheet.body.substr(0, 300);
  HttpResult refused = clerk_.Send(http::verb::post, "/api/dataValueSets", Filled(sheet.body, "77"),
                                   {{"Content-Type", kXlsx}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  json::value summary = json::parse(refused.body);
  EXPECT_EQ(summary.at("conflicts").at(0).at("errorCode").as_string(), "E7617");
  EXPECT_EQ(Stored(kOtherFacility), std::nullopt);
}

TEST_F(EntrySheetApiTest, BadParametersAndBadFilesAreClearErrors) {
  EXPECT_EQ(clerk_.Get(Target("DS_NOPE", kOwnFacility)).status, 404);
  HttpResult quarter = clerk_.Get(Target(kDataSet, kOwnFacility, "2025Q3"));
  EXPECT_EQ(quarter.status, 400);
  EXPECT_NE(quarter.body.find("is not of the period type"), std::string::npos) << quarter.body;
  EXPECT_EQ(clerk_.Get("/api/dataSets/DS_MCH_M/entrySheet?period=202508").status, 400);

  HttpResult not_xlsx =
      clerk_.Send(http::verb::post, "/api/dataValueSets", "xin chào", {{"Content-Type", kXlsx}});
  EXPECT_EQ(not_xlsx.status, 409) << not_xlsx.body;
  json::value summary = json::parse(not_xlsx.body);
  EXPECT_EQ(summary.at("conflicts").at(0).at("errorCode").as_string(), "SL7600");
  EXPECT_NE(
      std::string(summary.at("conflicts").at(0).at("message_en").as_string()).find("not an .xlsx"),
      std::string::npos);
}

}  // namespace
}  // namespace solieu::testing
