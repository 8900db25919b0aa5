"""sumbench.rouge_scorer against rouge_score 0.1.2 itself (skipped when it is not
installed): random and odd texts, every kind of rouge type and argument, bad input. The
same scores (to 1e-12, and the same Python types: rouge_score's integer zeros), or the same
exception type and message."""

import random
import sys

import pytest

from sumbench import rouge_scorer, scoring, tokenizers

from conftest import TYPES, close

# Characters that stress the tokenizer: ASCII, case, digits, punctuation, the two non-ASCII
# letters that lowercase into ASCII (İ, the Kelvin sign), accents, other scripts, emoji,
# combining marks, odd spaces and line breaks, NUL.
POOL = list("aAbBcC xyzXYZ 0123456789 ,.;:!?'\"-_/()[]{}&$%") + [
    "\n", "\n", "\r", "\t", "\u00a0", "\u2028", "\u200b", "\x00", "\u0130", "\u212a", "é", "ß",
    "ﬁ", "Ω", "ж", "中", "文", "한", "😀", "\u0301", "\u0307", "ǅ", "Ⅻ", "½", "\ufffd",
]
WORDS = ["the", "The", "dogs", "running", "ran", "agreement", "agreed", "Kelvin", "state-of-the-art",
         "don't", "7,000", "İstanbul", "\u212aelvin", "caresses", "ponies", "generously", "x"]


def random_text(rng, max_words=30):
    parts = []
    for _ in range(rng.randrange(max_words)):
        if rng.random() < 0.6:
            parts.append(rng.choice(WORDS))
        else:
            parts.append("".join(rng.choice(POOL) for _ in range(rng.randrange(1, 6))))
        parts.append(rng.choice([" ", " ", " ", "\n", ", ", ". \n"]))
    return "".join(parts)


def same_scores(ours, theirs):
    assert list(ours) == list(theirs)
    for k in theirs:
        o, t = ours[k], theirs[k]
        assert type(o).__name__ == "Score"
        for a, b in zip(o, t):
            assert type(a) is type(b), f"{k}: {o!r} vs {t!r}"
            assert close(a, b), f"{k}: {o!r} vs {t!r}"


def outcome(f, *args):
    """The result of f(*args), or its exception as (type, message)."""
    try:
        return ("ok", f(*args))
    except Exception as e:  # noqa: BLE001 - any exception is an outcome to compare
        return ("raise", type(e), str(e))


def same_outcome(ours, theirs):
    if theirs[0] == "ok":
        assert ours[0] == "ok", f"sumbench raised {ours[1:]}, rouge_score gave {theirs[1]}"
        if isinstance(theirs[1], dict):
            same_scores(ours[1], theirs[1])
        else:
            assert ours[1] == theirs[1]
    else:
        assert ours == theirs


TYPE_SETS = [
    TYPES,
    ["rougeLsum"],
    ["rougeL"],
    ["rouge3", "rouge4", "rouge5", "rouge6", "rouge7", "rouge8", "rouge9"],
    ["rougeLsum", "rouge1", "rougeLsum", "rouge2", "rouge1"],
    [],
]


@pytest.mark.parametrize("stem", [False, True])
def test_random_texts(rs, stem):
    rng = random.Random(17 + stem)
    for types in TYPE_SETS:
        ours = rouge_scorer.RougeScorer(types, use_stemmer=stem)
        theirs = rs.rouge_scorer.RougeScorer(types, use_stemmer=stem)
        for _ in range(150):
            t, p = random_text(rng), random_text(rng)
            same_scores(ours.score(t, p), theirs.score(t, p))
            targets = [random_text(rng) for _ in range(rng.randrange(1, 4))]
            same_scores(ours.score_multi(targets, p), theirs.score_multi(targets, p))


def test_empty_and_tokenless_texts(rs):
    texts = ["", " ", "\n", "\n\n", "!!!", "中文", "a", "a\n", "\na", "a b\n\nc", "\u0130", "\u212a"]
    for types in TYPE_SETS:
        ours, theirs = rouge_scorer.RougeScorer(types), rs.rouge_scorer.RougeScorer(types)
        for t in texts:
            for p in texts:
                same_scores(ours.score(t, p), theirs.score(t, p))
                same_scores(ours.score_multi([t, p], p), theirs.score_multi([t, p], p))


