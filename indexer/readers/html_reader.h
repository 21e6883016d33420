// .html / .htm: one saved web page is one article, parsed with Gumbo (an
// HTML5 parser: tag soup is read as browsers read it).
//
//   title     og:title or twitter:title, else the JSON-LD's headline, else
//             the first <h1> of the text, else <title>
//   body      the text of the page's <article> (the one with the most text
//             when there are several), else of <main>, else of <body>;
//             scripts, styles, navigation, headers, footers, asides,
//             figures, forms and hidden elements left out, and blocks at
//             least half link text (menus, tag lists, a front page's
//             headlines); each block (paragraph, heading, list item, ...)
//             a paragraph; the
//             JSON-LD's articleBody when it is longer; the description
//             meta tag (else the JSON-LD's) when there is no text
//   url       the first absolute one of <link rel="canonical">, og:url and
//             the JSON-LD's url; else the first of them given
//   date      article:published_time, else the JSON-LD's datePublished,
//             else the other publication-date meta tags crawlers and CMSs
//             write, else the first <time datetime> of the text
//   byline    the JSON-LD's authors, else the author meta tags (not
//             profile URLs)
//   language  <html lang>, else the JSON-LD's inLanguage
// The JSON-LD is the page's first schema.org article object in a <script
// type="application/ld+json"> (ParseJsonLdArticle, json_reader.h).
// The bytes are decoded as the page declares (<meta charset>, or the
// http-equiv content type) when they are not UTF-8, else as any text file.
#ifndef NEWSARC_INDEXER_READERS_HTML_READER_H_
#define NEWSARC_INDEXER_READERS_HTML_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsarc/article.h"
#include "newsarc/status.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// How deep a page's elements may nest. Gumbo's parser checks the open
// elements at many tags, so its time grows with the depth times the number
// of tags (49,990 nested <div>s: 4 s); real pages nest a few dozen deep.
inline constexpr size_t kMaxHtmlDepth = 1000;

// How deep the elements of `html` nest, as a scan of its tags reads them:
// void elements and "/>" open nothing, an end tag closes up to the last
// open element of its name (none if there is none), a p, li, dt, dd,
// option, tr, td or th closes one of its kind right before it, and the
// text of scripts, styles, titles, text areas and comments is no markup.
// Gumbo's tree nests about as deep (HTML's other implied end tags aside).
// Stops counting once past `stop_above`.
size_t NestingDepth(std::string_view html, size_t stop_above = SIZE_MAX);

// The charset a page declares in its first 4 KB (<meta charset="...">, or
// content="text/html; charset=..."), lower case, or "".
std::string DeclaredCharset(std::string_view head);

// The text of a piece of HTML given as text (a JSON-LD articleBody, a
// feed's description), normalised: as HTML when it holds markup (a '<'
// before a letter, '/' or '!'), else each line a paragraph; character
// references decoded either way; what a page's text leaves out (scripts,
// figures, ...) left out. "" when it nests more than kMaxHtmlDepth deep.
std::string HtmlFragmentText(std::string_view html);

// The article in one page (`html`: the file's bytes). `charset`: the one an
// HTTP response gave for the page, which decides over the page's own
// declaration (as browsers take it); "" for none. kInvalidArgument with the
// reason only ("no title or text"); the caller adds "path:line: ".
[[nodiscard]] Result<Article> ParseHtmlArticle(std::string_view html,
                                               std::string_view charset = {});

// Reads one .html/.htm file from `in` (already gunzipped): one article,
// record 0.
std::unique_ptr<Reader> NewHtmlReader(std::string path, std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_HTML_READER_H_
