// fuzz/fuzz_xlsx_data_values: filled Excel entry sheets through OpenDataValueSource("xlsx"), read
// to the end. Two kinds of input: raw bytes, fed as the .xlsx itself (the zip layer: truncation,
// bad headers, lying sizes, bombs); and an input starting with "XLSXPARTS\n", whose parts,
// separated by "\n--part--\n", become xl/workbook.xml, its .rels, xl/sharedStrings.xml and the two
// worksheets of an uncompressed zip built here, so that mutations reach the XML and the keys
// rather than dying in inflate. scripts/fuzz.sh seeds both kinds from fuzz/seeds/xlsx/.
#include <zlib.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "exchange/data_value_formats.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr std::string_view kPartsMagic = "XLSXPARTS\n";
constexpr std::string_view kSeparator = "\n--part--\n";
constexpr std::array<const char*, 5> kPartNames = {
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"};

void Put16(std::string& out, uint32_t value) {
  out.push_back(static_cast<char>(value & 0xFF));
  out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void Put32(std::string& out, uint32_t value) {
  Put16(out, value & 0xFFFF);
  Put16(out, value >> 16);
}

// A zip of `parts`, stored (method 0), dated 1980-01-01.
std::string StoredZip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  std::string out;
  std::string central;
  for (const auto& [name, data] : parts) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const uint32_t size = static_cast<uint32_t>(data.size());
    Put32(out, 0x04034b50);
    Put16(out, 20);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, 0x21);
    Put32(out, crc);
    Put32(out, size);
    Put32(out, size);
    Put16(out, static_cast<uint32_t>(name.size()));
    Put16(out, 0);
    out += name;
    out.append(data);

    Put32(central, 0x02014b50);
    Put16(central, 20);
    Put16(central, 20);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0x21);
    Put32(central, crc);
    Put32(central, size);
    Put32(central, size);
    Put16(central, static_cast<uint32_t>(name.size()));
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put32(central, 0);
    Put32(central, offset);
    central += name;
  }
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint32_t>(parts.size()));
  Put16(out, static_cast<uint32_t>(parts.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, central_offset);
  Put16(out, 0);
  return out;
}

std::string Archive(std::string_view input) {
  if (!input.starts_with(kPartsMagic)) return std::string(input);
  input.remove_prefix(kPartsMagic.size());
  std::vector<std::pair<std::string, std::string_view>> parts;
  for (const char* name : kPartNames) {
    size_t end = input.find(kSeparator);
    std::string_view part = input.substr(0, end);
    if (!part.empty()) parts.emplace_back(name, part);
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kSeparator.size());
  }
  return StoredZip(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(Archive(solieu::fuzz::AsText(data, size)));
  try {
    auto source = solieu::OpenDataValueSource("xlsx", in, "fuzz.xlsx");
    solieu::fuzz::Drain(*source);
  } catch (const solieu::UserError&) {
    // Bad input, refused as it should be.
  }
  return 0;
}
