#include "core/uid.h"

#include <cstdint>

namespace solieu {
namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kAlphanumerics =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

// FNV-1a over the bytes, then a SplitMix64 finaliser for good bit spread; two seeds give the
// ~65 bits an 11-character uid can hold.
uint64_t Hash(std::string_view text, uint64_t seed) {
  uint64_t h = 1469598103934665603ULL ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h += 0x9E3779B97F4A7C15ULL;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

bool IsAlphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string DeriveUid(std::string_view kind, std::string_view key) {
  std::string material(kind);
  material += '\x1f';
  material += key;
  uint64_t a = Hash(material, 0);
  uint64_t b = Hash(material, 0x5A5A5A5A5A5A5A5AULL);
  std::string uid;
  uid.push_back(kLetters[a % kLetters.size()]);
  a /= kLetters.size();
  for (int i = 1; i < 11; ++i) {
    uint64_t& source = (i < 6) ? a : b;
    uid.push_back(kAlphanumerics[source % kAlphanumerics.size()]);
    source /= kAlphanumerics.size();
  }
  return uid;
}

bool IsValidUid(std::string_view text) {
  if (text.size() != 11) return false;
  char first = text[0];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  for (char c : text) {
    if (!IsAlphanumeric(c)) return false;
  }
  return true;
}

}  // namespace solieu
