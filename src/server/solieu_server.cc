#include "server/solieu_server.h"

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <iostream>
#include <optional>

#include "core/clock.h"
#include "core/error.h"
#include "core/synthetic.h"
#include "engine/analytics.h"
#include "server/api_services.h"
#include "server/auth_service.h"
#include "server/change_follower.h"
#include "server/json_response.h"
#include "server/live_analytics.h"
#include "server/org_unit_routes.h"
#include "server/periodic_job.h"
#include "server/response_cache.h"
#include "server/static_files.h"
#include "server/store_pool.h"

namespace solieu::server {

namespace {

// The progress of a long engine load on stderr: silent for the first seconds (a province's store
// loads in well under that), then a line every few seconds, so a national store (hundreds of
// millions of values) shows it is moving.
class LoadProgress {
 public:
  void Add(size_t values) {
    done_ += values;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < kEvery) return;
    last_ = now;
    Print();
  }
  void Finish() {
    if (printed_) Print();
  }

 private:
  static constexpr std::chrono::seconds kEvery{5};
  void Print() {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::cerr << "Nạp giá trị vào bộ máy phân tích / loading values into the engine: " << done_
              << " (" << static_cast<long long>(seconds > 0 ? done_ / seconds : 0) << "/s, "
              << static_cast<long long>(seconds) << " s)\n";
    printed_ = true;
  }
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
  size_t done_ = 0;
  bool printed_ = false;
};

}  // namespace

std::unique_ptr<Analytics> LoadAnalytics(Store& store, bool* synthetic_values) {
  auto analytics = std::make_unique<Analytics>(store.LoadMetadata());
  bool synthetic = false;
  LoadProgress progress;
  // A batch at a time: the engine keeps ~14 bytes a value, a batch of writes ~200 bytes each.
  store.ScanValues(65536, [&](std::vector<DataValueWrite>& batch) {
    for (DataValueWrite& w : batch) {
      synthetic = synthetic || IsSyntheticComment(w.comment);
      w.comment.clear();
    }
    analytics->Apply(batch);
    progress.Add(batch.size());
  });
  progress.Finish();
  analytics->Compact();
  // The forms registered complete, for the reporting-rate items (engine/reporting_rates).
  std::vector<FormCompletionWrite> forms;
  for (const DataSet& d : analytics->metadata().data_sets) {
    for (const CompletionRecord& c :
         store.Reporting().Completions(d.uid, Date(1900, 1, 1), Date(2999, 12, 31))) {
      forms.push_back({d.uid, c.key.org_unit_uid, c.period_start, c.period_end, c.completed_on});
    }
  }
  analytics->ApplyForms(forms);
  if (synthetic_values != nullptr) *synthetic_values = synthetic;
  return analytics;
}

std::unique_ptr<LiveAnalytics> LoadEngine(Store& store) {
  bool synthetic = false;
  std::unique_ptr<Analytics> analytics = LoadAnalytics(store, &synthetic);
  return std::make_unique<LiveAnalytics>(std::move(analytics), synthetic);
}

std::pair<std::string, unsigned short> ParseListenAddress(const std::string& listen) {
  size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
  std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  bool digits = !port.empty() && port.size() <= 5 &&
                port.find_first_not_of("0123456789") == std::string::npos;
  if (host.empty() || !digits || std::stoul(port) > 65535) {
    throw UserError("server.bad_listen", "--listen phải có dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080",
                    "--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080", "--listen");
  }
  return {host, static_cast<unsigned short>(std::stoul(port))};
}

