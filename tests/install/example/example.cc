// Indexes one article into the directory given, then searches it.
//   example /tmp/my-index
#include <newsarc/index_writer.h>
#include <newsarc/searcher.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: example INDEX_DIR\n";
    return 2;
  }
  {
    auto writer = newsarc::IndexWriter::Open(argv[1]);
    if (!writer.ok()) {
      std::cerr << writer.status().message() << '\n';
      return 2;
    }
    newsarc::Article article;
    article.title = "Rudd calls for access to WhatsApp messages";
    article.body =
        "\"There should be no place for terrorists to hide,\" Amber Rudd "
        "said on Sunday.";
    article.url = "https://www.example.co.uk/news/rudd";
    article.date = "2017-03-26";
    article.source_path = "/news/rudd.txt";
    if (auto s = writer.value().Add(article); !s.ok()) {
      std::cerr << s.message() << '\n';
      return 2;
    }
    if (auto s = writer.value().Commit(); !s.ok()) {
      std::cerr << s.message() << '\n';
      return 2;
    }
  }

  auto searcher = newsarc::Searcher::Open(argv[1]);
  if (!searcher.ok()) {
    std::cerr << searcher.status().message() << '\n';
    return 2;
  }
  newsarc::SearchRequest request;
  request.query = "whatsapp terrorists";
  request.facets = true;
  auto results = searcher.value().Search(request);
  if (!results.ok()) {
    std::cerr << results.status().message() << '\n';
    return 2;
  }
  for (const newsarc::Hit& hit : results.value().hits) {
    std::cout << hit.rank << ". " << hit.title << "  " << hit.date << '\n'
              << "   " << hit.snippet << '\n';
  }
  for (const newsarc::Facet& facet : results.value().facets) {
    for (const newsarc::FacetValue& v : facet.values)
      std::cout << facet.name << ": " << v.value << " (" << v.count << ")\n";
  }
  return results.value().hits.empty() ? 1 : 0;
}
