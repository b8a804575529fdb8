// A configuration folder with a mistake is refused with the file, line and column of the mistake.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/config_loader.h"
#include "core/error.h"

namespace solieu {
namespace {

namespace fs = std::filesystem;

class ConfigErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solieu_config_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("org_units.csv",
          "code,name_vi,name_en,level,facility_type,parent_code,opened,closed\n"
          "11,Tỉnh Điện Biên,Dien Bien Province,province,,,,\n"
          "094,Điện Biên Phủ,Dien Bien Phu,district,,11,,2025-07-01\n"
          "03325,Xã Mường Phăng,Muong Phang Commune,commune,,094,,2025-07-01\n"
          "03326,Xã Pá Khoang,Pa Khoang Commune,commune,,094,,2025-07-01\n"
          "03325,Xã Mường Phăng,Muong Phang Commune,commune,,11,2025-07-01,\n");
    Write("org_unit_events.csv",
          "date,kind,old_code,new_code,share\n"
          "2025-07-01,merge,03325,03325,\n"
          "2025-07-01,merge,03326,03325,\n");
    Write(
        "category_options.csv",
        "code,name_vi,name_en\nDTTS,DTTS,Ethnic minority\nKDTTS,Không DTTS,Not ethnic minority\n");
    Write("categories.csv", "code,name_vi,name_en,options\ndtts,Dân tộc,Ethnicity,DTTS;KDTTS\n");
    Write("category_combos.csv", "code,name_vi,name_en,categories\ndtts,Dân tộc,Ethnicity,dtts\n");
    Write("data_elements.csv",
          "code,name_vi,name_en,value_type,aggregation_type,category_combo,unit_vi\n"
          "LIVE_BIRTHS,Trẻ đẻ sống,Live births,INTEGER_ZERO_OR_POSITIVE,SUM,dtts,trẻ\n"
          "MATERNAL_DEATHS,Tử vong mẹ,Maternal deaths,INTEGER_ZERO_OR_POSITIVE,SUM,,ca\n");
    Write("indicators.csv",
          "code,name_vi,name_en,numerator,denominator,factor,unit_vi,decimals,direction\n"
          "MMR,Tỷ số tử vong mẹ,Maternal mortality ratio,#{MATERNAL_DEATHS},#{LIVE_BIRTHS},100000,"
          "/100.000 trẻ đẻ sống,1,lower\n"
          "LB_DTTS,Trẻ đẻ sống DTTS,Live births (minority),#{LIVE_BIRTHS.DTTS},1,1,trẻ,0,none\n");
    Write("data_values.csv",
          "data_element,category_option_combo,org_unit,period,value,comment\n"
          "LIVE_BIRTHS,DTTS,11,2025,9000,\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  void Append(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary | std::ios::app) << text;
  }

  // Loads the folder expecting an error; returns it.
  UserError Refused() {
    try {
      LoadConfigFolder(dir_.string());
    } catch (const UserError& e) {
      return e;
    }
    ADD_FAILURE() << "the folder was accepted";
    return UserError("none", "", "");
  }

  std::string File(const std::string& name) const { return (dir_ / name).string(); }

  // Two diseases and detection rules with one good row (line 2) and `rows` after it.
  void WriteDetectionRules(const std::string& rows) {
    Write("diseases.csv",
          "code,name_vi,name_en,icd10,data_element,priority,report_order\n"
          "MEASLES,Sởi,Measles,B05,MATERNAL_DEATHS,false,1\n"
          "CHOLERA,Tả,Cholera,A00,MATERNAL_DEATHS,true,2\n");
    Write("detection_rules.csv",
          "disease,level,method,parameters\n*,commune,ears-c3-textbook,baseline=7;min-sigma=1\n" +
              rows);
  }

