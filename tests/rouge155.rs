//! Issue 15: ROUGE-1.5.5 parity. Every pair of `parity.jsonl` and `edge.jsonl` scored as the
//! Perl script scored them (`-c 95 -r 1000 -n 2 -2 4 -u -a -d`, with and without `-m`, `-f A`
//! and `-f B`): ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 recall, precision and F equal the
//! script's printed values, and the corpus Average and 95% interval lines of `-f A` equal its
//! report. `sumbench rouge155` prints the public sample test's outputs byte for byte, and
//! rejects bad command lines with one error line and exit 2.

use serde_json::Value;
use sumbench::rouge155::average::{self, Counting};
use sumbench::rouge155::config::{FileFormat, sentences};
use sumbench::rouge155::score::{self, Formula, Measure, Reading};
use sumbench::rouge155::text::Tokenizer;

use crate::common::{fixture, jsonl, sumbench};

const MEASURES: [(&str, Measure); 4] = [
    ("ROUGE-1", Measure::N(1)),
    ("ROUGE-2", Measure::N(2)),
    ("ROUGE-L", Measure::L),
    (
        "ROUGE-SU4",
        Measure::S {
            distance: 4.0,
            unigrams: true,
        },
    ),
];

/// A text as the SPL file it was written to: one sentence per line.
fn spl(text: &str) -> Vec<Vec<u8>> {
    sentences(text.as_bytes(), FileFormat::Spl)
}

struct Scored {
    /// (evaluation id, measure, stem) → R, P, F; the fixtures' configuration named each
    /// evaluation by its 1-based line number and left out the lines without references
    values: Vec<(String, &'static str, &'static str, [f64; 3])>,
}

fn score_all(inputs: &[Value], formula: Formula) -> Scored {
    let mut values = Vec::new();
    for (stem_key, stem) in [("nostem", false), ("stem", true)] {
        let mut tok = Tokenizer::new(None);
        for (line, ex) in inputs.iter().enumerate() {
            if ex["references"].as_array().unwrap().is_empty() {
                continue;
            }
            let id = (line + 1).to_string();
            let cand = spl(ex["candidate"].as_str().unwrap());
            let refs: Vec<Vec<Vec<u8>>> = ex["references"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| spl(r.as_str().unwrap()))
                .collect();
            let models: Vec<&[Vec<u8>]> = refs.iter().map(Vec::as_slice).collect();
            let reading = Reading {
                stem,
                ..Reading::default()
            };
            for (name, m) in MEASURES {
                let o = score::score(&mut tok, m, &cand, &models, reading, formula, 0.5);
                values.push((
                    id.clone(),
                    name,
                    stem_key,
                    [o.recall, o.precision, o.fmeasure],
                ));
            }
        }
    }
    Scored { values }
}

fn check_lines(inputs: &str, expected: &str, formula: Formula) {
    let inputs = jsonl(inputs);
    let expected = jsonl(expected);
    assert_eq!(inputs.len(), expected.len());
    let scored = score_all(&inputs, formula);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (id, name, stem, got) in &scored.values {
        let line: usize = id.parse().unwrap();
        let e = &expected[line - 1];
        assert_eq!(e["id"], inputs[line - 1]["id"]);
        let want = &e["perl_rouge"][stem][name];
        let want = [
            want["recall"].as_f64().unwrap(),
            want["precision"].as_f64().unwrap(),
            want["fmeasure"].as_f64().unwrap(),
        ];
        checked += 1;
        if *got != want {
            wrong.push(format!("{id} {name} {stem}: {got:?} != {want:?}"));
        }
    }
    let with_refs = expected
        .iter()
        .filter(|e| !e["perl_rouge"]["nostem"].is_null())
        .count();
    assert_eq!(checked, with_refs * 8);
    assert!(
        wrong.is_empty(),
        "{} of {checked} differ:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(30)].join("\n")
    );
}

#[test]
fn parity_lines_f_a() {
    check_lines("parity.jsonl", "parity.rouge155.fA.jsonl", Formula::Average);
}

#[test]
fn parity_lines_f_b() {
    check_lines("parity.jsonl", "parity.rouge155.fB.jsonl", Formula::Best);
}

#[test]
fn edge_lines_f_a() {
    check_lines("edge.jsonl", "edge.rouge155.fA.jsonl", Formula::Average);
}

#[test]
fn edge_lines_f_b() {
    check_lines("edge.jsonl", "edge.rouge155.fB.jsonl", Formula::Best);
}

