#pragma once
// How much a finding matters: one scale for screening (错敏词 findings) and for the annual-report
// checks.

namespace gongkai {

enum class Severity { kError, kWarning, kInfo };

// "error" / "warning" / "info": the machine names in files, JSON and the CLI.
const char* SeverityName(Severity s);
// "错误" / "警告" / "提示": how a report check's finding is shown to a person.
const char* SeverityChinese(Severity s);

}  // namespace gongkai
