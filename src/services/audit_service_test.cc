#include "services/audit_service.h"

#include <gtest/gtest.h>

#include <set>

namespace gongkai::services {
namespace {

TEST(AuditServiceTest, EveryActionHasOneChineseName) {
  std::set<std::string_view> codes;
  for (std::string_view code : AuditActionCodes()) {
    EXPECT_TRUE(codes.insert(code).second) << code;
    EXPECT_NE(AuditActionName(code), code) << code;
  }
  EXPECT_EQ(AuditActionName("login"), "登录成功");
  EXPECT_EQ(AuditActionName("role_grant"), "授予角色");
  EXPECT_EQ(AuditActionName("no_such"), "no_such");
}

TEST(AuditServiceTest, ApplicationEventsAreNamedByType) {
  account::AuditEvent e;
  e.action = "application_event";
  e.detail = "decided 2026-06-05";
  EXPECT_EQ(AuditEventTitle(e), "记录答复");
  e.detail = "correction_requested 2026-06-05";
  EXPECT_EQ(AuditEventTitle(e), "记录补正通知");
  e.detail = "";
  EXPECT_EQ(AuditEventTitle(e), "记录办理事项");
  e.action = "password_reset";
  EXPECT_EQ(AuditEventTitle(e), "重置密码");
  EXPECT_EQ(AuditOutcomeName("denied"), "拒绝");
}

}  // namespace
}  // namespace gongkai::services
