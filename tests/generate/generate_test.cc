// The synthetic national dataset: the real provinces and communes, ~12,000 facilities, the value
// count on target, determinism, sparsity, seasonality, and a generated store that the engine
// answers from with the same totals as the flat file the benchmark peers load.
#include "generate/generate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "engine/analytics.h"
#include "exchange/dhis2_metadata_reader.h"
#include "generate/dataset_files.h"
#include "server/live_analytics.h"
#include "store/store.h"

namespace solieu::generate {
namespace {

namespace fs = std::filesystem;

const std::string kAdminUnits =
    std::string(SOLIEU_SHARED_DIR) + "/reference/admin-units/vietnam-units-from-2025-07-01.csv";

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("solieu_generate_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) out.push_back(cell);
  return out;
}

// The options every test shares: small enough to run in seconds (~100,000 values).
GenerateOptions SmallOptions(std::uint64_t seed = 42) {
  GenerateOptions o;
  o.seed = seed;
  o.years = 2;
  o.end_year = 2025;
  o.elements = 8;  // includes the rainy-season fever and diarrhoea and the dengue counts
  o.values = 100000;
  return o;
}

struct AnalyticsRow {
  long long value;
  std::string element, coc, period, month_start, year, facility, commune, province;
};

std::vector<AnalyticsRow> ReadAnalytics(const fs::path& dir) {
  std::ifstream in(dir / DatasetFiles::kAnalyticsFile);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line,
            "value,dataelement,categoryoptioncombo,period,monthstart,year,facility,commune,"
            "province");
  std::vector<AnalyticsRow> rows;
  while (std::getline(in, line)) {
    auto c = Split(line);
    EXPECT_EQ(c.size(), 9u) << line;
    if (c.size() != 9) continue;
    rows.push_back({std::stoll(c[0]), c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
  }
  return rows;
}

// One generation of the small dataset into files, shared by the tests that only read it.
class GeneratedFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    units_ = new AdminUnits(ReadAdminUnits(kAdminUnits));
    dataset_ = new NationalDataset(BuildNationalDataset(*units_, SmallOptions()));
    dir_ = new fs::path(Scratch("shared"));
    Progress progress(nullptr, 0);
    GenerateFiles(*dataset_, PlanValues(*dataset_, SmallOptions()), 42, dir_->string(), true,
                  progress);
    rows_ = new std::vector<AnalyticsRow>(ReadAnalytics(*dir_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete rows_;
    delete dir_;
    delete dataset_;
    delete units_;
  }
  static const ElementProfile& Element(const std::string& code) {
    for (const auto& e : dataset_->elements) {
      if (e.code == code) return e;
    }
    ADD_FAILURE() << "no element " << code;
    return dataset_->elements.front();
  }

  static AdminUnits* units_;
  static NationalDataset* dataset_;
  static fs::path* dir_;
  static std::vector<AnalyticsRow>* rows_;
};
AdminUnits* GeneratedFiles::units_ = nullptr;
NationalDataset* GeneratedFiles::dataset_ = nullptr;
fs::path* GeneratedFiles::dir_ = nullptr;
std::vector<AnalyticsRow>* GeneratedFiles::rows_ = nullptr;

TEST_F(GeneratedFiles, HasTheRealProvincesAndCommunesAndAbout12000Facilities) {
  std::map<OrgLevel, int> per_level;
  std::unordered_map<std::string, const OrgUnit*> by_code;
  for (const OrgUnit& u : dataset_->metadata.org_units) {
    ++per_level[u.level];
    by_code[u.code] = &u;
  }
  EXPECT_EQ(per_level[OrgLevel::kProvince], 34);
  EXPECT_EQ(per_level[OrgLevel::kCommune], 3321);
  EXPECT_EQ(per_level[OrgLevel::kDistrict], 0);
  EXPECT_EQ(per_level[OrgLevel::kFacility], 12000);
  ASSERT_TRUE(by_code.count("11"));
  EXPECT_EQ(by_code["11"]->name_vi, "Tỉnh Điện Biên");
  EXPECT_EQ(by_code["01"]->name_vi, "Thành phố Hà Nội");
  EXPECT_EQ(by_code["79"]->name_vi, "Thành phố Hồ Chí Minh");
  ASSERT_TRUE(by_code.count("03325"));
  EXPECT_EQ(by_code["03325"]->name_vi, "Xã Mường Phăng");
  EXPECT_EQ(by_code["03325"]->commune_type, "Xã");
  // Every commune of the reference list, under its own province, with a health station.
  std::unordered_map<std::string, std::string> parent;
  for (const ParentLink& l : dataset_->metadata.parent_links) parent[l.child_uid] = l.parent_uid;
  std::unordered_map<std::string, int> stations;
  for (const OrgUnit& u : dataset_->metadata.org_units) {
    if (u.level != OrgLevel::kFacility) continue;
    EXPECT_NE(u.note.find("synthetic"), std::string::npos) << u.code;
    if (u.facility_type == "tyt") ++stations[parent[u.uid]];
  }
  for (const AdminCommune& c : units_->communes) {
    const OrgUnit* u = by_code[c.code];
    ASSERT_NE(u, nullptr) << c.code;
    EXPECT_EQ(u->name_vi, c.name);
    EXPECT_EQ(parent[u->uid], by_code[units_->provinces[c.province].code]->uid) << c.code;
    EXPECT_EQ(stations[u->uid], 1) << c.code;
  }
}

TEST_F(GeneratedFiles, ValueCountIsWithinFivePercentOfTheTarget) {
  const double n = static_cast<double>(rows_->size());
  EXPECT_GT(n, 95000);
  EXPECT_LT(n, 105000);
  // datavalues.csv holds the same values, one row each after its header.
  std::ifstream in(*dir_ / DatasetFiles::kDataValuesFile);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) ++lines;
  EXPECT_EQ(lines, rows_->size() + 1);
}

TEST_F(GeneratedFiles, DataIsSparseAndBiggerFacilitiesReportMore) {
  std::unordered_map<std::string, std::string> kind;
  for (const OrgUnit& u : dataset_->metadata.org_units) kind[u.uid] = u.facility_type;
  std::map<std::string, std::set<std::string>> elements_of;  // facility -> elements it reports
  std::map<std::pair<std::string, std::string>, std::set<std::string>> months_of;
  for (const AnalyticsRow& r : *rows_) {
    elements_of[r.facility].insert(r.element);
    months_of[{r.facility, r.element}].insert(r.period);
  }
  // Not every facility reports, and those that do report some of the elements only.
  EXPECT_LT(elements_of.size(), dataset_->facilities.size());
  size_t pairs = 0, gappy = 0;
  for (const auto& [key, months] : months_of) {
    ++pairs;
    if (months.size() < static_cast<size_t>(dataset_->months)) ++gappy;
  }
  EXPECT_LT(pairs, elements_of.size() * dataset_->elements.size());
  EXPECT_GT(gappy, 0u) << "some months must be missing";
  // Values per facility of each kind: hospitals report more (and larger) figures than clinics.
  std::map<std::string, std::pair<double, int>> per_kind;  // kind -> (sum, facilities)
  for (const OrgUnit& u : dataset_->metadata.org_units) {
    if (u.level == OrgLevel::kFacility) ++per_kind[u.facility_type].second;
  }
  for (const AnalyticsRow& r : *rows_) per_kind[kind[r.facility]].first += r.value;
  auto mean = [&](const std::string& k) { return per_kind[k].first / per_kind[k].second; };
  EXPECT_GT(mean("hospital"), 3 * mean("private_clinic"));
  EXPECT_GT(mean("hospital"), mean("tyt"));
}

TEST_F(GeneratedFiles, RainySeasonElementsPeakInTheRainySeason) {
  for (const std::string code : {"G_FEVER", "G_DIARRHOEA"}) {
    const std::string uid = Element(code).uid;
    std::array<double, 13> by_month{};
    for (const AnalyticsRow& r : *rows_) {
      if (r.element == uid) by_month[std::stoi(r.period.substr(4, 2))] += r.value;
    }
    int peak = 1, low = 1;
    for (int m = 1; m <= 12; ++m) {
      if (by_month[m] > by_month[peak]) peak = m;
      if (by_month[m] < by_month[low]) low = m;
    }
    EXPECT_GE(peak, 5) << code << " peaks in month " << peak;
    EXPECT_LE(peak, 10) << code << " peaks in month " << peak;
    EXPECT_GT(by_month[peak], 1.5 * by_month[low]) << code;
  }
}

TEST_F(GeneratedFiles, SameSeedGivesIdenticalFilesAndAnotherSeedDifferentOnes) {
  fs::path again = Scratch("again"), other = Scratch("other");
  Progress quiet(nullptr, 0), quiet2(nullptr, 0);
  NationalDataset same = BuildNationalDataset(*units_, SmallOptions(42));
  GenerateFiles(same, PlanValues(same, SmallOptions(42)), 42, again.string(), true, quiet);
  NationalDataset different = BuildNationalDataset(*units_, SmallOptions(7));
  GenerateFiles(different, PlanValues(different, SmallOptions(7)), 7, other.string(), true, quiet2);
  for (const char* file :
       {DatasetFiles::kDataValuesFile, DatasetFiles::kAnalyticsFile, DatasetFiles::kMetadataFile}) {
    std::string first = ReadAll(*dir_ / file);
    ASSERT_FALSE(first.empty()) << file;
    EXPECT_TRUE(first == ReadAll(again / file)) << file << " differs for the same seed";
  }
  EXPECT_FALSE(ReadAll(*dir_ / DatasetFiles::kDataValuesFile) ==
               ReadAll(other / DatasetFiles::kDataValuesFile));
  fs::remove_all(again);
  fs::remove_all(other);
}

TEST_F(GeneratedFiles, MetadataJsonReadsBackAsADhis2Package) {
  Dhis2Package package =
      ReadDhis2Metadata(ReadAll(*dir_ / DatasetFiles::kMetadataFile), "metadata.json", {}, {});
  EXPECT_EQ(package.snapshot.org_units.size(), 34u + 3321u + 12000u);
  EXPECT_EQ(package.snapshot.data_elements.size(), 8u);
  EXPECT_EQ(package.snapshot.indicators.size(), dataset_->metadata.indicators.size());
  EXPECT_EQ(package.snapshot.category_option_combos.size(),
            dataset_->metadata.category_option_combos.size());
  ASSERT_EQ(package.snapshot.data_sets.size(), 1u);
  EXPECT_EQ(package.snapshot.data_sets[0].org_unit_uids.size(), 12000u);
}

TEST_F(GeneratedFiles, AskingForMoreValuesThanTheElementsHoldNamesTheOptionAndTheFix) {
  GenerateOptions o = SmallOptions();
  o.values = 1000000000;
  try {
    PlanValues(*dataset_, o);
    FAIL() << "expected UserError";
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "generate.too_many_values");
    EXPECT_EQ(e.where(), "--values");
    EXPECT_NE(e.message_en().find("--elements"), std::string::npos) << e.message_en();
  }
}

TEST(GenerateStore, EngineAnswersProvinceTotalsEqualToTheFlatFile) {
  fs::path dir = Scratch("store");
  AdminUnits units = ReadAdminUnits(kAdminUnits);
  NationalDataset dataset = BuildNationalDataset(units, SmallOptions());
  ValuePlan plan = PlanValues(dataset, SmallOptions());
  {
    Progress quiet(nullptr, 0);
    GenerateFiles(dataset, plan, 42, (dir / "files").string(), false, quiet);
  }
  auto store = Store::Open((dir / "national.db").string());
  Progress quiet(nullptr, 0);
  GenerateSummary summary = GenerateIntoStore(dataset, plan, 42, *store, quiet);
  std::vector<AnalyticsRow> rows = ReadAnalytics(dir / "files");
  EXPECT_EQ(summary.values, static_cast<long long>(rows.size()));

  bool synthetic = false;
  std::unique_ptr<Analytics> analytics = server::LoadAnalytics(*store, &synthetic);
  EXPECT_EQ(analytics->values().size(), rows.size());
  EXPECT_TRUE(synthetic) << "reports over generated data must say it is synthetic";
  // Every element's 2025 total for every province, and the communes of Điện Biên, equal the sums
  // of the flat file's rows.
  const Structure structure = Structure::kOnDate;
  std::vector<std::string> communes;
  for (size_t c = 0; c < dataset.commune_uids.size(); ++c) {
    if (units.provinces[units.communes[c].province].code == "11") {
      communes.push_back(dataset.commune_uids[c]);
    }
  }
  ASSERT_EQ(communes.size(), 45u);  // Điện Biên since the 2025 reform
  for (const ElementProfile& e : dataset.elements) {
    std::map<std::string, double> expected;
    for (const AnalyticsRow& r : rows) {
      if (r.element != e.uid || r.year != "2025") continue;
      expected[r.province] += static_cast<double>(r.value);
      expected[r.commune] += static_cast<double>(r.value);
    }
    for (const std::vector<std::string>* ous : {&dataset.province_uids, &communes}) {
      AnalyticsQuery q;
      q.dx = {e.code};
      q.periods = {Period::Year(2025)};
      q.org_units = *ous;
      q.structure = structure;
      AnalyticsResult result = analytics->Query(q);
      for (size_t u = 0; u < ous->size(); ++u) {
        auto want = expected.find((*ous)[u]);
        const std::optional<double>& got = result.At(0, 0, u);
        if (want == expected.end()) {
          EXPECT_FALSE(got.has_value() && *got != 0) << e.code << " " << (*ous)[u];
        } else {
          ASSERT_TRUE(got.has_value()) << e.code << " " << (*ous)[u];
          EXPECT_DOUBLE_EQ(*got, want->second) << e.code << " " << (*ous)[u];
        }
      }
    }
  }
  // An indicator over the elements answers too (the dashboard's shapes need them).
  AnalyticsQuery q;
  q.dx = {"I_G_FEVER_PER_1000_OPD"};
  q.periods = {Period::Year(2025)};
  q.org_units = dataset.province_uids;
  AnalyticsResult ratio = analytics->Query(q);
  int answered = 0;
  for (size_t u = 0; u < dataset.province_uids.size(); ++u) answered += ratio.At(0, 0, u) ? 1 : 0;
  EXPECT_GT(answered, 30);

  // A second run into the same store is refused and leaves it as it was.
  long long before = store->CountValues(dataset.elements[0].uid);
  Progress again(nullptr, 0);
  EXPECT_THROW(GenerateIntoStore(dataset, plan, 42, *store, again), UserError);
  EXPECT_EQ(store->CountValues(dataset.elements[0].uid), before);
  store.reset();
  fs::remove_all(dir);
}

TEST(GenerateAdminUnits, ADuplicateCommuneNamesTheFileAndLine) {
  fs::path dir = Scratch("admin");
  {
    std::ofstream out(dir / "units.csv");
    out << "province_code,province_name,commune_code,commune_name\n"
        << "11,Tỉnh Điện Biên,03325,Xã Mường Phăng\n"
        << "11,Tỉnh Điện Biên,03325,Xã Mường Phăng\n";
  }
  try {
    ReadAdminUnits((dir / "units.csv").string());
    FAIL() << "expected UserError";
  } catch (const UserError& e) {
    EXPECT_NE(e.where().find("units.csv:3"), std::string::npos) << e.where();
    EXPECT_NE(e.message_en().find("03325"), std::string::npos);
  }
  fs::remove_all(dir);
}

TEST(GenerateCommand, NeedsExactlyOneOutputAndWritesTheFiles) {
  fs::path dir = Scratch("cli");
  const std::string solieu = std::string(SOLIEU_BINARY_DIR) + "/solieu";
  auto run = [&](const std::string& args) {
    std::string command = solieu + " generate " + args + " > " + (dir / "out").string() + " 2> " +
                          (dir / "err").string();
    int status = std::system(command.c_str());
    return WEXITSTATUS(status);
  };
  EXPECT_EQ(run("--years 1 --elements 2"), 1);
  EXPECT_NE(ReadAll(dir / "err").find("--output-dir"), std::string::npos) << ReadAll(dir / "err");
  EXPECT_EQ(run("--years 0 --output-dir " + (dir / "x").string()), 1);
  EXPECT_NE(ReadAll(dir / "err").find("--years"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "x"));
  EXPECT_EQ(run("--years 1 --elements 2 --values 20000 --progress --output-dir " +
                (dir / "files").string()),
            0)
      << ReadAll(dir / "err");
  EXPECT_TRUE(fs::exists(dir / "files" / "metadata.json"));
  EXPECT_GT(fs::file_size(dir / "files" / "analytics.csv"), 1000u);
  EXPECT_NE(ReadAll(dir / "err").find("values"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace solieu::generate
