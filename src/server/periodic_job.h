// server/periodic_job: runs a job in the background at a fixed interval, the first time at once,
// until destroyed (which waits for a running job to finish). The server runs the weekly outbreak
// surveillance with it (every few hours, for the last complete week, so late reports are picked
// up by the next run) and the change follower (server/change_follower). Depends on: the standard
// library only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace solieu::server {

class PeriodicJob {
 public:
  // `interval` zero: never runs.
  PeriodicJob(std::chrono::milliseconds interval, std::function<void()> job);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

 private:
  void Loop();

  std::chrono::milliseconds interval_;
  std::function<void()> job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace solieu::server
