"""Robustness (issue 6): bad input, big input, killed runs, concurrent use, bad
queries and a read-only index, on the real binaries. Each class is one ctest
entry (tests/e2e/CMakeLists.txt).

Sizes are small by default so that CI stays fast; NEWSARC_FULL_SIZE=1 makes
BigInput index 1 GB of real articles instead of ~20 MB (the 200 MB article
and the 1 GB .jsonl are always full size: the indexer reads only their first
16 MiB or skips their long line, which takes about a second)."""
import gzip
import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
import time
import unittest

INDEX = os.environ.get("NEWSARC_INDEX_BIN", "newsarc-index")
SEARCH = os.environ.get("NEWSARC_SEARCH_BIN", "newsarc-search")
FULL_SIZE = os.environ.get("NEWSARC_FULL_SIZE") == "1"
NOBODY = 65534

# Words that no stemmer changes, so that a quoted query finds them whether
# or not the article's language was detected.
FILLER = ("the council said on tuesday that the new bridge over the river would open "
          "next spring after years of delays and rising costs for the city")


def article_text(title, token, paragraphs=2):
    body = "\n\n".join(f"{FILLER} {token} paragraph {i}." for i in range(paragraphs))
    return f"{title}\n\n{body}\n"


class Env(unittest.TestCase):
    """A fresh articles folder and index location per test."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="newsarc-robust-")
        os.chmod(self.tmp, 0o755)  # tests that run as nobody must get in
        self.docs = os.path.join(self.tmp, "news")
        self.db = os.path.join(self.tmp, "index")
        os.makedirs(self.docs)
        self.env = dict(os.environ, NEWSARC_DB=self.db, NO_COLOR="1")

    def tearDown(self):
        for root, dirs, _ in os.walk(self.tmp):
            for d in dirs:
                if not os.path.islink(os.path.join(root, d)):
                    os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, name, text=None, data=None):
        path = os.path.join(self.docs, name) if isinstance(name, str) else \
            os.path.join(os.fsencode(self.docs), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if data is not None else text.encode("utf-8"))
        return path

    def index(self, *args, expect=0, timeout=300, **kw):
        p = subprocess.run([INDEX, *args] + ([] if args else [self.docs]), env=self.env,
                           capture_output=True, text=True, errors="replace", timeout=timeout,
                           **kw)
        if expect is not None:
            self.assertEqual(p.returncode, expect, f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        return p

    def permissions_apply(self):
        """Keyword arguments for index() under which file permissions apply:
        root reads and enters everything, so as root the indexer runs as
        nobody, with an index folder that nobody owns."""
        if os.geteuid() != 0:
            return {}
        os.makedirs(self.db)
        os.chown(self.db, NOBODY, NOBODY)
        return {"preexec_fn": as_nobody}

    def index_rss(self, *args, expect=0):
        """Runs the indexer; returns (process result, peak RSS in MiB)."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            p = subprocess.Popen([INDEX, *args], env=self.env, stdout=out, stderr=err)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        self.assertEqual(p.returncode, expect, stderr)
        return stderr, usage.ru_maxrss / 1024

    def search(self, *args, db=None, expect=(0, 1), timeout=60, **kw):
        env = dict(self.env, NEWSARC_DB=db or self.db)
        p = subprocess.run([SEARCH, *args], env=env, capture_output=True, timeout=timeout, **kw)
        p.stdout_text = p.stdout.decode("utf-8", "replace")
        p.stderr_text = p.stderr.decode("utf-8", "replace")
        if expect is not None:
            self.assertIn(p.returncode, expect, f"{args}: {p.stderr_text}")
        return p

    def hits(self, query, *args, db=None):
        p = self.search("--json", "--all", "--limit", "100000", *args, query, db=db)
        return json.loads(p.stdout)["hits"]

    def titles(self, query, *args, db=None):
        return sorted(h["title"] for h in self.hits(query, *args, db=db))

    def doc_count(self, db=None):
        out = subprocess.run(["xapian-delve", db or self.db], capture_output=True, text=True,
                             check=True).stdout
        return int(re.search(r"number of documents = (\d+)", out).group(1))


