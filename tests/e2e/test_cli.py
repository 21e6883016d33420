"""End-to-end tests: run the real newsarc-index and newsarc-search binaries
on temporary folders and check what a user sees (exit codes, output, JSON)."""
import fcntl
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

INDEX = os.environ.get("NEWSARC_INDEX_BIN", "newsarc-index")
SEARCH = os.environ.get("NEWSARC_SEARCH_BIN", "newsarc-search")
DATA = os.path.join(os.environ.get("NEWSARC_TESTDATA", "../testdata"), "e2e")


class Env(unittest.TestCase):
    """A fresh articles folder and index location per test."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="newsarc-e2e-")
        self.docs = os.path.join(self.tmp, "news")
        self.db = os.path.join(self.tmp, "index")
        os.makedirs(self.docs)
        self.env = dict(os.environ, NEWSARC_DB=self.db, NO_COLOR="1")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, name, source=None, text=None, data=None):
        path = os.path.join(self.docs, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if source:
            shutil.copy(os.path.join(DATA, source), path)
        elif data is not None:
            with open(path, "wb") as f:
                f.write(data)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return path

    def index(self, *args, expect=0):
        p = subprocess.run([INDEX, *args] + ([] if args else [self.docs]), env=self.env,
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, expect, f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        return p

    def search(self, *args, expect=0):
        p = subprocess.run([SEARCH, *args], env=self.env, capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(p.returncode, expect, f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        return p

    def hits(self, query, *args):
        p = subprocess.run([SEARCH, "--json", *args, query], env=self.env, capture_output=True,
                           text=True, timeout=60)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return json.loads(p.stdout)["hits"]

    def extracted(self, *args):
        """The rows `newsarc-index --extract-only --json ARGS` prints."""
        p = subprocess.run([INDEX, "--extract-only", "--json", *args], env=self.env,
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        return [json.loads(line) for line in p.stdout.splitlines()]

    def titles(self, query, *args):
        return [h["title"] for h in self.hits(query, *args)]

    def touch_later(self, path):
        # A new mtime even on file systems with coarse timestamps.
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


SEED_TITLE = ("Google, Microsoft, Facebook and Twitter prepare for crunch meeting with "
              "Amber Rudd after WhatsApp allegations")


class Indexing(Env):
    def setUp(self):
        super().setUp()
        self.add("archive/seed.txt", "seed.txt")
        self.add("zurich.txt", "zurich.txt")
        self.add("feeds/feed.jsonl", "feed.jsonl")
        self.add("wire.csv", "wire.csv")
        self.add("latin1.txt", "latin1.txt")
        with open(os.path.join(DATA, "feed.jsonl"), "rb") as f:
            self.add("feeds/old.jsonl.gz", data=gzip.compress(
                f.read().replace(b"news.example.org", b"old.example.org")))

    def test_every_format_is_indexed(self):
        p = self.index()
        self.assertIn("8 articles indexed", p.stderr)
        self.assertEqual(self.titles("Rudd WhatsApp encryption")[0], SEED_TITLE)
        self.assertIn("Harvest begins early", self.titles("wheat harvest"))
        # The plain and .gz copy of the feed: one story, folded unless --all.
        self.assertEqual(len(self.hits("council bridge", "--all")), 2)
        self.assertEqual([h["duplicates"] for h in self.hits("council bridge")], [1])
        self.assertEqual(self.hits("site:old.example.org bridge")[0]["site"], "old.example.org")

    def test_a_saved_web_page_is_an_article(self):
        self.add("pages/heatwave.html", text=(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>Heatwave closes schools | The Example Post</title>"
            '<meta property="og:site_name" content="The Example Post">'
            '<meta property="article:published_time" content="2019-07-25T08:00:00Z">'
            '<link rel="canonical" href="https://www.post.example/news/heatwave">'
            "<script>var ads = 'sunscreen';</script></head><body>"
            "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><main><article>"
            "<h1>Heatwave closes schools</h1><p>Schools in three counties closed on Thursday "
            "as temperatures passed 38C.</p><p>&ldquo;Children&rsquo;s safety comes first,"
            "&rdquo; said council leader Maria Lopez.</p></article></main>"
            "<footer>Sport newsletter</footer></body></html>"))
        self.add("pages/menu.htm.gz", data=gzip.compress(b"<nav>Home</nav>"))
        # A page whose scripts fill the text in: all of it is in its JSON-LD.
        self.add("pages/app.html", text=(
            '<html><head><script type="application/ld+json">'
            '{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "Ferry strike ends", "datePublished": "2020-02-03",'
            ' "author": {"@type": "Person", "name": "Tom Ward"},'
            ' "url": "https://news.example.org/ferry",'
            ' "articleBody": "The ferry strike ended on Monday.\\n'
            '\\"Crossings resume tomorrow,\\" union leader Ana Costa said."}'
            '</script></head><body><div id="app">Loading</div></body></html>'))
        p = self.index(expect=1)  # the page with no text is reported
        self.assertRegex(p.stderr, r"menu\.htm\.gz:1: no title or text")
        hits = self.hits("schools temperatures")
        self.assertEqual(len(hits), 1)
        hit = hits[0]
        self.assertEqual(hit["title"], "Heatwave closes schools")
        self.assertEqual(hit["url"], "https://www.post.example/news/heatwave")
        self.assertEqual(hit["site"], "post.example")
        self.assertTrue(hit["date"].startswith("2019-07-25"), hit["date"])
        self.assertEqual(hit["speakers"], ["Maria Lopez"])
        self.assertEqual(self.titles("speaker:lopez"), ["Heatwave closes schools"])
        # Scripts, navigation and footers are not the article's text.
        for word in ("sunscreen", "sport", "newsletter"):
            self.assertEqual(self.hits(word), [], word)
        hits = self.hits("ferry crossings")
        self.assertEqual([h["title"] for h in hits], ["Ferry strike ends"])
        self.assertEqual(hits[0]["url"], "https://news.example.org/ferry")
        self.assertEqual(hits[0]["date"], "2020-02-03")
        self.assertEqual(hits[0]["speakers"], ["Ana Costa"])
        self.assertEqual(self.hits("loading"), [])

    def test_a_news_feed_is_one_article_per_item(self):
        self.add("feeds/news.rss", text=(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example</title>\n'
            "<item><title>Ferry strike ends</title><link>https://news.example.org/ferry</link>"
            "<pubDate>Mon, 03 Feb 2020 10:00:00 GMT</pubDate><dc:creator>Tom Ward</dc:creator>"
            "<description><![CDATA[<p>The ferry strike ended on Monday.</p><p>&ldquo;Crossings "
            "resume tomorrow,&rdquo; union leader Ana Costa said.</p>]]></description></item>\n"
            "<item><title>Harbour bridge reopens</title><link>https://news.example.org/harbour"
            "</link><description>The harbour bridge reopened on Tuesday.</description></item>\n"
            "</channel></rss>\n"))
        self.add("feeds/sitemap.xml", text='<?xml version="1.0"?>\n<urlset></urlset>\n')
        # A news agency's story in NITF (as the NYT Annotated Corpus has them).
        self.add("wire/0000123.xml", text=(
            '<?xml version="1.0"?>\n<nitf><head><meta content="1987" name="publication_year"/>'
            '<meta content="3" name="publication_month"/><meta content="5" '
            'name="publication_day_of_month"/><docdata><doc-id id-string="0000123"/></docdata>'
            '</head><body><body.head><hedline><hl1>Harbor Cranes Return</hl1></hedline>'
            '<byline class="print_byline">By ANN LEE</byline></body.head><body.content>'
            '<block class="full_text"><p>The harbor cranes returned on Friday.</p><p>"We are '
            'open again," said Tom Ward, the port director.</p></block></body.content></body>'
            '</nitf>\n'))
        p = self.index(expect=1)  # the sitemap is reported, the feed indexed
        hits = self.hits("harbor cranes")
        self.assertEqual([h["title"] for h in hits], ["Harbor Cranes Return"])
        self.assertEqual(hits[0]["date"], "1987-03-05")
        self.assertEqual(hits[0]["speakers"], ["Tom Ward"])
        self.assertIn("sitemap.xml:2: not an RSS or Atom feed, nor a NITF or NewsML-G2 story (its root is <urlset>)", p.stderr)
        hits = self.hits("ferry crossings")
        self.assertEqual([h["title"] for h in hits], ["Ferry strike ends"])
        self.assertEqual(hits[0]["url"], "https://news.example.org/ferry")
        self.assertTrue(hits[0]["date"].startswith("2020-02-03"), hits[0]["date"])
        self.assertEqual(hits[0]["speakers"], ["Ana Costa"])
        self.assertEqual(self.titles("harbour bridge"), ["Harbour bridge reopens"])
        # A second capture of the feed, one item new: the article already
        # indexed from the first (same URL) is not added again.
        self.add("feeds/news-2.rss", text=(
            "<rss><channel><item><title>Ferry strike ends</title>"
            "<link>https://news.example.org/ferry</link><description>The ferry strike ended."
            "</description></item><item><title>Library hours cut</title>"
            "<link>https://news.example.org/library</link><description>Libraries will close "
            "earlier.</description></item></channel></rss>"))
        self.index()  # (the sitemap, unchanged, is not read again)
        self.assertEqual(len(self.hits("ferry")), 1)
        self.assertEqual(self.titles("library"), ["Library hours cut"])
        # A blog's posts, each an anchor of one archive page: each an article.
        self.add("feeds/blog.atom", text=(
            '<feed xmlns="http://www.w3.org/2005/Atom">' + "".join(
                f'<entry><title>{t}</title><link href="http://blog.example/2005_12_archive.html'
                f'#{n}"/><updated>2005-12-2{n}T00:00:00Z</updated><content>{t} at night.'
                "</content></entry>" for n, t in ((1, "Kettle boils"), (2, "Toaster burns")))
            + "</feed>"))
        self.index()
        self.assertEqual(self.titles("kettle"), ["Kettle boils"])
        self.assertEqual(self.titles("toaster"), ["Toaster burns"])

    def test_a_web_archive_is_one_article_per_page(self):
        def record(kind, uri, block, date="2019-07-26T09:00:00Z"):
            head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
                    f"WARC-Date: {date}\r\nContent-Type: application/http; msgtype={kind}\r\n"
                    f"Content-Length: {len(block)}\r\n\r\n").encode()
            return gzip.compress(head + block + b"\r\n\r\n")  # a gzip member per record

        def page(title, text, status="200 OK", encoding=None):
            html = (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
                    f"<article><h1>{title}</h1>{text}</article></body></html>").encode()
            headers = "Content-Type: text/html; charset=utf-8\r\n"
            if encoding == "gzip":
                html = gzip.compress(html)
                headers += "Content-Encoding: gzip\r\n"
            return f"HTTP/1.1 {status}\r\n{headers}\r\n".encode() + html

        url = "https://www.post.example/news/heatwave"
        self.add("crawls/post.warc.gz", data=b"".join([
            record("warcinfo", "", b"software: test\r\n"),
            record("request", url, b"GET /news/heatwave HTTP/1.1\r\n\r\n"),
            record("response", url, page(
                "Heatwave warning issued", "<p>Forecasters warned of a heatwave.</p>"),
                date="2019-07-24T09:00:00Z"),
            record("response", "https://www.post.example/logo.png",
                   b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\0\0"),
            record("response", "https://www.post.example/old",
                   page("Moved", "<p>Moved elsewhere.</p>", status="301 Moved Permanently")),
            # A later capture of the same page: it replaces the first.
            record("response", url, page(
                "Heatwave closes schools",
                "<p>Schools in three counties closed on Thursday as temperatures passed "
                "38C.</p><p>\u201cChildren\u2019s safety comes first,\u201d said council "
                "leader Maria Lopez.</p>", encoding="gzip")),
            record("response", "https://www.post.example/empty", page("", "")),
        ]))
        p = self.index(expect=1)  # the empty page is reported
        self.assertRegex(p.stderr,
                         r"post\.warc\.gz:\d+: https://www\.post\.example/empty: no title or text")
        hits = self.hits("heatwave")
        self.assertEqual([h["title"] for h in hits], ["Heatwave closes schools"])
        hit = hits[0]
        self.assertEqual(hit["url"], url)
        self.assertEqual(hit["date"], "2019-07-26T09:00:00Z")  # the time of capture
        self.assertEqual(hit["path"], os.path.join(self.docs, "crawls", "post.warc.gz"))
        self.assertEqual(hit["speakers"], ["Maria Lopez"])
        self.assertEqual(self.hits("moved"), [])
        # A second run reads nothing again.
        p = self.index()
        self.assertIn("0 read", p.stderr)

    def test_an_arc_file_is_read_as_a_web_archive_too(self):
        def page(title, text):
            return (b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"
                    + f"<html><head><title>{title}</title></head><body><p>{text}</p>"
                      f"</body></html>".encode())

        def record(url, date, block, kind="text/html"):
            head = f"{url} 192.0.2.7 {date} {kind} {len(block)}\n".encode()
            return gzip.compress(head + block + b"\n")  # a gzip member per record

        storm = "http://www.post.example/news/storm"
        self.add("crawls/z-2004.arc.gz", data=b"".join([
            record("filedesc://z-2004.arc", "20040724090000",
                   b"1 0 Post crawl\nURL IP-address Archive-date Content-type Archive-length\n",
                   kind="text/plain"),
            record("dns:www.post.example", "20040724090001", b"192.0.2.7\n", kind="text/dns"),
            record(storm, "20040724090002",
                   page("Storm floods the valley", "Rivers burst their banks overnight.")),
            record("http://www.post.example/news/fair", "20040724090003",
                   page("County fair opens", "The fair opened with a parade of tractors.")),
        ]))
        self.index()
        hit = self.hits("tractors")[0]
        self.assertEqual(hit["title"], "County fair opens")
        self.assertEqual(hit["date"], "2004-07-24T09:00:03Z")  # the time of capture
        self.assertEqual(hit["path"], os.path.join(self.docs, "crawls", "z-2004.arc.gz"))
        self.assertEqual(self.titles("rivers burst"), ["Storm floods the valley"])
        # A later crawl of the same page, in a WARC file whose path sorts
        # first: the later capture wins.
        block = page("Storm damage counted", "Rivers burst their banks; the damage is counted.")
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {storm}\r\n"
                f"WARC-Date: 2019-03-01T10:00:00Z\r\nContent-Length: {len(block)}\r\n\r\n")
        self.add("crawls/a-2019.warc", data=head.encode() + block + b"\r\n\r\n")
        self.index()
        self.assertEqual(self.titles("rivers burst"), ["Storm damage counted"])

    def test_default_database_location_is_shared(self):
        env = dict(self.env)
        del env["NEWSARC_DB"]
        env["XDG_DATA_HOME"] = os.path.join(self.tmp, "xdg")
        subprocess.run([INDEX, self.docs], env=env, capture_output=True, check=True)
        self.assertTrue(os.path.isdir(os.path.join(self.tmp, "xdg", "newsarc", "index")))
        p = subprocess.run([SEARCH, "--paths", "zurich"], env=env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), os.path.join(self.docs, "zurich.txt"))

    def test_other_encodings_are_converted(self):
        self.index()
        hits = self.hits("creme montreal")
        self.assertEqual(len(hits), 1)
        self.assertEqual(hits[0]["title"], "Café crème prices rise in Montréal")

    def test_broken_record_is_reported_and_the_rest_indexed(self):
        self.add("broken.jsonl", "broken.jsonl")
        p = self.index(expect=1)
        self.assertRegex(p.stderr, r"broken\.jsonl:2: ")
        self.assertEqual(self.titles("aardvarks"), ["First good record"])
        self.assertEqual(self.titles("zebras"), ["Third good record"])

    def test_folding_and_stemming(self):
        self.index()
        self.assertIn("Café society returns to Zürich", self.titles("zurich cafe"))
        self.assertIn("Café society returns to Zürich", self.titles("ZÜRICH CAFÉS"))
        self.assertIn(SEED_TITLE, self.titles("Masood’s"))
        self.assertIn(SEED_TITLE, self.titles("masood's"))
        self.assertIn(SEED_TITLE, self.titles("encrypt"))

    def test_entities_are_searchable(self):
        self.index()
        for q in ["speaker:rudd", 'speaker:"amber rudd"', "speaker:mackey", "org:whatsapp",
                  'org:"metropolitan police"', "org:met", "speaker:rudd org:whatsapp"]:
            self.assertIn(SEED_TITLE, self.titles(q), q)
        self.assertEqual(self.hits("speaker:whatsapp"), [])

    def test_a_filters_group_puts_the_filter_on_each_value(self):
        self.index()
        self.assertIn(SEED_TITLE, self.titles("speaker:(mackey OR nobodyknown)"))
        self.assertIn(SEED_TITLE, self.titles('org:(whatsapp "metropolitan police")'))
        everything = self.titles("-org:nobodyknown")
        self.assertIn(SEED_TITLE, everything)
        # Excluded, as without the brackets (Xapian alone required the speaker).
        for q in ["-speaker:(rudd)", "-speaker:(rudd OR nobodyknown)", "-speaker: (rudd)"]:
            self.assertNotIn(SEED_TITLE, self.titles(q), q)
            self.assertEqual(self.titles(q), self.titles("-speaker:rudd"), q)
        p = self.search("speaker:()", expect=2)
        self.assertIn("speaker: needs a value inside its brackets", p.stderr)


class Incremental(Env):
    def setUp(self):
        super().setUp()
        self.seed = self.add("seed.txt", "seed.txt")
        self.zurich = self.add("zurich.txt", "zurich.txt")
        self.feed = self.add("feed.jsonl", "feed.jsonl")

    def test_second_run_reads_nothing(self):
        self.index()
        p = self.index()
        self.assertIn("0 read", p.stderr)
        self.assertIn("3 unchanged", p.stderr)

    def test_changed_file_replaces_its_articles(self):
        self.index()
        with open(self.zurich, "w", encoding="utf-8") as f:
            f.write("Geneva opens its markets\n\nThe markets of Geneva open at dawn.\n")
        self.touch_later(self.zurich)
        p = self.index()
        self.assertIn("1 changed", p.stderr)
        self.assertEqual(self.titles("geneva"), ["Geneva opens its markets"])
        self.search("zurich", expect=1)

    def test_vanished_file_is_removed(self):
        self.index()
        os.remove(self.feed)
        p = self.index()
        self.assertIn("1 removed", p.stderr)
        self.search("communities", expect=1)
        self.assertEqual(len(self.hits("zurich OR rudd")), 2)

    def test_new_file_is_added(self):
        self.index()
        self.add("wire.csv", "wire.csv")
        p = self.index()
        self.assertIn("1 new", p.stderr)
        self.assertIn("Harvest begins early", self.titles("harvest"))

    def test_indexing_a_subfolder_leaves_the_rest(self):
        self.add("sub/wire.csv", "wire.csv")
        self.index()
        self.index(os.path.join(self.docs, "sub"))
        self.assertEqual(len(self.hits("zurich OR rudd OR harvest")), 3)

    def paths(self, query):
        return sorted(h["path"] for h in self.hits(query, "--all"))

    def test_a_moved_folder_is_pointed_out_and_pruned(self):
        # seed.txt and the feed carry URLs (their articles keep their ids
        # when the files move); zurich.txt has none (its path is its key).
        self.index()
        moved = os.path.join(self.tmp, "moved")
        os.rename(self.docs, moved)
        p = self.index(moved)
        self.assertIn("3 new", p.stderr)
        self.assertIn("0 removed", p.stderr)
        self.assertIn(f"3 indexed files are in folders that no longer exist ({self.docs}, ...): "
                      "newsarc-index --prune removes their articles", p.stderr)
        # Until then the old files keep the articles they hold.
        old_seed, new_seed = self.seed, os.path.join(moved, "seed.txt")
        self.assertEqual(self.paths("rudd"), [old_seed])
        self.assertEqual(self.paths("zurich"), [os.path.join(moved, "zurich.txt"), self.zurich])
        p = self.index("--prune")
        self.assertIn("3 removed", p.stderr)
        self.assertIn("--prune: 3 of the removed files were outside PATH", p.stderr)
        # The moved files take their articles back; nothing is left twice.
        self.assertEqual(self.paths("rudd"), [new_seed])
        self.assertEqual(self.paths("zurich"), [os.path.join(moved, "zurich.txt")])
        self.assertEqual(self.paths("communities"), [os.path.join(moved, "feed.jsonl")])
        p = self.index(moved)
        self.assertIn("3 unchanged, 0 removed", p.stderr)
        self.assertNotIn("no longer exist", p.stderr)

    def test_prune_with_a_path_leaves_existing_files_elsewhere(self):
        self.index()
        kept = os.path.join(self.tmp, "kept")
        os.makedirs(kept)
        shutil.copy(os.path.join(DATA, "wire.csv"), kept)
        self.index(kept)
        os.remove(self.feed)
        # Without --prune a file gone from under another PATH stays.
        p = self.index(kept)
        self.assertIn("0 removed", p.stderr)
        self.assertNotIn("no longer exist", p.stderr)  # its folder is still there
        self.assertEqual(len(self.hits("communities")), 1)
        p = self.index("--prune", kept)
        self.assertIn("1 unchanged, 1 removed", p.stderr)
        self.search("communities", expect=1)
        self.assertIn("Harvest begins early", self.titles("harvest"))
        self.assertEqual(len(self.hits("zurich OR rudd")), 2)

    def test_prune_alone_needs_an_index(self):
        p = self.index("--prune", expect=2)
        self.assertIn(f"no index {self.db}: --prune without PATH prunes an index that exists",
                      p.stderr)
        self.assertFalse(os.path.exists(self.db))
        p = self.index("--prune", "--extract-only", self.docs, expect=2)
        self.assertIn("--prune goes with indexing, not --extract-only", p.stderr)


class Versions(Env):
    ARTICLE = "Title v{v}\n\nhttp://www.example.com/story\n\nVersion {v} of 3.\n\nBody of version {v} mentions {word}.\n"

    def write(self, name, v, word):
        return self.add(name, text=self.ARTICLE.format(v=v, word=word))

    def test_highest_version_wins_and_comes_back(self):
        self.write("a.txt", 1, "apples")
        v3 = self.write("b.txt", 3, "cherries")
        self.write("c.txt", 2, "bananas")
        self.index()
        hits = self.hits("story OR apples OR cherries OR bananas")
        self.assertEqual([h["version"] for h in hits], [3])
        os.remove(v3)
        self.index()
        hits = self.hits("story OR apples OR cherries OR bananas")
        self.assertEqual([h["version"] for h in hits], [2])
        self.assertEqual(self.titles("bananas"), ["Title v2"])

    def test_equal_versions_in_two_files_go_to_the_last_path(self):
        # One page captured by two crawls, 40 other files between them: the
        # reader threads race, yet every new index keeps the capture of the
        # file whose path sorts last, and removing it brings back the other.
        for i in range(40):
            self.add("%02d.json" % i, text=json.dumps(
                {"title": "Filler %d" % i, "url": "https://x.example/f%d" % i,
                 "text": "Words about item %d." % i}))
        page = {"url": "https://x.example/page", "text": "The harbour story as captured."}
        self.add("crawl-2019-05.json", text=json.dumps(dict(page, title="May capture")))
        june = self.add("crawl-2019-06.json", text=json.dumps(dict(page, title="June capture")))
        for run in range(4):
            shutil.rmtree(self.db, ignore_errors=True)
            self.index("-q", "--jobs", "2", self.docs)
            self.assertEqual(self.titles("harbour"), ["June capture"], "run %d" % run)
        os.remove(june)
        self.index("-q", self.docs)
        self.assertEqual(self.titles("harbour"), ["May capture"])


class Search(Env):
    def setUp(self):
        super().setUp()
        self.add("seed.txt", "seed.txt")
        self.add("zurich.txt", "zurich.txt")
        self.add("feed.jsonl", "feed.jsonl")
        self.add("wire.csv", "wire.csv")
        self.index()

    def test_json_output_parses_back(self):
        doc = json.loads(self.search("--json", "Rudd WhatsApp encryption").stdout)
        self.assertEqual(doc["query"], "Rudd WhatsApp encryption")
        self.assertGreaterEqual(doc["total"], 1)
        hit = doc["hits"][0]
        self.assertEqual(hit["title"], SEED_TITLE)
        self.assertEqual(hit["site"], "independent.co.uk")
        self.assertTrue(hit["path"].endswith("seed.txt"))
        self.assertIn("Amber Rudd", hit["speakers"])
        self.assertIn("Metropolitan Police", hit["organisations"])
        self.assertTrue(hit["snippet"])

    def test_and_falls_back_to_or(self):
        doc = json.loads(self.search("--json", "zurich zebrafish").stdout)
        self.assertTrue(doc["relaxed"])
        self.assertEqual(doc["missing"], ["zebrafish"])
        self.assertEqual(doc["hits"][0]["title"], "Café society returns to Zürich")
        # Words that never meet: OR'd, nothing named missing.
        doc = json.loads(self.search("--json", "zurich encryption").stdout)
        self.assertTrue(doc["relaxed"])
        self.assertEqual(doc["missing"], [])
        self.assertEqual(len(doc["hits"]), 2)

    def test_words_no_article_has_are_left_out(self):
        # The other words are still all required: the seed article alone.
        doc = json.loads(self.search("--json", "Rudd zebrafish encryption").stdout)
        self.assertTrue(doc["relaxed"])
        self.assertEqual(doc["missing"], ["zebrafish"])
        self.assertEqual([h["title"] for h in doc["hits"]], self.titles("Rudd encryption"))
        self.assertEqual([h["title"] for h in doc["hits"]], [SEED_TITLE])
        out = self.search("Rudd zebrafish encryption").stdout
        self.assertIn('(no article has "zebrafish"; showing those with the other words)', out)

    def test_phrase_and_boolean(self):
        self.assertEqual(self.titles('"end-to-end encryption"'), [SEED_TITLE])
        self.assertEqual(self.titles('"encryption end-to-end"'), [])
        self.assertEqual(self.titles("river NOT storm"), ["Council approves new bridge"])
        self.assertEqual(sorted(self.titles("river OR storm")),
                         ["Council approves new bridge", "Storm closes schools"])

    def test_exclusions_alone(self):
        # `-storm` alone means every article but those with the word (as
        # `NOT storm`), not the articles with it.
        every = self.titles("NOT zebrafish", "--limit", "100")
        self.assertIn("Storm closes schools", every)
        rest = [t for t in every if t != "Storm closes schools"]
        self.assertEqual(sorted(self.titles("-storm", "--limit", "100")), sorted(rest))
        both = self.titles("-storm -river", "--limit", "100")
        self.assertEqual(sorted(both), sorted(t for t in rest if t != "Council approves new bridge"))
        self.assertEqual(sorted(self.titles('-"end-to-end encryption"', "--limit", "100")),
                         sorted(t for t in every if t != SEED_TITLE))
        # Stop words and brackets leave the minus signs their meaning.
        self.assertEqual(sorted(self.titles("the -storm", "--limit", "100")), sorted(rest))
        self.assertEqual(sorted(self.titles("(-storm)", "--limit", "100")), sorted(rest))
        said = self.titles("said", "--limit", "100")
        self.assertIn("Storm closes schools", said)
        self.assertEqual(sorted(self.titles("said (-storm)", "--limit", "100")),
                         sorted(t for t in said if t != "Storm closes schools"))
        self.assertEqual(sorted(self.titles("said AND (-storm -river)", "--limit", "100")),
                         sorted(t for t in said if t in both))

    def test_date_ranges_and_sort(self):
        self.assertEqual(self.titles("date:2019"), ["Council approves new bridge"])
        self.assertEqual(self.titles("date:2018-11"), ["Storm closes schools"])
        self.assertEqual(self.titles("date:2017..2018", "--sort", "date"),
                         ["Harvest begins early", "Storm closes schools"])
        self.assertEqual(self.titles("date:2018-01-01..", "--sort", "-date"),
                         ["Council approves new bridge", "Storm closes schools"])

    def test_paths_limit_offset(self):
        paths = self.search("--paths", "said").stdout.split()
        self.assertEqual(len(paths), len(set(paths)))
        self.assertTrue(all(os.path.isabs(p) and os.path.exists(p) for p in paths))
        all_titles = self.titles("said", "--limit", "10")
        self.assertEqual(self.titles("said", "--limit", "1", "--offset", "1"), all_titles[1:2])

    def test_human_output_has_no_colour_when_piped(self):
        out = self.search("Rudd WhatsApp").stdout
        self.assertIn(SEED_TITLE, out)
        self.assertNotIn("\x1b[", out)


class ExitCodes(Env):
    def test_missing_database(self):
        p = self.search("anything", expect=2)
        self.assertIn(self.db, p.stderr)

    def test_bad_query_and_no_hits(self):
        self.add("zurich.txt", "zurich.txt")
        self.index()
        self.search("zzzunknownword", expect=1)
        # --limit 0 counts: exit 0 when something matches, as grep -c.
        p = self.search("--limit", "0", "zurich", expect=0)
        self.assertIn("0 of 1 result", p.stdout)
        self.search("--limit", "0", "zzzunknownword", expect=1)
        self.search("--offset", "5", "zurich", expect=1)  # a page past the hits
        p = self.search("date:2017-13", expect=2)
        self.assertTrue(p.stderr.strip())
        p = self.search("cafe", "speaker:", expect=2)
        self.assertIn('bad query "cafe speaker:": speaker: needs a value after it', p.stderr)
        # With a space after the colon the value is still the field's.
        self.assertEqual(self.titles("title: café"), self.titles("title:café"))
        self.assertTrue(self.titles("title: café"))

    def test_locked_index(self):
        self.add("zurich.txt", "zurich.txt")
        self.index()
        with open(os.path.join(self.db, "flintlock"), "r+b") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            p = self.index(expect=2)
        self.assertIn("another newsarc-index", p.stderr)

    def test_missing_input_and_unsupported_file(self):
        self.add("notes.pdf", text="%PDF")
        p = self.index(os.path.join(self.docs, "notes.pdf"), os.path.join(self.tmp, "nope"),
                       expect=1)
        self.assertIn("unsupported file type", p.stderr)
        self.assertIn("no such file or folder", p.stderr)

    def test_bad_flags(self):
        p = subprocess.run([INDEX, "--no-such-flag", self.docs], env=self.env,
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        p = subprocess.run([SEARCH, "--limit", "x", "q"], env=self.env, capture_output=True,
                           text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--limit: 'x' is not a whole number", p.stderr)
        self.assertEqual(p.stdout, "")

    def test_help_and_version(self):
        # Both exit 0 without an index, print to stdout, and name the same version.
        p = self.search("--help")
        for option in ("--db DIR", "--any", "-n,--limit N", "--sort ORDER", "--colour WHEN"):
            self.assertIn(option, p.stdout)
        self.assertFalse(os.path.exists(self.db))
        versions = []
        for program in (SEARCH, INDEX):
            p = subprocess.run([program, "--version"], env=self.env, capture_output=True,
                               text=True, check=True)
            name, version = p.stdout.split()[:2]
            self.assertTrue(name.startswith("newsarc-"), p.stdout)
            versions.append(version)
        self.assertEqual(versions[0], versions[1])


class ExtractOnly(Env):
    def test_json_lines_per_article(self):
        self.add("seed.txt", "seed.txt")
        self.add("feed.jsonl", "feed.jsonl")
        rows = self.extracted(self.docs)
        self.assertEqual(len(rows), 3)
        seed = next(r for r in rows if r["path"].endswith("seed.txt"))
        self.assertEqual(seed["path"], os.path.join(self.docs, "seed.txt"))
        for name in ["Amber Rudd", "Craig Mackey", "Brad Smith"]:
            self.assertIn(name, seed["speakers"])
        for org in ["Microsoft", "WhatsApp", "Facebook", "Google", "Twitter",
                    "Metropolitan Police"]:
            self.assertIn(org, seed["organisations"])
        self.assertNotIn("text", seed)
        self.assertFalse(os.path.exists(self.db))

    def test_text_as_indexed(self):
        self.add("feed.jsonl", "feed.jsonl")
        rows = {r["title"]: r for r in self.extracted("--text", self.docs)}
        self.assertEqual(rows["Council approves new bridge"]["text"],
                         "The city council approved a new bridge over the river on Thursday."
                         "\n\n\"This bridge will connect two communities,\" Mayor Jane Porter said.")
        self.assertEqual(rows["Storm closes schools"]["text"],
                         "A storm closed schools across the region on Tuesday, the Education "
                         "Ministry said.")
        p = subprocess.run([INDEX, "--text", self.docs], env=self.env, capture_output=True,
                           text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--text goes with --extract-only", p.stderr)
        self.assertFalse(os.path.exists(self.db))

    def test_quotes_as_the_index_keeps_them(self):
        self.add("seed.txt", "seed.txt")
        self.add("feed.jsonl", "feed.jsonl")
        rows = {r["title"]: r for r in self.extracted(self.docs)}
        self.assertEqual(rows["Council approves new bridge"]["quotes"],
                         [{"speaker": "Jane Porter", "direct": True, "paragraph": 2,
                           "text": "This bridge will connect two communities"}])
        self.assertEqual(rows["Storm closes schools"]["quotes"], [])
        # What --quotes finds in the index of the same files.
        self.index()
        doc = json.loads(self.search("--quotes", "--json", "--limit", "1000", "speaker:rudd OR "
                                     "speaker:porter OR speaker:mackey OR speaker:smith").stdout)
        found = sorted((q["article"]["title"], q["speaker"], q["text"], q["direct"],
                        q["paragraph"]) for q in doc["quotes"])
        extracted = sorted((title, q["speaker"], q["text"], q["direct"], q["paragraph"])
                           for title, r in rows.items() for q in r["quotes"])
        self.assertGreater(len(found), 5)
        self.assertEqual(found, extracted)


class ExtractorVersion(Env):
    """An index knows which extractor read its files (kExtractorVersion in
    shared/include/newsarc/extract.h); --reextract reads them again."""

    # The extractor's output over corpora/ (speakers, organisations, quotes of
    # every article) for each version. When a change to the extractor moves
    # it, raise kExtractorVersion and add the new fingerprint here, so that
    # runs over older indexes say which files to read again.
    FINGERPRINTS = {
        1: "b75954f7eac49aba171f2d7f74406583fa28b47d1a1f9e7a87f1ed714d361abb",
        # Firms are no speakers ("lead manager Warburg Securities said",
        # "Deutsche Telekom said"); "United Arab Emirates" names no airline.
        2: "7157b00aec45e3eba19ed12cc88a192c3a8d07e84a573ef01d88838b86c30404",
        # "drafted by Alex Greenwich, who said"; "First Minister of Scotland
        # Nicola Sturgeon", "House of Commons Speaker John Bercow", "Senate
        # Minority Whip Dick Durbin"; "who continues as chairman" is no
        # speech; "Judge Amy Berman Jackson" is "Judge Jackson", an initial
        # "A." no article; "Florida Highway Patrol", "Deutsche Bahn";
        # "Assemblywoman Selena Torres"; "University of Hawaii at Mānoa";
        # "argued the government's lawyer, Richard Keen"; "Committee to
        # Protect Journalists", "Law and Justice Party"; "advised", "welcomed".
        3: "b75b620b1734d413413cbadff9e87851876ef49511a20f850961e795e9a4e7fe",
        # The indexer reads "U.S." as the word "us"; initials before a name
        # ("C.L. Gammon") are no organisation of their own.
        4: "db9760d29ed3f09fbe5d3584f170570a9d0950b3d527ac9a5469b89e4ac23ea0",
        # The indexer reads "e-mail" as "e", "mail" and "email" too; the
        # extractor's output is version 4's.
        5: "db9760d29ed3f09fbe5d3584f170570a9d0950b3d527ac9a5469b89e4ac23ea0",
        # "email" where the parts of "e-mail" stand; the extractor's output is
        # version 4's.
        6: "db9760d29ed3f09fbe5d3584f170570a9d0950b3d527ac9a5469b89e4ac23ea0",
        # A word capitalised as a sentence's first that is a verb form, a
        # stop word or a conjunction opens no person's name ("Whereas
        # Pierce", "Does Rubenwardy"), nor a speech verb an organisation's
        # ("Remarked Center for Biological Diversity"); the object of a speech
        # verb is no speaker ("announced the death of cosmonaut Alexei
        # Leonov"), nor is the person "it" credited ("It also credited Leonov
        # with ..., noting"), nor a name in a relative clause on "which";
        # "National LGBT" and "Airbus A330" are no people; a "Tribe" is a
        # body; places and short words in capitals ("LONDON", "OIL") are no
        # acronyms, "WHO" in capitals is no pronoun; nor are "LIBOR", "CDT",
        # "UNIX" and the like; "Typhoon Phanfone" is no person; the census's
        # first names ("Carrie Lam"); "the United Nations'" after UNESCO;
        # interview transcripts ("((Zara Kay)) ...") are their speakers'
        # quotes.
        7: "63a2933827347017100f09ad018c0385e8d8d8a8313d1037fa2c6e136f0e06ad",
        # A first name alone after a relation ("his wife Mary said") and a
        # name after a person "named" are people; "Remarked Center for
        # Biological Diversity scientist Tierra Curry, ..."; roles joined by
        # "and"; "Martin How."; "Jo Anne Val Tilburg"; "Fellow" is a role; a
        # pronoun skips a person whose first name tells the other sex; "PLOS
        # One"; "Minister of Information Moammar al-Eryani"; "the United
        # States", "the accused", "alleged affairs", "agreed to" say nothing;
        # "the Punta Tombo breeding site", "The Trump campaign said" have no
        # person for subject; "..., The Guardian reported."; "Robert Mugabe"
        # is "Robert Gabriel Mugabe", "De Blasio" "Bill de Blasio", "Vázquez"
        # "Wanda Vázquez Garced"; "Vice-Premier", "Senators" are roles; "an
        # area called the Ellipse"; "Oberster Gerichtshof" is no person;
        # "five different states", "41 pledged delegates" say nothing.
        8: "6239e27dfb487eb3ef0d7f6052856469444c32974b30a7e5c7029613763e87ad",
        # A body's names with its country before or after it are one ("UK
        # Supreme Court", "Supreme Court of the United Kingdom"), and so are
        # "House" and "House of Representatives", "Republican" and
        # "Republicans"; "Royal Saudi Air Force"; "Center for Biological
        # Diversity and Center for Food Safety" are two; "Proroguing
        # Parliament" is no name; "Catholic Bishops' Conference of the
        # Philippines"; "City University Student Union" is one name;
        # "Arnel dela Vega", "Cor van der Klugt"; "John Major", "Stephen
        # King"; "according to Mexican President ..."; a colon that opens a
        # quote speaks for the sentence's subject; "said he was" is not
        # his speech; "Police Headquarters" names a building, not the police.
        9: "3ec469b92bd0e0be3493160ff87bdef161250c30b6a78b51f4c2acd07c1a2332",
        # A lower-case role before a surname alone ("Turkish president
        # Erdoğan"); a role's portfolio after "for" ("Special Representative
        # for Iran Brian Hook"); "of the general Qasem Soleimani" is an
        # object; "newspaper Magyar Nemzet" is a body, not a person; handles,
        # hashtags, Roman numerals, "SARS-CoV-2", "VP", "MLA" and an
        # interviewer's "((WSS))" are no organisations; "House of
        # Representatives Speaker Nancy Pelosi"; "underlined", "recommended";
        # "Confederation" heads a body's name; a later "he" or "she" is the
        # subject of the sentence that named its person, not a person named
        # after the subject's verb; ", while" opens a clause; "Centers for
        # Disease Control and Prevention"; "the Los Angeles Lakers", "the
        # Manila Bulletin"; after an opening adverbial phrase and its comma,
        # the name right before the verb is the subject; "Both Robert Mugabe
        # and Morgan Tsvangirai claimed": both speak; "Justice." ends a
        # sentence; "president Erdoğan" is someone a later "he" may mean;
        # "MIT" is "Massachusetts Institute of Technology" named apart.
        10: "5b7d0dfbe4fdb011af02e3e3a192c9d62a9144546e835b470a574d84c7cc474a",
        # A transcript's label in capitals that spells the initials of one
        # person the article names in full is that person ("((WSS))" after
        # "reporter William S. Saturn"); an acronym that spells the capitals
        # of a longer name over "in", "the" and commas names all of it
        # ("Cooperative Institute for Research in Environmental Sciences
        # (CIRES)"); a person's initials inside a body's name ("George L.
        # Pennock Trust") and two first names joined by "and" before its
        # surname ("Bill and Melinda Gates Foundation"); a "Caucus" is a body
        # ("Congressional Black Caucus"), not after a state ("the Iowa
        # Caucus") or before "Room"; "characterized" reports speech; ", and"
        # before a possessive and words in lower case up to the verb opens
        # a clause ("..., and his lawyers have claimed"); "posted a podcast"
        # is no speech; a word in capitals next to a common word in capitals
        # is shouted ("I WON THIS ELECTION"), a transcript's "NG:" a label,
        # "Long Range Identification and Tracking (LRIT) system" a term;
        # "operated by Viazul" names a body, "Dallas-based" is no part of
        # one; a unit's or a session's number opens its name ("the 101st
        # Airborne Division", "116th U.S. Congress"); "the Republican
        # Senate" is the Senate and the party apart; "Sabha" heads a body's
        # name ("Lok Sabha").
        11: "981afd2ba32dcb5a389d4e2dfaefc5f37af554eee23f51dc48d181f330aacfa5",
        # A first name the lists lack before a common word that is a common
        # surname ("Kanye West"), not after a place or a known body ("America
        # West", "Twitter West").
        12: "224077621bd7ccd71b836c773cfc2a5a6a36a66b81525f582828aff99830dbfd",
        # An agent noun of six letters opens a sentence before a name
        # ("Rapper Kanye West said"); "his" after a subject whom the lists
        # make a woman ("Darcy", "Ginger") lets "he" refer to them; a comma
        # before a quote that ends the sentence speaks for its subject as a
        # colon does ("Mick Jagger also reacted on Twitter, "...."").
        13: "aab14aa4a5c593689b4dc8b8275adea5f7debec8cfb0b7371fd847e720cc9d86",
        # A noun for a person in lower case before two capitalised words
        # ("political scientist Ma Ngok"); a first name after an age
        # ("Fifteen-year-old Robert"); whom one tells is no part of what
        # ("told a news conference the rate would fall"); "Market" ends a
        # place's name ("Queen Victoria Market").
        14: "3e58799403dca66e954a652ee9021aaafd6d915b9b7d1b6d670871b16d235458",
        # "Bloomberg" alone is Michael Bloomberg where the article names
        # him; "Robert Downey Jr." and "Martin Luther King Jr." end in their
        # suffix, with its full stop; "won ten states", "riots ... continued
        # across the nation" and "X died, the government announced" make no
        # speaker of X; after "Ahead of ...," or "As X visited ...," the
        # main clause's subject speaks; "Gazeta Wyborcza" and what "describes
        # itself" are bodies; "Regarding" after an interview's label and
        # "Pech-de-l'Azé I. These" open sentences; "told them of its
        # existence" tells no clause; "After X tweeted that ..., Twitter
        # placed" ends what X said at the main clause.
        15: "1933fdb37c92ba6ee91e4882c563e01311a672605c834a3352e09e593d906c93",
        # A first name that is also an English word before a surname that
        # is none ("Amber Rudd", "Crystal C'Bearing"); an initial without
        # its full stop ("B Shiva Parvathi"); a participle that opens a
        # sentence ("Saying X is ...," "Quoting X,") has its subject after
        # its clause; "X Y Z W and V Council" (four words before "and", not
        # a person's role and name); "Cinema for Peace Foundation"; in
        # capitals, "JOHNS HOPKINS CENTER FOR SYSTEMS SCIENCE".
        16: "48f8a5fa75aee84bdbd8d69e115a1baa214a5aedb22154af0d7372fc42264c5a",
        # "Rappler reported", "according to The Times", "a report by The
        # Atlantic" name bodies; ordinals, "Analysis", "Hall of Fame" and
        # nationalities one after another inside names; a nationality before
        # a name the lists give ("American Red Cross").
        17: "a362e53249afc7f192e6d4d8eb78a8a3524ce62763839b58ef3779af70e1ab8b",
        # Acronyms used as common nouns ("the two PIs", "a BPL card [below
        # poverty line]", "an SAT, in fifth grade") or defined as a law's, a
        # term's or a place's ("Copyright Act (DMCA)", "British Columbia
        # (B.C.)") are no bodies; a term in capitals that the lists hold as
        # a body counts only where a cue makes it one ("CCTV footage", "told
        # CCTV"); "HIV-AIDS"; "International Master (IM)" names a title.
        18: "31b37c9d1dff890be76b919dc7573b060f6cd5fe0d5d95e13feecbded678d58b",
        # A nationality goes on in a name after its keyword's "of"
        # ("Congress of South African Trade Unions"); "Native American",
        # "First American" and "Philippine" open names; a nationality
        # before "House of" ("Libyan House of Representatives"); a federal
        # court's district ("Western District of Texas"); a body's name
        # grows to what its acronym spells ("Open Source Program Office
        # (OSPO)").
        19: "ac1821508f123aa2b87c6c646294808aef64f8ebd9c39faf294a3baade15cf15",
    }

    def version(self):
        p = self.index("--version")
        prefix, _, rest = p.stdout.strip().partition(" (extractor version ")
        self.assertTrue(prefix.startswith("newsarc-index "), p.stdout)
        self.assertTrue(rest.endswith(")"), p.stdout)
        return int(rest[:-1])

    def test_the_version_moves_with_the_output(self):
        corpora = os.environ.get("NEWSARC_CORPORA", "../../corpora")
        rows = self.extracted(corpora)
        self.assertEqual(len(rows), 296)
        lines = sorted(json.dumps([r["title"], r["url"], r["speakers"], r["organisations"],
                                   r["quotes"]], ensure_ascii=False, sort_keys=True)
                       for r in rows)
        got = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        version = self.version()
        self.assertIn(version, self.FINGERPRINTS,
                      f"record the fingerprint of extractor version {version}: {got}")
        self.assertEqual(got, self.FINGERPRINTS[version],
                         "the extractor's output over corpora/ changed: raise kExtractorVersion "
                         "(shared/include/newsarc/extract.h) and record the new fingerprint "
                         f"{got} under it")

    def test_reextract(self):
        self.add("seed.txt", "seed.txt")
        self.add("sub/feed.jsonl", "feed.jsonl")
        self.index()
        def found():
            # Who is quoted where, and the ranked scores (by title: the
            # articles read again get new document ids).
            return (sorted(h["title"] for h in self.hits("speaker:rudd OR speaker:porter")),
                    sorted((h["title"], h["score"]) for h in self.hits("bridge OR encryption")))
        before = found()
        self.assertEqual(len(before[0]), 2)
        p = self.index("--reextract", os.path.join(self.docs, "sub"))
        self.assertIn("1 read (0 new, 0 changed, 1 re-extracted), 0 unchanged", p.stderr)
        p = self.index("--reextract", self.docs)
        self.assertIn("2 read (0 new, 0 changed, 2 re-extracted), 0 unchanged", p.stderr)
        self.assertIn("the index at %s has 3 articles" % self.db, p.stderr)
        self.assertNotIn("older newsarc", p.stderr)
        self.assertEqual(found(), before)
        p = self.index()
        self.assertIn("0 read (0 new, 0 changed), 2 unchanged", p.stderr)
        for args, why in [(["--reextract", "--extract-only", self.docs],
                           "--reextract goes with indexing, not --extract-only"),
                          (["--reextract", "--prune"], "--reextract needs PATH")]:
            p = self.index(*args, expect=2)
            self.assertIn(why, p.stderr)


class Capitals(Env):
    """An article set in capitals (wire copy, old archives) gives its speakers,
    organisations and quotes as the same article in mixed case does."""

    def test_seed_in_capitals(self):
        with open(os.path.join(DATA, "seed.txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        # Everything in capitals but the URL and the format's version line.
        self.add("seed-caps.txt", text="\n".join(
            line if line.startswith("http") or line.startswith("Version ") else line.upper()
            for line in lines))
        self.index()
        hit = self.hits('speaker:rudd org:"metropolitan police"')[0]
        self.assertTrue(hit["title"].startswith("GOOGLE, MICROSOFT, FACEBOOK AND TWITTER"))
        for name in ["Amber Rudd", "Craig Mackey", "Brad Smith"]:
            self.assertIn(name, hit["speakers"])
        for org in ["Microsoft", "WhatsApp", "Metropolitan Police"]:
            self.assertIn(org, hit["organisations"])
        # Words of the story are no organisations, and quotes are shown as written.
        self.assertNotIn("SAID", [o.upper() for o in hit["organisations"]])
        doc = json.loads(self.search("--quotes", "--json", "speaker:rudd").stdout)
        texts = [q["text"] for q in doc["quotes"]]
        self.assertIn("THERE SHOULD BE NO PLACE FOR TERRORISTS TO HIDE", texts)
        self.assertEqual({q["speaker"] for q in doc["quotes"]}, {"Amber Rudd"})


class SampleCorpus(Env):
    """The promise of the README's main command, checked on corpora/ itself."""

    def test_seed_article_is_found(self):
        corpora = os.environ.get("NEWSARC_CORPORA", "../../corpora")
        p = self.index(corpora)
        self.assertIn("296 articles indexed", p.stderr)
        self.assertEqual(self.titles("Rudd WhatsApp encryption")[0], SEED_TITLE)
        for q in ["speaker:rudd", "org:whatsapp", 'org:"metropolitan police"']:
            self.assertIn(SEED_TITLE, self.titles(q, "--limit", "50"), q)

    def test_writer_threads_build_the_same_index(self):
        # A new index written by 3 threads (a staging index merged at the
        # end) answers exactly as one written by one thread, and is compacted.
        corpora = os.environ.get("NEWSARC_CORPORA", "../../corpora")
        one = os.path.join(self.tmp, "one")
        self.index("-q", "--writers", "1", "--db", one, corpora)
        p = self.index("--writers", "3", corpora)
        self.assertIn("the index at %s has 296 articles" % self.db, p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.db, ".staging")))
        self.assertTrue(os.path.exists(os.path.join(self.db, "iamglass")))
        # The last query: several adjacent-word pairs, one of whose words an
        # article has apart (an OR of phrases under AND_MAYBE once counted
        # such a pair in one document order and not in another).
        for q in ["Rudd WhatsApp encryption", "speaker:rudd", "org:whatsapp", '"prime minister"',
                  "election OR vote", "police -london", "answer questions accredited reporter"]:
            got = {h["id"]: h["score"] for h in self.hits(q, "--limit", "400", "--all")}
            want = {h["id"]: h["score"]
                    for h in self.hits(q, "--db", one, "--limit", "400", "--all")}
            self.assertTrue(got, q)
            self.assertEqual(got.keys(), want.keys(), q)
            for k, v in want.items():
                self.assertAlmostEqual(got[k], v, delta=1e-9 * v, msg=q)
        size = lambda d: sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)
                             if f.endswith(".glass"))
        self.assertLess(size(self.db), 0.9 * size(one))
        p = self.index("--writers", "3", corpora)
        self.assertIn("296 unchanged", p.stderr)
        self.index("--writers", "0", corpora, expect=2)


