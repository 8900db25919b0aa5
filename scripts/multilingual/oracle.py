#!/usr/bin/env python3
"""Score a JSONL dataset with multilingual-rouge (XL-Sum's fork of rouge-score, PyPI
`multilingual-rouge` 0.0.1) and write its per-pair values and tokens as fixtures (issue 16).

    python3 scripts/multilingual/oracle.py datasets/multilingual/pairs.jsonl \\
        --out tests/fixtures/multilingual/pairs.mrouge.jsonl [--venv /tmp/mrvenv]

Each input line: {"id", "lang" (ISO 639-1), "candidate", "references": [...]}. Each output
line: {"id", "lang", "language" (multilingual-rouge's name), "nostem"/"stem": {"rouge1",
"rouge2", "rougeL", "rougeLsum", "rougeLsum_seg": {"precision", "recall", "fmeasure"}} (per type the reference
with the best F, the first on ties, as rouge-score's score_multi), "tokens": {"nostem"/"stem": {"candidate": [...], "references": [[...]]}}}, or
"stem": null with "stem_error" when multilingual-rouge cannot stem that language.

Set-up, done by the script when --venv does not exist yet (PyPI only, nothing else is
downloaded): `python3 -m venv VENV; VENV/bin/pip install multilingual-rouge unidic-lite;
VENV/bin/pip uninstall -y unidic` (fugashi prefers the `unidic` package, whose dictionary
needs a separate download; `unidic-lite` carries its own). nltk's SnowballStemmer loads the
stop-word corpus (multilingual-rouge asks it to leave stop words unstemmed); the corpus is not
on PyPI, so NLTK's lists are copied into VENV/nltk_data from the `stop-words` crate in cargo's
registry (run `cargo fetch` first).

What the fixtures capture of multilingual-rouge (read from its source): the text is
lowercased (`str.lower`), cleaned and split on Unicode punctuation (BERT's BasicTokenizer:
categories P*, ASCII symbols, controls dropped, Zs spaces); then Chinese (jieba), Japanese
(fugashi/MeCab with unidic-lite), Thai (pythainlp newmm) and Burmese are segmented, and every
other language goes through pyonmttok's "aggressive" tokenizer (which splits letters from
digits and script changes) and CJK characters are spaced out. rougeLsum's sentences are
tokenised WITHOUT the language tokenizer (BasicTokenizer only); "rougeLsum_seg" is the same
summary-level LCS on lines tokenised WITH it (what sumbench's rougeLsum is). Stemming: tokens longer than 3
characters, nltk Snowball for its languages, its own Hindi suffix stripper, TurkishStemmer
(PyPI) for Turkish, a rule-based Bengali stemmer whose rules file is missing from the PyPI
package (Bengali with stemming fails there; this script puts the upstream file,
data/bengali/common.rules, where the stemmer looks for it).
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

LANGS = {
    "ar": "arabic", "bn": "bengali", "de": "german", "en": "english", "es": "spanish",
    "fr": "french", "hi": "hindi", "ja": "japanese", "my": "burmese", "ru": "russian",
    "th": "thai", "tr": "turkish", "zh": "chinese",
}
NLTK = ["arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian",
        "italian", "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish", "turkish"]

WORKER = r'''
import json, sys, warnings
warnings.simplefilter("ignore")
from multilingual_rouge import rouge_scorer
from multilingual_rouge import tokenization_wrapper as tw
from multilingual_rouge import rouge_scorer as rs
LANGS = json.loads(sys.argv[1])
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.strip():
        continue
    d = json.loads(line)
    name = LANGS[d["lang"]]
    out = {"id": d["id"], "lang": d["lang"], "language": name, "tokens": {}}
    for key, stem in (("nostem", False), ("stem", True)):
        try:
            s = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem, lang=name)
            if stem and name == "arabic":
                # nltk's ArabicStemmer keeps a flag across words, set by the first word that
                # loses a verb pronoun suffix and never reset; a scorer used for a whole run is
                # in that state after its first such word, and sumbench always is: set it
                s._stemmer("كتابه")
            # multilingual-rouge 0.0.1 has no score_multi: rouge-score's rule, per type the
            # reference with the highest F (the first on ties)
            per_ref = [s.score(r, d["candidate"]) for r in d["references"]]
            res = {}
            for t in TYPES:
                best = None
                for sc in per_ref:
                    if best is None or sc[t].fmeasure > best.fmeasure:
                        best = sc[t]
                res[t] = best
            out[key] = {t: {"precision": v.precision, "recall": v.recall, "fmeasure": v.fmeasure}
                        for t, v in res.items()}
            tok = lambda text: tw.tokenize(text, s._stemmer, s._tokenizer)
            # rougeLsum with the language's tokenizer on each line (multilingual-rouge's own
            # rougeLsum skips it; this is what sumbench computes, checked here against
            # multilingual-rouge's summary-level LCS on multilingual-rouge's tokens)
            lines = lambda text: [x for x in text.split("\n") if len(x)]
            best = None
            for r in d["references"]:
                v = rs._summary_level_lcs([tok(x) for x in lines(r)], [tok(x) for x in lines(d["candidate"])])
                if best is None or v.fmeasure > best.fmeasure:
                    best = v
            out[key]["rougeLsum_seg"] = {"precision": best.precision, "recall": best.recall,
                                         "fmeasure": best.fmeasure}
            out["tokens"][key] = {"candidate": tok(d["candidate"]),
                                  "references": [tok(r) for r in d["references"]]}
        except Exception as e:  # noqa: BLE001 - recorded in the fixture
            out[key] = None
            out[key + "_error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out, ensure_ascii=False))
'''


def ensure_venv(venv):
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        pip = os.path.join(venv, "bin", "pip")
        subprocess.run([pip, "install", "-q", "multilingual-rouge==0.0.1", "unidic-lite"], check=True)
        subprocess.run([pip, "uninstall", "-y", "-q", "unidic"], check=False)
    # multilingual-rouge's Bengali stemmer reads `common.rules` beside its parser.py, which
    # the PyPI package does not ship: the upstream file (data/bengali/common.rules, MIT, see
    # data/bengali/README.md) is put there, so that Bengali can be scored with stemming
    pkg = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "multilingual_rouge", "bengali_stemmer"))
    rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "bengali", "common.rules")
    for p in pkg:
        shutil.copy(rules, os.path.join(p, "common.rules"))
    # multilingual-rouge builds nltk's Snowball stemmers with ignore_stopwords=True: NLTK's
    # stop words are left unstemmed. The NLTK stop-word corpus is not on PyPI; the crate
    # `stop-words` (a dependency of sumbench, feature "nltk") carries NLTK's lists, so they
    # are copied from cargo's registry (`cargo fetch` puts them there).
    stop = os.path.join(venv, "nltk_data", "corpora", "stopwords")
    os.makedirs(stop, exist_ok=True)
    found = glob.glob(os.path.expanduser("~/.cargo/registry/src/*/stop-words-*/src/nltk"))
    if not found:
        sys.exit("NLTK's stop-word lists not found: run `cargo fetch` in the sumbench checkout first")
    src = sorted(found)[-1]
    for lang in NLTK:
        path = os.path.join(src, lang)
        if os.path.exists(path):
            shutil.copy(path, os.path.join(stop, lang))
        else:
            open(os.path.join(stop, lang), "w").close()
    return py


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--venv", default="/tmp/mrvenv")
    a = ap.parse_args()
    py = ensure_venv(a.venv)
    env = dict(os.environ, NLTK_DATA=os.path.join(a.venv, "nltk_data"))
    r = subprocess.run([py, "-c", WORKER, json.dumps(LANGS), a.data], capture_output=True, env=env)
    if r.returncode != 0:
        sys.exit(r.stderr.decode(errors="replace")[-3000:])
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "wb") as f:
        f.write(r.stdout)
    n = r.stdout.count(b"\n")
    print(f"{n} pairs -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
