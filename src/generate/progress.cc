// generate/progress: drawing the progress line.
#include "generate/progress.h"

#include <cstdio>
#include <ostream>

namespace solieu::generate {

Progress::Progress(std::ostream* out, double target)
    : out_(out), target_(target), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Draw(bool final) {
  auto now = std::chrono::steady_clock::now();
  if (!final && now - last_draw_ < std::chrono::milliseconds(500)) return;
  last_draw_ = now;
  double elapsed = seconds();
  double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  char line[200];
  double percent = target_ > 0 ? 100.0 * static_cast<double>(done_) / target_ : 0;
  if (percent > 100) percent = 100;
  if (final) {
    std::snprintf(line, sizeof line, "%s giá trị / values, %.0f/s, %.1f s",
                  Thousands(done_).c_str(), rate, elapsed);
  } else {
    double left = rate > 0 && target_ > static_cast<double>(done_)
                      ? (target_ - static_cast<double>(done_)) / rate
                      : 0;
    std::snprintf(line, sizeof line, "%s / ~%s giá trị / values (%.0f%%), %.0f/s, còn / ETA %.0f s",
                  Thousands(done_).c_str(), Thousands(static_cast<long long>(target_)).c_str(),
                  percent, rate, left);
  }
  *out_ << '\r' << line << "\x1b[K" << (final ? "\n" : "") << std::flush;
}

void Progress::Finish() {
  if (out_ != nullptr) Draw(true);
}

std::string Thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace solieu::generate
