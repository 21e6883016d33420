// Sharded and remote search (issue 8): the stub parser, facet splitting,
// and a Searcher over local and xapian-tcpsrv shards giving one database's
// answers, scores to 1e-9 included; shards failing after Open.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "facets.h"
#include "newsarc/index_writer.h"
#include "newsarc/newsarc.h"
#include "newsarc/searcher.h"
#include "recency.h"
#include "schema.h"
#include "stub.h"

namespace newsarc {
namespace {

namespace fs = std::filesystem;
using internal::ShardSpec;

// ---- Stub parser ------------------------------------------------------------

TEST(Stub, ParsesXapianSyntax) {
  auto specs = internal::ParseStub(
      "# shards\n\nauto shards/000\nglass /abs/db  \r\n"
      "remote 127.0.0.1:33330\nremote :ssh host xapian-progsrv /data/s1\n"
      "chert ../old\n",
      "/idx", "XAPIANDB");
  ASSERT_TRUE(specs.ok()) << specs.status().message();
  const auto& s = specs.value();
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].kind, ShardSpec::Kind::kLocal);
  EXPECT_EQ(s[0].path, fs::path("/idx/shards/000"));
  EXPECT_EQ(s[1].path, fs::path("/abs/db"));
  EXPECT_EQ(s[2].kind, ShardSpec::Kind::kTcp);
  EXPECT_EQ(s[2].host, "127.0.0.1");
  EXPECT_EQ(s[2].port, 33330u);
  EXPECT_EQ(s[2].name, "127.0.0.1:33330");
  EXPECT_EQ(s[3].kind, ShardSpec::Kind::kProg);
  EXPECT_EQ(s[3].program, "ssh");
  EXPECT_EQ(s[3].args, "host xapian-progsrv /data/s1");
  EXPECT_EQ(s[4].path, fs::path("/old"));
}

TEST(Stub, RejectsMalformedLinesNamingThem) {
  struct Case {
    const char* text;
    const char* where;
    const char* why;
  };
  const Case cases[] = {
      {"auto\n", "s.stub line 1:", "auto PATH"},
      {"# ok\nremote host\n", "s.stub line 2:", "no port"},
      {"remote host:0\n", "line 1:", "bad port"},
      {"remote host:65536\n", "line 1:", "bad port"},
      {"remote host:12a\n", "line 1:", "bad port"},
      {"remote :\n", "line 1:", "no program"},
      {"remote [::1]:80\n", "line 1:", "IPv6"},
      {"remote\n", "line 1:", "remote HOST:PORT"},
      {"\n\nftp x\n", "line 3:", "unknown database type"},
      {"inmemory\n", "line 1:", "inmemory"},
      {"# nothing\n", "s.stub:", "lists no database"},
  };
  for (const Case& c : cases) {
    auto specs = internal::ParseStub(c.text, "/", "s.stub");
    ASSERT_FALSE(specs.ok()) << c.text;
    EXPECT_EQ(specs.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(specs.status().message().find(c.where), std::string::npos)
        << specs.status().message();
    EXPECT_NE(specs.status().message().find(c.why), std::string::npos)
        << specs.status().message();
  }
}

TEST(Stub, ControlCharactersAreNotEchoed) {
  auto specs = internal::ParseStub("bad\x1b[2J line\n", "/", "s");
  ASSERT_FALSE(specs.ok());
  EXPECT_EQ(specs.status().message().find('\x1b'), std::string::npos);
}

// ---- Facets ----------------------------------------------------------------

TEST(Facets, SplitCountsAddToEveryName) {
  internal::FacetCounts counts;
  internal::AddSplitCount("Amber Rudd\nTheresa May", 3, counts);
  internal::AddSplitCount("Theresa May", 2, counts);
  internal::AddSplitCount("\nTheresa May\n\nBoris Johnson\n", 1, counts);
  internal::AddSplitCount("", 5, counts);
  EXPECT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts["Amber Rudd"], 3u);
  EXPECT_EQ(counts["Theresa May"], 6u);
  EXPECT_EQ(counts["Boris Johnson"], 1u);
  Facet top = internal::TopOf("speakers", counts, 2);
  ASSERT_EQ(top.values.size(), 2u);
  EXPECT_EQ(top.values[0].value, "Theresa May");
  EXPECT_EQ(top.values[1].value, "Amber Rudd");
}

