#include "applications/recompute.h"

#include <gtest/gtest.h>

#include "applications/events.h"
#include "calendar/calendar_files.h"

namespace gongkai::applications {
namespace {

using namespace events;  // NOLINT

calendar::WorkingDayCalendar WithOverride(std::string_view override_text) {
  auto text = calendar::ReadTextFile(calendar::DefaultHolidayFilePath()).value();
  auto national =
      calendar::ParseHolidayTable(text, "cn_holidays.tsv", calendar::TableRole::kNational).value();
  auto local =
      calendar::ParseHolidayTable(override_text, "local.tsv", calendar::TableRole::kOverride)
          .value();
  return calendar::WorkingDayCalendar::Create(national, &local).value();
}

Application Open(ApplicationId id, Date received, std::vector<Event> more = {}) {
  Application a;
  a.id = id;
  a.channel = Channel::kInPerson;
  a.events.push_back(Submitted(received));
  for (Event& e : more) a.events.push_back(std::move(e));
  return a;
}

TEST(DueDateChangesTest, ListsOpenApplicationsWhoseDueDateMoved) {
  auto national = calendar::LoadCalendar().value();
  // A regional extra holiday on Wed 2024-10-16.
  auto regional = WithOverride("date\tkind\tname\n2024-10-16\tholiday\t地方假日\n");
  std::vector<Application> apps{
      Open(1, {2024, 9, 27}),   // due 10-30 → 10-31
      Open(2, {2024, 10, 17}),  // after the day
      Open(3, {2024, 9, 27}, {Decided({2024, 10, 10}, {OutcomeRow::kDisclosed})}),  // concluded
  };
  auto changes = DueDateChanges(apps, {2024, 10, 20}, national, regional);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].id, 1);
  EXPECT_EQ(changes[0].before, (Date{2024, 10, 30}));
  EXPECT_EQ(changes[0].after, (Date{2024, 10, 31}));
  EXPECT_TRUE(changes[0].error.ok());
}

}  // namespace
}  // namespace gongkai::applications
