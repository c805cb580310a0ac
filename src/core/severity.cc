#include "core/severity.h"

namespace gongkai {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

const char* SeverityChinese(Severity s) {
  switch (s) {
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "错误";
}

}  // namespace gongkai
