//! # sumbench
//!
//! A benchmark and evaluation harness for text summarisation: ROUGE-N / ROUGE-L / ROUGE-Lsum
//! numerically identical to Google's `rouge-score`, with the sufficient statistics kept for
//! corpus-level aggregation.
//!
//! Data flows one way (ARCHITECTURE.md in the repository has the picture):
//!
//! | module | owns |
//! | --- | --- |
//! | [`dataset`] | loading examples (JSONL, CSV/TSV, line-aligned files, directories), cleaning, pairing |
//! | [`text`] | analysis, once per text: tokens, stems, interned ids, sentences, shared word lists |
//! | [`metrics`] | pure scoring functions that keep their counts (ROUGE, LCS, extractiveness, facts) |
//! | [`evaluate`] | one example: every metric family on prepared texts, typed results that declare their columns |
//! | [`stats`] | corpus aggregation ([`stats::corpus`]), bootstrap, paired tests, comparisons and the gate ([`stats::compare`]) |
//! | [`run`] | a whole dataset in parallel batches, validation and notes, the [`report::Report`] |
//! | [`shard`] | a run in N parts (`eval --shard K/N`) and their merge into the single run's report |
//! | [`report`] | rendering (table, Markdown, CSV, JSON, JSONL) and the JSON schema, written and read |
//!
//! A front end (the `sumbench` binary, a binding) parses its arguments, calls [`run`] and
//! renders with [`report`]. Scoring one pair by hand:
//!
//! ```
//! use sumbench::metrics::rouge::{RougeScorer, RougeType, Scratch};
//! use sumbench::text::{Analyzer, Stemmer, Vocab};
//!
//! let scorer = RougeScorer::new(&RougeType::default_set());
//! let analyzer = Analyzer::new(Stemmer::None);
//! let mut vocab = Vocab::new();
//! let reference = scorer.prepare_reference(analyzer.analyse("The quick brown fox jumps over the lazy dog", &mut vocab), None);
//! let candidate = scorer.prepare_candidate(analyzer.analyse("The quick brown dog jumps on the log.", &mut vocab), None, std::slice::from_ref(&reference));
//! let counts = scorer.score_prepared(&reference, &candidate, &mut Scratch::default());
//! // rouge1: 6 clipped unigram hits, 8 candidate and 9 reference unigrams.
//! assert_eq!((counts[0].hits, counts[0].candidate_total, counts[0].reference_total), (6, 8, 9));
//! assert_eq!(counts[0].score().fmeasure, 0.7058823529411765); // rouge-score's value
//! ```
#![deny(missing_docs)]

/// The command line (the `sumbench` binary's, and the Python package's `sumbench.main`); not a
/// stable library API.
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
pub mod dataset;
pub mod error;
pub mod evaluate;
pub mod metrics;
pub mod report;
pub mod rouge155;
pub mod run;
pub mod shard;
pub mod signature;
pub mod stats;
pub mod text;
pub mod wording;

pub use error::{Error, Result};
