// generate/progress: the one-line progress report of a long generation on stderr: values written
// out of the target, the rate and the time left, redrawn in place at most twice a second.
// Depends on: the standard library only.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

namespace solieu::generate {

class Progress {
 public:
  // `out` null: silent (counts only).
  Progress(std::ostream* out, double target);

  void Add(long long values) {
    done_ += values;
    if (out_ != nullptr && (done_ & 0xFFFF) < values) Draw(false);
  }
  // Starts the clock again (after the metadata, so the rate is the values' alone).
  void Restart() { start_ = last_draw_ = std::chrono::steady_clock::now(); }
  // The final line, with a newline.
  void Finish();
  long long done() const { return done_; }
  double seconds() const;

 private:
  void Draw(bool final);

  std::ostream* out_;
  double target_;
  long long done_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "12,345,678": thousands separated, for the progress line and summaries.
std::string Thousands(long long n);

}  // namespace solieu::generate