WIRE_BODY = ("LONDON - The central bank raised interest rates by a quarter point on Thursday, "
             "its first rise in a decade, saying inflation had stayed above its target for "
             "too long. The governor said further rises would be gradual and limited, and "
             "markets had expected the move. Sterling rose against the dollar after the "
             "announcement, and bond yields climbed.")


class Spellings(Env):
    """One word written several ways is found however it is typed: "U.S."
    and "US" (initialisms), "e-mail" and "email" (hyphenated words)."""

    def setUp(self):
        super().setUp()
        self.add("dots.txt", text="U.S. officials e-mail the press\n\n"
                                  "The U.S. State Department sent an e-mail on Monday.\n")
        self.add("plain.txt", text="US officials email the press\n\n"
                                   "The US State Department sent an email on Friday.\n")
        self.add("other.txt", text="Post office\n\nThe mail came by post.\n")
        self.index()

    def paths(self, query):
        return sorted(os.path.basename(h["path"]) for h in self.hits(query))

    def test_every_spelling_finds_both(self):
        for query in ("US State Department", "U.S. State Department", "u.s officials",
                      "email", "emails", "title:email", "e-mail", "e-mails", "title:e-mail",
                      '"officials email"', '"email the press"', '"sent an email"'):
            self.assertEqual(self.paths(query), ["dots.txt", "plain.txt"], query)
        # Quoted, a hyphenated word is the phrase of its parts as written,
        # and the parts are still words.
        self.assertEqual(self.paths('"e-mail"'), ["dots.txt"])
        self.assertEqual(self.paths("mail"), ["dots.txt", "other.txt"])

    def test_the_snippet_marks_the_word_as_written(self):
        hits = self.hits("email Monday")
        self.assertEqual(len(hits), 1)
        marked = [hits[0]["snippet"].encode()[b:e].decode() for b, e in hits[0]["highlights"]]
        self.assertEqual(marked, ["e-mail", "Monday"])
        hits = self.hits("e-mail Friday")
        self.assertEqual(len(hits), 1)
        marked = [hits[0]["snippet"].encode()[b:e].decode() for b, e in hits[0]["highlights"]]
        self.assertEqual(marked, ["email", "Friday"])


