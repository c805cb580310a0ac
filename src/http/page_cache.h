#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"

namespace gongkai::http {

// Public pages rendered once and served as the same bytes until public
// content changes (the store's public generation moves). Chinese government
// CMSs publish static pages for the same reason: rendering costs ~200 µs,
// serving cached bytes ~20 µs. Thread-safe.
class PageCache {
 public:
  struct Page {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip;  // the body gzipped once, at render
    std::string etag;                         // "\"g<generation>-<hash>\""
  };
  // The cached page for `key` at `generation`, rendering it with `render`
  // when missing or older. Errors from `render` are returned, not cached.
  Result<Page> Get(const std::string& key, int64_t generation,
                   const std::function<Result<std::string>()>& render);

 private:
  struct Entry {
    int64_t generation = -1;
    Page page;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace gongkai::http
