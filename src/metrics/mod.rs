//! Metrics: pure functions of analysed texts plus a configuration, returning named numbers
//! with their sufficient statistics. No I/O, no global state, no randomness.

pub mod extractive;
pub mod facts;
pub mod lcs;
pub mod ngram;
pub mod rouge;