// The counter's per-name counts equal a count of each document's names.
TEST(Facets, CounterEqualsCountingEachArticle) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string> lists = {"A\nB", "B", "A\nB", "C\nA", "", "B\nC\nA"};
  std::map<std::string, uint64_t> want;
  for (size_t i = 0; i < lists.size(); ++i) {
    Xapian::Document doc;
    doc.add_term("x");
    doc.add_value(internal::schema::kSlotSpeakers, lists[i]);
    doc.add_value(internal::schema::kSlotDate, i % 2 ? "20170102" : "20181231");
    db.add_document(doc);
    internal::FacetCounts one;
    internal::AddSplitCount(lists[i], 1, one);
    for (auto& [k, v] : one) want[k] += v;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  internal::FacetCounter counter;
  counter.Attach(enquire);
  enquire.get_mset(0, 10);
  EXPECT_EQ(counter.articles(), lists.size());
  auto facets = counter.Top(10);
  ASSERT_EQ(facets.size(), 5u);
  std::map<std::string, uint64_t> got;
  for (const FacetValue& v : facets[0].values) got[v.value] = v.count;
  EXPECT_EQ(got, want);
  ASSERT_EQ(facets[3].name, "year");
  ASSERT_EQ(facets[3].values.size(), 2u);
  EXPECT_EQ(facets[3].values[0].count, 3u);
}

TEST(Recency, DayStringInvertsDayNumber) {
  for (const char* d : {"19700101", "20000229", "20171231", "20240301", "19991231"}) {
    auto n = internal::DayNumber(d);
    ASSERT_TRUE(n);
    EXPECT_EQ(internal::DayString(*n), d);
  }
}

// ---- Shards ------------------------------------------------------------------

const char* kWords[] = {"rates",  "bank",    "election", "fire",   "vote",
                        "market", "storm",   "court",    "police", "minister",
                        "trade",  "rescue",  "budget",   "strike", "harbour"};
const char* kSpeakers[] = {"Amber Rudd", "Theresa May", "Boris Johnson"};

Article MakeArticle(int i) {
  Article a;
  a.url = "https://site" + std::to_string(i % 4) + ".example/a" + std::to_string(i);
  a.date = std::to_string(2015 + i % 5) + "-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10);
  a.title = std::string(kWords[i % 15]) + " " + kWords[(i * 7) % 15] + " story " +
            std::to_string(i);
  std::string body;
  for (int w = 0; w < 20 + i % 13; ++w) {
    body += kWords[(i * 31 + w * w * 17) % 15];
    body += w % 6 == 5 ? ". " : " ";
  }
  body += "\n\n\"We will act on the " + std::string(kWords[(i * 3) % 15]) + ",\" " +
          kSpeakers[i % 3] + " said.";
  if (i % 5 == 0) {
    body += " \"Enough,\" " + std::string(kSpeakers[(i + 1) % 3]) + " said.";
  }
  a.body = body;
  a.source_path = "/news/a" + std::to_string(i) + ".txt";
  return a;
}

