#pragma once

#include <cstddef>
#include <string_view>

namespace gongkai {

// A file compiled into the binary (migrations, page templates), so a
// deployed `gongkai` needs no files beside it. See cmake/embed.cmake.
struct EmbeddedFile {
  std::string_view name;  // file name without folder: "001_init.sql"
  std::string_view data;
};

// Sorted by name. Defined in generated sources.
extern const EmbeddedFile kSqliteMigrations[];
extern const size_t kSqliteMigrations_count;
extern const EmbeddedFile kPageTemplates[];
extern const size_t kPageTemplates_count;

}  // namespace gongkai
