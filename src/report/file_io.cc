#include "report/file_io.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gongkai::report {

namespace fs = std::filesystem;

Result<std::string> ReadReportFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return NotFound("no such file: " + path, "文件不存在：" + path);
  }
  if (fs::is_directory(path, ec)) {
    return InvalidArgument("is a directory: " + path, "这是一个目录，不是文件：" + path);
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > (64u << 20)) {
    return InvalidArgument("file too large: " + path,
                           "文件过大（超过 64 MB），不是年度报告：" + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot open " + path, "无法打开文件：" + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return InvalidArgument("read error: " + path, "读取文件出错：" + path);
  return ss.str();
}

Status WriteOutputFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Unavailable("cannot write " + path, "无法写入文件：" + path);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return Unavailable("write failed: " + path, "写入文件失败：" + path);
  return Status::Ok();
}

Result<std::vector<std::string>> ListReportFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) return NotFound("no such path: " + p, "文件或目录不存在：" + p);
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace gongkai::report
