// HttpRequest helpers: headers, cookies, query strings and form bodies.

#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/server.h"

namespace gongkai::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Decodes leniently: a malformed escape is kept as it is.
std::string DecodeLenient(std::string_view in) {
  std::string out;
  if (PercentDecode(in, /*plus_as_space=*/true, &out)) return out;
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < in.size() && HexValue(in[i + 1]) >= 0 &&
               HexValue(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(in[i + 1]) * 16 + HexValue(in[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The first value of `name` in a urlencoded text, decoded; "" when absent.
std::string FindUrlEncoded(std::string_view text, std::string_view name) {
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    // Fast path: most keys need no decoding.
    bool plain = key.find_first_of("%+") == std::string_view::npos;
    if (plain ? key != name : DecodeLenient(key) != name) continue;
    return eq == std::string_view::npos ? std::string() : DecodeLenient(pair.substr(eq + 1));
  }
  return {};
}

}  // namespace

std::string PercentEncode(std::string_view in) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> result;
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string value =
        eq == std::string_view::npos ? std::string() : DecodeLenient(pair.substr(eq + 1));
    result.emplace_back(DecodeLenient(pair.substr(0, eq)), std::move(value));
  }
  return result;
}

const std::string* HttpRequest::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return &value;
  }
  return nullptr;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  for (const auto& [header, value] : headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view item = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      size_t eq = item.find('=');
      if (eq == std::string_view::npos || Trim(item.substr(0, eq)) != name) continue;
      std::string_view v = Trim(item.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return {};
}

std::string HttpRequest::Query(std::string_view name) const {
  return FindUrlEncoded(query_string, name);
}

const MultipartForm& HttpRequest::Multipart() const {
  if (multipart_cache == nullptr) {
    const std::string* type = Header("content-type");
    multipart_cache = std::make_shared<const MultipartForm>(
        ParseMultipart(type == nullptr ? std::string_view() : std::string_view(*type), body));
  }
  return *multipart_cache;
}

std::string HttpRequest::Form(std::string_view name) const {
  const std::string* type = Header("content-type");
  if (type == nullptr) return {};
  if (!MultipartBoundary(*type).empty()) {
    for (const auto& [k, v] : Multipart().fields) {
      if (k == name) return v;
    }
    return {};
  }
  std::string_view t = *type;
  t = Trim(t.substr(0, t.find(';')));
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  if (t.size() != kForm.size()) return {};
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kForm[i]) return {};
  }
  return FindUrlEncoded(body, name);
}

std::string HttpRequest::PathParam(const std::string& name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string() : it->second;
}

}  // namespace gongkai::http
