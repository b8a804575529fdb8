// auth/secret: random secrets (session ids, CSRF tokens, API tokens) and the digests the store
// keeps instead of them. The secrets are 32 random bytes, so a fast digest (SHA-256) is enough:
// there is nothing to brute-force, unlike a password. Depends on: libsodium.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace solieu {

// `bytes` random bytes from the system's CSPRNG, as unpadded base64url text.
std::string RandomSecret(std::size_t bytes = 32);

// The SHA-256 digest of `text`, as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view text);

// Compares without an early exit, so the time taken does not tell how much of a secret matched.
bool EqualsInConstantTime(std::string_view a, std::string_view b);

}  // namespace solieu
