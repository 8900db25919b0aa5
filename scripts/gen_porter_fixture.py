#!/usr/bin/env python3
"""Generate tests/fixtures/porter_nltk.tsv: reference outputs of nltk's Porter stemmer.

The committed fixture was produced with nltk 3.10.4 (Python 3.11), using
``nltk.stem.porter.PorterStemmer()`` in its default NLTK_EXTENSIONS mode.

Usage (from anywhere):

    pip install nltk==3.10.4
    apt-get install -y wamerican        # provides /usr/share/dict/american-english
    python3 scripts/gen_porter_fixture.py [--shared PATH] [--dict PATH]

``--shared`` defaults to ``<repo root>/../shared``; the repo root is the parent of
this script's directory. The output is written to
``<repo root>/tests/fixtures/porter_nltk.tsv``.

Word list (every token produced by the rouge-score tokenizer: lowercase, replace
every run of characters outside [a-z0-9] with a space, split), deduplicated and
sorted:
  (a) all string values of <shared>/reference/fixtures/*.jsonl,
  (b) <shared>/seeds/*.txt,
  (c) every line of the system word list,
  (d) synthetic stress words: stems x every Porter suffix (single and chained),
      runs of 'y', and seeded pseudo-random letter strings.
"""

import argparse
import glob
import itertools
import json
import os
import random
import re
import sys

import nltk
from nltk.stem.porter import PorterStemmer

NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Every suffix mentioned by some rule of some Porter step (plus NLTK extras).
SUFFIXES = [
    # step 1a / 1b / 1c
    "sses", "ies", "ss", "s", "eed", "ed", "ing", "ied", "at", "bl", "iz", "y",
    "ated", "bled", "ized", "ating", "bling", "izing", "eing", "ying", "yed",
    # step 2
    "ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli",
    "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness",
    "ousness", "aliti", "iviti", "biliti", "logi", "fulli",
    # step 3
    "icate", "ative", "alize", "iciti", "ical", "ful", "ness",
    # step 4
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
    "ent", "ion", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    # step 5
    "e", "ll", "le",
    # surface forms that reach the step 2/3 suffixes through step 1
    "ally", "ly", "fully", "ously", "ently", "ability", "ivity", "ality", "icity",
    "ologies", "ology", "ogy", "ities", "ations", "izations", "nesses", "fulnesses",
]

BASE_STEMS = [
    "", "a", "b", "e", "i", "o", "u", "y", "l", "s", "z", "w", "x",
    "sky", "spy", "fly", "tr", "cr", "ab", "ob", "ur", "at", "it", "ey", "oy",
    "rel", "cond", "val", "hesit", "digit", "conform", "radic", "differ", "vil",
    "analog", "vietnam", "predic", "oper", "feud", "decis", "hope", "call",
    "form", "sensit", "sensib", "tripl", "electr", "good", "reviv", "allow",
    "infer", "airlin", "gyroscop", "adjust", "defens", "irrit", "replac",
    "depend", "adopt", "homolog", "commun", "activ", "angular", "effect",
    "bowdler", "prob", "r", "ceas", "controll", "ro", "fe", "agr", "plaster",
    "bl", "motor", "s", "conflat", "troubl", "siz", "hopp", "tann", "fall",
    "hiss", "fizz", "fail", "fil", "happ", "enjo", "geo", "theo", "archaeo",
    "philo", "bio", "eco", "gener", "nation", "ration", "sens", "comput", "run",
    "die", "ly", "ty", "dy", "pony", "cat", "caress", "poni", "flie", "ti",
    "news", "inning", "outing", "canning", "howe", "proc", "exc", "succ",
    "yy", "yyy", "syzyg", "toy", "boy", "ray", "key", "quay", "by", "my",
    "abc", "xyz", "q9", "7", "42", "x1", "ba", "bab", "tap", "tat", "biz",
    "hyp", "rhythm", "crypt", "glyph", "nymph", "lynx", "myth", "gyp",
]


def tokenize(text):
    """rouge-score's tokenizer (without stemming or the length filter)."""
    return NON_ALNUM.sub(" ", text.lower()).split()


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)


def synthetic_words():
    rng = random.Random(20240601)
    letters = "abcdefghijklmnopqrstuvwxyz"
    small = "aeiouyblstzcn"
    stems = set(BASE_STEMS)
    for n in (1, 2):
        for combo in itertools.product(small, repeat=n):
            stems.add("".join(combo))
    while len(stems) < 450:
        n = rng.randint(3, 7)
        stems.add("".join(rng.choice(letters) for _ in range(n)))
    stems = sorted(stems)

    words = set()
    for stem in stems:
        for suffix in SUFFIXES:
            words.add(stem + suffix)
    # chained suffixes on a subset of stems
    for stem in stems[::31]:
        for s1 in SUFFIXES:
            for s2 in ("s", "ed", "ing", "ly", "ness", "al", "e", "ation", "ize",
                       "izer", "ic", "ical", "ous", "ive", "ity", "ies", "y"):
                words.add(stem + s1 + s2)
    # runs of y and other degenerate shapes
    for n in range(1, 12):
        for pre in ("", "a", "b", "ab", "ba", "s", "e"):
            for post in ("", "s", "ed", "ing", "e", "ies", "ied"):
                words.add(pre + "y" * n + post)
    # pseudo-random strings biased towards vowels, y and suffix letters
    pool = "aaeeiioouuyyblstzcnrmdgpl"
    for _ in range(8000):
        n = rng.randint(1, 14)
        words.add("".join(rng.choice(pool) for _ in range(n)))
    for _ in range(2000):
        n = rng.randint(1, 8)
        words.add("".join(rng.choice(letters + "0123456789") for _ in range(n)))
    return words


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        default=os.path.join(repo_root, "..", "shared"),
        help="path to the shared/ directory (default: <repo root>/../shared)",
    )
    parser.add_argument(
        "--dict",
        default="/usr/share/dict/american-english",
        help="system word list (Debian package wamerican)",
    )
    args = parser.parse_args()

    words = set()
    fixture_files = sorted(glob.glob(os.path.join(args.shared, "reference", "fixtures", "*.jsonl")))
    seed_files = sorted(glob.glob(os.path.join(args.shared, "seeds", "*.txt")))
    if not fixture_files or not seed_files:
        sys.exit(f"no fixtures/seeds found under {args.shared!r}; pass --shared")
    for path in fixture_files:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    for text in strings_in(json.loads(line)):
                        words.update(tokenize(text))
    for path in seed_files:
        with open(path, encoding="utf-8") as fh:
            words.update(tokenize(fh.read()))
    with open(args.dict, encoding="utf-8") as fh:
        for line in fh:
            words.update(tokenize(line))
    words.update(synthetic_words())
    words.discard("")
    # every word must be a single rouge-score token
    assert all(tokenize(w) == [w] for w in words)

    stemmer = PorterStemmer()
    out_path = os.path.join(repo_root, "tests", "fixtures", "porter_nltk.tsv")
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            f"# nltk {nltk.__version__} PorterStemmer (NLTK_EXTENSIONS); "
            "regenerate with scripts/gen_porter_fixture.py\n"
        )
        for word in sorted(words):
            out.write(f"{word}\t{stemmer.stem(word)}\n")
    print(f"wrote {len(words)} words to {out_path}")


if __name__ == "__main__":
    main()
