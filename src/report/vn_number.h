// report/vn_number: numbers as the department's reports print them ("1.250", "65,7",
// "21.372,1", "-7,19") and the phrases built from them ("đạt 23,3% KH", "giảm 7,19% so với cùng
// kỳ"), plus English display ("1,250", "65.7") and reading numbers typed the Vietnamese way.
// Locale-free: no std::locale, no printf; digits come from std::to_chars / std::from_chars.
// Depends on: core/error.
//
// Rounding is half away from zero on the shortest decimal that reads back as the same double,
// i.e. on the number a person typed or a spreadsheet shows: 60,47 -> "60,5"; 1,005 -> "1,01"
// (its binary value is 1.00499999999999989..., which binary-exact rounding would print as
// "1,00"); -2,5 -> "-3" at 0 decimals. This is exact for every finite double, far beyond 1e15.
// Phụ lục 01 B5 printed 78/129 = 60,47% as "60,4" and B1 truncated 111,67 to "111,6" (seed-data
// README, inconsistencies 14 and 16); those are the typist's truncations and are not imitated.
// A result that rounds to zero prints without a sign: -0,04 at 1 decimal is "0".
// `decimals` must be 0..17. Values that are not finite print as "—" (no figure).
#pragma once

#include <string>
#include <string_view>

namespace solieu::report {

// Up to `decimals` decimals, trailing zeros dropped: (1250, 0) "1.250", (65.7, 1) "65,7",
// (21372.1, 1) "21.372,1", (85.0, 1) "85", (0.4, 1) "0,4". Every integer of 4 digits or more is
// grouped ("1.047 trẻ", as the reports write it).
std::string FormatVi(double value, int decimals);
// Exactly `decimals` decimals: (85.0, 1) "85,0", (30.6, 2) "30,60", (13, 1) "13,0".
std::string FormatViTrailing(double value, int decimals);
// The same in English: (1250, 0) "1,250", (65.7, 1) "65.7", (85.0, 1) "85" / "85.0".
std::string FormatEn(double value, int decimals);
std::string FormatEnTrailing(double value, int decimals);

// The value as the formats above print it: RoundAsPrinted(60.47, 1) == 60.5. Feed this to
// plan::EvaluateStatus so a status never contradicts the printed figure.
double RoundAsPrinted(double value, int decimals);

// "đạt 23,3% KH", "đạt 100% KH", "đạt 101,1% KH": trailing zeros dropped, as the reports print
// every "% KH" ("đạt 25% KH", "đạt 22% KH").
std::string FormatPercentOfPlan(double percent, int decimals = 1);

// "tăng 391 ca so với năm 2024", "giảm 7,19% so với cùng kỳ", "giảm 6,2 điểm so với cùng kỳ",
// "tương đương so với cùng kỳ". `change` is signed (an absolute change in the figure's unit, or
// a relative change in % with unit "%"); the word is "tăng" or "giảm" by its sign and "tương
// đương" when it prints as zero at `decimals`. The magnitude keeps trailing zeros ("tăng 3,0% so
// với năm 2024", as printed in the 2025 report). A unit of "%", "‰" or "%o" is attached to the
// number; any other unit follows a space. `compared_with` is "cùng kỳ" or "năm 2024".
std::string FormatChange(double change, int decimals, std::string_view unit,
                         std::string_view compared_with);

// Reads a number typed the Vietnamese way: "1.250" -> 1250, "65,7" -> 65.7, "1.250,5",
// "-7,19", "05". A comma is the decimal mark; a dot separates thousands and must follow 1-3
// digits (no leading zero) and precede exactly 3 digits. Rejected, with the position and the
// reason in a UserError (code "number.bad_vi"): "65.7" and "1.25" (a dot that cannot separate
// thousands: 65,7 or 657?), "1234.567", "1,2,3", "1.250.5", ",5", "5,", "1 250", "+5", "", "abc".
// Surrounding blanks (space, tab, U+00A0) are ignored. `where` becomes UserError::where().
double ParseVi(std::string_view text, std::string_view where = {});

}  // namespace solieu::report
