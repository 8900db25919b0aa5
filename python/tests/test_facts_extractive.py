"""facts() and extractive(): Python to the crate and back. Spans are string indices into the
texts; the values are the crate's (compared with the `sumbench` binary's JSON when it is
built, as `cargo test` builds it)."""

import json
import os
import pathlib
import subprocess

import pytest

import sumbench

from conftest import REPO

SEED = REPO / "datasets" / "seed-news"
SOURCE = (SEED / "000_f4961fb23fd7aed9.txt").read_text(encoding="utf-8")
CANDIDATES = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEED.glob("00[1-4]_*.txt"))}

UNICODE_SOURCE = (
    "Zoë Ångström, the mayor of Malmö, said on 3 March 2024 that “the new bridge will open in 2026” "
    "and will cost €4.5 million. Émile Zola 🚀 wrote 12 novels.\n"
    "Président François Hollande met Angela Merkel in Paris."
)
UNICODE_CANDIDATE = (
    "Malmö's mayor Zoë Ångström said “the bridge will open in 2027” 🚀, at a cost of €5 million; "
    "François Hollande met Angela Merkel."
)


def binary():
    for profile in ("debug", "release"):
        exe = REPO / "target" / profile / ("sumbench.exe" if os.name == "nt" else "sumbench")
        if exe.exists():
            return exe
    return None


def check_spans(report, source, candidate):
    n = 0
    source_side = {"kept", "missing"}
    for f in report["facts"]:
        assert f["kind"] in ("number", "name", "quote")
        assert f["status"] in report["summary"]
        for key, text in (("source_span", source), ("candidate_span", candidate)):
            span = f[key]
            if span is None:
                continue
            assert isinstance(span, tuple) and len(span) == 2
            start, end = span
            assert 0 <= start <= end <= len(text)
            n += 1
        # the surface text is the mention in the text the fact comes from
        own = "source_span" if f["status"] in source_side else "candidate_span"
        if f[own] is not None and f["kind"] != "quote":
            s, e = f[own]
            assert (source if own == "source_span" else candidate)[s:e] == f["text"], f
    return n


@pytest.mark.parametrize("name", sorted(CANDIDATES))
def test_facts_on_the_seed_dataset(name):
    cand = CANDIDATES[name]
    r = sumbench.facts(SOURCE, cand)
    assert set(r) >= {"facts", "summary", "numbers", "names", "quotes", "overall", "lexical", "consistency"}
    assert sum(r["summary"].values()) == len(r["facts"])
    overall = r["overall"]
    assert overall["kept"] == r["summary"]["kept"]
    assert overall["source_distinct"] == r["summary"]["kept"] + r["summary"]["missing"]
    assert 0 <= overall["retention"] <= 1
    assert r["consistency"] is None or 0 <= r["consistency"] <= 1
    assert check_spans(r, SOURCE, cand) > 0


def test_facts_spans_are_string_indices_in_unicode_text():
    r = sumbench.facts(UNICODE_SOURCE, UNICODE_CANDIDATE)
    check_spans(r, UNICODE_SOURCE, UNICODE_CANDIDATE)
    by_text = {(f["status"], f["text"]) for f in r["facts"]}
    assert ("kept", "Zoë Ångström") in by_text
    altered = [f for f in r["facts"] if f["kind"] == "quote" and f["status"] == "altered"]
    assert altered and "2027" in altered[0]["diff"]["added"] and "new" in altered[0]["diff"]["removed"]
    s, e = altered[0]["candidate_span"]
    assert UNICODE_CANDIDATE[s:e].startswith("the bridge")
    for word, span in r["lexical"]["unsupported"]:
        assert UNICODE_CANDIDATE[span[0] : span[1]].lower() == word


def test_facts_against_the_binary():
    exe = binary()
    if exe is None:
        pytest.skip("no sumbench binary in target/ (cargo build)")
    src = SEED / "000_f4961fb23fd7aed9.txt"
    for path in [p for p in sorted(SEED.glob("00[1-4]_*.txt"))]:
        out = subprocess.run(
            [str(exe), "explain", "--source", str(src), "--candidate", str(path), "--format", "json"],
            capture_output=True, check=True, text=True,
        )
        cli = json.loads(out.stdout)["report"]
        ours = sumbench.facts(SOURCE, path.read_text(encoding="utf-8"))
        for key in ("numbers", "names", "quotes", "overall"):
            assert ours[key] == cli[key]
        assert len(ours["facts"]) == len(cli["checks"])
        source_bytes, cand_bytes = SOURCE.encode(), path.read_bytes()
        for o, c in zip(ours["facts"], cli["checks"]):
            assert (o["kind"], o["status"], o["key"], o["text"]) == (c["kind"], c["status"], c["key"], c["text"])
            for k, raw in (("source_span", source_bytes), ("candidate_span", cand_bytes)):
                if c[k] is None:
                    assert o[k] is None
                else:
                    as_chars = tuple(len(raw[:b].decode()) for b in c[k])
                    assert o[k] == as_chars


