// server/worker_pool: a fixed set of threads for the work that may block or take time (the store,
// the engine, password hashing, report rendering), so the I/O thread only moves bytes. The queue
// is bounded: when it is full the server answers 503 at once instead of queueing without limit.
// Depends on: the standard library only.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace solieu::server {

class WorkerPool {
 public:
  WorkerPool(int threads, std::size_t queue_capacity);
  ~WorkerPool();  // finishes the queued jobs, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False (and the job is dropped) when the queue is full or the pool is shutting down.
  bool TrySubmit(std::function<void()> job);

  // Runs every job already queued, then stops the threads. Idempotent.
  void Shutdown();

 private:
  void Loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::size_t capacity_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace solieu::server