/// The corpus lines of the Perl report (Average and interval of R, P, F per measure).
fn check_summary(inputs: &str, summary: &str) {
    let inputs = jsonl(inputs);
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(summary)).unwrap()).unwrap();
    let scored = score_all(&inputs, Formula::Average);
    let mut wrong = Vec::new();
    for stem in ["nostem", "stem"] {
        for (name, _) in MEASURES {
            let values: Vec<(String, [f64; 3])> = scored
                .values
                .iter()
                .filter(|v| v.1 == name && v.2 == stem)
                .map(|v| (format!("{}.1", v.0), v.3))
                .collect();
            let a = average::averages(&values, 1000, 95.0, Counting::Sentence, 0.5);
            for (k, metric) in ["recall", "precision", "fmeasure"].iter().enumerate() {
                let want = &summary["runs"][stem]["averages"][name][metric];
                let line = want["line"].as_str().unwrap();
                let tail = format!(
                    "Average_{}: {} (95%-conf.int. {} - {})",
                    ["R", "P", "F"][k],
                    a.average[k],
                    a.low[k],
                    a.high[k]
                );
                if !line.ends_with(&tail) {
                    wrong.push(format!("{stem} {name}: {line} vs {tail}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn parity_corpus_report_lines() {
    check_summary("parity.jsonl", "parity.rouge155.fA.summary.json");
}

#[test]
fn edge_corpus_report_lines() {
    check_summary("edge.jsonl", "edge.rouge155.fA.summary.json");
}

/// The command lines of the distribution's `runROUGE-test.pl` (BE runs aside), run in its
/// `sample-test/` folder, and the output file each one wrote.
const SAMPLE_RUNS: [(&str, &str); 13] = [
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-a.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a -m ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-a-m.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a -m -s ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-a-m-s.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -l 10 -a ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-l10-a.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -l 10 -a -m ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-l10-a-m.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -l 10 -a -m -s ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-l10-a-m-s.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -b 75 -a ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-b75-a.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -b 75 -a -m ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-b75-a-m.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -b 75 -a -m -s ROUGE-test.xml",
        "ROUGE-test-c95-2-1-U-r1000-n4-w1.2-b75-a-m-s.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -b 75 -a -m -s verify.xml",
        "verify-c95-2-1-U-r1000-n4-w1.2-b75-a-m-s.out",
    ),
    (
        "-e ../data -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -b 75 -a -m -s verify-spl.xml",
        "verify-spl-c95-2-1-U-r1000-n4-w1.2-b75-a-m-s.out",
    ),
    (
        "-e ../data -n 4 -z SPL DUC2002-ROUGE.in.26.spl.lst 26",
        "DUC2002-ROUGE.in.26.spl.lst.out",
    ),
    (
        "-e ../data -n 4 DUC2002-ROUGE.in.26.spl.xml 26",
        "DUC2002-ROUGE.in.26.spl.out",
    ),
];

#[test]
fn public_sample_test_reproduces_byte_for_byte() {
    let dir = fixture("rouge155-sample/sample-test");
    for (args, out) in SAMPLE_RUNS {
        let o = sumbench()
            .current_dir(&dir)
            .arg("rouge155")
            .args(args.split(' '))
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let want = std::fs::read(fixture(&format!("rouge155-sample/sample-output/{out}"))).unwrap();
        assert!(o.stdout == want, "{args}: the output differs from {out}");
    }
}

#[test]
fn bad_command_lines_exit_2_with_one_line() {
    let dir = fixture("rouge155-sample/sample-test");
    for args in [
        "-q ROUGE-test.xml 11",
        "-l 10 -b 75 -a ROUGE-test.xml",
        "-3 HM -a ROUGE-test.xml",
        "-n",
        "-a",
        "-a missing.xml",
        "-a verify-spl",
        "-c 200 -a ROUGE-test.xml",
        "ROUGE-test.xml",
    ] {
        let o = sumbench()
            .current_dir(&dir)
            .arg("rouge155")
            .args(args.split(' '))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args}: {err}");
        assert_eq!(err.lines().count(), 1, "{args}: {err}");
        assert!(err.starts_with("sumbench: error: "), "{args}: {err}");
    }
    let o = sumbench().args(["rouge155", "-h"]).output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Out of scope: Basic Elements"));
}

/// The Perl script's reports on `rouge155-oracle/` (see its README: eight option sets covering
/// ROUGE-W, S*, SU*, -U, -s, -l, -b, -m, -M, -f B, -p, -t 1/2, -x, several peers), byte for
/// byte from `sumbench eval INPUT --rouge155 "OPTIONS" --format rouge155`.
#[test]
fn perl_oracle_reports_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("rouge155-oracle/input.jsonl");
    let exclude: Vec<String> = std::fs::read_to_string(fixture("rouge155-oracle/input-w.exclude"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let without: String = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .filter(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            !exclude.iter().any(|x| v["id"] == x.as_str())
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let input_w = dir.path().join("input-w.jsonl");
    std::fs::write(&input_w, without).unwrap();
    for k in 1..=8 {
        let args =
            std::fs::read_to_string(fixture(&format!("rouge155-oracle/run{k}.args"))).unwrap();
        let mut lines = args.lines();
        let (which, options) = (lines.next().unwrap(), lines.next().unwrap());
        let path = if which == "input-w.jsonl" {
            &input_w
        } else {
            &input
        };
        let o = sumbench()
            .arg("eval")
            .arg(path)
            .args(["--rouge155", options, "--format", "rouge155"])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "run{k}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let want = std::fs::read(fixture(&format!("rouge155-oracle/run{k}.out"))).unwrap();
        if o.stdout != want {
            let got = String::from_utf8_lossy(&o.stdout);
            let want = String::from_utf8_lossy(&want);
            let first = got
                .lines()
                .zip(want.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("ours: {a}\nperl: {b}"));
            panic!("run{k} ({options}) differs: {first:?}");
        }
    }
}

mod robustness {
    use proptest::prelude::*;
    use sumbench::rouge155::average::{self, Counting};
    use sumbench::rouge155::config::{self, FileFormat};
    use sumbench::rouge155::options::Options;
    use sumbench::rouge155::porter;
    use sumbench::rouge155::score::{self, Formula, Measure, Reading};
    use sumbench::rouge155::text::{Limit, Tokenizer, builtin_stop_words};

    fn sentences() -> impl Strategy<Value = Vec<Vec<u8>>> {
        let word = prop::sample::select(vec![
            &b"the"[..],
            b"cat",
            b"cats",
            b"running",
            b"went",
            b"children",
            b"state-of-the-art",
            b"7,000",
            b"-",
            b"$5",
            b"  ",
            b"\r",
            b"\xc3\xa9t\xc3\xa9",
            b"yelling",
            b"agreement",
            b"a",
            b"is",
            b"sky",
            b"days",
        ]);
        prop::collection::vec(
            prop::collection::vec(word, 0..12).prop_map(|ws| ws.join(&b' ')),
            0..5,
        )
    }

    fn measure() -> impl Strategy<Value = Measure> {
        prop_oneof![
            (1usize..5).prop_map(Measure::N),
            Just(Measure::L),
            (0.5f64..3.0).prop_map(Measure::W),
            (-1.0f64..6.0, any::<bool>()).prop_map(|(d, u)| Measure::S {
                distance: d.round(),
                unigrams: u
            }),
        ]
    }

    proptest! {
        /// No input makes a score panic, and every value is a number in [0, 1].
        #[test]
        fn scores_are_total(
            peer in sentences(),
            models in prop::collection::vec(sentences(), 1..4),
            m in measure(),
            limit in prop_oneof![Just(Limit::None), (1usize..20).prop_map(Limit::Words), (1usize..80).prop_map(Limit::Bytes)],
            stem in any::<bool>(),
            stop in any::<bool>(),
            best in any::<bool>(),
            alpha in 0.0f64..=1.0,
        ) {
            let mut tok = Tokenizer::new(stop.then(builtin_stop_words));
            let refs: Vec<&[Vec<u8>]> = models.iter().map(Vec::as_slice).collect();
            let reading = Reading { limit, stem, stem_models: false };
            let formula = if best { Formula::Best } else { Formula::Average };
            let o = score::score(&mut tok, m, &peer, &refs, reading, formula, alpha);
            // ROUGE-W with a weight below 1 can exceed 1, in the script too (runs weigh
            // len^W, more than their share of the base^W)
            let at_most_one = !matches!(m, Measure::W(w) if w < 1.0);
            for v in [o.recall, o.precision, o.fmeasure] {
                prop_assert!(v.is_finite() && v >= 0.0 && (!at_most_one || v <= 1.0), "{o:?}");
            }
        }

        /// Any argument list parses or gives one error line; any bytes read as summaries or a
        /// configuration without a panic.
        #[test]
        fn inputs_never_panic(
            args in prop::collection::vec("-?[a-zA-Z0-9.*-]{0,4}", 0..8),
            bytes in prop::collection::vec(any::<u8>(), 0..300),
            xml in "[<>/=\" a-zA-Z0-9\n-]{0,120}",
        ) {
            if let Err(e) = Options::parse(&args) {
                prop_assert!(!e.0.contains('\n'));
            }
            let _ = Options::parse_mode(&args.join(" "));
            for f in [FileFormat::See, FileFormat::Spl, FileFormat::Isi] {
                let _ = config::sentences(&bytes, f);
            }
            let _ = config::parse_xml(&xml, std::path::Path::new("c.xml"));
            let _ = config::parse_file_list(&xml, std::path::Path::new("l"), FileFormat::Spl, "X");
        }

        /// The stemmer takes any lowercase word.
        #[test]
        fn stemmer_is_total(w in "[a-z0-9]{0,14}") {
            let _ = porter::morph_stem(&w);
            let s = porter::stem(&w);
            prop_assert!(!s.is_empty() || w.is_empty());
        }

        /// Averages of any values and settings are numbers.
        #[test]
        fn averages_are_total(
            values in prop::collection::vec((0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0), 0..30),
            resamples in 1usize..60,
            confidence in 0.0f64..=100.0,
            counting in prop_oneof![Just(Counting::Sentence), Just(Counting::Token), Just(Counting::Raw)],
        ) {
            let inst: Vec<(String, [f64; 3])> = values
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{i}.X"), [v.0, v.1, v.2]))
                .collect();
            let a = average::averages(&inst, resamples, confidence, counting, 0.5);
            for s in a.average.iter().chain(&a.low).chain(&a.high) {
                prop_assert!(s.trim().parse::<f64>().is_ok(), "{s}");
            }
        }
    }
}
