#include "server/http_server.h"

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/object.hpp>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/clock.h"
#include "core/error.h"
#include "server/gzip.h"
#include "server/json_response.h"
#include "server/worker_pool.h"

namespace solieu::server {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kDefaultBodyLimit = 1024 * 1024;
// The parser's own ceiling while the header is read; the route's limit replaces it afterwards.
constexpr std::uint64_t kLargestBodyLimit = 50ull * 1024 * 1024;

std::string UtcTimestamp() {
  return UtcTimestampNow();
}

bool Compressible(std::string_view content_type) {
  return content_type.rfind("application/json", 0) == 0 || content_type.rfind("text/", 0) == 0 ||
         content_type.rfind("application/javascript", 0) == 0 ||
         content_type.rfind("image/svg+xml", 0) == 0;
}

Response PlainError(http::status status, const std::string& code, const std::string& vi,
                    const std::string& en) {
  return ErrorResponse(static_cast<int>(status), code, vi, en, "http");
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerOptions options, HttpHandler handler)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        acceptor_(ioc_),
        signals_(ioc_),
        shutdown_timer_(ioc_),
        pool_(options_.worker_threads, options_.queue_capacity) {
    if (!options_.body_limit) {
      options_.body_limit = [](const Request&) { return kDefaultBodyLimit; };
    }
    if (!options_.access_log) {
      options_.access_log = [](const std::string& line) {
        static std::mutex mutex;
        std::lock_guard lock(mutex);
        std::cerr << line << "\n";
      };
    }
    beast::error_code ec;
    auto address = net::ip::make_address(options_.address, ec);
    if (ec) {
      throw UserError("server.bad_address", "địa chỉ '" + options_.address + "' không hợp lệ",
                      "invalid address '" + options_.address + "'", "--listen");
    }
    tcp::endpoint endpoint{address, options_.port};
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      throw UserError("server.cannot_listen",
                      "không nghe được trên " + options_.address + ":" +
                          std::to_string(options_.port) + ": " + ec.message(),
                      "cannot listen on " + options_.address + ":" + std::to_string(options_.port) +
                          ": " + ec.message(),
                      "--listen");
    }
  }

  ~Impl() { pool_.Shutdown(); }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

  void Run() {
    if (options_.handle_signals) {
      signals_.add(SIGINT);
      signals_.add(SIGTERM);
      signals_.async_wait([this](beast::error_code ec, int) {
        if (!ec) BeginShutdown();
      });
    }
    Accept();
    ioc_.run();
    pool_.Shutdown();
  }

  void Stop() {
    net::post(ioc_, [this] { BeginShutdown(); });
  }

  // For connections.
  const HttpServerOptions& options() const { return options_; }
  const HttpHandler& handler() const { return handler_; }
  WorkerPool& pool() { return pool_; }
  bool stopping() const { return stopping_; }
  // Boost.JSON prints doubles in exponent form (6.4E-1); milliseconds read better as 0.64.
  void Log(boost::json::object entry) {
    std::string ms;
    if (auto* value = entry.if_contains("ms"); value && value->is_double()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", value->as_double());
      ms = buf;
      entry.erase("ms");
    }
    std::string line = SerializeJson(entry);
    if (!ms.empty()) line.insert(line.size() - 1, ",\"ms\":" + ms);
    options_.access_log(line);
  }

  void Register(HttpConnection* connection, std::weak_ptr<HttpConnection> weak) {
    std::lock_guard lock(connections_mutex_);
    connections_.emplace(connection, std::move(weak));
  }
  void Unregister(HttpConnection* connection) {
    std::lock_guard lock(connections_mutex_);
    connections_.erase(connection);
  }

 private:
  void Accept();
  void BeginShutdown();
  void WaitForHttpConnections(Clock::time_point deadline, bool forced);
  std::vector<std::shared_ptr<HttpConnection>> LiveHttpConnections() {
    std::vector<std::shared_ptr<HttpConnection>> out;
    std::lock_guard lock(connections_mutex_);
    for (auto& [raw, weak] : connections_) {
      if (auto connection = weak.lock()) out.push_back(std::move(connection));
    }
    return out;
  }
  std::size_t HttpConnectionCount() {
    std::lock_guard lock(connections_mutex_);
    return connections_.size();
  }

  HttpServerOptions options_;
  HttpHandler handler_;
  // Declared before the io_context: handlers the io_context destroys may unregister connections.
  std::mutex connections_mutex_;
  std::unordered_map<HttpConnection*, std::weak_ptr<HttpConnection>> connections_;
  net::io_context ioc_{1};
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer shutdown_timer_;
  bool stopping_ = false;  // I/O thread only
  WorkerPool pool_;
};