void Build(const fs::path& dir, int n, int shard, int shards) {
  auto writer = IndexWriter::Open(dir);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  for (int i = 0; i < n; ++i) {
    if (shards > 0 && i % shards != shard) continue;
    ASSERT_TRUE(writer.value().Add(MakeArticle(i)).ok());
  }
  ASSERT_TRUE(writer.value().Commit().ok());
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool Connects(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv on loopback in its own process group, killed with it.
class TcpServer {
 public:
  explicit TcpServer(const fs::path& db) : port_(FreePort()) {
    std::string port = std::to_string(port_), path = db.string();
    std::vector<std::string> args = {"xapian-tcpsrv", "--quiet", "--interface",
                                     "127.0.0.1",     "--port",  port,
                                     path};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // fork + exec rather than posix_spawn: the server must die with this
    // process even when a test crashes before the destructor runs.
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
      setpgid(0, 0);
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      // Quiet: the server reports each probe connection we close at once.
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      execvp("xapian-tcpsrv", argv.data());
      _exit(127);
    }
    if (pid_ > 0) setpgid(pid_, pid_);  // whichever runs first
    for (int i = 0; i < 300 && pid_ > 0 && !Connects(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~TcpServer() { Kill(); }
  void Kill() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  bool ok() const { return pid_ > 0 && Connects(port_); }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_;
};

class ShardsTest : public ::testing::Test {
 protected:
  static constexpr int kArticles = 90;
  static void SetUpTestSuite() {
    root_ = new fs::path(fs::temp_directory_path() /
                         ("newsarc-remote-" + std::to_string(getpid())));
    fs::remove_all(*root_);
    Build(*root_ / "one", kArticles, 0, 0);
    for (int i = 0; i < 3; ++i) {
      Build(*root_ / "three" / "shards" / ("00" + std::to_string(i)), kArticles, i, 3);
    }
    std::ofstream(*root_ / "three" / "XAPIANDB")
        << "auto shards/000\nauto shards/001\nauto shards/002\n";
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }
  static fs::path Shard(int i) {
    return *root_ / "three" / "shards" / ("00" + std::to_string(i));
  }
  static fs::path WriteStub(const std::string& name, const std::string& text) {
    fs::path p = *root_ / name;
    std::ofstream(p) << text;
    return p;
  }

  static std::vector<SearchRequest> Requests() {
    std::vector<SearchRequest> out;
    auto add = [&](const std::string& q, auto&& edit) {
      SearchRequest r;
      r.query = q;
      r.limit = 1000;
      edit(r);
      out.push_back(r);
    };
    auto none = [](SearchRequest&) {};
    add("fire", none);
    add("bank rates", none);
    add("speaker:rudd", none);
    add("fire police", [](SearchRequest& r) { r.any = true; });
    add("election", [](SearchRequest& r) { r.sort = SortOrder::kDateDesc; });
    add("vote", [](SearchRequest& r) { r.facets = true; });
    add("court OR storm", [](SearchRequest& r) { r.recent = true; });
    add("budget", [](SearchRequest& r) { r.quotes = true; });
    return out;
  }

  // Equal to one database's answers: scores to a relative 1e-9, ids in
  // order (ties by id: docids interleave across shards).
  static void ExpectSame(const Searcher& one, const Searcher& other) {
    for (const SearchRequest& r : Requests()) {
      SCOPED_TRACE(r.query);
      auto a = one.Search(r);
      auto b = other.Search(r);
      ASSERT_TRUE(a.ok()) << a.status().message();
      ASSERT_TRUE(b.ok()) << b.status().message();
      EXPECT_EQ(a.value().estimated_total, b.value().estimated_total);
      auto hits = [](const SearchResults& s) {
        std::vector<std::pair<double, std::string>> v;
        for (const Hit& h : s.hits) v.emplace_back(-h.score, h.date + "\t" + h.id);
        return v;
      };
      auto ha = hits(a.value()), hb = hits(b.value());
      ASSERT_EQ(ha.size(), hb.size());
      for (size_t i = 0; i < ha.size(); ++i) {
        EXPECT_NEAR(ha[i].first, hb[i].first, 1e-9 * std::max(1.0, std::fabs(ha[i].first)));
      }
      // Same order but for exact ties.
      auto sorted = [](auto v) {
        for (auto& [s, id] : v) s = std::round(s * 1e6) / 1e6;
        std::stable_sort(v.begin(), v.end());
        return v;
      };
      if (r.sort == SortOrder::kRelevance) {
        EXPECT_EQ(sorted(ha), sorted(hb));
      }
      ASSERT_EQ(a.value().facets.size(), b.value().facets.size());
      for (size_t f = 0; f < a.value().facets.size(); ++f) {
        const auto& fa = a.value().facets[f].values;
        const auto& fb = b.value().facets[f].values;
        ASSERT_EQ(fa.size(), fb.size());
        for (size_t v = 0; v < fa.size(); ++v) {
          EXPECT_EQ(fa[v].value, fb[v].value);
          EXPECT_EQ(fa[v].count, fb[v].count);
        }
      }
      EXPECT_EQ(a.value().quote_total, b.value().quote_total);
      EXPECT_EQ(a.value().quotes.size(), b.value().quotes.size());
    }
  }

  static fs::path* root_;
};
fs::path* ShardsTest::root_ = nullptr;

TEST_F(ShardsTest, LocalStubEqualsOneDatabase) {
  auto one = Searcher::Open(*root_ / "one");
  auto three = Searcher::Open(*root_ / "three");
  ASSERT_TRUE(one.ok() && three.ok());
  EXPECT_EQ(three.value().ShardCount(), 3u);
  EXPECT_EQ(one.value().ArticleCount(), three.value().ArticleCount());
  ExpectSame(one.value(), three.value());
}

TEST_F(ShardsTest, RemoteShardsEqualOneDatabase) {
  TcpServer s0(Shard(0)), s1(Shard(1)), s2(Shard(2));
  ASSERT_TRUE(s0.ok() && s1.ok() && s2.ok()) << "xapian-tcpsrv did not start";
  fs::path stub = WriteStub("remote.stub",
                            "remote 127.0.0.1:" + std::to_string(s0.port()) +
                                "\nremote 127.0.0.1:" + std::to_string(s1.port()) +
                                "\nremote 127.0.0.1:" + std::to_string(s2.port()) + "\n");
  auto one = Searcher::Open(*root_ / "one");
  auto remote = Searcher::Open(stub);
  ASSERT_TRUE(one.ok());
  ASSERT_TRUE(remote.ok()) << remote.status().message();
  ExpectSame(one.value(), remote.value());
}

TEST_F(ShardsTest, ShardDyingAfterOpen) {
  TcpServer s0(Shard(0)), s1(Shard(1));
  ASSERT_TRUE(s0.ok() && s1.ok());
  fs::path stub = WriteStub(
      "dying.stub", "remote 127.0.0.1:" + std::to_string(s0.port()) + "\nremote 127.0.0.1:" +
                        std::to_string(s1.port()) + "\nauto three/shards/002\n");
  SearchRequest r;
  r.query = "fire";
  r.limit = 1000;
  OpenOptions options;
  options.timeout_seconds = 2;
  auto strict = Searcher::Open(stub, options);
  options.allow_partial = true;
  auto partial = Searcher::Open(stub, options);
  ASSERT_TRUE(strict.ok() && partial.ok());
  ASSERT_TRUE(strict.value().Search(r).ok());
  ASSERT_TRUE(partial.value().Search(r).ok());
  s1.Kill();
  const std::string name = "127.0.0.1:" + std::to_string(s1.port());
  // By default: an error naming the shard.
  auto failed = strict.value().Search(r);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kIOError);
  EXPECT_NE(failed.status().message().find(name), std::string::npos)
      << failed.status().message();
  // With allow_partial: the others' hits and a warning naming it, now and
  // in later searches.
  auto others = Searcher::Open(
      WriteStub("others.stub", "auto three/shards/000\nauto three/shards/002\n"));
  ASSERT_TRUE(others.ok());
  auto want = others.value().Search(r);
  for (int i = 0; i < 2; ++i) {
    auto got = partial.value().Search(r);
    ASSERT_TRUE(got.ok()) << got.status().message();
    EXPECT_EQ(got.value().hits.size(), want.value().hits.size());
    ASSERT_FALSE(got.value().warnings.empty());
    EXPECT_NE(got.value().warnings[0].find(name), std::string::npos);
    EXPECT_EQ(partial.value().LiveShardCount(), 2u);
  }
}

TEST_F(ShardsTest, ResolvesDirectoriesStubsAndNestedStubs) {
  auto plain = internal::ResolveShards(*root_ / "one");
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain.value().size(), 1u);
  EXPECT_EQ(plain.value()[0].path, *root_ / "one");
  auto dir = internal::ResolveShards(*root_ / "three");
  ASSERT_TRUE(dir.ok());
  ASSERT_EQ(dir.value().size(), 3u);
  EXPECT_EQ(dir.value()[2].path, Shard(2));
  // A stub file naming the sharded directory and another database.
  auto nested = internal::ResolveShards(
      WriteStub("nested.stub", "auto three\nauto one\nremote 127.0.0.1:1\n"));
  ASSERT_TRUE(nested.ok()) << nested.status().message();
  ASSERT_EQ(nested.value().size(), 5u);
  EXPECT_EQ(nested.value()[0].path, Shard(0));
  EXPECT_EQ(nested.value()[3].path, *root_ / "one");
  EXPECT_EQ(nested.value()[4].kind, ShardSpec::Kind::kTcp);
  // A stub naming itself is cut off.
  auto loop = internal::ResolveShards(WriteStub("loop.stub", "auto loop.stub\n"));
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.status().message().find("nested"), std::string::npos);
  auto missing = internal::ResolveShards(*root_ / "nowhere");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  // Up to 1 MiB (comments padding a real line), not a byte more.
  const std::string line = "auto one\n";
  std::string text = line + std::string((1 << 20) - line.size() - 1, '#') + "\n";
  auto largest = internal::ResolveShards(WriteStub("largest.stub", text));
  ASSERT_TRUE(largest.ok()) << largest.status().message();
  EXPECT_EQ(largest.value().size(), 1u);
  auto too_big = internal::ResolveShards(WriteStub("too-big.stub", text + "#"));
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.status().message().find("too big"), std::string::npos)
      << too_big.status().message();
  // Searching through the nested stub: both indexes, 2 x the articles.
  auto both = Searcher::Open(WriteStub("both.stub", "auto three\nauto one\n"));
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both.value().ArticleCount(), 2u * kArticles);
}

