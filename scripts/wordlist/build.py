#!/usr/bin/env python3
"""Regenerate data/scowl/*.txt, the common-word lexicon that lets the fact
checker find names in lowercased text (src/metrics/facts/lexicon.rs).

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), size 50 ("common words"),
as Debian packages it: wamerican and wbritish 2020.12.07 (`apt-get install wamerican wbritish`),
American and British spellings together. Kept: words of ASCII letters only, possessive entries
('s) dropped. Written, one word per line, sorted:

* lowercase.txt: every word listed in lowercase (a common word);
* capitalised.txt: lowercased words that are *also* listed capitalised (`john`/`John`,
  `china`/`China`): common words that are also names.

A word in neither list (`paris`, `merkel`, `obama`) is not a common lowercase English word.
Usage: python3 scripts/wordlist/build.py [DICT_DIR]
"""
import os
import re
import sys

DICT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "data", "scowl")

words = set()
for name in ("american-english", "british-english"):
    with open(os.path.join(DICT, name), encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w.endswith("'s") or not re.fullmatch(r"[A-Za-z]+", w):
                continue
            words.add(w)
lower = sorted(w for w in words if w.islower())
lower_set = set(lower)
capitalised = sorted({w.lower() for w in words if w[0].isupper()} & lower_set)
os.makedirs(OUT, exist_ok=True)
for fname, items in (("lowercase.txt", lower), ("capitalised.txt", capitalised)):
    with open(os.path.join(OUT, fname), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(items) + "\n")
print(f"{len(lower)} lowercase words, {len(capitalised)} also capitalised -> {os.path.normpath(OUT)}")
