// server/weekly_schedule: runs a job in the background at a fixed interval, the first time at
// once, until destroyed (which waits for a running job to finish). The server runs the weekly
// outbreak surveillance with it, for the last complete week, so late reports are picked up by the
// next run. Depends on: the standard library only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace solieu::server {

class WeeklySchedule {
 public:
  // `interval` zero: never runs.
  WeeklySchedule(std::chrono::seconds interval, std::function<void()> job);
  ~WeeklySchedule();
  WeeklySchedule(const WeeklySchedule&) = delete;
  WeeklySchedule& operator=(const WeeklySchedule&) = delete;

 private:
  void Loop();

  std::chrono::seconds interval_;
  std::function<void()> job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace solieu::server
