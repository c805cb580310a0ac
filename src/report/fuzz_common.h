#pragma once
// Shared body of the importer fuzz targets (*_fuzz.cc): import with a forced format, check, and
// render the result in every textual form; a well-formed report must read back identically.

#include <cstdlib>
#include <string_view>

#include "report/import.h"
#include "report/render.h"
#include "report/validate.h"

namespace gongkai::report {

inline void FuzzOne(std::string_view bytes, InputFormat format) {
  auto imported = ImportReport(bytes, format);
  if (!imported.ok()) return;
  (void)CheckReport(imported->report);
  std::string json = RenderJson(imported->report);
  (void)RenderText(imported->report);
  (void)RenderMarkdown(imported->report);
  (void)RenderPipeForm(imported->report);
  (void)RenderHtml(imported->report);
  auto back = ImportJson(json);
  if (!back.ok() || !(back->report == imported->report)) std::abort();  // JSON must round-trip
}

}  // namespace gongkai::report
