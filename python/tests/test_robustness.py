"""No input crashes the interpreter: every entry point on odd, huge and malformed input
either returns or raises an ordinary Exception (a panic crossing into Python would be a
BaseException; an abort would kill the process). Run in a child interpreter, so that a crash
fails this test instead of the whole session."""

import subprocess
import sys
import textwrap

BATTERY = textwrap.dedent(
    r'''
    import sys
    import sumbench
    from sumbench import rouge_scorer, scoring, tokenizers

    weird = [
        "", " ", "\n" * 3000, "\r\n" * 100, "\x00" * 1000, "\ud800", "abc \udfff def \ud83d",
        "\U0010ffff" * 100, "e\u0301" * 500, "\u0130" * 3000, "\u212a" * 3000, "\U0001F3F3\uFE0F\u200D\U0001F308" * 200,
        "\u202e abc \u202d", "\u4e2d\u6587" * 2000, "\u0e01\u0e32\u0e23" * 1000, "\u1000\u102c" * 1000,
        "\u65e5\u672c\u8a9e" * 500, "\ufeff\ufffe\uffff", "\u0600\u0601 \u06dd", "7,000 \u20ac4.5m 3 p.m. 1990s",
        '"' * 999, "\u201c" * 500 + "x" + "\u201d" * 500, "Mr. " * 2000, "A" * 100000, "word " * 20000,
        "x\n" * 3000, "1" * 5000, "-" * 10000, "\t\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029",
    ]
    huge = "The quick brown fox jumps over the lazy dog. " * 40000   # 1.8 MB, 360,000 tokens
    bad = [None, 1, 2.5, b"\xff\xfe", bytearray(b"x"), object(), ["a"], ("a", 1), {"a": "b"}]
    langs = [None, "fr", "zh", "th", "ja", "my", "ar", "ru", "auto"]
    failures = []

    def attempt(what, f, *args, **kwargs):
        try:
            f(*args, **kwargs)
        except Exception:
            pass
        except BaseException as e:  # a panic, or anything that is not an Exception
            failures.append(f"{what}: {type(e).__name__}: {e}")

    scorers = [rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=s, lang=l)
               for s in (False, True) for l in (None, "fr", "zh", "th", "auto") if not (s and l in ("zh", "th"))]
    scorers.append(rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], tokenizer=tokenizers.DefaultTokenizer(True)))
    for a in weird:
        for b in (weird[0], weird[9], weird[13], a):
            for sc in scorers:
                attempt("score", sc.score, a, b)
                attempt("score_multi", sc.score_multi, [a, b], b)
        attempt("tokenize", tokenizers.DefaultTokenizer(True).tokenize, a)
        for l in langs:
            attempt("extractive", sumbench.extractive, a, weird[24], lang=l)
            attempt("score_batch", sumbench.score_batch, [a, weird[5]], [[a, "x"], a], lang=l, use_stemmer=l in (None, "fr", "ar", "ru"))
        attempt("facts", sumbench.facts, a, weird[19])
        attempt("facts", sumbench.facts, weird[19], a)
        attempt("compute", sumbench.compute, predictions=[a], references=[a])
    for x in bad:
        for sc in scorers[:2] + scorers[-1:]:
            attempt("score bad", sc.score, x, "a")
            attempt("score_multi bad", sc.score_multi, [x], "a")
            attempt("score_multi bad", sc.score_multi, x, "a")
        attempt("score_batch bad", sumbench.score_batch, [x], ["a"])
        attempt("score_batch bad", sumbench.score_batch, ["a"], [x])
        attempt("score_batch bad", sumbench.score_batch, x, x)
        attempt("compute bad", sumbench.compute, predictions=[x], references=["a"])
        attempt("facts bad", sumbench.facts, x, "a")
        attempt("extractive bad", sumbench.extractive, "a", x)
        attempt("aggregator bad", lambda: (lambda g: (g.add_scores({"r": x}), g.aggregate()))(scoring.BootstrapAggregator()))
        attempt("rouge types bad", rouge_scorer.RougeScorer([x]).score, "a", "b")
        attempt("lang bad", rouge_scorer.RougeScorer, ["rouge1"], lang=x)
        attempt("threads bad", sumbench.score_batch, ["a"], ["a"], threads=x)
    attempt("threads huge", sumbench.score_batch, ["a"], ["a"], threads=10**30)
    attempt("n_samples huge", lambda: (lambda g: (g.add_scores({"r": 0.5}), g.aggregate()))(scoring.BootstrapAggregator(0.9, 10**30)))
    attempt("n_samples big", lambda: (lambda g: (g.add_scores({"r": 0.5}), g.aggregate()))(scoring.BootstrapAggregator(0.9, 10**9)))
    attempt("seed bad", scoring.BootstrapAggregator, seed=-1)

    # the native layer directly, with arguments the Python layer never sends
    from sumbench import _native
    engine = _native.Engine()
    for kinds in ([0], [12], [255], [1, 1, 1], []):
        attempt("native kinds", engine.score, kinds, "a b", "a")
        attempt("native tokens", _native.score_tokens, kinds, [2**62, -5], [-(2**62), 3], [[1, 2], []], [[]])
    attempt("native tokens", _native.score_tokens, [10, 11], [2**40] * 5, [7] * 3, None, None)
    attempt("native tokens", _native.score_tokens, [1, 11], None, None, [[1] * 1000], [[1] * 1000, [2**33]])
    attempt("native multi", engine.score_multi, [1], [], "a")
    attempt("native multi", engine.score_multi, [1, 11], ["a"], "a", ["a", "b"], "a")
    attempt("native lsum", engine.score, [11], "a", "a", "a", None)
    attempt("native bootstrap", _native.bootstrap, [[]], 0.95, 10, 1)
    attempt("native bootstrap", _native.bootstrap, [[float("inf")]], 2.0, 10, 1)

    # huge texts: ROUGE-N/L over 360,000 tokens a side, Lsum on long lines, facts, extractive
    attempt("huge", rouge_scorer.RougeScorer(["rouge1", "rouge2", "rouge4", "rougeL"]).score, huge, huge[::-1])
    attempt("huge lsum", rouge_scorer.RougeScorer(["rougeLsum"]).score, huge[:200000], huge[:100000])
    attempt("huge batch", sumbench.score_batch, [huge] * 4, [huge[:400000]] * 4, rouge_types=["rouge1", "rouge2"])
    attempt("huge facts", sumbench.facts, huge, huge[:50000])
    attempt("huge extractive", sumbench.extractive, huge, huge[:50000])
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("OK")
    '''
)


def test_no_input_crashes_the_interpreter():
    proc = subprocess.run([sys.executable, "-c", BATTERY], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
    assert proc.stdout.strip().endswith("OK")
