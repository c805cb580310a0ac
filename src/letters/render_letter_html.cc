// The HTML form of a letter: one self-contained A4 page for printing, styled like a 公文 (仿宋
// body, 宋体 title, signature and date on the right with the seal over them).
#include "letters/letter.h"
#include "report/text_util.h"

namespace gongkai::letters {
namespace {

using report::XmlEscape;

constexpr const char* kCss = R"css(
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "FangSong_GB2312", "FangSong", "STFangsong", "仿宋", "SimSun", "Songti SC",
       "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; color: #000;
       max-width: 15.6cm; margin: 2em auto; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif;
     font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 0.4em; }
p { margin: 0; text-align: justify; }
p.number { text-align: center; margin-bottom: 1em; }
p.body, p.remedy { text-indent: 2em; }
.signature { position: relative; text-align: right; margin-top: 2em; padding-right: 2em; }
.seal { position: absolute; right: 2.2em; top: -1.2cm; width: 4.2cm; height: 4.2cm; }
.seal-slot { position: absolute; right: 2.2em; top: -1.2cm; width: 4.2cm; height: 4.2cm;
             border: 2px dashed #999; border-radius: 50%; color: #999; font-size: 12pt;
             display: flex; align-items: center; justify-content: center; }
.contact { margin-top: 2em; font-size: 14pt; }
@media print { body { margin: 0; max-width: none; } .seal-slot { display: none; } }
)css";

std::string Base64(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

void Para(std::string_view cls, std::string_view text, std::string& out) {
  out += "<p class=\"";
  out += cls;
  out += "\">" + XmlEscape(text) + "</p>\n";
}

}  // namespace

Result<std::string> RenderLetterHtml(const Letter& letter, const Seal& seal) {
  GONGKAI_RETURN_IF_ERROR(CheckSeal(seal));
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + XmlEscape(letter.title) + "（" + XmlEscape(letter.number) + "）</title>\n";
  out += "<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";
  out += "<h1>" + XmlEscape(letter.agency_name) + "<br>" + XmlEscape(letter.title) + "</h1>\n";
  Para("number", letter.number, out);
  Para("salutation", letter.salutation, out);
  for (const auto& p : letter.body) Para("body", p, out);
  if (!letter.remedy.empty()) Para("remedy", letter.remedy, out);
  out += "<div class=\"signature\">\n";
  if (seal.png.empty()) {
    out += "<div class=\"seal-slot\">（印章）</div>\n";
  } else {
    out += "<img class=\"seal\" alt=\"依申请公开专用章\" src=\"data:image/png;base64," +
           Base64(seal.png) + "\">\n";
  }
  Para("agency", letter.agency_name, out);
  Para("date", letter.date_text, out);
  out += "</div>\n";
  if (!letter.contact.empty()) {
    out += "<div class=\"contact\">\n";
    for (const auto& c : letter.contact) Para("contact", c, out);
    out += "</div>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gongkai::letters
