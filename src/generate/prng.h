// generate/prng: the generator's randomness. Every draw is a pure function of the seed and the
// draw's coordinates (a counter-based SplitMix64 hash), so a value does not depend on the order in
// which others were drawn, and the transforms use only + - * / and sqrt (correctly rounded by
// IEEE 754): no std::*_distribution (implementation-defined) and no libm exp/log/cos (not
// guaranteed bit-identical across libm versions). Same seed, same bytes, on every machine.
// Depends on: the standard library only.
#pragma once

#include <cmath>
#include <cstdint>

namespace solieu::generate {

inline std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// What a draw is for; keeps draws at the same coordinates for different purposes independent.
enum class DrawTag : std::uint64_t {
  kFacilityKind = 1,
  kFacilitySize,
  kFacilityReliability,
  kElementRate,
  kReportsElement,
  kReportsMonth,
  kCellPresent,
  kCount,
};

// A hash of the seed, the tag and up to four coordinates.
inline std::uint64_t Draw(std::uint64_t seed, DrawTag tag, std::uint64_t a, std::uint64_t b = 0,
                          std::uint64_t c = 0, std::uint64_t d = 0) {
  std::uint64_t h = SplitMix64(seed ^ static_cast<std::uint64_t>(tag));
  h = SplitMix64(h ^ a);
  h = SplitMix64(h ^ b);
  h = SplitMix64(h ^ c);
  return SplitMix64(h ^ d);
}

// Uniform on [0, 1) from the top 53 bits.
inline double Unit(std::uint64_t h) {
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

// A short stream of uniforms from one draw, for transforms that need several.
class UnitStream {
 public:
  explicit UnitStream(std::uint64_t state) : state_(state) {}
  double Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Unit(SplitMix64(state_));
  }

 private:
  std::uint64_t state_;
};

// e^-x for 0 <= x <= 64 from its Taylor series on x/64, squared six times: basic arithmetic only.
inline double ExpNeg(double x) {
  double y = x / 64.0, term = 1.0, sum = 1.0;
  for (int k = 1; k <= 20; ++k) {
    term *= -y / k;
    sum += term;
  }
  for (int i = 0; i < 6; ++i) sum *= sum;
  return sum;
}

// A Poisson count of mean `lambda`: inversion below 30, a normal approximation above it (Irwin-Hall
// sum of 12 uniforms, error far below the model's own roughness), never negative.
inline std::int64_t PoissonCount(double lambda, UnitStream& u) {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    double target = u.Next(), p = ExpNeg(lambda), cdf = p;
    std::int64_t k = 0;
    while (target > cdf && k < 400) {
      ++k;
      p *= lambda / static_cast<double>(k);
      cdf += p;
    }
    return k;
  }
  double z = -6.0;
  for (int i = 0; i < 12; ++i) z += u.Next();
  double x = lambda + std::sqrt(lambda) * z + 0.5;
  return x < 0 ? 0 : static_cast<std::int64_t>(x);
}

// A probability `base` with its odds multiplied by `scale` (> 0): monotone in scale, 0 and 1 stay
// put, scale 1 gives base back. The one knob that moves sparsity towards a target value count.
inline double ScaleOdds(double base, double scale) {
  return base * scale / (1.0 + base * (scale - 1.0));
}

}  // namespace solieu::generate
