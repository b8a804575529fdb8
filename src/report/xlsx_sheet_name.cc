#include "report/xlsx_sheet_name.h"

#include <cstdint>

namespace solieu::report {
namespace {

constexpr int kMaxUnits = 31;  // Excel's limit, in UTF-16 code units

// Splits UTF-8 into code points; invalid bytes become U+FFFD so nothing invalid reaches Excel.
std::vector<char32_t> Decode(std::string_view text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80           ? 1
                 : (lead >> 5) == 0x6  ? 2
                 : (lead >> 4) == 0xE  ? 3
                 : (lead >> 3) == 0x1E ? 4
                                       : 0;
    char32_t point = length == 1   ? lead
                     : length == 2 ? lead & 0x1F
                     : length == 3 ? lead & 0x0F
                                   : lead & 0x07;
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      point = (point << 6) | (next & 0x3F);
    }
    out.push_back(valid ? point : U'\uFFFD');
    i += valid ? length : 1;
  }
  return out;
}

std::string Encode(const std::vector<char32_t>& points) {
  std::string out;
  for (char32_t p : points) {
    if (p < 0x80) {
      out += static_cast<char>(p);
    } else if (p < 0x800) {
      out += static_cast<char>(0xC0 | (p >> 6));
      out += static_cast<char>(0x80 | (p & 0x3F));
    } else if (p < 0x10000) {
      out += static_cast<char>(0xE0 | (p >> 12));
      out += static_cast<char>(0x80 | ((p >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (p & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (p >> 18));
      out += static_cast<char>(0x80 | ((p >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((p >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (p & 0x3F));
    }
  }
  return out;
}

int Utf16Units(char32_t point) {
  return point >= 0x10000 ? 2 : 1;
}

// Lowercase for the letters Vietnamese names use: ASCII, Latin-1 (À..Ý), Ă Đ Ĩ Ũ Ơ Ư and the
// Latin Extended Additional block (Ạ..Ỹ), where capitals sit on even code points. Other scripts
// compare as they are, which at worst lets Excel see a clash we did not.
char32_t FoldCase(char32_t p) {
  if (p >= U'A' && p <= U'Z') return p + 32;
  if (p >= 0xC0 && p <= 0xDE && p != 0xD7) return p + 32;
  const bool even_pairs = (p >= 0x100 && p <= 0x137 && p != 0x130) || (p >= 0x14A && p <= 0x177);
  if (even_pairs && p % 2 == 0) return p + 1;
  if (p == 0x1A0 || p == 0x1AF) return p + 1;
  if (p >= 0x1EA0 && p <= 0x1EF9 && p % 2 == 0) return p + 1;
  return p;
}

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  const std::vector<char32_t> x = Decode(a);
  const std::vector<char32_t> y = Decode(b);
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (FoldCase(x[i]) != FoldCase(y[i])) return false;
  }
  return true;
}

// Keeps at most `units` UTF-16 units, then drops trailing spaces and apostrophes.
std::vector<char32_t> Shorten(std::vector<char32_t> points, int units) {
  int used = 0;
  size_t keep = 0;
  while (keep < points.size() && used + Utf16Units(points[keep]) <= units) {
    used += Utf16Units(points[keep++]);
  }
  points.resize(keep);
  while (!points.empty() && (points.back() == U' ' || points.back() == U'\'')) points.pop_back();
  return points;
}

}  // namespace

std::string ExcelSheetName(std::string_view wanted, const std::vector<std::string>& taken) {
  std::vector<char32_t> base;
  for (char32_t p : Decode(wanted)) {
    if (p < 0x20) p = U' ';
    if (std::u32string_view(U"[]:*?/\\").find(p) != std::u32string_view::npos) p = U'-';
    base.push_back(p);
  }
  while (!base.empty() && (base.front() == U' ' || base.front() == U'\'')) base.erase(base.begin());
  base = Shorten(std::move(base), kMaxUnits);
  if (base.empty()) base = {U'S', U'h', U'e', U'e', U't'};

  auto is_taken = [&taken](const std::string& name) {
    for (const std::string& other : taken) {
      if (SameIgnoringCase(name, other)) return true;
    }
    return false;
  };
  std::string name = Encode(base);
  for (int n = 2; is_taken(name); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = Encode(Shorten(base, kMaxUnits - static_cast<int>(suffix.size()))) + suffix;
  }
  return name;
}

}  // namespace solieu::report
