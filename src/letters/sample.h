#pragma once
// A sample letter of every kind and outcome for agencies to proof the wording (`gongkai letter
// sample`): a fixed fictitious application (张三, 樟工信依申〔2024〕3号) to a fixed agency, with
// every input filled. Pure.

#include <optional>

#include "letters/letter.h"

namespace gongkai::letters {

// The sample letter of `kind`; for 答复书/告知书 `outcome` picks the decision (default 予以公开).
// `date` is the 成文日期; the deadlines are fixed sample dates, not computed.
Result<Letter> SampleLetter(LetterKind kind, std::optional<applications::OutcomeRow> outcome,
                            Date date);

// An outcome named by its code (3.1), printed form (（三）1) or label (予以公开, 属于国家秘密,
// 重复申请 …). kInvalidArgument otherwise.
Result<applications::OutcomeRow> ParseOutcomeName(std::string_view text);

}  // namespace gongkai::letters
