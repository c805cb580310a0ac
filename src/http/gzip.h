#pragma once
// gzip (RFC 1952) for text responses, with zlib. The server compresses a response when the
// client accepts gzip; cached public pages keep their compressed bytes (PageCache).

#include <string>
#include <string_view>

#include "core/result.h"

namespace gongkai::http {

// The gzip member of `data` (zlib level 6: fast, within a few percent of -9 on HTML).
// kInternal if zlib fails.
Result<std::string> GzipCompress(std::string_view data);

// True when an Accept-Encoding value accepts gzip: "gzip" (or "x-gzip") with a q above 0, or
// "*" with a q above 0 when gzip is not named. "gzip;q=0" refuses.
bool AcceptsGzip(std::string_view accept_encoding);

// True for the media types worth compressing: text/*, JSON, XML, SVG, JavaScript.
bool IsCompressibleType(std::string_view content_type);

}  // namespace gongkai::http
