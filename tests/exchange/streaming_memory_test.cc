// The streaming claim, measured: a generated dataValueSets file of 200,000 values (written the way
// DHIS2 exports them, in JSON, in DXF2 XML and in CSV) is read and imported while the process's
// peak resident memory is watched (/proc/self/status VmHWM, reset through /proc/self/clear_refs
// before each phase).
//
// What is bounded and what is not: the reader holds one 64 KiB chunk and that chunk's rows; the
// import keeps each good row in 48 bytes plus its value's text, and hands the store its writes
// (about 240 bytes each) 65,536 at a time inside the one transaction (Store::PutValueBatches).
// So a dry run and a real import both stay far below the file size: the compact rows grow with
// the file, the writes do not.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "exchange/csv_data_value_reader.h"
#include "exchange/data_value_import.h"
#include "exchange/json_data_value_reader.h"
#include "exchange/xml_data_value_reader.h"
#include "store/store.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Sanitizers shadow every allocation, so their figures say nothing; they check the code paths on
// a smaller file instead.
constexpr int kElements = 20;
constexpr int kUnits = kSanitized ? 100 : 1000;
constexpr int kMonths = 10;
constexpr long long kValues = static_cast<long long>(kElements) * kUnits * kMonths;

long long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stoll(line.substr(std::string(field).size()));
  }
  return -1;
}

// Starts a measurement: the peak is reset to the current size when the kernel allows it.
long long StartMeasure() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.close();
  return StatusKb("VmRSS:");
}

long long PeakGrowthKb(long long start_kb) {
  return StatusKb("VmHWM:") - start_kb;
}

std::string Uid(char kind, int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%010d", kind, n);
  return buf;
}

class StreamingMemoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("solieu_streaming_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    WriteFile(*dir_ / "values.json");
    WriteXmlFile(*dir_ / "values.xml");
    WriteCsvFile(*dir_ / "values.csv");
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Pretty-printed with storedBy, created, lastUpdated and followup, as /api/dataValueSets
  // exports (the shape of the e2e fixture dataValues_bulk.json).
  static void WriteFile(const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << "{\n  \"dataValues\": [\n";
    long long n = 0;
    for (int m = 1; m <= kMonths; ++m) {
      char period[8];
      std::snprintf(period, sizeof period, "2023%02d", m);
      for (int e = 0; e < kElements; ++e) {
        for (int u = 0; u < kUnits; ++u) {
          long long value = (n * 7919) % 100000;
          out << (n > 0 ? ",\n" : "") << "    {\n      \"dataElement\": \"" << Uid('E', e)
              << "\",\n      \"period\": \"" << period << "\",\n      \"orgUnit\": \""
              << Uid('U', u)
              << "\",\n      \"categoryOptionCombo\": \"HllvX50cXC0\",\n"
                 "      \"attributeOptionCombo\": \"HllvX50cXC0\",\n      \"value\": \""
              << value
              << "\",\n      \"storedBy\": \"admin\",\n"
                 "      \"created\": \"2024-01-15T10:20:30.000+0000\",\n"
                 "      \"lastUpdated\": \"2024-01-15T10:20:30.000+0000\",\n"
                 "      \"followup\": false\n    }";
          ++n;
        }
      }
    }
    out << "\n  ]\n}\n";
  }

  // Calls f(period, element, unit, value) for every value of the generated files, in order.
  template <class F>
  static void ForEachValue(F&& f) {
    long long n = 0;
    for (int m = 1; m <= kMonths; ++m) {
      char period[8];
      std::snprintf(period, sizeof period, "2023%02d", m);
      for (int e = 0; e < kElements; ++e) {
        for (int u = 0; u < kUnits; ++u) {
          f(period, e, u, (n * 7919) % 100000);
          ++n;
        }
      }
    }
  }

  // As /api/dataValueSets.xml exports: one dataValue element a line, every attribute.
  static void WriteXmlFile(const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\">\n";
    ForEachValue([&](const char* period, int e, int u, long long value) {
      out << "  <dataValue dataElement=\"" << Uid('E', e) << "\" period=\"" << period
          << "\" orgUnit=\"" << Uid('U', u)
          << "\" categoryOptionCombo=\"HllvX50cXC0\" attributeOptionCombo=\"HllvX50cXC0\" value=\""
          << value
          << "\" storedBy=\"admin\" created=\"2024-01-15T10:20:30.000+0000\" "
             "lastUpdated=\"2024-01-15T10:20:30.000+0000\" followUp=\"false\"/>\n";
    });
    out << "</dataValueSet>\n";
  }

  // As /api/dataValueSets.csv exports: DHIS2's header row, then one value a row.
  static void WriteCsvFile(const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
           "lastupdated,comment,followup,deleted\n";
    ForEachValue([&](const char* period, int e, int u, long long value) {
      out << Uid('E', e) << ',' << period << ',' << Uid('U', u) << ",HllvX50cXC0,HllvX50cXC0,"
          << value << ",admin,2024-01-15T10:20:30.000+0000,,false,false\n";
    });
  }

  static MetadataSnapshot Metadata() {
    MetadataSnapshot m;
    m.category_options = {{{"xYerKDKCefk", "default", "mặc định", "default"}}};
    m.categories = {{{"GLevLNI9wkl", "default", "mặc định", "default"}, {"xYerKDKCefk"}}};
    m.category_combos = {
        {{DefaultCategoryComboUid(), "default", "mặc định", "default"}, {"GLevLNI9wkl"}}};
    m.category_option_combos = {
        {{DefaultCategoryOptionComboUid(), "default", "mặc định", "default"},
         DefaultCategoryComboUid(),
         {"xYerKDKCefk"}}};
    OrgUnit province;
    province.uid = "P0000000001";
    province.code = "P1";
    province.name_vi = province.name_en = "Province";
    province.level = OrgLevel::kProvince;
    m.org_units.push_back(province);
    for (int u = 0; u < kUnits; ++u) {
      OrgUnit unit;
      unit.uid = Uid('U', u);
      unit.code = "C" + std::to_string(u);
      unit.name_vi = unit.name_en = "Commune " + std::to_string(u);
      unit.level = OrgLevel::kCommune;
      m.org_units.push_back(unit);
      m.parent_links.push_back({unit.uid, province.uid, {}});
    }
    for (int e = 0; e < kElements; ++e) {
      DataElement element;
      element.uid = Uid('E', e);
      element.code = "DE" + std::to_string(e);
      element.name_vi = element.name_en = "Element " + std::to_string(e);
      element.value_type = ValueType::kInteger;
      element.category_combo_uid = DefaultCategoryComboUid();
      m.data_elements.push_back(element);
    }
    return m;
  }

  static fs::path* dir_;
};

