#pragma once
// The stable string codes (and Chinese labels) of one enumeration, indexed by the enum's value.
// Each table is written once, in the .cc of its enum; storage, JSON lines, the API and the CLI
// all read the codes through the XxxCode / ParseXxx functions built on it.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace gongkai::applications {

struct CodeName {
  std::string_view code;   // stable: stored in the database and written to exports
  std::string_view label;  // Chinese, for people; "" where the enumeration has none
};

// `names[i]` names the enum value i; the enum's values must be 0 … N-1 in order.
template <typename E, size_t N>
struct CodeTable {
  std::array<CodeName, N> names;

  constexpr std::string_view Code(E value) const { return names[static_cast<size_t>(value)].code; }
  constexpr std::string_view Label(E value) const {
    return names[static_cast<size_t>(value)].label;
  }
  // The value whose code is exactly `code`; nullopt for anything else (labels are not codes).
  constexpr std::optional<E> Parse(std::string_view code) const {
    for (size_t i = 0; i < N; ++i) {
      if (names[i].code == code) return static_cast<E>(i);
    }
    return std::nullopt;
  }
};

}  // namespace gongkai::applications
