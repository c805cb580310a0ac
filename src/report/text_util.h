#pragma once
// Small UTF-8 text helpers shared by the importers and renderers. Pure, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::report {

// The form labels are compared in: whitespace of every kind removed (so "商业 企业" and a line
// break inside a cell do not matter), full-width ASCII folded to half-width (（一）→(一), ：→:),
// quotation marks dropped (危及“三安全一稳定”). Invalid UTF-8 bytes are kept as they are.
std::string NormalizeLabel(std::string_view s);
void NormalizeLabelInto(std::string_view s, std::string& out);
// The same without a copy when nothing changes: returns `s` itself, or else appends the
// normalised text to `buffer` and returns a view of it (valid while `buffer` is not reallocated;
// the result is never longer than `s`).
std::string_view NormalizeLabelView(std::string_view s, std::string& buffer);

// Trims ASCII and full-width/no-break spaces at both ends.
std::string_view TrimSpace(std::string_view s);

// Parses a cell as written in a report. Full-width digits are accepted; thousands separators are
// not (an importer reports them). `scale` 1 for integers; 10000 for amounts (0.0001 units).
// `allow_negative` for 本年增/减. nullopt when the text is not such a number or its magnitude
// exceeds 10^12 (absurd for any cell of the form).
std::optional<int64_t> ParseCellNumber(std::string_view text, int64_t scale, bool allow_negative);

// The same for text already passed through NormalizeLabel (no allocation).
std::optional<int64_t> ParseNormalizedNumber(std::string_view normalized, int64_t scale,
                                             bool allow_negative);

// True when the (normalised) text looks like a number at all ("12", "-3", "0.5", "1e30", "1,000").
bool LooksNumeric(std::string_view normalized);

// Formats a stored amount (0.0001 units) as the shortest exact decimal: 12500 → "1.25", 0 → "0".
std::string FormatAmount(int64_t units);

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Escapes &, <, >, " for HTML/XML text and attributes.
std::string XmlEscape(std::string_view s);

}  // namespace gongkai::report
