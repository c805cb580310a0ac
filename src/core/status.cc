#include "core/status.h"

namespace gongkai {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kNotFound:
      return "NotFound";
    case StatusCode::kAlreadyExists:
      return "AlreadyExists";
    case StatusCode::kFailedPrecondition:
      return "FailedPrecondition";
    case StatusCode::kPermissionDenied:
      return "PermissionDenied";
    case StatusCode::kUnavailable:
      return "Unavailable";
    case StatusCode::kOutOfRange:
      return "OutOfRange";
    case StatusCode::kResourceExhausted:
      return "ResourceExhausted";
    case StatusCode::kInternal:
      return "Internal";
  }
  return "Unknown";
}

namespace {
// The one table of generic Chinese texts, used when an error carries none.
const char* GenericUserMessage(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "";
    case StatusCode::kInvalidArgument:
      return "输入有误";
    case StatusCode::kNotFound:
      return "未找到";
    case StatusCode::kAlreadyExists:
      return "已存在";
    case StatusCode::kFailedPrecondition:
      return "当前状态不允许此操作";
    case StatusCode::kPermissionDenied:
      return "无权执行此操作";
    case StatusCode::kUnavailable:
      return "服务暂时不可用，请稍后重试";
    case StatusCode::kOutOfRange:
      return "超出数据覆盖范围";
    case StatusCode::kResourceExhausted:
      return "尝试次数过多，请稍后再试";
    case StatusCode::kInternal:
      return "内部错误";
  }
  return "未知错误";
}
}  // namespace

std::string Status::UserMessage() const {
  if (!user_message_.empty()) return user_message_;
  return GenericUserMessage(code_);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status Status::WithContext(std::string_view en, std::string_view zh) const {
  if (ok()) return *this;
  std::string m = std::string(en) + ": " + message_;
  std::string u = user_message_.empty() ? std::string() : std::string(zh) + "：" + user_message_;
  return Status(code_, std::move(m), std::move(u));
}

}  // namespace gongkai
