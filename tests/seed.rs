//! The built-in seed dataset: its JSONL form matches the article files, and the negative
//! control (003) scores below the real rewrites.

use crate::common::{example_records, sumbench};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

#[test]
fn jsonl_texts_equal_the_article_files() {
    let text = std::fs::read_to_string(format!("{DIR}/seed-news.jsonl")).unwrap();
    let v: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let read = |stem: &str| std::fs::read_to_string(format!("{DIR}/{stem}.txt")).unwrap();
    assert_eq!(v["source"], read("000_f4961fb23fd7aed9"));
    let cands = v["candidates"].as_object().unwrap();
    assert_eq!(cands.len(), 4);
    for (system, stem) in [
        ("expanded-001", "001_97746dc28c0a0776"),
        ("condensed-002", "002_19beb5838788bfde"),
        ("control-003", "003_f4dcfb55ada61dbb"),
        ("condensed-004", "004_72b65e9ffa9b591b"),
    ] {
        assert_eq!(cands[system].as_str().unwrap(), read(stem), "{system}");
    }
}

#[test]
fn negative_control_scores_lowest_on_rouge2_and_rouge_l() {
    let out = sumbench()
        .args([
            "eval",
            "--format",
            "json",
            &format!("{DIR}/seed-news.jsonl"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for metric in ["rouge2", "rougeL"] {
        let f = |name: &str| {
            v["systems"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["name"].as_str().unwrap().ends_with(name))
                .unwrap()["scores"][metric]["fmeasure"]
                .as_f64()
                .unwrap()
        };
        for other in ["001", "002", "004"] {
            assert!(
                f("003") < f(other),
                "{metric}: 003 {} vs {other} {}",
                f("003"),
                f(other)
            );
        }
    }
}

#[test]
fn compression_marks_the_expansion_and_measures_the_condensed_rewrites() {
    let out = sumbench()
        .args(["eval", "--format", "json", DIR])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let metric = |sys: &str, key: &str| {
        v["systems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == sys)
            .unwrap()["metrics"][key]["mean"]
            .as_f64()
    };
    assert_eq!(metric("expanded-001", "compression.expansion"), Some(1.0));
    assert_eq!(metric("expanded-001", "compression.words"), None);
    assert!(metric("expanded-001", "compression.length_share").unwrap() > 1.0);
    for sys in ["condensed-002", "condensed-004"] {
        let r = metric(sys, "compression.words").unwrap();
        assert!((1.5..=2.5).contains(&r), "{sys}: {r}");
        assert_eq!(metric(sys, "compression.expansion"), Some(0.0));
    }
    // The control copies least: lowest density, most novel bigrams.
    let density = |s: &str| metric(s, "extractive.density").unwrap();
    let novel2 = |s: &str| metric(s, "novel.2").unwrap();
    for other in ["expanded-001", "condensed-002", "condensed-004"] {
        assert!(density("control-003") < density(other));
        assert!(novel2("control-003") > novel2(other));
    }
}

#[test]
fn extractive_and_compression_values_do_not_depend_on_the_rouge_stemmer() {
    // They use unstemmed tokens whatever --stemmer says (the signature's ext-tok).
    let run = |stemmer: &str| {
        let out = sumbench()
            .args(["eval", "--format", "json", "--stemmer", stemmer, DIR])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        example_records(&v)
            .iter()
            .map(|e| {
                let vals = e["values"].as_object().unwrap();
                vals.iter()
                    .filter(|(k, _)| {
                        ["compression.", "extractive.", "novel.", "repetition."]
                            .iter()
                            .any(|p| k.starts_with(p))
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let none = run("none");
    assert!(!none[0].is_empty());
    assert_eq!(none, run("porter"));
    assert_eq!(none, run("snowball"));
}
