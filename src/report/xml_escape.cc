#include "report/xml_escape.h"

namespace solieu::report {
namespace {

std::string Escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      default:
        if (byte < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML
        out += ch;
    }
  }
  return out;
}

}  // namespace

std::string EscapeXmlText(std::string_view text) {
  return Escape(text, false);
}

std::string EscapeXmlAttribute(std::string_view text) {
  return Escape(text, true);
}

}  // namespace solieu::report
