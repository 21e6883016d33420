#include "shard_worker.h"

#include <utility>

#include "xapian_error.h"

namespace newsarc::internal {

void QueueBudget::Acquire(uint64_t bytes) {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [&] {
    return tasks_ == 0 || (tasks_ < max_tasks_ && bytes_ + bytes <= max_bytes_);
  });
  ++tasks_;
  bytes_ += bytes;
}

void QueueBudget::Release(uint64_t bytes) {
  bool wake;
  {
    std::lock_guard lock(mu_);
    --tasks_;
    bytes_ -= bytes;
    // Waiters are woken once the queues have drained to half the budget,
    // not at every task: they then queue a burst of tasks instead of one
    // task per wake-up (a wake-up per article when the workers are the
    // slower side, as they are). Below half, each release wakes them, so
    // a task that needs more room than half still gets in.
    wake = tasks_ == 0 || (tasks_ <= max_tasks_ / 2 && bytes_ <= max_bytes_ / 2);
  }
  if (wake) freed_.notify_all();
}

ShardWorker::ShardWorker(std::string name, const std::filesystem::path& path,
                         Xapian::WritableDatabase db, std::shared_ptr<QueueBudget> budget)
    : name_(std::move(name)),
      where_("writing " + path.string()),
      db_(std::move(db)),
      budget_(std::move(budget)) {
  thread_ = std::thread([this] { Loop(); });
}

ShardWorker::~ShardWorker() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  not_empty_.notify_all();
  thread_.join();
}

Status ShardWorker::error() const {
  std::lock_guard lock(mu_);
  return error_;
}

void ShardWorker::Enqueue(Item item) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(item));
  }
  not_empty_.notify_one();
}

Status ShardWorker::Post(Task task, uint64_t bytes) {
  if (Status e = error(); !e.ok()) return e;
  budget_->Acquire(bytes);
  Enqueue({std::move(task), bytes, nullptr});
  return Status::Ok();
}

std::future<Status> ShardWorker::Submit(Task task) {
  auto done = std::make_shared<std::promise<Status>>();
  std::future<Status> result = done->get_future();
  Enqueue({std::move(task), 0, std::move(done)});
  return result;
}

void ShardWorker::Loop() {
  for (;;) {
    Item item;
    Status failed;
    {
      std::unique_lock lock(mu_);
      not_empty_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, and everything ran
      item = std::move(queue_.front());
      queue_.pop_front();
      failed = error_;
    }
    // After a failure nothing more is written: the caller sees the error
    // on its next call, and the metadata database is never committed.
    Status s = failed.ok() ? GuardXapian(where_, [&] { return item.task(db_); })
                           : failed;
    item.task = nullptr;  // frees the article before the budget
    if (!s.ok() && failed.ok()) {
      std::lock_guard lock(mu_);
      if (error_.ok()) error_ = s;
    }
    if (item.done) item.done->set_value(s);
    if (!item.done) budget_->Release(item.bytes);  // posted: holds budget
  }
}

}  // namespace newsarc::internal
