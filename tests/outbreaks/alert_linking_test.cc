// Repeated signals for one disease and place join its active alert instead of opening new ones.
#include "outbreaks/alert_linking.h"

#include <gtest/gtest.h>

namespace solieu::outbreaks {
namespace {

SignalRecord Signal(const std::string& disease, const std::string& unit, const std::string& week,
                    std::int64_t observed = 5) {
  SignalRecord s;
  s.disease_uid = disease;
  s.org_unit_uid = unit;
  s.period = week;
  s.observed = observed;
  s.algorithm = "farrington-flexible";
  return s;
}

AlertRecord Alert(std::int64_t id, const std::string& disease, const std::string& unit,
                  AlertStatus status, bool outbreak_ongoing = false) {
  AlertRecord a;
  a.id = id;
  a.disease_uid = disease;
  a.org_unit_uid = unit;
  a.status = status;
  if (status == AlertStatus::kOutbreak) a.outbreak_id = 100 + id;
  a.outbreak_ongoing = outbreak_ongoing;
  return a;
}

std::optional<std::int64_t> PlacedIn(const std::vector<AlertRecord>& alerts) {
  const std::vector<SignalPlacement> placed =
      PlaceSignals({Signal("MEASLES", "U1", "2025W41")}, alerts);
  EXPECT_EQ(placed.size(), 1u);
  return placed.empty() ? std::nullopt : placed[0].alert_id;
}

TEST(AlertLinking, NoAlertsOpensANewOne) {
  EXPECT_EQ(PlacedIn({}), std::nullopt);
}

TEST(AlertLinking, JoinsTheOpenAlert) {
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U1", AlertStatus::kOpen)}), 7);
}

TEST(AlertLinking, JoinsTheMonitoredAlert) {
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U1", AlertStatus::kMonitoring)}), 7);
}

TEST(AlertLinking, DiscardedAlertStaysClosed) {
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U1", AlertStatus::kDiscarded)}), std::nullopt);
}

TEST(AlertLinking, OutbreakAlertIsJoinedOnlyWhileTheOutbreakGoesOn) {
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U1", AlertStatus::kOutbreak, true)}), 7);
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U1", AlertStatus::kOutbreak, false)}), std::nullopt);
}

TEST(AlertLinking, OtherPlaceOrDiseaseOpensANewAlert) {
  EXPECT_EQ(PlacedIn({Alert(7, "MEASLES", "U2", AlertStatus::kOpen)}), std::nullopt);
  EXPECT_EQ(PlacedIn({Alert(7, "DENGUE", "U1", AlertStatus::kOpen)}), std::nullopt);
}

TEST(AlertLinking, ActiveAlertWinsOverClosedOnes) {
  EXPECT_EQ(PlacedIn({Alert(9, "MEASLES", "U1", AlertStatus::kDiscarded),
                      Alert(8, "MEASLES", "U1", AlertStatus::kOutbreak, false),
                      Alert(3, "MEASLES", "U1", AlertStatus::kMonitoring)}),
            3);
}

TEST(AlertLinking, NewestOfTwoActiveAlerts) {
  // An outbreak declared by hand next to an open alert: the newest takes the signal.
  EXPECT_EQ(PlacedIn({Alert(4, "MEASLES", "U1", AlertStatus::kOpen),
                      Alert(6, "MEASLES", "U1", AlertStatus::kOutbreak, true),
                      Alert(5, "MEASLES", "U1", AlertStatus::kMonitoring)}),
            6);
}

TEST(AlertLinking, EverySignalPlacedInOrderAndKeptWhole) {
  const std::vector<SignalRecord> signals = {
      Signal("MEASLES", "U1", "2025W41", 9), Signal("MEASLES", "U2", "2025W41", 3),
      Signal("DENGUE", "U1", "2025W41", 4), Signal("MEASLES", "U1", "2025W42", 15)};
  const std::vector<AlertRecord> alerts = {Alert(1, "MEASLES", "U1", AlertStatus::kOpen),
                                           Alert(2, "DENGUE", "U1", AlertStatus::kDiscarded)};
  const std::vector<SignalPlacement> placed = PlaceSignals(signals, alerts);
  ASSERT_EQ(placed.size(), 4u);
  EXPECT_EQ(placed[0].alert_id, 1);
  EXPECT_EQ(placed[1].alert_id, std::nullopt);
  EXPECT_EQ(placed[2].alert_id, std::nullopt);
  EXPECT_EQ(placed[3].alert_id, 1);
  for (size_t i = 0; i < signals.size(); ++i) {
    EXPECT_EQ(placed[i].signal.disease_uid, signals[i].disease_uid);
    EXPECT_EQ(placed[i].signal.org_unit_uid, signals[i].org_unit_uid);
    EXPECT_EQ(placed[i].signal.period, signals[i].period);
    EXPECT_EQ(placed[i].signal.observed, signals[i].observed);
    EXPECT_EQ(placed[i].signal.algorithm, signals[i].algorithm);
  }
}

TEST(AlertLinking, IsActive) {
  EXPECT_TRUE(IsActive(Alert(1, "D", "U", AlertStatus::kOpen)));
  EXPECT_TRUE(IsActive(Alert(1, "D", "U", AlertStatus::kMonitoring)));
  EXPECT_FALSE(IsActive(Alert(1, "D", "U", AlertStatus::kDiscarded)));
  EXPECT_TRUE(IsActive(Alert(1, "D", "U", AlertStatus::kOutbreak, true)));
  EXPECT_FALSE(IsActive(Alert(1, "D", "U", AlertStatus::kOutbreak, false)));
}

}  // namespace
}  // namespace solieu::outbreaks
