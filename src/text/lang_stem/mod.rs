//! multilingual-rouge's stemmers that are not Snowball programs (issue 16), each reimplemented
//! from the Python package multilingual-rouge 0.0.1 calls and checked word for word against it
//! (`tests/fixtures/multilingual/stems-{tr,bn,ar}.tsv`, written by
//! `scripts/multilingual/stem_fixtures.py` and, for Arabic, `stem_fixture_ar.py`):
//!
//! * [`turkish`]: the `TurkishStemmer` package 1.3 (a state-machine suffix stripper; not
//!   Snowball Turkish);
//! * [`bengali`]: the bundled `RafiStemmer`, with the rules file the PyPI package lacks;
//! * [`arabic`]: nltk 3.10.4's `ArabicStemmer`, nltk's own Python stemmer in place of the
//!   Snowball program (and a stemmer object keeps a flag from word to word, which
//!   [`arabic::Stemmer`] carries; `stems-ar-mrouge.tsv` checks a sequence with NLTK's stop
//!   words).
//!
//! Each module's `stem` takes any word and never panics; multilingual-rouge itself lowercases
//! its tokens and stems only those longer than three characters
//! ([`multilingual::stem`](super::multilingual::stem)).

pub mod arabic;
pub mod bengali;
pub mod turkish;

/// Checks a `word<TAB>stem` fixture line by line against `stem` (called in file order, so a
/// stateful stemmer sees the words as the Python package did), listing the first differences.
#[cfg(test)]
fn check_fixture(fixture: &str, min_lines: usize, mut stem: impl FnMut(usize, &str) -> String) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in fixture.split('\n').filter(|l| !l.is_empty()) {
        let (word, want) = line.split_once('\t').expect("word<TAB>stem");
        n += 1;
        let got = stem(n, word);
        if got != want {
            failures.push(format!("{n}: {word:?}: {got:?}, want {want:?}"));
        }
    }
    assert!(n > min_lines, "{n} fixture lines");
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
