#include "pipeline.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "newsarc/extract.h"
#include "readers/decode.h"
#include "newsarc/index_writer.h"
#include "progress.h"
#include "readers/reader.h"
#include "walker.h"

namespace newsarc::indexer {
namespace {

// What a reader thread tells the writer thread.
struct Message {
  enum Kind { kArticle, kBadRecord, kFileDone, kFileFailed } kind;
  size_t file = 0;  // index into the list of files to read
  std::optional<PreparedArticle> article;
  std::string text;  // the problem, for kBadRecord and kFileFailed
  size_t bytes = 0;  // the article's text size: a prepared one holds a few times that
};

// Set by SIGINT/SIGTERM; the writer thread polls it.
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void OnStopSignal(int sig) { g_stop_signal = sig; }

// Catches SIGINT and SIGTERM for the lifetime of the object. SA_RESETHAND:
// the first signal asks for a clean stop, a second one kills as usual.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = OnStopSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  static bool stopped() { return g_stop_signal != 0; }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// The bytes a message holds, for the queue's budget.
size_t Weight(const Message& m) {
  return m.text.size() + 4 * m.bytes + 64;
}

// A bounded queue: readers wait when the writer falls behind, so memory
// stays flat however large the archive. Bounded by count and by bytes (a
// few huge articles must not fill memory); one message always fits.
class MessageQueue {
 public:
  MessageQueue(size_t capacity, size_t max_bytes) : capacity_(capacity), max_bytes_(max_bytes) {}
  static constexpr size_t kWakeBatch = 16;

