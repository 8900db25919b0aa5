//! The integration-test binary: each module says what it covers.

mod cleaning;
mod cli;
mod common;
mod extractive_props;
mod loaders;
mod parity;
mod props;
mod reports;
mod seed;
mod stats_props;
mod stemmer;
