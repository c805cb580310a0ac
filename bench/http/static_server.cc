// A minimal gongkai HTTP server for bench/http/run.sh: serves one file (a
// cached page) at /page.html from a shared_ptr<const string> with an ETag,
// the way public portal pages are served from the render cache.
// Usage: http_static_server FILE PORT [THREADS]

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "http/server.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FILE PORT [THREADS]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  auto page = std::make_shared<const std::string>(std::istreambuf_iterator<char>(in),
                                                  std::istreambuf_iterator<char>());
  uint64_t hash = 1469598103934665603ull;  // FNV-1a, as a render cache would tag a page
  for (unsigned char c : *page) hash = (hash ^ c) * 1099511628211ull;
  char etag[32];
  std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(hash));

  gongkai::http::Router router;
  router.Add("GET", "/page.html",
             [page, tag = std::string(etag)](const gongkai::http::HttpRequest&) {
               gongkai::http::HttpResponse r;
               r.shared_body = page;
               r.AddHeader("ETag", tag);
               return r;
             });
  gongkai::http::ServerOptions options;
  options.bind_address = "127.0.0.1";
  options.port = static_cast<uint16_t>(std::atoi(argv[2]));
  options.threads = argc > 3 ? std::atoi(argv[3]) : 1;
  gongkai::http::Server server(options, std::move(router));
  gongkai::Status listening = server.Listen();
  if (!listening.ok()) {
    std::fprintf(stderr, "%s\n", listening.UserMessage().c_str());
    return 1;
  }
  std::printf("serving %zu bytes on 127.0.0.1:%u with %d thread(s)\n", page->size(), server.port(),
              options.threads);
  std::fflush(stdout);
  gongkai::Status done = server.Run(/*handle_signals=*/true);
  return done.ok() ? 0 : 1;
}
