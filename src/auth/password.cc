#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

#include "core/error.h"

namespace solieu {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

void CheckPasswordPolicy(std::string_view password, std::string_view username) {
  size_t characters = 0;
  for (unsigned char c : password) characters += (c & 0xC0) != 0x80 ? 1 : 0;
  if (characters < 10) {
    throw UserError("auth.weak_password", "mật khẩu phải có ít nhất 10 ký tự",
                    "the password must have at least 10 characters", "password");
  }
  if (password.size() > 1024) {
    throw UserError("auth.weak_password", "mật khẩu dài quá 1024 byte",
                    "the password is longer than 1024 bytes", "password");
  }
  if (password == username) {
    throw UserError("auth.weak_password", "mật khẩu không được trùng tên đăng nhập",
                    "the password must not be the username", "password");
  }
}

std::string HashPassword(std::string_view password, PasswordCost cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  size_t characters = 0;
  for (char c : password) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (characters < 8 || password.size() > 1024) {
    throw UserError("auth.weak_password", "mật khẩu phải dài từ 8 ký tự (tối đa 1024 byte)",
                    "the password must be at least 8 characters long (at most 1024 bytes)",
                    "password");
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), cost.operations,
                            cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id hashing ran out of memory");
  }
  return hash;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  if (hash.rfind("$argon2id$", 0) != 0 || password.size() > 1024) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace solieu
