//! Replays the fuzz targets' inputs (`fuzz/harness.rs`, shared with `fuzz/fuzz_targets/`)
//! through the same checks in the normal suite: the seeds of each target
//! (`fuzz/seeds/TARGET/`) and every input a fuzzing run found worth keeping
//! (`fuzz/regressions/TARGET/`: crashes that were fixed, and the minimised corpus). A property
//! test adds arbitrary inputs on every run, so the checks run even where no fuzzer can.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

use proptest::prelude::*;

/// Every file under `fuzz/seeds/TARGET` and `fuzz/regressions/TARGET`, run through `check`.
fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for kind in ["seeds", "regressions"] {
        let dir = root.join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} fails its check", path.display());
            n += 1;
        }
    }
    assert!(n > 0, "no input replayed for {target}");
}

#[test]
fn jsonl_inputs() {
    replay("jsonl", harness::jsonl);
}

#[test]
fn table_inputs() {
    replay("table", harness::table);
}

#[test]
fn line_file_inputs() {
    replay("lines", harness::lines);
}

#[test]
fn directory_inputs() {
    replay("directory", harness::directory);
}

#[test]
fn tokenizer_inputs() {
    replay("tokenize", harness::tokenize);
}

#[test]
fn fact_inputs() {
    replay("facts", harness::facts);
}

#[test]
fn report_inputs() {
    replay("report", harness::report);
}

/// Bytes that look like the inputs: mostly text and the characters that structure JSON, CSV
/// and the separators, with a few arbitrary bytes.
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        6 => proptest::sample::select(b"abc XYZ 7,0.5%$\n\t\"'{}[]:,\\<n>\x01".to_vec()),
        1 => any::<u8>(),
    ];
    proptest::collection::vec(byte, 0..200)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_jsonl(data in inputs()) { harness::jsonl(&data); }

    #[test]
    fn arbitrary_table(data in inputs()) { harness::table(&data); }

    #[test]
    fn arbitrary_lines(data in inputs()) { harness::lines(&data); }

    #[test]
    fn arbitrary_directory(data in inputs()) { harness::directory(&data); }

    #[test]
    fn arbitrary_text(data in inputs()) { harness::tokenize(&data); harness::facts(&data); }

    #[test]
    fn arbitrary_report(data in inputs()) { harness::report(&data); }
}
