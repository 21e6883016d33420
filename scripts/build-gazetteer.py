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
  - /usr/share/perl5/Text/Names.pm (libtext-names-perl, Artistic or
    GPL-1+): the first names of the 1990 U.S. census (public domain) it holds,
    a second list of first names, and those of them that tell a man from a
    woman.
  - ../shared/data/lists: S&P 500 companies (ODC-PDDL), UK government
    organisations (MIT, Crown Copyright 2017).

Usage: scripts/build-gazetteer.py [--lists DIR] [--out FILE]
Needs: apt-get install wordnet-base miscfiles iso-codes libtext-names-perl
"""
import argparse
import csv
import functools
import gzip
import json
import os
import re
import sys

WN = "/usr/share/wordnet"
TEXT_NAMES = "/usr/share/perl5/Text/Names.pm"


@functools.cache
def text_names():
    """Text/Names.pm, read once for its three lists."""
    with open(TEXT_NAMES, encoding="latin-1") as f:
        return f.read()


def census_table(var):
    """One list of Text/Names.pm (one name per line, in capitals, with its
    share of the people in percent): name -> share."""
    text = text_names()
    m = re.search(r"\$%s = <<ENDNAMES;\n(.*?)\nENDNAMES\n" % var, text, re.S)
    if m is None:
        sys.exit("no %s in %s" % (var, TEXT_NAMES))
    shares = {}
    for line in m.group(1).split("\n"):
        fields = line.split()
        if len(fields) >= 2 and re.fullmatch(r"[A-Z]+", fields[0]):
            shares[fields[0]] = max(shares.get(fields[0], 0.0), float(fields[1]))
    return shares


def census_first_names(common):
    """First names of the 1990 U.S. census (public domain) as the Debian
    package libtext-names-perl holds them (Text/Names.pm: one name per line,
    in capitals, with its share of the people in percent), title-cased. Only
    names of at least 0.01% of men or of women, and more often a first name
    than a surname (the census's surnames, same file): the rarer ones are as
    often words or firms' names ("Porsche", "Sierra", "Asia"). Not those that
    are common English words ("Hope", "June") either, which a capital at a
    sentence start would make names."""
    surnames = census_table("COMMON_SURNAMES")
    names = set()
    for var in ("COMMON_MALE_FIRSTNAMES", "COMMON_FEMALE_FIRSTNAMES"):
        for name, share in census_table(var).items():
            if share >= 0.01 and share > surnames.get(name, 0.0) and \
                    name.lower() not in common:
                names.add(name.capitalize())
    return names


def census_gendered_first_names():
    """The census's first names (as above) that tell a person's sex: those
    of at least 0.01% of men and ten times as common among them as among
    women (the male set), or the reverse (the female set), title-cased.
    "Jordan" and "Kelly" are in neither; nor are the rarer names, which are
    as often names of other lands read the wrong way ("Li", "Song" and "Chu"
    are surnames in "Li Ka-shing") or men's names in one land and women's in
    another ("Yuri", "Valery"). Only for the gender of a person found
    otherwise, so common words are not taken out."""
    men = census_table("COMMON_MALE_FIRSTNAMES")
    women = census_table("COMMON_FEMALE_FIRSTNAMES")
    male = {n.capitalize() for n, s in men.items()
            if s >= 0.01 and s >= 10 * women.get(n, 0.0)}
    female = {n.capitalize() for n, s in women.items()
              if s >= 0.01 and s >= 10 * men.get(n, 0.0)}
    return male, female


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
    ap.add_argument("--curated", default=os.path.join(
        here, "../shared/src/extract/data/well-known-organisations.txt"))
    ap.add_argument("--out", default=os.path.join(here, "../shared/src/extract/data/lexicons.inc"))
    args = ap.parse_args()

    syn = read_synsets()
    org_root = "08008335"      # organization.n.01
    person_root = "00007846"   # person.n.01
    religion_root = "08081668"  # religion.n.02: not organisations in news terms
    places, first = set(), set()
    # Organisation groups: each group is one entity with several names.
    groups = []

    # Common words: lemmas that occur in WordNet's sense-tagged corpus.
    # cntlist.rev keys are lower case also for proper nouns ("london"): keep
    # only lemmas that WordNet also writes in lower case.
    lower_forms = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                head = line.split()
                for i in range(int(head[3], 16)):
                    w = head[4 + 2 * i]
                    if re.fullmatch(r"[a-z]+", w):
                        lower_forms.add(w)
    common = set()
    with open(os.path.join(WN, "cntlist.rev")) as f:
        for line in f:
            key, _, cnt = line.split()
            lemma = key.split("%")[0]
            if int(cnt) >= 1 and re.fullmatch(r"[a-z]+", lemma) and lemma in lower_forms:
                common.add(lemma)

    org_classes = closure(syn, org_root)
    not_orgs = closure(syn, religion_root)
    for _, words in instances_of(syn, org_classes - not_orgs):
        g = [clean(w) for w in words]
        groups.append(("wordnet", [w for w in g if w[:1].isupper() and len(w) > 1]))
    # Named hyponyms of organisation classes ("Federal Bureau of
    # Investigation", "FBI"): multi-word names, acronyms of 3+ letters and
    # single words that are not English words.
    for off in sorted(org_classes - not_orgs):  # sorted: the output must not depend on hashing
        forms = []
        for w in syn[off][1]:
            w = clean(w)
            if not w[:1].isupper() or w.endswith("ism"):
                continue
            if " " in w or (w.isupper() and len(w) >= 3) or \
                    (w.lower() not in common and re.fullmatch(r"[A-Z][a-z]{3,}", w)
                     and not w.endswith("s")):
                forms.append(w)
        if forms:
            groups.append(("wordnet", forms))
    for off, (lexfile, words, ptrs) in syn.items():
        if lexfile == 15 and any(sym == "@i" for sym, _ in ptrs):
            for w in words:
                w = clean(w)
                if w[:1].isupper():
                    places.add(w)

    # Single words that name places or objects in WordNet (also
    # non-instances: "Europe"): never a WordNet organisation on their own.
    location_words = set()
    for off, (lexfile, words, ptrs) in syn.items():
        if lexfile in (15, 17):  # noun.location, noun.object
            for w in words:
                w = clean(w)
                if w[:1].isupper() and " " not in w:
                    location_words.add(w)
    surnames = set()
    for _, words in instances_of(syn, closure(syn, person_root)):
        for w in words:
            parts = clean(w).split()
            if len(parts) >= 2:
                surnames.add(parts[-1])
            if len(parts) >= 2 and re.fullmatch(r"[A-Z][a-z]+", parts[0]) \
                    and parts[0].lower() not in common:
                first.add(parts[0])
    with gzip.open("/usr/share/dict/propernames.gz", "rt") as f:
        for line in f:
            w = line.strip()
            if re.fullmatch(r"[A-Z][a-z]+", w):
                first.add(w)
    census = census_first_names(common)
    male_names, female_names = census_gendered_first_names()

    countries = set()
    with open("/usr/share/iso-codes/json/iso_3166-1.json") as f:
        for c in json.load(f)["3166-1"]:
            for k in ("name", "common_name", "official_name"):
                if k in c:
                    countries.add(c[k])
    places |= countries

    suffix = re.compile(r"\s*(\(.*\)|,? Inc\.?|,? Corp\.?|Corporation|Company|Co\.|"
                        r"Incorporated|plc|Ltd\.?|Holdings|Group|& Co\.?|N\.V\.|"
                        r"S\.A\.|Companies)$")
    with open(os.path.join(args.lists, "sp500-companies.csv")) as f:
        for row in csv.DictReader(f):
            name = row["Security"]
            forms = [name.strip()]
            prev = None
            while prev != name:
                prev = name
                name = suffix.sub("", name).strip()
            # "Cooper Companies (The)" -> not "Cooper": a surname alone.
            if len(name) > 2 and name.lower() not in common and name not in surnames:
                forms.append(name)
            groups.append(("sp500", forms))
    with open(os.path.join(args.lists, "uk-government-organisations.tsv")) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if not row.get("end-date"):
                name = row["name"].strip()
                if " " in name or name.isupper():
                    groups.append(("ukgov", [name]))

    # Hand-written list of well-known organisations (data/README.md).
    curated = []
    with open(args.curated, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            forms = []
            for form in line.split("|"):
                form = form.strip()
                forms.append(form)
                if form.startswith("The "):
                    forms.append(form[4:])
            curated.append(("curated", forms))

    # A place that is also a word is left out ("Reading", "Bath"), but not a
    # country ("China", "Japan", "Brazil": in news, capitalised, the country).
    places = {p for p in places if p.lower() not in common or p in countries}
    # Entries: form -> (group, flags). Curated names win over the rest.
    # Flag 1: the form is also an English word ("Apple", "Guardian"): it
    # counts only capitalised inside a sentence and as a whole name.
    entries = {}
    group_id = 0
    for source, forms in curated + groups:
        kept = []
        for form in forms:
            if len(form) < 2 or form in entries or form in places:
                continue
            is_common = form.lower() in common or \
                (form.endswith("s") and form[:-1].lower() in common)
            if is_common and source != "curated":
                continue
            if source == "wordnet" and form in location_words:
                continue
            kept.append((form, 1 if is_common and not form.isupper() else 0))
        if not kept:
            continue
        for form, flags in kept:
            entries[form] = (group_id, flags)
        group_id += 1
    orgs = entries
    # Distinct names that are also first names stay first names.
    one_word_places = {p for p in places if " " not in p}
    first -= one_word_places
    census -= first | one_word_places

    # Each list is one string literal of the sorted names back to back plus
    # the end offset of each name: no pointer per entry, so the programs
    # that link the library need no load-time relocation for ~25,000 names
    # (with an array of string_views, every process start paid for them).
    def literal(s):
        return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')

    def emit_text(out, name, names):
        out.write("inline constexpr char %sText[] =\n" % name)
        for s in names:
            out.write("    %s\n" % literal(s))
        out.write("    \"\";\n")
        out.write("inline constexpr uint32_t %sEnd[] = {\n" % name)
        end = 0
        for s in names:
            end += len(s.encode("utf-8"))
            out.write("    %d,\n" % end)
        out.write("};\n")

    def emit(out, name, items):
        names = sorted(items)
        emit_text(out, name, names)
        out.write("inline constexpr PackedNames %s{%sText, %sEnd, %d};\n\n"
                  % (name, name, name, len(names)))

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("// Generated by scripts/build-gazetteer.py; do not edit.\n"
                  "// Sources and licences: shared/src/extract/data/README.md\n\n")
        # Organisations: names sorted (byte order, as std::string_view
        # compares), then per name its group (renumbered in name order) and
        # flags.
        names = sorted(orgs, key=lambda n: n.encode("utf-8"))
        renumber = {}
        for n in names:
            renumber.setdefault(orgs[n][0], len(renumber))
        emit_text(out, "kGazetteerOrganisations", names)
        out.write("inline constexpr uint16_t kGazetteerOrganisationsGroup[] = {\n")
        for n in names:
            out.write("    %d,\n" % renumber[orgs[n][0]])
        out.write("};\n")
        out.write("inline constexpr uint8_t kGazetteerOrganisationsFlags[] = {\n")
        for n in names:
            out.write("    %d,\n" % orgs[n][1])
        out.write("};\n")
        out.write("inline constexpr PackedNames kGazetteerOrganisations{kGazetteerOrganisationsText, "
                  "kGazetteerOrganisationsEnd, %d};\n\n" % len(names))
        emit(out, "kGazetteerPlaces", places)
        emit(out, "kGazetteerFirstNames", first)
        emit(out, "kGazetteerCensusFirstNames", census)
        emit(out, "kGazetteerMaleFirstNames", male_names)
        emit(out, "kGazetteerFemaleFirstNames", female_names)
        emit(out, "kGazetteerCommonWords", common)
    print("orgs %d places %d first names %d (census %d more) common %d" %
          (len(orgs), len(places), len(first), len(census), len(common)), file=sys.stderr)


if __name__ == "__main__":
    main()
