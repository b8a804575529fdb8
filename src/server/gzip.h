// server/gzip: gzip (RFC 1952) compression of response bodies through zlib, and the reading of a
// request's Accept-Encoding. Depends on: zlib.
#pragma once

#include <string>
#include <string_view>

namespace solieu::server {

// The gzip member holding `data`, at zlib's default level (a good size/time balance for JSON).
std::string GzipCompress(std::string_view data);

// The inverse, for tests and for clients that upload gzip; throws std::runtime_error on corrupt
// input or when the output would exceed `limit` bytes (a decompression bomb).
std::string GzipDecompress(std::string_view data, std::size_t limit);

// Whether an Accept-Encoding header value admits gzip: "gzip", "gzip;q=0.5", "*", but not
// "gzip;q=0" nor "identity".
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace solieu::server
