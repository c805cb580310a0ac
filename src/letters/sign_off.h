#pragma once
// The file copy (存档联) of a letter: the letter as sent, marked 存档联, with the 签发单 — who
// drafted, reviewed and signed the decision (拟办 / 法制审核 / 签发 …), with role and date — for
// the agency's file. Pure.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "letters/letter.h"

namespace gongkai::letters {

// One step of the decision's approval as signed.
struct SignOff {
  std::string step;  // 拟办, 法制审核, 签发 …
  std::string name;  // the person (display name, or the name written on paper)
  std::string role;  // 依申请公开经办人, 法制审核, 签发领导 …
  Date date;
  std::string opinion;  // 审核意见 (may be empty)
};

// The 签发单 as an HTML table (escaped); says 本答复未经审批记录 when `sign_offs` is empty (a
// decision recorded without approval, e.g. imported history).
std::string RenderSignOffHtml(const std::vector<SignOff>& sign_offs);

// The letter's printable page (RenderLetterHtml) marked 存档联 with the 签发单 after the letter.
Result<std::string> RenderFileCopyHtml(const Letter& letter, const Seal& seal,
                                       const std::vector<SignOff>& sign_offs);

}  // namespace gongkai::letters
