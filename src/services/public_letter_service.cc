#include "services/public_letter_service.h"

namespace gongkai::services {

Result<PublicLetter> PublicLetterService::ServedLetter(const PublicCredentials& credentials,
                                                       bool docx) {
  GONGKAI_ASSIGN_OR_RETURN(PublicStatusView v, applications_.PublicLookup(credentials));
  if (!v.delivered || !v.outcome) {
    return FailedPrecondition("letter not served", "答复书尚未送达；送达后可在本页下载");
  }
  // The credentials are the authorization: the letter is read as the system would.
  account::Actor reader = account::Actor::Console();
  reader.name = "public-lookup";
  LetterRequest request;
  request.kind = letters::DefaultKindFor({*v.outcome});
  // 不予公开 / 部分公开: the reasons are those recorded with the decision.
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, applications_.Get(reader, v.id));
  for (const applications::Event& e : d.app.events) {
    if (e.type == applications::EventType::kDecided) request.reason = e.note;
  }
  Result<letters::Letter> built = letters_.Build(reader, v.id, request);
  if (!built.ok() && built.status().code() == StatusCode::kInvalidArgument) {
    // The ledger lacks what the letter states (e.g. the reasons): the agency must send it.
    return FailedPrecondition("public letter: " + built.status().message(),
                              "答复书暂时无法在线生成，请联系受理机关索取");
  }
  GONGKAI_ASSIGN_OR_RETURN(letters::Letter letter, std::move(built));
  GONGKAI_ASSIGN_OR_RETURN(letters::Seal seal, seals_.ForApplication(v.id));
  PublicLetter out;
  out.file_name = letter.number + letter.title + (docx ? ".docx" : ".html");
  if (docx) {
    GONGKAI_ASSIGN_OR_RETURN(out.body, letters::RenderLetterDocx(letter, seal));
  } else {
    GONGKAI_ASSIGN_OR_RETURN(out.body, letters::RenderLetterHtml(letter, seal));
  }
  return out;
}

}  // namespace gongkai::services