class SearchFeatures(Env):
    """Duplicates, --recent, --like, --facets, did you mean, safe snippets."""

    def setUp(self):
        super().setUp()
        self.add("seed.txt", "seed.txt")
        self.add("feed.jsonl", "feed.jsonl")
        self.add("wire.csv", "wire.csv")
        rows = [
            # One wire story under three sites and headlines: one hit by default.
            {"title": "Bank raises rates", "url": "https://a.example/rates",
             "date": "2017-11-02", "text": WIRE_BODY},
            {"title": "Interest rates go up", "url": "https://b.example/markets/rates",
             "date": "2017-11-02", "text": WIRE_BODY.upper()},
            {"title": "Rates rise for first time in decade", "url": "https://c.example/r",
             "date": "2017-11-03", "text": WIRE_BODY.replace(",", ";")},
            # Older and newer articles on the same subject.
            {"title": "Interest rates: a history of interest rates",
             "url": "https://d.example/history", "date": "2009-01-01",
             "text": "Interest rates and more interest rates: the central bank and "
                     "interest rates over a century."},
            # Equally relevant: the older one first by docid, unless --recent.
            {"title": "Markets last year", "url": "https://e.example/lastyear",
             "date": "2010-06-01",
             "text": "Shares were flat. The central bank left interest rates alone this "
                     "month, and traders looked elsewhere for news of the day."},
            {"title": "Markets today", "url": "https://e.example/today", "date": "2019-06-01",
             "text": "Shares were flat. The central bank left interest rates alone this "
                     "month, and traders looked elsewhere for news of the day."},
            # Escape sequences in article text must not reach a terminal.
            {"title": "Escape \u001b[2J artist", "url": "https://f.example/esc",
             "date": "2018-01-01",
             "text": "The escape \u001b[31martist\u001b[0m performed \u009b31m tonight "
                     "at the theatre, the producers said."},
        ]
        self.add("wire.jsonl", text="".join(json.dumps(r) + "\n" for r in rows))
        self.index()

    def test_copies_fold_into_one_hit(self):
        doc = json.loads(self.search("--json", "central bank inflation").stdout)
        self.assertEqual(len(doc["hits"]), 1)
        self.assertEqual(doc["hits"][0]["duplicates"], 2)
        self.assertIn("(+2 copies)", self.search("central bank inflation").stdout)
        every = self.hits("central bank inflation", "--all")
        self.assertEqual(len(every), 3)
        self.assertEqual([h["duplicates"] for h in every], [0, 0, 0])

    def test_a_copy_indexed_by_a_later_run_folds_too(self):
        # The index marks the copies it holds; a later run adding a copy of
        # a story marks it with the others, and it folds into the same hit.
        self.add("later.jsonl", text=json.dumps(
            {"title": "Rates rise again", "url": "https://g.example/rates",
             "date": "2017-11-04", "text": WIRE_BODY.lower()}) + "\n")
        self.index()
        doc = json.loads(self.search("--json", "central bank inflation").stdout)
        self.assertEqual(len(doc["hits"]), 1)
        self.assertEqual(doc["hits"][0]["duplicates"], 3)
        # Its file removed: the story is three copies again.
        os.remove(os.path.join(self.docs, "later.jsonl"))
        self.index()
        doc = json.loads(self.search("--json", "central bank inflation").stdout)
        self.assertEqual([h["duplicates"] for h in doc["hits"]], [2])

    def test_recent_prefers_newer_of_equals_and_keeps_strong_old(self):
        plain = self.titles("interest rates", "--all")
        recent = self.titles("interest rates", "--all", "--recent")
        self.assertEqual(sorted(plain), sorted(recent))  # the same matches
        self.assertEqual(recent[0], "Interest rates: a history of interest rates")
        self.assertLess(recent.index("Markets today"), recent.index("Markets last year"))
        self.assertLess(plain.index("Markets last year"), plain.index("Markets today"))
        self.search("--recent", "--sort", "date", "rates", expect=2)

    def test_like_a_file_or_id(self):
        seed = os.path.join(self.docs, "seed.txt")
        self.assertNotIn(SEED_TITLE, self.titles("", "--like", seed))  # not itself
        # By id (here the URL): its copies are the most similar.
        like_id = self.titles("", "--like", "a.example/rates", "--all")
        self.assertEqual(sorted(like_id[:2]),
                         ["Interest rates go up", "Rates rise for first time in decade"])
        self.assertNotIn("Bank raises rates", like_id)
        self.assertEqual(self.titles("", "--like", "https://a.example/rates", "--all"), like_id)
        # Folded, the copies are one hit; a query filters.
        self.assertEqual(len(self.hits("", "--like", "a.example/rates")), len(like_id) - 1)
        filtered = self.hits("date:2019", "--like", "a.example/rates")
        self.assertIn("Markets today", [h["title"] for h in filtered])
        self.assertTrue(all(h["date"].startswith("2019") for h in filtered))
        p = self.search("--like", os.path.join(self.tmp, "nope.txt"), expect=2)
        self.assertIn("--like", p.stderr)

    def test_facets(self):
        doc = json.loads(self.search("--json", "--facets", "--all", "rates").stdout)
        facets = doc["facets"]
        self.assertTrue(facets["exact"])
        self.assertEqual(facets["articles"], doc["total"])
        years = {v["value"]: v["count"] for v in facets["year"]}
        self.assertEqual(years, {"2017": 3, "2009": 1, "2019": 1, "2010": 1})
        sites = {v["value"] for v in facets["site"]}
        self.assertEqual(sites, {"a.example", "b.example", "c.example", "d.example",
                                 "e.example"})
        self.assertEqual(facets["language"], [{"value": "en", "count": 6}])
        doc = json.loads(self.search("--json", "--facets", "Rudd").stdout)
        self.assertIn("Amber Rudd", [v["value"] for v in doc["facets"]["speakers"]])
        self.assertIn("WhatsApp", [v["value"] for v in doc["facets"]["organisations"]])
        self.assertIsNone(json.loads(self.search("--json", "Rudd").stdout)["facets"])
        text = self.search("--facets", "rates").stdout
        self.assertIn("Facets over", text)
        self.assertRegex(text, r"year: 2017 \(\d\)")

    def test_did_you_mean(self):
        p = self.search("Rud WhatsApp")
        self.assertTrue(p.stdout.startswith("Did you mean: Rudd WhatsApp\n"), p.stdout)
        doc = json.loads(self.search("--json", "Rud WhatsApp").stdout)
        self.assertEqual(doc["suggestion"], "Rudd WhatsApp")
        doc = json.loads(self.search("--json", "Rudd WhatsApp").stdout)
        self.assertEqual(doc["suggestion"], "")
        doc = json.loads(self.search("--json", "harvset", expect=1).stdout)
        self.assertEqual(doc["suggestion"], "harvest")
        self.assertEqual(doc["hits"], [])

    def test_no_escape_sequences_from_articles(self):
        for args in (["artist"], ["--color", "always", "artist"], ["--facets", "artist"]):
            out = self.search(*args).stdout
            self.assertIn("artist", out)
            stripped = out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace(
                "\x1b[2m", "").replace("\x1b[32m", "").replace("\x1b[1;31m", "")
            self.assertNotIn("\x1b", stripped, args)
            self.assertNotIn("\x9b", out, args)
            self.assertNotIn("\x07", out, args)

    def test_phrase_is_one_highlight(self):
        hit = self.hits('"central bank raised"')[0]
        runs = [hit["snippet"].encode()[b:e].decode() for b, e in hit["highlights"]]
        self.assertIn("central bank raised", [r.lower() for r in runs])


