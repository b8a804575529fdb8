// server/solieu_server: `solieu serve` assembled: the store's connections, the analytics engine
// loaded from the store (and kept current by every accepted write), the auth service, the API
// routes, the static web app, and the HTTP server that runs them.
// Depends on: every server/ part.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "auth/login_throttle.h"
#include "auth/password.h"
#include "auth/session_policy.h"
#include "server/http_server.h"
#include "server/router.h"

namespace solieu::server {

struct ServerConfig {
  std::string store;
  std::string listen = "127.0.0.1:8080";  // ADDRESS:PORT, [IPv6]:PORT; port 0 picks a free one
  std::string web_dir;                    // the web app's files; empty: none
  std::string config_dir = "config/dien-bien";
  // Behind a TLS-terminating proxy (nginx): cookies carry Secure, responses HSTS.
  bool behind_tls = false;
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  std::function<std::int64_t()> clock;  // Unix seconds; unset: the system clock
  std::function<Date()> today;          // the date of "today's" structure; unset: UTC today
  PasswordCost password_cost = PasswordCost::Interactive();  // of the accounts (see AuthOptions)
  std::size_t analytics_cache_entries = 512;
  // How often the weekly outbreak surveillance scores the last complete week (the first time at
  // start); zero: only on demand.
  std::chrono::seconds surveillance_interval = std::chrono::hours(6);
  // How often the engine picks up writes other processes committed to the store
  // (server/change_follower); zero: never.
  std::chrono::milliseconds follow_interval = std::chrono::milliseconds(250);
  HttpServerOptions http;  // address and port are taken from `listen`
};

class SolieuServer {
 public:
  // Opens the store, loads the engine, binds the port. Throws UserError on bad configuration.
  explicit SolieuServer(ServerConfig config);
  ~SolieuServer();

  unsigned short port() const;
  const Router& router() const;

  void Run();   // until Stop() or SIGINT/SIGTERM
  void Stop();  // from any thread

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// "127.0.0.1:8080" -> ("127.0.0.1", 8080); "[::1]:80" -> ("::1", 80). Throws UserError.
std::pair<std::string, unsigned short> ParseListenAddress(const std::string& listen);

}  // namespace solieu::server
