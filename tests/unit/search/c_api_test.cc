// The C API over a small index written through IndexWriter.
#include "newsarc/newsarc.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "newsarc/index_writer.h"

namespace {

namespace fs = std::filesystem;

class CApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("newsarc-capi-" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    auto writer = newsarc::IndexWriter::Open(*dir_);
    ASSERT_TRUE(writer.ok());
    newsarc::Article a;
    a.title = "Rudd calls for WhatsApp access";
    a.body = "\"There should be no place for terrorists to hide,\" Amber Rudd said.\n\n"
             "Home Secretary Amber Rudd said: \"WhatsApp must not be a secret "
             "place for terrorists.\"";
    a.url = "https://www.example.co.uk/rudd";
    a.date = "2017-03-26";
    a.source_path = "/news/rudd.txt";
    ASSERT_TRUE(writer.value().Add(a).ok());
    ASSERT_TRUE(writer.value().Commit().ok());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path* dir_;
};
fs::path* CApiTest::dir_ = nullptr;

TEST_F(CApiTest, OpenSearchIterateFree) {
  newsarc_searcher* s = nullptr;
  char* error = nullptr;
  ASSERT_EQ(newsarc_open(dir_->c_str(), &s, &error), NEWSARC_OK);
  EXPECT_EQ(error, nullptr);
  EXPECT_EQ(newsarc_article_count(s), 1u);

  newsarc_request request;
  newsarc_request_init(&request);
  EXPECT_EQ(request.limit, 10u);
  EXPECT_EQ(request.collapse, 1);
  request.query = "Rud WhatsApp";
  request.facets = 1;
  newsarc_results* r = nullptr;
  ASSERT_EQ(newsarc_search(s, &request, &r, &error), NEWSARC_OK);
  EXPECT_STREQ(newsarc_results_suggestion(r), "Rudd WhatsApp");
  ASSERT_EQ(newsarc_results_count(r), 1u);
  EXPECT_EQ(newsarc_results_total(r), 1u);  // one article: counted
  EXPECT_EQ(newsarc_results_total_exact(r), 1);
  newsarc_hit hit;
  ASSERT_EQ(newsarc_results_hit(r, 0, &hit), NEWSARC_OK);
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_STREQ(hit.title, "Rudd calls for WhatsApp access");
  EXPECT_STREQ(hit.site, "example.co.uk");
  EXPECT_STREQ(hit.date, "2017-03-26");
  EXPECT_STREQ(hit.path, "/news/rudd.txt");
  EXPECT_NE(std::string(hit.snippet).find("terrorists"), std::string::npos);
  for (size_t j = 0; j < hit.speaker_count; ++j)
    EXPECT_NE(newsarc_hit_speaker(r, 0, j), nullptr);
  EXPECT_EQ(newsarc_hit_speaker(r, 0, hit.speaker_count), nullptr);
  EXPECT_EQ(newsarc_results_hit(r, 1, &hit), NEWSARC_INVALID_ARGUMENT);

  ASSERT_EQ(newsarc_results_facet_count(r), 5u);
  EXPECT_STREQ(newsarc_results_facet_name(r, 3), "year");
  uint64_t count = 0;
  EXPECT_STREQ(newsarc_results_facet_value(r, 3, 0, &count), "2017");
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(newsarc_results_facet_value(r, 3, 1, &count), nullptr);
  EXPECT_EQ(newsarc_results_facet_name(r, 5), nullptr);
  newsarc_results_free(r);
  newsarc_close(s);
}

// Options: maps on by default; searches with and without them agree.
TEST_F(CApiTest, OpenWithMapsOnAndOff) {
  newsarc_open_options options;
  newsarc_open_options_init(&options);
  EXPECT_EQ(options.map_files, 1);
  std::string titles[2];
  for (int map = 0; map < 2; ++map) {
    options.map_files = map;
    newsarc_searcher* s = nullptr;
    ASSERT_EQ(newsarc_open_with(dir_->c_str(), &options, &s, nullptr), NEWSARC_OK);
    for (int i = 0; i < 3; ++i) {  // from the second on, mapped when asked
      newsarc_request request;
      newsarc_request_init(&request);
      request.query = "whatsapp terrorists";
      newsarc_results* r = nullptr;
      ASSERT_EQ(newsarc_search(s, &request, &r, nullptr), NEWSARC_OK);
      ASSERT_EQ(newsarc_results_count(r), 1u);
      newsarc_hit hit;
      ASSERT_EQ(newsarc_results_hit(r, 0, &hit), NEWSARC_OK);
      titles[map] = std::string(hit.title) + " | " + hit.snippet;
      newsarc_results_free(r);
    }
    newsarc_close(s);
  }
  EXPECT_EQ(titles[0], titles[1]);
  EXPECT_NE(titles[1].find("WhatsApp"), std::string::npos);
}

TEST_F(CApiTest, Quotes) {
  newsarc_searcher* s = nullptr;
  ASSERT_EQ(newsarc_open(dir_->c_str(), &s, nullptr), NEWSARC_OK);
  newsarc_request request;
  newsarc_request_init(&request);
  EXPECT_EQ(request.quotes, 0);
  request.query = "speaker:rudd terrorists";
  request.quotes = 1;
  newsarc_results* r = nullptr;
  ASSERT_EQ(newsarc_search(s, &request, &r, nullptr), NEWSARC_OK);
  EXPECT_EQ(newsarc_results_count(r), 0u);  // quotes instead of hits
  const size_t n = newsarc_results_quote_count(r);
  ASSERT_GE(n, 1u);
  newsarc_quote quote;
  ASSERT_EQ(newsarc_results_quote(r, 0, &quote), NEWSARC_OK);
  EXPECT_EQ(quote.rank, 1u);
  EXPECT_STREQ(quote.speaker, "Amber Rudd");
  EXPECT_NE(std::string(quote.text).find("place for terrorists"),
            std::string::npos) << quote.text;
  EXPECT_EQ(quote.direct, 1);
  EXPECT_STREQ(quote.title, "Rudd calls for WhatsApp access");
  EXPECT_STREQ(quote.path, "/news/rudd.txt");
  EXPECT_STREQ(quote.date, "2017-03-26");
  EXPECT_GT(quote.score, 0);
  EXPECT_EQ(newsarc_results_quote(r, n, &quote), NEWSARC_INVALID_ARGUMENT);
  EXPECT_EQ(newsarc_results_quote(nullptr, 0, &quote), NEWSARC_INVALID_ARGUMENT);
  EXPECT_EQ(newsarc_results_quote_count(nullptr), 0u);
  newsarc_results_free(r);
  newsarc_close(s);
}

TEST_F(CApiTest, ErrorsAreCodesAndMessages) {
  newsarc_searcher* s = nullptr;
  char* error = nullptr;
  EXPECT_EQ(newsarc_open("/nonexistent/newsarc", &s, &error), NEWSARC_NOT_FOUND);
  EXPECT_EQ(s, nullptr);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("/nonexistent/newsarc"), std::string::npos);
  newsarc_string_free(error);
  EXPECT_EQ(newsarc_open(nullptr, &s, nullptr), NEWSARC_INVALID_ARGUMENT);
  EXPECT_STREQ(newsarc_status_string(NEWSARC_NOT_FOUND), "not found");

  ASSERT_EQ(newsarc_open(dir_->c_str(), &s, nullptr), NEWSARC_OK);
  newsarc_request request;
  newsarc_request_init(&request);
  request.query = "rudd AND";
  newsarc_results* r = nullptr;
  EXPECT_EQ(newsarc_search(s, &request, &r, &error), NEWSARC_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
  ASSERT_NE(error, nullptr);
  newsarc_string_free(error);
  EXPECT_EQ(newsarc_search(s, nullptr, &r, nullptr), NEWSARC_INVALID_ARGUMENT);
  request.query = nullptr;
  request.like = "no-such-article";
  EXPECT_EQ(newsarc_search(s, &request, &r, nullptr), NEWSARC_NOT_FOUND);
  // NULL objects are fine everywhere.
  newsarc_results_free(nullptr);
  newsarc_close(nullptr);
  EXPECT_EQ(newsarc_results_count(nullptr), 0u);
  EXPECT_EQ(newsarc_results_total(nullptr), 0u);
  EXPECT_EQ(newsarc_results_total_exact(nullptr), 0);
  EXPECT_STREQ(newsarc_results_suggestion(nullptr), "");
  newsarc_close(s);
}

}  // namespace
