"""End-to-end tests of sharded and remote search (issue 8): stub databases,
shards served by Xapian's own xapian-tcpsrv on loopback, faults, timeouts
and read copies made by xapian-replicate.

Every server a test starts runs in its own process group and is killed in
a cleanup, whether the test passes or fails."""
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

INDEX = os.environ.get("NEWSARC_INDEX_BIN", "newsarc-index")
SEARCH = os.environ.get("NEWSARC_SEARCH_BIN", "newsarc-search")
DATA = os.path.join(os.environ.get("NEWSARC_TESTDATA", "../testdata"), "e2e")
CORPORA = os.environ.get("NEWSARC_CORPORA",
                         os.path.join(os.path.dirname(__file__), "..", "..", "corpora"))
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVE = os.path.join(ROOT, "scripts", "serve-shards")
TCPSRV = shutil.which("xapian-tcpsrv")

WIRE_BODY = ("LONDON - The central bank raised interest rates by a quarter point on Thursday, "
             "its first rise in a decade, saying inflation had stayed above its target for "
             "too long. The governor said further rises would be gradual and limited, and "
             "markets had expected the move. Sterling rose against the dollar after the "
             "announcement, and bond yields climbed.")
WIRE_ROWS = [
    # One wire story under three sites: copies folded into one hit.
    {"title": "Bank raises rates", "url": "https://a.example/rates", "date": "2017-11-02",
     "text": WIRE_BODY},
    {"title": "Interest rates go up", "url": "https://b.example/markets/rates",
     "date": "2017-11-02", "text": WIRE_BODY.upper()},
    {"title": "Rates rise for first time in decade", "url": "https://c.example/r",
     "date": "2017-11-03", "text": WIRE_BODY.replace(",", ";")},
    {"title": "Interest rates: a history of interest rates", "url": "https://d.example/history",
     "date": "2009-01-01",
     "text": "Interest rates and more interest rates: the central bank and interest rates "
             "over a century."},
    {"title": "Markets today", "url": "https://e.example/today", "date": "2020-06-01",
     "text": "Shares were flat. The central bank left interest rates alone this month, and "
             "traders looked elsewhere for news of the day."},
]

# Question mode (--any) adds pseudo-relevance feedback (Xapian's get_eset,
# with exact term frequencies so that shards rank as one database).
ANY_QUERIES = [(["--any"], "fire police killed people"),
               (["--any"], "election results parliament vote")]

# (arguments, query): searched on one database and on the shards.
QUERIES = [
    ([], "fire"),
    ([], "president trump"),
    ([], "speaker:trump"),
    ([], "org:nasa"),
    ([], "fire speaker:trump"),
    (["--sort", "date"], "fire"),
    (["--sort", "-date"], "election"),
    (["--facets"], "fire"),
    (["--facets", "--all"], "election OR vote"),
    (["--recent"], "interest rates"),
    (["--all"], "central bank"),
    ([], "central bank inflation"),
    ([], "\"space station\""),
    (["--quotes"], "said"),
    ([], "date:2019-03..2019-06 president"),
]


def free_port_base(count):
    """A base port with `count` free consecutive ports on loopback."""
    for _ in range(200):
        base = random.randint(20000, 60000 - count)
        ok = True
        for p in range(base, base + count):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
                    break
        if ok:
            return base
    raise RuntimeError("no free ports")


