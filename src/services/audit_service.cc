#include "services/audit_service.h"

#include <algorithm>

#include "applications/application.h"
#include "services/audit.h"

namespace gongkai::services {

namespace {

struct ActionName {
  std::string_view code;
  std::string_view name;
};

// Every action the services audit, with its Chinese name: the one table (docs/api.md lists it).
constexpr ActionName kActions[] = {
    {"login", "登录成功"},
    {"login_failed", "登录失败"},
    {"login_throttled", "登录受限（失败次数过多）"},
    {"logout", "退出登录"},
    {"csrf_rejected", "请求校验失败（CSRF）"},
    {"user_list", "查看用户列表"},
    {"user_add", "新增用户"},
    {"role_grant", "授予角色"},
    {"role_revoke", "撤销角色"},
    {"user_disable", "停用账号"},
    {"user_enable", "启用账号"},
    {"password_reset", "重置密码"},
    {"password_change", "设置密码（管理员或命令行）"},
    {"password_change_own", "修改本人密码"},
    {"user_unlock", "解除登录限制"},
    {"audit_view", "查看审计日志"},
    {"audit_verify", "校验审计链"},
    {"audit_checkpoint", "记录审计链检查点"},
    {"audit_export", "导出审计链"},
    {"agency_add", "新增机构"},
    {"agency_update", "修改机构信息"},
    {"calendar_notice_import", "导入节假日安排通知"},
    {"application_submit", "在线提交申请"},
    {"application_register", "登记申请"},
    {"application_view", "查看申请"},
    {"application_list", "查看申请列表"},
    {"application_queue", "查看办理队列"},
    {"application_event", "记录办理事项"},
    {"application_filing", "登记申请材料"},
    {"application_case_add", "登记复议或诉讼"},
    {"application_case_update", "更新复议或诉讼"},
    {"application_case", "查看复议或诉讼"},
    {"application_numbering", "设置申请编号格式"},
    {"application_report", "生成年度报告表格"},
    {"application_tables", "查看表三、表四"},
    {"application_export", "导出申请台账"},
    {"application_import", "导入申请"},
    {"application_recompute", "重新计算答复期限"},
    {"application_approval", "审批拟办答复"},
    {"approval_chain", "设置答复审批链"},
    {"approval_chain_view", "查看答复审批链"},
    {"letter_date", "修改文书成文日期"},
    {"seal_upload", "上传依申请公开专用章"},
    {"seal_remove", "删除依申请公开专用章"},
    {"seal_view", "查看依申请公开专用章"},
};

}  // namespace

std::string_view AuditActionName(std::string_view code) {
  for (const auto& a : kActions) {
    if (a.code == code) return a.name;
  }
  return code;
}

std::vector<std::string_view> AuditActionCodes() {
  std::vector<std::string_view> out;
  for (const auto& a : kActions) out.push_back(a.code);
  return out;
}

std::string AuditEventTitle(const account::AuditEvent& e) {
  if (e.action == "application_event") {
    auto type = applications::ParseEventType(e.detail.substr(0, e.detail.find(' ')));
    if (type.ok()) {
      std::string label(applications::EventTypeLabel(*type));
      if (label.rfind("作出", 0) == 0) label = label.substr(std::string("作出").size());
      return "记录" + label;
    }
  }
  return std::string(AuditActionName(e.action));
}

std::string_view AuditOutcomeName(std::string_view outcome) {
  if (outcome == "ok") return "成功";
  if (outcome == "denied") return "拒绝";
  if (outcome == "failed") return "失败";
  return outcome;
}

Result<AuditView> AuditService::Query(const account::Actor& actor, const AuditFilter& f) {
  if (!f.action.empty() && AuditActionName(f.action) == f.action) {
    return InvalidArgument("unknown action", "操作类型“" + f.action.substr(0, 40) + "”无效");
  }
  if (f.from && f.to && *f.from > *f.to) {
    return InvalidArgument("from after to", "起始日期不能晚于截止日期");
  }
  AuditView view;
  storage::AuditQuery q;
  q.actor = f.actor;
  q.action = f.action;
  // China midnight of the first day, and of the day after the last.
  constexpr int64_t kChinaOffset = 8 * 3600;
  if (f.from) q.from = f.from->ToDays() * 86400 - kChinaOffset;
  if (f.to) q.until = (f.to->ToDays() + 1) * 86400 - kChinaOffset;
  q.limit = std::clamp(f.page_size, 1, 500);
  std::string denied;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    for (const auto& a : all) {
      if (account::Can(actor, account::Permission::kViewAudit, a.id, parents)) {
        view.agencies.push_back(a);
      }
    }
    if (f.agency) {
      bool mine = std::any_of(view.agencies.begin(), view.agencies.end(),
                              [&](const agency::Agency& a) { return a.id == *f.agency; });
      if (!mine) {
        denied = "无权查看该机构的审计日志";
      } else {
        // The agency and every agency below it.
        std::vector<agency::AgencyId> scope;
        for (const auto& a : all) {
          std::optional<agency::AgencyId> cur = a.id;
          for (int depth = 0; cur && depth < 64; ++depth) {
            if (*cur == *f.agency) {
              scope.push_back(a.id);
              break;
            }
            cur = parents[*cur];
          }
        }
        q.agencies = scope;
      }
    } else if (!actor.IsSystemAdmin()) {
      if (view.agencies.empty()) denied = "无权查看审计日志（需要机构管理员或系统管理员角色）";
      std::vector<agency::AgencyId> scope;
      for (const auto& a : view.agencies) scope.push_back(a.id);
      q.agencies = scope;
    }
    if (denied.empty()) {
      // First the total, to clamp the page to the last one.
      q.offset = 0;
      q.limit = 0;
      GONGKAI_ASSIGN_OR_RETURN(storage::AuditPage count, tx->audit().Query(q));
      q.limit = std::clamp(f.page_size, 1, 500);
      view.pages = std::max<int64_t>(1, (count.total + q.limit - 1) / q.limit);
      view.page_no = std::clamp(f.page, 1, view.pages);
      q.offset = (view.page_no - 1) * q.limit;
      GONGKAI_ASSIGN_OR_RETURN(view.page, tx->audit().Query(q));
      return view;
    }
  }
  return DenyAndAudit(store_, clock_, actor, "audit_view", "audit", denied);
}

}  // namespace gongkai::services
