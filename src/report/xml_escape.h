// report/xml_escape: makes UTF-8 text safe inside XML and HTML markup (.docx parts, HTML pages).
// Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return) are dropped,
// because Word refuses a document containing them. Depends on: nothing.
#pragma once

#include <string>
#include <string_view>

namespace solieu::report {

// For element content: escapes & < > (">" too, so "]]>" can never appear).
std::string EscapeXmlText(std::string_view text);

// For attribute values in double or single quotes: also escapes " and '.
std::string EscapeXmlAttribute(std::string_view text);

}  // namespace solieu::report