def die_with_parent():
    """In the child: SIGKILL when the test process dies, even by a signal
    that skips the cleanups (PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    except OSError:
        pass


def kill_group(proc):
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(timeout=10)


def wait_port(port, proc=None, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server on port {port} exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def run(*args, env=None, timeout=60, input=None):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          env=env, input=input)


def index(db, folder, env=None):
    p = run(INDEX, "--db", db, folder, env=env, timeout=300)
    if p.returncode != 0:
        raise RuntimeError(f"newsarc-index {folder}: {p.stderr}")


def write_stub(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# written by test_remote.py\n" + "\n".join(lines) + "\n")
    return path


def search_json(db, args, query, env=None, extra=()):
    p = run(SEARCH, "--db", db, "--json", "--limit", "1000", *extra, *args, query, env=env)
    if p.returncode not in (0, 1):
        raise AssertionError(f"newsarc-search --db {db} {args} {query!r}: exit "
                             f"{p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


def canonical(doc, by_date):
    """Hits in order, ties (same score, and date when sorted by date) in id
    order: ties are broken by document id, and ids interleave across shards."""
    out, run_ = [], []
    key = None
    for h in doc["hits"] + [None]:
        k = None if h is None else (h["score"], h["date"] if by_date else "")
        if run_ and k != key:
            out.extend(sorted(run_))
            run_ = []
        if h is None:
            break
        key = k
        run_.append((h["id"], h["score"], h["duplicates"]))
    return out


def canonical_quotes(doc):
    return sorted((q["article"]["id"], q["speaker"], q["text"], q["score"])
                  for q in doc["quotes"] or [])


class Corpus:
    """The wikinews corpus and a few wire stories, indexed as one database
    and split round-robin into 2 and 3 shards (an article in exactly one)."""
    tmp = None

    @classmethod
    def build(cls):
        if cls.tmp is not None:
            return
        cls.tmp = tempfile.mkdtemp(prefix="newsarc-remote-")
        src = os.path.join(CORPORA, "wikinews")
        files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
        folders = {"all": [], "2-0": [], "2-1": [], "3-0": [], "3-1": [], "3-2": []}
        for i, name in enumerate(files):
            for f in ("all", f"2-{i % 2}", f"3-{i % 3}"):
                folders[f].append((name, os.path.join(src, name), None))
        for i, row in enumerate(WIRE_ROWS):
            name = f"wire{i}.jsonl"
            text = json.dumps(row) + "\n"
            for f in ("all", f"2-{i % 2}", f"3-{(i + 1) % 3}"):
                folders[f].append((name, None, text))
        for f in ("all", "2-0", "3-0"):
            folders[f].append(("seed.txt", os.path.join(DATA, "seed.txt"), None))
        cls.dbs = {}
        for folder, entries in folders.items():
            d = os.path.join(cls.tmp, "docs", folder)
            os.makedirs(d)
            for name, path, text in entries:
                if path:
                    shutil.copy(path, os.path.join(d, name))
                else:
                    with open(os.path.join(d, name), "w", encoding="utf-8") as out:
                        out.write(text)
            cls.dbs[folder] = os.path.join(cls.tmp, "db", folder)
            index(cls.dbs[folder], d)
        # Sharded indexes as newsarc-index --shards lays them out: a folder
        # with a XAPIANDB stub of relative `auto` lines.
        for n in (2, 3):
            top = os.path.join(cls.tmp, f"sharded{n}")
            os.makedirs(top)
            lines = []
            for i in range(n):
                shutil.copytree(cls.dbs[f"{n}-{i}"], os.path.join(top, "shards", f"{i:03d}"))
                lines.append(f"auto shards/{i:03d}")
            write_stub(os.path.join(top, "XAPIANDB"), lines)
            cls.dbs[f"sharded{n}"] = top

    @classmethod
    def cleanup(cls):
        if cls.tmp is not None:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            cls.tmp = None


def setUpModule():
    if TCPSRV is None:
        raise unittest.SkipTest("xapian-tcpsrv is not installed (scripts/install-deps.sh)")
    Corpus.build()


def tearDownModule():
    Corpus.cleanup()


class Servers(unittest.TestCase):
    """Starts servers that are always killed."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="newsarc-remote-t-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def tcpsrv(self, db, port=None):
        port = port or free_port_base(1)
        proc = subprocess.Popen([TCPSRV, "--quiet", "--interface", "127.0.0.1", "--port",
                                 str(port), db], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True,
                                preexec_fn=die_with_parent)
        self.addCleanup(kill_group, proc)
        wait_port(port, proc)
        return port, proc

    def serve_shards(self, db, stub):
        base = free_port_base(4)
        p = run(SERVE, "start", "--db", db, "--port", str(base), "--stub", stub)
        pidfile = stub + ".pids"
        if os.path.exists(pidfile):
            self.addCleanup(self.stop_served, pidfile)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        return p

    def stop_served(self, pidfile):
        if not os.path.exists(pidfile):
            return
        p = run(SERVE, "stop", "--pidfile", pidfile)
        if p.returncode != 0:  # kill them anyway
            with open(pidfile) as f:
                for line in f:
                    try:
                        os.killpg(int(line.split()[0]), signal.SIGKILL)
                    except (ProcessLookupError, ValueError, IndexError):
                        pass


