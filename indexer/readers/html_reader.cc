#include "readers/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "readers/article_text.h"
#include "readers/decode.h"
#include "readers/json_reader.h"

namespace newsarc::indexer {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Gumbo's memory, taken from large blocks and given back all at once:
// Gumbo frees its tree recursively, which a page nested deep enough would
// take past the end of the stack, and its many small blocks come cheaper so.
class Arena {
 public:
  // `block`: the size of the blocks small requests share (a page takes 1 MB
  // ones; a fragment of a few KB needs far less).
  explicit Arena(size_t block = size_t{1} << 20) : block_(block) {}
  static void* Allocate(void* arena, size_t size) {
    return static_cast<Arena*>(arena)->Take(size);
  }
  static void Free(void*, void*) {}

 private:
  void* Take(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > block_ / 4) return blocks_.emplace_back(new std::byte[size]).get();
    if (size > left_) {
      next_ = blocks_.emplace_back(new std::byte[block_]).get();
      left_ = block_;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
  }

  size_t block_;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  size_t left_ = 0;
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string AttributeLower(const GumboNode* node, const char* name) {
  const char* v = Attribute(node, name);
  return v ? LowerAscii(v) : std::string();
}

// Hidden from readers: `hidden`, aria-hidden="true", an inline display:none.
bool Hidden(const GumboNode* node) {
  if (Attribute(node, "hidden") != nullptr) return true;
  if (AttributeLower(node, "aria-hidden") == "true") return true;
  std::string style = AttributeLower(node, "style");
  style.erase(std::remove_if(style.begin(), style.end(), IsSpace), style.end());
  return style.find("display:none") != std::string::npos;
}

// Elements whose text is not the article's.
bool Skipped(GumboTag tag, bool keep_header) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_MENU:
      return true;
    case GUMBO_TAG_HEADER:
      return !keep_header;
    default:
      return false;
  }
}

