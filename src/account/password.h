#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace gongkai::account {

// argon2id parameters. The defaults follow RFC 9106's second recommended
// option scaled to a server: 64 MiB, 3 passes, 1 lane (~60 ms here).
struct PasswordParams {
  uint32_t memory_kib = 64 * 1024;
  uint32_t passes = 3;
  uint32_t lanes = 1;
};

// Hashes with a fresh 16-byte salt; returns the PHC string
// "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>". kInternal if libargon2 fails.
Result<std::string> HashPassword(std::string_view password, const PasswordParams& params = {});
// True when `password` matches `encoded`; false for any mismatch or a
// malformed hash. Constant-time in the comparison (libargon2).
bool VerifyPassword(std::string_view password, const std::string& encoded);

// `bytes` random bytes from the OS CSPRNG (OpenSSL RAND_bytes), base64url
// without padding: session tokens, CSRF tokens. kInternal if the CSPRNG fails.
Result<std::string> RandomToken(size_t bytes = 32);
// Hex SHA-256, for storing tokens: the database never holds a usable token.
std::string Sha256Hex(std::string_view data);
// Constant-time equality for secrets.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace gongkai::account