class SameAnswers(Servers):
    """Over 2 and 3 shards, local or remote: the same hits, order, scores,
    totals, facets and quotes as one database of the same articles."""

    def assert_same(self, db, env=None, queries=QUERIES):
        one = Corpus.dbs["all"]
        for args, query in queries:
            with self.subTest(db=os.path.basename(db), args=args, query=query):
                a = search_json(one, args, query, env=env)
                b = search_json(db, args, query, env=env)
                by_date = "--sort" in args
                self.assertEqual(a["total"], b["total"])
                self.assertEqual(a["relaxed"], b["relaxed"])
                ha, hb = canonical(a, by_date), canonical(b, by_date)
                if any("copy count" in w for w in b["warnings"]):
                    # Over remote shards Xapian 1.4 counts only the copies
                    # folded across shards: at most one database's count.
                    for (_, _, da), (_, _, db_) in zip(ha, hb):
                        self.assertLessEqual(db_, da)
                    ha = [(i, s) for i, s, _ in ha]
                    hb = [(i, s) for i, s, _ in hb]
                self.assertEqual(ha, hb)
                self.assertEqual(a["facets"], b["facets"])
                self.assertEqual(a["suggestion"], b["suggestion"])
                self.assertEqual(a["quote_total"], b["quote_total"])
                self.assertEqual(canonical_quotes(a), canonical_quotes(b))
                if "--quotes" not in args:
                    self.assertGreater(len(hb), 0, "a query with no hits proves little")

    def test_local_stub_of_2_and_3(self):
        for n in (2, 3):
            self.assert_same(Corpus.dbs[f"sharded{n}"])
            # A stub file elsewhere, with absolute paths, works too.
            stub = write_stub(os.path.join(self.tmp, f"local{n}.stub"),
                              [f"glass {Corpus.dbs[f'{n}-{i}']}" for i in range(n)])
            a = search_json(Corpus.dbs[f"sharded{n}"], [], "fire")
            self.assertEqual(a, search_json(stub, [], "fire"))
            self.assertEqual(a["warnings"], [])

    def test_remote_2_and_3_shards_by_serve_shards(self):
        for n in (2, 3):
            stub = os.path.join(self.tmp, f"cluster{n}.stub")
            p = self.serve_shards(Corpus.dbs[f"sharded{n}"], stub)
            self.assertEqual(p.stdout.count("serving "), n, p.stdout)
            with open(stub) as f:
                lines = [l for l in f.read().splitlines() if l.startswith("remote 127.0.0.1:")]
            self.assertEqual(len(lines), n)
            self.assert_same(stub)

    def test_any_with_feedback(self):
        stub = os.path.join(self.tmp, "cluster3.stub")
        self.serve_shards(Corpus.dbs["sharded3"], stub)
        for db in (Corpus.dbs["sharded2"], Corpus.dbs["sharded3"], stub):
            self.assert_same(db, queries=ANY_QUERIES)

    def test_scores_with_feedback_off_and_like(self):
        stub = os.path.join(self.tmp, "cluster3.stub")
        self.serve_shards(Corpus.dbs["sharded3"], stub)
        env = dict(os.environ, NEWSARC_RANKING="prf=0")
        for db in (Corpus.dbs["sharded3"], stub):
            self.assert_same(db, env=env, queries=ANY_QUERIES)
            # --like an article id: the same similar articles.
            like = search_json(Corpus.dbs["all"], [], "karaj")["hits"][0]["id"]
            a = search_json(Corpus.dbs["all"], ["--like", like], "")
            b = search_json(db, ["--like", like], "")
            self.assertEqual(canonical(a, False)[:20], canonical(b, False)[:20])

    def test_did_you_mean_and_text_output(self):
        stub = os.path.join(self.tmp, "cluster2.stub")
        self.serve_shards(Corpus.dbs["sharded2"], stub)
        # newsarc's suggester reads the shards' term lists, which remote
        # databases serve (Xapian's own spelling table would say nothing).
        for query in ("Trmp fire", "Rud WhatsApp", "harvset"):
            want = search_json(Corpus.dbs["all"], [], query)["suggestion"]
            self.assertNotEqual(want, "")
            self.assertEqual(search_json(stub, [], query)["suggestion"], want)
        p = run(SEARCH, "--db", stub, "--facets", "fire")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Facets over", p.stdout)
        # Text mode: warnings on stderr, never in the results.
        self.assertIn("warning: ", p.stderr)
        self.assertIn("copy count", p.stderr)
        self.assertNotIn("warning", p.stdout)

    def test_copies_fold_over_remote_shards_with_a_warning(self):
        one = search_json(Corpus.dbs["all"], [], "central bank inflation")
        self.assertIn(2, [h["duplicates"] for h in one["hits"]])
        # 2 shards: two of the three copies are in one shard, whose own
        # count Xapian 1.4 does not pass on; 3 shards: one copy in each.
        for n, counts in ((2, 1), (3, 2)):
            stub = os.path.join(self.tmp, f"cluster{n}.stub")
            self.serve_shards(Corpus.dbs[f"sharded{n}"], stub)
            doc = search_json(stub, [], "central bank inflation")
            self.assertEqual([h["id"] for h in doc["hits"]], [h["id"] for h in one["hits"]])
            self.assertEqual(max(h["duplicates"] for h in doc["hits"]), counts)
            self.assertTrue(any("copy count" in w for w in doc["warnings"]), doc["warnings"])
            # Locally the counts are exact, and nothing is said.
            local = search_json(Corpus.dbs[f"sharded{n}"], [], "central bank inflation")
            self.assertEqual([h["duplicates"] for h in local["hits"]],
                             [h["duplicates"] for h in one["hits"]])
            self.assertEqual(local["warnings"], [])
            # --all asks for no folding: nothing to warn about.
            self.assertEqual(search_json(stub, ["--all"], "central bank inflation")["warnings"],
                             [])