struct SolieuServer::Parts {
  explicit Parts(ServerConfig c)
      : config(std::move(c)),
        store(config.store, std::max(2, config.http.worker_threads)),
        analytics(store.Write([this](Store& s) {
          start_mark = CurrentChangeMark(s);
          return LoadEngine(s);
        })),
        follower(store, *analytics, start_mark),
        auth(store, AuthOptions{config.sessions, config.throttle, config.clock, config.behind_tls,
                                config.password_cost}),
        cache(config.analytics_cache_entries),
        services{store,
                 *analytics,
                 auth,
                 cache,
                 config.config_dir,
                 config.today ? config.today : std::function<Date()>(TodayUtc),
                 nullptr,
                 config.password_cost} {
    detection_rules = analytics->Read([](const Analytics& a) {
      return std::make_unique<outbreaks::DetectionRules>(a.metadata());
    });
    services.detection_rules = detection_rules.get();
    if (!config.web_dir.empty()) static_files.emplace(config.web_dir);
    AddSystemRoutes(router, services);
    AddAuthRoutes(router, services);
    AddMetadataRoutes(router, services);
    AddMetadataEditRoutes(router, services);
    AddOrgUnitRoutes(router, services);
    AddDataValueRoutes(router, services);
    AddDataValueSetRoutes(router, services);
    AddAnalyticsRoutes(router, services);
    AddReportRoutes(router, services);
    AddAuditRoutes(router, services);
    AddReportingRoutes(router, services);
    AddUserRoutes(router, services);
    AddSurveillanceRoutes(router, services);
    AddPlanRoutes(router, services);
    AddQualityRoutes(router, services);

    HttpServerOptions options = config.http;
    auto [address, port] = ParseListenAddress(config.listen);
    options.address = address;
    options.port = port;
    options.strict_transport_security = config.behind_tls;
    options.body_limit = [this](const Request& header) { return router.BodyLimit(header); };
    http.emplace(std::move(options),
                 [this](const Request& request, const std::string& peer, AccessLogFields* log) {
                   return Handle(request, peer, log);
                 });
  }

  // Behind the TLS proxy every connection comes from the proxy: the client is the address it
  // passes in X-Real-IP (trusted only from a loopback peer), so that login rate limits and logs
  // see the real clients.
  std::string ClientOf(const Request& request, const std::string& peer) const {
    if (!config.behind_tls || (peer != "127.0.0.1" && peer != "::1")) return peer;
    std::string_view real = request["X-Real-IP"];
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(real), ec);
    return real.empty() || ec ? peer : address.to_string();
  }

  Response Handle(const Request& request, const std::string& peer, AccessLogFields* log) {
    std::string client = ClientOf(request, peer);
    if (client != peer) log->client = client;
    if (auto response = router.Dispatch(request, client, auth, &log->user)) {
      return std::move(*response);
    }
    if (!static_files) {
      return ErrorResponse(404, "http.not_found", "không có trang này", "no such page",
                           std::string(request.target()));
    }
    try {
      return static_files->Serve(request, ParseRequestTarget(request.target()).path);
    } catch (const UserError& e) {
      return ErrorResponse(400, e);
    }
  }

  ServerConfig config;
  StorePool store;
  ChangeMark start_mark;
  std::unique_ptr<LiveAnalytics> analytics;
  ChangeFollower follower;
  std::unique_ptr<outbreaks::DetectionRules> detection_rules;
  AuthService auth;
  ResponseCache cache;
  ApiServices services;
  Router router;
  std::optional<StaticFiles> static_files;
  std::optional<HttpServer> http;
  // Last, so they stop before the parts their jobs use are destroyed.
  std::optional<PeriodicJob> surveillance;
  std::optional<PeriodicJob> following;
};

SolieuServer::SolieuServer(ServerConfig config)
    : parts_(std::make_unique<Parts>(std::move(config))) {}

SolieuServer::~SolieuServer() = default;

unsigned short SolieuServer::port() const {
  return parts_->http->port();
}

const Router& SolieuServer::router() const {
  return parts_->router;
}

void SolieuServer::Run() {
  Parts& parts = *parts_;
  parts.surveillance.emplace(parts.config.surveillance_interval, [&parts] {
    Period week = Period::Containing(PeriodType::kWeek, parts.services.today()).Previous();
    try {
      RunWeeklySurveillance(parts.services, week, "schedule");
    } catch (const std::exception& e) {
      // A failed run must not take the server down; the next one tries again.
      if (parts.config.http.access_log) {
        parts.config.http.access_log(std::string("weekly surveillance ") + week.Id() +
                                     " failed: " + e.what());
      }
    }
  });
  parts.following.emplace(parts.config.follow_interval, [&parts] {
    try {
      parts.follower.CatchUp();
    } catch (const std::exception& e) {
      // A failed pass (the database briefly unreachable) is retried at the next one.
      if (parts.config.http.access_log) {
        parts.config.http.access_log(std::string("change follower failed: ") + e.what());
      }
    }
  });
  parts.http->Run();
  parts.following.reset();
  parts.surveillance.reset();
}

void SolieuServer::Stop() {
  parts_->http->Stop();
}

}  // namespace solieu::server
