#include "server/change_follower.h"

#include "core/period.h"

namespace solieu::server {
namespace {

constexpr int kBatch = 65536;

}  // namespace

ChangeMark CurrentChangeMark(Store& store) {
  return {store.LastValueChangeId(), store.Reporting().LastEventId()};
}

int ChangeFollower::CatchUp() {
  return store_.Write([this](Store& store) {
    int applied = 0;
    for (;;) {
      std::vector<ValueChange> changes = store.ValueChangesAfter(mark_.value_change, kBatch);
      if (changes.empty()) break;
      std::vector<DataValueWrite> writes;
      writes.reserve(changes.size());
      for (ValueChange& change : changes) writes.push_back(std::move(change.write));
      analytics_.Apply(writes);
      mark_.value_change = changes.back().id;
      applied += static_cast<int>(changes.size());
      if (changes.size() < static_cast<size_t>(kBatch)) break;
    }
    for (;;) {
      auto events = store.Reporting().EventsAfter(mark_.form_event, kBatch);
      if (events.empty()) break;
      std::vector<FormCompletionWrite> forms;
      for (const auto& [id, event] : events) {
        mark_.form_event = id;
        if (event.action != "complete" && event.action != "uncomplete") continue;
        // The form as it stands now: a later event in this batch may have changed it again.
        if (auto completion = store.Reporting().FindCompletion(event.key)) {
          forms.push_back({event.key.data_set_uid, event.key.org_unit_uid, completion->period_start,
                           completion->period_end, completion->completed_on});
        } else if (auto period = Period::Parse(event.key.period)) {
          forms.push_back({event.key.data_set_uid, event.key.org_unit_uid, period->start(),
                           period->end(), std::nullopt});
        }
      }
      if (!forms.empty()) analytics_.ApplyForms(forms);
      applied += static_cast<int>(forms.size());
      if (events.size() < static_cast<size_t>(kBatch)) break;
    }
    return applied;
  });
}

}  // namespace solieu::server
