"""End-to-end tests: run the real newsarc-index and newsarc-search binaries
on temporary folders and check what a user sees (exit codes, output, JSON)."""
import fcntl
import gzip
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
        self.assertEqual(len(self.hits("council bridge")), 2)  # plain and .gz copy of the feed
        self.assertEqual(self.hits("site:old.example.org bridge")[0]["site"], "old.example.org")

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
        self.assertEqual(doc["hits"][0]["title"], "Café society returns to Zürich")

    def test_phrase_and_boolean(self):
        self.assertEqual(self.titles('"end-to-end encryption"'), [SEED_TITLE])
        self.assertEqual(self.titles('"encryption end-to-end"'), [])
        self.assertEqual(self.titles("river NOT storm"), ["Council approves new bridge"])
        self.assertEqual(sorted(self.titles("river OR storm")),
                         ["Council approves new bridge", "Storm closes schools"])

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
        p = self.search("date:2017-13", expect=2)
        self.assertTrue(p.stderr.strip())

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


class ExtractOnly(Env):
    def test_json_lines_per_article(self):
        self.add("seed.txt", "seed.txt")
        self.add("feed.jsonl", "feed.jsonl")
        p = subprocess.run([INDEX, "--extract-only", "--json", self.docs], env=self.env,
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual(len(rows), 3)
        seed = next(r for r in rows if r["path"].endswith("seed.txt"))
        self.assertEqual(seed["path"], os.path.join(self.docs, "seed.txt"))
        for name in ["Amber Rudd", "Craig Mackey", "Brad Smith"]:
            self.assertIn(name, seed["speakers"])
        for org in ["Microsoft", "WhatsApp", "Facebook", "Google", "Twitter",
                    "Metropolitan Police"]:
            self.assertIn(org, seed["organisations"])
        self.assertFalse(os.path.exists(self.db))


class SampleCorpus(Env):
    """The promise of the README's main command, checked on corpora/ itself."""

    def test_seed_article_is_found(self):
        corpora = os.environ.get("NEWSARC_CORPORA", "../../corpora")
        p = self.index(corpora)
        self.assertIn("296 articles indexed", p.stderr)
        self.assertEqual(self.titles("Rudd WhatsApp encryption")[0], SEED_TITLE)
        for q in ["speaker:rudd", "org:whatsapp", 'org:"metropolitan police"']:
            self.assertIn(SEED_TITLE, self.titles(q, "--limit", "50"), q)


if __name__ == "__main__":
    unittest.main()
