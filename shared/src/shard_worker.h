// ShardWorker: one thread that owns one Xapian::WritableDatabase (a shard)
// and runs tasks on it in the order they were posted. Xapian's inverter is
// single-threaded per database, so one worker per shard is what lets a
// sharded index use every core while the IndexWriter keeps its one-thread
// API. Internal to the index writer.
#ifndef NEWSARC_SRC_SHARD_WORKER_H_
#define NEWSARC_SRC_SHARD_WORKER_H_

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "newsarc/status.h"

namespace newsarc::internal {

// What the queued tasks of every worker may hold at most, together: a count
// and bytes. Post waits while the budget is spent; one task always fits.
class QueueBudget {
 public:
  QueueBudget(size_t max_tasks, uint64_t max_bytes) : max_tasks_(max_tasks), max_bytes_(max_bytes) {}
  void Acquire(uint64_t bytes);
  void Release(uint64_t bytes);

 private:
  std::mutex mu_;
  std::condition_variable freed_;
  const size_t max_tasks_;
  const uint64_t max_bytes_;
  size_t tasks_ = 0;
  uint64_t bytes_ = 0;
};

class ShardWorker {
 public:
  // A task runs on the worker's thread with its database. Exceptions are
  // caught and become the worker's error.
  using Task = std::function<Status(Xapian::WritableDatabase&)>;

  // `name`: the shard's name ("000"); `path`: its folder, which errors name.
  ShardWorker(std::string name, const std::filesystem::path& path, Xapian::WritableDatabase db,
              std::shared_ptr<QueueBudget> budget);
  // Runs what is queued, then stops the thread. Does not commit (Xapian
  // commits pending changes when the database is closed).
  ~ShardWorker();
  ShardWorker(const ShardWorker&) = delete;
  ShardWorker& operator=(const ShardWorker&) = delete;

  // Queues a task holding `bytes` of memory; waits while the budget is
  // spent. Returns the worker's first error, if an earlier task failed
  // (the task is then not queued).
  [[nodiscard]] Status Post(Task task, uint64_t bytes);
  // Queues a task after everything posted so far; the future gives its
  // status (or the worker's first error, without running it).
  [[nodiscard]] std::future<Status> Submit(Task task);
  // Submit and wait.
  [[nodiscard]] Status Run(Task task) { return Submit(std::move(task)).get(); }

  // The first error of a task, Ok if none.
  Status error() const;
  const std::string& name() const { return name_; }

 private:
  struct Item {
    Task task;
    uint64_t bytes = 0;  // budget held (posted tasks only)
    std::shared_ptr<std::promise<Status>> done;  // submitted tasks only
  };
  void Loop();
  void Enqueue(Item item);

  const std::string name_;
  const std::string where_;  // "writing PATH": what its errors were doing
  Xapian::WritableDatabase db_;
  std::shared_ptr<QueueBudget> budget_;
  mutable std::mutex mu_;
  std::condition_variable not_empty_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  Status error_;
  std::thread thread_;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SHARD_WORKER_H_
