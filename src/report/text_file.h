// report/text_file: writes a rendered report (CSV, HTML) to disk in one piece, so callers get a
// UserError naming the path instead of a silently short file. Depends on: core/error.
#pragma once

#include <filesystem>
#include <string_view>

namespace solieu::report {

// Replaces `path` with exactly `contents` (bytes as given, no BOM, no newline translation).
// Throws UserError (code "report.write_failed") if the file cannot be written.
void WriteTextFile(const std::filesystem::path& path, std::string_view contents);

}  // namespace solieu::report
