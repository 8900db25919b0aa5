#!/usr/bin/env python3
"""Agreement and speed of sumbench's word segmenters against multilingual-rouge's
(issue 16, BENCHMARKS.md "Word segmentation").

    cargo build --release --example segment
    /tmp/mrvenv/bin/python scripts/multilingual/segmenters.py LANG TEXTS.txt SEGMENTER...

LANG is zh (reference: jieba), ja (MeCab with unidic-lite, through fugashi) or th (PyThaiNLP
newmm); TEXTS.txt has one text per line; each SEGMENTER is one of sumbench's (jieba, newmm,
icu, burmese), run through target/release/examples/segment. Both sides segment what
multilingual-rouge's MultiTokenizer gives its segmenter: the lowercased text's
BasicTokenizer words joined by single spaces. Printed per segmenter: lines segmented
identically, and the precision and recall of its words against the reference's (a word
counts when both cut it at the same character offsets; whitespace tokens left out), and both
sides' segmentation time (the texts only, not start-up or dictionary loading).

The venv is scripts/multilingual/oracle.py's. Texts used for BENCHMARKS.md (not committed):
the SIGHAN 2005 PKU test set (github.com/yuikns/icwb2-data, testing/pku_test.utf8), the
sentences of UD Japanese-GSD test+dev and UD Thai-PUD (the `# text =` lines).
"""
import json
import os
import subprocess
import sys
import time
import warnings

warnings.simplefilter("ignore")
from multilingual_rouge.tokenizers import BasicTokenizer  # noqa: E402

lang, path, segmenters = sys.argv[1], sys.argv[2], sys.argv[3:]
san = BasicTokenizer()
lines = [" ".join(san(line.strip().lower())) for line in open(path, encoding="utf-8") if line.strip()]
if lang == "zh":
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    seg = lambda x: list(jieba.cut(x))  # noqa: E731
elif lang == "ja":
    from fugashi import Tagger
    tagger = Tagger("-O wakati -b 50000")
    seg = lambda x: tagger.parse(x).split()  # noqa: E731
elif lang == "th":
    from pythainlp.tokenize import word_tokenize
    seg = lambda x: word_tokenize(x, engine="newmm")  # noqa: E731
    seg("warm up")
else:
    sys.exit(f"unknown language {lang}")
start = time.time()
ref = [seg(x) for x in lines]
print(f"{lang}: {len(lines)} lines, {sum(len(x) for x in lines)} characters; reference {time.time() - start:.3f} s")


def spans(tokens):
    out, pos = set(), 0
    for t in tokens:
        if t.strip():
            out.add((pos, pos + len(t)))
        pos += len(t)
    return out


root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
binary = os.path.join(root, "target", "release", "examples", "segment")
stdin = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
for name in segmenters:
    r = subprocess.run([binary, name], input=stdin, capture_output=True, text=True, check=True)
    ours = [json.loads(x) for x in r.stdout.splitlines()]
    # MeCab drops the spaces it is given; so do the offsets compared here
    strip = lambda toks: [t for t in toks if t.strip()]  # noqa: E731
    exact = sum(strip(a) == strip(b) for a, b in zip(ref, ours))
    tp = fp = fn = 0
    for a, b in zip(ref, ours):
        a, b = spans(strip(a)), spans(strip(b))
        tp, fp, fn = tp + len(a & b), fp + len(b - a), fn + len(a - b)
    print(f"  {name}: identical lines {exact}/{len(lines)}, word precision {tp / (tp + fp):.4f}, "
          f"recall {tp / (tp + fn):.4f}; {r.stderr.strip()}")
