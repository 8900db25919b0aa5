//! Helpers shared by the test modules.

use std::path::PathBuf;

/// Path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name)
}

/// The lines of a JSONL fixture, parsed.
pub fn jsonl(name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture line is JSON"))
        .collect()
}

/// The `sumbench` binary, ready for arguments.
pub fn sumbench() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sumbench").unwrap()
}

/// Runs `sumbench` with `args`, asserts success (showing stderr otherwise), returns stdout.
pub fn run_ok<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = sumbench().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Writes `bytes` to `dir/name`; returns the path as a string, for an argument.
pub fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_owned()
}

/// Runs `sumbench` expecting exit code `code`; returns (stdout, stderr).
pub fn exits(args: &[&str], code: i32) -> (String, String) {
    let out = sumbench().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// The per-example rows of a `sumbench.report/2` JSON report (stored by column), as one
/// object per example and system: `id`, `system`, `target`, `n_refs`, `removed_lines`,
/// `counts` (`{type: {hits, ...}}`), `values` (`{key: value}`), `facts`, and `scores`
/// (`{type: {precision, recall, fmeasure}}`, from the ROUGE values).
#[allow(dead_code)]
pub fn example_records(report: &serde_json::Value) -> Vec<serde_json::Value> {
    use serde_json::{Map, Value, json};
    let e = &report["examples"];
    assert_eq!(report["schema"], "sumbench.report/2");
    let rows = e["rows"].as_u64().unwrap() as usize;
    (0..rows)
        .map(|i| {
            let mut counts = Map::new();
            for (t, fields) in e["counts"].as_object().unwrap() {
                let mut c = Map::new();
                for (f, col) in fields.as_object().unwrap() {
                    c.insert(f.clone(), col[i].clone());
                }
                counts.insert(t.clone(), Value::Object(c));
            }
            let mut values = Map::new();
            let mut scores = Map::new();
            for (k, col) in e["values"].as_object().unwrap() {
                values.insert(k.clone(), col[i].clone());
                if let Some((t, f)) = k.split_once('.')
                    && t.starts_with("rouge")
                {
                    let entry = scores.entry(t.to_owned()).or_insert_with(|| json!({}));
                    entry[f] = col[i].clone();
                }
            }
            json!({
                "id": e["id"][i], "system": e["system"][i], "target": e["target"][i],
                "n_refs": e["n_refs"][i], "removed_lines": e["removed_lines"][i],
                "counts": counts, "values": values, "scores": scores, "facts": e["facts"][i],
            })
        })
        .collect()
}
