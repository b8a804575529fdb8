#include "http_client.h"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <thread>

namespace solieu::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

void HttpClient::Connect() {
  beast::error_code ignored;
  stream_.socket().close(ignored);
  buffer_.clear();
  stream_.expires_after(std::chrono::seconds(30));
  stream_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  connected_ = true;
}

HttpResult HttpClient::Send(http::verb method, const std::string& target, const std::string& body,
                            const Headers& headers) {
  // A failure on a reused connection may only mean the server closed it while idle: retry once
  // on a new one. Status 0 when there is still no response (refused, reset, closed).
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!connected_ || attempt > 0) Connect();
      return Exchange(method, target, body, headers);
    } catch (const beast::system_error&) {
      connected_ = false;
    }
  }
  return HttpResult{};
}

HttpResult HttpClient::Exchange(http::verb method, const std::string& target,
                                const std::string& body, const Headers& headers) {
  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.keep_alive(true);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() && request.find(http::field::content_type) == request.end()) {
    request.set(http::field::content_type, "application/json");
  }
  request.body() = body;
  request.prepare_payload();
  stream_.expires_after(std::chrono::seconds(60));
  http::write(stream_, request);
  http::response_parser<http::string_body> parser;
  parser.body_limit(200u << 20);
  http::read(stream_, buffer_, parser);
  auto& response = parser.get();
  HttpResult result;
  result.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value(field.value());
    auto [it, inserted] = result.headers.emplace(name, value);
    if (!inserted) it->second += "\n" + value;
  }
  result.body = response.body();
  result.keep_alive = response.keep_alive();
  if (!result.keep_alive) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
    connected_ = false;
  }
  return result;
}

RawConnection::RawConnection(unsigned short port) : socket_(ioc_) {
  socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
}

bool RawConnection::Write(const std::string& bytes) {
  beast::error_code ec;
  net::write(socket_, net::buffer(bytes), ec);
  return !ec;
}

std::string RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout, bool* closed) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  socket_.non_blocking(true);
  *closed = false;
  char chunk[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    beast::error_code ec;
    size_t n = socket_.read_some(net::buffer(chunk), ec);
    if (ec == net::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (ec) {
      *closed = true;
      break;
    }
    out.append(chunk, n);
  }
  return out;
}

}  // namespace solieu::testing