  void Push(Message m) {
    const size_t weight = Weight(m);
    std::unique_lock lock(mu_);
    const auto room = [&] {
      return q_.empty() || (q_.size() < capacity_ && bytes_ + weight <= max_bytes_) || closed_;
    };
    if (!room()) {
      not_empty_.notify_one();  // a full queue is a batch, however few it holds
      not_full_.wait(lock, room);
    }
    if (closed_) return;
    bytes_ += weight;
    q_.push_back(std::move(m));
    // The writing thread (Pop's caller) is woken for a batch, not for
    // every article: it then takes them one after the other without
    // waiting. What is left below a batch waits at most until its 100 ms
    // check or the readers' end.
    if (q_.size() >= std::min<size_t>(kWakeBatch, capacity_) || bytes_ >= max_bytes_ / 2)
      not_empty_.notify_one();
  }
  // std::nullopt when every producer is done and the queue is empty, or
  // when `stop` returns true (checked every 100 ms while waiting).
  template <typename Stop>
  std::optional<Message> Pop(Stop stop) {
    std::unique_lock lock(mu_);
    while (!not_empty_.wait_for(lock, std::chrono::milliseconds(100),
                                [&] { return !q_.empty() || producers_ == 0 || closed_; })) {
      if (stop()) return std::nullopt;
    }
    if (q_.empty() || stop()) return std::nullopt;
    Message m = std::move(q_.front());
    q_.pop_front();
    bytes_ -= Weight(m);
    // Readers waiting for room are woken when the queue is half empty, so
    // that each wake-up refills it with a burst (as QueueBudget does).
    if (q_.empty() || (q_.size() <= capacity_ / 2 && bytes_ <= max_bytes_ / 2))
      not_full_.notify_all();
    return m;
  }
  void AddProducer() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    --producers_;
    not_empty_.notify_all();
  }
  // Stops producers and consumer early (after a fatal error).
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }
  bool closed() {
    std::lock_guard lock(mu_);
    return closed_;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Message> q_;
  size_t capacity_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  int producers_ = 0;
  bool closed_ = false;
};

// Reads one file to the end, sending each article (prepared) or problem.
// Articles of other partitions are counted in `elsewhere`, not prepared.
void ReadFile(const FoundFile& file, size_t index, MessageQueue& queue, const Partition& partition,
              std::atomic<uint64_t>& elsewhere) {
  auto reader = OpenReader(file.path);
  if (!reader.ok()) {
    queue.Push({Message::kFileFailed, index, std::nullopt, reader.status().message()});
    return;
  }
  for (;;) {
    if (queue.closed() || StopSignals::stopped()) return;
    auto next = reader.value()->Next();
    if (!next.ok()) {
      queue.Push({Message::kBadRecord, index, std::nullopt, next.status().message()});
      continue;
    }
    if (!next.value()) break;
    const Article& a = *next.value();
    if (partition.count > 1 && !IndexWriter::InPartition(IndexWriter::ArticleId(a), partition)) {
      elsewhere.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    const size_t bytes = a.title.size() + a.body.size();
    queue.Push({Message::kArticle, index, PreparedArticle::Prepare(a), "", bytes});
  }
  queue.Push({Message::kFileDone, index, std::nullopt, ""});
}

unsigned ThreadCount(unsigned asked) {
  if (asked) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

// attempt(false); if another writer holds the index, it says so and fails
// (no --wait) or waits for it: attempt(true).
template <typename T, typename Attempt>
Result<T> WaitingForTheLock(const IndexFlags& flags, Attempt&& attempt) {
  Result<T> first = attempt(false);
  if (first.ok() || first.status().code() != StatusCode::kLocked) return first;
  if (!flags.wait) {
    return Status::Locked(first.status().message() +
                          "; run again when it is done, or with --wait to wait for it");
  }
  std::fprintf(stderr, "newsarc-index: %s: waiting for it to finish\n",
               Printable(first.status().message()).c_str());
  return attempt(true);
}

enum class Presence { kThere, kGone, kUnknown };

// Whether `path` (followed if a link) still exists: kGone only when the
// system says there is no such file or folder; any other error is kUnknown,
// with `why` set. `st` gets what stat() says of it when it is there.
Presence CheckPresence(const std::string& path, std::string& why, struct stat& st) {
  if (::stat(path.c_str(), &st) == 0) return Presence::kThere;
  const int err = errno;
  if (err == ENOENT || err == ENOTDIR) return Presence::kGone;
  why = std::strerror(err);
  return Presence::kUnknown;
}

Presence CheckPresence(const std::string& path, std::string& why) {
  struct stat st;
  return CheckPresence(path, why, st);
}

Result<IndexWriter> OpenWriter(const IndexFlags& flags) {
  WriterOptions options;
  // --prune alone works on an index that exists.
  options.create = !flags.inputs.empty();
  if (flags.commit_every) options.commit_every = flags.commit_every;
  options.build_threads = flags.writers ? flags.writers : ThreadCount(0);
  options.shard_by = flags.shard_by;
  options.shards = flags.shards;
  options.partition = flags.partition;
  return WaitingForTheLock<IndexWriter>(flags, [&](bool wait) {
    options.wait_for_lock = wait;
    return IndexWriter::Open(flags.db, options);
  });
}

}  // namespace

Result<RunSummary> RunIndex(const IndexFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  RunSummary summary;
  WalkResult walk = Walk(flags.inputs, {.follow_symlinks = flags.follow_symlinks});
  summary.problems = walk.errors;
  summary.files_failed = walk.errors.size();
  summary.files_found = walk.files.size();
  summary.links_skipped = walk.links_skipped;
  if (flags.strict && !walk.errors.empty()) return Status::InvalidArgument(walk.errors.front());

  auto opened = OpenWriter(flags);
  if (!opened.ok() && flags.inputs.empty() && opened.status().code() == StatusCode::kNotFound)
    return Status::NotFound(opened.status().message() + ": --prune without PATH prunes an "
                            "index that exists");
  if (!opened.ok()) return opened.status();
  IndexWriter& writer = opened.value();
  // From here on a signal stops the run after a commit.
  StopSignals signals;

  // Plan: which files to read, and remove what they and vanished files hold.
  std::set<std::string> on_disk;
  for (const auto& f : walk.files) on_disk.insert(f.path);
  std::vector<FoundFile> to_read;
  std::set<std::string> queued;
  std::deque<std::string> removals;  // read again or gone: their articles go first
  for (const auto& f : walk.files) {
    const auto stamp = writer.StampOf(f.path);
    if (stamp && *stamp == f.stamp) {
      if (!flags.reextract) {
        ++summary.files_unchanged;
        continue;
      }
      ++summary.files_reextracted;
    } else {
      (stamp ? summary.files_changed : summary.files_new)++;
    }
    to_read.push_back(f);
    queued.insert(f.path);
    removals.push_back(f.path);
  }
  // The files the index knows that this walk did not find. Under a PATH
  // they are gone unless they still exist (a hidden name, or one the walk
  // could not reach); outside every PATH only --prune removes them, and
  // otherwise their folders are checked so that the summary can say when
  // some no longer exist (a moved or renamed folder).
  std::map<std::string, bool> folder_gone;  // outside the inputs, checked once each
  std::map<std::string, std::string> kept;  // known, not found, presence unknown: why
  for (const std::string& known : writer.KnownFiles("")) {
    if (on_disk.count(known)) continue;
    const bool under = std::any_of(walk.roots.begin(), walk.roots.end(), [&](const auto& root) {
      return known == root || (root.back() == '/' && known.starts_with(root));
    });
    if (!under && !flags.prune) {
      const std::string folder = std::filesystem::path(known).parent_path().string();
      auto [it, fresh] = folder_gone.try_emplace(folder, false);
      std::string why;
      if (fresh) it->second = CheckPresence(folder, why) == Presence::kGone;
      if (it->second) {
        if (summary.files_in_gone_folders++ == 0) summary.gone_folder_example = folder;
      }
      continue;
    }
    std::string why;
    switch (CheckPresence(known, why)) {
      case Presence::kThere:
        break;
      case Presence::kGone:
        ++summary.files_removed;
        if (!under) ++summary.files_pruned;
        removals.push_back(known);
        break;
      case Presence::kUnknown:
        // An error other than "no such file" (a folder that cannot be
        // entered, an I/O error): the articles stay until it is known.
        kept.emplace(known, why);
        break;
    }
  }
  // Removing a file that held the best version of an article makes the next
  // best file come back; that file is then read again, and so on. One that
  // no longer exists (or is no longer a file) is removed too. One that
  // cannot be reached is forgotten as well, and named in the summary: kept
  // with its old stamp, it would count as unchanged and never be read again;
  // forgotten, the first run that finds it reads it.
  std::set<std::string> scheduled(removals.begin(), removals.end());
  std::set<std::string> removed;
  while (!removals.empty() && !StopSignals::stopped()) {
    const std::string path = removals.front();
    removals.pop_front();
    if (!removed.insert(path).second) continue;
    auto reread = writer.RemoveFile(path);
    if (!reread.ok()) return reread.status();
    for (const std::string& other : reread.value()) {
      if (queued.count(other)) continue;
      std::string why;
      struct stat st;
      const Presence presence = CheckPresence(other, why, st);
      if (presence == Presence::kThere && S_ISREG(st.st_mode)) {
        to_read.push_back({other, other, StampOf(st)});
        queued.insert(other);
        ++summary.files_reread;
        removals.push_back(other);
      } else if (scheduled.insert(other).second) {
        if (presence != Presence::kUnknown) {
          ++summary.files_removed;
        } else if (summary.files_unreachable_copies++ == 0) {
          summary.unreachable_copy_example = other + ": " + why;
        }
        kept.erase(other);  // forgotten, not kept
        removals.push_back(other);
      }
    }
  }
  summary.files_kept = kept.size();
  if (!kept.empty())
    summary.kept_example = kept.begin()->first + ": " + kept.begin()->second;

  // Read in parallel, write here.
  uint64_t total_bytes = 0;
  for (const auto& f : to_read) total_bytes += f.stamp.size;
  Progress progress(flags.progress, to_read.size(), total_bytes);
  MessageQueue queue(256, size_t{64} << 20);
  std::atomic<size_t> next_file{0};
  std::atomic<uint64_t> elsewhere{0};
  const Partition partition = writer.partition();
  std::vector<std::thread> readers;
  const unsigned n_threads =
      std::min<unsigned>(ThreadCount(flags.jobs), std::max<size_t>(1, to_read.size()));
  for (unsigned i = 0; i < n_threads; ++i) queue.AddProducer();
  for (unsigned i = 0; i < n_threads; ++i) {
    readers.emplace_back([&] {
      for (size_t k; (k = next_file.fetch_add(1)) < to_read.size();) ReadFile(to_read[k], k, queue, partition, elsewhere);
      queue.ProducerDone();
    });
  }
  Status fatal;
  uint64_t files_done = 0, bytes_done = 0;
  while (auto m = queue.Pop(StopSignals::stopped)) {
    const FoundFile& file = to_read[m->file];
    switch (m->kind) {
      case Message::kArticle:
        if (Status s = writer.Add(std::move(*m->article)); !s.ok()) fatal = s;
        else ++summary.articles_indexed;
        break;
      case Message::kBadRecord:
        ++summary.bad_records;
        summary.problems.push_back(m->text);
        if (flags.strict) fatal = Status::InvalidArgument(m->text);
        break;
      case Message::kFileFailed:
        ++summary.files_failed;
        summary.problems.push_back(m->text);
        if (flags.strict) fatal = Status::InvalidArgument(m->text);
        ++files_done;
        bytes_done += file.stamp.size;
        break;
      case Message::kFileDone:
        if (Status s = writer.FinishFile(file.path, file.stamp); !s.ok()) fatal = s;
        ++files_done;
        bytes_done += file.stamp.size;
        break;
    }
    if (!fatal.ok()) {
      queue.Close();
      break;
    }
    progress.Update(files_done, bytes_done, summary.articles_indexed);
  }
  summary.interrupted = StopSignals::stopped();
  if (summary.interrupted) queue.Close();
  for (auto& t : readers) t.join();
  progress.Finish();
  if (!fatal.ok()) return fatal;
  if (Status s = writer.Commit(); !s.ok()) return s;
  summary.index_articles = writer.ArticleCount();
  summary.articles_elsewhere = elsewhere.load();
  auto older = writer.FilesFromOlderExtractor();
  if (!older.ok()) return older.status();
  summary.files_older_extractor = older.value();
  summary.extractor_version = writer.ExtractorVersion();
  if (partition.count > 1)
    summary.partition = std::to_string(partition.index) + "/" + std::to_string(partition.count);
  if (writer.shard_by() != ShardBy::kNone) summary.layout = writer.LayoutDescription();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

Result<CompactStats> RunCompact(const IndexFlags& flags) {
  return WaitingForTheLock<CompactStats>(
      flags, [&](bool wait) { return IndexWriter::Compact(flags.db, wait, flags.jobs); });
}

std::string FormatCompact(const CompactStats& stats, double seconds, const std::string& db) {
  auto mib = [](uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return std::string(text);
  };
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", seconds);
  return "compacted " + db + ": " + std::to_string(stats.databases) +
         (stats.databases == 1 ? " database, " : " databases, ") + mib(stats.bytes_before) +
         " -> " + mib(stats.bytes_after) + " in " + secs + " s\n";
}

Result<RunSummary> RunExtractOnly(const IndexFlags& flags, std::ostream& out) {
  RunSummary summary;
  WalkResult walk = Walk(flags.inputs);
  summary.problems = walk.errors;
  summary.files_failed = walk.errors.size();
  summary.files_found = walk.files.size();
  for (const FoundFile& file : walk.files) {
    auto reader = OpenReader(file.display);
    if (!reader.ok()) {
      ++summary.files_failed;
      summary.problems.push_back(reader.status().message());
      continue;
    }
    ++summary.files_new;
    for (;;) {
      auto next = reader.value()->Next();
      if (!next.ok()) {
        ++summary.bad_records;
        summary.problems.push_back(next.status().message());
        continue;
      }
      if (!next.value()) break;
      const Article& a = *next.value();
      const Extraction x = Extract(a);
      rapidjson::StringBuffer buf;
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      auto str = [&w](const std::string& s) {
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      };
      auto names = [&](const std::vector<Entity>& list) {
        w.StartArray();
        for (const Entity& e : list) str(e.name);
        w.EndArray();
      };
      w.StartObject();
      w.Key("path"); str(SanitizeUtf8(file.display));
      if (a.record) {
        w.Key("record"); w.Uint64(a.record);
      }
      w.Key("id"); str(IndexWriter::ArticleId(a));
      w.Key("title"); str(a.title);
      w.Key("url"); str(a.url);
      w.Key("date"); str(a.date);
      w.Key("speakers"); names(x.speakers);
      w.Key("organisations"); names(x.organisations);
      w.Key("quotes");
      w.StartArray();
      for (const Quote& q : x.quotes) {
        w.StartObject();
        w.Key("speaker"); str(q.speaker);
        w.Key("text"); str(q.text);
        w.Key("direct"); w.Bool(q.direct);
        w.Key("paragraph"); w.Uint(q.paragraph);
        w.EndObject();
      }
      w.EndArray();
      if (flags.text) {
        w.Key("text"); str(a.body);
      }
      w.EndObject();
      out << buf.GetString() << '\n';
      ++summary.articles_indexed;
    }
  }
  out.flush();
  return summary;
}

// "1 article", "2 articles".
std::string Count(uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

std::string FormatSummary(const RunSummary& s, const std::string& db) {
  std::string out;
  auto line = [&out](const std::string& l) { out += l + '\n'; };
  const uint64_t read = s.files_new + s.files_changed + s.files_reread + s.files_reextracted;
  line("newsarc-index: " + Count(s.files_found, "file", "files") + ": " + std::to_string(read) +
       " read (" + std::to_string(s.files_new) + " new, " + std::to_string(s.files_changed) +
       " changed" + (s.files_reread ? ", " + std::to_string(s.files_reread) + " re-read" : "") +
       (s.files_reextracted ? ", " + std::to_string(s.files_reextracted) + " re-extracted" : "") +
       "), " + std::to_string(s.files_unchanged) + " unchanged, " +
       std::to_string(s.files_removed) + " removed, " + std::to_string(s.files_failed) +
       " skipped");
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", s.seconds);
  line("  " + Count(s.articles_indexed, "article", "articles") + " indexed, " +
       Count(s.bad_records, "bad record", "bad records") + " skipped; the index at " + db +
       " has " + Count(s.index_articles, "article", "articles") + " (" + secs + " s)");
  if (s.files_pruned)
    line("  --prune: " + std::to_string(s.files_pruned) + " of the removed files " +
         (s.files_pruned == 1 ? "was" : "were") + " outside PATH: they no longer exist");
  if (s.files_kept)
    line("  " + Count(s.files_kept, "indexed file", "indexed files") +
         " that this run did not find " + (s.files_kept == 1 ? "keeps its" : "keep their") +
         " articles: whether " + (s.files_kept == 1 ? "it still exists" : "they still exist") +
         " cannot be told (" + Printable(s.kept_example) + ")");
  if (s.files_unreachable_copies)
    line("  " + Count(s.files_unreachable_copies, "file", "files") + " holding another version "
         "of an article whose file was removed could not be read again (" +
         Printable(s.unreachable_copy_example) + "): the index forgets " +
         (s.files_unreachable_copies == 1 ? "it, and the first run that can read it adds it"
                                          : "them, and the first run that can read them adds them") +
         " again");
  if (s.files_in_gone_folders)
    line("  " + Count(s.files_in_gone_folders, "indexed file is", "indexed files are") +
         " in folders that no longer exist (" + Printable(s.gone_folder_example) +
         (s.files_in_gone_folders > 1 ? ", ..." : "") +
         "): newsarc-index --prune removes their articles");
  if (s.files_older_extractor)
    line("  " + Count(s.files_older_extractor, "indexed file was", "indexed files were") +
         " read by an older newsarc (extractor version " +
         (s.extractor_version ? std::to_string(s.extractor_version) : "unrecorded") + ", now " +
         std::to_string(kExtractorVersion) + "), whose words, speakers, organisations and quotes "
         "may differ: newsarc-index --reextract PATH reads them again");
  if (!s.layout.empty()) line("  layout: " + s.layout);
  if (!s.partition.empty())
    line("  " + Count(s.articles_elsewhere, "article", "articles") + " left to other partitions "
         "(this index is partition " + s.partition + ")");
  if (s.links_skipped)
    line("  " + Count(s.links_skipped, "symbolic link", "symbolic links") +
         " not followed (--follow-symlinks follows them)");
  constexpr size_t kShown = 20;
  for (size_t i = 0; i < s.problems.size() && i < kShown; ++i)
    line("  skipped: " + Printable(s.problems[i]));
  if (s.problems.size() > kShown)
    line("  ... and " + std::to_string(s.problems.size() - kShown) + " more");
  return out;
}

}  // namespace newsarc::indexer

namespace newsarc::indexer {

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [&out](unsigned v, const char* fmt) {
    char buf[16];
    std::snprintf(buf, sizeof buf, fmt, v);
    out += buf;
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      hex(c, "\\x%02x");
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // One UTF-8 sequence, if valid; C1 controls (U+0080..U+009F) escaped.
      size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (len && i + len <= text.size() && IsUtf8(text.substr(i, len))) {
        if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
          hex(static_cast<unsigned char>(text[i + 1]), "\\u{%02x}");
        } else {
          out.append(text, i, len);
        }
        i += len;
        continue;
      }
      hex(c, "\\x%02x");
    }
    ++i;
  }
  return out;
}

}  // namespace newsarc::indexer
