// Label index, normalised cells and template detection for the interpreter (label_index.h).
#include "report/label_index.h"

#include "report/header_labels.h"
#include "report/text_util.h"

namespace gongkai::report::interp {

namespace {

std::string StripNumbering(const std::string& n) {
  // "1.属于国家秘密" → "属于国家秘密"; also "1、" and "(1)".
  size_t i = 0;
  while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
  if (i > 0 && i < n.size() && (n[i] == '.' || n[i] == ',')) return n.substr(i + 1);
  if (i > 0 && n.compare(i, 3, "、") == 0) return n.substr(i + 3);
  return n;
}

LabelIndex BuildIndex(const ReportTemplate& t) {
  LabelIndex ix;
  auto add = [&](const std::string& label, Place p) {
    std::string n = NormalizeLabel(label);
    ix.labels.Insert(n, p);
    std::string s = StripNumbering(n);
    if (s != n && !IsKnownHeaderLabel(t, s)) ix.labels.Insert(s, p);
  };
  for (int b = 0; b < static_cast<int>(t.table2.size()); ++b) {
    for (int r = 0; r < static_cast<int>(t.table2[b].rows.size()); ++r) {
      add(t.table2[b].rows[r], {2, b, r});
      for (const auto& v : t.table2[b].row_variants[r]) add(v, {2, b, r});
    }
  }
  for (int r = 0; r < static_cast<int>(t.table3.size()); ++r) {
    add(t.table3[r].label, {3, 0, r});
    for (const auto& v : t.table3[r].variants) add(v, {3, 0, r});
    if (!t.table3[r].block.empty()) ix.group_prefixes.push_back(NormalizeLabel(t.table3[r].block));
    if (!t.table3[r].group.empty()) ix.group_prefixes.push_back(NormalizeLabel(t.table3[r].group));
  }
  ix.group_prefixes.push_back(NormalizeLabel("本年度办理结果"));
  return ix;
}

}  // namespace

const LabelIndex& IndexFor(TemplateVersion v) {
  static const LabelIndex k2021 = BuildIndex(GetTemplate(TemplateVersion::k2021));
  static const LabelIndex k2019 = BuildIndex(GetTemplate(TemplateVersion::k2019));
  return v == TemplateVersion::k2021 ? k2021 : k2019;
}

bool Lookup(const LabelIndex& ix, std::string_view n, Place& out) {
  if (LookupAsWritten(ix, n, out)) return true;
  // "1、申请人…" where the template writes "1.申请人…": the numbering is stripped and retried.
  size_t i = 0;
  while (i < n.size() && i < 2 && n[i] >= '0' && n[i] <= '9') ++i;
  if (i == 0) return false;
  if (n.compare(i, 3, "、") == 0) {
    std::string dotted = std::string(n.substr(0, i)) + "." + std::string(n.substr(i + 3));
    return LookupAsWritten(ix, dotted, out) || LookupAsWritten(ix, n.substr(i + 3), out);
  }
  if (i < n.size() && (n[i] == '.' || n[i] == ','))
    return LookupAsWritten(ix, n.substr(i + 1), out);
  return false;
}

bool LookupAsWritten(const LabelIndex& ix, std::string_view n, Place& out) {
  for (int guard = 0; guard < 4; ++guard) {
    if (const Place* found = ix.labels.Find(n)) {
      out = *found;
      return true;
    }
    bool stripped = false;
    for (const auto& p : ix.group_prefixes) {
      // First and last byte before the whole compare: most cells start with no prefix.
      if (n.size() > p.size() && !p.empty() && n[0] == p[0] && n[p.size() - 1] == p.back() &&
          n.compare(0, p.size(), p) == 0) {
        n.remove_prefix(p.size());
        stripped = true;
        break;
      }
    }
    if (!stripped) return false;
  }
  return false;
}

Norms::Norms(const Document& doc) {
  size_t bytes = 0, count = 0;
  for (const DocRow& row : doc.rows) {
    if (row.kind == RowKind::kParagraph) continue;
    count += row.cells.size();
    for (const auto& c : row.cells) bytes += c.size();
  }
  buf_.reserve(bytes);
  cells_.reserve(count);
  numeric_.reserve(count);
  first_.reserve(doc.rows.size() + 1);
  for (const DocRow& row : doc.rows) {
    first_.push_back(cells_.size());
    if (row.kind == RowKind::kParagraph) continue;
    for (std::string_view c : row.cells) {
      // A plain number (most cells) is its own normalised form, and numeric.
      size_t d = 0;
      while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
      if (d != 0 && d == c.size()) {
        cells_.push_back(c);
        numeric_.push_back(1);
        continue;
      }
      std::string_view v = NormalizeLabelView(c, buf_);
      cells_.push_back(v);
      numeric_.push_back(!v.empty() && LooksNumeric(v) ? 1 : 0);
    }
  }
  first_.push_back(cells_.size());
}

TemplateVersion DetectTemplate(const Document& doc, const Norms& norms, int& votes) {
  votes = 0;
  const LabelIndex& i21 = IndexFor(TemplateVersion::k2021);
  const LabelIndex& i19 = IndexFor(TemplateVersion::k2019);
  for (size_t r = 0; r < doc.rows.size(); ++r) {
    NormRow row = norms.Row(r);
    for (size_t i = 0; i < row.size(); ++i) {
      std::string_view n = row[i];
      if (n.empty() || row.Numeric(i)) continue;
      votes += TemplateSignature(n);
      Place p;
      bool in21 = Lookup(i21, n, p), in19 = Lookup(i19, n, p);
      if (in21 && !in19) ++votes;
      if (in19 && !in21) --votes;
    }
    if (votes >= 4 || votes <= -4) break;  // decided: table 二 headers come first
  }
  return votes >= 0 ? TemplateVersion::k2021 : TemplateVersion::k2019;
}

}  // namespace gongkai::report::interp