// Elements that make a paragraph of their own.
bool Block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// Appends `text` with each run of white space as one space.
void AppendCollapsed(std::string_view text, std::string* out) {
  for (char c : text) {
    if (IsSpace(c)) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// The readable text under `root`, one paragraph per block ("\n\n" between
// them; NormalizeBody tidies). An explicit stack: pages can nest deeply.
// `drop_link_blocks`: leave out each block (below the root) whose text is at
// least half the text of links: menus, lists of other stories' titles, tag
// lists, "read more" lines. A paragraph keeps the links in its sentences.
std::string TextOf(const GumboNode* root, bool keep_header, bool drop_link_blocks = false) {
  std::string out;
  struct Step {
    const GumboNode* node;
    enum { kNode, kClose, kLinkEnd } kind;  // a node; the end of a block, of a link
  };
  // The blocks open below the root: where their text starts in `out`, how
  // many of its characters are not white space, and how many are in links.
  struct Open {
    size_t start = 0, chars = 0, in_links = 0;
  };
  std::vector<Open> blocks;
  std::vector<Step> stack{{root, Step::kNode}};
  size_t links_open = 0;
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    if (step.kind == Step::kLinkEnd) {
      --links_open;
      continue;
    }
    if (step.kind == Step::kClose) {
      if (drop_link_blocks && step.node != root) {
        const Open b = blocks.back();
        blocks.pop_back();
        if (b.chars > 0 && b.in_links * 2 >= b.chars) {
          out.resize(b.start);
        } else if (!blocks.empty()) {
          blocks.back().chars += b.chars;
          blocks.back().in_links += b.in_links;
        }
      }
      out += "\n\n";
      continue;
    }
    const GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      const std::string_view text = node->v.text.text;
      AppendCollapsed(text, &out);
      if (drop_link_blocks && !blocks.empty()) {
        const auto n = static_cast<size_t>(
            std::count_if(text.begin(), text.end(), [](char c) { return !IsSpace(c); }));
        blocks.back().chars += n;
        if (links_open > 0) blocks.back().in_links += n;
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;  // comments, CDATA, templates
    const GumboTag tag = node->v.element.tag;
    if (node != root && (Skipped(tag, keep_header) || Hidden(node))) continue;
    if (tag == GUMBO_TAG_BR) {
      out += '\n';
      continue;
    }
    // (A link, not an anchor: <a name> marks a place in the text.)
    if (tag == GUMBO_TAG_A && node != root &&
        gumbo_get_attribute(&node->v.element.attributes, "href") != nullptr) {
      ++links_open;
      stack.push_back({node, Step::kLinkEnd});
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += ' ';
    const bool block = Block(tag);
    if (block) {
      out += "\n\n";
      if (drop_link_blocks && node != root) blocks.push_back({out.size(), 0, 0});
      stack.push_back({node, Step::kClose});
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), Step::kNode});
  }
  return out;
}

// What the walk over the whole page finds.
struct Page {
  std::string title;  // <title>
  std::string language;
  std::string canonical;
  std::vector<std::pair<std::string, std::string>> meta;  // (name, content), names lower case
  std::vector<std::string> json_ld;  // the text of each <script type="application/ld+json">
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

bool InArticle(const GumboNode* node) {
  for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
    if (up->type == GUMBO_NODE_ELEMENT && up->v.element.tag == GUMBO_TAG_ARTICLE) return true;
  }
  return false;
}

Page Walk(const GumboNode* document) {
  Page page;
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = node->v.element;
      children = &e.children;
      switch (e.tag) {
        case GUMBO_TAG_HTML:
          if (const char* lang = Attribute(node, "lang"); lang && page.language.empty())
            page.language = lang;
          break;
        case GUMBO_TAG_TITLE:
          if (page.title.empty()) page.title = TextOf(node, true);
          continue;
        case GUMBO_TAG_META: {
          const char* content = Attribute(node, "content");
          if (content == nullptr) break;
          for (const char* key : {"property", "name", "itemprop"}) {
            if (const char* name = Attribute(node, key))
              page.meta.emplace_back(LowerAscii(name), content);
          }
          break;
        }
        case GUMBO_TAG_LINK:
          if (page.canonical.empty() && AttributeLower(node, "rel") == "canonical") {
            if (const char* href = Attribute(node, "href")) page.canonical = href;
          }
          break;
        case GUMBO_TAG_SCRIPT:
          if (OneLine(AttributeLower(node, "type")) == "application/ld+json") {
            std::string script;
            for (unsigned i = 0; i < e.children.length; ++i) {
              const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
              if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
                script += child->v.text.text;
            }
            page.json_ld.push_back(std::move(script));
          }
          continue;
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
          continue;
        case GUMBO_TAG_ARTICLE:
          // Outermost only: one inside another (a comment) has less text,
          // and reading every level of nested ones again would be quadratic.
          if (!Hidden(node) && !InArticle(node)) page.articles.push_back(node);
          break;
        case GUMBO_TAG_MAIN:
          if (page.main == nullptr && !Hidden(node)) page.main = node;
          break;
        case GUMBO_TAG_BODY:
          if (page.body == nullptr) page.body = node;
          break;
        default:
          if (page.main == nullptr && AttributeLower(node, "role") == "main" && !Hidden(node))
            page.main = node;
          break;
      }
    }
    if (children == nullptr) continue;
    for (unsigned i = children->length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
  }
  return page;
}

// The first non-empty `found(element)` under `root`, in document order,
// not looking into what readers' text leaves out (the root excepted).
template <typename Found>
std::string FirstIn(const GumboNode* root, Found found) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node != root && (Skipped(node->v.element.tag, true) || Hidden(node))) continue;
    if (std::string value = found(node); !value.empty()) return value;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  return "";
}

// The text of the first <h1> under `root` that has some.
std::string FirstHeading(const GumboNode* root) {
  return FirstIn(root, [](const GumboNode* node) {
    return node->v.element.tag == GUMBO_TAG_H1 ? OneLine(TextOf(node, true)) : std::string();
  });
}

// The datetime of the first <time> under `root` that has one.
std::string FirstTime(const GumboNode* root) {
  return FirstIn(root, [](const GumboNode* node) {
    const char* when =
        node->v.element.tag == GUMBO_TAG_TIME ? Attribute(node, "datetime") : nullptr;
    return std::string(when ? when : "");
  });
}

