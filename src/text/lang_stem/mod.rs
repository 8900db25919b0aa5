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
