#include "http/page_cache.h"

#include "http/gzip.h"

namespace gongkai::http {

namespace {
// FNV-1a: the ETag only has to change when the bytes do.
uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

Result<PageCache::Page> PageCache::Get(const std::string& key, int64_t generation,
                                       const std::function<Result<std::string>()>& render) {
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.generation == generation) return it->second.page;
  }
  // Render outside the lock; two threads may both render once, which is fine.
  GONGKAI_ASSIGN_OR_RETURN(std::string body, render());
  char etag[48];
  std::snprintf(etag, sizeof etag, "\"g%lld-%016llx\"", static_cast<long long>(generation),
                static_cast<unsigned long long>(Fnv1a(body)));
  GONGKAI_ASSIGN_OR_RETURN(std::string gzip, GzipCompress(body));
  Page page{std::make_shared<const std::string>(std::move(body)),
            std::make_shared<const std::string>(std::move(gzip)), etag};
  std::lock_guard lock(mu_);
  Entry& e = entries_[key];
  if (e.generation <= generation) e = Entry{generation, page};
  return page;
}

}  // namespace gongkai::http