class Quotes(Env):
    """--quotes: the quotes themselves as results (issue 4, item 1)."""

    def setUp(self):
        super().setUp()
        self.add("seed.txt", "seed.txt")
        self.add("feed.jsonl", "feed.jsonl")
        self.add("wire.csv", "wire.csv")
        self.index()

    def quotes(self, query, *args, expect=0):
        doc = json.loads(self.search("--quotes", "--json", *args, query, expect=expect).stdout)
        self.assertEqual(doc["schema_version"], 1)
        self.assertEqual(doc["hits"], [])
        return doc

    def test_speaker_filter_gives_only_that_speakers_quotes(self):
        quotes = self.quotes("speaker:rudd")["quotes"]
        self.assertGreaterEqual(len(quotes), 3)
        self.assertEqual({q["speaker"] for q in quotes}, {"Amber Rudd"})
        self.assertTrue(any("no place for terrorists to hide" in q["text"] for q in quotes))
        for speaker, name in (("mackey", "Craig Mackey"), ("smith", "Brad Smith")):
            quotes = self.quotes("speaker:" + speaker)["quotes"]
            self.assertTrue(quotes, speaker)
            self.assertEqual({q["speaker"] for q in quotes}, {name})

    def test_json_quotes_parse_back(self):
        doc = self.quotes("speaker:rudd encryption")
        quotes = doc["quotes"]
        self.assertTrue(quotes)
        self.assertEqual(doc["quote_total"], len(quotes))
        for rank, q in enumerate(quotes, 1):
            self.assertEqual(q["rank"], rank)
            self.assertEqual(q["speaker"], "Amber Rudd")
            self.assertIn("encrypt", q["text"].lower())  # the stem matched
            self.assertIsInstance(q["direct"], bool)
            self.assertIsInstance(q["paragraph"], int)
            runs = [q["text"].encode()[b:e].decode() for b, e in q["highlights"]]
            self.assertTrue(runs and all(r.lower().startswith("encrypt") for r in runs), runs)
            a = q["article"]
            self.assertEqual(a["title"], SEED_TITLE)
            self.assertTrue(a["path"].endswith("seed.txt"))
            self.assertIn("independent.co.uk", a["url"])
            self.assertEqual(a["site"], "independent.co.uk")
            self.assertGreater(q["score"], 0)
        self.assertEqual([q["score"] for q in quotes],
                         sorted((q["score"] for q in quotes), reverse=True))
        # Without --quotes, "quotes" is null and the hits are articles.
        doc = json.loads(self.search("--json", "speaker:rudd encryption").stdout)
        self.assertIsNone(doc["quotes"])
        self.assertEqual(doc["hits"][0]["title"], SEED_TITLE)

    def test_quotes_across_articles_and_paging(self):
        quotes = self.quotes("bridge OR summer OR terrorists")["quotes"]
        self.assertIn(("Jane Porter", "Council approves new bridge"),
                      {(q["speaker"], q["article"]["title"]) for q in quotes})
        self.assertIn("Harvest begins early", {q["article"]["title"] for q in quotes})
        page = self.quotes("bridge OR summer OR terrorists", "--limit", "1", "--offset", "1")
        self.assertEqual(len(page["quotes"]), 1)
        self.assertEqual(page["quotes"][0]["text"], quotes[1]["text"])
        self.assertEqual(page["quotes"][0]["rank"], 2)

    def test_human_output(self):
        out = self.search("--quotes", "speaker:rudd", "terrorists").stdout
        self.assertNotIn("\x1b[", out)
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("1. Amber Rudd: \u201c"), lines[0])
        self.assertTrue(lines[0].endswith("\u201d"), lines[0])
        self.assertTrue(lines[1].startswith("   " + SEED_TITLE), lines[1])
        self.assertIn("independent.co.uk", lines[1])
        # One article matches: a count, so no "about".
        self.assertRegex(out, r"\d+ of \d+ quotes? from 1 matching article\n$")
        paths = self.search("--quotes", "--paths", "speaker:rudd").stdout.split()
        self.assertEqual(len(paths), 1)
        self.assertTrue(paths[0].endswith("seed.txt"))

    def test_no_quote_is_exit_1(self):
        self.assertEqual(self.quotes("speaker:rudd bridge", expect=1)["quotes"], [])
        # The word is in an article, but in nobody's quote.
        self.assertEqual(self.quotes("storm", expect=1)["quotes"], [])