class Faults(Servers):
    """Shards down or slow: a clear error naming the shard, or partial
    results with a warning naming it (--allow-partial); a bounded wait."""

    def cluster(self):
        ports = [self.tcpsrv(Corpus.dbs[f"3-{i}"])[0] for i in range(3)]
        return ports

    def test_shard_down_fails_naming_it(self):
        ports = self.cluster()
        dead = free_port_base(1)
        stub = write_stub(os.path.join(self.tmp, "c.stub"),
                          [f"remote 127.0.0.1:{ports[0]}", f"remote 127.0.0.1:{dead}",
                           f"remote 127.0.0.1:{ports[2]}"])
        p = run(SEARCH, "--db", stub, "fire")
        self.assertEqual(p.returncode, 2, p.stdout)
        self.assertIn(f"127.0.0.1:{dead}", p.stderr)
        self.assertIn("--allow-partial", p.stderr)
        self.assertEqual(p.stdout, "")
        # A missing local shard too.
        stub2 = write_stub(os.path.join(self.tmp, "l.stub"),
                           [f"auto {Corpus.dbs['3-0']}", "auto nowhere/000"])
        p = run(SEARCH, "--db", stub2, "fire")
        self.assertEqual(p.returncode, 2)
        self.assertIn(os.path.join(self.tmp, "nowhere", "000"), p.stderr)

    def test_allow_partial_searches_the_others_and_warns(self):
        ports = self.cluster()
        dead = free_port_base(1)
        stub = write_stub(os.path.join(self.tmp, "c.stub"),
                          [f"remote 127.0.0.1:{ports[0]}", f"remote 127.0.0.1:{dead}",
                           f"remote 127.0.0.1:{ports[2]}"])
        partial = write_stub(os.path.join(self.tmp, "p.stub"),
                             [f"auto {Corpus.dbs['3-0']}", f"auto {Corpus.dbs['3-2']}"])
        want = search_json(partial, [], "fire")
        doc = search_json(stub, [], "fire", extra=["--allow-partial"])
        self.assertEqual(canonical(doc, False), [(i, s, 0) for i, s, _ in canonical(want, False)])
        self.assertEqual(doc["total"], want["total"])
        missing = [w for w in doc["warnings"] if f"127.0.0.1:{dead}" in w]
        self.assertEqual(len(missing), 1, doc["warnings"])
        self.assertIn("left out", missing[0])
        p = run(SEARCH, "--db", stub, "--allow-partial", "fire")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"warning: shard 127.0.0.1:{dead}", p.stderr)
        # Every shard down: an error even so.
        none = write_stub(os.path.join(self.tmp, "n.stub"), [f"remote 127.0.0.1:{dead}"])
        p = run(SEARCH, "--db", none, "--allow-partial", "fire")
        self.assertEqual(p.returncode, 2)
        self.assertIn(f"127.0.0.1:{dead}", p.stderr)

    def test_slow_shard_times_out_within_the_bound(self):
        ports = self.cluster()
        # Accepts connections and never answers.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        self.addCleanup(silent.close)
        conns = []
        stop = threading.Event()

        def accept():
            silent.settimeout(0.2)
            while not stop.is_set():
                try:
                    conns.append(silent.accept()[0])
                except OSError:
                    pass
        t = threading.Thread(target=accept, daemon=True)
        t.start()
        self.addCleanup(lambda: [c.close() for c in conns])
        self.addCleanup(stop.set)
        slow = silent.getsockname()[1]
        stub = write_stub(os.path.join(self.tmp, "c.stub"),
                          [f"remote 127.0.0.1:{ports[0]}", f"remote 127.0.0.1:{slow}"])
        start = time.monotonic()
        p = run(SEARCH, "--db", stub, "--timeout", "1", "fire", timeout=30)
        elapsed = time.monotonic() - start
        self.assertEqual(p.returncode, 2, p.stdout)
        self.assertIn(f"127.0.0.1:{slow}", p.stderr)
        self.assertIn("no answer within 1 s", p.stderr)
        self.assertLess(elapsed, 5)
        start = time.monotonic()
        doc = search_json(stub, [], "fire", extra=["--allow-partial", "--timeout", "0.5"])
        self.assertLess(time.monotonic() - start, 5)
        self.assertTrue(doc["hits"])
        self.assertTrue(any(f"127.0.0.1:{slow}" in w for w in doc["warnings"]))

    def test_malformed_stub_lines(self):
        cases = [
            (["auto"], 1, "auto PATH"),
            (["# fine", "remote 127.0.0.1"], 2, "port"),
            (["remote 127.0.0.1:http"], 1, "bad port"),
            (["remote 127.0.0.1:70000"], 1, "bad port"),
            (["remote :"], 1, "no program"),
            (["remote"], 1, "remote HOST:PORT"),
            (["", "glass /x", "ftp host:21"], 3, "unknown database type"),
            (["inmemory"], 1, "inmemory"),
            (["# nothing"], None, "lists no database"),
        ]
        for i, (lines, line_no, words) in enumerate(cases):
            with self.subTest(lines=lines):
                stub = write_stub(os.path.join(self.tmp, f"bad{i}.stub"), lines)
                p = run(SEARCH, "--db", stub, "fire")
                self.assertEqual(p.returncode, 2, p.stdout)
                if line_no is not None:
                    # +1: write_stub adds a comment line first.
                    self.assertIn(f"bad{i}.stub line {line_no + 1}:", p.stderr)
                self.assertIn(words, p.stderr)

    def test_ssh_style_prog_shard(self):
        # `remote :PROGRAM ARGS` lines: here xapian-progsrv itself, as ssh
        # would run it on the far machine.
        progsrv = shutil.which("xapian-progsrv")
        if progsrv is None:
            self.skipTest("xapian-progsrv is not installed")
        stub = write_stub(os.path.join(self.tmp, "p.stub"),
                          [f"remote :{progsrv} {Corpus.dbs['2-0']}",
                           f"remote :{progsrv} {Corpus.dbs['2-1']}"])
        a = search_json(Corpus.dbs["all"], [], "fire")
        b = search_json(stub, [], "fire")
        self.assertEqual([(i, s) for i, s, _ in canonical(a, False)],
                         [(i, s) for i, s, _ in canonical(b, False)])
        # A program that is not there: an error naming the shard.
        bad = write_stub(os.path.join(self.tmp, "q.stub"),
                         [f"remote :{progsrv} {Corpus.dbs['2-0']}",
                          "remote :/nonexistent/progsrv /db"])
        p = run(SEARCH, "--db", bad, "--timeout", "2", "fire", timeout=30)
        self.assertEqual(p.returncode, 2)
        self.assertIn("/nonexistent/progsrv", p.stderr)


