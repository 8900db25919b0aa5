//! multilingual-rouge's own stemmers for languages that nltk's Snowball does not cover
//! (issue 16), each reimplemented from the Python package multilingual-rouge 0.0.1 calls and
//! checked word for word against it (`tests/fixtures/multilingual/stems-{tr,bn}.tsv`, written
//! by `scripts/multilingual/stem_fixtures.py`):
//!
//! * [`turkish`]: the `TurkishStemmer` package 1.3 (a state-machine suffix stripper; not
//!   Snowball Turkish);
//! * [`bengali`]: the bundled `RafiStemmer`, with the rules file the PyPI package lacks.
//!
//! Each module's `stem` takes any word and never panics; multilingual-rouge itself lowercases
//! its tokens and stems only those longer than three characters
//! ([`multilingual::stem`](super::multilingual::stem)).

pub mod bengali;
pub mod turkish;
