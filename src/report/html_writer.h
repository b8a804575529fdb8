// report/html_writer: a report as one standalone HTML5 page (lang="vi", UTF-8, CSS in a <style>
// element, no external resources), with real <table>s: thead/tbody, rowspan/colspan, borders.
// The markup is also well-formed XML (void elements self-closed), so tests can parse it strictly.
// Numeric cells carry their machine value in data-value="1250" for scripts.
// Depends on: report/report_table, report/table_layout, report/xml_escape, core/error.
#pragma once

#include <filesystem>
#include <string>

#include "report/report_table.h"

namespace solieu::report {

// Throws UserError if a table's merges are inconsistent (see TableLayout).
std::string RenderHtml(const ReportDocument& document);

// Throws UserError if a table is inconsistent or the file cannot be written.
void WriteHtmlFile(const ReportDocument& document, const std::filesystem::path& path);

}  // namespace solieu::report
