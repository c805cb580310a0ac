#pragma once
// One enum's codes and Chinese names, in enum order (the catalog's enums).
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"

namespace gongkai::catalog {

template <typename E, size_t N>
struct Names {
  std::array<std::pair<std::string_view, std::string_view>, N> rows;
  std::string_view Code(E e) const { return rows[static_cast<size_t>(e)].first; }
  std::string_view Name(E e) const { return rows[static_cast<size_t>(e)].second; }
  Result<E> Parse(std::string_view text, std::string_view what) const {
    for (size_t i = 0; i < N; ++i) {
      if (text == rows[i].first || text == rows[i].second) return static_cast<E>(i);
    }
    return InvalidArgument("unknown " + std::string(what) + ": " + std::string(text),
                           "未知的" + std::string(what) + "：" + std::string(text));
  }
};

}  // namespace gongkai::catalog
