#include "readers/feed_reader.h"

#include <expat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsarc/index_writer.h"
#include "readers/article_text.h"
#include "readers/decode.h"
#include "readers/html_reader.h"

namespace newsarc::indexer {
namespace {

// Feeds are parsed whole, as .json files are.
constexpr size_t kMaxFeedBytes = kMaxJsonFileBytes;

// The encoding an XML declaration at the start of `head` names, or "".
std::string DeclaredEncoding(std::string_view head) {
  if (!head.starts_with("<?xml")) return "";
  const std::string decl = LowerAscii(head.substr(0, head.find("?>")));
  size_t at = decl.find("encoding");
  if (at == std::string::npos) return "";
  at = decl.find_first_of("\"'", at);
  if (at == std::string::npos) return "";
  const size_t end = decl.find(decl[at], at + 1);
  if (end == std::string::npos) return "";
  return decl.substr(at + 1, end - at - 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The length of the character or predefined entity reference at the start
// of `s` ("&amp;", "&#8217;", "&#x2019;"), or 0 if it starts none.
size_t XmlReferenceLength(std::string_view s) {
  for (std::string_view name : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
    if (s.starts_with(name)) return name.size();
  }
  if (!s.starts_with("&#")) return 0;
  size_t i = 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const size_t digits = i;
  while (i < s.size() && (hex ? IsHexDigit(s[i]) : IsDigit(s[i]))) ++i;
  return i > digits && i < s.size() && s[i] == ';' ? i + 1 : 0;
}

// The general entities the internal DTD subset of `xml` declares
// ("<!DOCTYPE rss [<!ENTITY site "Example">]>": "site").
std::vector<std::string> DeclaredEntities(std::string_view xml) {
  std::vector<std::string> names;
  const size_t doctype = xml.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return names;
  const size_t end = xml.find("]>", doctype);
  const std::string_view subset = xml.substr(doctype, end == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : end - doctype);
  for (size_t at = subset.find("<!ENTITY"); at != std::string_view::npos;
       at = subset.find("<!ENTITY", at + 8)) {
    size_t i = at + 8;
    while (i < subset.size() && (subset[i] == ' ' || subset[i] == '\t' || subset[i] == '\n' ||
                                 subset[i] == '\r'))
      ++i;
    size_t e = i;
    while (e < subset.size() && subset[e] != ' ' && subset[e] != '\t' && subset[e] != '\n' &&
           subset[e] != '\r' && subset[e] != '"' && subset[e] != '\'' && subset[e] != '>')
      ++e;
    if (e > i && subset[i] != '%') names.emplace_back(subset.substr(i, e - i));
  }
  return names;
}

// `xml` with every '&' that starts no XML reference escaped as "&amp;",
// outside CDATA sections, comments and processing instructions: feeds use
// HTML's entities (&nbsp;, &eacute;) without declaring them and write bare
// ampersands ("AT&T"), neither of which XML allows. The text then holds
// "&nbsp;" as written, which reading it as HTML decodes. References to the
// entities the feed declares itself stay, for Expat to expand.
std::string EscapeStrayAmpersands(std::string_view xml) {
  const std::vector<std::string> declared = DeclaredEntities(xml);
  auto is_declared = [&](std::string_view s) {  // s: from the '&'
    const size_t semicolon = s.find(';');
    if (semicolon == std::string_view::npos || semicolon < 2) return false;
    const std::string_view name = s.substr(1, semicolon - 1);
    return std::find(declared.begin(), declared.end(), name) != declared.end();
  };
  std::string out;
  out.reserve(xml.size() + xml.size() / 64);
  size_t i = 0;
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '<') {
      std::string_view close;
      if (xml.substr(i, 9) == "<![CDATA[") close = "]]>";
      else if (xml.substr(i, 4) == "<!--") close = "-->";
      else if (xml.substr(i, 2) == "<?") close = "?>";
      if (!close.empty()) {
        const size_t end = xml.find(close, i);
        const size_t stop = end == std::string_view::npos ? xml.size() : end + close.size();
        out.append(xml.substr(i, stop - i));
        i = stop;
        continue;
      }
    } else if (c == '&') {
      const size_t n = XmlReferenceLength(xml.substr(i, 16));
      if (n == 0 && !is_declared(xml.substr(i, 64))) {
        out += "&amp;";
        ++i;
        continue;
      }
      out.append(xml.substr(i, std::max<size_t>(n, 1)));
      i += std::max<size_t>(n, 1);
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// The local part of a qualified name ("content:encoded" -> "encoded").
std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* AttributeOf(const XML_Char** attributes, std::string_view name) {
  for (size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (std::string_view(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

// The value of the attribute `name`, "" when there is none.
std::string AttributeText(const XML_Char** attributes, std::string_view name) {
  const XML_Char* v = AttributeOf(attributes, name);
  return v == nullptr ? std::string() : std::string(v);
}

// One item or entry as the feed gives it.
struct Item {
  uint64_t line = 0;
  std::string title;
  std::string link;
  std::string original_link;  // FeedBurner's origLink: the story, not its redirect
  std::string guid;
  bool guid_is_link = true;  // RSS: unless isPermaLink="false"
  std::string published;     // pubDate, published
  std::string dated;         // dc:date, dcterms:issued
  std::string updated;       // updated, dcterms:modified
  std::vector<std::string> authors;
  std::string rss_author;    // RSS's <author>: "ann@x.org (Ann Lee)"
  std::string encoded;       // content:encoded
  std::string content;       // Atom's <content>
  std::string description;
  std::string summary;
  std::string language;
};

// What the feed says of all its items: for those that do not say it
// themselves.
struct Channel {
  std::string language;   // <language>, xml:lang
  std::string published;  // the channel's pubDate or dc:date
  std::string updated;    // RSS's lastBuildDate, the Atom feed's updated
  std::vector<std::string> authors;  // the Atom feed's (RFC 4287 4.2.1)
};

// Expat's callbacks fill this as it reads the feed.
class FeedParser {
 public:
  // Parses `xml` (UTF-8). The items read stay in items() whatever happens;
  // error() is the reason the parse stopped early, with its line, if it did.
  explicit FeedParser(const std::string& xml)
      : max_text_(4 * xml.size() + (size_t{1} << 20)) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (p == nullptr) {
      error_ = {0, "out of memory"};
      return;
    }
    parser_ = p;
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &FeedParser::Start, &FeedParser::End);
    XML_SetCharacterDataHandler(p, &FeedParser::Text);
    XML_SetEntityDeclHandler(p, &FeedParser::EntityDeclared);
    size_t done = 0;
    XML_Status status = XML_STATUS_OK;
    // In slices: XML_Parse takes an int length.
    constexpr size_t kSlice = size_t{1} << 30;
    do {
      const size_t n = std::min(kSlice, xml.size() - done);
      status = XML_Parse(p, xml.data() + done, static_cast<int>(n), done + n == xml.size());
      done += n;
    } while (status == XML_STATUS_OK && done < xml.size());
    if (status != XML_STATUS_OK && !error_) {
      error_ = {XML_GetCurrentLineNumber(p),
                std::string("invalid XML (") + XML_ErrorString(XML_GetErrorCode(p)) + ")"};
    }
    XML_ParserFree(p);
  }

  std::vector<Item>& items() { return items_; }
  const Channel& channel() const { return channel_; }
  const std::optional<std::pair<uint64_t, std::string>>& error() const { return error_; }

 private:
  static void Start(void* self, const XML_Char* name, const XML_Char** attributes) {
    static_cast<FeedParser*>(self)->OnStart(name, attributes);
  }
  static void End(void* self, const XML_Char* name) {
    static_cast<FeedParser*>(self)->OnEnd(name);
  }
  static void Text(void* self, const XML_Char* text, int length) {
    FeedParser* f = static_cast<FeedParser*>(self);
    // Entities a feed declares make its text longer than the file; no more
    // than a few times longer.
    f->text_ += static_cast<size_t>(length);
    if (f->text_ > f->max_text_) {
      f->Stop("its entities make it over 4 times as long: not read");
      return;
    }
    if (f->field_ != nullptr) f->field_->append(text, static_cast<size_t>(length));
  }
  // An entity whose text refers to others ("billion laughs") could make a
  // small file enormous. (Entities defined in an external DTD, as Drupal's
  // feeds declare HTML's, are not read: their references stay as text.)
  static void EntityDeclared(void* self, const XML_Char*, int, const XML_Char* value,
                             int length, const XML_Char*, const XML_Char*, const XML_Char*,
                             const XML_Char*) {
    FeedParser* f = static_cast<FeedParser*>(self);
    if (value != nullptr &&
        std::string_view(value, static_cast<size_t>(length)).find('&') != std::string_view::npos)
      f->Stop("declares entities that refer to entities: not read");
  }

  void Stop(std::string reason) {
    if (!error_) error_ = {XML_GetCurrentLineNumber(parser_), std::move(reason)};
    XML_StopParser(parser_, XML_FALSE);
  }

  // Text of the element just opened goes to `field`.
  void Into(std::string* field) {
    field_ = field;
    field_depth_ = open_.size();
  }

  void OnStart(const XML_Char* qualified, const XML_Char** attributes) {
    const std::string_view name = LocalName(qualified);
    // RSS's and Atom's own elements: not those of other vocabularies that
    // feeds mix in under the same names (media:title, media:content, ...).
    const std::string_view whole(qualified);
    const bool own = whole.size() == name.size() || whole.starts_with("atom:");
    const size_t depth = open_.size();
    open_.emplace_back(name);
    if (field_ != nullptr) {
      // Markup inside a field (Atom's type="xhtml"): kept as tags, so that
      // the field reads as HTML.
      *field_ += '<';
      *field_ += name;
      *field_ += '>';
      return;
    }
    if (depth == 0) {
      if (name == "nitf") {  // a news agency's story: one article
        nitf_ = true;
        item_.emplace();
        item_->line = XML_GetCurrentLineNumber(parser_);
        item_->guid_is_link = false;
        return;
      }
      if (name == "newsItem" || name == "newsMessage") {  // NewsML-G2: a story each
        newsml_ = true;
        OnNewsmlStart(name, attributes, depth);
        return;
      }
      if (name != "rss" && name != "RDF" && name != "feed") {
        Stop("not an RSS or Atom feed, nor a NITF or NewsML-G2 story (its root is <" +
             std::string(qualified) + ">)");
        return;
      }
      atom_ = name == "feed";
      if (const XML_Char* lang = AttributeOf(attributes, "xml:lang")) channel_.language = lang;
      return;
    }
    if (nitf_) {
      OnNitfStart(name, attributes, depth);
      return;
    }
    if (newsml_) {
      OnNewsmlStart(name, attributes, depth);
      return;
    }
    if (!item_) {
      if (name == "item" || name == "entry") {
        item_.emplace();
        item_->line = XML_GetCurrentLineNumber(parser_);
        item_depth_ = depth;
        if (const XML_Char* lang = AttributeOf(attributes, "xml:lang")) item_->language = lang;
      } else if (depth == 2 && atom_ && name == "name" && open_[1] == "author") {
        channel_.authors.emplace_back();  // feed/author/name
        Into(&channel_.authors.back());
      } else if (depth == 1 || (depth == 2 && open_[1] == "channel")) {
        // The channel's own elements (rss/channel/x, rdf:RDF/channel/x,
        // feed/x), not those of its image or text input.
        if (name == "language") {
          Into(&channel_.language);
        } else if ((own && name == "pubDate") || name == "date") {
          Into(&channel_.published);
        } else if (name == "lastBuildDate" || (own && atom_ && name == "updated")) {
          Into(&channel_.updated);
        }
      }
      return;
    }
    Item& item = *item_;
    if (depth == item_depth_ + 2 && name == "name" && open_[depth - 1] == "author") {
      item.authors.emplace_back();  // Atom: <author><name>
      Into(&item.authors.back());
      return;
    }
    if (depth != item_depth_ + 1) return;
    if (own && name == "title") {
      Into(&item.title);
    } else if (own && name == "link") {
      const XML_Char* href = AttributeOf(attributes, "href");
      const XML_Char* rel = AttributeOf(attributes, "rel");
      if (href == nullptr) {
        Into(&item.link);  // RSS: the URL is the text
      } else if (item.link.empty() && (rel == nullptr || std::string_view(rel) == "alternate")) {
        item.link = href;
      }
    } else if (name == "origLink") {
      Into(&item.original_link);
    } else if (own && (name == "guid" || name == "id")) {
      const XML_Char* permalink = AttributeOf(attributes, "isPermaLink");
      item.guid_is_link = permalink == nullptr || LowerAscii(permalink) != "false";
      Into(&item.guid);
    } else if (own && (name == "pubDate" || name == "published")) {
      Into(&item.published);
    } else if (name == "date" || name == "issued" || name == "created") {
      Into(&item.dated);
    } else if ((own && name == "updated") || name == "modified") {
      Into(&item.updated);
    } else if (name == "creator") {
      item.authors.emplace_back();
      Into(&item.authors.back());
    } else if (own && name == "author" && !atom_) {
      Into(&item.rss_author);  // (Atom's holds a <name>: see above)
    } else if (name == "encoded") {
      Into(&item.encoded);
    } else if (own && name == "content") {
      Into(&item.content);
    } else if (own && name == "description") {
      Into(&item.description);
    } else if (own && name == "summary") {
      Into(&item.summary);
    } else if (name == "language") {
      Into(&item.language);
    }
  }

  // NITF (the News Industry Text Format, as news agencies and the New York
  // Times Annotated Corpus write stories): the headline (hl1), the byline
  // (not the NYT's normalized one), the date (pubdata's date.publication,
  // date.issue's norm, the NYT's publication_year/month/day_of_month meta),
  // the URL (pubdata's ex-ref), the doc-id, and the text of body.content:
  // each block a part, the NYT's full_text block before its lead
  // paragraphs (MakeArticle takes the longest).
  void OnNitfStart(std::string_view name, const XML_Char** attributes, size_t depth) {
    Item& item = *item_;
    auto attribute = [&](std::string_view key) { return AttributeText(attributes, key); };
    // "20070115T000000" (ISO 8601's basic form) as "2007-01-15".
    auto date = [](std::string d) {
      d = OneLine(d);
      if (d.size() >= 8 && std::all_of(d.begin(), d.begin() + 8, IsDigit))
        return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
      return d;
    };
    if (content_depth_ != 0 && depth == content_depth_ + 1) {
      std::string* part = &item.content;
      if (name == "block") {
        const std::string kind = attribute("class");
        if (kind == "full_text") part = &item.encoded;
        else if (kind.find("lead") != std::string::npos) part = &item.summary;
      }
      *part += "<div>";
      Into(part);
    } else if (name == "hl1" && item.title.empty()) {
      Into(&item.title);
    } else if (name == "byline" && item.authors.empty() &&
               attribute("class") != "normalized_byline") {
      item.authors.emplace_back();
      Into(&item.authors.back());
    } else if (name == "pubdata") {
      if (item.published.empty()) item.published = date(attribute("date.publication"));
      const std::string ref = attribute("ex-ref");
      if (item.link.empty() && ref.find("://") != std::string::npos) item.link = ref;
    } else if (name == "date.issue") {
      if (item.dated.empty()) item.dated = date(attribute("norm"));
    } else if (name == "doc-id") {
      if (item.guid.empty()) item.guid = attribute("id-string");
    } else if (name == "meta") {
      const std::string key = attribute("name");
      if (key == "publication_year") year_ = attribute("content");
      else if (key == "publication_month") month_ = attribute("content");
      else if (key == "publication_day_of_month") day_ = attribute("content");
    } else if (name == "body.content") {
      content_depth_ = depth;
    }
  }

  // NewsML-G2 (IPTC's format for news agencies' items: a newsItem, or a
  // newsMessage of several): contentMeta's headline, by (else the creators'
  // names), contentCreated, firstCreated and versionCreated (the first
  // given), language and description; the text of the inlineXML content
  // (an XHTML body, or NITF's body.content) or of inlineData; the item's
  // guid as its id.
  void OnNewsmlStart(std::string_view name, const XML_Char** attributes, size_t depth) {
    auto attribute = [&](std::string_view key) { return AttributeText(attributes, key); };
    if (!item_) {
      if (name != "newsItem") return;
      item_.emplace();
      item_->line = XML_GetCurrentLineNumber(parser_);
      item_depth_ = depth;
      item_->guid_is_link = false;
      item_->guid = attribute("guid");
      item_->language = attribute("xml:lang");
      creators_.clear();
      return;
    }
    Item& item = *item_;
    if (inline_depth_ != 0) {  // inside inlineXML: its body's text
      if (name == "body.content" || (name == "body" && open_[depth - 1] == "html")) {
        item.content += "<div>";
        Into(&item.content);
      }
      return;
    }
    if (name == "inlineXML") {
      inline_depth_ = depth;
    } else if (name == "inlineData") {
      Into(&item.content);
    } else if (name == "headline" && item.title.empty()) {
      Into(&item.title);
    } else if (name == "contentCreated") {
      Into(&item.published);
    } else if (name == "firstCreated") {
      Into(&item.dated);
    } else if (name == "versionCreated") {
      Into(&item.updated);
    } else if (name == "by") {
      item.authors.emplace_back();
      Into(&item.authors.back());
    } else if (name == "creator") {
      if (std::string literal = attribute("literal"); !literal.empty())
        creators_.push_back(std::move(literal));
    } else if (name == "name" && depth > 0 && open_[depth - 1] == "creator") {
      creators_.emplace_back();
      Into(&creators_.back());
    } else if (name == "language") {
      if (item.language.empty()) item.language = attribute("tag");
    } else if (name == "description") {
      Into(&item.summary);
    }
  }

  // The end of a NewsML-G2 item: "By " off its bylines, else its creators.
  void FinishNewsml() {
    Item& item = *item_;
    if (item.authors.empty()) item.authors = std::move(creators_);
    creators_.clear();
    for (std::string& author : item.authors) author = WithoutBy(author);
  }

  static std::string WithoutBy(std::string_view name) {
    std::string n = OneLine(name);
    if (LowerAscii(n.substr(0, 3)) == "by ") n = n.substr(3);
    return n;
  }

  // The end of a NITF story: its date from the NYT's meta tags when nothing
  // else gave one, "By " off its byline.
  void FinishNitf() {
    Item& item = *item_;
    auto two = [](const std::string& n) { return n.size() == 1 ? "0" + n : n; };
    if (item.published.empty() && item.dated.empty() && year_.size() == 4 && !month_.empty() &&
        !day_.empty())
      item.dated = year_ + "-" + two(month_) + "-" + two(day_);
    for (std::string& author : item.authors) author = WithoutBy(author);
  }

  void OnEnd(const XML_Char* qualified) {
    const std::string_view name = LocalName(qualified);
    open_.pop_back();
    const size_t depth = open_.size();
    if (field_ != nullptr) {
      if (depth == field_depth_ - 1) {
        field_ = nullptr;
      } else {
        *field_ += "</";
        *field_ += name;
        *field_ += '>';
      }
      return;
    }
    if (nitf_ && depth == content_depth_) content_depth_ = 0;
    if (nitf_ && item_ && depth == 0) FinishNitf();
    if (newsml_ && depth == inline_depth_) inline_depth_ = 0;
    if (newsml_ && item_ && depth == item_depth_) FinishNewsml();
    if (item_ && depth == item_depth_) {
      items_.push_back(std::move(*item_));
      item_.reset();
    }
  }

  XML_Parser parser_ = nullptr;
  bool atom_ = false;              // the root is Atom's <feed>
  bool nitf_ = false;              // the root is NITF's <nitf>: one story
  size_t content_depth_ = 0;       // NITF: the depth of <body.content> while open, else 0
  std::string year_, month_, day_;  // NITF: the NYT's publication date meta tags
  bool newsml_ = false;            // the root is NewsML-G2's newsItem or newsMessage
  size_t inline_depth_ = 0;        // NewsML-G2: the depth of <inlineXML> while open, else 0
  std::vector<std::string> creators_;  // NewsML-G2: the item's creators' names
  std::vector<std::string> open_;  // local names of the open elements
  std::optional<Item> item_;
  size_t item_depth_ = 0;
  std::string* field_ = nullptr;  // where the text goes, if anywhere
  size_t field_depth_ = 0;        // open_.size() once the field's element opened
  Channel channel_;
  std::vector<Item> items_;
  std::optional<std::pair<uint64_t, std::string>> error_;
  size_t text_ = 0;        // the length of all its text so far
  const size_t max_text_;  // and the most it may have
};

// "ann@example.org (Ann Lee)" -> "Ann Lee"; an address alone is no name.
std::string RssAuthor(std::string_view text) {
  std::string s = OneLine(text);
  const size_t open = s.find('('), close = s.rfind(')');
  if (s.find('@') != std::string::npos) {
    if (open != std::string::npos && close != std::string::npos && close > open)
      return OneLine(s.substr(open + 1, close - open - 1));
    return "";
  }
  return s;
}

// The text of a title or other one-line field: HTML in it read as HTML.
std::string LineText(const std::string& text) {
  if (text.find_first_of("<&") == std::string::npos) return OneLine(text);
  return OneLine(HtmlFragmentText(text));
}

class FeedReader : public Reader {
 public:
  FeedReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), in_(std::move(in)) {}

  Result<std::optional<Article>> Next() override {
    if (!parsed_) {
      parsed_ = true;
      if (Status s = Parse(); !s.ok()) {
        done_ = true;
        return s;
      }
    }
    if (next_ < items_.size()) {
      const Item& item = items_[next_++];
      auto article = MakeArticle(item);
      if (!article.ok()) {
        return Status::InvalidArgument(path_ + ":" + std::to_string(item.line) + ": " +
                                       article.status().message());
      }
      Article a = std::move(article).value();
      a.source_path = path_;
      a.record = next_;
      FinishArticle(&a);
      return std::optional<Article>(std::move(a));
    }
    if (!done_ && error_) {
      done_ = true;
      return Status::InvalidArgument(path_ + ":" + std::to_string(error_->first) + ": " +
                                     error_->second);
    }
    done_ = true;
    return std::optional<Article>();
  }

 private:
  Status Parse() {
    Status error;
    std::string bytes = ReadUpTo(*in_, kMaxFeedBytes + 1, &error);
    if (!error.ok()) return Status(error.code(), path_ + ":1: " + error.message());
    if (bytes.size() > kMaxFeedBytes) {
      return Status::InvalidArgument(path_ + ":1: larger than " +
                                     std::to_string(kMaxFeedBytes >> 20) + " MiB: not read");
    }
    FeedParser parser(EscapeStrayAmpersands(DecodeAsDeclared(bytes, &DeclaredEncoding)));
    items_ = std::move(parser.items());
    channel_ = parser.channel();
    for (const Item& item : items_) items_at_[UrlKey(ItemUrl(item))].insert(ContentHash(item));
    error_ = parser.error();
    return Status::Ok();
  }

  Result<Article> MakeArticle(const Item& item) const {
    // As for a line of JSON: reading HTML takes many times its size.
    for (const std::string* text : {&item.encoded, &item.content, &item.description,
                                    &item.summary, &item.title}) {
      if (text->size() > kMaxArticleBytes) {
        return Status::InvalidArgument("item longer than " +
                                       std::to_string(kMaxArticleBytes >> 20) + " MiB");
      }
    }
    // The longest of the texts the feed gives (a summary beside the whole).
    std::string body;
    for (const std::string* text : {&item.encoded, &item.content, &item.description,
                                    &item.summary}) {
      if (OneLine(*text).empty()) continue;
      std::string t = HtmlFragmentText(*text);
      if (t.size() > body.size()) body = std::move(t);
    }
    const std::string url = ItemUrl(item);
    const std::string guid = OneLine(item.guid);
    const std::string id = Identity(item, url, guid);
    std::string date;
    for (const std::string* d : {&item.published, &item.dated, &item.updated})
      if (date.empty()) date = OneLine(*d);
    // An item without a date was published by the time the feed was.
    const bool channel_date = date.empty();
    for (const std::string* d : {&channel_.published, &channel_.updated})
      if (date.empty()) date = OneLine(*d);
    auto names = [](const std::vector<std::string>& list) {
      std::string joined;
      for (const std::string& name : list) {
        const std::string n = LineText(name);
        if (n.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += n;
      }
      return joined;
    };
    std::string authors = names(item.authors);
    if (authors.empty()) authors = RssAuthor(LineText(item.rss_author));
    if (authors.empty()) authors = names(channel_.authors);  // Atom: the feed's
    std::string language = OneLine(item.language);
    if (language.empty()) language = OneLine(channel_.language);
    RecordFields fields = {{"title", LineText(item.title)},
                           {"text", body},
                           {"url", url},
                           {"date", date},
                           {"author", authors},
                           {"language", language},
                           {"id", id}};
    auto article = ArticleFromFields(fields);
    if (!article.ok()) return Status::InvalidArgument("no title or text");
    // A channel dated at the Unix epoch (a time of 0 written out, in some
    // zone) is undated: a guess is no reason to date its items 1970.
    std::string& d = article.value().date;
    if (channel_date && (d.starts_with("1970-01-01") || d.starts_with("1969-12-31"))) d.clear();
    return article;
  }

  // The story's URL: FeedBurner's origLink, else the link, else a guid that
  // is a permalink.
  static std::string ItemUrl(const Item& item) {
    std::string url = OneLine(item.original_link);
    if (url.empty()) url = OneLine(item.link);
    const std::string guid = OneLine(item.guid);
    if (url.empty() && item.guid_is_link && guid.find("://") != std::string::npos) url = guid;
    return url;
  }

  static Article WithUrl(std::string url) {
    Article a;
    a.url = std::move(url);
    return a;
  }

  // The key an item's URL gives it: the page's (IndexWriter::ArticleId), and
  // the fragment where it names one item on the page. Blogs link each post as
  // an anchor of a page of several ("archive.html#1135529734"), comment
  // feeds each comment ("?p=390#comment-10528"): a fragment with a digit and
  // no '=' (not "#comments", "#xtor=RSS-3") is part of the key.
  static std::string UrlKey(const std::string& url) {
    std::string key = IndexWriter::ArticleId(WithUrl(url));
    if (const size_t hash = url.find('#'); hash != std::string::npos) {
      const std::string_view fragment = std::string_view(url).substr(hash + 1);
      if (fragment.find_first_of("0123456789") != std::string_view::npos &&
          fragment.find('=') == std::string_view::npos)
        key += "#" + std::string(fragment);
    }
    return key;
  }

  // The item's title and texts, hashed.
  static uint64_t ContentHash(const Item& item) {
    std::string content = item.title;
    for (const std::string* text : {&item.encoded, &item.content, &item.description,
                                    &item.summary})
      content += '\n' + *text;
    return IndexWriter::KeyHash(content);
  }

  // The item's id: "" where its URL is its identity, as for any article.
  // Items of one feed whose URLs give one key but which differ (a day's
  // page, a publisher's slip) are told apart by their guid, else by their
  // title and texts, so that none is taken for another; the same item
  // twice stays one. Without a URL, the guid.
  std::string Identity(const Item& item, const std::string& url, const std::string& guid) const {
    if (url.empty()) return guid;
    const std::string key = UrlKey(url);
    auto shared = items_at_.find(key);
    if (shared == items_at_.end() || shared->second.size() < 2)
      return key == IndexWriter::ArticleId(WithUrl(url)) ? "" : key;
    // (A guid that is the page's own URL tells nothing.)
    if (!guid.empty() && UrlKey(guid) != key) return guid;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(ContentHash(item)));
    return key + "#" + hex;
  }

  std::string path_;
  std::unique_ptr<ByteSource> in_;
  bool parsed_ = false;
  bool done_ = false;
  std::vector<Item> items_;
  size_t next_ = 0;
  Channel channel_;
  // The items of each UrlKey, by ContentHash.
  std::map<std::string, std::set<uint64_t>> items_at_;
  std::optional<std::pair<uint64_t, std::string>> error_;
};

}  // namespace

std::unique_ptr<Reader> NewFeedReader(std::string path, std::unique_ptr<ByteSource> in) {
  return std::make_unique<FeedReader>(std::move(path), std::move(in));
}

}  // namespace newsarc::indexer
