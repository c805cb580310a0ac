#pragma once
// The reply letter for the applicant: once 送达 was recorded, the 答复书 or 告知书 may be
// downloaded from the status page by whoever can look the application up (its lookup code, or
// its number and the last six characters of the ID number). No URL names a letter: every
// download is a POST carrying those credentials again.

#include <string>

#include "services/application_service.h"
#include "services/letter_service.h"
#include "services/seal_service.h"

namespace gongkai::services {

struct PublicLetter {
  std::string file_name;  // 樟工信依申答〔2024〕3号政府信息公开申请答复书.docx
  std::string body;       // the HTML page or the DOCX package
};

class PublicLetterService {
 public:
  PublicLetterService(ApplicationService& applications, LetterService& letters, SealService& seals)
      : applications_(applications), letters_(letters), seals_(seals) {}

  // The letter of the decision as HTML (`docx` false) or DOCX, with the agency's seal. kNotFound
  // as ApplicationService::PublicLookup; kFailedPrecondition (Chinese) before 送达.
  Result<PublicLetter> ServedLetter(const PublicCredentials& credentials, bool docx);

 private:
  ApplicationService& applications_;
  LetterService& letters_;
  SealService& seals_;
};

}  // namespace gongkai::services