class ReadWhileWriting(Env):
    """Searches in a loop while newsarc-index commits to the same index."""

    def test_searches_never_fail_during_commits(self):
        self.add("seed.txt", "seed.txt")
        self.index()
        stop = time.time() + 60
        failures, searches = [], 0
        writer = None
        batch = 0
        while time.time() < stop and batch < 20:
            if writer is None or writer.poll() is not None:
                if writer is not None:
                    self.assertIn(writer.returncode, (0, 1))
                batch += 1
                rows = "".join(json.dumps({
                    "title": f"Note {batch}.{i}", "url": f"https://n.example/{batch}/{i}",
                    "text": f"WhatsApp note {batch} {i} about zebras and encryption."}) + "\n"
                    for i in range(500))
                self.add(f"notes{batch}.jsonl", text=rows)
                writer = subprocess.Popen([INDEX, self.docs], env=self.env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            p = subprocess.run([SEARCH, "--json", "--facets", "whatsapp encryption"],
                               env=self.env, capture_output=True, text=True, timeout=60)
            searches += 1
            if p.returncode != 0:
                failures.append(p.stderr)
            else:
                json.loads(p.stdout)
        if writer is not None:
            writer.wait(timeout=120)
        self.assertEqual(failures, [])
        self.assertGreater(searches, 10)
        self.assertEqual(len(self.hits("zebras", "--limit", "5")), 5)


class Compaction(Env):
    """newsarc-index --compact: in place, alone or after a run."""

    def setUp(self):
        super().setUp()
        for name in ("seed.txt", "zurich.txt", "feed.jsonl", "wire.csv"):
            self.add(name, name)

    def grow(self, rounds=3):
        # Increments that rewrite articles: the index grows uncompacted.
        for i in range(rounds):
            rows = "".join(json.dumps({
                "title": f"Note {i}.{j}", "url": f"https://n.example/{j}",
                "text": f"WhatsApp note {i} {j} about zebras and encryption."}) + "\n"
                for j in range(300))
            self.add("notes.jsonl", text=rows)
            self.touch_later(os.path.join(self.docs, "notes.jsonl"))
            self.index("--writers", "1", self.docs)

    def size(self):
        return sum(os.path.getsize(os.path.join(d, f))
                   for d, _, files in os.walk(self.db) for f in files)

    def results(self):
        return {q: [(h["id"], h["score"]) for h in self.hits(q, "--limit", "1000")]
                for q in ("zebras", "rudd whatsapp", "speaker:rudd", "\"note 2 7\"")}

    def test_compact_alone_keeps_hits_and_records(self):
        self.grow()
        before, size = self.results(), self.size()
        p = self.index("--compact")
        self.assertRegex(p.stderr, r"compacted .*: 1 database, [0-9.]+ MiB -> [0-9.]+ MiB in ")
        self.assertEqual(self.results(), before)
        self.assertLess(self.size(), size)
        self.assertNotIn(".index.compacting", os.listdir(self.tmp))
        p = self.index()
        self.assertIn("0 read", p.stderr)
        self.assertEqual(self.index("-q", "--compact").stderr, "")

    def test_compact_after_a_run_and_sharded(self):
        self.db = os.path.join(self.tmp, "sharded")
        self.env["NEWSARC_DB"] = self.db
        self.index("--shards", "2", self.docs)
        before = self.results()
        self.add("more.txt", text="Harvest begins early\n\nThe zebras harvest early this year.\n")
        p = self.index("--compact", self.docs)
        self.assertIn("1 new", p.stderr)
        self.assertIn("3 databases", p.stderr)
        self.assertEqual(len(self.hits("zebras")), len(before["zebras"]) + 1)
        self.assertEqual(sorted(os.listdir(os.path.join(self.db, "shards"))),
                         ["000", "001", "meta"])
        # Alone, -j sets how many shards are compacted at once.
        for jobs in ("1", "2"):
            p = self.index("--compact", "-j", jobs)
            self.assertIn("3 databases", p.stderr)
            self.assertEqual(len(self.hits("zebras")), len(before["zebras"]) + 1)

    def test_errors(self):
        p = subprocess.run([INDEX], env=self.env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("PATH is required", p.stderr)
        p = self.index("--compact", expect=2)
        self.assertIn("no index", p.stderr)
        for bad in (["--compact", "--extract-only", self.docs], ["--compact", "--shards", "2"]):
            p = self.index(*bad, expect=2)
            self.assertIn("--compact", p.stderr)
        self.index()
        with open(os.path.join(self.db, "flintlock"), "r+b") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            p = self.index("--compact", expect=2)
        self.assertIn("another newsarc-index", p.stderr)
        with open(os.path.join(self.db, "notes.txt"), "w") as f:
            f.write("mine")
        p = self.index("--compact", expect=2)
        self.assertIn("notes.txt, which is not part of the index", p.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.db, "notes.txt")))

    def test_a_stub_of_indexes_is_searched_but_not_written(self):
        self.index()
        other = os.path.join(self.tmp, "other")
        more = os.path.join(self.tmp, "more")
        os.makedirs(more)
        shutil.copy(os.path.join(DATA, "zurich.txt"), os.path.join(more, "zurich-copy.txt"))
        self.index("--db", other, more)
        stub = os.path.join(self.tmp, "both.stub")
        with open(stub, "w") as f:
            f.write(f"auto {self.db}\nauto {other}\n")
        both = self.hits("zurich", "--db", stub, "--all")
        self.assertEqual(len(both), len(self.hits("zurich", "--all")) + 1)
        for args in (["--compact", "--db", stub], ["--db", stub, self.docs]):
            p = self.index(*args, expect=2)
            self.assertIn(f"index {stub} is a stub file listing 2 databases ({self.db}, {other})",
                          p.stderr)
            self.assertIn("give it --db with one of those indexes", p.stderr)
        with open(stub) as f:
            self.assertEqual(f.read(), f"auto {self.db}\nauto {other}\n")
        self.assertEqual(self.hits("zurich", "--db", stub, "--all"), both)
        self.index("--compact", "--db", other)  # each index on its own
        self.assertEqual(self.hits("zurich", "--db", stub, "--all"), both)

    def test_searches_never_fail_during_compaction(self):
        self.grow(2)
        want = self.results()
        failures, searches, compactions = [], 0, 0
        compactor = None
        while compactions < 6 or searches < 20:
            if compactions < 6 and (compactor is None or compactor.poll() is not None):
                if compactor is not None:
                    self.assertEqual(compactor.returncode, 0)
                compactor = subprocess.Popen([INDEX, "-q", "--compact"], env=self.env)
                compactions += 1
            p = subprocess.run([SEARCH, "--json", "--limit", "1000", "zebras"], env=self.env,
                               capture_output=True, text=True, timeout=60)
            searches += 1
            if p.returncode != 0:
                failures.append(p.stderr)
            elif [(h["id"], h["score"]) for h in json.loads(p.stdout)["hits"]] != want["zebras"]:
                failures.append("other hits")
        self.assertEqual(compactor.wait(timeout=120), 0)
        self.assertEqual(failures, [])



