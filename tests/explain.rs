//! `sumbench explain` and the fact metrics in `eval`: the seed corpus facts named in the issue
//! show up with the right status in every place a user looks.

use crate::common::sumbench;
use serde_json::Value;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

fn run(args: &[&str]) -> String {
    String::from_utf8(crate::common::run_ok(args)).unwrap()
}

fn checks(system: &str) -> Vec<Value> {
    let text = run(&[
        "explain",
        SEEDS,
        "--id",
        "kim-putin-000",
        "--system",
        system,
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&text).unwrap();
    v["report"]["checks"].as_array().unwrap().clone()
}

fn status_of(checks: &[Value], text: &str, statuses: &[&str]) -> bool {
    checks.iter().any(|c| {
        c["text"].as_str().unwrap().contains(text)
            && statuses.contains(&c["status"].as_str().unwrap())
    })
}

#[test]
fn explain_lists_the_seed_facts_with_locations() {
    let c = checks("condensed-002");
    assert!(status_of(&c, "7,000", &["missing"]));
    assert!(status_of(&c, "9,000", &["missing"]));
    assert!(status_of(&c, "Shin Wonsik", &["kept"]));
    assert!(!status_of(&c, "thousands", &["unsupported"]));
    let missing = c.iter().find(|x| x["text"] == "7,000").unwrap();
    assert!(missing["source_at"].as_str().unwrap().contains(':'));
    let c = checks("control-003");
    for name in ["Jon Finer", "Joe Biden", "Sergei Shoigu"] {
        assert!(status_of(&c, name, &["unsupported"]), "{name}");
    }
    let c = checks("expanded-001");
    assert!(status_of(&c, "Samsung", &["unsupported"]));
    let c = checks("condensed-004");
    assert!(status_of(
        &c,
        "unbreakable relationship of comrades-in-arms",
        &["verbatim"]
    ));
}

#[test]
fn explain_on_two_files_and_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.txt");
    let c = dir.path().join("c.txt");
    std::fs::write(
        &s,
        "Officials said about 7,000 containers were shipped to Russia in March.",
    )
    .unwrap();
    std::fs::write(&c, "Some 9,000 containers went to Russia, Jon Finer said.").unwrap();
    let text = run(&[
        "explain",
        "--source",
        s.to_str().unwrap(),
        "--candidate",
        c.to_str().unwrap(),
    ]);
    assert!(
        text.contains("unsupported") && text.contains("9,000") && text.contains("Jon Finer"),
        "{text}"
    );
    let out = sumbench()
        .args(["explain", "--source", s.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = sumbench()
        .args(["explain", SEEDS, "--id", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no example with id 'nope'"));
}

#[test]
fn eval_reports_fact_scores_and_jsonl_lists_the_facts() {
    let v: Value = serde_json::from_str(&run(&["eval", SEEDS, "--format", "json"])).unwrap();
    let support = |sys: &str| {
        v["systems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == sys)
            .unwrap()["metrics"]["facts.support"]["mean"]
            .as_f64()
            .unwrap()
    };
    for other in ["expanded-001", "condensed-002", "condensed-004"] {
        assert!(support("control-003") < support(other), "{other}");
    }
    let jsonl = run(&["eval", SEEDS, "--format", "jsonl"]);
    let line: Value = jsonl
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|l| l["system"] == "condensed-002")
        .unwrap();
    let missing: Vec<&str> = line["facts"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"number: 7,000") && missing.contains(&"number: 9,000"),
        "{missing:?}"
    );
    assert!(line["metrics"]["facts.numbers.retention"].as_f64().unwrap() < 0.5);
}
