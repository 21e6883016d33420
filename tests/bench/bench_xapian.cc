// The baseline: the same queries through libxapian alone, as a minimal
// Xapian application would run them on the same index: QueryParser (AND,
// English stemmer, STEM_SOME, the query lower-cased), BM25 with newsarc's
// parameters, the top 10, each document's data read and a 240-character
// MSet::snippet made from it.
#include <xapian.h>

#include <cctype>
#include <cstdio>

#include "bench_common.h"

int main(int argc, char** argv) {
  bench::Args args;
  if (!bench::ParseArgs(argc, argv, args)) return 2;
  try {
    Xapian::Database db(args.db);
    Xapian::Stem stem("english");
    return bench::Run("xapian", args, [&](const std::string& q) -> size_t {
      std::string lower = q;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      Xapian::QueryParser qp;
      qp.set_database(db);
      qp.set_stemmer(stem);
      qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      qp.set_default_op(Xapian::Query::OP_AND);
      Xapian::Query query = qp.parse_query(lower);
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
      Xapian::MSet mset = enquire.get_mset(0, 10);
      size_t n = 0;  // keeps the work from being optimised away
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        std::string data = it.get_document().get_data();
        if (args.snippets) n += !mset.snippet(data, 240, stem).empty();
      }
      return mset.size() + n * 0;
    });
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 2;
  }
}
