#pragma once
// Reading the audit log (审计日志): in Chinese, filtered and paged. System administrators see
// every event; an agency administrator (kViewAudit) the events concerning their agencies and the
// agencies below them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/permissions.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

// The Chinese name of an audit action code ("login" → "登录成功"); the code itself when unknown.
// The one table of action names (audit_service.cc).
std::string_view AuditActionName(std::string_view code);
// Every known action code, in the table's order (the filter's choices).
std::vector<std::string_view> AuditActionCodes();
// The Chinese name of one event: AuditActionName, except that a recorded application event is
// named by its type ("application_event" with detail "decided 2026-06-05" → "记录答复").
std::string AuditEventTitle(const account::AuditEvent& event);
// "ok" → "成功", "denied" → "拒绝", "failed" → "失败".
std::string_view AuditOutcomeName(std::string_view outcome);

struct AuditFilter {
  std::string actor;                       // exact username; "" = anyone
  std::string action;                      // action code; "" = any
  std::optional<agency::AgencyId> agency;  // this agency and those below it
  std::optional<Date> from, to;            // China dates, inclusive
  int page = 1;                            // 1-based
  int page_size = 50;
};

struct AuditView {
  storage::AuditPage page;  // this page's events and the total
  int page_no = 1;
  int pages = 1;
  // The agencies the actor may filter by (all for system administrators), parents first.
  std::vector<agency::Agency> agencies;
};

class AuditService {
 public:
  AuditService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // kPermissionDenied (audited) when the actor may see no agency's log, or filters by an agency
  // outside theirs; kInvalidArgument for a bad filter (from after to, unknown action).
  Result<AuditView> Query(const account::Actor& actor, const AuditFilter& filter);

 private:
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::services