def as_nobody():
    """preexec_fn: drop root privileges, so that file permissions apply."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def generate_corpus(folder, n_text=300, n_jsonl_files=6, per_jsonl=200, seed=1):
    """A folder of articles: one common word ("zqcommon") and a unique one
    each. Returns the number of articles."""
    rnd = random.Random(seed)
    words = FILLER.split()
    os.makedirs(os.path.join(folder, "text"), exist_ok=True)
    os.makedirs(os.path.join(folder, "feeds"), exist_ok=True)
    n = 0

    def body(k):
        return " ".join(rnd.choice(words) for _ in range(120)) + f" zqcommon zqart{k}."

    for i in range(n_text):
        with open(os.path.join(folder, "text", f"a{i:04d}.txt"), "w") as f:
            f.write(f"Story {n} about {rnd.choice(words)}\n\n{body(n)}\n\n{body(n)}\n")
        n += 1
    for j in range(n_jsonl_files):
        with open(os.path.join(folder, "feeds", f"f{j}.jsonl"), "w") as f:
            for _ in range(per_jsonl):
                f.write(json.dumps({"title": f"Story {n}", "url": f"https://ex.org/{n}",
                                    "language": "en", "text": body(n)}) + "\n")
                n += 1
    return n


class BadInput(Env):
    """Issue item 1: every good article is indexed, every bad one reported
    with path (and line) and reason, exit status 1."""

    def setUp(self):
        super().setUp()
        a = self.add
        a("good.txt", article_text("A good plain article", "zqgoodtxt"))
        a("invalid-utf8.txt", data=article_text("Broken bytes", "zqinvalid").encode() +
          b"caf\xe9 \xff\xfe\xc3 end\n")
        a("windows-1252.txt", data="Caf\xe9 \x93quoted\x94 title\n\n".encode("latin-1") +
          article_text("x", "zqcpone").encode("latin-1"))
        a("latin-1.txt", data=article_text("Zürich zqlatin héllo", "zqlatinbody")
          .encode("latin-1"))
        a("utf-16.txt", data=article_text("Sixteen bit title", "zqutfsixteen")
          .encode("utf-16"))
        a("utf-16be.jsonl", data=(json.dumps({"title": "Big endian", "text": FILLER +
                                              " zqbigendian"}) + "\n").encode("utf-16"))
        rnd = random.Random(7)
        a("binary.txt", data=bytes(rnd.randrange(256) for _ in range(20000)))
        a("empty.txt", text="")
        a("whitespace.txt", text=" \n\t\n   \r\n ")
        a("title-only.txt", text="Only a title zqtitleonly\n")
        a("truncated.json", text='{"title": "Cut short", "text": "the council')
        a("mixed.jsonl", text="\n".join([
            json.dumps({"title": "First good line", "text": FILLER + " zqjsonlone"}),
            "this is not json",
            json.dumps({"title": "Second good line", "text": FILLER + " zqjsonltwo"}),
            '{"title": "truncated line", "text": "abc',
            "[1, 2, 3]",
            json.dumps({"url": "https://ex.org/no-title-or-text"}),
            json.dumps({"title": "Third good line", "text": FILLER + " zqjsonlthree"}),
        ]) + "\n")
        a("malformed.csv", text="title,text,url\n"
          f"First row,{FILLER} zqcsvone,https://ex.org/c1\n"
          "Short row,only two\n"
          f"Second row,{FILLER} zqcsvtwo,https://ex.org/c2\n"
          f"\"Bad quote\"x,{FILLER},https://ex.org/c3\n"
          f"Third row,{FILLER} zqcsvthree,https://ex.org/c4\n")
        a("long-lines.txt", text="Long lines and words\n\n" + (FILLER + ". ") * 20000 +
          "zqlongline " + "w" * 300000 + " zqafterword\n")
        a("nul-bytes.txt", data=b"Nul\x00 title\n\n" + FILLER.encode() +
          b" zqnul \x00bytes\x00 end\n")
        a("escapes.txt", data=b"Red \x1b[31malert\x1b[0m \x1b]0;pwned\x07title \xc2\x9b2J\n\n" +
          FILLER.encode() + b" zqescapes\n")
        a("rtl-cjk.jsonl", text=json.dumps({
            "title": "שלום עולם مرحبا بالعالم 你好世界 こんにちは 안녕하세요",
            "text": "עברית ועוד טקסט. النص العربي هنا. 中文文本在这里。 zqrtlcjk"},
            ensure_ascii=False) + "\n")
        a("with space/a file with spaces.txt", article_text("Spaces in the path", "zqspaces"))
        a(b"bytes-\xff\xfe-name.txt", article_text("Bytes in the path", "zqbytename"))
        a("dir\nwith newline/x.txt", article_text("Newline in the path", "zqnewline"))
        os.symlink("..", os.path.join(self.docs, "loop-up"))
        os.symlink(".", os.path.join(self.docs, "with space", "loop-self"))
        os.mkfifo(os.path.join(self.docs, "pipe.txt"))

    GOOD = {  # token -> title
        "zqgoodtxt": "A good plain article",
        "zqinvalid": "Broken bytes",
        "zqcpone": "Café “quoted” title",
        "zqlatinbody": "Zürich zqlatin héllo",
        "zqutfsixteen": "Sixteen bit title",
        "zqbigendian": "Big endian",
        "zqtitleonly": "Only a title zqtitleonly",
        "zqjsonlone": "First good line",
        "zqjsonltwo": "Second good line",
        "zqjsonlthree": "Third good line",
        "zqcsvone": "First row",
        "zqcsvtwo": "Second row",
        "zqcsvthree": "Third row",
        "zqafterword": "Long lines and words",
        "zqnul": "Nul title",
        "zqescapes": "Red [31malert[0m ]0;pwnedtitle 2J",
        "zqrtlcjk": "שלום עולם مرحبا بالعالم 你好世界 こんにちは 안녕하세요",
        "zqspaces": "Spaces in the path",
        "zqbytename": "Bytes in the path",
        "zqnewline": "Newline in the path",
    }
    BAD = [  # what the summary must say, as regular expressions
        r"binary\.txt: a binary file, not text",
        r"empty\.txt:1: empty file",
        r"whitespace\.txt:1: empty file",
        r"truncated\.json:1: invalid JSON",
        r"mixed\.jsonl:2: invalid JSON",
        r"mixed\.jsonl:4: invalid JSON",
        r"mixed\.jsonl:5: not a JSON object",
        r"mixed\.jsonl:6: no \"title\" or \"text\" field",
        r"malformed\.csv:3: 2 fields, header has 3",
        r"malformed\.csv:5: unexpected character after a closing quote",
        r"pipe\.txt: not a regular file",
    ]

    def check_good_and_bad(self, p):
        for pattern in self.BAD:
            self.assertRegex(p.stderr, pattern)
        for token, title in self.GOOD.items():
            self.assertEqual(self.titles(f'"{token}"'), [title], token)
        self.assertEqual(self.doc_count(), len(self.GOOD))

    def test_good_indexed_bad_reported(self):
        p = self.index(expect=1, timeout=60)
        self.check_good_and_bad(p)
        self.assertIn("2 symbolic links not followed", p.stderr)
        # The summary escapes what it prints: a file name is no terminal command.
        self.assertNotIn("\x1b", p.stderr)

    def test_second_run_reads_only_what_failed(self):
        self.index(expect=1, timeout=60)
        p = self.index(expect=1, timeout=60)
        # Files that failed are tried again; none of the good ones is read.
        self.assertEqual(self.doc_count(), len(self.GOOD))
        self.assertNotIn("zqgoodtxt", p.stderr)

    def test_nothing_stored_is_invalid_or_a_control_character(self):
        self.index(expect=1, timeout=60)
        for h in self.hits('"zqescapes" OR "zqnul" OR "zqinvalid" OR "zqcpone"'):
            for key in ("title", "snippet"):
                text = h.get(key, "")
                self.assertIsNone(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), (key, text))

    def test_extract_only_prints_valid_json_lines(self):
        p = subprocess.run([INDEX, "--extract-only", "--json", self.docs], env=self.env,
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 1, p.stderr)
        lines = p.stdout.decode("utf-8").splitlines()  # strict: valid UTF-8
        records = [json.loads(line) for line in lines]
        self.assertEqual(sorted(r["title"] for r in records), sorted(self.GOOD.values()))

    def test_symlinks_are_not_followed_out_of_the_folder(self):
        outside = os.path.join(self.tmp, "outside")
        os.makedirs(outside)
        with open(os.path.join(outside, "secret.txt"), "w") as f:
            f.write(article_text("Outside the folder", "zqoutside"))
        os.symlink(outside, os.path.join(self.docs, "link-to-folder"))
        os.symlink(os.path.join(outside, "secret.txt"), os.path.join(self.docs, "link.txt"))
        self.index(expect=1, timeout=60)
        self.assertEqual(self.titles('"zqoutside"'), [])
        # Asked to follow: the links are followed, the loops walked once.
        p = self.index("--follow-symlinks", self.docs, expect=1, timeout=60)
        self.assertEqual(self.titles('"zqoutside"'), ["Outside the folder"])
        self.assertEqual(self.titles('"zqgoodtxt"'), ["A good plain article"])
        self.assertNotIn("symbolic links not followed", p.stderr)

    def test_unreadable_file_and_folder_are_reported(self):
        locked = self.add("locked/inside.txt", article_text("Inside a locked folder", "zqin"))
        secret = self.add("unreadable.txt", article_text("Unreadable", "zqunreadable"))
        os.chmod(secret, 0)
        os.chmod(os.path.dirname(locked), 0)
        kw = self.permissions_apply()
        p = self.index(expect=1, timeout=60, **kw)
        self.assertRegex(p.stderr, r"unreadable\.txt: Permission denied")
        self.assertRegex(p.stderr, r"locked: cannot read folder \(Permission denied\)")
        self.assertEqual(self.titles('"zqgoodtxt"'), ["A good plain article"])

    def test_a_folder_that_cannot_be_entered_keeps_its_articles(self):
        # The files of a folder that became unreadable are not gone: the
        # pipeline used to take any error from stat() for "no such file"
        # and removed their articles.
        self.add("locked/inside.txt", article_text("Inside a locked folder", "zqin"))
        kw = self.permissions_apply()
        self.index(expect=1, timeout=60, **kw)
        os.chmod(os.path.join(self.docs, "locked"), 0)
        for args in ([self.docs], ["--prune", self.docs], ["--prune"]):
            p = self.index(*args, expect=None, timeout=60, **kw)
            self.assertIn(p.returncode, (0, 1), p.stderr)
            self.assertIn(" 0 removed", p.stderr)
            self.assertIn("1 indexed file that this run did not find keeps its articles: "
                          "whether it still exists cannot be told (" +
                          os.path.join(self.docs, "locked", "inside.txt") +
                          ": Permission denied)", p.stderr)
            self.assertEqual(self.titles('"zqin"'), ["Inside a locked folder"])
        os.chmod(os.path.join(self.docs, "locked"), 0o755)
        shutil.rmtree(os.path.join(self.docs, "locked"))
        p = self.index(timeout=60, expect=1, **kw)
        self.assertIn(" 1 removed", p.stderr)
        self.assertEqual(self.titles('"zqin"'), [])

    def test_another_version_in_a_locked_folder_is_read_once_it_can_be(self):
        # Removing the file with an article's best version brings back the
        # next best, from the file that holds it. When that file cannot be
        # reached, the run used to skip it without a word and keep its old
        # stamp, so that no later run read it: its version was lost.
        version = ("Title v{v}\n\nhttp://www.example.com/story\n\nVersion {v} of 3.\n\n"
                   "Body of version {v} mentions zqver.\n")
        self.add("a.txt", version.format(v=1))
        self.add("locked/c.txt", version.format(v=2))
        best = self.add("b.txt", version.format(v=3))
        kw = self.permissions_apply()
        self.index(expect=1, timeout=60, **kw)  # the class's bad files are skipped
        self.assertEqual([h["version"] for h in self.hits("zqver")], [3])
        os.chmod(os.path.join(self.docs, "locked"), 0)
        os.remove(best)
        p = self.index(expect=None, timeout=60, **kw)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertIn("1 re-read", p.stderr)
        self.assertIn("1 file holding another version of an article whose file was removed "
                      "could not be read again (" +
                      os.path.join(self.docs, "locked", "c.txt") + ": Permission denied)",
                      p.stderr)
        self.assertNotIn("keep their articles", p.stderr)  # it holds none: forgotten
        self.assertEqual([h["version"] for h in self.hits("zqver")], [1])
        os.chmod(os.path.join(self.docs, "locked"), 0o755)
        p = self.index(expect=1, timeout=60, **kw)
        self.assertEqual([h["version"] for h in self.hits("zqver")], [2], p.stderr)



class BigInput(Env):
    """Issue item 1, the big cases: a 200 MB article, a 1 GB .jsonl, very
    long lines; memory stays bounded (peak RSS of the indexer)."""

    MAX_RSS_MIB = 700

    def write_repeated(self, path, head, block, size, tail=b""):
        with open(path, "wb") as f:
            f.write(head)
            n = len(head)
            big = block * max(1, (8 << 20) // len(block))
            while n < size:
                f.write(big)
                n += len(big)
            f.write(tail)

    def test_200mb_article_is_cut_and_reported(self):
        block = (FILLER + " zqhuge\n\n").encode()
        self.write_repeated(os.path.join(self.docs, "huge.txt"), b"A huge article\n\n", block,
                            200 << 20)
        self.add("small.txt", article_text("A small one", "zqsmall"))
        stderr, rss = self.index_rss(self.docs, expect=1)
        self.assertRegex(stderr, r"huge\.txt:1: longer than 16 MiB: only the first 16 MiB were "
                                 r"indexed")
        self.assertEqual(self.titles('"zqhuge"'), ["A huge article"])
        self.assertEqual(self.titles('"zqsmall"'), ["A small one"])
        self.assertLess(rss, self.MAX_RSS_MIB)

    def test_1gb_jsonl_with_a_huge_line_streams(self):
        good = [json.dumps({"title": f"Line {i}", "text": f"{FILLER} zqline{i}"}) + "\n"
                for i in range(3)]
        head = (good[0] + good[1]).encode() + b'{"title": "Huge", "text": "'
        tail = b'"}\n' + good[2].encode() + b"not json\n"
        self.write_repeated(os.path.join(self.docs, "big.jsonl"), head,
                            (FILLER + " ").encode(), 1 << 30, tail)
        self.add("big.csv", data=b"title,text\n" + b"Row,\"" + b"x" * (20 << 20) + b"\"\n" +
                 f"Good row,{FILLER} zqcsvrow\n".encode())
        stderr, rss = self.index_rss(self.docs, expect=1)
        self.assertRegex(stderr, r"big\.jsonl:3: line longer than 16 MiB")
        self.assertRegex(stderr, r"big\.jsonl:5: invalid JSON")
        self.assertRegex(stderr, r"big\.csv:2: row too long")
        for i in range(3):
            self.assertEqual(self.titles(f'"zqline{i}"'), [f"Line {i}"])
        self.assertEqual(self.titles('"zqcsvrow"'), ["Good row"])
        self.assertLess(rss, self.MAX_RSS_MIB)

    def test_large_jsonl_of_real_articles_streams(self):
        size = (1 << 30) if FULL_SIZE else (12 << 20)
        path = os.path.join(self.docs, "many.jsonl")
        n = 0
        with open(path, "w") as f:
            written = 0
            while written < size:
                line = json.dumps({"title": f"Article {n}", "url": f"https://ex.org/{n}",
                                   "language": "en",
                                   "text": (FILLER + " ") * 8 + f"zqmany zqn{n}"}) + "\n"
                f.write(line)
                written += len(line)
                n += 1
        stderr, rss = self.index_rss("-q", self.docs)
        self.assertEqual(self.doc_count(), n)
        self.assertEqual(self.titles(f'"zqn{n - 1}"'), [f"Article {n - 1}"])
        self.assertLess(rss, self.MAX_RSS_MIB)

    def test_gzip_bomb_is_bounded(self):
        # 1 GiB of text in a 1 MB .txt.gz: read up to the limit, not inflated whole.
        block = (FILLER + ". zqbomb\n\n").encode() * 1024
        z = gzip.compress(block * 64, compresslevel=9)  # ~10 MB each
        with open(os.path.join(self.docs, "bomb.txt.gz"), "wb") as f:
            f.write(b"".join([gzip.compress(b"Bomb title\n\n")] + [z] * 100))
        stderr, rss = self.index_rss(self.docs, expect=1)
        self.assertRegex(stderr, r"bomb\.txt\.gz:1: longer than 16 MiB")
        self.assertEqual(self.titles('"zqbomb"'), ["Bomb title"])
        self.assertLess(rss, self.MAX_RSS_MIB)


def hit_ids(test, query, db):
    return sorted(h["id"] for h in test.hits(query, db=db))


class KilledRuns(Env):
    """Issue item 2: SIGKILL at 20 random moments, restart each time; the
    result is a sound index with every article exactly once, searching as a
    clean one-run index does."""

    KILLS = 20

    def test_killed_runs_lose_and_duplicate_nothing(self):
        n = generate_corpus(self.docs)
        clean = os.path.join(self.tmp, "clean")
        t0 = time.monotonic()
        self.index("-q", "--db", clean, self.docs)
        run_time = time.monotonic() - t0
        self.assertEqual(self.doc_count(clean), n)

        rnd = random.Random(int(os.environ.get("NEWSARC_KILL_SEED", "6")))
        killed = 0
        for _ in range(self.KILLS):
            p = subprocess.Popen([INDEX, "-q", "--commit-every", "37", "--db", self.db,
                                  self.docs], env=self.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
            # Each restart goes on where the last commit left off, so that
            # 20 kills spread over about one clean run's time.
            time.sleep(rnd.uniform(0, 1.6 * run_time / self.KILLS))
            if p.poll() is None:
                p.kill()
                killed += 1
            _, err = p.communicate()
            self.assertIn(p.returncode, (0, -signal.SIGKILL), err)
        self.assertGreaterEqual(killed, self.KILLS * 3 // 4,
                                f"the runs ended before they were killed ({run_time:.1f} s)")
        p = self.index("--db", self.db, self.docs)
        subprocess.run(["xapian-check", self.db], check=True, capture_output=True)
        self.assertEqual(self.doc_count(), n)
        ids = hit_ids(self, '"zqcommon"', self.db)
        self.assertEqual(len(ids), n)
        self.assertEqual(len(set(ids)), n)
        self.assertEqual(ids, hit_ids(self, '"zqcommon"', clean))
        # A third run has nothing to do.
        p = self.index("--db", self.db, self.docs)
        self.assertIn(" 0 read", p.stderr)
        for q in ["bridge council", "river AND spring", '"new bridge"', "zqart17 OR zqart1200",
                  "costs -delays", "title:story"]:
            got = [(h["title"], round(h.get("score", 0), 6)) for h in self.hits(q)]
            want = [(h["title"], round(h.get("score", 0), 6)) for h in self.hits(q, db=clean)]
            self.assertEqual(sorted(got), sorted(want), q)

    def check_killed_compactions(self, layout, compact, databases, scratches):
        """Indexes the generated corpus with the flags `layout`, then runs
        `--compact` with the flags `compact` 12 times, SIGKILLed at random
        moments: after each, every database in `databases` passes
        xapian-check and the count and searches are as before; at least one
        kill came while `scratches()` listed a scratch copy. Then a run reads
        nothing and no scratch copy is left."""
        n = generate_corpus(self.docs)
        self.index("-q", *layout, "--commit-every", "50", "--db", self.db, self.docs)
        queries = ["bridge council", '"new bridge"', "zqart17 OR zqart1200", "title:story"]

        def results():
            return {q: [(h["title"], round(h.get("score", 0), 6)) for h in self.hits(q)]
                    for q in queries}

        want = results()
        # How long one compaction takes, on a copy.
        shutil.copytree(self.db, os.path.join(self.tmp, "copy"))
        t0 = time.monotonic()
        self.index("-q", "--compact", *compact, "--db", os.path.join(self.tmp, "copy"))
        run_time = time.monotonic() - t0
        rnd = random.Random(int(os.environ.get("NEWSARC_KILL_SEED", "6")))
        killed = midway = 0
        for attempt in range(12):
            p = subprocess.Popen([INDEX, "-q", "--compact", *compact, "--db", self.db],
                                 env=self.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
            if attempt >= 9 and midway == 0:
                # The random moments have all missed the copies so far (a
                # slow start under a sanitizer, a busy machine): wait for a
                # scratch copy to appear, then kill.
                deadline = time.monotonic() + 10 * run_time + 5
                while p.poll() is None and not scratches() and time.monotonic() < deadline:
                    time.sleep(0.001)
            else:
                time.sleep(rnd.uniform(0, 1.2 * run_time))
            if p.poll() is None:
                p.kill()
                killed += 1
            _, err = p.communicate()
            self.assertIn(p.returncode, (0, -signal.SIGKILL), err)
            midway += bool(scratches())
            for db in databases:
                subprocess.run(["xapian-check", db], check=True, capture_output=True)
            self.assertEqual(self.doc_count(), n)
            self.assertEqual(results(), want)
        self.assertGreaterEqual(killed, 3, f"the compactions ended first ({run_time:.2f} s)")
        self.assertGreaterEqual(midway, 1, "no kill came while a scratch copy was there")
        p = self.index("--db", self.db, self.docs)
        self.assertIn(" 0 read", p.stderr)
        self.assertEqual(scratches(), [])

    def test_killed_compactions_leave_a_whole_index(self):
        # SIGKILL during `--compact` at random moments: the index is whole
        # after each (the old database or the new one), searches as before,
        # and the next run removes the scratch copy and has nothing to read.
        scratch = os.path.join(self.tmp, "." + os.path.basename(self.db) + ".compacting")
        self.check_killed_compactions(["--writers", "1"], [], [self.db],
                                      lambda: [scratch] if os.path.exists(scratch) else [])

    def test_killed_sharded_compactions_leave_every_shard_whole(self):
        # The same with a sharded index, whose shards are compacted two at a
        # time: a kill can leave two scratch copies; every shard stays whole
        # and none is taken for a killed run's (" 0 read" at the end).
        shards = os.path.join(self.db, "shards")
        self.check_killed_compactions(
            ["--shards", "3"], ["-j", "2"],
            [os.path.join(shards, s) for s in ("000", "001", "002", "meta")],
            lambda: [f for f in os.listdir(shards) if f.endswith(".compacting")])


class Concurrency(Env):
    """Issue item 3."""

    def setUp(self):
        super().setUp()
        self.n = generate_corpus(self.docs, n_text=400, n_jsonl_files=8, per_jsonl=250)

    def start_indexer(self, *args):
        return subprocess.Popen([INDEX, "-q", *args, self.docs], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait_for_documents(self, p):
        """Waits until the running indexer has committed something: to the
        index, or (a new index built by several writer threads) to its
        staging index, merged into the index at the end of the run."""
        deadline = time.monotonic() + 60
        staging = os.path.join(self.db, ".staging")
        while time.monotonic() < deadline and p.poll() is None:
            for db, marker in ((self.db, "iamglass"), (staging, "XAPIANDB")):
                try:
                    if os.path.exists(os.path.join(db, marker)) and self.doc_count(db) > 0:
                        return
                except subprocess.CalledProcessError:
                    pass  # the staging index went (merged) while delve read it
            time.sleep(0.02)
        self.fail("the indexer committed nothing before it ended")

    def test_searches_while_the_indexer_commits(self):
        # Commits every 500 articles, searches in a loop: each search sees a
        # consistent snapshot that only grows.
        self.index("-q", os.path.join(self.docs, "text"))
        p = self.start_indexer("--commit-every", "500")
        searches, totals = 0, []
        while p.poll() is None or searches < 5:
            r = self.search("--paths", '"zqcommon"', "--all", "--limit", "100000", expect=(0,))
            totals.append(len(r.stdout.splitlines()))
            searches += 1
        _, err = p.communicate()
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(totals, sorted(totals))
        self.assertEqual(len(hit_ids(self, '"zqcommon"', self.db)), self.n)

    def test_searches_never_fail_while_the_indexer_commits(self):
        # The harsher version: a commit every 25 articles, so that a writer
        # often commits twice during one search or while a search opens the
        # index. Searcher::Search reopens inside its retry loop and
        # Searcher::Open retries too; before that a search failed about one
        # run in three with "DatabaseModifiedError". A facet count could still
        # lose ten tries in a row on a loaded machine (it did in one CI run):
        # a search that loses once now holds the commits off (commit_gate.h).
        self.index("-q", os.path.join(self.docs, "text"))
        p = self.start_indexer("--commit-every", "25")
        searches = 0
        while p.poll() is None or searches < 5:
            r = self.search("--json", "--all", "--limit", "5", '"zqcommon" bridge', expect=(0,))
            self.assertGreater(json.loads(r.stdout)["total"], 0)
            self.search("--facets", "council", expect=(0,))
            searches += 2
        _, err = p.communicate()
        self.assertEqual(p.returncode, 0, err)
        self.assertGreater(searches, 5)
        self.assertEqual(len(hit_ids(self, '"zqcommon"', self.db)), self.n)

    def test_second_indexer_gets_a_clear_message_or_waits(self):
        first = self.start_indexer("--commit-every", "50")
        self.wait_for_documents(first)
        self.assertIsNone(first.poll(), "the first indexer ended too soon")
        second = self.index("-q", self.docs, expect=2)
        self.assertIn("another newsarc-index is writing to this index", second.stderr)
        self.assertIn("--wait", second.stderr)
        waiting = self.index("--wait", self.docs, expect=0)
        self.assertIn("waiting for it to finish", waiting.stderr)
        _, err = first.communicate()
        self.assertEqual(first.returncode, 0, err)
        self.assertEqual(self.doc_count(), self.n)

    def test_sigint_commits_and_stops(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            with self.subTest(sig=sig):
                shutil.rmtree(self.db, ignore_errors=True)
                p = self.start_indexer("--commit-every", "50")
                self.wait_for_documents(p)
                p.send_signal(sig)
                _, err = p.communicate(timeout=60)
                self.assertEqual(p.returncode, 2, err)
                m = re.search(r"interrupted: (\d+) articles committed; run again to finish", err)
                self.assertIsNotNone(m, err)
                committed = int(m.group(1))
                self.assertGreater(committed, 0)
                self.assertLess(committed, self.n)
                self.assertEqual(self.doc_count(), committed)
                subprocess.run(["xapian-check", self.db], check=True, capture_output=True)
                self.index("-q", self.docs)
                self.assertEqual(self.doc_count(), self.n)
                self.assertEqual(len(set(hit_ids(self, '"zqcommon"', self.db))), self.n)


class BadQueries(Env):
    """Issue item 4: a clear message and exit 2, or a sensible result; never
    a crash or a hang."""

    @classmethod
    def setUpClass(cls):
        # One index for every query: many words starting with "a" for the
        # wildcard cases.
        cls.shared = tempfile.mkdtemp(prefix="newsarc-queries-")
        docs = os.path.join(cls.shared, "news")
        os.makedirs(docs)
        rnd = random.Random(3)
        with open(os.path.join(docs, "words.jsonl"), "w") as f:
            for i in range(300):
                words = " ".join("a" + "".join(rnd.choice("bcdefghijklmnop") for _ in range(6))
                                 for _ in range(100))
                f.write(json.dumps({"title": f"Words {i}", "language": "en",
                                    "date": f"2017-03-{1 + i % 28:02d}",
                                    "text": f"{FILLER} {words}"}) + "\n")
        subprocess.run([INDEX, "-q", "--db", os.path.join(cls.shared, "index"), docs],
                       check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared, ignore_errors=True)

    QUERIES = [
        '"unbalanced quote', 'bridge "', '"', '(bridge', 'bridge)', '((((bridge', ')))',
        'AND', 'OR', 'NOT', 'bridge AND', 'OR bridge', 'NOT NOT', 'NEAR', 'bridge NEAR',
        'ADJ/3', '-', '+', '- +', '-bridge', '+-bridge', 'XOR XOR',
        'nosuchprefix:bridge', 'speaker:', 'org:', 'site:', 'title:', ':', 'speaker:"',
        'a*', '*', 'a* b* c* d* e*', '"a* b*"', 'title:a*', 'speaker:a*',
        'date:2017-13-45', 'date:abc..def', 'date:2018..2017', 'date:..', 'date:9999999999',
        'date:2017-02-30', 'date:-1..0', 'date:2017-03-01..2017-03-31 bridge',
        '\x00bridge', 'bridge\x1b[31m', '\u202etxt.exe', 'ﬁ ß İ', '🦓', '\ufeff',
        # Xapian 1.4.22's parser crashed on these (README, "Tests, sanitizers, fuzzing").
        '-r(-(a\u20acor', 'bridge -r(-(the - of))', '-r(-(a + or',
        '-o -. (a;or)', 'bridge -o -title:(a;or)', 'bridge +(a;or)', '-r -[((-( a;( a;or )',
        'bridge (-3 (-((-date:zz', 'bridge -a -(-speaker:,)', 'speaker:d" bridge +(a;or)',
        'bridge -y org:a"b t -(a;or)', '\u4e2dspeaker:d" bridge +(a;or)',
        'bridge -r -( ;or ""(a) rudd)',
    ]

    def run_query(self, *args):
        t0 = time.monotonic()
        p = self.search("--json", *args, db=os.path.join(self.shared, "index"), expect=None,
                        timeout=30)
        elapsed = time.monotonic() - t0
        self.assertGreaterEqual(p.returncode, 0, f"{args!r} crashed: {p.stderr_text}")
        self.assertIn(p.returncode, (0, 1, 2), args)
        self.assertLess(elapsed, 20, args)
        if p.returncode == 2:
            self.assertRegex(p.stderr_text, r"^newsarc-search: \S", args)
            self.assertEqual(p.stderr_text.count("\n"), 1, args)
            self.assertEqual(p.stdout, b"")
        else:
            json.loads(p.stdout)
        return p

    def test_each_bad_query(self):
        for q in self.QUERIES:
            with self.subTest(q=q):
                if "\x00" in q:  # argv cannot hold a NUL: the shell drops it
                    q = q.replace("\x00", "")
                self.run_query(q)

    def test_huge_queries(self):
        rnd = random.Random(5)
        # One argument holds at most 128 KiB (MAX_ARG_STRLEN).
        words = [f"w{rnd.randrange(10**6)}" for _ in range(12000)]
        self.run_query(" ".join(words))
        self.run_query(" OR ".join(words[:5000]))
        self.run_query(" AND ".join(words[:5000]))
        self.run_query("(" * 5000 + "bridge" + ")" * 5000)
        self.run_query("x " + "(" * 60000 + "-bridge" + ")" * 60000)  # exclusions rewritten
        # signed groups within signed groups: each byte is read once to tell the empty ones
        # (reading each group's words afresh took 19 s for this query)
        self.run_query("x " + "-(" * 30000 + "bridge" + ")" * 30000)
        self.run_query("x " + "-(" * 30000 + "the" + ")" * 30000)
        self.run_query('"' + " ".join(words[:5000]) + '"')
        self.run_query("x" * 100000)

    def test_wildcard_is_bounded(self):
        p = self.run_query("a*")
        self.assertIn(p.returncode, (0, 2))

    def test_invalid_date_is_an_error(self):
        for q in ["date:2017-13-45", "date:abc..def"]:
            with self.subTest(q=q):
                p = self.run_query(q)
                self.assertEqual(p.returncode, 2, p.stdout)


class ReadOnly(Env):
    """Issue item 7: the searcher opens databases read-only and never writes."""

    def test_search_on_a_read_only_copy(self):
        generate_corpus(self.docs, n_text=20, n_jsonl_files=1, per_jsonl=20)
        self.index("-q", self.docs)
        copy = os.path.join(self.tmp, "ro")
        shutil.copytree(self.db, copy)

        def snapshot():
            out = {}
            for name in sorted(os.listdir(copy)):
                st = os.stat(os.path.join(copy, name))
                with open(os.path.join(copy, name), "rb") as f:
                    out[name] = (st.st_mtime_ns, f.read())
            return out

        for root, dirs, files in os.walk(copy):
            for name in files + dirs:
                path = os.path.join(root, name)
                os.chmod(path, os.stat(path).st_mode & ~0o222)
        os.chmod(copy, 0o555)
        before = snapshot()
        kw = {"preexec_fn": as_nobody} if os.geteuid() == 0 else {}
        for args in [("bridge",), ("--json", "--facets", "council"), ("--paths", '"zqcommon"'),
                     ("nothingmatcheszz",)]:
            p = self.search(*args, db=copy, **kw)
            self.assertIn(p.returncode, (0, 1), p.stderr_text)
        self.assertEqual(self.search("bridge", db=copy, **kw).returncode, 0)
        self.assertEqual(snapshot(), before)


class FullDisk(Env):
    """A disk that fills up during a run: a clear error, the index as its last commit left it,
    and a run with room again goes on from there."""

    def test_a_full_disk_keeps_the_last_commit_and_the_next_run_goes_on(self):
        small = os.path.join(self.tmp, "small")
        os.makedirs(small)
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small],
                               capture_output=True)
        if mount.returncode != 0:
            self.skipTest("mounting a small file system needs root: " + mount.stderr.decode())
        try:
            self.db = os.path.join(small, "index")
            self.env["NEWSARC_DB"] = self.db
            first = os.path.join(self.tmp, "first")
            generate_corpus(first, n_text=20, n_jsonl_files=0)
            self.index("-q", first)
            generate_corpus(self.docs, n_text=0, n_jsonl_files=4, per_jsonl=500, seed=2)
            p = self.index("-q", first, self.docs, expect=2)
            self.assertIn("no space left for the index", p.stderr)
            self.assertIn("it keeps what its last commit held", p.stderr)
            self.assertEqual(subprocess.run(["xapian-check", self.db], capture_output=True)
                             .returncode, 0)
            self.assertEqual(len(self.hits('"zqart7"')), 1)  # the first run's articles
            subprocess.run(["mount", "-o", "remount,size=64m", small], check=True)
            self.index("-q", first, self.docs)
            self.assertEqual(self.doc_count(), 20 + 2000)
            self.assertEqual(len(self.hits("zqcommon")), 20 + 2000)
        finally:
            subprocess.run(["umount", small], capture_output=True)


class Regressions(Env):
    """One test per defect found while hardening, named after it."""

    def test_short_article_without_language_is_found_by_a_plain_word(self):
        # document_builder indexes unstemmed text when the language is not
        # detected; query_parser stems the query (English by default) and
        # looks only for "Z" terms, so the article is not found.
        self.add("short.txt", "Short one\n\nZebras were seen.\n")
        self.index("-q", self.docs)
        self.assertEqual(self.titles("zebras"), ["Short one"])

    def test_long_sentence_is_indexed_in_linear_time(self):
        # speakers.cc Resolver::Before walks back from each speech verb to
        # the start of its sentence: quadratic in the sentence length. One
        # 3 MB paragraph without a full stop ("said" every 25 words) takes
        # 17 s; 16 MiB (the reader's limit) would take minutes. Measured as
        # the indexer's CPU time for a paragraph 4 times as long, against
        # that for the shorter one (about 4 times as much in linear time,
        # 16 in quadratic), so that a busy machine or a sanitizer build does
        # not fail it (a bound of 5 s on the wall clock once did).
        def cpu_seconds(repeats):
            docs = tempfile.mkdtemp(dir=self.tmp)
            with open(os.path.join(docs, "long.txt"), "w", encoding="utf-8") as f:
                f.write("Long\n\n" + (FILLER + " ") * repeats + "\n")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            self.index("-q", "--db", docs + ".idx", docs)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

        short, long = cpu_seconds(5000), cpu_seconds(20000)
        self.assertLess(long, 8 * short, f"{long:.2f} s of CPU against {short:.2f} s")

    def test_newline_in_a_path_is_incremental(self):
        # index_writer.cc keeps file records as lines: a path with "\n"
        # never matches its record, so the file is read again on every run.
        self.add("dir\nwith newline/x.txt", article_text("Newline in the path", "zqnl"))
        self.index("-q", self.docs)
        p = self.index(self.docs)
        self.assertIn(" 0 read", p.stderr)

    def test_search_output_escapes_terminal_sequences(self):
        # A file name is stored as the article's path; the text formatter
        # prints it as it is, escape sequences and all.
        self.add(b"evil\x1b]0;pwned\x07\x1b[2J.txt", article_text("Evil name", "zqevil"))
        self.index("-q", self.docs)
        p = self.search('"zqevil"', expect=(0,))
        self.assertNotIn(b"\x1b", p.stdout)
        # --paths is for xargs: piped, it gives the exact bytes of the name,
        # so the file can be opened (the terminal never sees them here).
        p = self.search("--paths", '"zqevil"', expect=(0,))
        self.assertEqual(p.stdout.rstrip(b"\n"),
                         os.path.join(self.docs, "").encode() + b"evil\x1b]0;pwned\x07\x1b[2J.txt")


if __name__ == "__main__":
    unittest.main()