class EvalScript(Env):
    """Runs one of the evaluation scripts in scripts/ (SCRIPT, its name)."""

    SCRIPT = None

    def run_script(self, *args, expect=0):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                              self.SCRIPT)
        p = subprocess.run([script, *args], env=self.env, capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, expect, p.stderr)
        return p


class SpeakerQueries(EvalScript):
    """scripts/eval-speaker-queries on a hand-made gold file."""

    SCRIPT = "eval-speaker-queries"

    def test_articles_quoting_the_person_count_as_relevant(self):
        rows = [{"title": f"Weather {i}", "url": f"https://n.example/w{i}",
                 "text": f"Rain fell on the coast for the {i}th day."} for i in range(40)]
        quote = ("\"Nobody should have a secret place to hide,\" said Home Secretary Amber "
                 "Rudd of the messaging services and their encryption, at length, to the {}.")
        rows += [{"title": "Encryption row", "url": "https://n.example/a",
                  "text": quote.format("committee")},
                 {"title": "Encryption again", "url": "https://n.example/b",
                  "text": quote.format("press")},
                 {"title": "School visit", "url": "https://n.example/c",
                  "text": "Rudd visited the school on Monday and met the teachers and the "
                          "pupils there. Critics of Rudd waited outside the gates in the rain."}]
        self.add("feed.jsonl", text="".join(json.dumps(r) + "\n" for r in rows))
        gold = os.path.join(self.tmp, "gold.jsonl")
        with open(gold, "w") as f:
            for url, speakers in (("a", ["Amber Rudd"]), ("b", ["Amber Rudd"]), ("c", []),
                                  ("not-indexed", ["Someone Else"])):
                f.write(json.dumps({"id": "https://n.example/" + url,
                                    "speakers": [{"name": n} for n in speakers]}) + "\n")
        p = self.run_script("--json", "--variant", "plain=entity=0", gold, self.docs)
        out = json.loads(p.stdout)
        self.assertEqual(out["gold_articles"], 3)
        self.assertEqual(out["query_errors"], {})
        # "Amber Rudd": only the two quoting articles match, nothing to rank.
        self.assertEqual(out["systems"]["newsarc"]["name"]["queries"], 0)
        # "Rudd": the article mentioning him twice comes first without the
        # speaker boost (AP (1/2 + 2/3) / 2), last with it.
        boosted, plain = out["systems"]["newsarc"]["surname"], out["systems"]["plain"]["surname"]
        self.assertEqual((boosted["queries"], boosted["MAP"], boosted["at1"]), (1, 1.0, 1.0))
        self.assertEqual(plain["queries"], 1)
        self.assertAlmostEqual(plain["MAP"], (1 / 2 + 2 / 3) / 2)
        self.assertEqual(plain["at1"], 0.0)
        p = self.run_script(gold, os.path.join(DATA), expect=2)
        self.assertIn("no article of", p.stderr)


