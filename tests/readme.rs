//! The README tells the truth: its seed-dataset table is what `eval datasets/seed-news` prints.

use crate::common::sumbench;

#[test]
fn readme_seed_table_is_current() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split("<!-- seed-table")
        .nth(1)
        .and_then(|b| b.split("```\n").nth(1))
        .expect("README has the seed table block");
    let out = sumbench()
        .args([
            "eval",
            concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), block);
}
