// The bad-input catalogue: every malformed, oversized, hostile or slow request gets a clear 4xx
// (or, for the slow and the unparseable, a closed connection), stores nothing, and the server
// keeps serving.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <thread>

#include "test_server.h"

namespace solieu::testing {
namespace {

namespace http = boost::beast::http;
namespace json = boost::json;

class BadInputTest : public ::testing::Test {
 protected:
  BadInputTest()
      : server_([](server::ServerConfig& config) {
          config.http.header_timeout = std::chrono::milliseconds(1500);
          config.http.body_timeout = std::chrono::milliseconds(1500);
        }),
        store_(server_.OpenStore()),
        clerk_(server_.port()) {
    EXPECT_EQ(clerk_.Login("tyt.muongphang").status, 200);
  }

  std::string ErrorCode(const HttpResult& result) {
    boost::system::error_code ec;
    json::value body = json::parse(result.body, ec);
    if (ec || !body.is_object() || !body.as_object().contains("error")) return "(no error body)";
    const json::object& error = body.at("error").as_object();
    EXPECT_TRUE(error.contains("message_vi"));
    EXPECT_TRUE(error.contains("message_en"));
    EXPECT_TRUE(error.contains("where"));
    return std::string(error.at("code").as_string());
  }

  std::size_t ValueCount() { return store_->QueryValues({}).size(); }
  std::size_t AuditCount() { return store_->AuditTrail(server_.Key(kOwnFacility)).size(); }

