// tests/server/http_client: a real HTTP/1.1 client for the server tests (Boost.Beast, keep-alive,
// reconnecting when the server closed the connection), and a raw TCP connection for the tests
// that must misbehave (slow clients, malformed requests).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/verb.hpp>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace solieu::testing {

struct HttpResult {
  int status = 0;  // 0: no response (the connection was closed or reset)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  bool keep_alive = true;

  std::string Header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port), stream_(ioc_) {}

  HttpResult Send(boost::beast::http::verb method, const std::string& target,
                  const std::string& body = "", const Headers& headers = {});
  HttpResult Get(const std::string& target, const Headers& headers = {}) {
    return Send(boost::beast::http::verb::get, target, "", headers);
  }

 private:
  void Connect();
  HttpResult Exchange(boost::beast::http::verb method, const std::string& target,
                      const std::string& body, const Headers& headers);

  unsigned short port_;
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  bool connected_ = false;
};

// Bytes in, bytes out, nothing interpreted.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port);
  // False when the peer has closed or reset the connection.
  bool Write(const std::string& bytes);
  // Everything until the peer closes or `timeout` passes; `closed` tells which.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout, bool* closed);

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
};

}  // namespace solieu::testing