BAD_TEXTS = [None, 1, 1.5, True, b"bytes Text", b"caf\xc3\xa9 \xc4\xb0stanbul KELVIN", b"\xff\xfe",
             bytearray(b"abc"), ["a", "list"], ("a",), object(), {"a": 1}]


class Sub(str):
    """A str subclass (rouge_score treats it as text)."""


@pytest.mark.parametrize("types", [TYPES, ["rougeLsum"], ["rouge1", "rougeL"], ["bogus", "rouge1"], ["rougeLsum", "bogus"]])
def test_bad_texts_fail_as_in_rouge_score(rs, types):
    ours, theirs = rouge_scorer.RougeScorer(types), rs.rouge_scorer.RougeScorer(types)
    for bad in BAD_TEXTS + [Sub("A Sub Class\nof str"), "İ KELVIN \u212a"]:
        for args in [(bad, "the cat sat i stanbul kelvin caf"), ("the cat sat i stanbul", bad), (bad, bad)]:
            same_outcome(outcome(ours.score, *args), outcome(theirs.score, *args))
        same_outcome(outcome(ours.score_multi, [bad, "x"], "x"), outcome(theirs.score_multi, [bad, "x"], "x"))
        same_outcome(outcome(ours.score_multi, ["x"], bad), outcome(theirs.score_multi, ["x"], bad))


ROUGE_TYPES = ["rouge0", "rouge10", "rougel", "rougeLSum", "rouge", "", "rouge1\n", "rouge١",
               b"rouge1", b"rougeL", 1, None, ("rouge1",), "rougeN", "rouge-1", " rouge1"]


def test_unknown_rouge_types_fail_as_in_rouge_score(rs):
    for bad in ROUGE_TYPES:
        for types in ([bad], ["rouge1", bad], [bad, "rougeLsum"]):
            ours, theirs = rouge_scorer.RougeScorer(types), rs.rouge_scorer.RougeScorer(types)
            same_outcome(outcome(ours.score, "a b c", "a b d"), outcome(theirs.score, "a b c", "a b d"))
            same_outcome(outcome(ours.score_multi, ["a b"], "a"), outcome(theirs.score_multi, ["a b"], "a"))
            same_outcome(outcome(ours.score_multi, [], "a"), outcome(theirs.score_multi, [], "a"))


def test_odd_rouge_type_containers(rs):
    for types in ["rouge1", ("rouge1", "rougeL"), None, 5, iter(["rouge1"]), {"rougeL": 1}, ["rougeLsum"] * 2]:
        ours, theirs = rouge_scorer.RougeScorer(types), rs.rouge_scorer.RougeScorer(types)
        same_outcome(outcome(ours.score, "a b", "a c"), outcome(theirs.score, "a b", "a c"))


def test_score_multi_edge_cases(rs):
    ours, theirs = rouge_scorer.RougeScorer(TYPES), rs.rouge_scorer.RougeScorer(TYPES)
    for targets in [[], "abc a", ("a b", "b c"), iter(["a b", "c"]), ["", ""], ["x y", "x y"]]:
        t2 = list(targets) if not isinstance(targets, (str, tuple, list)) else targets
        same_outcome(outcome(ours.score_multi, t2, "a b c"), outcome(theirs.score_multi, t2, "a b c"))
    empty = rouge_scorer.RougeScorer([]), rs.rouge_scorer.RougeScorer([])
    same_outcome(outcome(empty[0].score_multi, [], "a"), outcome(empty[1].score_multi, [], "a"))


class SplitTokenizer:
    """Case-sensitive whitespace tokens (unlike rouge_score's)."""

    def tokenize(self, text):
        return text.split()


class IntTokenizer:
    """Tokens that are not strings."""

    def tokenize(self, text):
        return [len(w) % 5 for w in text.split()]


class CharTokenizer:
    """Returns a string: its characters are the tokens (rouge_score iterates it)."""

    def tokenize(self, text):
        return text.replace(" ", "")


class FalsyTokenizer:
    """rouge_score tests `if tokenizer:`; a falsy one means the default tokenizer."""

    def __len__(self):
        return 0

    def tokenize(self, text):
        raise AssertionError("not called")


class FailingTokenizer:
    def tokenize(self, text):
        raise RuntimeError(f"cannot tokenize {text!r}")