std::string MetaValue(const Page& page, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    for (const auto& [key, value] : page.meta) {
      if (key == name && !OneLine(value).empty()) return value;
    }
  }
  return "";
}

// `title` without a trailing " | Site" (or " - ", " – ", " — ") naming `site`.
std::string WithoutSiteName(std::string title, std::string_view site) {
  if (site.empty()) return title;
  const std::string lower_site = LowerAscii(site);
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    if (LowerAscii(OneLine(title.substr(at + separator.size()))) == lower_site)
      return title.substr(0, at);
  }
  return title;
}

// The first paragraph of `body` (a normalised body).
std::string_view FirstParagraph(std::string_view body) {
  return body.substr(0, std::min(body.find("\n\n"), body.size()));
}

// Gumbo's tree of `html` (UTF-8), its memory taken from `arena`; nullptr if
// Gumbo gives none. Never given to gumbo_destroy_output: the arena frees it.
const GumboNode* ParseTree(std::string_view html, Arena* arena) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::Allocate;
  options.deallocator = &Arena::Free;
  options.userdata = arena;
  options.max_errors = 0;  // each error keeps a copy of the open elements
  const GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  return output ? output->document : nullptr;
}

}  // namespace

std::string HtmlFragmentText(std::string_view body) {
  bool markup = false;
  for (size_t i = body.find('<'); i != std::string_view::npos && !markup;
       i = body.find('<', i + 1)) {
    const char next = i + 1 < body.size() ? body[i + 1] : ' ';
    markup = (IsNameChar(next) && !(next >= '0' && next <= '9')) || next == '/' || next == '!';
  }
  std::string html;
  if (markup) {
    html = body;
  } else {
    for (char c : body) {
      if (c == '\n') html += "<p>";
      else html += c;
    }
  }
  if (NestingDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth) return "";
  Arena arena(std::clamp<size_t>(html.size() * 16, size_t{16} << 10, size_t{1} << 20));
  const GumboNode* document = ParseTree(html, &arena);
  if (document == nullptr) return "";
  const Page page = Walk(document);
  return page.body ? NormalizeBody(TextOf(page.body, true)) : std::string();
}

namespace {

// A byline from an author's name as pages give it: on one line, without a
// leading "By "; "" for a profile page's URL.
std::string AuthorName(std::string_view name) {
  std::string v = OneLine(name);
  if (v.find("://") != std::string::npos) return "";
  if (LowerAscii(v.substr(0, 3)) == "by ") v = v.substr(3);
  return v;
}

}  // namespace

