// The server's parts without sockets: request targets and UTF-8, gzip, relative periods, the
// response cache, the worker pool's bound, the router's matching, listen addresses.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>

#include "core/error.h"
#include "server/analytics_request.h"
#include "server/gzip.h"
#include "server/relative_periods.h"
#include "server/request_target.h"
#include "server/response_cache.h"
#include "server/router.h"
#include "server/solieu_server.h"
#include "server/worker_pool.h"

namespace solieu::server {
namespace {

TEST(RequestTarget, DecodesPathAndQuery) {
  RequestTarget t = ParseRequestTarget(
      "/api/analytics?dimension=dx%3AI_MMR&dimension=pe:2025&q=a+b&empty=&flag#frag");
  EXPECT_EQ(t.path, "/api/analytics");
  EXPECT_EQ(t.query.All("dimension"), (std::vector<std::string>{"dx:I_MMR", "pe:2025"}));
  EXPECT_EQ(t.query.Get("q"), "a b");
  EXPECT_EQ(t.query.Get("empty"), "");
  EXPECT_EQ(t.query.Get("flag"), "");
  EXPECT_FALSE(t.query.Get("missing"));
  EXPECT_EQ(ParseRequestTarget("/x%20y/%C4%90i%E1%BB%87n").path, "/x y/Điện");
}

TEST(RequestTarget, RefusesBadInput) {
  for (const char* bad : {"", "api", "/a%", "/a%2", "/a%zz", "/a%00b", "/a?x=%C3%28", "/%FF",
                          "/a?%ED%A0%80=1" /* a UTF-16 surrogate */, "/%C0%AF" /* overlong */}) {
    EXPECT_THROW(ParseRequestTarget(bad), UserError) << bad;
  }
}

TEST(Utf8, Strict) {
  EXPECT_TRUE(IsValidUtf8("Mường Phăng"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8(std::string("a\0b", 3)));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Gzip, RoundTripAndAcceptEncoding) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "{\"value\":\"" + std::to_string(i) + "\"},";
  std::string packed = GzipCompress(text);
  EXPECT_LT(packed.size(), text.size() / 3);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(GzipDecompress(packed, 1 << 20), text);
  EXPECT_THROW(GzipDecompress(packed, 100), std::runtime_error);
  EXPECT_THROW(GzipDecompress("not gzip", 100), std::runtime_error);
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("x-gzip-like"));
}

std::vector<std::string> Ids(const std::vector<Period>& periods) {
  std::vector<std::string> out;
  for (const Period& p : periods) out.push_back(p.Id());
  return out;
}

TEST(RelativePeriods, AsDhis2) {
  Date today(2025, 8, 15);
  EXPECT_EQ(Ids(*RelativePeriods("THIS_YEAR", today)), (std::vector<std::string>{"2025"}));
  EXPECT_EQ(Ids(*RelativePeriods("LAST_YEAR", today)), (std::vector<std::string>{"2024"}));
  auto months = Ids(*RelativePeriods("LAST_12_MONTHS", today));
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front(), "202408");
  EXPECT_EQ(months.back(), "202507");
  EXPECT_EQ(Ids(*RelativePeriods("THIS_MONTH", today)), (std::vector<std::string>{"202508"}));
  EXPECT_EQ(Ids(*RelativePeriods("LAST_QUARTER", today)), (std::vector<std::string>{"2025Q2"}));
  EXPECT_EQ(Ids(*RelativePeriods("LAST_5_YEARS", today)).front(), "2020");
  EXPECT_EQ(Ids(*RelativePeriods("LAST_WEEK", Date(2025, 1, 1))),
            (std::vector<std::string>{"2024W52"}));
  EXPECT_EQ(RelativePeriods("MONTHS_THIS_YEAR", today)->size(), 12u);
  EXPECT_FALSE(RelativePeriods("LAST_13_MONTHS", today));
}

TEST(AnalyticsNumber, AsTheCliPrintsIt) {
  Indicator rate;
  rate.decimals = 2;
  EXPECT_EQ(AnalyticsNumber(42.987, &rate), "42.99");
  EXPECT_EQ(AnalyticsNumber(-0.001, &rate), "0.00");
  EXPECT_EQ(AnalyticsNumber(1250, nullptr), "1250");
  EXPECT_EQ(AnalyticsNumber(65.70, nullptr), "65.7");
  EXPECT_EQ(AnalyticsNumber(-0.0000001, nullptr), "0");
}

TEST(ResponseCache, GenerationsAndCapacity) {
  ResponseCache cache(2);
  cache.Put("a", 1, "A");
  cache.Put("b", 1, "B");
  EXPECT_EQ(cache.Find("a", 1), "A");
  EXPECT_FALSE(cache.Find("a", 2));  // a write happened since
  EXPECT_FALSE(cache.Find("a", 1));  // and the stale entry is gone
  cache.Put("c", 1, "C");
  cache.Put("d", 1, "D");  // evicts the least recently used
  EXPECT_FALSE(cache.Find("b", 1));
  EXPECT_EQ(cache.Find("d", 1), "D");
}

TEST(WorkerPool, BoundedQueueAndDrainOnShutdown) {
  WorkerPool pool(1, 2);
  std::mutex mutex;
  std::condition_variable release;
  bool go = false;
  std::atomic<int> done{0};
  auto job = [&] {
    std::unique_lock lock(mutex);
    release.wait(lock, [&] { return go; });
    ++done;
  };
  EXPECT_TRUE(pool.TrySubmit(job));  // running (or queued)
  // The single thread may not have taken the first job yet: fill until refused.
  int accepted = 1;
  while (pool.TrySubmit(job)) ++accepted;
  EXPECT_GE(accepted, 2);
  EXPECT_LE(accepted, 3);
  {
    std::lock_guard lock(mutex);
    go = true;
  }
  release.notify_all();
  pool.Shutdown();
  EXPECT_EQ(done.load(), accepted);
  EXPECT_FALSE(pool.TrySubmit(job));
}

TEST(Router, MatchesTemplatesAndListsRoutes) {
  Router router;
  auto ok = [](RequestContext&) { return Response{http::status::ok, 11}; };
  router.Add(http::verb::get, "/api/reports/{name}", Access::kPublic, ok);
  router.Add(http::verb::post, "/api/import", Access::kPublic, ok, kImportBodyLimit);
  EXPECT_EQ(router.Routes(), (std::vector<std::pair<std::string, std::string>>{
                                 {"GET", "/api/reports/{name}"}, {"POST", "/api/import"}}));
  Request header{http::verb::post, "/api/import?x=1", 11};
  EXPECT_EQ(router.BodyLimit(header), kImportBodyLimit);
  header.method(http::verb::get);
  EXPECT_EQ(router.BodyLimit(header), kDefaultBodyLimit);
  EXPECT_EQ(SplitPath("/api//reports/x/"), (std::vector<std::string>{"api", "reports", "x"}));
}

TEST(ListenAddress, Parses) {
  EXPECT_EQ(ParseListenAddress("127.0.0.1:8080"),
            std::make_pair(std::string("127.0.0.1"), static_cast<unsigned short>(8080)));
  EXPECT_EQ(ParseListenAddress("[::1]:0").first, "::1");
  for (const char* bad : {"8080", "127.0.0.1:", ":80", "host:99999", "host:8a"}) {
    EXPECT_THROW(ParseListenAddress(bad), UserError) << bad;
  }
}

}  // namespace
}  // namespace solieu::server
