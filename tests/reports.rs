//! Renderers: a snapshot (insta) of each format on the same small report, so any change to an
//! output format is a reviewed change. Also: the `pair` subcommand on the seed folder.

use crate::common::sumbench;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

/// A small dataset with two systems, one example scored against its source, one empty
/// candidate, and names that need escaping in CSV and Markdown.
fn dataset() -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(
        &mut f,
        br#"{"id": "a", "references": ["the cat sat on the mat", "a cat was on the mat"], "candidates": {"sys|one": "the cat sat", "sys,two": "a dog sat on a mat"}}
{"id": "b", "source": "Seven people met in Paris. They talked for 3 hours.", "candidates": {"sys|one": "Seven people met in Paris.", "sys,two": ""}}
"#,
    )
    .unwrap();
    f
}

fn render(format: &str, extra: &[&str]) -> String {
    let f = dataset();
    let mut args = vec!["eval", "--format", format];
    args.extend_from_slice(extra);
    args.push(f.path().to_str().unwrap());
    String::from_utf8(crate::common::run_ok(args)).unwrap()
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!("table", render("table", &[]));
}

#[test]
fn table_per_example_snapshot() {
    insta::assert_snapshot!(
        "table_per_example",
        render("table", &["--per-example", "--metrics", "rouge1,rougeL"])
    );
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", render("markdown", &[]));
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!("csv", render("csv", &[]));
    insta::assert_snapshot!(
        "csv_per_example",
        render("csv", &["--per-example", "--metrics", "rouge2"])
    );
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("json", render("json", &["--metrics", "rouge1,compression"]));
}

#[test]
fn jsonl_snapshot() {
    insta::assert_snapshot!("jsonl", render("jsonl", &["--metrics", "rouge1,rougeLsum"]));
}

#[test]
fn output_file_equals_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    let f = dataset();
    let out = sumbench()
        .args(["eval", "--format", "markdown", "--output"])
        .arg(&path)
        .arg(f.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        render("markdown", &[])
    );
}

#[test]
fn pair_groups_the_seed_folder_without_its_manifest() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    let out = sumbench()
        .args(["pair", "--format", "json", "--write-manifest"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = v["pairing"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["source"], "000_f4961fb23fd7aed9.txt");
    let rewrites: Vec<&str> = groups[0]["rewrites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        rewrites,
        [
            "001_97746dc28c0a0776.txt",
            "002_19beb5838788bfde.txt",
            "004_72b65e9ffa9b591b.txt"
        ]
    );
    assert_eq!(
        v["pairing"]["unpaired"],
        serde_json::json!(["003_f4dcfb55ada61dbb.txt"])
    );
    // The written manifest loads, and evaluating the folder with it scores the three rewrites.
    assert!(dir.path().join("manifest.json").exists());
    let out = sumbench()
        .args(["eval", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["systems"], 3);
    assert!(
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("003_f4dcfb55ada61dbb.txt"))
    );
    // A second --write-manifest refuses to overwrite.
    let out = sumbench()
        .args(["pair", "--write-manifest"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // --show-removed lists the boilerplate.
    let out = sumbench()
        .args(["pair", "--show-removed"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Subscribe to Independent Premium to bookmark this article"),
        "{text}"
    );
    assert!(text.contains("[comments] Leave a Reply"), "{text}");
}

#[test]
fn eval_on_the_seed_folder_shows_every_section() {
    let out = sumbench().args(["eval", SEEDS]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "ROUGE",
        "Compression",
        "Extractiveness",
        "expanded-001",
        "condensed-002",
        "control-003",
        "condensed-004",
        "clean:web",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}