class RetrievalCV(EvalScript):
    """scripts/eval-retrieval --cv-from on a hand-made set of per-query figures."""

    SCRIPT = "eval-retrieval"

    def write_runs(self, systems):
        path = os.path.join(self.tmp, "runs.json")
        with open(path, "w") as f:
            json.dump({"systems": {name: {"per_query": {
                str(q + 1): {"ap": ap, "ndcg10": ap, "p10": 0.0} for q, ap in enumerate(aps)}}
                for name, aps in systems.items()}}, f)
        return path

    def test_tuning_to_single_queries_scores_below_its_best_setting(self):
        runs = self.write_runs({
            "newsarc": [0.5, 0.5, 0.5, 0.5],
            # A family whose better setting is better on every query.
            "newsarc good/a": [0.75, 0.75, 0.75, 0.75],
            "newsarc good/b": [0.25, 0.25, 0.25, 0.25],
            # Each setting finds the answer to one question only: any half
            # picks one that is right on the half it was chosen on, so the
            # other half gets nothing from it.
            "newsarc noisy/1": [1, 0, 0, 0],
            "newsarc noisy/2": [0, 1, 0, 0],
            "newsarc noisy/3": [0, 0, 1, 0],
            "newsarc noisy/4": [0, 0, 0, 1],
            "Lucene": [0.4, 0.6, 0.4, 0.6],
        })
        out = json.loads(self.run_script("--cv-from", runs, "--json", "--cv-splits", "30").stdout)
        fam = out["families"]
        self.assertEqual(sorted(fam), ["Lucene", "newsarc", "newsarc good", "newsarc noisy"])
        self.assertEqual(fam["newsarc"]["cv_map"], 0.5)
        self.assertEqual((fam["newsarc"]["better"], fam["newsarc"]["worse"]), (0, 0))
        good = fam["newsarc good"]
        self.assertEqual((good["settings"], good["best"], good["picked"]),
                         (2, "newsarc good/a", "newsarc good/a"))
        self.assertEqual((good["cv_map"], good["better"], good["folds"]), (0.75, 60, 60))
        noisy = fam["newsarc noisy"]
        self.assertEqual((noisy["settings"], noisy["best_map"]), (4, 0.25))
        self.assertEqual((noisy["cv_map"], noisy["cv_ndcg10"], noisy["worse"]), (0.0, 0.0, 60))
        mean, se = out["paired"]["Lucene"]["map_diff"], out["paired"]["Lucene"]["se"]
        self.assertAlmostEqual(mean, 0.0)
        self.assertAlmostEqual(se, (0.04 / 3 / 4) ** 0.5)
        text = self.run_script("--cv-from", runs, "--cv-splits", "30").stdout
        self.assertRegex(text, r"newsarc noisy +4 +0\.2500 +0\.0000 +0\.0000 +0%/100%")

    def test_bad_input_is_refused(self):
        self.assertIn("not the output of --json --per-query",
                      self.run_script("--cv-from", os.path.join(self.tmp, "none.json"),
                                      expect=2).stderr)
        other = self.write_runs({"newsarc": [0.5, 0.5], "newsarc x/1": [0.5, 0.5, 0.5]})
        self.assertIn("other queries",
                      self.run_script("--cv-from", other, expect=2).stderr)
        noap = os.path.join(self.tmp, "noap.json")
        with open(noap, "w") as f:
            json.dump({"systems": {"newsarc": {"per_query": {"1": {"ndcg10": 0.5},
                                                             "2": {"ndcg10": 0.5}}}}}, f)
        self.assertIn("without a number for 'ap'",
                      self.run_script("--cv-from", noap, expect=2).stderr)
        nobase = self.write_runs({"Lucene": [0.5, 0.5]})
        self.assertIn("no system 'newsarc'", self.run_script("--cv-from", nobase,
                                                              expect=2).stderr)
        self.assertIn("--cv-splits", self.run_script("--cv-from", nobase, "--cv-splits", "0",
                                                     expect=2).stderr)


