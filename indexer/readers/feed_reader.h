// .rss, .atom and .xml: a news feed (RSS 2.0, RSS 1.0/RDF, Atom), one article
// per item or entry, or a NITF story or NewsML-G2 items (below), parsed with
// Expat.
//
//   title     the item's title (HTML in it read as HTML)
//   body      the longest of content:encoded, Atom's content, description
//             and summary, read as HTML (a feed escapes or CDATA-wraps it)
//   url       FeedBurner's origLink (the story, where <link> is a redirect),
//             else RSS's <link> or Atom's <link rel="alternate"> (or with
//             no rel), else a permalink <guid>
//   id        the URL, as for any article (an item seen in two captures of
//             a feed, or saved as a page too, is one article), with its
//             fragment where that names the item (a blog's "archive.html#113"
//             a comment feed's "#comment-105"); items of one feed that differ
//             under one URL by their guid, else a hash of their texts; the
//             <guid> or Atom <id> when there is no URL
//   date      pubDate, published, dc:date, updated (the first given), else
//             the channel's pubDate or dc:date, else its lastBuildDate (Atom:
//             the feed's updated)
//   byline    dc:creator, Atom's author names, RSS's author ("ann@x.org
//             (Ann Lee)": the name); else, in Atom, the feed's authors
//   language  the item's, else the feed's (<language>, xml:lang)
// Feeds are read whole, up to 64 MiB (as .json files), and an item's texts
// up to 16 MiB each. Their bytes are decoded as the XML declaration says
// when they are not UTF-8. HTML's named entities (&nbsp;, &eacute;) and bare
// ampersands, which feeds use though XML does not allow them, are read as
// HTML reads them. Entities a feed declares are expanded, but not one that
// refers to others, and not past 4 times the feed's size (expansion could
// make a small file enormous). An .xml file whose root is not rss, RDF or
// feed is reported as no feed, unless it is a NITF story (the News Industry
// Text Format of news agencies and of the New York Times Annotated Corpus),
// one article:
//   title     the headline (hl1)
//   body      the longest text of body.content (the NYT's full_text block,
//             else its lead paragraph, else all of it), read as HTML
//   url       pubdata's ex-ref, when it is a URL; id: else the doc-id
//   date      pubdata's date.publication, else date.issue's norm, else the
//             NYT's publication_year/_month/_day_of_month meta tags
//   byline    the first byline ("By " left out; not the NYT's normalized one)
// or a NewsML-G2 item (IPTC's format for agencies' items: a newsItem, or a
// newsMessage of several, each an article): contentMeta's headline; the
// text of the inlineXML content (an XHTML body, NITF's body.content) or of
// inlineData, else the description; contentCreated, else firstCreated, else
// versionCreated; by ("By " left out), else the creators' names; language,
// else the item's xml:lang; the guid as its id.
#ifndef NEWSARC_INDEXER_READERS_FEED_READER_H_
#define NEWSARC_INDEXER_READERS_FEED_READER_H_

#include <memory>
#include <string>

#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// Reads one feed from `in` (already gunzipped). Article::record is the item's
// number in the feed (1-based); messages give the line the item starts on
// ("feed.rss:40: no title or text"), or that of a syntax error, after which
// the items read before it stand.
std::unique_ptr<Reader> NewFeedReader(std::string path, std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_FEED_READER_H_
