#include "publishing/text_diff.h"

#include <algorithm>
#include <unordered_map>

#include "publishing/html_lexer.h"

namespace gongkai::publishing {
namespace {

// The middle of `a` and `b` after their common head and tail, by Myers' greedy algorithm; false
// when more than `max_d` edits are needed.
bool Myers(const uint32_t* a, int n, const uint32_t* b, int m, int max_d,
           std::vector<EditOp>& out) {
  const int limit = std::min(n + m, max_d);
  std::vector<int> v(2 * static_cast<size_t>(limit) + 3, 0);
  const int off = limit + 1;
  std::vector<std::vector<int>> trace;  // trace[d]: v[-d..d] before step d
  for (int d = 0; d <= limit; ++d) {
    trace.emplace_back(v.begin() + off - d, v.begin() + off + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                       : v[off + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      if (x < n || y < m) continue;
      std::vector<EditOp> rev;
      for (int e = d; e > 0; --e) {
        const std::vector<int>& pv = trace[e];  // v after step e-1, indexed -e..e
        auto at = [&](int kk) { return pv[kk + e]; };
        int kk = x - y;
        int prev_k = (kk == -e || (kk != e && at(kk - 1) < at(kk + 1))) ? kk + 1 : kk - 1;
        int px = at(prev_k), py = px - prev_k;
        while (x > px && y > py) rev.push_back(EditOp::kSame), --x, --y;
        rev.push_back(x == px ? EditOp::kInsert : EditOp::kDelete);
        x = px;
        y = py;
      }
      while (x > 0 && y > 0) rev.push_back(EditOp::kSame), --x, --y;
      out.insert(out.end(), rev.rbegin(), rev.rend());
      return true;
    }
  }
  return false;
}

struct Unit {
  size_t begin, len;
};

// The code points of `s` (an invalid byte is a unit of its own) and their values.
std::vector<Unit> CodePoints(std::string_view s, std::vector<uint32_t>& values) {
  std::vector<Unit> units;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) len = 1;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) len = 1;
    }
    uint32_t v = 0;
    for (size_t k = 0; k < len; ++k) v = (v << 8) | static_cast<unsigned char>(s[i + k]);
    units.push_back({i, len});
    values.push_back(v);
    i += len;
  }
  return units;
}

std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

struct LineOp {
  EditOp op;
  std::string_view text;
  size_t old_no, new_no;  // 1-based line numbers the op is at
};

std::vector<LineOp> LineDiff(std::string_view old_text, std::string_view new_text) {
  std::vector<std::string_view> a = Lines(old_text), b = Lines(new_text);
  std::unordered_map<std::string_view, uint32_t> ids;
  auto id = [&](std::string_view l) { return ids.emplace(l, ids.size()).first->second; };
  std::vector<uint32_t> ia, ib;
  for (auto l : a) ia.push_back(id(l));
  for (auto l : b) ib.push_back(id(l));
  std::vector<LineOp> ops;
  size_t i = 0, j = 0;
  for (EditOp op : EditScript(ia, ib, kMaxLineEdits)) {
    ops.push_back({op, op == EditOp::kInsert ? b[j] : a[i], i + 1, j + 1});
    if (op != EditOp::kInsert) ++i;
    if (op != EditOp::kDelete) ++j;
  }
  return ops;
}

// `line` with the code points not shared with `other` wrapped in <tag>…</tag>.
void Highlight(std::string& out, std::string_view line, std::string_view other, bool old_side) {
  std::vector<uint32_t> va, vb;
  std::vector<Unit> ua = CodePoints(old_side ? line : other, va);
  std::vector<Unit> ub = CodePoints(old_side ? other : line, vb);
  const std::vector<Unit>& mine = old_side ? ua : ub;
  const EditOp skip = old_side ? EditOp::kInsert : EditOp::kDelete;
  const char* tag = old_side ? "del" : "ins";
  bool open = false;
  size_t k = 0;
  for (EditOp op : EditScript(va, vb, kMaxCharEdits)) {
    if (op == skip) continue;
    bool changed = op != EditOp::kSame;
    if (changed != open)
      out += changed ? std::string("<") + tag + ">" : std::string("</") + tag + ">";
    open = changed;
    AppendEscaped(out, line.substr(mine[k].begin, mine[k].len), false);
    ++k;
  }
  if (open) out += std::string("</") + tag + ">";
}

void HtmlLine(std::string& out, const char* cls, std::string_view body_html) {
  out += "<div class=\"diff-line ";
  out += cls;
  out += "\">";
  out += body_html;
  out += "</div>\n";
}

std::string Escaped(std::string_view s) {
  std::string out;
  AppendEscaped(out, s, false);
  return out;
}

}  // namespace