@pytest.mark.parametrize("tok", [SplitTokenizer(), IntTokenizer(), CharTokenizer(), FalsyTokenizer(), FailingTokenizer()])
def test_custom_tokenizers(rs, tok):
    rng = random.Random(3)
    for types in TYPE_SETS:
        ours = rouge_scorer.RougeScorer(types, tokenizer=tok)
        theirs = rs.rouge_scorer.RougeScorer(types, tokenizer=tok)
        for _ in range(40):
            t, p = random_text(rng, 12), random_text(rng, 12)
            same_outcome(outcome(ours.score, t, p), outcome(theirs.score, t, p))
            same_outcome(outcome(ours.score_multi, [t, p], p), outcome(theirs.score_multi, [t, p], p))


def test_default_tokenizer_objects(rs):
    rng = random.Random(5)
    for stem in (False, True):
        ours, theirs = tokenizers.DefaultTokenizer(stem), rs.tokenizers.DefaultTokenizer(stem)
        for _ in range(300):
            t = random_text(rng)
            assert ours.tokenize(t) == theirs.tokenize(t)
        for bad in BAD_TEXTS:
            same_outcome(outcome(ours.tokenize, bad), outcome(theirs.tokenize, bad))
        # rouge_score's own tokenizer object, passed in: scored through its tokens
        scorer = rouge_scorer.RougeScorer(TYPES, tokenizer=theirs)
        reference = rs.rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
        for _ in range(50):
            t, p = random_text(rng), random_text(rng)
            same_scores(scorer.score(t, p), reference.score(t, p))


def test_split_summaries_with_a_sentence_splitter(rs, monkeypatch):
    """split_summaries=True calls nltk.sent_tokenize (its punkt data may be absent: a
    stand-in splitter, the same for both)."""
    nltk = pytest.importorskip("nltk")

    def sent_tokenize(text, language="english"):
        out, cur = [], ""
        for ch in text:
            cur += ch
            if ch in ".!?":
                out.append(cur.strip(" "))
                cur = ""
        out.append(cur)
        return out

    monkeypatch.setattr(nltk, "sent_tokenize", sent_tokenize)
    rng = random.Random(11)
    for stem in (False, True):
        for types in TYPE_SETS:
            ours = rouge_scorer.RougeScorer(types, use_stemmer=stem, split_summaries=True)
            theirs = rs.rouge_scorer.RougeScorer(types, use_stemmer=stem, split_summaries=True)
            for _ in range(40):
                t, p = random_text(rng), random_text(rng)
                same_scores(ours.score(t, p), theirs.score(t, p))
                same_scores(ours.score_multi([t, p], p), theirs.score_multi([t, p], p))
            for bad in (None, b"a. b"):
                same_outcome(outcome(ours.score, bad, "a"), outcome(theirs.score, bad, "a"))


def test_split_summaries_with_nltk_punkt(rs):
    nltk = pytest.importorskip("nltk")
    try:
        nltk.sent_tokenize("One. Two.")
    except LookupError:
        pytest.skip("nltk's punkt data is not installed")
    rng = random.Random(12)
    ours = rouge_scorer.RougeScorer(TYPES, split_summaries=True)
    theirs = rs.rouge_scorer.RougeScorer(TYPES, split_summaries=True)
    for _ in range(100):
        t, p = random_text(rng), random_text(rng)
        same_scores(ours.score(t, p), theirs.score(t, p))


def test_split_summaries_without_nltk_is_an_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "nltk", None)
    with pytest.raises(ImportError, match="nltk"):
        rouge_scorer.RougeScorer(TYPES, split_summaries=True)


def test_constructor_arguments(rs):
    ours = rouge_scorer.RougeScorer(rouge_types=["rouge1"], use_stemmer=True, split_summaries=False, tokenizer=None)
    assert ours.rouge_types == ["rouge1"]
    assert isinstance(ours, scoring.BaseScorer)
    # positional, as rouge_score's signature
    a = rouge_scorer.RougeScorer(["rouge1"], True).score("running dogs", "runs dog")
    b = rs.rouge_scorer.RougeScorer(["rouge1"], True).score("running dogs", "runs dog")
    same_scores(a, b)
    # the attribute is read at each call, as rouge_score does
    ours.rouge_types = ["rougeL"]
    assert list(ours.score("a", "a")) == ["rougeL"]
    with pytest.raises(ValueError, match="lang"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=SplitTokenizer(), lang="fr")