// One client connection: reads a request, hands it to the pool, writes the response, repeats
// while keep-alive holds. Lives on the I/O thread except for the handler call.
class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  HttpConnection(HttpServer::Impl& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "unknown" : endpoint.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~HttpConnection() { server_.Unregister(this); }

  void Start() {
    server_.Register(this, weak_from_this());
    ReadHeader();
  }

  // Shutdown: a connection waiting for a request is closed now; one whose request is being
  // handled or answered closes after its response.
  void CloseIfIdle() {
    if (state_ == State::kReading) Close();
  }
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

 private:
  // Half-closes and discards what the client still sends (the rest of a refused body) for a
  // moment, so that it reads the response instead of a connection reset.
  void CloseAfterResponse() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    drain_deadline_ = Clock::now() + std::chrono::seconds(1);
    Drain();
  }
  void Drain() {
    stream_.expires_at(drain_deadline_);
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(64 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec || self->drained_ > (8u << 20)) return self->Close();
                              self->drained_ += 64 * 1024;
                              self->Drain();
                            });
  }

  enum class State { kReading, kProcessing, kWriting };

  void ReadHeader() {
    if (server_.stopping()) return Close();
    state_ = State::kReading;
    parser_.emplace();
    parser_->header_limit(server_.options().header_limit);
    parser_->body_limit(kLargestBodyLimit);
    stream_.expires_after(server_.options().header_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    started_ = Clock::now();
    if (ec) return OnReadError(ec);
    const Request& header = parser_->get();
    method_ = std::string(header.method_string());
    target_ = std::string(header.target());
    std::uint64_t limit = server_.options().body_limit(header);
    if (parser_->content_length() && *parser_->content_length() > limit) {
      return RefuseTooLarge(limit);
    }
    parser_->body_limit(limit);
    body_limit_ = limit;
    if (parser_->is_done()) return Dispatch();
    if (beast::iequals(header[http::field::expect], "100-continue")) {
      auto reply = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(server_.options().write_timeout);
      http::async_write(
          stream_, *reply,
          [self = shared_from_this(), reply](beast::error_code write_ec, std::size_t) {
            if (write_ec) return self->Close();
            self->ReadBody();
          });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(server_.options().body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->OnReadError(ec);
                       self->Dispatch();
                     });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      keep_alive_ = false;
      return Write(
          PlainError(http::status::request_header_fields_too_large, "http.header_too_large",
                     "phần đầu yêu cầu quá lớn", "the request header is too large"),
          {});
    }
    if (ec == http::error::body_limit) return RefuseTooLarge(body_limit_);
    if (ec == beast::error::timeout) {
      // A slow client (slow-loris) or an idle keep-alive connection: close it. Log the slow
      // ones, those that had started a request.
      if (buffer_.size() > 0 || !method_.empty()) {
        LogLine("-", 408, 0, {});
      }
      return Close();
    }
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::bad_descriptor) {
      return Close();
    }
    // Anything else is a malformed request; the stream cannot be resynchronised, so close.
    keep_alive_ = false;
    Write(PlainError(http::status::bad_request, "http.malformed",
                     "yêu cầu HTTP không hợp lệ: " + ec.message(),
                     "malformed HTTP request: " + ec.message()),
          {});
  }

  void RefuseTooLarge(std::uint64_t limit) {
    keep_alive_ = false;
    Write(PlainError(http::status::payload_too_large, "http.body_too_large",
                     "nội dung yêu cầu vượt giới hạn " + std::to_string(limit) + " byte",
                     "the request body exceeds the limit of " + std::to_string(limit) + " bytes"),
          {});
  }

  void Dispatch() {
    state_ = State::kProcessing;
    stream_.expires_never();
    auto request = std::make_shared<Request>(parser_->release());
    parser_.reset();
    keep_alive_ = request->keep_alive();
    bool submitted = server_.pool().TrySubmit([self = shared_from_this(), request] {
      AccessLogFields log;
      Response response = self->Handle(*request, &log);
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response), log = std::move(log)]() mutable {
                  self->Write(std::move(response), log);
                });
    });
    if (!submitted) {
      Response busy = PlainError(http::status::service_unavailable, "http.busy",
                                 "máy chủ đang quá tải, vui lòng thử lại sau",
                                 "the server is busy, please retry shortly");
      busy.set(http::field::retry_after, "1");
      Write(std::move(busy), {});
    }
  }

  // On a worker thread.
  Response Handle(const Request& request, AccessLogFields* log) {
    Response response;
    try {
      response = server_.handler()(request, client_, log);
    } catch (const std::exception& e) {
      server_.options().access_log(SerializeJson(
          boost::json::object{{"time", UtcTimestamp()}, {"level", "error"}, {"what", e.what()}}));
      response = PlainError(http::status::internal_server_error, "internal", "lỗi nội bộ máy chủ",
                            "internal server error");
    }
    const HttpServerOptions& options = server_.options();
    std::string_view type = response[http::field::content_type];
    if (options.gzip_min_bytes > 0 && Compressible(type) &&
        response.find(http::field::content_encoding) == response.end()) {
      response.set(http::field::vary, "Accept-Encoding");
      if (response.body().size() >= options.gzip_min_bytes &&
          AcceptsGzip(request[http::field::accept_encoding])) {
        response.body() = GzipCompress(response.body());
        response.set(http::field::content_encoding, "gzip");
      }
    }
    return response;
  }

  void Write(Response response, const AccessLogFields& log) {
    state_ = State::kWriting;
    auto message = std::make_shared<Response>(std::move(response));
    message->version(11);
    message->keep_alive(keep_alive_ && !server_.stopping());
    message->set(http::field::server, "solieu");
    message->set("X-Content-Type-Options", "nosniff");
    message->set("X-Frame-Options", "DENY");
    message->set("Referrer-Policy", "no-referrer");
    if (server_.options().strict_transport_security) {
      message->set(http::field::strict_transport_security, "max-age=31536000; includeSubDomains");
    }
    message->prepare_payload();
    stream_.expires_after(server_.options().write_timeout);
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, log](beast::error_code ec, std::size_t) {
                        self->LogLine(self->method_.empty() ? "-" : self->method_,
                                      message->result_int(), message->body().size(), log);
                        if (ec) return self->Close();
                        if (!message->keep_alive()) return self->CloseAfterResponse();
                        self->method_.clear();
                        self->target_.clear();
                        self->ReadHeader();
                      });
  }

  void LogLine(const std::string& method, unsigned status, std::size_t bytes,
               const AccessLogFields& log) {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    std::string path = target_.substr(0, target_.find('?'));
    server_.Log({{"time", UtcTimestamp()},
                 {"method", method},
                 {"path", path},
                 {"status", status},
                 {"bytes", bytes},
                 {"ms", ms},
                 {"user", log.user},
                 {"client", log.client.empty() ? client_ : log.client}});
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string client_;
  State state_ = State::kReading;
  bool keep_alive_ = true;
  std::uint64_t body_limit_ = kDefaultBodyLimit;
  Clock::time_point started_ = Clock::now();
  std::string method_;
  std::string target_;
  Clock::time_point drain_deadline_;
  std::size_t drained_ = 0;
};