class ServerStates(Servers):
    """serve-shards tells running servers from ended ones, also while an
    ended one waits as a zombie for init to reap it."""

    def test_a_zombie_is_not_running(self):
        import importlib.machinery
        import importlib.util
        loader = importlib.machinery.SourceFileLoader("serve_shards", SERVE)
        spec = importlib.util.spec_from_loader("serve_shards", loader)
        serve = importlib.util.module_from_spec(spec)
        loader.exec_module(serve)
        self.assertTrue(serve.alive(os.getpid()))
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # until the child has exited
                with open(f"/proc/{pid}/stat", "rb") as f:
                    if f.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                        break
                time.sleep(0.01)
            self.assertFalse(serve.alive(pid))
        finally:
            os.waitpid(pid, 0)
        self.assertFalse(serve.alive(pid))

    def test_status_and_stop(self):
        stub = os.path.join(self.tmp, "cluster2.stub")
        self.serve_shards(Corpus.dbs["sharded2"], stub)
        p = run(SERVE, "status", "--stub", stub)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout.count("running pid "), 2, p.stdout)
        with open(stub + ".pids") as f:
            first = int(f.readline().split()[0])
        # One server ends outside serve-shards: status names it DOWN at
        # once, zombie or not.
        os.killpg(first, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with open(f"/proc/{first}/stat", "rb") as f:
                    if f.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X"):
                        break
            except OSError:
                break
            time.sleep(0.01)
        p = run(SERVE, "status", "--stub", stub)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertEqual(p.stdout.count("running pid "), 1, p.stdout)
        self.assertIn(f"DOWN    pid {first} ", p.stdout)
        p = run(SERVE, "stop", "--stub", stub)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(f"pid {first} ", p.stdout)
        self.assertIn("was not running", p.stdout)
        self.assertEqual(p.stdout.count("stopped xapian-tcpsrv"), 1, p.stdout)
        self.assertFalse(os.path.exists(stub + ".pids"))


class Replication(Servers):
    """A read copy of a shard kept up to date by xapian-replicate."""

    def replicate(self, port, copy):
        p = run("xapian-replicate", "--host", "127.0.0.1", "--port", str(port),
                "--master", "shard", "--one-shot", "--quiet", "--timeout", "10", copy,
                timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_replicate_a_shard_and_search_the_copy(self):
        if shutil.which("xapian-replicate-server") is None:
            self.skipTest("xapian-replicate-server is not installed")
        # Changesets make the second replication send only the changes.
        env = dict(os.environ, XAPIAN_MAX_CHANGESETS="10")
        master_parent = os.path.join(self.tmp, "master")
        docs = os.path.join(self.tmp, "docs")
        shutil.copytree(os.path.join(Corpus.tmp, "docs", "2-0"), docs)
        os.makedirs(master_parent)
        master = os.path.join(master_parent, "shard")
        index(master, docs, env=env)
        port = free_port_base(1)
        proc = subprocess.Popen(["xapian-replicate-server", "--interface", "127.0.0.1",
                                 "--port", str(port), master_parent],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=die_with_parent)
        self.addCleanup(kill_group, proc)
        wait_port(port, proc)
        copy = os.path.join(self.tmp, "copy")
        self.replicate(port, copy)
        self.assertTrue(os.path.isfile(os.path.join(copy, "XAPIANDB")))
        for query in ("fire", "election", "speaker:trump"):
            a = search_json(master, [], query)
            b = search_json(copy, [], query)
            self.assertEqual(canonical(a, False), canonical(b, False))
            self.assertEqual(a["total"], b["total"])
        self.assertEqual(search_json(copy, [], "zanzibarian")["hits"], [])
        # New articles on the master reach the copy with the next run.
        with open(os.path.join(docs, "new.txt"), "w", encoding="utf-8") as f:
            f.write("Zanzibarian lighthouse keepers vote\n\nhttps://x.example/zanzibar\n\n"
                    "The zanzibarian lighthouse keepers voted on Monday to keep the lamp "
                    "burning through the winter.\n")
        index(master, docs, env=env)
        self.replicate(port, copy)
        hits = search_json(copy, [], "zanzibarian")["hits"]
        self.assertEqual([h["title"] for h in hits], ["Zanzibarian lighthouse keepers vote"])
        a = search_json(master, [], "fire")
        self.assertEqual(canonical(a, False), canonical(search_json(copy, [], "fire"), False))
        # The copy served by xapian-tcpsrv, next to the other shard.
        port2, _ = self.tcpsrv(copy)
        stub = write_stub(os.path.join(self.tmp, "c.stub"),
                          [f"remote 127.0.0.1:{port2}", f"auto {Corpus.dbs['2-1']}"])
        self.assertEqual(len(search_json(stub, [], "zanzibarian")["hits"]), 1)


if __name__ == "__main__":
    unittest.main()
