#include "auth/credentials.h"

#include "auth/secret.h"

namespace solieu {

std::string CsrfTokenFor(std::string_view cookie_value) {
  return Sha256Hex("solieu csrf\n" + std::string(cookie_value));
}

IssuedSession NewSession(const std::string& username, const std::string& client, std::int64_t now) {
  IssuedSession session;
  session.cookie_value = RandomSecret();
  session.csrf_token = CsrfTokenFor(session.cookie_value);
  session.record = {
      Sha256Hex(session.cookie_value), username, Sha256Hex(session.csrf_token), client, now, now};
  return session;
}

IssuedApiToken NewApiToken(const std::string& username, const std::string& label,
                           std::int64_t now) {
  IssuedApiToken issued;
  issued.token = std::string(kApiTokenPrefix) + RandomSecret();
  issued.record = {Sha256Hex(issued.token), username, label, now};
  return issued;
}

}  // namespace solieu
