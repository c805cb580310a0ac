#pragma once
// A background thread that runs a task at start and then every `period` until stopped: the
// server's 定时发布 (ReviewService::RunDue). The work's state is in the database, so a restart
// only delays it to the next tick.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace gongkai::http {

class Scheduler {
 public:
  Scheduler(std::function<void()> task, std::chrono::milliseconds period)
      : task_(std::move(task)), period_(period) {}
  ~Scheduler() { Stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void Start();
  // Waits for a running task to finish. Idempotent.
  void Stop();

 private:
  std::function<void()> task_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace gongkai::http
