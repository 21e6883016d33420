// The indexer's run (RunIndex) over an index that an older newsarc's
// extractor wrote: the summary says how many files it read, and
// --reextract reads them again.
#include "pipeline.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "flags.h"
#include "index_test_util.h"
#include "newsarc/extract.h"
#include "schema.h"

namespace newsarc::indexer {
namespace {
namespace fs = std::filesystem;

class PipelineTest : public testing::TempDirTest {
 protected:
  PipelineTest() : TempDirTest("pipeline") {}

  void SetUp() override {
    TempDirTest::SetUp();
    docs_ = dir_ / "news";
    fs::create_directories(docs_ / "more");
    Write(docs_ / "a.txt", "Harbour reopens\n\n\"We are ready,\" said Anna Berg of Acme Corp.\n");
    Write(docs_ / "b.txt", "Mill closes\n\nThe mill closed on Monday, Tom Reed said.\n");
    Write(docs_ / "more" / "c.txt", "Rain\n\nRain fell all day.\n");
  }

  static void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
  }

  RunSummary Run(const fs::path& input, bool reextract = false) {
    IndexFlags flags;
    flags.db = dir_ / "index";
    flags.inputs = {input.string()};
    flags.quiet = true;
    flags.reextract = reextract;
    auto summary = RunIndex(flags);
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    return summary.ok() ? summary.value() : RunSummary{};
  }

  // What a newsarc from before extractor versions leaves.
  void ForgetTheExtractorVersion() {
    Xapian::WritableDatabase db((dir_ / "index").string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(internal::schema::kMetaExtractor), "");
    db.commit();
  }

  // `run` left an index that this extractor read in full: its summary has
  // no note, and the next run reads nothing.
  void ExpectThisExtractors(const RunSummary& run) {
    EXPECT_EQ(run.files_older_extractor, 0u);
    EXPECT_EQ(run.extractor_version, kExtractorVersion);
    EXPECT_EQ(FormatSummary(run, "idx").find("older newsarc"), std::string::npos);
    const RunSummary next = Run(docs_);
    EXPECT_EQ(next.files_unchanged, 3u);
    EXPECT_EQ(next.files_older_extractor, 0u);
  }

  fs::path docs_;
};

TEST_F(PipelineTest, ANewIndexSaysNothingOfOlderExtractors) {
  const RunSummary first = Run(docs_);
  EXPECT_EQ(first.files_new, 3u);
  ExpectThisExtractors(first);
}

TEST_F(PipelineTest, ReextractReadsOlderFilesAgain) {
  Run(docs_);
  ForgetTheExtractorVersion();
  const RunSummary stale = Run(docs_);
  EXPECT_EQ(stale.files_unchanged, 3u);
  EXPECT_EQ(stale.files_older_extractor, 3u);
  EXPECT_EQ(stale.extractor_version, 0);
  EXPECT_NE(FormatSummary(stale, "idx").find(
                "3 indexed files were read by an older newsarc (extractor version unrecorded, "
                "now " + std::to_string(kExtractorVersion) +
                "), whose words, speakers, organisations and quotes may differ: newsarc-index "
                "--reextract PATH reads them again"),
            std::string::npos)
      << FormatSummary(stale, "idx");

  // A part of the folder: the rest still counts.
  const RunSummary part = Run(docs_ / "more", true);
  EXPECT_EQ(part.files_reextracted, 1u);
  EXPECT_EQ(part.files_unchanged, 0u);
  EXPECT_EQ(part.files_older_extractor, 2u);
  EXPECT_NE(FormatSummary(part, "idx").find("1 read (0 new, 0 changed, 1 re-extracted)"),
            std::string::npos)
      << FormatSummary(part, "idx");

  // The whole folder: every article comes back, and the index is this
  // extractor's from then on.
  const RunSummary all = Run(docs_, true);
  EXPECT_EQ(all.files_reextracted, 3u);
  EXPECT_EQ(all.articles_indexed, 3u);
  EXPECT_EQ(all.index_articles, 3u);
  ExpectThisExtractors(all);
}

}  // namespace
}  // namespace newsarc::indexer
