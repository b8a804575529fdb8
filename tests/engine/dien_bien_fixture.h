// The real Điện Biên configuration and its org hierarchy (with the 2025 reform), loaded once per
// test suite: the ground the engine's tests stand on.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.h"
#include "core/org_hierarchy.h"

namespace solieu {

class DienBienTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ =
        new ConfigFolder(LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien"));
    hierarchy_ = new OrgHierarchy(folder_->metadata.org_units, folder_->metadata.parent_links,
                                  folder_->metadata.org_events);
  }
  static void TearDownTestSuite() {
    delete hierarchy_;
    delete folder_;
  }

  // The index in hierarchy_->units() of the unit with `code` open on `day`.
  static int Unit(const std::string& code, Date day) {
    const OrgUnit* u = hierarchy_->FindByCode(code, day);
    EXPECT_NE(u, nullptr) << code;
    return static_cast<int>(u - hierarchy_->units().data());
  }

  static inline ConfigFolder* folder_ = nullptr;
  static inline OrgHierarchy* hierarchy_ = nullptr;
};

}  // namespace solieu
