// core/error: the one error type for bad input of any kind (files, codes, values, rights).
// Owns: the bilingual message and where the problem is. Depends on: the standard library only.
#pragma once

#include <stdexcept>
#include <string>

namespace solieu {

// A user-facing error: the input (a file, a code, a value, a request) is wrong, not the program.
// It names what, where and why, in Vietnamese and in English. Callers that write to a store
// throw it before committing, so the stored data stays exactly as it was.
class UserError : public std::runtime_error {
 public:
  UserError(std::string code, std::string message_vi, std::string message_en,
            std::string where = {});

  // A stable machine-readable code such as "config.unknown_parent".
  const std::string& code() const { return code_; }
  const std::string& message_vi() const { return message_vi_; }
  const std::string& message_en() const { return message_en_; }
  // "file:line field" or another locator; empty when the error is not tied to a place.
  const std::string& where() const { return where_; }

 private:
  std::string code_;
  std::string message_vi_;
  std::string message_en_;
  std::string where_;
};

}  // namespace solieu
