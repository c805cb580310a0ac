#pragma once

#include <optional>
#include <string>

#include "applications/application.h"
#include "core/result.h"

namespace gongkai::storage {

// The 成文日期 a clerk chose for one letter of an application (migration 008), tied to the event
// the letter answers: `event_seq` is that event's position in the ledger.
struct LetterDate {
  applications::ApplicationId application_id = 0;
  std::string kind;  // letters::KindCode: reply, notice, correction, extension, fee, consultation
  int event_seq = 0;
  Date date;
  std::string set_by;  // account name
  int64_t set_at = 0;  // unix seconds
};

class LetterRepository {
 public:
  virtual ~LetterRepository() = default;
  // nullopt when no date was chosen for that letter.
  virtual Result<std::optional<LetterDate>> GetDate(applications::ApplicationId id,
                                                    const std::string& kind) = 0;
  // Stores (or replaces) the chosen date. kFailedPrecondition for an unknown application.
  virtual Status PutDate(const LetterDate& date) = 0;
};

}  // namespace gongkai::storage
