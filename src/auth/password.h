// auth/password: argon2id password hashes in libsodium's self-describing string form
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so the cost can be raised later without
// invalidating stored hashes. Depends on: libsodium, core/error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace solieu {

struct PasswordCost {
  unsigned long long operations;
  std::size_t memory_bytes;

  // libsodium's interactive limits (64 MiB, 2 passes): about 0.1 s per login on a small server.
  static PasswordCost Interactive();
  // The smallest cost libsodium allows; for tests that create many accounts, never for real ones.
  static PasswordCost Minimum();
};

// Throws UserError when the password is unacceptable (shorter than 8 characters or longer than
// 1024 bytes).
// Throws UserError ("auth.weak_password", where "password") for a password shorter than 10
// characters or longer than 1024 bytes, or one that is the username.
void CheckPasswordPolicy(std::string_view password, std::string_view username);

std::string HashPassword(std::string_view password,
                         PasswordCost cost = PasswordCost::Interactive());

// False for a wrong password and for a hash that is not an argon2id string.
bool VerifyPassword(const std::string& hash, std::string_view password);

}  // namespace solieu
