// server/http_server: HTTP/1.1 with keep-alive on Boost.Beast/Asio. One I/O thread runs every
// socket (accept, read, write, timers); handlers run on a bounded worker pool (server/worker_pool)
// because they touch the store and the engine. Owns the protocol-level limits and behaviour:
// header and body size, slow clients (a whole header must arrive within header_timeout, a body
// within body_timeout), 503 when the pool's queue is full, gzip for large textual responses the
// client accepts, security headers, one JSON access-log line per request, and a graceful
// shutdown on SIGINT/SIGTERM or Stop(): stop accepting, close idle connections, let the requests
// already read finish and be answered, then return from Run().
// Depends on: Boost.Beast/Asio, server/worker_pool, server/gzip, server/json_response.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/http_types.h"

namespace solieu::server {

class HttpConnection;

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see HttpServer::port)
  int worker_threads = 4;
  std::size_t queue_capacity = 512;
  std::size_t max_connections = 2048;
  std::uint32_t header_limit = 16 * 1024;
  // The body limit of a request, decided from its header (the route): 50 MB for imports, 1 MB
  // otherwise. Unset: 1 MB for every request.
  std::function<std::uint64_t(const Request& header)> body_limit;
  std::chrono::milliseconds header_timeout{15'000};  // also the idle keep-alive timeout
  std::chrono::milliseconds body_timeout{120'000};
  std::chrono::milliseconds write_timeout{120'000};
  std::chrono::milliseconds shutdown_grace{30'000};
  std::size_t gzip_min_bytes = 1024;
  bool handle_signals = true;
  // Behind a TLS-terminating proxy: every response carries Strict-Transport-Security.
  bool strict_transport_security = false;
  // Receives one JSON object per line; unset: standard error.
  std::function<void(const std::string& line)> access_log;
};

// What the handler tells the access log: the user, and the client when it knows better than the
// peer address (behind a proxy).
struct AccessLogFields {
  std::string user;
  std::string client;
};

// Runs on a worker thread; `peer` is the connection's remote address.
using HttpHandler =
    std::function<Response(const Request& request, const std::string& peer, AccessLogFields* log)>;

class HttpServer {
 public:
  // Binds the listening socket; throws UserError when the address cannot be bound.
  HttpServer(HttpServerOptions options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;  // the bound port, also when options.port was 0

  // Serves until Stop() or a signal, then finishes the requests in flight. Call once.
  void Run();
  // Starts the graceful shutdown; safe from any thread, also before Run().
  void Stop();

 private:
  friend class HttpConnection;
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu::server