class KnownItem(EvalScript):
    """scripts/eval-known-item on a hand-made folder, in both query modes."""

    SCRIPT = "eval-known-item"

    def test_a_title_found_first_with_all_its_words_and_second_with_any(self):
        names = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
                 "november oscar papa quebec romeo sierra tango").split()
        for i, name in enumerate(names):
            self.add(f"f{i:02d}.txt", text=f"Filler {name} budget\n\nThe {name} budget plans a "
                     "new tax on shops and offices in the town, the council said on Monday.\n")
        # "Harbour tax": only this article has both words, but the next one
        # says "harbour" far more often, and "tax" is in nearly every article.
        self.add("a.txt", text="Harbour tax\n\nThe council voted on Tuesday for a new tax on the "
                 "boats that moor in the old town each summer, after a long debate about parking, "
                 "noise and the cost of cleaning the streets near the water, which the mayor said "
                 "the town could no longer pay for from its own budget alone.\n")
        self.add("b.txt", text="Harbour harbour harbour\n\nHarbour harbour harbour harbour. The "
                 "harbour is full, the harbour is busy, the harbour is loud.\n")
        out = json.loads(self.run_script("--json", self.docs).stdout)
        self.assertEqual(out["articles"], 22)
        title = out["systems"]["newsarc"]["title"]
        self.assertEqual((title["queries"], title["MRR"], title["at1"]), (22, 1.0, 1.0))
        self.assertEqual(out["systems"]["newsarc"]["description"]["queries"], 22)
        # OR of the words: "Harbour harbour harbour" comes first for "Harbour
        # tax", with or without feedback.
        out = json.loads(self.run_script("--json", "--any", "--variant", "no-prf=prf=0",
                                         self.docs).stdout)
        for system in ("newsarc", "no-prf"):
            title = out["systems"][system]["title"]
            self.assertEqual(title["queries"], 22)
            self.assertAlmostEqual(title["MRR"], (21 + 1 / 2) / 22)
            self.assertAlmostEqual(title["at1"], 21 / 22)
        p = self.run_script("--any", self.docs)
        self.assertRegex(p.stdout, r"newsarc title misses .*\n  2 +Harbour tax  ->  Harbour tax")
        p = self.run_script("--variant", "no-equals-sign", self.docs, expect=2)
        self.assertIn("--variant wants NAME=SPEC", p.stderr)

    def test_web_pages_described_from_their_text(self):
        # The first paragraph is the article's as newsarc reads the page,
        # not a line of its markup or its navigation.
        leads = {"Ferry strike": "Crews walked out over pay, stranding islanders and tourists "
                                 "waiting at the quay.",
                 "Harbour bridge": "Engineers found cracks in the steel girders during a routine "
                                   "inspection.",
                 "School closures": "Falling pupil numbers forced governors to merge classrooms "
                                    "across three villages.",
                 "Water prices": "Households face steeper bills after reservoirs needed costly "
                                 "repairs.",
                 "Library hours": "Volunteers will staff reading rooms on Sundays while "
                                  "librarians train apprentices."}
        for i, (title, lead) in enumerate(leads.items()):
            self.add(f"p{i}.html", text=(
                f"<html><head><title>{title} | Example</title></head><body>"
                "<nav>Home News Sport Weather Markets Travel Culture</nav><article>"
                f"<h1>{title}</h1><p>Short.</p><p>{lead}</p></article>"
                "<footer>Contact Privacy Terms</footer></body></html>"))
        out = json.loads(self.run_script("--json", "--misses", "0", self.docs).stdout)
        self.assertEqual(out["articles"], 5)
        description = out["systems"]["newsarc"]["description"]
        self.assertEqual((description["queries"], description["at1"]), (5, 1.0))
        p = self.run_script("--misses", "0", self.docs)
        self.assertIn("5 articles in", p.stdout)
        self.assertIn("(0 without a description query)", p.stdout)


class Languages(Env):
    """A record's language by code or name, and lang: by code or name."""

    def test_codes_and_names_index_and_search_alike(self):
        body = ("The minister said that the police would look into the matter and it was "
                "for the courts to decide what to do.")
        bericht = ("Der Minister sagte, dass die Polizei den Fall untersuchen wird und "
                   "dass die Gerichte entscheiden.")
        rows = [
            {"title": "Given as a tag", "language": "en-GB", "text": body},
            {"title": "Given as a name", "language": "English", "text": body},
            {"title": "Given as ISO 639-2", "language": "ger", "text": bericht},
            {"title": "Named in itself", "language": "Deutsch", "text": bericht},
            # Too short to detect: only the name says it.
            {"title": "Kurz", "language": "German", "text": "Bonn, 3. Mai."},
            # Not a language: detected from the text instead.
            {"title": "Not a language", "language": "Klingon", "text": body},
        ]
        self.add("feed.jsonl", text="".join(json.dumps(r) + "\n" for r in rows))
        self.index()
        english = ["Given as a name", "Given as a tag", "Not a language"]
        german = ["Given as ISO 639-2", "Kurz", "Named in itself"]
        for q in ["lang:en", "lang:en-US", "lang:eng", "lang:english", "lang:ENGLISH"]:
            with self.subTest(q=q):
                self.assertEqual(sorted(self.titles(q)), english)
        for q in ["lang:de", "lang:german", "lang:deutsch", "lang:de-AT"]:
            with self.subTest(q=q):
                self.assertEqual(sorted(self.titles(q)), german)
        # The query is stemmed in the language it names: "Gerichte" -> "gericht".
        self.assertEqual(sorted(self.titles("lang:german gericht")),
                         ["Given as ISO 639-2", "Named in itself"])
        p = self.search("lang:englsh", expect=2)
        self.assertIn("'englsh' is neither a language code", p.stderr)


class ProximityWindow(Env):
    """Keyword mode's adjacent-words boost over a window of the best articles
    (RankingOptions::prox_rescore), forced on with NEWSARC_RANKING."""

    def setUp(self):
        super().setUp()
        filler = ("The committee met in the morning and the members spoke about the plans "
                  "for the coming year. ")
        for i in range(6):  # "harbour" and "tax" apart; 1, 3 and 5 are copies
            self.add(f"o{i}.txt", text=f"Council notes {i}\n\nThe harbour board met on Monday. "
                     "Later the tax office replied to questions. " + filler * (1 + i % 2) + "\n")
        # "harbour tax" together, in a longer article: last without the
        # boost, first with it.
        self.add("x.txt", text="Evening notes\n\nMembers debated the new harbour tax at length. "
                 + filler * 4 + "\n")
        for i in range(20):
            self.add(f"f{i}.txt", text=f"Other story {i}\n\nNothing about boats or money here, "
                     f"only weather number {i}.\n")

    def result(self, ranking, *args, db=None):
        env = dict(self.env, NEWSARC_RANKING=ranking)
        p = subprocess.run([SEARCH, "--json", "--db", db or self.db, *args, "harbour", "tax"],
                           env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        return out["total"], [(os.path.basename(h["path"]), h["score"], h["duplicates"])
                              for h in out["hits"]]

    FORCED = "prox_rescore_over=0,prox_rescore_pairs=0"  # the window for any query

    def test_the_window_reorders_its_articles_exactly(self):
        self.index()
        sharded = os.path.join(self.tmp, "sharded")
        self.index("--shards", "3", "--db", sharded, self.docs)
        for db in (self.db, sharded):
            exact = self.result("prox_rescore=0", db=db)
            self.assertEqual(exact[0], 5)  # 7 articles, one story in 3 copies
            self.assertEqual(exact[1][0][0], "x.txt")
            self.assertIn(exact[1][1][0], ("o0.txt", "o2.txt", "o4.txt"))  # tied
            self.assertEqual(exact[1][-1][2], 2)
            # Every match inside the window: the same hits, scores, copies
            # and total as the boost over every match; so by default here
            # (far fewer matches than prox_rescore_over).
            self.assertEqual(self.result(self.FORCED, db=db), exact)
            self.assertEqual(self.result("", db=db), exact)
            for limit in ("1", "3"):
                self.assertEqual(self.result(self.FORCED, "--limit", limit, db=db),
                                 (5, exact[1][:int(limit)]))
            # A window of the best 1 + 2 articles without the boost: "x.txt",
            # 7th without it, is left out; the others keep their scores.
            total, hits = self.result(self.FORCED + ",prox_rescore=2", "--limit", "1", db=db)
            self.assertEqual(len(hits), 1)
            self.assertNotEqual(hits[0][0], "x.txt")
            self.assertIn(hits[0], exact[1])
            # Xapian's estimate of the first pass, which stopped at 3.
            self.assertTrue(3 <= total <= 7, total)


if __name__ == "__main__":
    unittest.main()
