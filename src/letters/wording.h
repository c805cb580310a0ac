#pragma once
// The fixed wording of every letter, as data: one entry per letter kind and per decision outcome
// (with variants), each a list of paragraphs with placeholders and the articles it cites. The
// tables themselves are in wording.cc; docs/letters.md prints them.
//
// Template syntax: {名称} is replaced by the value of that name; a paragraph's required values
// must be present or BuildLetter fails naming them. [ … ] is an optional segment, dropped when any
// value inside it is missing. A paragraph that is exactly {*名称} expands to one paragraph per
// item of a list value (补正事项, 计费明细).

#include <span>
#include <string_view>
#include <vector>

namespace gongkai::letters {

struct Wording {
  std::string_view key;  // outcome code ("3.1"), variant ("4.1.other"), or kind ("correction")
  std::vector<std::string_view> paragraphs;
  std::vector<std::string_view> articles;  // cited, in order
};

// Every entry, in table order.
std::span<const Wording> AllWordings();
// The entry for `key`, or nullptr.
const Wording* FindWording(std::string_view key);

// Shared sentences.
inline constexpr std::string_view kStatute = "《中华人民共和国政府信息公开条例》";
inline constexpr std::string_view kOpening =
    "本机关于{收到日期}收到{你}提出的政府信息公开申请，{你}申请获取“{内容}”的政府信息。";
inline constexpr std::string_view kPartsIntro =
    "经审查，{你}申请获取的政府信息中，有的可以公开，有的不予公开或者无法提供，能够作区分处理。"
    "根据《中华人民共和国政府信息公开条例》第三十七条的规定，现分别答复如下：";
inline constexpr std::string_view kRemedy =
    "如对本{文书}不服，可以在收到本{文书}之日起六十日内向{复议机关}申请行政复议，或者在六个月内"
    "向{法院}提起行政诉讼。";
inline constexpr std::string_view kDefaultProvision =
    "现随本答复书提供该政府信息（见附件），请查收";
inline constexpr std::string_view kDefaultSpecialRules = "有关法律、行政法规的规定";

}  // namespace gongkai::letters
