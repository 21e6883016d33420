// newsarc-extract-eval: precision / recall / F1 of Extract() against a gold
// file (../shared/data/gold/GUIDELINES.md), without the indexer. Dev tool.
//
// Usage: newsarc-extract-eval ARTICLES.csv GOLD.jsonl [--misses]
// The CSV has a header row with title and text columns (and url, the gold id);
// the text opens with a dateline line, paragraphs are separated by blank lines.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "newsarc/extract.h"

namespace {

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Case and diacritic folding, leading "the" and trailing "'s" dropped.
std::string Norm(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), "'");
  icu::UnicodeString d = nfkd->normalize(u, err);
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    out.append(c);
  }
  out.foldCase();
  out.trim();
  std::string r;
  out.toUTF8String(r);
  if (r.rfind("the ", 0) == 0) r.erase(0, 4);
  if (r.size() > 2 && r.compare(r.size() - 2, 2, "'s") == 0) r.erase(r.size() - 2);
  return r;
}

struct Score {
  double tp = 0, pred = 0, gold = 0, gold_hit = 0;
  void Print(const char* what) const {
    double p = pred ? tp / pred : 0, r = gold ? gold_hit / gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("%-14s P %.3f  R %.3f  F1 %.3f  (pred %.0f, correct %.0f, gold %.0f)\n", what, p,
                r, f, pred, tp, gold);
  }
};

void ScoreOne(const std::vector<newsarc::Entity>& predicted, const rapidjson::Value& gold,
              Score* score, const std::string& kind, const std::string& id, bool misses) {
  std::vector<std::set<std::string>> forms;
  std::vector<std::string> names;
  for (const auto& g : gold.GetArray()) {
    std::set<std::string> f{Norm(g["name"].GetString())};
    for (const auto& a : g["aliases"].GetArray()) f.insert(Norm(a.GetString()));
    forms.push_back(f);
    names.push_back(g["name"].GetString());
  }
  std::set<std::string> seen;
  std::vector<bool> hit(forms.size(), false);
  for (const auto& e : predicted) {
    std::string n = Norm(e.name);
    if (!seen.insert(n).second) continue;
    score->pred++;
    bool ok = false;
    for (size_t g = 0; g < forms.size(); ++g) {
      if (!hit[g] && forms[g].count(n)) {
        hit[g] = true;
        ok = true;
        break;
      }
    }
    if (!ok) {
      for (size_t g = 0; g < forms.size(); ++g) ok = ok || forms[g].count(n);
    }
    if (ok) score->tp++;
    else if (misses) std::printf("FALSE %s %s | %s\n", kind.c_str(), e.name.c_str(), id.c_str());
  }
  score->gold += forms.size();
  for (size_t g = 0; g < forms.size(); ++g) {
    if (hit[g]) score->gold_hit++;
    else if (misses) std::printf("MISS  %s %s | %s\n", kind.c_str(), names[g].c_str(), id.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ARTICLES.csv GOLD.jsonl [--misses]\n", argv[0]);
    return 2;
  }
  bool misses = argc > 3 && std::string(argv[3]) == "--misses";
  auto rows = ReadCsv(argv[1]);
  if (rows.empty()) return 2;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  std::map<std::string, newsarc::Article> by_url;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < rows[0].size()) continue;
    newsarc::Article a;
    a.url = row[col["url"]];
    a.title = row[col["title"]];
    std::string text = row[col["text"]];
    size_t nl = text.find('\n');  // dateline
    a.body = nl == std::string::npos ? "" : text.substr(nl + 1);
    by_url[a.url] = std::move(a);
  }
  std::ifstream gold(argv[2]);
  std::string line;
  Score speakers, orgs;
  double seconds = 0;
  size_t words = 0, articles = 0;
  while (std::getline(gold, line)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || !d.IsObject()) continue;
    std::string id = d["id"].GetString();
    auto it = by_url.find(id);
    if (it == by_url.end()) {
      std::fprintf(stderr, "no article for %s\n", id.c_str());
      continue;
    }
    auto t0 = std::chrono::steady_clock::now();
    newsarc::Extraction x = newsarc::Extract(it->second);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (char c : it->second.body) words += c == ' ';
    ++articles;
    ScoreOne(x.speakers, d["speakers"], &speakers, "speaker", id, misses);
    ScoreOne(x.organisations, d["organisations"], &orgs, "org", id, misses);
  }
  std::printf("articles %zu, %.3f ms per article, %.3f ms per 1000 words\n", articles,
              1000 * seconds / articles, 1e6 * seconds / words);
  // Timing loop over every article of the CSV (not only the gold ones).
  {
    const int kRounds = 5;
    size_t all_words = 0;
    for (const auto& [url, a] : by_url) {
      for (char c : a.body) all_words += c == ' ';
    }
    auto t0 = std::chrono::steady_clock::now();
    size_t sink = 0;
    for (int r = 0; r < kRounds; ++r) {
      for (const auto& [url, a] : by_url) sink += newsarc::Extract(a).speakers.size();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double per_article = 1000 * s / (kRounds * by_url.size());
    double per_word = 1000 * s / (kRounds * static_cast<double>(all_words));
    std::printf("timing: %zu articles x %d, %.3f ms per article, %.3f ms per 600 words (%zu)\n",
                by_url.size(), kRounds, per_article, 600 * per_word, sink % 2);
  }
  speakers.Print("speakers");
  orgs.Print("organisations");
  return 0;
}
