// What an epidemiologist may decide about an alert, and the outbreak record a declaration opens.
#include "outbreaks/verification.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace solieu::outbreaks {
namespace {

AlertRecord AlertWith(AlertStatus status) {
  AlertRecord a;
  a.id = 42;
  a.disease_uid = "MeaslesUid1";
  a.org_unit_uid = "CommuneUid1";
  a.status = status;
  if (status == AlertStatus::kDiscarded || status == AlertStatus::kOutbreak) {
    a.verified_by = "epi.tinh";
    a.verified_at = "2025-10-20T08:00:00Z";
  }
  return a;
}

OutbreakRecord ValidOutbreak() {
  OutbreakRecord o;
  o.disease_uid = "MeaslesUid1";
  o.org_unit_uid = "CommuneUid1";
  o.start_date = Date(2025, 9, 29);
  o.cases = 35;
  o.deaths = 1;
  o.actions = "Tiêm vắc xin bổ sung / catch-up vaccination";
  return o;
}

// Expects ValidateOutbreak to refuse `o`, naming `field`.
void ExpectInvalid(const OutbreakRecord& o, const char* field) {
  try {
    ValidateOutbreak(o, Date(2025, 10, 20));
    ADD_FAILURE() << "accepted; expected an error on " << field;
  } catch (const UserError& e) {
    EXPECT_EQ(e.code(), "surveillance.invalid_outbreak");
    EXPECT_EQ(e.where(), field);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
  }
}

TEST(Verification, ParseDecision) {
  EXPECT_EQ(ParseDecision("discard"), Decision::kDiscard);
  EXPECT_EQ(ParseDecision("monitor"), Decision::kMonitor);
  EXPECT_EQ(ParseDecision("outbreak"), Decision::kOutbreak);
  EXPECT_EQ(ParseDecision("Outbreak"), std::nullopt);
  EXPECT_EQ(ParseDecision("open"), std::nullopt);
  EXPECT_EQ(ParseDecision(""), std::nullopt);
}

TEST(Verification, StatusAfter) {
  EXPECT_EQ(StatusAfter(Decision::kDiscard), AlertStatus::kDiscarded);
  EXPECT_EQ(StatusAfter(Decision::kMonitor), AlertStatus::kMonitoring);
  EXPECT_EQ(StatusAfter(Decision::kOutbreak), AlertStatus::kOutbreak);
}

TEST(Verification, OpenAndMonitoredAlertsTakeAnyDecision) {
  for (AlertStatus status : {AlertStatus::kOpen, AlertStatus::kMonitoring}) {
    for (Decision d : {Decision::kDiscard, Decision::kMonitor, Decision::kOutbreak}) {
      EXPECT_NO_THROW(CheckDecisionAllowed(AlertWith(status), d));
    }
  }
}

TEST(Verification, DiscardedAndDeclaredAlertsAreFinal) {
  for (AlertStatus status : {AlertStatus::kDiscarded, AlertStatus::kOutbreak}) {
    for (Decision d : {Decision::kDiscard, Decision::kMonitor, Decision::kOutbreak}) {
      try {
        CheckDecisionAllowed(AlertWith(status), d);
        ADD_FAILURE() << AlertStatusName(status) << " alert accepted a decision";
      } catch (const UserError& e) {
        EXPECT_EQ(e.code(), "surveillance.alert_closed");
        EXPECT_NE(e.message_en().find(AlertStatusName(status)), std::string::npos)
            << e.message_en();
        EXPECT_NE(e.message_en().find("42"), std::string::npos) << e.message_en();
        EXPECT_NE(e.message_en().find("epi.tinh"), std::string::npos) << e.message_en();
      }
    }
  }
}

TEST(Verification, ValidOutbreakPasses) {
  EXPECT_NO_THROW(ValidateOutbreak(ValidOutbreak(), Date(2025, 10, 20)));
  OutbreakRecord edge = ValidOutbreak();
  edge.start_date = Date(2025, 10, 20);  // today
  edge.end_date = Date(2025, 10, 20);    // the same day
  edge.cases = 0;
  edge.deaths = 0;
  edge.actions = std::string(20000, 'x');
  EXPECT_NO_THROW(ValidateOutbreak(edge, Date(2025, 10, 20)));
}

TEST(Verification, NegativeCases) {
  OutbreakRecord o = ValidOutbreak();
  o.cases = -1;
  o.deaths = 0;
  ExpectInvalid(o, "cases");
}

TEST(Verification, NegativeDeaths) {
  OutbreakRecord o = ValidOutbreak();
  o.deaths = -1;
  ExpectInvalid(o, "deaths");
}

TEST(Verification, DeathsAboveCases) {
  OutbreakRecord o = ValidOutbreak();
  o.cases = 3;
  o.deaths = 4;
  ExpectInvalid(o, "deaths");
}

TEST(Verification, StartInTheFuture) {
  OutbreakRecord o = ValidOutbreak();
  o.start_date = Date(2025, 10, 21);
  ExpectInvalid(o, "startDate");
}

TEST(Verification, EndBeforeStart) {
  OutbreakRecord o = ValidOutbreak();
  o.end_date = Date(2025, 9, 28);
  ExpectInvalid(o, "endDate");
}

TEST(Verification, ActionsTooLong) {
  OutbreakRecord o = ValidOutbreak();
  o.actions = std::string(20001, 'x');
  ExpectInvalid(o, "actions");
}

TEST(Verification, OutbreakForAlertDefaults) {
  const AlertRecord alert = AlertWith(AlertStatus::kOpen);
  const OutbreakRecord o = OutbreakForAlert(alert, Date(2025, 9, 29), 35, 1, {});
  EXPECT_EQ(o.id, 0);
  EXPECT_EQ(o.disease_uid, "MeaslesUid1");
  EXPECT_EQ(o.org_unit_uid, "CommuneUid1");
  EXPECT_EQ(o.alert_id, 42);
  EXPECT_EQ(o.start_date, Date(2025, 9, 29));
  EXPECT_EQ(o.end_date, std::nullopt);
  EXPECT_EQ(o.cases, 35);
  EXPECT_EQ(o.deaths, 1);
  EXPECT_EQ(o.actions, "");
}

TEST(Verification, OutbreakForAlertOverrides) {
  OutbreakInput input;
  input.start_date = Date(2025, 9, 25);
  input.end_date = Date(2025, 10, 15);
  input.cases = 40;
  input.deaths = 2;
  input.actions = "khoanh vùng / ring vaccination";
  const OutbreakRecord o =
      OutbreakForAlert(AlertWith(AlertStatus::kMonitoring), Date(2025, 9, 29), 35, 1, input);
  EXPECT_EQ(o.disease_uid, "MeaslesUid1");
  EXPECT_EQ(o.alert_id, 42);
  EXPECT_EQ(o.start_date, Date(2025, 9, 25));
  EXPECT_EQ(o.end_date, Date(2025, 10, 15));
  EXPECT_EQ(o.cases, 40);
  EXPECT_EQ(o.deaths, 2);
  EXPECT_EQ(o.actions, "khoanh vùng / ring vaccination");

  // One field given: only that one changes.
  OutbreakInput only_deaths;
  only_deaths.deaths = 0;
  const OutbreakRecord p =
      OutbreakForAlert(AlertWith(AlertStatus::kOpen), Date(2025, 9, 29), 35, 1, only_deaths);
  EXPECT_EQ(p.start_date, Date(2025, 9, 29));
  EXPECT_EQ(p.cases, 35);
  EXPECT_EQ(p.deaths, 0);
}

TEST(Verification, ApplyInputChangesOnlyTheGivenFields) {
  OutbreakRecord stored = ValidOutbreak();
  stored.id = 7;
  stored.alert_id = 42;
  stored.declared_by = "epi.tinh";
  OutbreakInput input;
  input.end_date = Date(2025, 11, 3);
  input.cases = 38;
  const OutbreakRecord o = ApplyInput(stored, input);
  EXPECT_EQ(o.id, 7);
  EXPECT_EQ(o.alert_id, 42);
  EXPECT_EQ(o.declared_by, "epi.tinh");
  EXPECT_EQ(o.start_date, stored.start_date);
  EXPECT_EQ(o.end_date, Date(2025, 11, 3));
  EXPECT_EQ(o.cases, 38);
  EXPECT_EQ(o.deaths, stored.deaths);
  EXPECT_EQ(o.actions, stored.actions);
}

}  // namespace
}  // namespace solieu::outbreaks
