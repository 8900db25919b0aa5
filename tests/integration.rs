//! The integration-test binary: each module says what it covers.

mod cleaning;
mod cli;
mod common;
mod explain;
mod extractive_props;
mod facts_lang;
mod facts_seeds;
mod fuzzing;
mod gate;
mod hardening;
mod html;
mod loaders;
mod multilingual;
mod parity;
mod props;
mod readme;
mod reliability;
mod reports;
mod rouge155;
mod seed;
mod shard;
mod stats_props;
mod stemmer;
