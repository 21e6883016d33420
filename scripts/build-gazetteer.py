#!/usr/bin/env python3
"""Builds the compiled-in lexicons of the extractors.

Writes shared/src/extract/data/lexicons.inc (committed; the library never reads
these sources at run time). Sources, all openly licensed (see
shared/src/extract/data/README.md):
  - WordNet 3.0 (Debian wordnet-base, Princeton licence): instances of
    organization (organisations), instances in noun.location (places), first
    tokens of instances of person (first names), lemmas with tagged-corpus
    frequency (common English words).
  - iso-codes (LGPL-2.1+ data): ISO 3166-1 country names (places).
  - /usr/share/dict/propernames (miscfiles, GPL-2+): first names.
  - ../shared/data/lists: S&P 500 companies (ODC-PDDL), UK government
    organisations (MIT, Crown Copyright 2017).

Usage: scripts/build-gazetteer.py [--lists DIR] [--out FILE]
Needs: apt-get install wordnet-base miscfiles iso-codes
"""
import argparse
import csv
import gzip
import json
import os
import re
import sys

WN = "/usr/share/wordnet"


def read_synsets():
    syn = {}
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            off, lexfile = head[0], int(head[1])
            wcnt = int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(wcnt)]
            i = 4 + 2 * wcnt
            pcnt = int(head[i])
            ptrs = []
            for k in range(pcnt):
                sym, target, pos = head[i + 1 + 4 * k: i + 4 + 4 * k]
                if pos == "n":
                    ptrs.append((sym, target))
            syn[off] = (lexfile, words, ptrs)
    return syn


def closure(syn, root):
    seen, todo = {root}, [root]
    while todo:
        s = todo.pop()
        for sym, t in syn[s][2]:
            if sym == "~" and t not in seen:
                seen.add(t)
                todo.append(t)
    return seen


def instances_of(syn, classes):
    out = []
    for off, (lexfile, words, ptrs) in syn.items():
        if any(sym == "@i" and t in classes for sym, t in ptrs):
            out.append((lexfile, words))
    return out


def clean(w):
    w = w.replace("_", " ")
    return re.sub(r"\(.*\)$", "", w).strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--lists", default=os.path.join(here, "../../shared/data/lists"))
    ap.add_argument("--out", default=os.path.join(here, "../shared/src/extract/data/lexicons.inc"))
    args = ap.parse_args()

    syn = read_synsets()
    org_root = "08008335"      # organization.n.01
    person_root = "00007846"   # person.n.01
    orgs, places, first = set(), set(), set()
    for _, words in instances_of(syn, closure(syn, org_root)):
        for w in words:
            w = clean(w)
            if w[:1].isupper() and len(w) > 1:
                orgs.add(w)
    for lexfile, words in ((v[0], v[1]) for v in syn.values()):
        pass
    for off, (lexfile, words, ptrs) in syn.items():
        if lexfile == 15 and any(sym == "@i" for sym, _ in ptrs):
            for w in words:
                w = clean(w)
                if w[:1].isupper():
                    places.add(w)

    # Common words: lemmas that occur in WordNet's sense-tagged corpus.
    common = set()
    with open(os.path.join(WN, "cntlist.rev")) as f:
        for line in f:
            key, _, cnt = line.split()
            lemma = key.split("%")[0]
            if int(cnt) >= 1 and re.fullmatch(r"[a-z]+", lemma):
                common.add(lemma)

    for _, words in instances_of(syn, closure(syn, person_root)):
        for w in words:
            parts = clean(w).split()
            if len(parts) >= 2 and re.fullmatch(r"[A-Z][a-z]+", parts[0]) \
                    and parts[0].lower() not in common:
                first.add(parts[0])
    with gzip.open("/usr/share/dict/propernames.gz", "rt") as f:
        for line in f:
            w = line.strip()
            if re.fullmatch(r"[A-Z][a-z]+", w):
                first.add(w)

    with open("/usr/share/iso-codes/json/iso_3166-1.json") as f:
        for c in json.load(f)["3166-1"]:
            for k in ("name", "common_name", "official_name"):
                if k in c:
                    places.add(c[k])

    suffix = re.compile(r"\s*(\(.*\)|,? Inc\.?|,? Corp\.?|Corporation|Company|Co\.|"
                        r"Incorporated|plc|Ltd\.?|Holdings|Group|& Co\.?|N\.V\.|"
                        r"S\.A\.|Companies)$")
    with open(os.path.join(args.lists, "sp500-companies.csv")) as f:
        for row in csv.DictReader(f):
            name = row["Security"]
            orgs.add(name.strip())
            prev = None
            while prev != name:
                prev = name
                name = suffix.sub("", name).strip()
            if len(name) > 2 and name.lower() not in common:
                orgs.add(name)
    with open(os.path.join(args.lists, "uk-government-organisations.tsv")) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if not row.get("end-date"):
                name = row["name"].strip()
                if " " in name or name.isupper():
                    orgs.add(name)

    orgs = {o for o in orgs if o.lower() not in common and o not in places}
    places = {p for p in places if p.lower() not in common}
    # Distinct names that are also first names stay first names.
    first -= {p for p in places if " " not in p}

    def emit(out, name, items):
        out.write("inline constexpr std::string_view %s[] = {\n" % name)
        for s in sorted(items):
            out.write('    "%s",\n' % s.replace("\\", "\\\\").replace('"', '\\"'))
        out.write("};\n\n")

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("// Generated by scripts/build-gazetteer.py; do not edit.\n"
                  "// Sources and licences: shared/src/extract/data/README.md\n\n")
        emit(out, "kGazetteerOrganisations", orgs)
        emit(out, "kGazetteerPlaces", places)
        emit(out, "kGazetteerFirstNames", first)
        emit(out, "kGazetteerCommonWords", common)
    print("orgs %d places %d first names %d common %d" %
          (len(orgs), len(places), len(first), len(common)), file=sys.stderr)


if __name__ == "__main__":
    main()
