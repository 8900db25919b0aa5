#!/usr/bin/env python3
"""Write the inputs of the large-document measurements (issue 18) for one text kind and size.

Usage (from the repository root):

    python3 scripts/make_large_doc.py OUTDIR --kind news --mb 10 [--seed 18]

KIND is one of:

- `news`: the sentences of the seed articles (`datasets/seed-news/*.txt`: names, numbers,
  quotes, boilerplate lines), shuffled deterministically and grouped into paragraphs of one to
  eight sentences, one paragraph a line; 2% of the words are replaced by words of a synthetic
  Zipf-distributed tail, so that the vocabulary keeps growing as a real corpus's does (the seed
  articles alone have about two thousand distinct words).
- `word`: one word repeated (`data data data ...`), no newline, no sentence end; the short
  texts are the same word repeated too (the worst case for greedy fragment matching).
- `noline`: the `news` text with every newline and every sentence end (`.`, `!`, `?`)
  removed: a single sentence for the sentence splitter and ROUGE-Lsum.

OUTDIR receives:

| file | what |
|---|---|
| `big.txt` | the large text, MB × 10^6 bytes (cut at a word boundary) |
| `short_source.txt`, `short_reference.txt`, `short_candidate.txt` | short texts (the first seed article, ~60-word summaries) |
| `source.jsonl` | one example: large `source`, short reference and candidate |
| `reference.jsonl` | one example: short source, large `reference`, short candidate |
| `candidate.jsonl` | one example: short source and reference, large `candidate` |
| `both.jsonl` | one example: short source, large reference, and a large candidate of the same size and kind (another seed): ROUGE-L's and ROUGE-Lsum's LCS is quadratic by definition there |
| `dir/` | a directory dataset: `big.txt` as the source, the short candidate as its rewrite |
| `lines/` | line-aligned files: `sources.txt` (the large text as one line), `references.txt`, `candidates.txt` |
| `source.csv` | the `source.jsonl` example as a CSV row (the large text in one quoted cell) |

Deterministic for a given kind, size and seed. The standard library only.
"""
import argparse
import csv
import json
import pathlib
import random
import re
import sys

# the Zipf-distributed synthetic words of the 15 MB line measurement (issue 13)
from make_long_line import rare_word

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "datasets" / "seed-news"

REFERENCE = (
    "North Korean leader Kim Jong Un hailed the country's expanding relationship with Russia on "
    "Wednesday, as reports suggest that Russian President Vladimir Putin will soon visit the "
    "country for his third meeting with Kim. The U.S. and South Korea believe North Korea has "
    "supplied artillery and missiles to Russia for its war in Ukraine."
)
CANDIDATE = (
    "Kim Jong Un praised growing ties with Russia on Wednesday. Vladimir Putin is expected to "
    "visit North Korea soon, their third meeting. Washington and Seoul say Pyongyang has sent "
    "about 7,000 containers of munitions and missiles to Moscow, and Kim said \"our friendship is "
    "invincible\"."
)


def seed_sentences():
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if s)
    if not sentences:
        sys.exit(f"no seed articles under {SEEDS}")
    return sentences


def news(rng, size):
    sentences = seed_sentences()
    order = list(range(len(sentences)))
    out, n = [], 0
    while n < size:
        rng.shuffle(order)
        i = 0
        while i < len(order) and n < size:
            k = rng.randint(1, 8)
            words = " ".join(sentences[j] for j in order[i : i + k]).split(" ")
            i += k
            for w, word in enumerate(words):
                if rng.random() < 0.02:
                    words[w] = rare_word(rng)
            para = " ".join(words)
            out.append(para)
            n += len(para.encode("utf-8")) + 1
    return "\n".join(out)


def cut(text, size):
    """The longest prefix of `text` of at most `size` bytes that ends before a space."""
    data = text.encode("utf-8")
    if len(data) <= size:
        return text
    end = data.rfind(b" ", 0, size + 1)
    end = end if end > 0 else size
    return data[:end].decode("utf-8", errors="ignore").rstrip()


def make(kind, size, seed):
    rng = random.Random(f"{kind}-{seed}")
    source = (SEEDS / "000_f4961fb23fd7aed9.txt").read_text(encoding="utf-8")
    if kind == "word":
        big = " ".join(["data"] * (size // 5 + 1))
        return cut(big, size), "data " * 200, "data " * 60, "data " * 60
    text = news(rng, size)
    if kind == "noline":
        text = re.sub(r"[.!?]", "", text.replace("\n", " "))
    return cut(text, size), source, REFERENCE, CANDIDATE


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--kind", choices=["news", "word", "noline"], default="news")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the large text, 10^6 bytes")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--both", action="store_true", help="also write both.jsonl")
    args = ap.parse_args()
    big, source, reference, candidate = make(args.kind, int(args.mb * 1e6), args.seed)
    out = args.out
    (out / "dir").mkdir(parents=True, exist_ok=True)
    (out / "lines").mkdir(exist_ok=True)
    files = {
        "big.txt": big,
        "short_source.txt": source,
        "short_reference.txt": reference,
        "short_candidate.txt": candidate,
        "dir/big.txt": big,
        "dir/cand.txt": candidate,
        "lines/sources.txt": big.replace("\n", " ") + "\n",
        "lines/references.txt": reference.replace("\n", " ") + "\n",
        "lines/candidates.txt": candidate.replace("\n", " ") + "\n",
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    manifest = {
        "name": "large",
        "documents": [
            {"file": "big.txt", "role": "source", "id": "big"},
            {"file": "cand.txt", "role": "rewrite", "of": "big.txt", "system": "candidate"},
        ],
    }
    (out / "dir" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    def jsonl(name, src, ref, cand):
        record = {"id": "big", "source": src, "reference": ref, "candidate": cand}
        (out / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    jsonl("source.jsonl", big, reference, candidate)
    jsonl("reference.jsonl", source, big, candidate)
    jsonl("candidate.jsonl", source, reference, big)
    if args.both:
        other = make(args.kind, int(args.mb * 1e6), args.seed + 1)[0]
        jsonl("both.jsonl", source, big, other)
    with open(out / "source.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "source", "reference", "candidate"])
        w.writerow(["big", big, reference, candidate])


if __name__ == "__main__":
    main()