void HttpServer::Impl::Accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || stopping_) return;
      return Accept();  // a failed accept (out of descriptors) must not stop the server
    }
    if (stopping_) return;
    if (HttpConnectionCount() >= options_.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      std::make_shared<HttpConnection>(*this, std::move(socket))->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::BeginShutdown() {
  if (stopping_) return;
  stopping_ = true;
  beast::error_code ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  for (auto& connection : LiveHttpConnections()) connection->CloseIfIdle();
  WaitForHttpConnections(Clock::now() + options_.shutdown_grace, false);
}

// Polls until every connection has finished; past the grace period the remaining ones are closed.
void HttpServer::Impl::WaitForHttpConnections(Clock::time_point deadline, bool forced) {
  if (HttpConnectionCount() == 0) return;  // nothing keeps the io_context busy: Run() returns
  if (!forced && Clock::now() >= deadline) {
    for (auto& connection : LiveHttpConnections()) connection->Close();
    forced = true;
  }
  shutdown_timer_.expires_after(std::chrono::milliseconds(20));
  shutdown_timer_.async_wait([this, deadline, forced](beast::error_code ec) {
    if (!ec) WaitForHttpConnections(deadline, forced);
  });
}

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const {
  return impl_->port();
}

void HttpServer::Run() {
  impl_->Run();
}

void HttpServer::Stop() {
  impl_->Stop();
}

}  // namespace solieu::server
