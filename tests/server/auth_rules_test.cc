// The auth library's rules without a server: password hashes, secrets, roles, org scopes over the
// 2025 reform, session expiry and login lock-out.
#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "auth/login_throttle.h"
#include "auth/org_scope.h"
#include "auth/password.h"
#include "auth/role.h"
#include "auth/secret.h"
#include "auth/session_policy.h"
#include "config/config_loader.h"
#include "core/error.h"

namespace solieu {
namespace {

TEST(Password, HashesAreArgon2idSaltedAndVerify) {
  std::string a = HashPassword("mật khẩu dài", PasswordCost::Minimum());
  std::string b = HashPassword("mật khẩu dài", PasswordCost::Minimum());
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(a, b);  // a fresh salt every time
  EXPECT_TRUE(VerifyPassword(a, "mật khẩu dài"));
  EXPECT_FALSE(VerifyPassword(a, "mật khẩu dài "));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
  EXPECT_FALSE(VerifyPassword("", ""));
}

TEST(Password, RefusesShortPasswords) {
  EXPECT_THROW(HashPassword("1234567", PasswordCost::Minimum()), UserError);
  EXPECT_NO_THROW(HashPassword("12345678", PasswordCost::Minimum()));
  EXPECT_THROW(HashPassword(std::string(1025, 'x'), PasswordCost::Minimum()), UserError);
}

TEST(Secret, RandomDigestAndCompare) {
  std::string a = RandomSecret(), b = RandomSecret();
  EXPECT_EQ(a.size(), 43u);  // 32 bytes, unpadded base64url
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(EqualsInConstantTime("abc", "abc"));
  EXPECT_FALSE(EqualsInConstantTime("abc", "abd"));
  EXPECT_FALSE(EqualsInConstantTime("abc", "ab"));
}

TEST(Credentials, StoreKeepsOnlyDigests) {
  IssuedSession session = NewSession("u", "127.0.0.1", 1000);
  EXPECT_EQ(session.record.id_hash, Sha256Hex(session.cookie_value));
  EXPECT_EQ(session.record.csrf_hash, Sha256Hex(session.csrf_token));
  EXPECT_EQ(CsrfTokenFor(session.cookie_value), session.csrf_token);
  EXPECT_EQ(session.record.created_at, 1000);
  IssuedApiToken token = NewApiToken("u", "etl", 1000);
  EXPECT_EQ(token.token.rfind("slt_", 0), 0u);
  EXPECT_EQ(token.record.token_hash, Sha256Hex(token.token));
  EXPECT_EQ(token.record.token_hash.find(token.token), std::string::npos);
}

TEST(Role, NamesAndRights) {
  for (Role role : {Role::kAdministrator, Role::kProvinceDataManager, Role::kFacilityDataClerk,
                    Role::kViewer}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(CanWriteValues(Role::kAdministrator));
  EXPECT_TRUE(CanWriteValues(Role::kProvinceDataManager));
  EXPECT_TRUE(CanWriteValues(Role::kFacilityDataClerk));
  EXPECT_FALSE(CanWriteValues(Role::kViewer));
  EXPECT_TRUE(CanReadAudit(Role::kAdministrator));
  EXPECT_TRUE(CanReadAudit(Role::kProvinceDataManager));
  EXPECT_FALSE(CanReadAudit(Role::kFacilityDataClerk));
  EXPECT_FALSE(CanReadAudit(Role::kViewer));
}

class OrgScopeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    MetadataSnapshot m =
        LoadConfigFolder(std::string(SOLIEU_SOURCE_DIR) + "/config/dien-bien").metadata;
    hierarchy_ = new OrgHierarchy(m.org_units, m.parent_links, m.org_events);
  }
  static void TearDownTestSuite() { delete hierarchy_; }
  static const OrgUnit& At(const char* code, Date day) {
    return *hierarchy_->FindByCode(code, day);
  }
  static OrgHierarchy* hierarchy_;
};
OrgHierarchy* OrgScopeTest::hierarchy_ = nullptr;

TEST_F(OrgScopeTest, SubtreeAsOfThePeriod) {
  Date after(2025, 8, 1), before(2024, 6, 1);
  OrgScope province(*hierarchy_, {At("11", after).uid});
  OrgScope commune(*hierarchy_, {At("03325", after).uid});
  EXPECT_TRUE(province.Contains(At("TYT03325", after), after));
  EXPECT_TRUE(province.Contains(At("TYT03325", before), before));
  EXPECT_TRUE(commune.Contains(At("TYT03325", after), after));
  EXPECT_TRUE(commune.Contains(At("03325", after), after));
  EXPECT_FALSE(commune.Contains(At("TYT03158", after), after));
  EXPECT_FALSE(commune.Contains(At("11", after), after));
  // The old Mường Phăng (and its station) closed on 2025-07-01: not below the new commune.
  EXPECT_FALSE(commune.Contains(At("TYT03325", before), before));
  EXPECT_FALSE(commune.ContainsForPeriod(At("TYT03325", before), *Period::Parse("202406")));
  EXPECT_TRUE(commune.ContainsForPeriod(At("TYT03325", after), *Period::Parse("202508")));
  // A binding to nothing grants nothing.
  OrgScope nothing(*hierarchy_, {"NoSuchUnit1"});
  EXPECT_TRUE(nothing.roots().empty());
  EXPECT_FALSE(nothing.Contains(At("11", after), after));
}

TEST(SessionPolicy, IdleAndAbsoluteExpiry) {
  SessionPolicy policy;  // 30 min idle, 12 h absolute
  SessionRecord s{"h", "u", "c", "ip", 1000, 1000};
  EXPECT_EQ(CheckSession(s, 1000 + 29 * 60, policy), SessionState::kValid);
  EXPECT_EQ(CheckSession(s, 1000 + 30 * 60, policy), SessionState::kIdleExpired);
  s.last_seen_at = 1000 + 12 * 3600 - 10;
  EXPECT_EQ(CheckSession(s, 1000 + 12 * 3600 - 5, policy), SessionState::kValid);
  EXPECT_EQ(CheckSession(s, 1000 + 12 * 3600, policy), SessionState::kAbsoluteExpired);
  s.last_seen_at = 1000;
  EXPECT_FALSE(SessionNeedsTouch(s, 1000 + 59, policy));
  EXPECT_TRUE(SessionNeedsTouch(s, 1000 + 60, policy));
}

// The purge deletes exactly the sessions CheckSession calls expired, at the boundary too.
TEST(SessionPolicy, PurgeCutoffsMatchExpiry) {
  SessionPolicy policy;
  const std::int64_t now = 100000;
  SessionPurgeCutoffs cutoffs = PurgeCutoffs(now, policy);
  for (std::int64_t created : {now - 12 * 3600 - 1, now - 12 * 3600, now - 12 * 3600 + 1}) {
    for (std::int64_t seen : {now - 30 * 60 - 1, now - 30 * 60, now - 30 * 60 + 1}) {
      SessionRecord s{"h", "u", "c", "ip", created, seen};
      bool purged = seen < cutoffs.idle_before || created < cutoffs.created_before;
      EXPECT_EQ(purged, CheckSession(s, now, policy) != SessionState::kValid)
          << "created " << created << ", seen " << seen;
    }
  }
}

LoginAttempt Failure(std::int64_t at) {
  return {"u", "ip", at, LoginOutcome::kFailure};
}

TEST(LoginThrottle, FiveFailuresLockFifteenMinutes) {
  ThrottlePolicy policy;
  std::vector<LoginAttempt> attempts;
  for (int i = 0; i < 4; ++i) attempts.push_back(Failure(100 + i));
  EXPECT_TRUE(DecideLogin(attempts, {}, 110, policy).allowed);
  attempts.push_back(Failure(104));
  ThrottleDecision locked = DecideLogin(attempts, {}, 110, policy);
  EXPECT_FALSE(locked.allowed);
  EXPECT_TRUE(locked.account_locked);
  EXPECT_EQ(locked.retry_after_seconds, 104 + 900 - 110);
  // Attempts while locked do not extend the lock.
  attempts.push_back({"u", "ip", 500, LoginOutcome::kLocked});
  EXPECT_FALSE(DecideLogin(attempts, {}, 1003, policy).allowed);
  EXPECT_TRUE(DecideLogin(attempts, {}, 1004, policy).allowed);
  // After the lock, the old failures no longer count: one more failure does not re-lock.
  attempts.push_back(Failure(1010));
  EXPECT_TRUE(DecideLogin(attempts, {}, 1011, policy).allowed);
}

TEST(LoginThrottle, SuccessResetsAndOldFailuresExpire) {
  ThrottlePolicy policy;
  std::vector<LoginAttempt> attempts = {Failure(1), Failure(2), Failure(3), Failure(4)};
  attempts.push_back({"u", "ip", 5, LoginOutcome::kSuccess});
  attempts.push_back(Failure(6));
  EXPECT_TRUE(DecideLogin(attempts, {}, 7, policy).allowed);
  // Five failures spread over more than the window do not lock.
  std::vector<LoginAttempt> spread;
  for (int i = 0; i < 5; ++i) spread.push_back(Failure(i * 300));
  EXPECT_TRUE(DecideLogin(spread, {}, 1300, policy).allowed);
}

TEST(LoginThrottle, ClientAddressRateLimit) {
  ThrottlePolicy policy;
  policy.max_client_failures = 3;
  std::vector<LoginAttempt> client = {Failure(10), Failure(20), Failure(30)};
  ThrottleDecision decision = DecideLogin({}, client, 40, policy);
  EXPECT_FALSE(decision.allowed);
  EXPECT_FALSE(decision.account_locked);
  EXPECT_EQ(decision.retry_after_seconds, 10 + 900 - 40);
  EXPECT_TRUE(DecideLogin({}, client, 911, policy).allowed);
}

}  // namespace
}  // namespace solieu
