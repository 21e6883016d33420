// What the index writer tests share: ASSERT_OK, and a fixture with a fresh
// directory per test.
#ifndef NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_
#define NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "collapse_key.h"
#include "newsarc/searcher.h"
#include "newsarc/status.h"
#include "schema.h"

#define ASSERT_OK(expr)                   \
  do {                                    \
    const ::newsarc::Status _s = (expr);  \
    ASSERT_TRUE(_s.ok()) << _s.message(); \
  } while (0)

namespace newsarc::testing {

// dir_: TMPDIR/newsarc-PREFIX-PID-TEST, empty at the start, removed at the end.
class TempDirTest : public ::testing::Test {
 protected:
  explicit TempDirTest(const std::string& prefix) : prefix_(prefix) {}
  void SetUp() override {
    // A parameterised test's name is `Name/0`: a directory inside one that
    // TearDown would leave behind, so the slash goes.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = std::filesystem::temp_directory_path() /
           ("newsarc-" + prefix_ + "-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;

 private:
  std::string prefix_;
};

// `got` holds the hits of `want` (every hit: ask for more than match), with
// the same scores (to 1e-9, relative), totals, and order up to ties (broken
// by document id, which may differ).
inline void ExpectSameResults(const SearchResults& want, const SearchResults& got,
                              std::string_view what) {
  EXPECT_EQ(want.estimated_total, got.estimated_total) << what;
  ASSERT_EQ(want.hits.size(), got.hits.size()) << what;
  std::map<std::string, double> scores;
  for (const Hit& h : want.hits) scores[h.id] = h.score;
  for (size_t i = 0; i < got.hits.size(); ++i) {
    const Hit& h = got.hits[i];
    ASSERT_TRUE(scores.count(h.id)) << what << ": " << h.id;
    EXPECT_NEAR(h.score, scores[h.id], 1e-9 * scores[h.id]) << what << ": " << h.id;
    EXPECT_NEAR(h.score, want.hits[i].score, 1e-9 * std::max(1.0, h.score)) << what;
  }
}

// Every metadata key of the database at `db` and its value.
inline std::map<std::string, std::string> AllMetadata(const std::filesystem::path& db) {
  std::map<std::string, std::string> all;
  Xapian::Database d(db.string());
  for (auto it = d.metadata_keys_begin(); it != d.metadata_keys_end(); ++it)
    all[*it] = d.get_metadata(*it);
  return all;
}

// Checks the marks of copies (collapse_key.h) of the databases `dbs` of
// one index: complete at each one's revision (and, for several, made
// together); every article whose near-duplicate key another article of
// them shares is marked with it; a mark is always the article's own key,
// and with `exact` only those articles are marked (a writer may keep a
// mark whose copy has gone since). Returns the number of articles sharing
// a key.
inline size_t ExpectCopiesMarked(const std::vector<std::filesystem::path>& dbs,
                                 bool exact = true) {
  namespace schema = internal::schema;
  std::vector<Xapian::Database> opened;
  std::map<std::string, size_t> holders;  // key -> articles holding it
  for (const auto& path : dbs) {
    opened.emplace_back(path.string());
    EXPECT_TRUE(internal::CompleteMarks(opened.back())) << path;
    for (auto v = opened.back().valuestream_begin(schema::kSlotCollapse);
         v != opened.back().valuestream_end(schema::kSlotCollapse); ++v)
      ++holders[*v];
  }
  EXPECT_TRUE(internal::CopiesMarked(opened));
  size_t copies = 0;
  for (size_t i = 0; i < opened.size(); ++i) {
    for (auto v = opened[i].valuestream_begin(schema::kSlotCollapse);
         v != opened[i].valuestream_end(schema::kSlotCollapse); ++v) {
      const std::string mark = opened[i].get_document(v.get_docid()).get_value(schema::kSlotCopies);
      const bool shared = holders[*v] > 1;
      copies += shared;
      const std::string want = shared || (!exact && !mark.empty()) ? *v : std::string();
      EXPECT_EQ(mark, want) << dbs[i] << " document " << v.get_docid();
    }
  }
  return copies;
}

inline size_t ExpectCopiesMarked(const std::filesystem::path& db, bool exact = true) {
  return ExpectCopiesMarked(std::vector<std::filesystem::path>{db}, exact);
}

}  // namespace newsarc::testing

#endif  // NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_
