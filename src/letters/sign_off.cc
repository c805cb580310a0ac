#include "letters/sign_off.h"

#include "report/text_util.h"

namespace gongkai::letters {

namespace {

using report::XmlEscape;

constexpr const char* kCss =
    "<style>.file-copy-mark{position:absolute;top:1em;right:1em;border:2px solid #000;"
    "padding:0 .4em;font-size:14pt}.sign-off{margin-top:2em;border-collapse:collapse;width:100%;"
    "font-size:14pt;page-break-before:always}.sign-off caption{font-size:18pt;margin-bottom:.5em}"
    ".sign-off th,.sign-off td{border:1px solid #000;padding:.2em .4em;text-align:left}</style>\n";

}  // namespace

std::string RenderSignOffHtml(const std::vector<SignOff>& sign_offs) {
  std::string out = "<table class=\"sign-off\" id=\"sign-off\">\n<caption>签发单</caption>\n";
  out +=
      "<tr><th scope=\"col\">环节</th><th scope=\"col\">姓名</th><th scope=\"col\">角色</th>"
      "<th scope=\"col\">日期</th><th scope=\"col\">意见</th></tr>\n";
  if (sign_offs.empty()) {
    out +=
        "<tr><td "
        "colspan=\"5\">本答复未经审批记录（不经审批即时生效，或为导入的历史记录）</td></tr>\n";
  }
  for (const SignOff& s : sign_offs) {
    out += "<tr><td>" + XmlEscape(s.step) + "</td><td>" + XmlEscape(s.name) + "</td><td>" +
           XmlEscape(s.role) + "</td><td>" + s.date.ToString() + "</td><td>" +
           XmlEscape(s.opinion) + "</td></tr>\n";
  }
  return out + "</table>\n";
}

Result<std::string> RenderFileCopyHtml(const Letter& letter, const Seal& seal,
                                       const std::vector<SignOff>& sign_offs) {
  GONGKAI_ASSIGN_OR_RETURN(std::string page, RenderLetterHtml(letter, seal));
  const std::string mark = "<p class=\"file-copy-mark\" id=\"file-copy\">存档联</p>\n";
  size_t body = page.find("<body>\n");
  size_t end = page.rfind("</body>");
  if (body == std::string::npos || end == std::string::npos) {
    return Internal("letter page without a body");
  }
  page.insert(end, RenderSignOffHtml(sign_offs));
  page.insert(body + 7, mark);
  size_t head = page.find("</head>");
  if (head != std::string::npos) page.insert(head, kCss);
  return page;
}

}  // namespace gongkai::letters
