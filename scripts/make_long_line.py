#!/usr/bin/env python3
"""Write one JSONL example with very long texts and no newlines (issue 13's input shape).

Usage (from the repository root):

    python3 scripts/make_long_line.py /tmp/long_line.jsonl
    python3 scripts/make_long_line.py /tmp/long_line.jsonl --source-mb 10 --reference-mb 5 \\
        --candidate-kb 200 --rare 0.03 --seed 13

The example has a ~10 MB `source`, a ~5 MB `reference` and a ~200 KB `candidate`, each a single
line of space-separated words: nothing for ROUGE-Lsum to split on, so every text is one
sentence. Words are drawn from the token stream of the seed articles under
`datasets/seed-news/` (so their frequencies, punctuation, numbers, names and quotes are those of
news text), and with probability `--rare` from a synthetic Zipf-distributed tail of rare words,
which gives the vocabulary growth of a real corpus (the seed articles alone have about two
thousand distinct words). The candidate copies runs of the reference (a summary-like overlap)
between runs of fresh words. Deterministic for a given seed. The standard library only.
"""
import argparse
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "datasets" / "seed-news"


def seed_words():
    words = []
    for path in sorted(SEEDS.glob("*.txt")):
        words.extend(path.read_text(encoding="utf-8").split())
    if not words:
        sys.exit(f"no seed articles under {SEEDS}")
    return words


def rare_word(rng):
    # Zipf's law (frequency ~ 1/rank) over 10^6 synthetic words, letters in base 26.
    k = int(10 ** (6 * rng.random()))
    s = ""
    while True:
        s = chr(ord("a") + k % 26) + s
        k //= 26
        if k == 0:
            return "q" + s


def text(rng, words, size, rare):
    out, n = [], 0
    while n < size:
        w = rare_word(rng) if rng.random() < rare else rng.choice(words)
        out.append(w)
        n += len(w.encode("utf-8")) + 1
    return out


def candidate(rng, words, reference, size, rare):
    out, n = [], 0
    while n < size:
        if rng.random() < 0.6:
            at = rng.randrange(len(reference))
            run = reference[at : at + rng.randint(3, 30)]
        else:
            run = text(rng, words, rng.randint(20, 200), rare)
        out.extend(run)
        n += sum(len(w.encode("utf-8")) + 1 for w in run)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", help="the JSONL file to write (one line)")
    ap.add_argument("--source-mb", type=float, default=10.0)
    ap.add_argument("--reference-mb", type=float, default=5.0)
    ap.add_argument("--candidate-kb", type=float, default=200.0)
    ap.add_argument("--rare", type=float, default=0.03, help="share of rare synthetic words")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    words = seed_words()
    source = text(rng, words, int(args.source_mb * 1e6), args.rare)
    reference = text(rng, words, int(args.reference_mb * 1e6), args.rare)
    cand = candidate(rng, words, reference, int(args.candidate_kb * 1e3), args.rare)
    example = {
        "id": "long-line",
        "source": " ".join(source),
        "reference": " ".join(reference),
        "candidate": " ".join(cand),
    }
    line = json.dumps(example, ensure_ascii=False)
    assert "\n" not in line
    pathlib.Path(args.output).write_text(line + "\n", encoding="utf-8")
    sizes = {k: len(example[k].encode("utf-8")) for k in ("source", "reference", "candidate")}
    distinct = {k: len(set(v)) for k, v in (("source", source), ("reference", reference))}
    print(
        f"{args.output}: {len(line.encode('utf-8'))} bytes; words "
        f"source {len(source)}, reference {len(reference)}, candidate {len(cand)}; "
        f"bytes {sizes}; distinct {distinct}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
