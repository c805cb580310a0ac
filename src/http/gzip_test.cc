#include "http/gzip.h"

#include <gtest/gtest.h>

namespace gongkai::http {
namespace {

TEST(GzipTest, AcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5, br"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.0, *"));  // named: the star does not override it
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=abc"));
  EXPECT_FALSE(AcceptsGzip(""));
}

TEST(GzipTest, CompressibleTypes) {
  EXPECT_TRUE(IsCompressibleType("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("text/csv"));
  EXPECT_TRUE(IsCompressibleType("application/json; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("image/svg+xml"));
  EXPECT_FALSE(IsCompressibleType(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  EXPECT_FALSE(IsCompressibleType("image/png"));
  EXPECT_FALSE(IsCompressibleType(""));
}

TEST(GzipTest, MemberHasTheGzipHeader) {
  std::string text(4000, 'a');
  auto gz = GzipCompress(text);
  ASSERT_TRUE(gz.ok());
  ASSERT_GE(gz->size(), 18u);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[1]), 0x8b);
  EXPECT_LT(gz->size(), 100u);
  // The trailer ends with the input size modulo 2^32, little-endian: 4000 = 0x0fa0.
  EXPECT_EQ(static_cast<unsigned char>((*gz)[gz->size() - 4]), 0xa0);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[gz->size() - 3]), 0x0f);
}

}  // namespace
}  // namespace gongkai::http