fs::path* StreamingMemoryTest::dir_ = nullptr;

TEST_F(StreamingMemoryTest, ReaderMemoryDoesNotGrowWithTheFile) {
  fs::path file = *dir_ / "values.json";
  long long file_kb = static_cast<long long>(fs::file_size(file)) / 1024;
  long long start = StartMeasure();
  std::ifstream in(file, std::ios::binary);
  JsonDataValueReader reader(in, file.string());
  RawDataValue row;
  long long rows = 0;
  while (reader.Next(&row)) ++rows;
  long long growth = PeakGrowthKb(start);
  EXPECT_EQ(rows, kValues);
  std::cout << "[ memory ] reader: " << rows << " values, file " << file_kb / 1024
            << " MiB, peak RSS growth " << growth << " KiB, at most " << reader.max_pending_rows()
            << " rows pending\n";
  RecordProperty("reader_peak_growth_kb", std::to_string(growth));
  // A 64 KiB chunk holds fewer than 64 KiB / 300 B of these rows.
  EXPECT_LE(reader.max_pending_rows(), 65536u / 300 + 1);
  if (!kSanitized) {
    EXPECT_LT(growth, file_kb / 20);
  }
}

// The XML and CSV readers hold one chunk (and, for XML, that chunk's rows), like the JSON one.
TEST_F(StreamingMemoryTest, XmlAndCsvReaderMemoryDoesNotGrowWithTheFile) {
  for (const char* name : {"values.xml", "values.csv"}) {
    SCOPED_TRACE(name);
    fs::path file = *dir_ / name;
    long long file_kb = static_cast<long long>(fs::file_size(file)) / 1024;
    long long start = StartMeasure();
    std::ifstream in(file, std::ios::binary);
    std::unique_ptr<DataValueSource> reader;
    XmlDataValueReader* xml = nullptr;
    if (file.extension() == ".xml") {
      auto owned = std::make_unique<XmlDataValueReader>(in, file.string());
      xml = owned.get();
      reader = std::move(owned);
    } else {
      reader = std::make_unique<CsvDataValueReader>(in, file.string());
    }
    RawDataValue row;
    long long rows = 0;
    long long sum = 0;
    while (reader->Next(&row)) {
      ++rows;
      sum += std::stoll(row.value);
    }
    long long growth = PeakGrowthKb(start);
    EXPECT_EQ(rows, kValues);
    long long expected_sum = 0;
    ForEachValue([&](const char*, int, int, long long value) { expected_sum += value; });
    EXPECT_EQ(sum, expected_sum);
    std::cout << "[ memory ] " << name << " reader: " << rows << " values, file " << file_kb / 1024
              << " MiB, peak RSS growth " << growth << " KiB\n";
    RecordProperty(std::string(name) + "_reader_peak_growth_kb", std::to_string(growth));
    if (xml != nullptr) {
      // A 64 KiB chunk holds fewer than 64 KiB / 200 B of these rows.
      EXPECT_LE(xml->max_pending_rows(), 65536u / 200 + 1);
    }
    if (!kSanitized) {
      EXPECT_LT(growth, file_kb / 20);
    }
  }
}

