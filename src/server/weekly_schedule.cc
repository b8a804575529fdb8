#include "server/weekly_schedule.h"

namespace solieu::server {

WeeklySchedule::WeeklySchedule(std::chrono::seconds interval, std::function<void()> job)
    : interval_(interval), job_(std::move(job)) {
  if (interval_.count() > 0) thread_ = std::thread([this] { Loop(); });
}

WeeklySchedule::~WeeklySchedule() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WeeklySchedule::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    job_();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace solieu::server