def test_facts_in_other_languages():
    fr = sumbench.facts(
        "Le chantier est estimé à 2,5 millions d'euros, a annoncé Anne Hidalgo.",
        "Le chantier coûtera 3,5 millions d'euros selon Anne Hidalgo.",
        lang="fr",
    )
    assert fr["lang"] == "fr" and fr["unmeasured"] == [] and fr["note"] is None
    numbers = {(f["status"], f["text"]) for f in fr["facts"] if f["kind"] == "number"}
    assert ("missing", "2,5 millions d'euros") in numbers and ("unsupported", "3,5 millions d'euros") in numbers
    assert sumbench.facts("Le chantier est estimé à 2,5 millions.", "2,5 millions", lang="French")["numbers"]["kept"] == 1
    auto = sumbench.facts("Le chantier est estimé à 2,5 millions d'euros, a annoncé la mairie de Paris.", "2,5 millions", lang="auto")
    assert auto["lang"] == "fr"
    zh = sumbench.facts("北京时间2024年3月5日，国务院总理李强作政府工作报告。", "李强作报告。", lang="zh")
    assert zh["unmeasured"] == ["name"] and "names are not measured" in zh["note"]
    assert zh["names"]["retention"] is None
    check_spans(zh, "北京时间2024年3月5日，国务院总理李强作政府工作报告。", "李强作报告。")
    en = sumbench.facts(SOURCE, CANDIDATES[sorted(CANDIDATES)[1]])
    assert en == sumbench.facts(SOURCE, CANDIDATES[sorted(CANDIDATES)[1]], lang="en")
    assert en["lang"] == "en" and en["unmeasured"] == []


def test_facts_in_a_language_against_the_binary(tmp_path):
    exe = binary()
    if exe is None:
        pytest.skip("no sumbench binary in target/ (cargo build)")
    src, cand = tmp_path / "src.txt", tmp_path / "cand.txt"
    src.write_text(UNICODE_SOURCE, encoding="utf-8")
    cand.write_text(UNICODE_CANDIDATE, encoding="utf-8")
    for lang in ("fr", "de", "zh"):
        out = subprocess.run(
            [str(exe), "explain", "--source", str(src), "--candidate", str(cand), "--format", "json", "--lang", lang],
            capture_output=True, check=True, text=True,
        )
        cli = json.loads(out.stdout)["report"]
        ours = sumbench.facts(UNICODE_SOURCE, UNICODE_CANDIDATE, lang=lang)
        for key in ("numbers", "names", "quotes", "overall"):
            assert ours[key] == cli[key], (lang, key)
        assert ours["unmeasured"] == cli.get("unmeasured", [])
        assert [(f["kind"], f["status"], f["key"]) for f in ours["facts"]] == [
            (c["kind"], c["status"], c["key"]) for c in cli["checks"]
        ]


def test_extractive_values():
    short = sumbench.extractive("The cat sat on the mat. It was happy.", "The cat sat. It was sad.")
    assert short["extractive.coverage"] == 5 / 6
    assert short["extractive.density"] == (9 + 4) / 6
    assert short["novel.1"] == 1 / 6
    assert short["compression.words"] == 9 / 6
    assert short["compression.expansion"] == 0.0
    longer = sumbench.extractive("a b", "a b c d")
    assert longer["compression.expansion"] == 1.0 and longer["compression.words"] is None
    for name, cand in CANDIDATES.items():
        v = sumbench.extractive(SOURCE, cand)
        assert 0 <= v["extractive.coverage"] <= 1 and v["extractive.density"] >= 0, name
        assert all(0 <= v[f"novel.{n}"] <= 1 for n in range(1, 5))


def test_extractive_against_the_binary(tmp_path):
    exe = binary()
    if exe is None:
        pytest.skip("no sumbench binary in target/ (cargo build)")
    src = SEED / "000_f4961fb23fd7aed9.txt"
    for path in sorted(SEED.glob("00[1-4]_*.txt")):
        out = subprocess.run(
            [str(exe), "score", "--candidate", str(path), "--source", str(src), "--reference", str(src),
             "--format", "json", "--metrics", "compression,extractive"],
            capture_output=True, check=True, text=True,
        )
        report = json.loads(out.stdout)
        values = report["examples"]["values"]
        ours = sumbench.extractive(SOURCE, path.read_text(encoding="utf-8"))
        assert set(ours) == {k for k in values if not k.startswith("rouge")}
        for k, v in ours.items():
            assert v == values[k][0], k


def test_extractive_languages():
    fr = sumbench.extractive("Le conseil a voté la rénovation.", "La rénovation a été votée.", lang="fr")
    en = sumbench.extractive("Le conseil a voté la rénovation.", "La rénovation a été votée.")
    assert fr["novel.1"] != en["novel.1"]
    zh = sumbench.extractive("北京是中国的首都。北京有很多人。", "北京是首都。", lang="zh")
    assert zh["extractive.coverage"] > 0.5


@pytest.mark.parametrize("f", [sumbench.facts, sumbench.extractive])
def test_bad_input(f):
    for args in [(None, "a"), ("a", None), (b"a", "a"), ("a", 3), (["a"], "a")]:
        with pytest.raises(TypeError, match="must be a str"):
            f(*args)
    with pytest.raises(ValueError, match="unknown language"):
        f("a", "a", lang="elvish")
    assert f("", "") is not None