std::vector<EditOp> EditScript(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                               int max_edits) {
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<EditOp> out(head, EditOp::kSame);
  const int n = static_cast<int>(a.size() - head - tail),
            m = static_cast<int>(b.size() - head - tail);
  if (!Myers(a.data() + head, n, b.data() + head, m, max_edits, out)) {
    out.insert(out.end(), static_cast<size_t>(n), EditOp::kDelete);
    out.insert(out.end(), static_cast<size_t>(m), EditOp::kInsert);
  }
  out.insert(out.end(), tail, EditOp::kSame);
  return out;
}

std::string DiffHtml(std::string_view old_text, std::string_view new_text, int context) {
  std::vector<LineOp> ops = LineDiff(old_text, new_text);
  if (std::all_of(ops.begin(), ops.end(), [](const LineOp& o) { return o.op == EditOp::kSame; })) {
    return "<p class=\"diff-none\">两个版本的文字相同</p>";
  }
  std::string out = "<div class=\"diff\">\n";
  const size_t ctx = static_cast<size_t>(std::max(context, 0));
  for (size_t i = 0; i < ops.size();) {
    if (ops[i].op == EditOp::kSame) {
      size_t end = i;
      while (end < ops.size() && ops[end].op == EditOp::kSame) ++end;
      size_t show_head = i == 0 ? 0 : ctx, show_tail = end == ops.size() ? 0 : ctx;
      size_t run = end - i;
      if (run <= show_head + show_tail + 1) show_head = run, show_tail = 0;
      for (size_t k = 0; k < show_head; ++k) HtmlLine(out, "diff-same", Escaped(ops[i + k].text));
      if (run > show_head + show_tail) {
        out += "<div class=\"diff-skip\">（未改动 " + std::to_string(run - show_head - show_tail) +
               " 行）</div>\n";
      }
      for (size_t k = end - show_tail; k < end && show_tail > 0; ++k) {
        HtmlLine(out, "diff-same", Escaped(ops[k].text));
      }
      i = end;
      continue;
    }
    std::vector<std::string_view> dels, ins;
    for (; i < ops.size() && ops[i].op != EditOp::kSame; ++i) {
      (ops[i].op == EditOp::kDelete ? dels : ins).push_back(ops[i].text);
    }
    for (size_t k = 0; k < dels.size(); ++k) {
      std::string body;
      if (k < ins.size()) {
        Highlight(body, dels[k], ins[k], true);
      } else {
        body = "<del>" + Escaped(dels[k]) + "</del>";
      }
      HtmlLine(out, "diff-del", body);
    }
    for (size_t k = 0; k < ins.size(); ++k) {
      std::string body;
      if (k < dels.size()) {
        Highlight(body, ins[k], dels[k], false);
      } else {
        body = "<ins>" + Escaped(ins[k]) + "</ins>";
      }
      HtmlLine(out, "diff-ins", body);
    }
  }
  return out + "</div>";
}

std::string DiffUnified(std::string_view old_text, std::string_view new_text,
                        std::string_view old_label, std::string_view new_label, int context) {
  std::vector<LineOp> ops = LineDiff(old_text, new_text);
  const size_t ctx = static_cast<size_t>(std::max(context, 0));
  std::string out;
  for (size_t i = 0; i < ops.size();) {
    if (ops[i].op == EditOp::kSame) {
      ++i;
      continue;
    }
    // A hunk: from `ctx` lines before this change to `ctx` after the last change that is within
    // 2·ctx unchanged lines of the next.
    size_t begin = i >= ctx ? i - ctx : 0, end = i;
    while (end < ops.size()) {
      size_t same = end;
      while (same < ops.size() && ops[same].op == EditOp::kSame) ++same;
      if (same == ops.size() || same - end > 2 * ctx) {
        end = std::min(same, end + ctx);
        break;
      }
      end = same;
      while (end < ops.size() && ops[end].op != EditOp::kSame) ++end;
    }
    size_t old_count = 0, new_count = 0;
    for (size_t k = begin; k < end; ++k) {
      old_count += ops[k].op != EditOp::kInsert;
      new_count += ops[k].op != EditOp::kDelete;
    }
    if (out.empty()) {
      out = "--- " + std::string(old_label) + "\n+++ " + std::string(new_label) + "\n";
    }
    size_t old_start = old_count ? ops[begin].old_no : ops[begin].old_no - 1;
    size_t new_start = new_count ? ops[begin].new_no : ops[begin].new_no - 1;
    out += "@@ -" + std::to_string(old_start) + "," + std::to_string(old_count) + " +" +
           std::to_string(new_start) + "," + std::to_string(new_count) + " @@\n";
    for (size_t k = begin; k < end; ++k) {
      out += ops[k].op == EditOp::kSame ? ' ' : ops[k].op == EditOp::kDelete ? '-' : '+';
      out += ops[k].text;
      out += '\n';
    }
    i = end;
  }
  return out;
}

}  // namespace gongkai::publishing
