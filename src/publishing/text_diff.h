#pragma once
// A readable difference between two revisions' texts, for an item's history: a line-level diff
// (Myers, O((N+M)·D), common head and tail trimmed first) and, inside each changed line paired
// with its replacement, a diff by UTF-8 code points (Chinese has no spaces to split words at).
// Bounded: more than kMaxLineEdits line edits, or kMaxCharEdits code-point edits in one line,
// degrade to "all old lines deleted, all new inserted" (the line shown whole). Pure.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::publishing {

inline constexpr int kMaxLineEdits = 1000;
inline constexpr int kMaxCharEdits = 400;

enum class EditOp : uint8_t { kSame, kDelete, kInsert };

// The shortest edit script turning `a` into `b` (kSame and kDelete consume one of `a`, kSame and
// kInsert one of `b`); when longer than `max_edits`, every kDelete then every kInsert between
// the common head and tail.
std::vector<EditOp> EditScript(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                               int max_edits);

// HTML for the history page: <div class="diff"> with one <div class="diff-line diff-same|
// diff-del|diff-ins"> per shown line; the changed code points of a replaced line in <del> (old)
// and <ins> (new), a line with no counterpart wholly so; runs of more than 2·`context`
// unchanged lines collapsed into <div class="diff-skip">（未改动 N 行）</div>; all text
// escaped. <p class="diff-none">两个版本的文字相同</p> when nothing changed.
std::string DiffHtml(std::string_view old_text, std::string_view new_text, int context = 2);

// The unified form for the CLI: "--- old_label", "+++ new_label", hunks "@@ -a,b +c,d @@" with
// `context` lines around each change, lines prefixed " ", "-", "+". "" when nothing changed.
std::string DiffUnified(std::string_view old_text, std::string_view new_text,
                        std::string_view old_label, std::string_view new_label, int context = 3);

}  // namespace gongkai::publishing
