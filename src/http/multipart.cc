// multipart/form-data parsing. Browsers send
//   --BOUNDARY\r\n
//   Content-Disposition: form-data; name="field"; filename="a.pdf"\r\n
//   Content-Type: application/pdf\r\n
//   \r\n
//   <bytes>\r\n
//   --BOUNDARY--\r\n
// Quoted parameter values are taken as the WHATWG HTML standard writes them: up to the next
// quote, no backslash escapes (browsers percent-encode a quote as %22 and send a backslash as
// it is), so a backslash in a file name stays visible to the name check.
#include "http/multipart.h"

#include <optional>

#include "http/server.h"

namespace gongkai::http {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The parameters after the first ';' of a header value: {lower-case name, value}.
std::vector<std::pair<std::string, std::string>> Params(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;  // past ';'
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    size_t eq = value.find('=', i);
    size_t semi = value.find(';', i);
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {
      i = semi;
      continue;
    }
    std::string name = LowerCopy(TrimSpace(value.substr(i, eq - i)));
    size_t v = eq + 1;
    std::string param;
    if (v < value.size() && value[v] == '"') {
      size_t close = value.find('"', v + 1);
      if (close == std::string_view::npos) close = value.size();
      param = std::string(value.substr(v + 1, close - v - 1));
      i = value.find(';', close);
    } else {
      size_t end = value.find(';', v);
      param =
          std::string(TrimSpace(value.substr(v, end == std::string_view::npos ? end : end - v)));
      i = end;
    }
    out.emplace_back(std::move(name), std::move(param));
  }
  return out;
}

std::optional<std::string> Param(const std::vector<std::pair<std::string, std::string>>& params,
                                 std::string_view name) {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return std::nullopt;
}

// filename*=UTF-8''%E4%B8%AD.pdf (RFC 5987) → the decoded name; nullopt when not of that form.
std::optional<std::string> ExtendedValue(const std::string& v) {
  size_t quote = v.find("''");
  if (quote == std::string::npos || LowerCopy(v.substr(0, quote)) != "utf-8") return std::nullopt;
  std::string out;
  if (!PercentDecode(std::string_view(v).substr(quote + 2), false, &out)) return std::nullopt;
  return out;
}

Status Malformed(const std::string& why) {
  return InvalidArgument(
      "multipart: " + why,
      "上传的表单格式不正确（multipart/form-data 无法解析），请刷新页面后重新提交");
}

// One part's headers → its field name and file name (nullopt: not a file) and content type.
Status ReadHeaders(std::string_view block, std::string* name, std::optional<std::string>* file,
                   std::string* type) {
  bool disposition = false;
  while (!block.empty()) {
    size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Malformed("header line without a colon");
    std::string key = LowerCopy(TrimSpace(line.substr(0, colon)));
    std::string_view value = TrimSpace(line.substr(colon + 1));
    if (key == "content-type") {
      *type = std::string(value);
    } else if (key == "content-disposition") {
      if (LowerCopy(TrimSpace(value.substr(0, value.find(';')))) != "form-data") {
        return Malformed("disposition is not form-data");
      }
      auto params = Params(value);
      auto n = Param(params, "name");
      if (!n) return Malformed("part without a name");
      *name = *n;
      if (auto ext = Param(params, "filename*")) {
        *file = ExtendedValue(*ext);
        if (!*file) return Malformed("bad filename*");
      } else if (auto plain = Param(params, "filename")) {
        *file = *plain;
      }
      disposition = true;
    }
  }
  return disposition ? Status::Ok() : Malformed("part without Content-Disposition");
}

}  // namespace

std::string MultipartBoundary(std::string_view content_type) {
  if (LowerCopy(TrimSpace(content_type.substr(0, content_type.find(';')))) !=
      "multipart/form-data") {
    return "";
  }
  auto b = Param(Params(content_type), "boundary");
  if (!b || b->empty() || b->size() > 70) return "";
  return *b;
}

MultipartForm ParseMultipart(std::string_view content_type, std::string_view body) {
  MultipartForm form;
  std::string boundary = MultipartBoundary(content_type);
  if (boundary.empty()) {
    form.status = Malformed("no boundary");
    return form;
  }
  const std::string delimiter = "--" + boundary;
  const std::string next_delimiter = "\r\n" + delimiter;
  size_t pos;
  if (body.starts_with(delimiter)) {
    pos = delimiter.size();
  } else {
    size_t first = body.find(next_delimiter);  // after a preamble
    if (first == std::string_view::npos) {
      form.status = Malformed("no boundary in the body");
      return form;
    }
    pos = first + next_delimiter.size();
  }
  for (size_t parts = 0;; ++parts) {
    if (body.substr(pos, 2) == "--") return form;  // the closing delimiter; the epilogue is ignored
    if (parts >= kMaxMultipartParts) {
      form.status = Malformed("too many parts");
      return form;
    }
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") {
      form.status = Malformed("no CRLF after a boundary");
      return form;
    }
    pos += 2;
    size_t header_end;
    if (body.substr(pos, 2) == "\r\n") {
      header_end = pos;  // no headers
    } else {
      header_end = body.substr(pos, kMaxPartHeaderBytes + 4).find("\r\n\r\n");
      if (header_end == std::string_view::npos) {
        form.status = Malformed("part headers too long or unterminated");
        return form;
      }
      header_end += pos;
    }
    std::string name, type;
    std::optional<std::string> file;
    Status s = ReadHeaders(body.substr(pos, header_end - pos), &name, &file, &type);
    if (!s.ok()) {
      form.status = s;
      return form;
    }
    size_t start = header_end + (header_end == pos ? 2 : 4);
    size_t end = body.find(next_delimiter, start);
    if (end == std::string_view::npos) {
      form.status = Malformed("no closing boundary");
      return form;
    }
    std::string_view data = body.substr(start, end - start);
    if (!file) {
      form.fields.emplace_back(std::move(name), std::string(data));
    } else if (!file->empty() || !data.empty()) {
      form.files.push_back({std::move(name), std::move(*file), std::move(type), std::string(data)});
    }
    pos = end + next_delimiter.size();
  }
}

}  // namespace gongkai::http
