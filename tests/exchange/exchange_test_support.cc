#include "exchange_test_support.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "exchange/json_data_value_reader.h"

namespace solieu::testing {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path Dhis2Fixture(const std::string& relative) {
  return fs::path(SOLIEU_SHARED_DIR) / "reference" / "dhis2" / relative;
}

void ExchangeTest::SetUp() {
  dir_ =
      fs::temp_directory_path() / ("solieu_exchange_test_" + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  path_ = (dir_ / "store.db").string();
  store_ = Store::Open(path_);
}

void ExchangeTest::TearDown() {
  store_.reset();
  fs::remove_all(dir_);
}

void ExchangeTest::LoadE2eMetadata() {
  ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/setup_metadata.json").string(), {}, false);
  ImportDhis2Metadata(*store_, Dhis2Fixture("e2e/metadata.json").string(), {}, false);
}

ImportSummary ExchangeTest::ImportText(const std::string& json, DataValueImportOptions options) {
  std::istringstream in(json);
  JsonDataValueReader reader(in, "test.json");
  return ImportDataValues(*store_, reader, options);
}

ImportSummary ExchangeTest::ImportFile(const fs::path& path, DataValueImportOptions options) {
  std::ifstream in(path, std::ios::binary);
  JsonDataValueReader reader(in, path.string());
  return ImportDataValues(*store_, reader, options);
}

MetadataImportResult ExchangeTest::ImportMetadataText(const std::string& json) {
  return ImportDhis2MetadataText(*store_, json, "package.json", {}, false);
}

std::string ExchangeTest::Fingerprint() {
  std::string out;
  for (const DataValue& v : store_->QueryValues({})) {
    const DataValueKey& k = v.key;
    out += k.data_element_uid + "|" + k.period + "|" + k.org_unit_uid + "|" +
           k.category_option_combo_uid + "|" + k.attribute_option_combo_uid + "=" + v.value + "|" +
           v.comment + "|" + v.stored_by + "|" + v.last_updated + "\n";
    for (const AuditEntry& a : store_->AuditTrail(k)) {
      out += "  audit " + std::to_string(a.id) + " " + std::to_string(static_cast<int>(a.action)) +
             " " + a.old_value.value_or("-") + " -> " + a.new_value.value_or("-") + " " +
             a.changed_by + " " + a.changed_at + "\n";
    }
  }
  for (const char* suffix : {"", "-wal"}) {
    out += "file" + std::string(suffix) + ":" + ReadFile(path_ + suffix) + "\n";
  }
  return out;
}

const ImportConflict* FindConflict(const ImportSummary& summary, const std::string& code) {
  for (const ImportConflict& c : summary.conflicts) {
    if (c.error_code == code) return &c;
  }
  return nullptr;
}

}  // namespace solieu::testing
