#pragma once
// Fixtures shared by the letters tests: one agency, one application, a 1×1 PNG seal.

#include <string>

#include "applications/events.h"
#include "letters/letter.h"

namespace gongkai::letters::testing {

inline agency::Agency SampleAgency() {
  agency::Agency a;
  a.id = 7;
  a.name = "樟树市工业和信息化局";
  a.short_name = "市工信局";
  a.address = "江西省樟树市药都南大道1号";
  a.postcode = "331200";
  a.phone = "0795-7333621";
  a.reconsideration_body = "樟树市人民政府";
  a.court = "樟树市人民法院";
  return a;
}

// 张三 applied in person on Tue 2024-10-08 for a 2023 subsidy list.
inline applications::Application SampleApplication() {
  applications::Application app;
  app.id = 3;
  app.agency_id = 7;
  app.number = "樟工信依申〔2024〕3号";
  app.channel = applications::Channel::kInPerson;
  app.contact.name = "张三";
  app.description = "2023年度工业企业技术改造专项资金拟补助企业名单";
  app.events.push_back(applications::events::Submitted({2024, 10, 8}));
  return app;
}

inline LetterInputs SampleInputs() {
  LetterInputs in;
  in.date = {2024, 10, 30};
  return in;
}

inline std::string TinyPng() {
  return std::string(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00"
      "\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63"
      "\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae"
      "\x42\x60\x82",
      69);
}

}  // namespace gongkai::letters::testing
