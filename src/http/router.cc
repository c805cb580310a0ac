// Router: (method, path pattern) → handler; and the server's error pages.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/server.h"

namespace gongkai::http {

namespace {

// "/a/b" → {"a", "b"}; "/" → {}; "/a/" → {"a", ""}.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return segments;
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParam(std::string_view segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

void AppendEscapedHtml(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&#39;";
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendEscapedJson(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (u < 0x20 || u == 0x7f) {
      *out += "\\u00";
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 15]);
    } else {
      out->push_back(c);
    }
  }
}

const char* TitleFor(int status) {
  switch (status) {
    case 400:
      return "请求无效";
    case 403:
      return "禁止访问";
    case 404:
      return "页面不存在";
    case 405:
      return "请求方法不允许";
    case 408:
      return "请求超时";
    case 413:
      return "请求体过大";
    case 431:
      return "请求头过大";
    case 500:
      return "服务器内部错误";
    case 503:
      return "服务暂不可用";
    default:
      return status >= 500 ? "服务器错误" : "请求错误";
  }
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Route route;
  route.method = std::move(method);
  for (std::string_view s : SplitPath(pattern)) route.segments.emplace_back(s);
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

bool Router::PathMatches(const Route& route, const std::vector<std::string_view>& segments,
                         std::map<std::string, std::string>* params) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (IsParam(want)) {
      if (segments[i].empty()) return false;
    } else if (want != segments[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    params->clear();
    for (size_t i = 0; i < segments.size(); ++i) {
      const std::string& want = route.segments[i];
      if (IsParam(want)) (*params)[want.substr(1, want.size() - 2)] = std::string(segments[i]);
    }
  }
  return true;
}

const Handler* Router::Match(HttpRequest& request, bool* method_not_allowed) const {
  if (method_not_allowed != nullptr) *method_not_allowed = false;
  std::vector<std::string_view> segments = SplitPath(request.path);
  const Route* get_for_head = nullptr;
  bool other_method = false;
  for (const Route& route : routes_) {
    if (!PathMatches(route, segments, nullptr)) continue;
    if (route.method == request.method) {
      PathMatches(route, segments, &request.path_params);
      return &route.handler;
    }
    if (request.method == "HEAD" && route.method == "GET" && get_for_head == nullptr) {
      get_for_head = &route;
    }
    other_method = true;
  }
  if (get_for_head != nullptr) {
    PathMatches(*get_for_head, segments, &request.path_params);
    return &get_for_head->handler;
  }
  if (method_not_allowed != nullptr) *method_not_allowed = other_method;
  return nullptr;
}

std::string Router::AllowedMethods(std::string_view path) const {
  std::vector<std::string_view> segments = SplitPath(path);
  std::vector<std::string> methods;
  for (const Route& route : routes_) {
    if (!PathMatches(route, segments, nullptr)) continue;
    methods.push_back(route.method);
    if (route.method == "GET") methods.emplace_back("HEAD");
  }
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string allow;
  for (const std::string& m : methods) {
    if (!allow.empty()) allow += ", ";
    allow += m;
  }
  return allow;
}

HttpResponse Router::ErrorPage(const HttpRequest& request, int status, std::string_view code,
                               std::string_view message) const {
  if (error_page_) {
    try {
      HttpResponse r = error_page_(request, status, code, message);
      if (r.status == status) return r;
    } catch (...) {
    }
  }
  return ErrorResponse(status, request.path, code, message);
}

HttpResponse ErrorResponse(int status, std::string_view path, std::string_view code,
                           std::string_view message) {
  HttpResponse response;
  response.status = status;
  bool api = path == "/api" || path.substr(0, 5) == "/api/";
  if (api) {
    response.content_type = "application/json; charset=utf-8";
    response.body = "{\"error\":{\"code\":\"";
    AppendEscapedJson(code, &response.body);
    response.body += "\",\"message\":\"";
    AppendEscapedJson(message, &response.body);
    response.body += "\"}}";
  } else {
    std::string title = std::to_string(status) + " " + TitleFor(status);
    response.body = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>";
    response.body += title;
    response.body += "</title></head>\n<body><h1>";
    response.body += title;
    response.body += "</h1>\n<p>";
    AppendEscapedHtml(message, &response.body);
    response.body += "</p></body></html>\n";
  }
  response.AddHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace gongkai::http
