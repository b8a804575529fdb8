// Shared by the exchange suites: a real SQLite store in a fresh temporary folder, the DHIS2 e2e
// fixtures, imports from JSON text, and a fingerprint of everything stored (values, audit trail,
// the database files' bytes) to prove that a refused import changed nothing.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "exchange/data_value_import.h"
#include "exchange/metadata_import.h"
#include "store/store.h"

namespace solieu::testing {

std::string ReadFile(const std::filesystem::path& path);
std::filesystem::path Dhis2Fixture(const std::string& relative);  // under reference/dhis2/

class ExchangeTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // setup_metadata.json then metadata.json, as the fixtures' README orders them.
  void LoadE2eMetadata();
  ImportSummary ImportText(const std::string& json, DataValueImportOptions options = {});
  ImportSummary ImportFile(const std::filesystem::path& path, DataValueImportOptions options = {});
  MetadataImportResult ImportMetadataText(const std::string& json);

  // Every stored value with its audit trail, then the bytes of the database files.
  std::string Fingerprint();

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

// The first conflict with `code`, or nullptr.
const ImportConflict* FindConflict(const ImportSummary& summary, const std::string& code);

}  // namespace solieu::testing