std::string DeclaredCharset(std::string_view head) {
  const std::string lower = LowerAscii(head);
  for (size_t at = lower.find("<meta"); at != std::string::npos;
       at = lower.find("<meta", at + 5)) {
    const size_t end = lower.find('>', at);
    const std::string_view tag =
        std::string_view(lower).substr(at, end == std::string::npos ? std::string::npos : end - at);
    size_t c = tag.find("charset");
    if (c == std::string::npos) continue;
    c += 7;
    while (c < tag.size() && IsSpace(tag[c])) ++c;
    if (c >= tag.size() || tag[c] != '=') continue;
    ++c;
    while (c < tag.size() && (IsSpace(tag[c]) || tag[c] == '"' || tag[c] == '\'')) ++c;
    auto in_name = [](char x) {
      return (x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') || x == '-' || x == '_' ||
             x == '.' || x == ':';
    };
    size_t e = c;
    while (e < tag.size() && in_name(tag[e])) ++e;
    if (e > c) return std::string(tag.substr(c, e - c));
  }
  return "";
}

size_t NestingDepth(std::string_view html, size_t stop_above) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br",    "col",   "embed",
                                               "hr",   "img",  "input", "link",  "meta",
                                               "param", "source", "track", "wbr", "keygen"};
  static constexpr std::string_view kOwnKind[] = {"p",  "li", "dt", "dd", "option",
                                                  "tr", "td", "th"};
  static constexpr std::string_view kRawText[] = {"script", "style",    "textarea", "title",
                                                  "xmp",    "noembed", "noframes", "iframe"};
  auto in = [](const auto& list, std::string_view name) {
    return std::find(std::begin(list), std::end(list), name) != std::end(list);
  };
  const std::string lower = LowerAscii(html);
  const std::string_view text = lower;
  std::vector<std::string_view> open;
  size_t deepest = 0;
  for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i)) {
    if (text.substr(i, 4) == "<!--") {
      const size_t e = text.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    const bool end = i + 1 < text.size() && text[i + 1] == '/';
    const size_t from = i + (end ? 2 : 1);
    size_t to = from;
    while (to < text.size() && IsNameChar(text[to])) ++to;
    if (to == from || !(text[from] >= 'a' && text[from] <= 'z')) {
      ++i;
      continue;
    }
    const std::string_view name = text.substr(from, to - from);
    const size_t close = text.find('>', to);
    if (close == std::string_view::npos) break;
    i = close + 1;
    if (end) {
      auto at = std::find(open.rbegin(), open.rend(), name);
      if (at != open.rend()) open.erase(at.base() - 1, open.end());
      continue;
    }
    if (in(kVoid, name) || text[close - 1] == '/') continue;
    if (in(kOwnKind, name) && !open.empty() && open.back() == name) open.pop_back();
    open.push_back(name);
    deepest = std::max(deepest, open.size());
    if (deepest > stop_above) break;
    if (in(kRawText, name)) {  // its text is no markup: on to its end tag
      i = text.find("</" + std::string(name), i);
      if (i == std::string_view::npos) break;
    }
  }
  return deepest;
}

