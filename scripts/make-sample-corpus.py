#!/usr/bin/env python3
"""Builds corpora/ from ../shared/data: the seed article as it is, and each
Wikinews article of the CSV files converted to the news-archive text format
(title, blank, URL, blank, "Version 0 of 1.", blank, paragraphs).

Run from the repository root: scripts/make-sample-corpus.py [SHARED_DATA_DIR]
The output is committed; this script documents how it was made."""
import csv
import datetime
import os
import re
import shutil
import sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
out = "corpora"
os.makedirs(os.path.join(out, "wikinews"), exist_ok=True)
os.makedirs(os.path.join(out, "seed"), exist_ok=True)
for name in os.listdir(os.path.join(data, "seed")):
    shutil.copy(os.path.join(data, "seed", name), os.path.join(out, "seed", name))

csv.field_size_limit(1 << 26)
count = 0
used = set()
for name in sorted(os.listdir(os.path.join(data, "wikinews"))):
    if not name.endswith(".csv"):
        continue
    with open(os.path.join(data, "wikinews", name), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            title = " ".join(row["title"].split())
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", row["text"])]
            paragraphs = [p for p in paragraphs if p]
            # Wikinews opens most articles with a dateline; the 2020 export
            # lost it. Put it back in Wikinews' own style from the CSV's date
            # column, so the archive format (which has no date field) keeps it.
            day = datetime.date.fromisoformat(row["date"])
            dateline = f"{day:%A}, {day:%B} {day.day}, {day.year}"
            if paragraphs and paragraphs[0].startswith(dateline + " "):
                paragraphs[0:1] = [dateline, paragraphs[0][len(dateline) + 1:]]  # run-in dateline
            if not paragraphs or not re.match(r"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$",
                                              paragraphs[0]):
                paragraphs.insert(0, dateline)
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"
            base = f"{row['date']}_{slug}"
            stem, n = base, 2
            while stem in used:
                stem, n = f"{base}-{n}", n + 1
            used.add(stem)
            with open(os.path.join(out, "wikinews", stem + ".txt"), "w", encoding="utf-8") as o:
                o.write(f"{title}\n\n{row['url']}\n\nVersion 0 of 1.\n\n")
                o.write("\n\n".join(paragraphs) + "\n")
            count += 1
print(f"wrote {count} Wikinews articles and the seed to {out}/")
