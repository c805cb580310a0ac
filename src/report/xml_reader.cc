#include "report/xml_reader.h"

#include <cstring>

namespace gongkai::report {
namespace {

constexpr int kMaxDepth = 256;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameChar(char c) {
  return !IsSpace(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\'' &&
         c != '?' && c != '!';
}

std::string_view Local(std::string_view n) {
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

}  // namespace

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string_view XmlReader::LocalName() const { return Local(name_); }

bool XmlReader::Attr(std::string_view name, std::string& value) const {
  for (const auto& [n, v] : attrs_) {
    if (n == name) {
      value = v;
      return true;
    }
  }
  if (name.find(':') == std::string_view::npos) {
    for (const auto& [n, v] : attrs_) {
      if (Local(n) == name) {
        value = v;
        return true;
      }
    }
  }
  value.clear();
  return false;
}

XmlReader::Token XmlReader::Fail(std::string msg) {
  done_ = true;
  error_ = std::move(msg) + " (offset " + std::to_string(pos_) + ")";
  return last_ = Token::kError;
}

bool XmlReader::Decode(std::string_view raw, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < raw.size()) {
    size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, amp - i));
    size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) return false;
    std::string_view e = raw.substr(amp + 1, semi - amp - 1);
    if (e == "amp") {
      out.push_back('&');
    } else if (e == "lt") {
      out.push_back('<');
    } else if (e == "gt") {
      out.push_back('>');
    } else if (e == "quot") {
      out.push_back('"');
    } else if (e == "apos") {
      out.push_back('\'');
    } else if (e.size() >= 2 && e[0] == '#') {
      bool hex = e[1] == 'x';
      size_t k = hex ? 2 : 1;
      if (k >= e.size()) return false;
      uint32_t cp = 0;
      for (; k < e.size(); ++k) {
        char c = e[k];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, no overflow
      }
      AppendUtf8(out, cp);
    } else {
      return false;  // no DTD, so no other entity is defined
    }
    i = semi + 1;
  }
  return true;
}

XmlReader::Token XmlReader::Next() {
  if (done_) return last_;
  if (pending_end_) {
    pending_end_ = false;
    stack_.pop_back();
    return last_ = Token::kEnd;
  }
  while (true) {
    if (pos_ >= s_.size()) {
      if (!stack_.empty())
        return Fail("truncated: <" + std::string(stack_.back()) + "> not closed");
      done_ = true;
      return last_ = Token::kEof;
    }
    if (s_[pos_] != '<') {
      size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) lt = s_.size();
      std::string_view raw = s_.substr(pos_, lt - pos_);
      if (!Decode(raw, text_)) return Fail("bad entity reference");
      pos_ = lt;
      return last_ = Token::kText;
    }
    std::string_view rest = s_.substr(pos_);
    if (rest.starts_with("<?")) {
      size_t end = s_.find("?>", pos_ + 2);
      if (end == std::string_view::npos) return Fail("unterminated processing instruction");
      pos_ = end + 2;
      continue;
    }
    if (rest.starts_with("<!--")) {
      size_t end = s_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) return Fail("unterminated comment");
      pos_ = end + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      size_t end = s_.find("]]>", pos_ + 9);
      if (end == std::string_view::npos) return Fail("unterminated CDATA section");
      text_.assign(s_.substr(pos_ + 9, end - pos_ - 9));
      pos_ = end + 3;
      return last_ = Token::kText;
    }
    if (rest.starts_with("<!")) return Fail("DTDs and declarations are not accepted");
    return ReadTag();
  }
}

XmlReader::Token XmlReader::ReadTag() {
  size_t i = pos_ + 1;
  bool closing = i < s_.size() && s_[i] == '/';
  if (closing) ++i;
  size_t start = i;
  while (i < s_.size() && IsNameChar(s_[i])) ++i;
  if (i == start) return Fail("bad tag name");
  name_ = s_.substr(start, i - start);
  attrs_.clear();
  if (closing) {
    while (i < s_.size() && IsSpace(s_[i])) ++i;
    if (i >= s_.size() || s_[i] != '>') return Fail("bad end tag");
    if (stack_.empty() || stack_.back() != name_) {
      return Fail("end tag </" + std::string(name_) + "> does not match");
    }
    stack_.pop_back();
    pos_ = i + 1;
    return last_ = Token::kEnd;
  }
  while (true) {
    while (i < s_.size() && IsSpace(s_[i])) ++i;
    if (i >= s_.size()) return Fail("truncated tag");
    if (s_[i] == '>') {
      ++i;
      break;
    }
    if (s_[i] == '/') {
      if (i + 1 >= s_.size() || s_[i + 1] != '>') return Fail("bad empty-element tag");
      i += 2;
      pending_end_ = true;
      break;
    }
    size_t an = i;
    while (i < s_.size() && IsNameChar(s_[i])) ++i;
    if (i == an) return Fail("bad attribute");
    std::string_view aname = s_.substr(an, i - an);
    while (i < s_.size() && IsSpace(s_[i])) ++i;
    if (i >= s_.size() || s_[i] != '=') return Fail("attribute without value");
    ++i;
    while (i < s_.size() && IsSpace(s_[i])) ++i;
    if (i >= s_.size() || (s_[i] != '"' && s_[i] != '\'')) return Fail("unquoted attribute");
    char q = s_[i++];
    size_t end = s_.find(q, i);
    if (end == std::string_view::npos) return Fail("unterminated attribute value");
    std::string_view raw = s_.substr(i, end - i);
    if (raw.find('<') != std::string_view::npos) return Fail("'<' in attribute value");
    attrs_.emplace_back(aname, std::string());
    if (!Decode(raw, attrs_.back().second)) return Fail("bad entity reference");
    i = end + 1;
  }
  if (static_cast<int>(stack_.size()) >= kMaxDepth) return Fail("nesting too deep");
  stack_.push_back(name_);
  pos_ = i;
  return last_ = Token::kStart;
}

}  // namespace gongkai::report
