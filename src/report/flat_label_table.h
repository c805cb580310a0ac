#pragma once
// A small immutable-after-build string table for the template labels (a few hundred keys, looked
// up once or more per table cell): open addressing over a power-of-two array, a hash that reads
// only the length and the first and last eight bytes (labels differ there; equal hashes are
// resolved by comparing the keys), and a bitmap of the key lengths so that most misses (prose,
// cells of other lengths) are rejected without hashing. Internal to src/report.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::report {

inline uint64_t QuickLabelHash(std::string_view s) {
  const size_t n = s.size();
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, s.data(), 4);
    std::memcpy(&y, s.data() + n - 4, 4);
    a = x;
    b = y;
  } else {
    for (size_t i = 0; i < n; ++i) a = (a << 8) | static_cast<unsigned char>(s[i]);
  }
  uint64_t h = (a ^ (n * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
  h ^= (b + (h >> 31)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

template <typename V>
class FlatLabelTable {
 public:
  // Adds `key` unless it is present (like unordered_map::emplace); returns whether it added.
  bool Insert(std::string_view key, V value) {
    if (Find(key) != nullptr) return false;
    keys_.emplace_back(key);
    values_.push_back(value);
    size_t len = key.size() < 255 ? key.size() : 255;
    lengths_[len / 64] |= uint64_t{1} << (len % 64);
    if (keys_.size() * 2 > slots_.size()) {
      Rehash(slots_.empty() ? 64 : slots_.size() * 2);
    } else {
      Place(keys_.size() - 1);
    }
    return true;
  }

  const V* Find(std::string_view key) const {
    size_t len = key.size() < 255 ? key.size() : 255;
    if ((lengths_[len / 64] & (uint64_t{1} << (len % 64))) == 0) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = QuickLabelHash(key) & mask;; i = (i + 1) & mask) {
      int32_t k = slots_[i];
      if (k < 0) return nullptr;
      const std::string& s = keys_[k];
      if (s.size() == key.size() && std::memcmp(s.data(), key.data(), key.size()) == 0) {
        return &values_[k];
      }
    }
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // The keys in insertion order.
  const std::vector<std::string>& keys() const { return keys_; }
  size_t size() const { return keys_.size(); }

 private:
  void Rehash(size_t n) {
    slots_.assign(n, -1);
    for (size_t k = 0; k < keys_.size(); ++k) Place(k);
  }
  void Place(size_t k) {
    const size_t mask = slots_.size() - 1;
    size_t i = QuickLabelHash(keys_[k]) & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int32_t>(k);
  }

  std::vector<std::string> keys_;
  std::vector<V> values_;
  std::vector<int32_t> slots_;          // index into keys_, or -1
  uint64_t lengths_[4] = {0, 0, 0, 0};  // bit n: a key of n bytes (255: 255 or more)
};

}  // namespace gongkai::report
