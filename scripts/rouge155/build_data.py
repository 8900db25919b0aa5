#!/usr/bin/env python3
"""Regenerate data/rouge155/ from a ROUGE-1.5.5 distribution's data folder.

    python3 scripts/rouge155/build_data.py ROUGE-1.5.5/data

Writes:
* data/rouge155/smart_common_words.txt: the `-s` stop list, copied byte for byte (598 words);
* data/rouge155/wordnet-2.0-exceptions.tsv: the `-m` exception table, `word<TAB>base`, sorted.
  The Perl script reads it from data/WordNet-2.0.exc.db, a Berkeley DB hash that the
  distribution builds with data/WordNet-2.0-Exceptions/buildExeptionDB.pl from adj.exc,
  adv.exc, noun.exc and verb.exc, each line `inflected base ...`, a later file overwriting an
  earlier one's entry. Four words are in two files with different bases; the files are read
  here in name order (adj, adv, noun, verb), which gives better -> well and best -> well as the
  shipped database has them (`strings WordNet-2.0.exc.db` shows the pairs `well better`,
  `well best`), is -> be (never looked up: only tokens of 4+ characters are stemmed) and
  testes -> testes.
"""
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "ROUGE-1.5.5/data"
out = os.path.join(os.path.dirname(__file__), "..", "..", "data", "rouge155")
os.makedirs(out, exist_ok=True)
with open(os.path.join(src, "smart_common_words.txt"), "rb") as f:
    stop = f.read()
with open(os.path.join(out, "smart_common_words.txt"), "wb") as f:
    f.write(stop)
table = {}
exc = os.path.join(src, "WordNet-2.0-Exceptions")
for name in ("adj.exc", "adv.exc", "noun.exc", "verb.exc"):
    with open(os.path.join(exc, name), "rb") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                table[parts[0]] = parts[1]
            elif len(parts) == 1:
                table[parts[0]] = b""
with open(os.path.join(out, "wordnet-2.0-exceptions.tsv"), "wb") as f:
    for k in sorted(table):
        f.write(k + b"\t" + table[k] + b"\n")
print(f"{len(stop.splitlines())} stop words, {len(table)} exceptions -> {os.path.normpath(out)}")
