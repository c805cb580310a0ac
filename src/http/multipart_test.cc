#include "http/multipart.h"

#include <gtest/gtest.h>

namespace gongkai::http {
namespace {

constexpr char kType[] = "multipart/form-data; boundary=----WebKitFormBoundaryA1b2";

TEST(MultipartTest, ParsesFieldsAndFilesAsBrowsersSendThem) {
  std::string body =
      "------WebKitFormBoundaryA1b2\r\n"
      "Content-Disposition: form-data; name=\"contact.name\"\r\n\r\n"
      "李明\r\n"
      "------WebKitFormBoundaryA1b2\r\n"
      "Content-Disposition: form-data; name=\"attachment_id_copy\"; filename=\"身份证.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n"
      "%PDF-1.4\r\n--not a boundary\r\n"
      "------WebKitFormBoundaryA1b2\r\n"
      "Content-Disposition: form-data; name=\"attachment_description\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n"
      "\r\n"
      "------WebKitFormBoundaryA1b2--\r\n";
  MultipartForm f = ParseMultipart(kType, body);
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  ASSERT_EQ(f.fields.size(), 1u);
  EXPECT_EQ(f.fields[0], (std::pair<std::string, std::string>{"contact.name", "李明"}));
  ASSERT_EQ(f.files.size(), 1u);  // the empty file input is left out
  EXPECT_EQ(f.files[0].field, "attachment_id_copy");
  EXPECT_EQ(f.files[0].filename, "身份证.pdf");
  EXPECT_EQ(f.files[0].content_type, "application/pdf");
  EXPECT_EQ(f.files[0].data, "%PDF-1.4\r\n--not a boundary");
}

TEST(MultipartTest, KeepsBackslashesAndDecodesExtendedNames) {
  std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"C:\\dir\\a.pdf\"\r\n\r\nx\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"x\"; "
      "filename*=UTF-8''%E4%B8%AD.pdf\r\n\r\ny\r\n--b--";
  MultipartForm f = ParseMultipart("multipart/form-data; boundary=\"b\"", body);
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  ASSERT_EQ(f.files.size(), 2u);
  EXPECT_EQ(f.files[0].filename, "C:\\dir\\a.pdf");
  EXPECT_EQ(f.files[1].filename, "中.pdf");
}

TEST(MultipartTest, RefusesMalformedBodies) {
  const std::string msg =
      "上传的表单格式不正确（multipart/form-data 无法解析），请刷新页面后重新提交";
  for (const char* body : {
           "",                                                                // nothing
           "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",  // no closing boundary
           "--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--",               // no disposition
           "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b--",
           "--b\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nv\r\n--b--",  // no name
           "--bXContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--",
       }) {
    MultipartForm f = ParseMultipart("multipart/form-data; boundary=b", body);
    EXPECT_EQ(f.status.code(), StatusCode::kInvalidArgument) << body;
    EXPECT_EQ(f.status.UserMessage(), msg);
  }
  EXPECT_FALSE(ParseMultipart("application/x-www-form-urlencoded", "a=1").status.ok());
  std::string many;
  for (int i = 0; i <= 100; ++i)
    many += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n";
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=b", many + "--b--").status.ok());
}

TEST(MultipartTest, BoundaryComesFromTheContentTypeOnly) {
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"a b\""), "a b");
  EXPECT_EQ(MultipartBoundary("multipart/mixed; boundary=abc"), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data"), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')), "");
}

}  // namespace
}  // namespace gongkai::http
