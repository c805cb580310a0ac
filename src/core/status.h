#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace gongkai {

// The kind of failure, in the order HttpStatusFor() maps them.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input from a user or a file
  kNotFound,            // the thing asked for does not exist
  kAlreadyExists,       // a unique key is taken
  kFailedPrecondition,  // the state forbids it: a stale version, an event out of order
  kPermissionDenied,    // the caller may not do this
  kUnavailable,         // try again later: a busy database, a full queue
  kOutOfRange,          // outside what the data covers (a year the calendar does not know)
  kResourceExhausted,   // too many attempts: sign-in throttling, rate limits
  kInternal,            // a bug or a broken invariant
};

// The result of an operation: ok, or a code with two messages. `message` is
// English, for logs and developers; `user_message` is Chinese, for the person
// who caused it, and names the bad value (see docs/architecture.md, "Errors").
// When no Chinese text is given, UserMessage() falls back to a generic line
// for the code. Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string user_message = {})
      : code_(code), message_(std::move(message)), user_message_(std::move(user_message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Chinese text for users; never empty for an error.
  std::string UserMessage() const;
  // "InvalidArgument: <message>", for logs.
  std::string ToString() const;

  // Returns a copy whose messages start with the given context.
  Status WithContext(std::string_view en, std::string_view zh) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string user_message_;
};

const char* StatusCodeName(StatusCode code);

inline Status InvalidArgument(std::string en, std::string zh = {}) {
  return Status(StatusCode::kInvalidArgument, std::move(en), std::move(zh));
}
inline Status NotFound(std::string en, std::string zh = {}) {
  return Status(StatusCode::kNotFound, std::move(en), std::move(zh));
}
inline Status AlreadyExists(std::string en, std::string zh = {}) {
  return Status(StatusCode::kAlreadyExists, std::move(en), std::move(zh));
}
inline Status FailedPrecondition(std::string en, std::string zh = {}) {
  return Status(StatusCode::kFailedPrecondition, std::move(en), std::move(zh));
}
inline Status PermissionDenied(std::string en, std::string zh = {}) {
  return Status(StatusCode::kPermissionDenied, std::move(en), std::move(zh));
}
inline Status Unavailable(std::string en, std::string zh = {}) {
  return Status(StatusCode::kUnavailable, std::move(en), std::move(zh));
}
inline Status OutOfRange(std::string en, std::string zh = {}) {
  return Status(StatusCode::kOutOfRange, std::move(en), std::move(zh));
}
inline Status ResourceExhausted(std::string en, std::string zh = {}) {
  return Status(StatusCode::kResourceExhausted, std::move(en), std::move(zh));
}
inline Status Internal(std::string en, std::string zh = {}) {
  return Status(StatusCode::kInternal, std::move(en), std::move(zh));
}

}  // namespace gongkai

#define GONGKAI_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::gongkai::Status gongkai_status_ = (expr);        \
    if (!gongkai_status_.ok()) return gongkai_status_; \
  } while (0)