Result<Article> ParseHtmlArticle(std::string_view html, std::string_view charset) {
  const std::string text =
      charset.empty() ? DecodeAsDeclared(html, &DeclaredCharset) : DecodeWithCharset(html, charset);
  if (NestingDepth(text, kMaxHtmlDepth) > kMaxHtmlDepth) {
    return Status::InvalidArgument("elements nested more than " +
                                   std::to_string(kMaxHtmlDepth) + " deep: not read");
  }
  Arena arena;
  const GumboNode* document = ParseTree(text, &arena);
  if (document == nullptr) return Status::InvalidArgument("no title or text");
  const Page page = Walk(document);
  // The page's JSON-LD article (schema.org), if it has one.
  JsonLdArticle ld;
  for (const std::string& script : page.json_ld) {
    if (auto found = ParseJsonLdArticle(script)) {
      ld = std::move(*found);
      break;
    }
  }
  // Character references, which some sites write in it ("Rudd&#8217;s").
  for (std::string* field : {&ld.headline, &ld.author, &ld.description, &ld.publisher}) {
    if (field->find('&') != std::string::npos) *field = OneLine(HtmlFragmentText(*field));
  }

  // The text: the <article> with the most, unless it holds little of the
  // page's (teasers on a front page); else <main>; else <body>.
  // (Without the blocks of links: on a front or section page, the titles of
  // the stories it links to would make it match every search for them.)
  const GumboNode* outer = page.main ? page.main : page.body;
  std::string body = outer ? TextOf(outer, false, /*drop_link_blocks=*/true) : std::string();
  const GumboNode* root = outer;
  std::string best;
  const GumboNode* best_article = nullptr;
  for (const GumboNode* article : page.articles) {
    std::string t = TextOf(article, true, /*drop_link_blocks=*/true);
    if (best_article == nullptr || t.size() > best.size()) {
      best = std::move(t);
      best_article = article;
    }
  }
  if (best_article != nullptr && best.size() * 10 >= body.size() * 3) {
    body = std::move(best);
    root = best_article;
  }
  body = NormalizeBody(body);
  // The JSON-LD's body when the page shows less of the text (a teaser above
  // a paywall, a page whose scripts fill the text in).
  if (!ld.body.empty()) {
    std::string full = HtmlFragmentText(ld.body);
    if (full.size() > body.size()) body = std::move(full);
  }

  std::string site = MetaValue(page, {"og:site_name", "application-name"});
  if (OneLine(site).empty()) site = ld.publisher;
  std::string title = MetaValue(page, {"og:title", "twitter:title", "headline"});
  if (OneLine(title).empty()) title = ld.headline;
  if (OneLine(title).empty() && root != nullptr) title = FirstHeading(root);
  if (OneLine(title).empty()) title = WithoutSiteName(OneLine(page.title), site);
  title = OneLine(title);
  // The headline again at the top of the text.
  if (!title.empty() && OneLine(FirstParagraph(body)) == title) {
    const size_t cut = body.find("\n\n");
    body = cut == std::string::npos ? std::string() : body.substr(cut + 2);
  }

  // Open Graph's publication time, else the JSON-LD's, else the other
  // meta tags', else the first <time> of the text.
  std::string date = MetaValue(page, {"article:published_time", "og:published_time"});
  if (OneLine(date).empty()) date = ld.date;
  if (OneLine(date).empty()) {
    date = MetaValue(page, {"datepublished", "date", "pubdate", "publishdate", "publish-date",
                            "publication_date", "dc.date.issued", "dcterms.issued", "dc.date",
                            "dcterms.date", "dcterms.created", "sailthru.date",
                            "parsely-pub-date", "article.published",
                            "citation_publication_date"});
  }
  if (OneLine(date).empty() && root != nullptr) date = FirstTime(root);
  // The JSON-LD's authors (each one named), else the author meta tags.
  std::string author = AuthorName(ld.author);
  for (const auto& [key, value] : page.meta) {
    if (!author.empty()) break;
    if (key == "author" || key == "article:author" || key == "dc.creator" || key == "byl" ||
        key == "sailthru.author" || key == "parsely-author")
      author = AuthorName(value);
  }
  // The first absolute URL of the canonical link, og:url and the JSON-LD's
  // url; else the first of them given ("/news/a").
  std::string url;
  for (const std::string& u :
       {OneLine(page.canonical), OneLine(MetaValue(page, {"og:url"})), OneLine(ld.url)}) {
    if (u.find("://") != std::string::npos) {
      url = u;
      break;
    }
    if (url.empty()) url = u;
  }
  std::string description =
      MetaValue(page, {"og:description", "description", "twitter:description"});
  if (OneLine(description).empty()) description = ld.description;

  RecordFields fields = {{"title", title},
                         {"text", body},
                         {"description", description},
                         {"url", url},
                         {"date", date},
                         {"author", author},
                         {"language", page.language.empty() ? ld.language : page.language}};
  auto article = ArticleFromFields(fields);
  if (!article.ok()) return Status::InvalidArgument("no title or text");
  return article;
}

namespace {

class HtmlReader : public Reader {
 public:
  HtmlReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), in_(std::move(in)) {}

  Result<std::optional<Article>> Next() override {
    if (done_) return std::optional<Article>();
    done_ = true;
    Status error;
    // A page is read whole, and never more than the limit of one article:
    // a longer one is refused (cut short, its markup would be broken).
    std::string bytes = ReadUpTo(*in_, kMaxArticleBytes + 1, &error);
    if (!error.ok()) return Status(error.code(), path_ + ":1: " + error.message());
    if (bytes.size() > kMaxArticleBytes) {
      return Status::InvalidArgument(path_ + ":1: longer than " +
                                     std::to_string(kMaxArticleBytes >> 20) +
                                     " MiB: not read");
    }
    auto article = ParseHtmlArticle(bytes);
    if (!article.ok()) return Status::InvalidArgument(path_ + ":1: " + article.status().message());
    Article a = std::move(article).value();
    a.source_path = path_;
    FinishArticle(&a);
    return std::optional<Article>(std::move(a));
  }

 private:
  std::string path_;
  std::unique_ptr<ByteSource> in_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<Reader> NewHtmlReader(std::string path, std::unique_ptr<ByteSource> in) {
  return std::make_unique<HtmlReader>(std::move(path), std::move(in));
}

}  // namespace newsarc::indexer
