"""End-to-end tests of sharded indexes (issue 8, items 1 and 2): newsarc-index
--shards N, --shard-by year|month and --partition I/N, searched through the stub
database with the real newsarc-search."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

INDEX = os.environ.get("NEWSARC_INDEX_BIN", "newsarc-index")
SEARCH = os.environ.get("NEWSARC_SEARCH_BIN", "newsarc-search")
CORPORA = os.environ.get("NEWSARC_CORPORA", os.path.join(os.path.dirname(__file__), "../../corpora"))

QUERIES = ["police", "election OR vote", "Rudd WhatsApp encryption", '"prime minister"',
           "fire -forest", "speaker:trump", "covid", "court date:2019..2020"]

ARTICLE = ("Title v{v} {word}\n\nhttp://www.example.com/{slug}\n\nVersion {v} of 3.\n\n"
           "{date}Body of version {v} mentions {word}.\n")


class Env(unittest.TestCase):
    """A folder with a slice of the sample corpus, and a place for indexes."""

    SAMPLE = 60

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="newsarc-shards-")
        self.docs = os.path.join(self.tmp, "news")
        os.makedirs(self.docs)
        wikinews = os.path.join(CORPORA, "wikinews")
        for name in sorted(os.listdir(wikinews))[: self.SAMPLE]:
            shutil.copy(os.path.join(wikinews, name), self.docs)
        shutil.copy(os.path.join(CORPORA, "seed", sorted(os.listdir(os.path.join(CORPORA, "seed")))[0]),
                    os.path.join(self.docs, "seed.txt"))
        self.env = dict(os.environ, NO_COLOR="1")
        self.env.pop("NEWSARC_DB", None)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def db(self, name):
        return os.path.join(self.tmp, name)

    def index(self, db, *args, expect=0):
        p = subprocess.run([INDEX, "--db", db, *args, self.docs], env=self.env,
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, expect, f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        return p

    def result(self, db, query):
        p = subprocess.run([SEARCH, "--db", db, "--json", "--limit", "1000", query], env=self.env,
                           capture_output=True, text=True, timeout=120)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return json.loads(p.stdout)

    def assertSameResults(self, db, reference):
        """Every query gives the same hits, order, scores and totals on `db` as
        on `reference`. Equal scores may come in either order (Xapian breaks
        ties by document id, which shards number differently)."""
        for q in QUERIES:
            got, want = self.result(db, q), self.result(reference, q)
            self.assertEqual(got["total"], want["total"], q)
            self.assertEqual(len(got["hits"]), len(want["hits"]), q)
            for g, w in zip(got["hits"], want["hits"]):
                self.assertAlmostEqual(g["score"], w["score"], delta=1e-9 * max(1, abs(w["score"])),
                                       msg=q)
            key = lambda h: (-h["score"], h["id"])
            self.assertEqual([(h["id"], h["score"]) for h in sorted(got["hits"], key=key)],
                             [(h["id"], h["score"]) for h in sorted(want["hits"], key=key)], q)

    def ids_in(self, database):
        """Article ids in one Xapian database (its Q terms)."""
        out = subprocess.run(["xapian-delve", "-a", database], capture_output=True, text=True,
                             check=True).stdout
        return {t[1:] for t in out.split() if t.startswith("Q")}

    def shard_ids(self, db):
        """shard name -> ids, for each database of a sharded index."""
        shards = os.path.join(db, "shards")
        return {name: self.ids_in(os.path.join(shards, name))
                for name in sorted(os.listdir(shards)) if name != "meta"}

    def assertEachOnce(self, db, reference):
        """Every article of `reference` (one database) is in exactly one shard."""
        seen = {}
        for name, ids in self.shard_ids(db).items():
            for i in ids:
                self.assertNotIn(i, seen, f"{i} in shards {seen.get(i)} and {name}")
                seen[i] = name
        self.assertEqual(set(seen), self.ids_in(reference))
        return seen

    def stub_lines(self, db):
        with open(os.path.join(db, "XAPIANDB")) as f:
            return [l for l in f.read().splitlines() if l and not l.startswith("#")]


class HashShards(Env):
    def test_two_and_three_shards_search_like_one_database(self):
        self.index(self.db("one"), "-q")
        for n in (2, 3):
            db = self.db(f"s{n}")
            p = self.index(db, "--shards", str(n))
            self.assertIn(f"{n} shards by key hash", p.stderr)
            self.assertEqual(self.stub_lines(db),
                             ["auto shards/meta"] + [f"auto shards/{i:03d}" for i in range(n)])
            self.assertEqual(len(self.shard_ids(db)), n)
            self.assertEachOnce(db, self.db("one"))
            self.assertSameResults(db, self.db("one"))

    def test_layout_is_remembered(self):
        db = self.db("s2")
        self.index(db, "-q", "--shards", "2")
        p = self.index(db)  # no flag: the recorded layout
        self.assertIn(" 0 read", p.stderr)
        self.index(db, "-q", "--shards", "2")
        p = self.index(db, "--shards", "3", expect=2)
        self.assertIn("--shards 2", p.stderr)
        p = self.index(db, "--shard-by", "year", expect=2)
        self.assertIn("--shards 2", p.stderr)
        self.index(self.db("one"), "-q")
        p = self.index(self.db("one"), "--shards", "2", expect=2)
        self.assertIn("one database", p.stderr)

    def test_incremental_runs_keep_each_article_in_one_shard(self):
        db = self.db("s3")
        os.makedirs(os.path.join(self.docs, "v"))
        a1 = os.path.join(self.docs, "v", "a1.txt")
        with open(a1, "w") as f:
            f.write(ARTICLE.format(v=1, slug="story", word="zqapples", date=""))
        self.index(db, "-q", "--shards", "3")
        # Add a higher version in another file, change a file, delete one.
        with open(os.path.join(self.docs, "v", "a3.txt"), "w") as f:
            f.write(ARTICLE.format(v=3, slug="story", word="zqcherries", date=""))
        names = sorted(n for n in os.listdir(self.docs) if n.endswith(".txt"))
        os.remove(os.path.join(self.docs, names[0]))
        changed = os.path.join(self.docs, names[1])
        with open(changed, "a") as f:
            f.write("\nA late correction mentions zqcorrection.\n")
        st = os.stat(changed)
        os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
        self.index(db, "-q")
        self.index(self.db("one"), "-q")
        self.assertEachOnce(db, self.db("one"))
        self.assertSameResults(db, self.db("one"))
        self.assertEqual([h["version"] for h in self.result(db, "zqapples OR zqcherries")["hits"]], [3])
        self.assertEqual(self.result(db, "zqcorrection")["total"], 1)
        # Removing the winner brings version 1 back, in its shard.
        os.remove(os.path.join(self.docs, "v", "a3.txt"))
        self.index(db, "-q")
        self.assertEqual([h["version"] for h in self.result(db, "zqapples OR zqcherries")["hits"]], [1])
        shutil.rmtree(self.db("one"))
        self.index(self.db("one"), "-q")
        self.assertEachOnce(db, self.db("one"))


    def test_killed_runs_lose_and_duplicate_nothing(self):
        """SIGKILL at 15 moments of a --shards 2 run, restarting each time:
        then every article is in exactly one shard, as in a clean index."""
        import random
        self.index(self.db("one"), "-q")
        db = self.db("killed")
        rnd = random.Random(int(os.environ.get("NEWSARC_KILL_SEED", "8")))
        for _ in range(15):
            p = subprocess.Popen([INDEX, "-q", "--commit-every", "7", "--db", db, "--shards", "2",
                                  self.docs], env=self.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
            time.sleep(rnd.uniform(0, 0.3))
            p.kill()
            _, err = p.communicate()
            self.assertIn(p.returncode, (0, -9), err)
        # With --shards again: on a loaded machine every run above may have
        # been killed before it laid out the shards.
        self.index(db, "-q", "--shards", "2")
        for name in os.listdir(os.path.join(db, "shards")):
            subprocess.run(["xapian-check", os.path.join(db, "shards", name)], check=True,
                           capture_output=True)
        self.assertEachOnce(db, self.db("one"))
        self.assertSameResults(db, self.db("one"))


class Partitions(Env):
    def test_partitions_together_are_the_whole(self):
        self.index(self.db("one"), "-q")
        p0 = self.index(self.db("p0"), "--partition", "0/2")
        p1 = self.index(self.db("p1"), "--partition", "1/2")
        ids0, ids1 = self.ids_in(self.db("p0")), self.ids_in(self.db("p1"))
        self.assertFalse(ids0 & ids1)
        self.assertEqual(ids0 | ids1, self.ids_in(self.db("one")))
        self.assertIn(f"{len(ids1)} articles left to other partitions", p0.stderr)
        self.assertIn(f"{len(ids0)} articles left to other partitions", p1.stderr)
        # Partition I holds what shard I of --shards 2 holds.
        self.index(self.db("s2"), "-q", "--shards", "2")
        shards = self.shard_ids(self.db("s2"))
        self.assertEqual(shards["000"], ids0)
        self.assertEqual(shards["001"], ids1)
        # A stub over the two partitions searches like one database.
        cluster = self.db("cluster")
        os.makedirs(cluster)
        with open(os.path.join(cluster, "XAPIANDB"), "w") as f:
            f.write("auto ../p0\nauto ../p1\n")
        self.assertSameResults(cluster, self.db("one"))
        # The partition is recorded.
        p = self.index(self.db("p0"), "--partition", "1/2", expect=2)
        self.assertIn("partition 0/2", p.stderr)
        self.index(self.db("p0"), "-q")
        p = self.index(self.db("one"), "--partition", "0/2", expect=2)
        self.assertIn("without --partition", p.stderr)


class TimeShards(Env):
    SAMPLE = 120  # spans 2019 and 2020

    def test_shard_by_year(self):
        with open(os.path.join(self.docs, "undated.txt"), "w") as f:
            f.write(ARTICLE.format(v=0, slug="undated", word="zqundated", date=""))
        self.index(self.db("one"), "-q")
        db = self.db("years")
        p = self.index(db, "--shard-by", "year")
        self.assertIn("one shard per year", p.stderr)
        names = sorted(self.shard_ids(db))
        self.assertIn("undated", names)
        self.assertIn("2019", names)
        self.assertEqual(self.stub_lines(db),
                         ["auto shards/meta"] + [f"auto shards/{n}" for n in names])
        self.assertSameResults(db, self.db("one"))
        where = self.assertEachOnce(db, self.db("one"))
        for hit in self.result(db, "police OR election OR zqundated")["hits"]:
            self.assertEqual(where[hit["id"]], hit["date"][:4] if hit["date"] else "undated")

    def test_a_new_date_moves_the_article(self):
        db = self.db("months")
        story = os.path.join(self.docs, "story1.txt")
        with open(story, "w") as f:
            f.write(ARTICLE.format(v=1, slug="moving", word="zqmoving", date="2019-05-02\n\n"))
        self.index(db, "-q", "--shard-by", "month")
        self.assertIn("example.com/moving", self.shard_ids(db)["2019-05"])
        with open(os.path.join(self.docs, "story2.txt"), "w") as f:
            f.write(ARTICLE.format(v=2, slug="moving", word="zqmoving", date="2031-07-08\n\n"))
        self.index(db, "-q")
        shards = self.shard_ids(db)
        self.assertIn("2031-07", shards)
        self.assertIn("example.com/moving", shards["2031-07"])
        self.assertNotIn("example.com/moving", shards["2019-05"])
        self.assertEqual([h["version"] for h in self.result(db, "zqmoving")["hits"]], [2])
        self.index(self.db("one"), "-q")
        self.assertEachOnce(db, self.db("one"))
        self.assertSameResults(db, self.db("one"))


class BadFlags(Env):
    SAMPLE = 2

    def test_bad_values_exit_2_with_a_message(self):
        cases = [
            (["--shards", "0"], "--shards"),
            (["--shards", "-1"], "--shards"),
            (["--shards", "x"], "--shards"),
            (["--shards", "1000"], "--shards"),
            (["--shard-by", "day"], "--shard-by"),
            (["--shard-by", ""], "--shard-by"),
            (["--shards", "2", "--shard-by", "year"], "--shard-by"),
            (["--partition", "2/2"], "--partition"),
            (["--partition", "1"], "--partition"),
            (["--partition", "a/b"], "--partition"),
            (["--partition", "0/0"], "--partition"),
            (["--partition", "-1/2"], "--partition"),
            (["--extract-only", "--shards", "2"], "--extract-only"),
            (["--shards", "0x2"], "--shards: '0x2' is not a whole number"),
            (["--shards", "+2"], "--shards: '+2' is not a whole number"),
            (["--writers", "2.5"], "--writers: '2.5' is not a whole number"),
            (["-j", "1e1"], "--jobs: '1e1' is not a whole number"),
        ]
        for args, word in cases:
            db = self.db("bad")
            p = self.index(db, *args, expect=2)
            self.assertIn(word, p.stderr, args)
            self.assertTrue(p.stderr.startswith("newsarc-index: "), p.stderr)
            self.assertFalse(os.path.exists(os.path.join(db, "XAPIANDB")), args)

    def test_counts_are_decimal(self):
        # CLI11 alone would read "010" as octal 8.
        db = self.db("ten")
        self.index(db, "--shards", "010", "-j", "02")
        self.assertEqual(len(self.shard_ids(db)), 10)

    def test_help_documents_the_flags(self):
        p = subprocess.run([INDEX, "--help"], capture_output=True, text=True, check=True)
        for flag in ("--shards", "--shard-by", "--partition"):
            self.assertIn(flag, p.stdout)


if __name__ == "__main__":
    unittest.main()
