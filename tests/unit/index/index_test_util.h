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
    dir_ = std::filesystem::temp_directory_path() /
           ("newsarc-" + prefix_ + "-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
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

// Checks the marks of copies of the one database at `db` (collapse_key.h):
// complete at its revision, on exactly the articles whose near-duplicate
// key another article shares, each the article's own key. Returns the
// number of articles marked.
inline size_t ExpectCopiesMarked(const std::filesystem::path& db) {
  Xapian::Database d(db.string());
  namespace schema = internal::schema;
  EXPECT_EQ(d.get_metadata(std::string(schema::kMetaCopies)), std::to_string(d.get_revision()));
  std::map<std::string, std::vector<Xapian::docid>> by_key;
  for (auto v = d.valuestream_begin(schema::kSlotCollapse);
       v != d.valuestream_end(schema::kSlotCollapse); ++v)
    by_key[*v].push_back(v.get_docid());
  size_t copies = 0;
  for (const auto& [key, ids] : by_key) {
    for (Xapian::docid id : ids) {
      const std::string mark = d.get_document(id).get_value(schema::kSlotCopies);
      EXPECT_EQ(mark, ids.size() > 1 ? key : std::string()) << "document " << id;
      if (ids.size() > 1) ++copies;
    }
  }
  return copies;
}

}  // namespace newsarc::testing

#endif  // NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_
