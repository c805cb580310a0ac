#include "publishing/text_extract.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "report/import.h"
#include "report/ooxml.h"
#include "report/xml_reader.h"

namespace gongkai::publishing {
namespace {

using report::XmlReader;

void Quiet(const std::string&, void*) {}

Status Unreadable(std::string_view what, const std::string& why) {
  return InvalidArgument("unreadable " + std::string(what) + ": " + why,
                         std::string(what) + " 文件无法读取：" + why);
}

// poppler's page text (laid out with spaces) as trimmed lines, empty ones dropped.
std::string PageLines(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    size_t b = line.find_first_not_of(" \t\r\f");
    if (b != std::string_view::npos) {
      size_t e = line.find_last_not_of(" \t\r\f");
      if (!out.empty()) out += '\n';
      out.append(line.substr(b, e - b + 1));
    }
    pos = nl + 1;
  }
  return out;
}

Result<std::string> PdfText(std::string_view bytes) {
  static const bool quiet = [] {
    poppler::set_debug_error_function(Quiet, nullptr);
    return true;
  }();
  (void)quiet;
  if (bytes.size() > report::kPdfMaxBytes) return Unreadable("PDF", "超过 64 MB 的上限");
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) return Unreadable("PDF", "已损坏、不完整或已加密");
  if (pdf->is_locked()) return Unreadable("PDF", "已加密，需要密码才能打开");
  int pages = pdf->pages();
  if (pages > report::kPdfMaxPages) {
    return Unreadable("PDF", "超过 " + std::to_string(report::kPdfMaxPages) + " 页的上限");
  }
  std::string out;
  for (int p = 0; p < pages && out.size() < kMaxExtractedBytes; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    std::string text = PageLines(std::string_view(utf8.data(), utf8.size()));
    if (text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += text;
  }
  return out;
}

Status XmlError(const std::string& part, const XmlReader& r) {
  return Unreadable("Office", part + " 不是有效的 XML（" + r.error() + "）");
}

Result<std::string> DocxText(report::ZipPackage& pkg) {
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read("word/document.xml"));
  XmlReader r(xml);
  std::string out;
  bool in_text = false;
  for (XmlReader::Token t = r.Next(); t != XmlReader::Token::kEof; t = r.Next()) {
    if (t == XmlReader::Token::kError) return XmlError("word/document.xml", r);
    std::string_view name = r.LocalName();
    if (t == XmlReader::Token::kStart) {
      in_text = name == "t";
      if (name == "tab") out += '\t';
      if (name == "br" || name == "cr") out += '\n';
    } else if (t == XmlReader::Token::kEnd) {
      in_text = false;
      if (name == "p") out += '\n';
    } else if (in_text) {
      out += r.Text();
    }
    if (out.size() > kMaxExtractedBytes) break;
  }
  return out;
}

// xl/sharedStrings.xml: each <si>'s text runs joined.
Result<std::vector<std::string>> SharedStrings(report::ZipPackage& pkg) {
  std::vector<std::string> strings;
  if (!pkg.Has("xl/sharedStrings.xml")) return strings;
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read("xl/sharedStrings.xml"));
  XmlReader r(xml);
  bool in_text = false, in_phonetic = false;  // phonetic runs (rPh) hold readings, not text
  for (XmlReader::Token t = r.Next(); t != XmlReader::Token::kEof; t = r.Next()) {
    if (t == XmlReader::Token::kError) return XmlError("xl/sharedStrings.xml", r);
    if (t == XmlReader::Token::kStart) {
      if (r.LocalName() == "si") strings.emplace_back();
      if (r.LocalName() == "rPh") in_phonetic = true;
      in_text = r.LocalName() == "t" && !strings.empty() && !in_phonetic;
    } else if (t == XmlReader::Token::kEnd) {
      in_text = false;
      if (r.LocalName() == "rPh") in_phonetic = false;
    } else if (in_text) {
      strings.back() += r.Text();
    }
  }
  return strings;
}

// Zero-based column of a cell reference ("C7" → 2); -1 when absent or malformed.
int Column(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
  }
  return i == 0 ? -1 : col - 1;
}

// Appends the rows of one worksheet: from a row's first non-empty cell to its last, one tab per
// column step (an empty cell in between leaves two tabs).
Status SheetText(const std::string& part, std::string_view xml,
                 const std::vector<std::string>& strings, std::string& out) {
  XmlReader r(xml);
  std::vector<std::pair<int, std::string>> cells;
  std::string value, type;
  int col = -1;
  bool in_value = false;
  for (XmlReader::Token t = r.Next(); t != XmlReader::Token::kEof; t = r.Next()) {
    if (t == XmlReader::Token::kError) return XmlError(part, r);
    std::string_view name = r.LocalName();
    if (t == XmlReader::Token::kStart) {
      if (name == "row") {
        cells.clear();
        col = -1;
      } else if (name == "c") {
        std::string ref;
        r.Attr("r", ref);
        int c = Column(ref);
        col = c > col ? c : col + 1;
        type.clear();
        r.Attr("t", type);
        value.clear();
      }
      in_value = name == "v" || name == "t";
    } else if (t == XmlReader::Token::kEnd) {
      in_value = false;
      if (name == "c") {
        if (type == "s") {
          size_t index = value.empty() ? strings.size() : std::strtoul(value.c_str(), nullptr, 10);
          value = index < strings.size() ? strings[index] : "";
        }
        if (!value.empty()) cells.emplace_back(col, value);
      } else if (name == "row" && !cells.empty()) {
        out += cells[0].second;
        for (size_t k = 1; k < cells.size(); ++k) {
          out.append(static_cast<size_t>(std::min(cells[k].first - cells[k - 1].first, 64)), '\t');
          out += cells[k].second;
        }
        out += '\n';
        if (out.size() > kMaxExtractedBytes) break;
      }
    } else if (in_value) {
      value += r.Text();
    }
  }
  return Status::Ok();
}

Result<std::string> XlsxText(report::ZipPackage& pkg) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<std::string> strings, SharedStrings(pkg));
  std::string out;
  for (int n = 1; n <= 1000 && out.size() <= kMaxExtractedBytes; ++n) {
    std::string part = "xl/worksheets/sheet" + std::to_string(n) + ".xml";
    if (!pkg.Has(part)) break;
    GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read(part));
    std::string sheet;
    if (Status s = SheetText(part, xml, strings, sheet); !s.ok()) return s;
    if (sheet.empty()) continue;
    if (!out.empty()) out += '\n';
    out += sheet;
  }
  return out;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  if (s.size() > kMaxExtractedBytes) s.resize(kMaxExtractedBytes);
  return s;
}

}  // namespace

Result<std::string> ExtractText(FileKind kind, std::string_view bytes) {
  if (kind == FileKind::kPdf) {
    GONGKAI_ASSIGN_OR_RETURN(std::string text, PdfText(bytes));
    return Trimmed(std::move(text));
  }
  if (kind != FileKind::kDocx && kind != FileKind::kXlsx) return std::string();
  GONGKAI_ASSIGN_OR_RETURN(report::ZipPackage pkg, report::ZipPackage::Open(bytes));
  Result<std::string> text = kind == FileKind::kDocx ? DocxText(pkg) : XlsxText(pkg);
  if (!text.ok()) return text.status();
  return Trimmed(std::move(text).value());
}

}  // namespace gongkai::publishing
