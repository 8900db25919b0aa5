//! Bit-exactness of `sumbench::text::porter` against nltk's PorterStemmer
//! (NLTK_EXTENSIONS), using the reference outputs in
//! `tests/fixtures/porter_nltk.tsv` (regenerate with
//! `scripts/gen_porter_fixture.py`).

use sumbench::text::porter;

const FIXTURE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/porter_nltk.tsv"
);

/// The whole fixture file.
fn fixture() -> String {
    std::fs::read_to_string(FIXTURE_PATH)
        .unwrap_or_else(|e| panic!("cannot read {FIXTURE_PATH}: {e}"))
}

/// The `(word, nltk stem)` pairs of the fixture, skipping `#` comment lines.
fn fixture_pairs(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            line.split_once('\t')
                .unwrap_or_else(|| panic!("malformed fixture line {line:?}"))
        })
        .collect()
}

#[test]
fn porter_fixture_is_large_sorted_and_versioned() {
    let text = fixture();
    assert!(
        text.starts_with("# nltk "),
        "fixture must start with the nltk version comment"
    );
    let pairs = fixture_pairs(&text);
    assert!(
        pairs.len() >= 50_000,
        "fixture has only {} words",
        pairs.len()
    );
    assert!(
        pairs.windows(2).all(|w| w[0].0 < w[1].0),
        "fixture words must be sorted and distinct"
    );
}

#[test]
fn porter_matches_nltk_on_every_fixture_word() {
    let text = fixture();
    let pairs = fixture_pairs(&text);
    let mut out = String::new();
    let mut mismatches = Vec::new();
    for &(word, expected) in &pairs {
        porter::stem_into(word, &mut out);
        if out != expected {
            mismatches.push(format!("{word}: nltk {expected:?}, ours {out:?}"));
        } else if porter::stem(word) != expected {
            mismatches.push(format!("{word}: stem() differs from stem_into()"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} words differ from nltk; first {}:\n{}",
        mismatches.len(),
        pairs.len(),
        mismatches.len().min(50),
        mismatches[..mismatches.len().min(50)].join("\n")
    );
}
