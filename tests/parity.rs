//! Parity with rouge-score 0.1.2: every precision, recall and F of rouge1, rouge2, rougeL and
//! rougeLsum, with and without stemming, on every line of the parity and edge fixtures
//! (expectations produced by `scripts/gen_rouge_fixtures.py`).

use serde_json::Value;
use sumbench::dataset::{FieldMap, jsonl::example_from_value};
use sumbench::evaluate::{EvalConfig, Evaluator, Workspace};
use sumbench::metrics::rouge::RougeType;
use sumbench::text::Stemmer;

use crate::common::{jsonl, sumbench};

const TOLERANCE: f64 = 1e-12;

/// Checks every line of `inputs` against `expected`; returns the number of values compared.
fn check(inputs: &str, expected: &str) -> usize {
    let inputs = jsonl(inputs);
    let expected = jsonl(expected);
    assert_eq!(inputs.len(), expected.len());
    let mut compared = 0;
    let mut failures = Vec::new();
    for (mode, stemmer) in [("nostem", Stemmer::None), ("stem", Stemmer::Porter)] {
        let evaluator = Evaluator::new(EvalConfig::rouge_only(RougeType::default_set(), stemmer));
        let mut ws = Workspace::default();
        for (line, (input, exp)) in inputs.iter().zip(&expected).enumerate() {
            assert_eq!(input["id"], exp["id"]);
            let example =
                example_from_value(input, &FieldMap::default(), "parity".as_ref(), line + 1)
                    .expect("fixture line is a valid example");
            let result = evaluator.evaluate(&example, &mut ws);
            let exp_scores = &exp["rouge_score"][mode];
            if exp.get("error").is_some() {
                // No reference and no source: rouge-score has no answer; neither do we.
                assert!(result.is_none(), "{}: expected no score", input["id"]);
                continue;
            }
            let result = result.expect("example with references scores");
            for chosen in &result.systems[0].rouge {
                let name = chosen.rouge_type.name();
                let s = chosen.counts.score();
                for (field, ours) in [
                    ("precision", s.precision),
                    ("recall", s.recall),
                    ("fmeasure", s.fmeasure),
                ] {
                    let theirs = exp_scores[&name][field].as_f64().expect("expected value");
                    compared += 1;
                    if (ours - theirs).abs() > TOLERANCE {
                        failures.push(format!(
                            "{} {mode} {name} {field}: ours {ours} rouge-score {theirs}",
                            input["id"]
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences, first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    compared
}

#[test]
fn parity_fixture_matches_rouge_score() {
    // 2,000 lines × 2 modes × 4 types × 3 values.
    assert_eq!(check("parity.jsonl", "parity.rouge_score.jsonl"), 48_000);
}

#[test]
fn edge_fixture_matches_rouge_score() {
    // 22 lines with references (no_refs has none) × 2 × 4 × 3.
    assert_eq!(check("edge.jsonl", "edge.rouge_score.jsonl"), 22 * 24);
}

#[test]
fn edge_fixture_tokens_match_rouge_score() {
    // edge.rouge_score.jsonl records rouge-score's own tokens for each text.
    let mut checked = 0;
    for (input, exp) in jsonl("edge.jsonl")
        .iter()
        .zip(jsonl("edge.rouge_score.jsonl"))
    {
        for (mode, stemmer) in [("nostem", Stemmer::None), ("stem", Stemmer::Porter)] {
            let tokens = |text: &str| -> Vec<String> {
                sumbench::text::tokenize(text)
                    .into_iter()
                    .map(|t| stemmer.stem_if_long(&t).unwrap_or(t))
                    .collect()
            };
            let exp_tokens = &exp["tokens"][mode];
            let cand: Vec<String> =
                serde_json::from_value(exp_tokens["candidate"].clone()).unwrap();
            assert_eq!(
                tokens(input["candidate"].as_str().unwrap()),
                cand,
                "{}",
                input["id"]
            );
            let refs: Vec<Vec<String>> =
                serde_json::from_value(exp_tokens["references"].clone()).unwrap();
            for (r, e) in input["references"].as_array().unwrap().iter().zip(&refs) {
                assert_eq!(&tokens(r.as_str().unwrap()), e, "{}", input["id"]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 44, "{checked}");
}

#[test]
fn no_refs_edge_case_is_a_clear_error_in_the_cli() {
    let _ = Value::Null;
    let out = sumbench()
        .args([
            "eval",
            crate::common::fixture("edge.jsonl").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("edge.jsonl:"), "{err}");
    assert!(
        err.contains("'no_refs' has no reference and no source"),
        "{err}"
    );
}