def test_score_is_a_namedtuple():
    s = rouge_scorer.RougeScorer(["rouge1"]).score("a b", "a")["rouge1"]
    assert s == scoring.Score(precision=1.0, recall=0.5, fmeasure=2 / 3)
    assert s._fields == ("precision", "recall", "fmeasure")
    assert repr(s).startswith("Score(precision=1.0")


def test_bootstrap_aggregator_interface(rs):
    ours = scoring.BootstrapAggregator()
    theirs = rs.scoring.BootstrapAggregator()
    scorer = rouge_scorer.RougeScorer(TYPES)
    rng = random.Random(2)
    for _ in range(300):
        s = scorer.score(random_text(rng), random_text(rng))
        ours.add_scores(s)
        theirs.add_scores(s)
    a, b = ours.aggregate(), theirs.aggregate()
    assert list(a) == list(b)
    for k in a:
        assert type(a[k]).__name__ == "AggregateScore" and a[k]._fields == ("low", "mid", "high")
        for i in range(3):
            assert type(a[k][i]) is scoring.Score
            assert a[k].low[i] <= a[k].mid[i] <= a[k].high[i]
            # the same method, other random draws: the same interval, nearly
            assert abs(a[k].mid[i] - b[k].mid[i]) < 0.02
            assert abs(a[k].low[i] - b[k].low[i]) < 0.03
            assert abs(a[k].high[i] - b[k].high[i]) < 0.03
    # seeded: the same scores give the same aggregate
    again = scoring.BootstrapAggregator()
    for s in ours._scores["rouge1"]:
        again.add_scores({"rouge1": s})
    assert again.aggregate()["rouge1"] == a["rouge1"]


def test_bootstrap_aggregator_exact_where_randomness_cannot_matter(rs):
    for ci in (0.0, 0.5, 0.95, 1.0):
        ours, theirs = scoring.BootstrapAggregator(ci, 50), rs.scoring.BootstrapAggregator(ci, 50)
        for agg in (ours, theirs):
            for _ in range(7):
                agg.add_scores({"x": scoring.Score(0.25, 0.5, 1 / 3), "y": 0.75})
        a, b = ours.aggregate(), theirs.aggregate()
        assert list(a) == list(b) == ["x", "y"]
        for k in a:
            for i in range(3):
                assert a[k][i] == pytest.approx(b[k][i], abs=1e-15)
        assert type(a["y"].mid) is float
    single = scoring.BootstrapAggregator(1.0)
    single.add_scores({"r": scoring.Score(0.1, 0.2, 0.3)})
    assert single.aggregate()["r"].low == scoring.Score(0.1, 0.2, 0.3)
    assert scoring.BootstrapAggregator().aggregate() == {}


def test_bootstrap_aggregator_bad_arguments(rs):
    for args in [(-0.1,), (1.5,), (0.95, 0), (0.95, -3)]:
        same_outcome(outcome(scoring.BootstrapAggregator, *args), outcome(rs.scoring.BootstrapAggregator, *args))
    for args in [("a",), (0.95, "x"), (None,)]:
        ours = outcome(scoring.BootstrapAggregator, *args)
        theirs = outcome(rs.scoring.BootstrapAggregator, *args)
        assert ours[:2] == theirs[:2]
    agg = scoring.BootstrapAggregator(0.95, 2.5)
    agg.add_scores({"a": 0.5})
    with pytest.raises(TypeError):
        agg.aggregate()
    agg = scoring.BootstrapAggregator()
    agg.add_scores({"a": scoring.Score(0.1, float("nan"), 0.2)})
    with pytest.raises(ValueError, match="finite"):
        agg.aggregate()
    agg = scoring.BootstrapAggregator()
    agg.add_scores({"a": (0.1, 0.2)})
    agg.add_scores({"a": (0.1, 0.2, 0.3)})
    with pytest.raises(ValueError):
        agg.aggregate()
    agg = scoring.BootstrapAggregator()
    agg.add_scores({"a": "text"})
    with pytest.raises(ValueError):
        agg.aggregate()


def test_fmeasure(rs):
    for p, r in [(0, 0), (0.5, 0.25), (1, 1), (0.0, 0.0)]:
        assert scoring.fmeasure(p, r) == rs.scoring.fmeasure(p, r)
        assert type(scoring.fmeasure(p, r)) is type(rs.scoring.fmeasure(p, r))
