#include "server/periodic_job.h"

namespace solieu::server {

PeriodicJob::PeriodicJob(std::chrono::milliseconds interval, std::function<void()> job)
    : interval_(interval), job_(std::move(job)) {
  if (interval_.count() > 0) thread_ = std::thread([this] { Loop(); });
}

PeriodicJob::~PeriodicJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicJob::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    job_();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace solieu::server
