// Keys and terms derived from names: article ids, file keys, entity and
// site terms. The document builder and the query parser both call these,
// so a term written at index time is the term looked up at query time.
#ifndef NEWSARC_SRC_KEYS_H_
#define NEWSARC_SRC_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// `key` if it is at most schema::kMaxKeyBytes long, else its first bytes
// (cut at a UTF-8 boundary) followed by '#' and a 64-bit hash in hex.
std::string ShortKey(std::string_view key);

// The id of an article with neither id nor URL, named after its place in
// its file: "file:" + path + "#" + record (IndexWriter::ArticleId).
std::string FileArticleId(std::string_view path, uint64_t record);

// Where an id is stored next to its file's path (a file record, the hit
// fields), an id FileArticleId gave is written short: PackFileId returns
// "\x01" + record for it and `id` itself for any other; UnpackFileId undoes
// it. No other id starts with '\x01': article ids are cleaned of control
// characters, URLs have none.
std::string PackFileId(std::string_view id, std::string_view path);
std::string UnpackFileId(std::string packed, std::string_view path);

// FoldKey(name) with its initialisms joined (initialisms.h): the key of a
// speaker's or organisation's name, so that "J.K. Rowling" is "JK Rowling"
// and "U.S. Supreme Court" "US Supreme Court".
std::string EntityKey(std::string_view name);

// prefix + ShortKey(EntityKey(name)): the whole-name term of a speaker or
// organisation ("XSPamber rudd"). Empty if the name folds to nothing.
std::string EntityNameTerm(std::string_view prefix, std::string_view name);

// One term per word of EntityKey(name), split at spaces and hyphens, plus the
// hyphenated word whole ("XSWjean-claude", "XSWjean", "XSWclaude").
std::vector<std::string> EntityWordTerms(std::string_view prefix,
                                         std::string_view name);

// The host of a URL, lower case, without "www." ("" if none).
std::string HostOf(std::string_view url);

// The `site:` term of one host or domain as HostOf gives it ("Hbbc.co.uk").
std::string SiteTerm(std::string_view host);

// Terms for `site:`: the host and each parent domain with at least two
// labels ("Hnews.bbc.co.uk", "Hbbc.co.uk", "Hco.uk"). `host` as HostOf gives.
std::vector<std::string> SiteTerms(std::string_view host);

// A URL without scheme, "www.", fragment and trailing '/', host lower-cased:
// versions of one article share it.
std::string CanonicalUrl(std::string_view url);

// "YYYYMMDD" from an ISO 8601 date or date-time ("2017-03-29T10:00Z"),
// also accepting "YYYY-MM" and "YYYY" (missing parts become 01) and the
// RFC 822 form crawlers use ("Wed, 29 Mar 2017 10:00:00 GMT").
// "" if it is not a date.
std::string DateKey(std::string_view date);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_KEYS_H_
