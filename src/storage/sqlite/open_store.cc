// The one place that knows every storage backend.
#include <filesystem>

#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"

namespace gongkai::storage {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  std::string path = url;
  if (url.rfind("sqlite:", 0) == 0) {
    path = url.substr(7);
  } else if (url.find("://") != std::string::npos) {
    return InvalidArgument("unsupported database URL " + url,
                           "不支持的数据库地址“" + url + "”（本版本支持 sqlite:路径）");
  }
  if (path.empty()) return InvalidArgument("empty database path", "数据库路径为空");
  if (path != ":memory:") {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Unavailable("create " + parent.string() + ": " + ec.message(),
                         "无法创建数据目录“" + parent.string() + "”：" + ec.message());
    }
  }
  GONGKAI_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(path));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace gongkai::storage
