//! Statistics for comparing summarisation systems: aggregation, bootstrap confidence
//! intervals, paired significance tests and multiple-comparison correction.
//!
//! * [`mean`], [`mean_at`], [`percentile`] (numpy's default linear method), and
//!   [`micro`] / [`macro_average`] of ROUGE sufficient statistics
//!   ([`Counts`](crate::metrics::rouge::Counts)), for example inside a bootstrap statistic.
//! * [`bootstrap_interval`]: percentile bootstrap over examples for any statistic of the
//!   drawn example indices (macro means, micro pooled counts, ...).
//! * [`rouge_score_bootstrap`] and [`rouge155_bootstrap`]: the corpus aggregates of
//!   rouge-score's `BootstrapAggregator` (method reproduced, seeded) and of ROUGE-1.5.5
//!   (reproduced exactly, random numbers included).
//! * [`paired_bootstrap`] and [`approximate_randomization`] (and their `_by` forms for any
//!   statistic): paired tests of B against A, as in sacreBLEU, with p = (c+1)/(N+1).
//! * [`batch`]: the same two paired tests for many metrics of the same examples at once
//!   (shared draws, cache-friendly sums): what `sumbench compare` runs.
//! * [`holm`]: Holm–Bonferroni adjusted p-values.
//! * [`corpus`]: per-system corpus aggregates of the per-example results (macro and micro
//!   means, bootstrap bands).
//! * [`density`]: kernel density estimates and histograms of per-example values (the HTML
//!   report's plots).
//! * [`compare`]: two runs (or two systems of one run) compared metric by metric, and the
//!   regression gate of `sumbench compare`.
//!
//! # Reproducibility
//!
//! All randomness comes from [`Rng`], ChaCha20 keyed by a `u64` seed ([`RNG_ID`] =
//! `chacha20`; record it in signatures, e.g. with [`BootstrapConfig::signature_entries`]). Each
//! bootstrap resample and each randomisation trial has its own ChaCha stream, so results
//! are bit-identical for a given seed on every platform and for any rayon thread count
//! (work runs on the current rayon pool). Index sampling is exactly unbiased
//! ([`Rng::index`]).
//!
//! # Invalid input
//!
//! Nothing here panics (short of a panic inside a caller-supplied closure). Empty input, mismatched lengths, NaN or infinite values, and
//! invalid settings give `None` (documented per function); no value is silently dropped.

mod aggregate;
pub mod batch;
mod bootstrap;
pub mod compare;
pub mod corpus;
pub mod density;
mod multiple;
mod paired;
mod rng;

pub use aggregate::{macro_average, mean, mean_at, micro, percentile};
pub(crate) use bootstrap::rouge155_summary;
pub use bootstrap::{
    BootstrapConfig, BootstrapSummary, Interval, bootstrap_interval, rouge_score_bootstrap,
    rouge155_bootstrap,
};
pub use multiple::holm;
pub use paired::{
    Alternative, DEFAULT_AR_TRIALS, PairedResult, TIE_RELATIVE_TOLERANCE,
    approximate_randomization, approximate_randomization_by, paired_bootstrap, paired_bootstrap_by,
};
pub use rng::{Drand48, RNG_ID, Rng};
