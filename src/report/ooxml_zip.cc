// ZipPackage: a ZIP archive read from memory with libzip, every entry size-capped.
#include <algorithm>

#include "report/ooxml.h"

namespace gongkai::report {

void ZipPackage::Closer::operator()(zip_t* z) const { zip_discard(z); }

Result<ZipPackage> ZipPackage::Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    zip_error_fini(&error);
    return InvalidArgument("zip_source_buffer_create failed", "无法读取压缩包（XLSX/DOCX）");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (za == nullptr) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return InvalidArgument("not a readable zip archive: " + why,
                           "文件以压缩包（ZIP）开头，但已损坏或不完整，无法作为 XLSX/DOCX 读取");
  }
  zip_error_fini(&error);
  ZipPackage pkg;
  pkg.zip_.reset(za);
  return pkg;
}

bool ZipPackage::Has(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

Result<std::string> ZipPackage::Read(const std::string& name) {
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0) {
    return InvalidArgument("missing zip entry " + name, "压缩包中缺少 " + name);
  }
  const std::string too_big =
      "压缩包中的 " + name + " 解压后超过 64 MB（可能是压缩炸弹），拒绝读取";
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > kMaxEntryBytes) {
    return InvalidArgument("zip entry too large: " + name, too_big);
  }
  zip_file_t* f = zip_fopen_index(zip_.get(), index, 0);
  if (f == nullptr) {
    return InvalidArgument("cannot open zip entry " + name,
                           "无法解压 " + name + "（压缩方式不支持、已加密或文件损坏）");
  }
  std::string out;
  char buf[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      return InvalidArgument("zip read error in " + name, "解压 " + name + " 时出错（文件损坏）");
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > kMaxEntryBytes ||
        total_read_ + out.size() + static_cast<size_t>(n) > kMaxEntryBytes) {
      zip_fclose(f);
      return InvalidArgument("zip entry too large: " + name, too_big);
    }
    out.append(buf, static_cast<size_t>(n));
  }
  zip_fclose(f);
  total_read_ += out.size();
  return out;
}

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (src == nullptr) return Internal("zip_source_buffer_create failed", "无法生成 DOCX");
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(src);
    return Internal("zip_open_from_source failed", "无法生成 DOCX");
  }
  zip_source_keep(src);
  for (const ZipEntry& entry : entries) {
    zip_source_t* s = zip_source_buffer(za, entry.data.data(), entry.data.size(), 0);
    if (s == nullptr || zip_file_add(za, entry.name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      if (s != nullptr) zip_source_free(s);
      zip_discard(za);
      zip_source_free(src);
      return Internal("zip_file_add failed", "无法生成 DOCX");
    }
  }
  if (zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(src);
    return Internal("zip_close failed", "无法生成 DOCX");
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
    out.resize(st.size);
    zip_int64_t n = zip_source_read(src, out.data(), st.size);
    zip_source_close(src);
    if (n < 0)
      out.clear();
    else
      out.resize(static_cast<size_t>(n));
  }
  zip_source_free(src);
  if (out.empty()) return Internal("reading the zip buffer failed", "无法生成 DOCX");
  return out;
}

}  // namespace gongkai::report
