#include "audit/chain.h"

#include <openssl/sha.h>

#include <cstring>

namespace gongkai::audit {

namespace {

void AppendField(std::string& out, std::string_view bytes) {
  uint32_t n = static_cast<uint32_t>(bytes.size());
  unsigned char len[4] = {static_cast<unsigned char>(n >> 24), static_cast<unsigned char>(n >> 16),
                          static_cast<unsigned char>(n >> 8), static_cast<unsigned char>(n)};
  out.append(reinterpret_cast<const char*>(len), 4);
  out.append(bytes);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Digest Sha256(std::string_view bytes) {
  Digest d;
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), d.data());
  return d;
}

std::string LeafBytes(const LeafFields& e) {
  std::string out = "GKAUDIT1";
  out.reserve(8 + 9 * 4 + 64 + e.actor.size() + e.action.size() + e.target.size() +
              e.outcome.size() + e.remote_addr.size());
  AppendField(out, std::to_string(e.id));
  AppendField(out, std::to_string(e.at));
  AppendField(out, e.actor_user_id ? std::to_string(*e.actor_user_id) : std::string());
  AppendField(out, e.actor);
  AppendField(out, e.action);
  AppendField(out, e.target);
  AppendField(out, e.outcome);
  AppendField(out, e.remote_addr);
  AppendField(out, AsBytes(Sha256(e.detail)));
  return out;
}

Digest LeafHash(const LeafFields& entry) { return Sha256(LeafBytes(entry)); }

Digest ChainHash(const Digest& prev, const Digest& leaf) {
  unsigned char both[64];
  std::memcpy(both, prev.data(), 32);
  std::memcpy(both + 32, leaf.data(), 32);
  Digest d;
  SHA256(both, sizeof both, d.data());
  return d;
}

std::string Hex(const Digest& d) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = kDigits[d[i] >> 4];
    out[2 * i + 1] = kDigits[d[i] & 15];
  }
  return out;
}

std::optional<Digest> ParseHex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Digest d;
  for (size_t i = 0; i < d.size(); ++i) {
    int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    d[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return d;
}

std::optional<Digest> FromBytes(std::string_view bytes) {
  if (bytes.size() != 32) return std::nullopt;
  Digest d;
  std::memcpy(d.data(), bytes.data(), 32);
  return d;
}

std::string_view AsBytes(const Digest& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
}

}  // namespace gongkai::audit
