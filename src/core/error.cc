#include "core/error.h"

#include <utility>

namespace solieu {
namespace {

std::string Compose(const std::string& where, const std::string& vi, const std::string& en) {
  std::string out;
  if (!where.empty()) out += where + ": ";
  out += vi;
  out += " / ";
  out += en;
  return out;
}

}  // namespace

UserError::UserError(std::string code, std::string message_vi, std::string message_en,
                     std::string where)
    : std::runtime_error(Compose(where, message_vi, message_en)),
      code_(std::move(code)),
      message_vi_(std::move(message_vi)),
      message_en_(std::move(message_en)),
      where_(std::move(where)) {}

}  // namespace solieu