  fs::path dir_;
};

TEST_F(ConfigErrorsTest, TheValidFolderLoads) {
  ConfigFolder folder = LoadConfigFolder(dir_.string());
  EXPECT_EQ(folder.metadata.org_units.size(), 5u);
  EXPECT_EQ(folder.metadata.org_events.size(), 2u);
  // default + the two DTTS option combos
  EXPECT_EQ(folder.metadata.category_option_combos.size(), 3u);
  ASSERT_EQ(folder.values.size(), 1u);
  EXPECT_EQ(folder.values[0].key.period, "2025");
  EXPECT_EQ(folder.values[0].value, "9000");
}

TEST_F(ConfigErrorsTest, UnknownParentNamesFileLineAndColumn) {
  Append("org_units.csv", "03999,Xã Mới,New Commune,commune,,999,2025-07-01,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.unknown_org_unit");
  EXPECT_EQ(e.where(), File("org_units.csv") + ":7 parent_code");
  EXPECT_NE(std::string(e.what()).find("999"), std::string::npos);
}

TEST_F(ConfigErrorsTest, ParentThatNoLongerExistsOnTheChildsFirstDay) {
  Append("org_units.csv", "03998,Xã Mới,New Commune,commune,,094,2025-07-01,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.unknown_org_unit");
  EXPECT_EQ(e.where(), File("org_units.csv") + ":7 parent_code");
}

TEST_F(ConfigErrorsTest, ImpossibleDate) {
  Append("org_units.csv", "03997,Xã Mới,New Commune,commune,,11,2025-02-30,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_date");
  EXPECT_EQ(e.where(), File("org_units.csv") + ":7 opened");
}

TEST_F(ConfigErrorsTest, CodeHeldByTwoUnitsAtOnce) {
  Append("org_units.csv", "03326,Xã Trùng,Duplicate Commune,commune,,11,2025-01-01,\n");
  EXPECT_EQ(Refused().code(), "org.code_overlap");
}

TEST_F(ConfigErrorsTest, UnknownColumn) {
  Write("category_options.csv", "code,name_vi,name_en,colour\nX,X,X,red\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "csv.unknown_column");
  EXPECT_EQ(e.where(), File("category_options.csv") + ":1");
}

TEST_F(ConfigErrorsTest, WrongFieldCount) {
  Append("data_elements.csv", "BEDS,Giường bệnh,Beds,INTEGER,SUM\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "csv.wrong_field_count");
  EXPECT_EQ(e.where(), File("data_elements.csv") + ":4");
}

TEST_F(ConfigErrorsTest, UnknownValueType) {
  Append("data_elements.csv", "BEDS,Giường bệnh,Beds,DECIMAL,SUM,,giường\n");
  UserError e = Refused();
  EXPECT_EQ(e.where(), File("data_elements.csv") + ":4 value_type");
}

TEST_F(ConfigErrorsTest, DuplicateCode) {
  Append("data_elements.csv", "LIVE_BIRTHS,Trẻ đẻ sống,Live births,INTEGER,SUM,,trẻ\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.duplicate_code");
  EXPECT_EQ(e.where(), File("data_elements.csv") + ":4 code");
}

TEST_F(ConfigErrorsTest, ExpressionNamingAnUnknownDataElement) {
  Append("indicators.csv", "BAD,Sai,Wrong,#{NO_SUCH_DE},1,1,,0,none\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.unknown_reference");
  EXPECT_EQ(e.where(), File("indicators.csv") + ":4 numerator");
}

TEST_F(ConfigErrorsTest, ExpressionNamingAnUnknownOptionCombo) {
  Append("indicators.csv", "BAD,Sai,Wrong,#{LIVE_BIRTHS.NOPE},1,1,,0,none\n");
  EXPECT_EQ(Refused().where(), File("indicators.csv") + ":4 numerator");
}

TEST_F(ConfigErrorsTest, FactorMustBeAPowerOfTen) {
  Append("indicators.csv", "BAD,Sai,Wrong,#{LIVE_BIRTHS},1,7,,0,none\n");
  EXPECT_EQ(Refused().where(), File("indicators.csv") + ":4 factor");
}

TEST_F(ConfigErrorsTest, MergeFromAUnitThatDidNotExistTheDayBefore) {
  Append("org_unit_events.csv", "2025-07-01,merge,03999,03325,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.unknown_org_unit");
  EXPECT_EQ(e.where(), File("org_unit_events.csv") + ":4 old_code");
}

TEST_F(ConfigErrorsTest, ValueOfTheWrongType) {
  Append("data_values.csv", "MATERNAL_DEATHS,,11,2025,năm,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_value");
  EXPECT_EQ(e.where(), File("data_values.csv") + ":3 value");
}

TEST_F(ConfigErrorsTest, ValueForAUnitClosedInThatPeriod) {
  Append("data_values.csv", "MATERNAL_DEATHS,,094,2026,1,\n");
  EXPECT_EQ(Refused().where(), File("data_values.csv") + ":3 org_unit");
}

TEST_F(ConfigErrorsTest, InvalidPeriod) {
  Append("data_values.csv", "MATERNAL_DEATHS,,11,2025Q5,1,\n");
  EXPECT_EQ(Refused().where(), File("data_values.csv") + ":3 period");
}

TEST_F(ConfigErrorsTest, OptionComboOutsideTheElementsCombo) {
  Append("data_values.csv", "MATERNAL_DEATHS,DTTS,11,2025,1,\n");
  EXPECT_EQ(Refused().where(), File("data_values.csv") + ":3 category_option_combo");
}

TEST_F(ConfigErrorsTest, DetectionRulesLoad) {
  WriteDetectionRules(
      "MEASLES,district,farrington-flexible,b=2;w=2;alpha=0.01\n"
      "priority,commune,threshold,min-count=1\n"
      "*,province,ears-c1,\n");
  const ConfigFolder folder = LoadConfigFolder(dir_.string());
  const std::vector<DetectionRule>& rules = folder.metadata.detection_rules;
  ASSERT_EQ(rules.size(), 4u);
  ASSERT_EQ(folder.metadata.diseases.size(), 2u);
  EXPECT_EQ(rules[0].disease_uid, "");
  EXPECT_FALSE(rules[0].priority_only);
  EXPECT_EQ(rules[0].level, "commune");
  EXPECT_EQ(rules[0].method, "ears-c3-textbook");
  EXPECT_EQ(rules[0].parameters, "baseline=7;min-sigma=1");
  EXPECT_EQ(rules[1].disease_uid, folder.metadata.diseases[0].uid);
  EXPECT_EQ(rules[1].level, "district");
  EXPECT_EQ(rules[2].disease_uid, "");
  EXPECT_TRUE(rules[2].priority_only);
  EXPECT_EQ(rules[3].parameters, "");
  // Uids are stable and distinct.
  EXPECT_EQ(LoadConfigFolder(dir_.string()).metadata.detection_rules[1].uid, rules[1].uid);
  EXPECT_NE(rules[0].uid, rules[3].uid);
}

TEST_F(ConfigErrorsTest, DetectionRuleWithAnUnknownMethod) {
  WriteDetectionRules("MEASLES,commune,ears-c9,baseline=7\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_detection_rule");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 method");
  EXPECT_NE(e.message_en().find("ears-c9"), std::string::npos) << e.message_en();
}

TEST_F(ConfigErrorsTest, DetectionRuleWithAParameterOfAnotherMethod) {
  WriteDetectionRules("MEASLES,commune,ears-c1,b=4\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_detection_rule");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 parameters");
}

TEST_F(ConfigErrorsTest, DetectionRuleWithABadParameterValue) {
  WriteDetectionRules("MEASLES,commune,farrington-flexible,b=4;w=three\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_detection_rule");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 parameters");
  EXPECT_NE(e.message_en().find("three"), std::string::npos) << e.message_en();
}

TEST_F(ConfigErrorsTest, DetectionRuleWithAnUnknownParameter) {
  WriteDetectionRules("MEASLES,commune,ears-c1,window=4\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid_detection_rule");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 parameters");
}

TEST_F(ConfigErrorsTest, DetectionRuleForAnUnknownDisease) {
  WriteDetectionRules("RUBELLA,commune,ears-c1,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.unknown_reference");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 disease");
}

TEST_F(ConfigErrorsTest, DetectionRuleAtABadLevel) {
  WriteDetectionRules("MEASLES,facility,ears-c1,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.invalid");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 level");
}

TEST_F(ConfigErrorsTest, TwoDetectionRulesForOneDiseaseAndLevel) {
  WriteDetectionRules(
      "MEASLES,commune,ears-c1,\n"
      "MEASLES,commune,ears-c2,\n");
  UserError e = Refused();
  EXPECT_EQ(e.code(), "config.duplicate_code");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":4 level");
  WriteDetectionRules("*,commune,ears-c1,\n");
  e = Refused();
  EXPECT_EQ(e.code(), "config.duplicate_code");
  EXPECT_EQ(e.where(), File("detection_rules.csv") + ":3 level");
}

TEST_F(ConfigErrorsTest, MissingFolder) {
  EXPECT_THROW(LoadConfigFolder((dir_ / "nope").string()), UserError);
}

}  // namespace
}  // namespace solieu

namespace solieu {
namespace {

TEST_F(ConfigErrorsTest, DataElementGroupsRestrictElementsAndNameTheirMistakes) {
  Write("data_element_groups.csv", "data_element,user_group\nMATERNAL_DEATHS,hiv\n");
  ConfigFolder folder = LoadConfigFolder(dir_.string());
  for (const DataElement& d : folder.metadata.data_elements) {
    EXPECT_EQ(d.user_group, d.code == "MATERNAL_DEATHS" ? "hiv" : "") << d.code;
  }

  Write("data_element_groups.csv", "data_element,user_group\nMATERNAL_DEATHS,hiv\nNO_SUCH,hiv\n");
  EXPECT_EQ(Refused().where(), File("data_element_groups.csv") + ":3 data_element");
  Write("data_element_groups.csv", "data_element,user_group\nLIVE_BIRTHS,h i v\n");
  EXPECT_EQ(Refused().where(), File("data_element_groups.csv") + ":2 user_group");
  Write("data_element_groups.csv", "data_element,user_group\nLIVE_BIRTHS,hiv\nLIVE_BIRTHS,tb\n");
  EXPECT_EQ(Refused().where(), File("data_element_groups.csv") + ":3 data_element");
}

}  // namespace
}  // namespace solieu