TEST_F(StreamingMemoryTest, ImportMemoryIsBoundedByCompactRowsAndOneBatchOfWrites) {
  fs::path file = *dir_ / "values.json";
  long long file_kb = static_cast<long long>(fs::file_size(file)) / 1024;
  auto store = Store::Open((*dir_ / "store.db").string());
  store->ApplyMetadata(Metadata());

  // Dry run: everything but the write.
  DataValueImportOptions dry;
  dry.dry_run = true;
  long long start = StartMeasure();
  auto begin = std::chrono::steady_clock::now();
  ImportSummary checked;
  {
    std::ifstream in(file, std::ios::binary);
    JsonDataValueReader reader(in, file.string());
    checked = ImportDataValues(*store, reader, dry);
  }
  long long dry_growth = PeakGrowthKb(start);
  double dry_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  ASSERT_EQ(checked.status, ImportStatus::kSuccess)
      << (checked.conflicts.empty() ? "" : checked.conflicts[0].message_en);
  EXPECT_EQ(checked.import_count.imported, kValues);

  // The real import.
  start = StartMeasure();
  begin = std::chrono::steady_clock::now();
  ImportSummary imported;
  {
    std::ifstream in(file, std::ios::binary);
    JsonDataValueReader reader(in, file.string());
    imported = ImportDataValues(*store, reader, {});
  }
  long long growth = PeakGrowthKb(start);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  EXPECT_EQ(imported.status, ImportStatus::kSuccess);
  EXPECT_EQ(imported.import_count.imported, kValues);

  std::cout << "[ memory ] file " << file_kb / 1024 << " MiB, " << kValues << " values\n"
            << "[ memory ] dry run: peak RSS growth " << dry_growth / 1024 << " MiB, "
            << dry_seconds << " s\n"
            << "[ memory ] import:  peak RSS growth " << growth / 1024 << " MiB, " << seconds
            << " s (" << static_cast<long long>(kValues / seconds) << " values/s)\n";
  RecordProperty("dry_run_peak_growth_kb", std::to_string(dry_growth));
  RecordProperty("import_peak_growth_kb", std::to_string(growth));
  if (!kSanitized) {
    EXPECT_LT(dry_growth, file_kb / 3);
    // 48-byte rows + their text, and one batch of 65,536 writes, whatever the file's size.
    long long expected_kb = (kValues * (48 + 16) + 65536 * sizeof(DataValueWrite)) / 1024;
    EXPECT_LT(growth, expected_kb + 24 * 1024);
    // What the write adds to the dry run is one batch and SQLite's own buffers, the same for a
    // file of any size (it was 240 bytes a value while the store took every write at once).
    EXPECT_LT(growth - dry_growth,
              static_cast<long long>(65536 * sizeof(DataValueWrite)) / 1024 + 16 * 1024);
  }
}

}  // namespace
}  // namespace solieu