  void ExpectStillServing() {
    HttpClient fresh(server_.port());
    EXPECT_EQ(fresh.Get("/api/health").status, 200);
    EXPECT_EQ(clerk_.Get("/api/me").status, 200);
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  ApiClient clerk_;
};

TEST_F(BadInputTest, MalformedJsonWrongTypesUnknownIdsAndInvalidValues) {
  struct Case {
    const char* name;
    std::string body;
    const char* code;
  };
  std::string ou = kOwnFacility;
  std::vector<Case> cases = {
      {"empty body", "", "api.malformed_json"},
      {"truncated", "{\"de\":\"ARI_TREATED\",", "api.malformed_json"},
      {"not JSON", "de=ARI_TREATED", "api.malformed_json"},
      {"trailing garbage", ValueJson(ou, "1") + "}", "api.malformed_json"},
      {"array", "[" + ValueJson(ou, "1") + "]", "api.expected_object"},
      {"string", "\"hello\"", "api.expected_object"},
      {"value as number",
       "{\"de\":\"ARI_TREATED\",\"pe\":\"202508\",\"ou\":\"" + ou + "\",\"value\":5}",
       "api.wrong_type"},
      {"de as object", "{\"de\":{},\"pe\":\"202508\",\"ou\":\"" + ou + "\",\"value\":\"5\"}",
       "api.wrong_type"},
      {"missing value", "{\"de\":\"ARI_TREATED\",\"pe\":\"202508\",\"ou\":\"" + ou + "\"}",
       "api.missing_field"},
      {"expected as number", ValueJson(ou, "5", "\"expected\":3"), "api.wrong_type"},
      {"unknown data element",
       "{\"de\":\"NO_SUCH\",\"pe\":\"202508\",\"ou\":\"" + ou + "\",\"value\":\"5\"}",
       "api.unknown_data_element"},
      {"unknown org unit", ValueJson("99999", "5"), "api.unknown_org_unit"},
      {"unknown option combo", ValueJson(ou, "5", "\"co\":\"NOPE\""), "api.unknown_option_combo"},
      {"bad period",
       "{\"de\":\"ARI_TREATED\",\"pe\":\"2025M13\",\"ou\":\"" + ou + "\",\"value\":\"5\"}",
       "api.invalid_period"},
      {"unit not open in the period",
       "{\"de\":\"ARI_TREATED\",\"pe\":\"202506\",\"ou\":\"" + server_.OrgUid(kOwnFacility) +
           "\",\"value\":\"5\"}",
       "api.org_unit_not_open"},
      {"not a number", ValueJson(ou, "abc"), "api.invalid_value"},
      {"negative count", ValueJson(ou, "-3"), "api.invalid_value"},
      {"decimal count", ValueJson(ou, "2.5"), "api.invalid_value"},
      {"Vietnamese display form", ValueJson(ou, "1.250"), "api.invalid_value"},
      {"NUL in a string", ValueJson(ou, "5", "\"comment\":\"a\\u0000b\""), "api.invalid_text"},
      {"invalid UTF-8", ValueJson(ou, "5", "\"comment\":\"\xC3\x28\""), "api.malformed_json"},
      {"comment too long", ValueJson(ou, "5", "\"comment\":\"" + std::string(5000, 'x') + "\""),
       "api.comment_too_long"},
  };
  std::size_t values = ValueCount(), audit = AuditCount();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HttpResult result = clerk_.Put("/api/dataValues", c.body);
    EXPECT_EQ(result.status, 400) << result.body;
    EXPECT_EQ(ErrorCode(result), c.code);
  }
  EXPECT_EQ(ValueCount(), values);
  EXPECT_EQ(AuditCount(), audit);
  EXPECT_EQ(store_->GetValue(server_.Key(kOwnFacility))->value, "10");
  ExpectStillServing();
}

TEST_F(BadInputTest, BadQueriesAndRoutes) {
  struct Case {
    http::verb method;
    std::string target;
    int status;
    const char* code;
  };
  std::vector<Case> cases = {
      {http::verb::get, "/api/dataValues?de=ARI_TREATED&pe=202508", 400, "api.missing_parameter"},
      {http::verb::get, "/api/dataValues?de=ARI_TREATED&pe=202508&ou=%ZZ", 400, "http.bad_target"},
      {http::verb::get, "/api/dataValues?de=%C3%28&pe=202508&ou=1", 400, "http.bad_target"},
      {http::verb::get, "/api/analytics?dimension=dx:ARI_TREATED", 400, "api.missing_dimension"},
      {http::verb::get, "/api/analytics?dimension=xx:1&dimension=pe:2025", 400,
       "api.bad_dimension"},
      {http::verb::get, "/api/analytics?dimension=dx:NOPE&dimension=pe:2025&dimension=ou:TYT03325",
       400, "analytics.unknown_item"},
      {http::verb::get,
       "/api/analytics?dimension=dx:ARI_TREATED&dimension=pe:LAST_99_MONTHS&dimension=ou:TYT03325",
       400, "api.invalid_period"},
      {http::verb::get,
       "/api/analytics?dimension=dx:ARI_TREATED&dimension=pe:2025&dimension=ou:LEVEL-9", 400,
       "api.bad_level"},
      {http::verb::get, "/api/analytics?dimension=dx:ARI_TREATED&dimension=pe:2025&structure=x",
       400, "api.bad_structure"},
      {http::verb::get, "/api/metadata/orgUnits?asOf=2025-02-30", 400, "api.invalid_date"},
      {http::verb::get, "/api/reports/nope?period=2025", 404, "api.unknown_report"},
      {http::verb::get, "/api/reports/annex-01?period=2025&format=pdf", 400, "api.bad_format"},
      {http::verb::get, "/api/reports/annex-01?period=202113-202101", 400,
       "api.invalid_period_range"},
      {http::verb::get, "/api/nothing-here", 404, "api.not_found"},
      {http::verb::patch, "/api/dataValues", 405, "api.method_not_allowed"},
      {http::verb::get, "/api/auth/login", 405, "api.method_not_allowed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    HttpResult result = clerk_.Send(c.method, c.target, "", {});
    EXPECT_EQ(result.status, c.status) << result.body;
    if (std::string(c.code) != "analytics.unknown_item") {
      EXPECT_EQ(ErrorCode(result), c.code);
    } else {
      EXPECT_NE(ErrorCode(result), "(no error body)");
    }
  }
  HttpResult wrong_type =
      clerk_.Put("/api/dataValues", ValueJson(kOwnFacility, "5"), {{"Content-Type", "text/plain"}});
  EXPECT_EQ(wrong_type.status, 415);
  ExpectStillServing();
}

TEST_F(BadInputTest, SqlAndScriptLikeTextIsStoredVerbatimAndReturnedEscaped) {
  std::string sql = "'; DROP TABLE data_value; --";
  std::string script = "<script>alert(\\\"x\\\")</script> & <img src=x onerror=alert(1)>";
  std::string script_plain = "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>";
  ASSERT_EQ(
      clerk_.Put("/api/dataValues", ValueJson(kOwnFacility, "21", "\"comment\":\"" + sql + "\""))
          .status,
      200);
  EXPECT_EQ(store_->GetValue(server_.Key(kOwnFacility))->comment, sql);
  EXPECT_GT(ValueCount(), 1u);  // the table is still there
  HttpResult put = clerk_.Put("/api/dataValues",
                              ValueJson(kOwnFacility, "22", "\"comment\":\"" + script + "\""));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(store_->GetValue(server_.Key(kOwnFacility))->comment, script_plain);
  HttpResult get = clerk_.Get(ValueTarget(kOwnFacility));
  ASSERT_EQ(get.status, 200);
  EXPECT_EQ(get.body.find('<'), std::string::npos);
  EXPECT_EQ(get.body.find('>'), std::string::npos);
  EXPECT_NE(get.body.find("\\u003cscript\\u003e"), std::string::npos);
  EXPECT_EQ(json::parse(get.body).at("comment").as_string(), script_plain);
  EXPECT_EQ(get.Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(get.Header("x-content-type-options"), "nosniff");
  // As codes, such strings are unknown ids, not SQL.
  HttpResult injected = clerk_.Get("/api/dataValues?de=x%27%20OR%20%271%27%3D%271&pe=202508&ou=" +
                                   std::string(kOwnFacility));
  EXPECT_EQ(injected.status, 400);
  EXPECT_EQ(ErrorCode(injected), "api.unknown_data_element");
}

TEST_F(BadInputTest, OversizedBodyAndHeaderAreRefused) {
  std::size_t values = ValueCount();
  std::string huge =
      ValueJson(kOwnFacility, "5", "\"comment\":\"" + std::string(2 << 20, 'x') + "\"");
  HttpResult body = clerk_.Put("/api/dataValues", huge);
  // 413, or (if the kernel reset the connection before the client read it) no response at all.
  EXPECT_TRUE(body.status == 413 || body.status == 0) << body.status;
  if (body.status == 413) {
    EXPECT_EQ(ErrorCode(body), "http.body_too_large");
  }
  HttpResult header = clerk_.Get("/api/me", {{"X-Padding", std::string(20 * 1024, 'a')}});
  EXPECT_EQ(header.status, 431);
  HttpResult long_target = clerk_.Get("/api/me?x=" + std::string(20 * 1024, 'a'));
  EXPECT_EQ(long_target.status, 431);
  EXPECT_EQ(ValueCount(), values);
  ExpectStillServing();
}

TEST_F(BadInputTest, PathTraversalInStaticPathsIsRefused) {
  HttpClient client(server_.port());
  HttpResult index = client.Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(client.Get("/assets/app.js").status, 200);
  for (const char* target :
       {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
        "/assets/..%5c..%5csecret.txt", "/.%2e/secret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
        "/../../../../../../etc/passwd", "/.hidden", "/assets/app.js%00.html", "/nothing.js"}) {
    SCOPED_TRACE(target);
    HttpResult result = client.Get(target);
    EXPECT_TRUE(result.status == 400 || result.status == 404) << result.status;
    EXPECT_EQ(result.body.find("TOP-SECRET"), std::string::npos);
    EXPECT_EQ(result.body.find("root:"), std::string::npos);
  }
  EXPECT_EQ(client.Send(http::verb::post, "/index.html", "{}").status, 405);
  ExpectStillServing();
}

TEST_F(BadInputTest, MalformedHttpGetsA400AndAClosedConnection) {
  for (const char* garbage : {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                              "GET /api/health HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                              "GET /api/health HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n"}) {
    SCOPED_TRACE(garbage);
    RawConnection raw(server_.port());
    ASSERT_TRUE(raw.Write(garbage));
    bool closed = false;
    std::string response = raw.ReadUntilClosed(std::chrono::seconds(5), &closed);
    EXPECT_TRUE(closed);
    EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
  }
  ExpectStillServing();
}

TEST_F(BadInputTest, SlowLorisClientsAreClosedWhileOthersAreServed) {
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server_.port()));
    ASSERT_TRUE(slow.back()->Write("GET /api/health HTTP/1.1\r\nHost: x\r\n"));
  }
  auto start = std::chrono::steady_clock::now();
  // Trickle one header byte every 200 ms: the whole header never arrives within 1.5 s.
  bool all_closed = false;
  while (!all_closed && std::chrono::steady_clock::now() - start < std::chrono::seconds(6)) {
    all_closed = true;
    for (auto& connection : slow) {
      if (connection && !connection->Write("X")) connection.reset();
      all_closed = all_closed && !connection;
    }
    EXPECT_EQ(clerk_.Get("/api/health").status, 200);  // others are served meanwhile
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(all_closed);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  // A slow body is closed too.
  RawConnection body(server_.port());
  ASSERT_TRUE(
      body.Write("PUT /api/dataValues HTTP/1.1\r\nHost: x\r\nContent-Type: "
                 "application/json\r\nContent-Length: 100\r\n\r\n{\"de\""));
  bool closed = false;
  body.ReadUntilClosed(std::chrono::seconds(4), &closed);
  EXPECT_TRUE(closed);
  ExpectStillServing();
}

}  // namespace
}  // namespace solieu::testing