TEST_F(ShardsTest, CApiOpensStubsWithOptions) {
  const int dead = FreePort();
  fs::path stub = WriteStub("capi.stub", "auto three/shards/000\nremote 127.0.0.1:" +
                                             std::to_string(dead) + "\n");
  newsarc_open_options options;
  newsarc_open_options_init(&options);
  EXPECT_EQ(options.timeout_seconds, 10.0);
  EXPECT_EQ(options.allow_partial, 0);
  options.timeout_seconds = 2;
  newsarc_searcher* s = nullptr;
  char* error = nullptr;
  EXPECT_EQ(newsarc_open_with(stub.c_str(), &options, &s, &error), NEWSARC_IO_ERROR);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("127.0.0.1:" + std::to_string(dead)), std::string::npos);
  newsarc_string_free(error);
  options.allow_partial = 1;
  ASSERT_EQ(newsarc_open_with(stub.c_str(), &options, &s, nullptr), NEWSARC_OK);
  newsarc_request request;
  newsarc_request_init(&request);
  request.query = "fire";
  newsarc_results* r = nullptr;
  ASSERT_EQ(newsarc_search(s, &request, &r, nullptr), NEWSARC_OK);
  ASSERT_EQ(newsarc_results_warning_count(r), 1u);
  EXPECT_NE(std::string(newsarc_results_warning(r, 0)).find("left out"), std::string::npos);
  EXPECT_EQ(newsarc_results_warning(r, 1), nullptr);
  newsarc_results_free(r);
  newsarc_close(s);
}

}  // namespace
}  // namespace newsarc
